import './live.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../api/api-error';
import { useErrorMessage } from '../../i18n/use-error-message';
import { Spinner } from '../../ui/Spinner';
import { ProjectorVote, useProjectorVote } from '../votes/ProjectorVote';
import { CurrentSpeakerCard } from './CurrentSpeakerCard';
import { LiveRoomContext, useLive } from './live-context';
import { LiveConnectionBadge, LiveStatusBadge, QuorumBadge } from './LiveBadges';
import { CurrentItem } from './LiveHeader';
import { PageIndicator, PresentedPage } from './PresentedPage';
import { docLabel, pageCountOf } from './presented-doc';
import { useLiveRoomApi } from './use-live-room-api';

/**
 * /cuoc-hop/:id/man-chieu — the wall of the meeting room: no chrome and no controls, dark, type readable from the
 * back row. It fills the viewport by itself; the first tap also asks the browser for real full screen.
 */
export default function ProjectorPage() {
  const { id = '' } = useParams();
  return <Projector key={id} meetingId={id} />;
}

function Projector({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const { api, joinError, loadError } = useLiveRoomApi(meetingId);
  const fullscreen = useFullscreenOnTap();

  return (
    <div className="projector" data-testid="projector" onPointerUp={fullscreen.request}>
      {api ? (
        <LiveRoomContext.Provider value={api}>
          <ProjectorScreen />
        </LiveRoomContext.Provider>
      ) : (
        <div className="projector__waiting">
          {joinError ? (
            <p role="alert">{describe(new ApiError(0, joinError.code as ApiError['code'], joinError.message))}</p>
          ) : (
            <>
              <Spinner size="lg" label={t('live.loading')} />
              {loadError !== null && <p role="alert">{describe(loadError)}</p>}
            </>
          )}
        </div>
      )}
      {fullscreen.available && !fullscreen.active && <p className="projector__hint">{t('live.projector.tapForFullscreen')}</p>}
    </div>
  );
}

function ProjectorScreen() {
  const { t } = useTranslation();
  const { view, room, docs } = useLive();
  const presentation = view.state.presentation;
  const doc = presentation ? docs.find((d) => d.id === presentation.documentId) : undefined;
  // a vote takes the wall while it runs, and its published result until the room moves on
  const vote = useProjectorVote();

  return (
    <>
      <header className="projector__header">
        <p className="projector__title" data-testid="page-title">
          {room.title}
        </p>
        <div className="projector__badges">
          <LiveStatusBadge status={view.state.status} />
          {view.connection !== 'live' && <LiveConnectionBadge connection={view.connection} />}
        </div>
        <CurrentItem className="projector__item" />
      </header>
      <main className="projector__stage">
        {vote ? (
          <ProjectorVote vote={vote.vote} />
        ) : presentation ? (
          <PresentedPage target={presentation} label={t('live.presentation.pageLabel', { page: presentation.page })} />
        ) : (
          <p className="projector__empty" data-testid="presentation-empty">
            {t('live.presentation.none')}
          </p>
        )}
      </main>
      <aside className="projector__side">
        <CurrentSpeakerCard />
        {presentation && (
          <p className="projector__doc">
            {doc && <span>{docLabel(doc)}</span>}
            <PageIndicator page={presentation.page} total={pageCountOf(docs, presentation)} />
          </p>
        )}
        <QuorumBadge />
      </aside>
    </>
  );
}

/** Full screen on a tap where the browser allows it (it needs a user gesture); the layout never depends on it. */
function useFullscreenOnTap(): { available: boolean; active: boolean; request: () => void } {
  const available = typeof document !== 'undefined' && document.fullscreenEnabled === true;
  const [active, setActive] = useState(false);
  useEffect(() => {
    const onChange = () => setActive(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  const request = () => {
    if (!available || document.fullscreenElement) return;
    document.documentElement.requestFullscreen().catch(() => undefined);
  };
  return { available, active, request };
}
