import { useTranslation } from 'react-i18next';
import type { LiveVote } from '@phonghop/shared';
import { useLive } from '../live/live-context';
import { useServerNow } from '../live/use-server-now';
import { clockText, secondsLeft, voteProgress } from './vote-format';

/** "Đã biểu quyết 3/5" and its bar: how many have voted, never what. */
export function VoteProgress({ vote }: { vote: Pick<LiveVote, 'castCount' | 'eligible'> }) {
  const { t } = useTranslation();
  const p = voteProgress(vote);
  const label = t('votes.progress', { cast: p.cast, eligible: p.eligible });
  return (
    <div className="vote-progress" data-testid="vote-progress" data-cast={p.cast} data-eligible={p.eligible}>
      <p className="vote-progress__label">{label}</p>
      <div className="vote-bar" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={p.eligible} aria-valuenow={p.cast}>
        <span className="vote-bar__fill vote-bar__fill--progress" style={{ width: `${p.percent}%` }} />
      </div>
    </div>
  );
}

/** Time left on a vote with a countdown (the server's clock); the server closes it, this only shows it. */
export function VoteCountdown({ closesAt }: { closesAt: string | null }) {
  // a vote without a deadline keeps no clock ticking
  return closesAt === null ? null : <Countdown closesAt={closesAt} />;
}

function Countdown({ closesAt }: { closesAt: string }) {
  const { t } = useTranslation();
  const { view } = useLive();
  const now = useServerNow(view.clockOffsetMs, 500);
  const left = secondsLeft(closesAt, now);
  if (left === null) return null;
  return (
    <p className={`vote-countdown ${left <= 10 ? 'vote-countdown--ending' : ''}`} role="timer" data-testid="vote-countdown" data-seconds={left}>
      {left > 0 ? t('votes.countdown', { time: clockText(left) }) : t('votes.countdownOver')}
    </p>
  );
}
