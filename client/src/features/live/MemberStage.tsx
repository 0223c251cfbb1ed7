import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { browseTo, FOLLOWING, type Follow, type PageRef, shownPage } from './follow';
import { useLive, useSubstituteFormat } from './live-context';
import { PageGoTo } from './PageGoTo';
import { PageIndicator, PresentedPage } from './PresentedPage';
import { docLabel, pageCountOf } from './presented-doc';
import { PresentationControls } from './PresentationControls';
import { personName } from './seats';
import { usePageKeys } from './use-page-keys';

/**
 * The member's view of the presented page. Following, it turns with the presenter; turning a page themselves
 * detaches it ("Đang xem riêng") until "Theo người trình bày". The designated presenter's pages drive the room.
 */
export function MemberStage() {
  const { t } = useTranslation();
  const { view, room } = useLive();
  const [follow, setFollow] = useState<Follow>(FOLLOWING);
  const { presentation, designatedPresenterId } = view.state;
  const presenting = designatedPresenterId !== null && designatedPresenterId === room.me.seatUserId;
  const shown = presenting ? presentation : shownPage(follow, presentation);
  const following = presenting || follow.mode === 'following';

  return (
    <section className="card live-stage" aria-label={t('live.presentation.title')} data-testid="member-stage">
      {presenting ? (
        <div className="live-stage__bar">
          <p className="follow-state follow-state--presenting" data-testid="follow-state" data-following="presenter">
            {t('live.presentation.youPresent')}
          </p>
          <PresentationControls />
        </div>
      ) : (
        <FollowBar follow={follow} shown={shown} onFollow={setFollow} />
      )}
      {shown ? (
        <StagePage target={shown} />
      ) : (
        <EmptyState title={t('live.presentation.none')}>{following && t('live.presentation.noneHint')}</EmptyState>
      )}
    </section>
  );
}

function FollowBar({ follow, shown, onFollow }: { follow: Follow; shown: PageRef | null; onFollow: (f: Follow) => void }) {
  const { t } = useTranslation();
  const { view, room, docs } = useLive();
  const format = useSubstituteFormat();
  const presentation = view.state.presentation;
  const total = shown ? pageCountOf(docs, shown) : null;
  const browse = (page: number) => onFollow(browseTo(follow, presentation, page, total ?? Number.POSITIVE_INFINITY));
  const canPrev = shown !== null && shown.page > 1;
  const canNext = shown !== null && (total === null || shown.page < total);
  usePageKeys(
    () => {
      if (shown && canPrev) browse(shown.page - 1);
    },
    () => {
      if (shown && canNext) browse(shown.page + 1);
    },
  );
  const following = follow.mode === 'following';

  return (
    <div className="live-stage__bar">
      {(presentation || !following) && (
        <div className={`follow-state ${following ? 'follow-state--on' : 'follow-state--off'}`} data-testid="follow-state" data-following={following}>
          <span>{following ? t('live.presentation.following') : t('live.presentation.detached')}</span>
          {following && presentation && (
            <span className="muted small"> · {t('live.presentation.presenter', { name: personName(room.seats, presentation.presenterUserId, format, t('live.someone')) })}</span>
          )}
          {!following && presentation && (
            <span className="small" data-testid="presenter-page" data-page={presentation.page}>
              {t('live.presentation.presenterAt', { page: presentation.page })}
            </span>
          )}
          {!following && (
            <Button onClick={() => onFollow(FOLLOWING)} disabled={!presentation} data-testid="follow-presenter">
              {t('live.presentation.follow')}
            </Button>
          )}
        </div>
      )}
      {shown && (
        <div className="live-actions">
          <button type="button" className="icon-btn" onClick={() => browse(shown.page - 1)} disabled={!canPrev} aria-label={t('live.presentation.prev')} title={t('live.presentation.prev')} data-testid="member-prev">
            ‹
          </button>
          <PageIndicator page={shown.page} total={total} />
          <button type="button" className="icon-btn" onClick={() => browse(shown.page + 1)} disabled={!canNext} aria-label={t('live.presentation.next')} title={t('live.presentation.next')} data-testid="member-next">
            ›
          </button>
          <PageGoTo onGo={browse} testId="member-goto" />
        </div>
      )}
    </div>
  );
}

/** The page, large, with the document it belongs to. */
export function StagePage({ target }: { target: PageRef }) {
  const { t } = useTranslation();
  const { docs } = useLive();
  const doc = docs.find((d) => d.id === target.documentId);
  return (
    <>
      {doc && <p className="live-stage__doc">{docLabel(doc)}</p>}
      <div className="live-stage__page">
        <PresentedPage target={target} label={t('live.presentation.pageLabel', { page: target.page })} />
      </div>
    </>
  );
}
