import { useTranslation } from 'react-i18next';
import { liveQuorum, type LiveConnection, type LiveMeetingStatus } from '@phonghop/shared';
import { useLive } from './live-context';
import { quorumRuleLabel } from './quorum-label';

export function LiveStatusBadge({ status }: { status: LiveMeetingStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge live-status live-status--${status}`} data-testid="live-status" data-status={status}>
      {t(`live.status.${status}`)}
    </span>
  );
}

/** The live session's link to the server: live, catching up, or cut off (the screen may be stale). */
export function LiveConnectionBadge({ connection }: { connection: LiveConnection }) {
  const { t } = useTranslation();
  return (
    <span className={`live-connection live-connection--${connection}`} data-testid="live-connection" data-state={connection} role="status">
      <span className="live-connection__dot" aria-hidden="true" />
      {t(`live.connection.${connection}`)}
    </span>
  );
}

/** "Đủ số lượng đại biểu: 5/8, cần 5" with the meeting's rule. */
export function QuorumBadge({ withRule = true }: { withRule?: boolean }) {
  const { t } = useTranslation();
  const { view, room } = useLive();
  const q = liveQuorum(view.state, room);
  const vars = { present: q.present, voting: q.voting, required: q.required };
  return (
    <span className={`quorum ${q.met ? 'quorum--met' : 'quorum--short'}`} data-testid="quorum" data-met={q.met} data-present={q.present} data-required={q.required}>
      <span className="quorum__count">{t(q.met ? 'live.quorum.met' : 'live.quorum.notMet', vars)}</span>
      {withRule && <span className="quorum__rule">({quorumRuleLabel(room.settings.quorumRule, t)})</span>}
    </span>
  );
}
