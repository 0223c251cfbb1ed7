import './votes.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveVote } from '@phonghop/shared';
import { useLive } from '../live/live-context';
import { currentVote, presentationKey, voteHasStage } from './vote-standing';
import { VoteCountdown, VoteProgress } from './VoteProgress';
import { VoteResultView } from './VoteResultView';

/**
 * The vote on the wall, when it has the stage (voteHasStage): the question and the progress while it is open —
 * never a choice —, "being counted" once closed, then the published result, large. A named vote shows nothing more
 * here: the list of who chose what is in the minutes and the export.
 */
export function useProjectorVote(): { id: string; vote: LiveVote } | null {
  const { view } = useLive();
  const current = currentVote(view.state);
  const publishedId = current?.vote.status === 'published' ? current.id : null;
  const shown = presentationKey(view.state.presentation);
  // the page on the wall when this screen first showed the result: turning to another one brings the document back
  const [atResult, setAtResult] = useState<{ voteId: string; page: string } | null>(null);
  if (publishedId !== null && atResult?.voteId !== publishedId) setAtResult({ voteId: publishedId, page: shown });
  if (!current) return null;
  const page = atResult?.voteId === current.id ? atResult.page : null;
  return voteHasStage(current.vote, view.state, page) ? current : null;
}

export function ProjectorVote({ vote }: { vote: LiveVote }) {
  const { t } = useTranslation();
  return (
    <div className={`projector-vote projector-vote--${vote.status}`} data-testid="projector-vote" data-status={vote.status}>
      <p className="projector-vote__kind">
        {t('votes.title')} · {t(`votes.kinds.${vote.kind}`)}
      </p>
      <h2 className="projector-vote__question" data-testid="vote-question">
        {vote.question}
      </h2>
      {vote.status === 'open' && (
        <>
          <VoteProgress vote={vote} />
          <VoteCountdown closesAt={vote.closesAt} />
        </>
      )}
      {vote.status === 'closed' && (
        <>
          <p className="projector-vote__waiting" data-testid="vote-waiting">
            {t('votes.waitingResult')}
          </p>
          <VoteProgress vote={vote} />
        </>
      )}
      {vote.status === 'published' && vote.result && <VoteResultView result={vote.result} />}
    </div>
  );
}
