import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/EmptyState';
import { useCurrentUser } from '../auth/session-context';

export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <div className="page">
      <div className="page__header">
        <div>
          <p className="page__eyebrow">{t('home.greeting', { name: user.fullName })}</p>
          <h1 data-testid="page-title">{t('home.title')}</h1>
        </div>
      </div>
      <EmptyState title={t('home.emptyTitle')}>
        <p>{t('home.emptyText')}</p>
      </EmptyState>
    </div>
  );
}
