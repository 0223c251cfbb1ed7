import './votes.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoteDto } from '@phonghop/shared';
import { Button } from '../../ui/Button';
import { useLive } from '../live/live-context';
import { EndedVote } from './EndedVote';
import { ExportLinks } from './ExportLinks';
import { RunningVote } from './RunningVote';
import { useVoteDrafts } from './use-vote-drafts';
import { currentVote, latestFirst } from './vote-standing';
import { VoteDrafts } from './VoteDrafts';
import { VoteFormDialog } from './VoteFormDialog';
import { VoteHeading } from './VoteHeading';
import { votesApi } from './votes.api';

/**
 * "Biểu quyết" for those who prepare and run votes. The chair creates a vote on the item under way (or prepares it),
 * opens, follows the progress, closes, publishes, cancels, admits late arrivals; a secretary prepares drafts and
 * records show-of-hands ballots. Earlier votes of the meeting stay listed with their export.
 */
export function VotePanel({ mode }: { mode: 'chair' | 'secretary' }) {
  const { t } = useTranslation();
  const { meetingId, view } = useLive();
  const { rows, list } = useVoteDrafts(meetingId, view.state.voteDrafts);
  const [form, setForm] = useState<{ editing: VoteDto | null } | null>(null);
  const current = currentVote(view.state);
  const earlier = latestFirst(view.state.votes).filter((v) => v.id !== current?.id);
  const ended = view.state.status === 'ended';

  return (
    <section className="card live-panel vote-panel" aria-labelledby="vote-panel-title" data-testid="vote-panel">
      <div className="section-header">
        <h2 id="vote-panel-title">{t('votes.title')}</h2>
        {!ended && (
          <Button variant={current?.vote.status === 'open' ? 'secondary' : 'primary'} onClick={() => setForm({ editing: null })} data-testid="vote-create">
            {t('votes.create')}
          </Button>
        )}
      </div>

      {current ? (
        <div className={`vote-current vote-current--${current.vote.status}`} data-testid="vote-current" data-vote-id={current.id} data-status={current.vote.status}>
          <VoteHeading vote={current.vote} />
          {current.vote.status === 'open' ? (
            <RunningVote voteId={current.id} vote={current.vote} mode={mode} />
          ) : (
            <EndedVote voteId={current.id} vote={current.vote} mode={mode} />
          )}
        </div>
      ) : (
        rows.length === 0 && (
          <p className="muted" data-testid="votes-empty">
            {list.loading ? t('votes.loading') : t('votes.none')}
          </p>
        )
      )}

      <VoteDrafts
        rows={rows}
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        canOpen={mode === 'chair'}
        onEdit={(vote) => setForm({ editing: vote })}
      />

      {earlier.length > 0 && (
        <div className="vote-history">
          <h3 className="live-subtitle">{t('votes.history.title')}</h3>
          <ul className="vote-history__list">
            {earlier.map(({ id, vote }) => (
              <li key={id} className="vote-history__row" data-testid="vote-history-row" data-status={vote.status}>
                <span className="vote-history__what">
                  <span>{vote.question}</span>
                  <span className="muted small">
                    {t(`votes.statuses.${vote.status}`)}
                    {vote.result && ` · ${t(`votes.outcomes.${vote.result.outcome}`)}`}
                  </span>
                </span>
                {vote.status !== 'cancelled' && (
                  <span className="vote-history__actions">
                    <ExportLinks csv={votesApi.csvUrl(id)} pdf={votesApi.pdfUrl(id)} labels={{ csv: t('votes.export.short'), pdf: t('votes.export.shortPdf') }} variant="ghost" />
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}

      {(current || earlier.length > 0) && (
        <p className="live-actions">
          <ExportLinks
            csv={votesApi.meetingCsvUrl(meetingId)}
            pdf={votesApi.meetingPdfUrl(meetingId)}
            labels={{ csv: t('votes.export.all'), pdf: t('votes.export.allPdf') }}
            variant="ghost"
            testId="votes-export-all"
          />
        </p>
      )}

      {form && <VoteFormDialog editing={form.editing} canOpen={mode === 'chair'} onClose={() => setForm(null)} />}
    </section>
  );
}
