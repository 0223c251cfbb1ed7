import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveVote } from '@phonghop/shared';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { useLive } from '../live/live-context';
import { canChoose, choiceLabels, isSingleChoice, selectionIssue, toggleChoice } from './ballot-selection';
import { recallBallot, rememberBallot } from './my-ballot';
import { ballotStanding } from './vote-standing';

/**
 * The member's ballot: options as big buttons (a tap on a single-choice ballot, or up to k then "Tiếp tục"), a
 * confirmation ("Xác nhận biểu quyết: Đồng ý?" → Xác nhận / Chọn lại), then "Bạn đã biểu quyết" with the choice
 * shown on this tab only. A refusal (a second ballot, the countdown passed) is shown here in the member's words.
 */
export function BallotCard({ voteId, vote }: { voteId: string; vote: LiveVote }) {
  const { t } = useTranslation();
  const { room, send, pending } = useLive();
  const standing = ballotStanding(vote, room.me);
  const [selected, setSelected] = useState<string[]>([]);
  const [step, setStep] = useState<'choose' | 'confirm'>('choose');
  const [changing, setChanging] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [mine, setMine] = useState(() => recallBallot(room.me.userId, voteId));
  const busyKey = `cast:${voteId}`;
  const single = isSingleChoice(vote);
  const issue = selectionIssue(selected, vote);

  const choose = (key: string) => {
    setRefusal(null);
    const next = toggleChoice(selected, key, vote);
    setSelected(next);
    if (single) setStep('confirm');
  };

  const cast = async () => {
    const choices = selected;
    const outcome = await send('vote:cast', { voteId, choices }, busyKey);
    setStep('choose');
    setSelected([]);
    if (outcome.ok) {
      rememberBallot(room.me.userId, voteId, vote.kind, choices);
      setMine(choices);
      setChanging(false);
      setRefusal(null);
    } else {
      setRefusal(outcome.text);
    }
  };

  if (standing.kind === 'not-eligible') {
    return (
      <div className="ballot ballot--not-eligible" data-testid="ballot-card" data-state="not-eligible" data-reason={standing.reason}>
        <p className="ballot__notice">{t(`votes.ballot.notEligible.${standing.reason}`)}</p>
      </div>
    );
  }

  if (standing.kind === 'voted' && !changing) {
    return (
      <div className="ballot ballot--voted" data-testid="ballot-card" data-state="voted">
        <p className="ballot__done" data-testid="ballot-voted">
          <span className="ballot__tick" aria-hidden="true">
            ✓
          </span>{' '}
          {t('votes.ballot.voted')}
        </p>
        {mine ? (
          <p className="ballot__mine" data-testid="my-choice">
            {t('votes.ballot.yourChoice', { choice: choiceLabels(mine, vote).join(', ') })} <span className="muted small">{t('votes.ballot.onlyYou')}</span>
          </p>
        ) : (
          <p className="muted small">{t(vote.kind === 'secret' ? 'votes.ballot.notKeptSecret' : 'votes.ballot.notKept')}</p>
        )}
        {refusal && <Refusal text={refusal} />}
        {vote.allowChange && vote.status === 'open' && (
          <Button variant="secondary" onClick={() => setChanging(true)} data-testid="ballot-change">
            {t('votes.ballot.change')}
          </Button>
        )}
      </div>
    );
  }

  if (step === 'confirm' && selected.length > 0) {
    const labels = choiceLabels(selected, vote).join(', ');
    return (
      <div className="ballot ballot--confirm" data-testid="ballot-card" data-state="confirm">
        <p className="ballot__confirm" data-testid="ballot-confirm-text">
          {t('votes.ballot.confirmQuestion', { choice: labels })}
        </p>
        <div className="ballot__actions">
          <Button className="ballot__action" busy={pending.has(busyKey)} onClick={() => void cast()} data-testid="ballot-confirm">
            {t('votes.ballot.confirm')}
          </Button>
          <Button className="ballot__action" variant="secondary" disabled={pending.has(busyKey)} onClick={() => setStep('choose')} data-testid="ballot-back">
            {t('votes.ballot.chooseAgain')}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div className="ballot" data-testid="ballot-card" data-state="choose">
      <p className="ballot__hint">{single ? t('votes.ballot.chooseOne') : t('votes.ballot.chooseUpTo', { max: vote.maxChoices, chosen: selected.length })}</p>
      {refusal && <Refusal text={refusal} />}
      <div className="ballot__options" role="group" aria-label={vote.question}>
        {vote.options.map((o) => {
          const on = selected.includes(o.key);
          return (
            <button
              key={o.key}
              type="button"
              className={`ballot__option ballot__option--${o.role ?? 'choice'} ${on ? 'is-selected' : ''}`}
              aria-pressed={single ? undefined : on}
              disabled={!canChoose(selected, o.key, vote)}
              onClick={() => choose(o.key)}
              data-testid="ballot-option"
              data-key={o.key}
            >
              {o.label}
            </button>
          );
        })}
      </div>
      {!single && (
        <div className="ballot__actions">
          <Button className="ballot__action" disabled={issue !== null} onClick={() => setStep('confirm')} data-testid="ballot-next">
            {t('votes.ballot.next')}
          </Button>
          {changing && (
            <Button className="ballot__action" variant="secondary" onClick={() => setChanging(false)}>
              {t('votes.ballot.keep')}
            </Button>
          )}
        </div>
      )}
      {single && changing && (
        <Button variant="secondary" onClick={() => setChanging(false)}>
          {t('votes.ballot.keep')}
        </Button>
      )}
    </div>
  );
}

function Refusal({ text }: { text: string }) {
  return (
    <div data-testid="ballot-refusal">
      <Alert>{text}</Alert>
    </div>
  );
}
