import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveSeat, LiveVote } from '@phonghop/shared';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { useLive, useSubstituteFormat } from '../live/live-context';
import { seatName } from '../live/seats';
import { BallotCard } from './BallotCard';
import { CancelVoteDialog } from './CancelVoteDialog';
import { RecordBallotDialog } from './RecordBallotDialog';
import { barWidth } from './vote-format';
import { ballotStanding, lateCandidates, seatsNotVoted } from './vote-standing';
import { VoteCountdown, VoteProgress } from './VoteProgress';

/**
 * An open vote as the chair (or a secretary) runs it: progress, who has not voted yet (not for a secret vote), the
 * running counts only if the vote was created to show them, the chair's own ballot, then close, cancel, admit a
 * late arrival (chair) or record a show-of-hands ballot (secretary, not for a secret vote).
 */
export function RunningVote({ voteId, vote, mode }: { voteId: string; vote: LiveVote; mode: 'chair' | 'secretary' }) {
  const { t } = useTranslation();
  const { view, room, run, pending } = useLive();
  const format = useSubstituteFormat();
  const [closing, setClosing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [recording, setRecording] = useState<LiveSeat | null>(null);
  const waiting = seatsNotVoted(vote, room.seats);
  const late = mode === 'chair' ? lateCandidates(vote, room.seats, view.state.attendance) : [];
  const secret = vote.kind === 'secret';
  const myStanding = ballotStanding(vote, room.me);

  const close = async () => {
    if (await run('vote:close', { voteId }, `close:${voteId}`)) setClosing(false);
  };

  return (
    <div className="running-vote" data-testid="running-vote" data-vote-id={voteId}>
      <VoteCountdown closesAt={vote.closesAt} />
      <VoteProgress vote={vote} />
      {vote.liveCounts && <LiveCounts vote={vote} counts={vote.liveCounts} />}
      {!vote.liveCounts && <p className="muted small">{t(secret ? 'votes.running.secretHidden' : 'votes.running.hidden')}</p>}

      {!secret && (
        <div className="running-vote__waiting" data-testid="not-voted">
          <h4 className="live-subtitle">{t('votes.running.notVoted', { n: waiting.length })}</h4>
          {waiting.length === 0 ? (
            <p className="muted">{t('votes.running.allVoted')}</p>
          ) : (
            <ul className="vote-seats">
              {waiting.map((seat) => (
                <li key={seat.userId} className="vote-seats__row" data-testid="not-voted-seat" data-user-id={seat.userId}>
                  <span>{seatName(seat, format)}</span>
                  {mode === 'secretary' && (
                    <Button variant="secondary" onClick={() => setRecording(seat)} data-testid="record-ballot">
                      {t('votes.record.button')}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {secret && mode === 'secretary' && <p className="muted small">{t('votes.record.notForSecret')}</p>}

      {myStanding.kind !== 'not-eligible' && (
        <div className="running-vote__mine">
          <h4 className="live-subtitle">{t('votes.running.yourBallot')}</h4>
          <BallotCard key={voteId} voteId={voteId} vote={vote} />
        </div>
      )}

      {late.length > 0 && (
        <div className="running-vote__late" data-testid="late-arrivals">
          <h4 className="live-subtitle">{t('votes.late.title')}</h4>
          <p className="muted small">{t('votes.late.hint')}</p>
          <ul className="vote-seats">
            {late.map((seat) => (
              <li key={seat.userId} className="vote-seats__row">
                <span>{seatName(seat, format)}</span>
                <Button
                  variant="secondary"
                  busy={pending.has(`admit:${seat.userId}`)}
                  onClick={() => void run('vote:admit-late', { voteId, userId: seat.userId }, `admit:${seat.userId}`)}
                  data-testid="admit-late"
                >
                  {t('votes.late.admit')}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      )}

      {mode === 'chair' && (
        <div className="live-actions">
          <Button onClick={() => setClosing(true)} data-testid="vote-close">
            {t('votes.running.close')}
          </Button>
          <Button variant="danger" onClick={() => setCancelling(true)} data-testid="vote-cancel">
            {t('votes.running.cancel')}
          </Button>
        </div>
      )}

      <Dialog open={closing} onClose={() => setClosing(false)} title={t('votes.running.closeTitle')} closeLabel={t('live.close')}>
        <div className="form">
          <p>{t('votes.running.closeText', { cast: vote.castCount, eligible: vote.eligible.length })}</p>
          <div className="form__actions">
            <Button variant="secondary" onClick={() => setClosing(false)}>
              {t('live.cancel')}
            </Button>
            <Button busy={pending.has(`close:${voteId}`)} onClick={() => void close()} data-testid="confirm-vote-close">
              {t('votes.running.close')}
            </Button>
          </div>
        </div>
      </Dialog>
      {cancelling && <CancelVoteDialog voteId={voteId} onClose={() => setCancelling(false)} />}
      {recording && <RecordBallotDialog voteId={voteId} vote={vote} seat={recording} onClose={() => setRecording(null)} />}
    </div>
  );
}

/** Running counts of an open vote created with "show live choices" (never a named or secret vote). */
function LiveCounts({ vote, counts }: { vote: LiveVote; counts: Record<string, number> }) {
  const { t } = useTranslation();
  const cast = Math.max(1, vote.castCount);
  return (
    <ul className="vote-result__options" data-testid="vote-live-counts" aria-label={t('votes.running.liveCounts')}>
      {vote.options.map((o) => (
        <li key={o.key} className="vote-result__option">
          <div className="vote-result__line">
            <span className="vote-result__label">{o.label}</span>
            <span className="vote-result__count">{t('votes.result.ballots', { n: counts[o.key] ?? 0 })}</span>
          </div>
          <div className="vote-bar" aria-hidden="true">
            <span className={`vote-bar__fill vote-bar__fill--${o.role ?? 'choice'}`} style={{ width: `${barWidth(((counts[o.key] ?? 0) * 100) / cast)}%` }} />
          </div>
        </li>
      ))}
    </ul>
  );
}
