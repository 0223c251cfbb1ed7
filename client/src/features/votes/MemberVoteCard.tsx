import './votes.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { useLive } from '../live/live-context';
import { BallotCard } from './BallotCard';
import { choiceLabels } from './ballot-selection';
import { recallBallot } from './my-ballot';
import { belongsToCurrentItem, currentVote } from './vote-standing';
import { VoteCountdown, VoteProgress } from './VoteProgress';
import { VoteHeading } from './VoteHeading';
import { VoteResultView } from './VoteResultView';

/**
 * The vote on a member's tablet, above everything else: the ballot while the vote is open, "waiting for the
 * result" once it closes, the published result or the cancellation and its reason (until put away, or until the
 * chair opens another agenda item).
 */
export function MemberVoteCard() {
  const { t } = useTranslation();
  const { view, room } = useLive();
  const [putAway, setPutAway] = useState<string | null>(null);
  const current = currentVote(view.state);
  if (!current || current.id === putAway) return null;
  const { id, vote } = current;
  const done = vote.status === 'published' || vote.status === 'cancelled';
  if (done && !belongsToCurrentItem(vote, view.state.currentItemId)) return null;
  const mine = recallBallot(room.me.userId, id);

  return (
    <section className={`card vote-card vote-card--${vote.status}`} aria-labelledby={`vote-card-${id}`} data-testid="member-vote" data-vote-id={id} data-status={vote.status}>
      <div className="vote-card__top">
        <h2 id={`vote-card-${id}`} className="vote-card__title">
          {t('votes.title')}
        </h2>
        {done && (
          <Button variant="ghost" onClick={() => setPutAway(id)} data-testid="vote-put-away">
            {t('votes.putAway')}
          </Button>
        )}
      </div>
      <VoteHeading vote={vote} level={3} />
      {vote.status === 'open' && (
        <>
          <VoteCountdown closesAt={vote.closesAt} />
          {/* keyed by vote: a new vote starts a fresh ballot */}
          <BallotCard key={id} voteId={id} vote={vote} />
          <VoteProgress vote={vote} />
        </>
      )}
      {vote.status === 'closed' && (
        <>
          <p className="vote-card__waiting" data-testid="vote-waiting">
            {t('votes.waitingResult')}
          </p>
          <VoteProgress vote={vote} />
        </>
      )}
      {vote.status === 'published' && vote.result && <VoteResultView result={vote.result} />}
      {vote.status === 'cancelled' && (
        <p className="vote-card__waiting" data-testid="vote-cancelled">
          {t('votes.cancelledBecause', { reason: vote.cancelReason ?? '' })}
        </p>
      )}
      {vote.status !== 'open' && mine && (
        <p className="ballot__mine small" data-testid="my-choice">
          {t('votes.ballot.yourChoice', { choice: choiceLabels(mine, vote).join(', ') })} <span className="muted">{t('votes.ballot.onlyYou')}</span>
        </p>
      )}
    </section>
  );
}
