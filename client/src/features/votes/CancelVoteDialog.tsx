import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cancelVoteRequestSchema } from '@phonghop/shared';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { TextArea } from '../../ui/TextArea';
import { useLive } from '../live/live-context';

/** Cancelling an open vote needs a reason (it goes into the meeting's log and the minutes); ballots cast do not count. */
export function CancelVoteDialog({ voteId, onClose }: { voteId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { run, pending } = useLive();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const busyKey = `cancel:${voteId}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = cancelVoteRequestSchema.safeParse({ reason });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return;
    }
    if (await run('vote:cancel', { voteId, reason: parsed.data.reason }, busyKey)) onClose();
  };

  return (
    <Dialog open onClose={onClose} title={t('votes.cancel.title')} closeLabel={t('live.close')}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="vote-cancel-form">
        <p>{t('votes.cancel.text')}</p>
        <TextArea label={t('votes.cancel.reason')} name="cancelReason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} error={error} required />
        <div className="form__actions">
          <Button variant="secondary" onClick={onClose}>
            {t('live.cancel')}
          </Button>
          <Button type="submit" variant="danger" busy={pending.has(busyKey)} data-testid="confirm-vote-cancel">
            {t('votes.cancel.confirm')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
