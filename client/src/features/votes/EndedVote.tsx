import { useTranslation } from 'react-i18next';
import type { LiveVote, VoteBallotDto, VoteOption } from '@phonghop/shared';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Spinner } from '../../ui/Spinner';
import { useErrorMessage } from '../../i18n/use-error-message';
import { useLive } from '../live/live-context';
import { choiceLabels } from './ballot-selection';
import { ExportLinks } from './ExportLinks';
import { useVoteDetail } from './use-vote-drafts';
import { votesApi } from './votes.api';
import { VoteResultView } from './VoteResultView';

/**
 * A vote after closing, for the chair and secretaries: the result (read over HTTP until it is published: the room
 * does not have it yet), "Công bố kết quả" for the chair, a named vote's list of choices, the CSV export.
 */
export function EndedVote({ voteId, vote, mode }: { voteId: string; vote: LiveVote; mode: 'chair' | 'secretary' }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const { run, pending } = useLive();
  const needsDetail = vote.status === 'closed' || (vote.status === 'published' && vote.kind === 'named');
  const detail = useVoteDetail(voteId, vote.status, needsDetail);
  const result = vote.result ?? detail.data?.result ?? null;

  if (vote.status === 'cancelled') {
    return (
      <p className="vote-card__waiting" data-testid="vote-cancelled">
        {t('votes.cancelledBecause', { reason: vote.cancelReason ?? '' })}
      </p>
    );
  }
  return (
    <div className="ended-vote" data-testid="ended-vote" data-vote-id={voteId}>
      {vote.status === 'closed' && (
        <p className="vote-card__waiting" data-testid="vote-not-published">
          {t('votes.ended.notPublished')}
        </p>
      )}
      {result ? (
        <VoteResultView result={result} />
      ) : needsDetail && detail.error ? (
        <Alert>
          {t('votes.ended.resultFailed')} {describe(detail.error)}{' '}
          <Button variant="secondary" onClick={detail.reload}>
            {t('votes.retry')}
          </Button>
        </Alert>
      ) : (
        <Spinner label={t('votes.loading')} />
      )}
      {vote.kind === 'named' && detail.data?.ballots && <NamedBallots ballots={detail.data.ballots} options={vote.options} maxChoices={vote.maxChoices} />}
      <div className="live-actions">
        {mode === 'chair' && vote.status === 'closed' && (
          <Button busy={pending.has(`publish:${voteId}`)} disabled={!result} onClick={() => void run('vote:publish', { voteId }, `publish:${voteId}`)} data-testid="vote-publish">
            {t('votes.ended.publish')}
          </Button>
        )}
        <ExportLinks csv={votesApi.csvUrl(voteId)} pdf={votesApi.pdfUrl(voteId)} labels={{ csv: t('votes.export.one'), pdf: t('votes.export.onePdf') }} variant="secondary" testId="vote-export" />
      </div>
    </div>
  );
}

/** A named vote (ghi danh): each member's choice, for the chair and the minutes. */
function NamedBallots({ ballots, options, maxChoices }: { ballots: VoteBallotDto[]; options: VoteOption[]; maxChoices: number }) {
  const { t } = useTranslation();
  return (
    <div className="named-ballots" data-testid="named-ballots">
      <h4 className="live-subtitle">{t('votes.ended.namedTitle')}</h4>
      <ul className="vote-seats">
        {ballots.map((b) => (
          <li key={b.seatUserId} className="vote-seats__row">
            <span>{b.fullName}</span>
            <span>
              <strong>{choiceLabels(b.choices, { options, maxChoices }).join(', ')}</strong>
              {b.recordedBySecretary && <span className="muted small"> · {t('votes.ended.recorded')}</span>}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
