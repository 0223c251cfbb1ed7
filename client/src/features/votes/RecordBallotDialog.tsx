import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveSeat, LiveVote } from '@phonghop/shared';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { useLive, useSubstituteFormat } from '../live/live-context';
import { seatName } from '../live/seats';
import { canChoose, choiceLabels, selectionIssue, toggleChoice } from './ballot-selection';

/**
 * The secretary records the ballot of a member who votes by show of hands (phiếu do thư ký ghi nhận): the same
 * options and rules as the member's ballot, marked as recorded. Never for a secret vote (the server refuses too).
 */
export function RecordBallotDialog({ voteId, vote, seat, onClose }: { voteId: string; vote: LiveVote; seat: LiveSeat; onClose: () => void }) {
  const { t } = useTranslation();
  const { send, pending } = useLive();
  const format = useSubstituteFormat();
  const [selected, setSelected] = useState<string[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const issue = selectionIssue(selected, vote);
  const busyKey = `record:${seat.userId}`;

  const record = async () => {
    const outcome = await send('vote:record', { voteId, userId: seat.userId, choices: selected }, busyKey);
    if (outcome.ok) onClose();
    else setRefusal(outcome.text);
  };

  return (
    <Dialog open onClose={onClose} title={t('votes.record.title', { name: seatName(seat, format) })} closeLabel={t('live.close')}>
      <div className="form" data-testid="record-ballot-form">
        <p className="muted">{t('votes.record.hint')}</p>
        {refusal && <Alert>{refusal}</Alert>}
        <div className="ballot__options" role="group" aria-label={vote.question}>
          {vote.options.map((o) => (
            <button
              key={o.key}
              type="button"
              className={`ballot__option ballot__option--${o.role ?? 'choice'} ${selected.includes(o.key) ? 'is-selected' : ''}`}
              aria-pressed={selected.includes(o.key)}
              disabled={!canChoose(selected, o.key, vote)}
              onClick={() => setSelected((s) => toggleChoice(s, o.key, vote))}
            >
              {o.label}
            </button>
          ))}
        </div>
        {selected.length > 0 && <p>{t('votes.record.confirm', { name: seatName(seat, format), choice: choiceLabels(selected, vote).join(', ') })}</p>}
        <div className="form__actions">
          <Button variant="secondary" onClick={onClose}>
            {t('live.cancel')}
          </Button>
          <Button disabled={issue !== null} busy={pending.has(busyKey)} onClick={() => void record()} data-testid="confirm-record-ballot">
            {t('votes.record.save')}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
