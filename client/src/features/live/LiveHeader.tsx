import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { vnTime } from '../meetings/vn-time';
import { useLive } from './live-context';
import { LiveConnectionBadge, LiveStatusBadge, QuorumBadge } from './LiveBadges';

/** Title, status, link state, quorum and the item under discussion: the same on every tablet. */
export function LiveHeader() {
  const { t } = useTranslation();
  const { meetingId, view, room } = useLive();
  return (
    <header className="live-header">
      <div className="live-header__top">
        <div>
          <p className="page__eyebrow">{t('live.title')}</p>
          <h1 data-testid="page-title">{room.title}</h1>
        </div>
        <div className="live-header__badges">
          <LiveStatusBadge status={view.state.status} />
          <LiveConnectionBadge connection={view.connection} />
          <Link className="btn btn--secondary" to={`/cuoc-hop/${meetingId}`} data-testid="live-back">
            {t('live.back')}
          </Link>
        </div>
      </div>
      {view.staleSince !== null && (
        <p className="live-stale" data-testid="live-stale" role="status">
          {t('live.stale', { time: vnTime(new Date(view.staleSince).toISOString()) })}
        </p>
      )}
      <div className="live-header__bottom">
        <CurrentItem />
        <QuorumBadge />
      </div>
    </header>
  );
}

/** "Nội dung đang họp: 2. Đánh giá kết quả…" */
export function CurrentItem({ className = 'current-item' }: { className?: string }) {
  const { t } = useTranslation();
  const { view, agenda } = useLive();
  const item = agenda.find((i) => i.id === view.state.currentItemId);
  return (
    <p className={className} data-testid="live-current-item" data-number={item?.number ?? ''}>
      <span className="current-item__label">{t('live.agenda.currentItem')}</span>{' '}
      {item ? (
        <span className="current-item__title">
          {item.number}. {item.title}
        </span>
      ) : (
        <span className="muted">{t('live.agenda.none')}</span>
      )}
    </p>
  );
}
