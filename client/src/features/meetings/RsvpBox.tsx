import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDto, ParticipantDto, RsvpRequest } from '@phonghop/shared';
import { ApiError } from '../../api/http';
import { useResource } from '../../api/use-resource';
import { useErrorMessage } from '../../i18n/use-error-message';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { SelectField } from '../../ui/SelectField';
import { TextArea } from '../../ui/TextArea';
import { meetingsApi } from './meetings.api';
import { RsvpState } from './RsvpState';

type Choice = 'attending' | 'absent' | 'delegated';

/** Sẽ tham dự / Vắng mặt + lý do / Cử người dự thay (only when the server offers candidates). */
export function RsvpBox({ meeting, me, onMeeting }: { meeting: MeetingDto; me: ParticipantDto; onMeeting: (m: MeetingDto) => void }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const [choice, setChoice] = useState<Choice>(me.rsvp === 'pending' ? 'attending' : me.rsvp);
  const [reason, setReason] = useState(me.rsvpReason);
  const [substitute, setSubstitute] = useState(me.substitute?.id ?? '');
  const [error, setError] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const candidates = useResource(`subs:${meeting.id}`, (signal) => meetingsApi.substituteCandidates(meeting.id, signal));
  // Degrade gracefully: no endpoint (404) or no one to send → no delegate option.
  const canDelegate = (candidates.data?.length ?? 0) > 0 && !(candidates.error instanceof ApiError);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setFieldError(undefined);
    let body: RsvpRequest;
    if (choice === 'absent') {
      if (!reason.trim()) return setFieldError(t('rsvp.reasonRequired'));
      body = { status: 'absent', reason: reason.trim() };
    } else if (choice === 'delegated') {
      if (!substitute) return setFieldError(t('rsvp.substituteRequired'));
      body = { status: 'delegated', substituteUserId: substitute, reason: reason.trim() };
    } else body = { status: 'attending' };
    setBusy(true);
    try {
      onMeeting(await meetingsApi.rsvp(meeting.id, body));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const options: Choice[] = canDelegate ? ['attending', 'absent', 'delegated'] : ['attending', 'absent'];
  return (
    <section className="card stack rsvp-box" aria-labelledby="rsvp-title" data-testid="rsvp-box">
      <div className="section-header">
        <h2 id="rsvp-title">{t('rsvp.title')}</h2>
        <RsvpState participant={me} />
      </div>
      {error !== null && <Alert>{describeError(error)}</Alert>}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="segmented" role="radiogroup" aria-label={t('rsvp.title')}>
          {options.map((o) => (
            <label key={o} className={`segmented__option ${choice === o ? 'is-selected' : ''}`}>
              <input type="radio" name="rsvp" value={o} checked={choice === o} onChange={() => setChoice(o)} />
              <span>{t(`rsvp.choice.${o}`)}</span>
            </label>
          ))}
        </div>
        {choice === 'delegated' && (
          <SelectField label={t('rsvp.substitute')} name="substituteUserId" value={substitute} onChange={(e) => setSubstitute(e.target.value)} error={fieldError}>
            <option value="">{t('rsvp.chooseSubstitute')}</option>
            {candidates.data?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.fullName}
                {p.position ? ` — ${p.position}` : ''}
              </option>
            ))}
          </SelectField>
        )}
        {choice !== 'attending' && (
          <TextArea
            label={choice === 'absent' ? t('rsvp.reason') : t('rsvp.note')}
            name="rsvpReason"
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={choice === 'absent' ? fieldError : undefined}
          />
        )}
        <div className="form__actions">
          <Button type="submit" busy={busy} data-testid="submit-rsvp">
            {t('rsvp.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
