import { useTranslation } from 'react-i18next';
import type { NamedBallot, VoteFact } from '@phonghop/shared';
import { formatPercent } from '../votes/vote-format';
import { vnTime } from '../meetings/vn-time';

/** A vote as the minutes record it: question, kind, rule, counts and result; a named vote's choices by member. */
export function VoteFactView({ vote, ballots, nameOf }: { vote: VoteFact; ballots: NamedBallot[] | undefined; nameOf: (id: string) => string }) {
  const { t, i18n } = useTranslation();
  const r = vote.result;
  return (
    <div className="minutes-vote" data-testid="minutes-vote" data-vote-id={vote.voteId}>
      <p className="minutes-vote__question">
        <strong>{vote.question}</strong>
      </p>
      <p className="muted">
        {t(`votes.kinds.${vote.kind}`)} · {t(`votes.rules.${vote.rule}`)} · {vnTime(vote.openedAt)}
      </p>
      {r ? (
        <>
          <p>{t('minutes.vote.cast', { cast: r.cast, eligible: r.eligible, total: r.totalMembers })}</p>
          <ul className="minutes-vote__options">
            {r.options.map((o) => (
              <li key={o.key} data-testid="minutes-vote-option" data-key={o.key} data-count={o.count}>
                {o.label}: {t('minutes.vote.count', { count: o.count })} ({formatPercent(o.percentOfBase, i18n.language)})
              </li>
            ))}
          </ul>
          <p className="minutes-vote__result" data-testid="minutes-vote-result" data-outcome={r.outcome}>
            {t('minutes.vote.result', { result: r.outcomeLabel })}
          </p>
        </>
      ) : (
        <p className="muted">{t('minutes.vote.noResult')}</p>
      )}
      {ballots && ballots.length > 0 && (
        <details className="minutes-vote__named">
          <summary>{t('minutes.vote.named')}</summary>
          <ul>
            {ballots.map((b) => (
              <li key={b.seatUserId}>
                {nameOf(b.seatUserId)}: {b.choices.map((c) => vote.options.find((o) => o.key === c)?.label ?? c).join(', ')}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
