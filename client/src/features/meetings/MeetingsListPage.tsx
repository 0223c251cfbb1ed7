import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatVnShort } from '@phonghop/shared';
import { useResource } from '../../api/use-resource';
import { useErrorMessage } from '../../i18n/use-error-message';
import { useSocketEvent } from '../../realtime/realtime-context';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Spinner } from '../../ui/Spinner';
import { meetingsApi, type MeetingScope } from './meetings.api';
import { StatusBadge } from './StatusBadge';
import { vnTime } from './vn-time';

/** Secretary's desk: every meeting, newest first, with the way into each one's preparation. */
export function MeetingsListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const describeError = useErrorMessage();
  const [scope, setScope] = useState<MeetingScope>('upcoming');
  const list = useResource(scope, (signal) => meetingsApi.list(scope, signal));
  useSocketEvent('meeting:updated', list.reload);
  useSocketEvent('pack:delivery-changed', list.reload);

  return (
    <div className="page">
      <div className="page__header">
        <div>
          <h1 data-testid="page-title">{t('meetings.listTitle')}</h1>
          {list.data && <p className="muted">{t('meetings.count', { count: list.data.length })}</p>}
        </div>
        <div className="page__actions">
          <Button onClick={() => void navigate('/cuoc-hop/moi')} data-testid="create-meeting">
            {t('meetings.create')}
          </Button>
        </div>
      </div>
      <div className="tabs" role="tablist" aria-label={t('meetings.scopeLabel')}>
        {(['upcoming', 'past', 'all'] as const).map((s) => (
          <button key={s} type="button" role="tab" aria-selected={scope === s} className="tab" onClick={() => setScope(s)} data-testid={`scope-${s}`}>
            {t(`meetings.scope.${s}`)}
          </button>
        ))}
      </div>
      {list.error !== null && <Alert>{describeError(list.error)}</Alert>}
      {list.loading && !list.data && (
        <div className="center-block">
          <Spinner size="lg" label={t('app.loading')} />
        </div>
      )}
      {list.data && list.data.length === 0 && <EmptyState title={t('meetings.emptyTitle')} />}
      {list.data && list.data.length > 0 && (
        <div className="card table-wrap">
          <table className="table" data-testid="meetings-table">
            <caption className="visually-hidden">{t('meetings.listTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('meetings.fields.title')}</th>
                <th scope="col">{t('meetings.fields.kind')}</th>
                <th scope="col">{t('meetings.fields.time')}</th>
                <th scope="col">{t('meetings.fields.location')}</th>
                <th scope="col">{t('meetings.fields.status')}</th>
                <th scope="col" className="table__actions-col">
                  {t('users.actions')}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((m) => (
                <tr key={m.id} data-testid="meeting-row" data-meeting-id={m.id}>
                  <td className="table__primary">
                    <Link to={`/cuoc-hop/${m.id}`} className="strong-link">
                      {m.title}
                    </Link>
                    {m.chair && <div className="muted small">{t('meetings.chairedBy', { name: m.chair.fullName })}</div>}
                  </td>
                  <td data-label={t('meetings.fields.kind')}>{t(`meetings.kinds.${m.kind}`)}</td>
                  <td data-label={t('meetings.fields.time')} className="nowrap">
                    {formatVnShort(new Date(m.startsAt))}–{vnTime(m.endsAt)}
                  </td>
                  <td data-label={t('meetings.fields.location')}>{m.location}</td>
                  <td data-label={t('meetings.fields.status')}>
                    <StatusBadge status={m.status} />
                  </td>
                  <td className="table__actions-cell">
                    <div className="table__actions">
                      <Link className="btn btn--secondary" to={`/cuoc-hop/${m.id}/chuan-bi`} data-testid="prepare-meeting">
                        {t('meetings.prepare')}
                      </Link>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
