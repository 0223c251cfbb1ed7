import { useTranslation } from 'react-i18next';
import type { LiveVote } from '@phonghop/shared';
import { useLive } from '../live/live-context';

/** The question, large, with what kind of vote it is, its status and the rule announced before it opened. */
export function VoteHeading({ vote, level = 3 }: { vote: Pick<LiveVote, 'question' | 'kind' | 'rule' | 'status' | 'agendaItemId'>; level?: 2 | 3 }) {
  const { t } = useTranslation();
  const { agenda } = useLive();
  const item = agenda.find((i) => i.id === vote.agendaItemId);
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div className="vote-heading">
      <p className="vote-heading__meta">
        <span className={`badge vote-kind vote-kind--${vote.kind}`} data-testid="vote-kind" data-kind={vote.kind}>
          {t(`votes.kinds.${vote.kind}`)}
        </span>
        <span className={`badge vote-status vote-status--${vote.status}`} data-testid="vote-status" data-status={vote.status}>
          {t(`votes.statuses.${vote.status}`)}
        </span>
      </p>
      <Heading className="vote-heading__question" data-testid="vote-question">
        {vote.question}
      </Heading>
      <p className="vote-heading__rule muted small">
        {item && <span>{t('votes.forItem', { item: `${item.number}. ${item.title}` })} · </span>}
        {t('votes.ruleIs', { rule: t(`votes.rules.${vote.rule}`) })}
      </p>
    </div>
  );
}
