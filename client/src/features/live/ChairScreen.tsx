import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/EmptyState';
import { VotePanel } from '../votes/VotePanel';
import { AgendaPanel } from './AgendaPanel';
import { AttendancePanel } from './AttendancePanel';
import { useLive } from './live-context';
import { LiveHeader } from './LiveHeader';
import { MeetingControls } from './MeetingControls';
import { StagePage } from './MemberStage';
import { PresentationControls } from './PresentationControls';
import { PresenterDesignation } from './PresenterDesignation';
import { SpeakerPanel } from './SpeakerPanel';

/** The chair's control screen (tablet first): run the session, votes, the agenda, the floor, the projector, the roll call. */
export function ChairScreen() {
  const { t } = useTranslation();
  const { view } = useLive();
  const presentation = view.state.presentation;
  return (
    <div className="page live-room" data-testid="chair-screen">
      <LiveHeader />
      <div className="live-grid">
        <div className="live-col">
          <MeetingControls />
          <VotePanel mode="chair" />
          <SpeakerPanel />
          <AgendaPanel />
        </div>
        <div className="live-col">
          <section className="card live-panel" aria-labelledby="live-presentation-title" data-testid="presentation-panel">
            <h2 id="live-presentation-title">{t('live.presentation.title')}</h2>
            <PresentationControls />
            <div className="live-preview">
              {presentation ? <StagePage target={presentation} /> : <EmptyState title={t('live.presentation.none')} />}
            </div>
            <PresenterDesignation />
          </section>
          <AttendancePanel canMark />
        </div>
      </div>
    </div>
  );
}
