import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { createMeetingRequestSchema, MEETING_KINDS, updateMeetingRequestSchema, type MeetingDto, type MeetingKind } from '@phonghop/shared';
import { ApiError } from '../../../api/http';
import { fieldErrors } from '../../../api/field-errors';
import { useErrorMessage } from '../../../i18n/use-error-message';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { SelectField } from '../../../ui/SelectField';
import { TextArea } from '../../../ui/TextArea';
import { TextField } from '../../../ui/TextField';
import { useToast } from '../../../ui/Toast';
import { meetingsApi } from '../meetings.api';
import { isoToLocalInput, localInputToIso } from '../vn-time';

type Form = { title: string; kind: MeetingKind; startsAt: string; endsAt: string; location: string; organizer: string; content: string; preparation: string };

const DEFAULT_ORGANIZER = 'Ủy ban nhân dân';

function initial(m: MeetingDto | null): Form {
  if (!m) return { title: '', kind: 'regular', startsAt: '', endsAt: '', location: '', organizer: DEFAULT_ORGANIZER, content: '', preparation: '' };
  return {
    title: m.title,
    kind: m.kind,
    startsAt: isoToLocalInput(m.startsAt),
    endsAt: isoToLocalInput(m.endsAt),
    location: m.location,
    organizer: m.organizer,
    content: m.content,
    preparation: m.preparation,
  };
}

/** Thông tin: create (POST) or edit (PATCH); the datetime-local inputs are Vietnam wall time. */
export function InfoStep({ meeting, onSaved }: { meeting: MeetingDto | null; onSaved: (m: MeetingDto) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const describeError = useErrorMessage();
  const [form, setForm] = useState<Form>(() => initial(meeting));
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const readOnly = meeting !== null && !meeting.can.edit;

  const set = (key: keyof Form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    const body = { ...form, startsAt: localInputToIso(form.startsAt), endsAt: localInputToIso(form.endsAt) };
    const parsed = (meeting ? updateMeetingRequestSchema : createMeetingRequestSchema).safeParse(body);
    if (!parsed.success) {
      setFields(fieldErrors(parsed.error.issues));
      return;
    }
    setFields({});
    setBusy(true);
    try {
      if (meeting) {
        onSaved(await meetingsApi.update(meeting.id, parsed.data));
        toast.show({ tone: 'success', message: t('prep.info.saved') });
      } else {
        const created = await meetingsApi.create(body);
        toast.show({ tone: 'success', message: t('prep.info.created') });
        void navigate(`/cuoc-hop/${created.id}/chuan-bi?buoc=thanh-phan`);
      }
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.details) setFields(err.details);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="info-title">
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="meeting-form">
        <h2 id="info-title">{t('prep.steps.info')}</h2>
        {error !== null && <Alert>{describeError(error)}</Alert>}
        {readOnly && <Alert tone="info">{t('prep.info.readOnly')}</Alert>}
        <fieldset className="form__grid plain-fieldset" disabled={readOnly || busy}>
          <TextField className="span-2" label={t('meetings.fields.title')} name="title" value={form.title} onChange={set('title')} error={fields.title} required autoFocus={!meeting} />
          <SelectField label={t('meetings.fields.kind')} name="kind" value={form.kind} onChange={set('kind')} error={fields.kind}>
            {MEETING_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`meetings.kinds.${k}`)}
              </option>
            ))}
          </SelectField>
          <TextField label={t('meetings.fields.organizer')} name="organizer" value={form.organizer} onChange={set('organizer')} error={fields.organizer} required />
          <TextField
            label={t('meetings.fields.startsAt')}
            name="startsAt"
            type="datetime-local"
            value={form.startsAt}
            onChange={set('startsAt')}
            error={fields.startsAt}
            hint={t('prep.info.vnTimeHint')}
            required
          />
          <TextField label={t('meetings.fields.endsAt')} name="endsAt" type="datetime-local" value={form.endsAt} onChange={set('endsAt')} error={fields.endsAt} required />
          <TextField className="span-2" label={t('meetings.fields.location')} name="location" value={form.location} onChange={set('location')} error={fields.location} required />
          <TextArea className="span-2" label={t('meetings.fields.content')} name="content" rows={4} value={form.content} onChange={set('content')} error={fields.content} />
          <TextArea className="span-2" label={t('meetings.fields.preparation')} name="preparation" rows={3} value={form.preparation} onChange={set('preparation')} error={fields.preparation} />
        </fieldset>
        {!readOnly && (
          <div className="form__actions">
            <Button type="submit" busy={busy} data-testid="save-meeting">
              {meeting ? t('prep.info.save') : t('prep.info.create')}
            </Button>
          </div>
        )}
      </form>
    </section>
  );
}
