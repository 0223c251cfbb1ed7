import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VOTE_KINDS, VOTE_RULES, type VoteDto } from '@phonghop/shared';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { SelectField } from '../../ui/SelectField';
import { TextArea } from '../../ui/TextArea';
import { TextField } from '../../ui/TextField';
import { useLive } from '../live/live-context';
import { DURATION_CHOICES, emptyVoteForm, formFromDto, validateVoteForm, type VoteFormErrors, type VoteFormState } from './vote-form';

/**
 * Prepare a vote (create, or edit a draft): question, agenda item, kind, rule, options (the default three or a
 * list), up to k choices, quorum, countdown, changes allowed. Checked with the shared schema before sending; the
 * chair can save and open at once.
 */
export function VoteFormDialog({ editing, canOpen, onClose }: { editing: VoteDto | null; canOpen: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { view, agenda, send, pending } = useLive();
  const [form, setForm] = useState<VoteFormState>(() => (editing ? formFromDto(editing) : emptyVoteForm(view.state.currentItemId)));
  const [errors, setErrors] = useState<VoteFormErrors>({});
  const set = <K extends keyof VoteFormState>(key: K, value: VoteFormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const custom = form.optionsMode === 'custom';
  const openNow = canOpen && !editing && view.state.status === 'in_progress' && view.state.openVoteId === null;

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const andOpen = (e.nativeEvent as SubmitEvent).submitter?.getAttribute('value') === 'open';
    const checked = validateVoteForm(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    const saved = editing
      ? await send('vote:update-draft', { voteId: editing.id, vote: checked.request }, 'vote:save')
      : await send('vote:create', { vote: checked.request }, 'vote:save');
    if (!saved.ok) return;
    if (andOpen && !(await send('vote:open', { voteId: saved.result.voteId }, 'vote:save')).ok) {
      onClose(); // saved as a draft: the chair opens it from the list once the refusal is dealt with
      return;
    }
    onClose();
  };

  const rows = form.customOptions;
  const setRow = (i: number, label: string) => set('customOptions', rows.map((r, j) => (j === i ? label : r)));
  const choosable = rows.length;

  return (
    <Dialog open onClose={onClose} title={editing ? t('votes.form.editTitle') : t('votes.form.createTitle')} closeLabel={t('live.close')}>
      <form className="form vote-form" onSubmit={(e) => void submit(e)} noValidate data-testid="vote-form">
        {errors._ && <Alert>{errors._}</Alert>}
        <TextArea
          label={t('votes.form.question')}
          name="voteQuestion"
          rows={3}
          value={form.question}
          onChange={(e) => set('question', e.target.value)}
          error={errors.question}
          required
          data-testid="vote-question-input"
        />
        <SelectField label={t('votes.form.item')} name="voteItem" value={form.agendaItemId} onChange={(e) => set('agendaItemId', e.target.value)}>
          <option value="">{t('votes.form.itemUnderWay')}</option>
          {agenda.map((i) => (
            <option key={i.id} value={i.id}>
              {i.number}. {i.title}
            </option>
          ))}
        </SelectField>

        <fieldset className="vote-form__group">
          <legend className="field__label">{t('votes.form.kind')}</legend>
          <div className="segmented" role="radiogroup" aria-label={t('votes.form.kind')}>
            {VOTE_KINDS.map((k) => (
              <label key={k} className={`segmented__option ${form.kind === k ? 'is-selected' : ''}`}>
                <input type="radio" name="voteKind" value={k} checked={form.kind === k} onChange={() => set('kind', k)} data-testid={`vote-kind-${k}`} />
                <span>{t(`votes.kinds.${k}`)}</span>
              </label>
            ))}
          </div>
          <p className="field__hint">{t(`votes.form.kindHints.${form.kind}`)}</p>
        </fieldset>

        <SelectField label={t('votes.form.rule')} name="voteRule" value={form.rule} onChange={(e) => set('rule', e.target.value as VoteFormState['rule'])} data-testid="vote-rule">
          {VOTE_RULES.map((r) => (
            <option key={r} value={r}>
              {t(`votes.rules.${r}`)}
            </option>
          ))}
        </SelectField>

        <fieldset className="vote-form__group">
          <legend className="field__label">{t('votes.form.options')}</legend>
          <div className="segmented" role="radiogroup" aria-label={t('votes.form.options')}>
            {(['default', 'custom'] as const).map((m) => (
              <label key={m} className={`segmented__option ${form.optionsMode === m ? 'is-selected' : ''}`}>
                <input type="radio" name="voteOptionsMode" value={m} checked={form.optionsMode === m} onChange={() => set('optionsMode', m)} data-testid={`vote-options-${m}`} />
                <span>{t(m === 'default' ? 'votes.form.defaultOptions' : 'votes.form.customOptions')}</span>
              </label>
            ))}
          </div>
          {custom && (
            <div className="vote-form__options">
              {rows.map((label, i) => (
                <div key={i} className="vote-form__option">
                  <TextField
                    label={t('votes.form.optionLabel', { number: i + 1 })}
                    name={`voteOption${i}`}
                    value={label}
                    onChange={(e) => setRow(i, e.target.value)}
                    error={errors[`customOption:${i}`]}
                    data-testid="vote-option-input"
                  />
                  <button
                    type="button"
                    className="icon-btn"
                    disabled={rows.length <= 2}
                    onClick={() => set('customOptions', rows.filter((_, j) => j !== i))}
                    aria-label={t('votes.form.removeOption', { number: i + 1 })}
                    title={t('votes.form.removeOption', { number: i + 1 })}
                  >
                    ×
                  </button>
                </div>
              ))}
              <div className="live-actions">
                <Button variant="secondary" disabled={rows.length >= 19} onClick={() => set('customOptions', [...rows, ''])} data-testid="vote-add-option">
                  {t('votes.form.addOption')}
                </Button>
              </div>
              <label className="check">
                <input type="checkbox" checked={form.withAbstain} onChange={(e) => set('withAbstain', e.target.checked)} />
                <span>{t('votes.form.withAbstain')}</span>
              </label>
              <TextField
                label={t('votes.form.maxChoices')}
                name="voteMaxChoices"
                type="number"
                inputMode="numeric"
                min={1}
                max={choosable}
                value={String(form.maxChoices)}
                onChange={(e) => set('maxChoices', Number(e.target.value))}
                error={errors.maxChoices}
                hint={t('votes.form.maxChoicesHint', { max: choosable })}
              />
            </div>
          )}
          {errors.options && <p className="field__error">{errors.options}</p>}
        </fieldset>

        <SelectField
          label={t('votes.form.duration')}
          name="voteDuration"
          value={form.durationSec === null ? '' : String(form.durationSec)}
          onChange={(e) => set('durationSec', e.target.value === '' ? null : Number(e.target.value))}
          error={errors.durationSec}
        >
          {DURATION_CHOICES.map((d) => (
            <option key={d ?? 'none'} value={d ?? ''}>
              {d === null ? t('votes.form.noDuration') : d < 60 ? t('votes.form.seconds', { n: d }) : t('votes.form.minutes', { n: d / 60 })}
            </option>
          ))}
        </SelectField>

        <div className="vote-form__checks">
          <label className="check">
            <input type="checkbox" checked={form.quorumRequired} onChange={(e) => set('quorumRequired', e.target.checked)} data-testid="vote-quorum-required" />
            <span>{t('votes.form.quorumRequired')}</span>
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={form.kind !== 'secret' && form.allowChange}
              disabled={form.kind === 'secret'}
              onChange={(e) => set('allowChange', e.target.checked)}
              aria-describedby={form.kind === 'secret' ? 'vote-allow-change-hint' : undefined}
            />
            <span>{t('votes.form.allowChange')}</span>
          </label>
          {form.kind === 'secret' && (
            <p id="vote-allow-change-hint" className="field__hint">
              {t('votes.form.allowChangeSecret')}
            </p>
          )}
          {errors.allowChange && <p className="field__error">{errors.allowChange}</p>}
          {form.kind === 'open' && (
            <label className="check">
              <input type="checkbox" checked={form.showLiveChoices} onChange={(e) => set('showLiveChoices', e.target.checked)} />
              <span>{t('votes.form.showLiveChoices')}</span>
            </label>
          )}
          {errors.showLiveChoices && <p className="field__error">{errors.showLiveChoices}</p>}
        </div>

        <div className="form__actions">
          <Button variant="secondary" onClick={onClose}>
            {t('live.cancel')}
          </Button>
          <Button type="submit" variant={openNow ? 'secondary' : 'primary'} value="save" busy={pending.has('vote:save')} data-testid="vote-save">
            {t('votes.form.save')}
          </Button>
          {openNow && (
            <Button type="submit" value="open" busy={pending.has('vote:save')} data-testid="vote-save-open">
              {t('votes.form.saveAndOpen')}
            </Button>
          )}
        </div>
      </form>
    </Dialog>
  );
}
