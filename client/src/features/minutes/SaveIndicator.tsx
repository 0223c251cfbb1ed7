import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../i18n/use-error-message';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { vnTime } from '../meetings/vn-time';
import type { AutosaveView } from './autosave';

/** "Đang lưu…", "Đã lưu lúc 09:41", or what went wrong and what to do about it. */
export function SaveIndicator({ view, onReload, onRetry }: { view: AutosaveView; onReload: () => void; onRetry: () => void }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  if (view.status === 'conflict') {
    return (
      <Alert tone="warning">
        <p data-testid="save-conflict">{t('minutes.save.conflict')}</p>
        <Button variant="secondary" onClick={onReload} data-testid="reload-minutes">
          {t('minutes.save.reload')}
        </Button>
      </Alert>
    );
  }
  if (view.status === 'error') {
    return (
      <Alert>
        <p>{t('minutes.save.failed', { reason: describeError(view.error) })}</p>
        <Button variant="secondary" onClick={onRetry}>
          {t('minutes.save.retry')}
        </Button>
      </Alert>
    );
  }
  const text =
    view.status === 'pending' || view.status === 'saving'
      ? t('minutes.save.saving')
      : view.savedAt
        ? t('minutes.save.savedAt', { time: vnTime(view.savedAt) })
        : t('minutes.save.autosave');
  return (
    <p className="minutes-save" role="status" aria-live="polite" data-testid="save-status" data-status={view.status}>
      {text}
    </p>
  );
}
