import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource';
import { useErrorMessage } from '../../i18n/use-error-message';
import { useSocketEvent } from '../../realtime/realtime-context';
import { Alert } from '../../ui/Alert';
import { EmptyState } from '../../ui/EmptyState';
import { Spinner } from '../../ui/Spinner';
import { useCurrentUser } from '../auth/session-context';
import { MeetingCard } from './MeetingCard';
import { meetingsApi } from './meetings.api';

export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const describeError = useErrorMessage();
  const [scope, setScope] = useState<'upcoming' | 'past'>('upcoming');
  const list = useResource(`home:${scope}`, (signal) => meetingsApi.list(scope, signal));
  useSocketEvent('meeting:published', list.reload);
  useSocketEvent('meeting:updated', list.reload);
  useSocketEvent('meeting:cancelled', list.reload);
  useSocketEvent('document:added', list.reload);
  useSocketEvent('document:updated', list.reload);
  useSocketEvent('document:removed', list.reload);

  return (
    <div className="page">
      <div className="page__header">
        <div>
          <p className="page__eyebrow">{t('home.greeting', { name: user.fullName })}</p>
          <h1 data-testid="page-title">{t('home.title')}</h1>
        </div>
      </div>
      <div className="tabs" role="tablist" aria-label={t('meetings.scopeLabel')}>
        {(['upcoming', 'past'] as const).map((s) => (
          <button key={s} type="button" role="tab" aria-selected={scope === s} className="tab" onClick={() => setScope(s)} data-testid={`home-tab-${s}`}>
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
      {list.data && list.data.length === 0 && (
        <EmptyState title={t('home.emptyTitle')}>
          <p>{scope === 'upcoming' ? t('home.emptyText') : t('home.emptyPast')}</p>
        </EmptyState>
      )}
      {list.data && list.data.length > 0 && (
        <ul className="meeting-cards" data-testid="meeting-cards">
          {list.data.map((m) => (
            <MeetingCard key={m.id} meeting={m} />
          ))}
        </ul>
      )}
    </div>
  );
}
