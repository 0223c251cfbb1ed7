import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoteDto } from '@phonghop/shared';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Spinner } from '../../ui/Spinner';
import { useErrorMessage } from '../../i18n/use-error-message';
import { useLive } from '../live/live-context';
import type { DraftRow } from './use-vote-drafts';

/** Votes prepared and not yet opened: edit, delete, and (the chair, during the meeting) open. */
export function VoteDrafts({
  rows,
  loading,
  error,
  onRetry,
  canOpen,
  onEdit,
}: {
  rows: DraftRow[];
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  canOpen: boolean;
  onEdit: (vote: VoteDto) => void;
}) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const { view, run, pending } = useLive();
  const [deleting, setDeleting] = useState<VoteDto | null>(null);
  const live = view.state.status === 'in_progress';
  const another = view.state.openVoteId !== null;

  const remove = async (vote: VoteDto) => {
    if (await run('vote:delete-draft', { voteId: vote.id }, `delete:${vote.id}`)) setDeleting(null);
  };

  if (rows.length === 0 && !error) return null;
  return (
    <div className="vote-drafts" data-testid="vote-drafts">
      <h3 className="live-subtitle">{t('votes.drafts.title', { n: rows.length })}</h3>
      {error !== null && error !== undefined && (
        <Alert>
          {t('votes.loadFailed')} {describe(error)}{' '}
          <Button variant="secondary" onClick={onRetry}>
            {t('votes.retry')}
          </Button>
        </Alert>
      )}
      {canOpen && !live && rows.length > 0 && <p className="muted small">{t('votes.drafts.openWhenLive')}</p>}
      {canOpen && live && another && rows.length > 0 && <p className="muted small">{t('votes.drafts.oneAtATime')}</p>}
      <ul className="vote-drafts__list">
        {rows.map(({ id, dto }) => (
          <li key={id} className="vote-drafts__row" data-testid="vote-draft" data-vote-id={id}>
            {dto ? (
              <span className="vote-drafts__what">
                <span className="vote-drafts__question">{dto.question}</span>
                <span className="muted small">
                  {t(`votes.kinds.${dto.kind}`)} · {t(`votes.rules.${dto.rule}`)}
                </span>
              </span>
            ) : (
              <span className="vote-drafts__what">{loading ? <Spinner size="sm" label={t('votes.loading')} /> : t('votes.drafts.unknown')}</span>
            )}
            <span className="vote-drafts__actions">
              {canOpen && (
                <Button busy={pending.has(`open:${id}`)} disabled={!live || another} onClick={() => void run('vote:open', { voteId: id }, `open:${id}`)} data-testid="vote-open">
                  {t('votes.drafts.open')}
                </Button>
              )}
              <Button variant="secondary" disabled={!dto} onClick={() => dto && onEdit(dto)} data-testid="vote-edit">
                {t('votes.drafts.edit')}
              </Button>
              <Button variant="ghost" disabled={!dto} onClick={() => setDeleting(dto)} data-testid="vote-delete">
                {t('votes.drafts.delete')}
              </Button>
            </span>
          </li>
        ))}
      </ul>
      <Dialog open={deleting !== null} onClose={() => setDeleting(null)} title={t('votes.drafts.deleteTitle')} closeLabel={t('live.close')}>
        {deleting && (
          <div className="form">
            <p>{t('votes.drafts.deleteText', { question: deleting.question })}</p>
            <div className="form__actions">
              <Button variant="secondary" onClick={() => setDeleting(null)}>
                {t('live.cancel')}
              </Button>
              <Button variant="danger" busy={pending.has(`delete:${deleting.id}`)} onClick={() => void remove(deleting)} data-testid="confirm-vote-delete">
                {t('votes.drafts.delete')}
              </Button>
            </div>
          </div>
        )}
      </Dialog>
    </div>
  );
}
