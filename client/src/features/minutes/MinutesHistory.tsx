import { useTranslation } from 'react-i18next';
import { formatVnShort } from '@phonghop/shared';
import { useResource } from '../../api/use-resource';
import { useErrorMessage } from '../../i18n/use-error-message';
import { Alert } from '../../ui/Alert';
import { Spinner } from '../../ui/Spinner';
import { minutesApi } from './minutes.api';

/** The version history: who changed what and when (each autosave that changed something is one revision). */
export function MinutesHistory({ meetingId, version }: { meetingId: string; version: number }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  // loaded when opened, and again when the version moves on
  const list = useResource(`mr:${meetingId}:${version}`, (signal) => minutesApi.revisions(meetingId, signal));
  return (
    <details className="card minutes-history" data-testid="minutes-history">
      <summary>
        <h2>{t('minutes.history.title')}</h2>
      </summary>
      {list.loading && <Spinner label={t('app.loading')} />}
      {list.error !== null && <Alert>{describeError(list.error)}</Alert>}
      {list.data && list.data.length === 0 && <p className="muted">{t('minutes.history.none')}</p>}
      <ol className="minutes-history__list" reversed>
        {list.data
          ?.slice()
          .reverse()
          .map((r) => (
            <li key={r.version} data-testid="minutes-revision">
              <strong>{t('minutes.history.version', { version: r.version })}</strong> · {t(`minutes.history.actions.${r.action}`)} ·{' '}
              {r.by?.fullName ?? t('minutes.someone')} · {formatVnShort(new Date(r.at))}
              {r.changes.length > 0 && <span className="muted"> · {t('minutes.history.changes', { count: r.changes.length })}</span>}
            </li>
          ))}
      </ol>
    </details>
  );
}
