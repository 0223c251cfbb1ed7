import { useTranslation } from 'react-i18next';
import { useResource } from '../../../api/use-resource';
import { useErrorMessage } from '../../../i18n/use-error-message';
import { useSocketEvent } from '../../../realtime/realtime-context';
import { Alert } from '../../../ui/Alert';
import { documentsApi } from '../../documents/documents.api';

/** After publishing: per participant, documents received on the tablet (X/Y) and whether anything was opened. */
export function DeliveryTable({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const delivery = useResource(`delivery:${meetingId}`, (signal) => documentsApi.delivery(meetingId, signal));
  useSocketEvent('pack:delivery-changed', (e) => e.meetingId === meetingId && delivery.reload());
  useSocketEvent('document:added', (e) => e.meetingId === meetingId && delivery.reload());
  useSocketEvent('document:updated', (e) => e.meetingId === meetingId && delivery.reload());

  return (
    <section className="card stack" aria-labelledby="delivery-title">
      <h2 id="delivery-title">{t('publish.deliveryTitle')}</h2>
      {delivery.error !== null && <Alert>{describeError(delivery.error)}</Alert>}
      {delivery.data && (
        <div className="table-wrap">
          <table className="table" data-testid="delivery-table">
            <thead>
              <tr>
                <th scope="col">{t('users.fullName')}</th>
                <th scope="col">{t('prep.participants.role')}</th>
                <th scope="col">{t('publish.received')}</th>
                <th scope="col">{t('publish.opened')}</th>
              </tr>
            </thead>
            <tbody>
              {delivery.data.map((row) => {
                const received = row.documents.filter((d) => d.receivedVersion !== null).length;
                const opened = row.documents.filter((d) => d.openedVersion !== null).length;
                return (
                  <tr key={row.user.id} data-testid="delivery-row" data-user-id={row.user.id}>
                    <td className="table__primary">{row.user.fullName}</td>
                    <td data-label={t('prep.participants.role')}>{t(`meetingRoles.${row.role}`, { defaultValue: row.role })}</td>
                    <td data-label={t('publish.received')}>
                      <span className={`badge badge--${row.receivedAll ? 'on' : 'off'}`}>
                        {t('publish.receivedCount', { received, total: row.documents.length })}
                      </span>
                    </td>
                    <td data-label={t('publish.opened')}>
                      <span className={`badge badge--${row.openedAny ? 'on' : 'off'}`}>
                        {row.openedAny ? t('publish.openedCount', { opened, total: row.documents.length }) : t('publish.notOpened')}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
