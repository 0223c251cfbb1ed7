import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../i18n/use-error-message';
import { Alert } from '../../ui/Alert';
import { Spinner } from '../../ui/Spinner';
import { ProgressBar } from './ProgressBar';
import type { UploadPhase } from './use-upload';

export function UploadStatus({ phase }: { phase: UploadPhase }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  if (phase.kind === 'sending') {
    return (
      <div className="upload-status">
        <ProgressBar value={phase.percent} label={t('documents.uploading')} testId="upload-progress" />
        <span className="muted small">{t('documents.uploadingPercent', { percent: Math.round(phase.percent) })}</span>
      </div>
    );
  }
  if (phase.kind === 'processing') {
    return (
      <div className="upload-status" role="status" data-testid="upload-processing">
        <ProgressBar value={100} label={t('documents.uploading')} testId="upload-progress" />
        <span className="upload-status__line">
          <Spinner size="sm" /> {t('documents.processing')}
        </span>
      </div>
    );
  }
  if (phase.kind === 'error') return <Alert>{describeError(phase.error)}</Alert>;
  return null;
}
