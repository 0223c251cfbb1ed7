import { MemberVoteCard } from '../votes/MemberVoteCard';
import { VotePanel } from '../votes/VotePanel';
import { AttendancePanel } from './AttendancePanel';
import { CheckInBox } from './CheckInBox';
import { useLive } from './live-context';
import { LiveHeader } from './LiveHeader';
import { MemberSpeakerBox } from './MemberSpeakerBox';
import { MemberStage } from './MemberStage';

/**
 * Everyone in the room but the chair: a vote's ballot and result above all, the presented page, large, their own
 * check-in and turn to speak. Secretaries (of the meeting or the office) also keep the roll call and prepare votes.
 */
export function MemberScreen({ canMark }: { canMark: boolean }) {
  const { room } = useLive();
  const seated = room.me.role === 'chair' || room.me.role === 'member' || room.me.role === 'secretary';
  return (
    <div className="page live-room" data-testid="member-screen">
      <LiveHeader />
      {!canMark && <MemberVoteCard />}
      <div className="live-member">
        <MemberStage />
        <aside className="live-col">
          {seated && <CheckInBox />}
          <MemberSpeakerBox />
          {canMark && <VotePanel mode="secretary" />}
          {canMark && <AttendancePanel canMark />}
        </aside>
      </div>
    </div>
  );
}
