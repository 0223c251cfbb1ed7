import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createTaskRequestSchema, type MinutesDto, type TaskDto } from '@phonghop/shared';
import { fieldErrors } from '../../api/field-errors';
import { useErrorMessage } from '../../i18n/use-error-message';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { SelectField } from '../../ui/SelectField';
import { TextArea } from '../../ui/TextArea';
import { TextField } from '../../ui/TextField';
import { minutesApi } from './minutes.api';

/** Gives a task from one item's conclusion: content, lead unit (and person), deadline; checked with the shared schema. */
export function NewTaskDialog({
  minutes: m,
  item,
  onClose,
  onCreated,
}: {
  minutes: MinutesDto;
  item: { itemId: string; title: string } | null;
  onClose: () => void;
  onCreated: (task: TaskDto) => void;
}) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const [form, setForm] = useState({ content: '', leadUnit: '', leadUserId: '', deadline: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const people = Object.values(m.people).sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi'));

  const set = (key: keyof typeof form, value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: '' }));
  };
  const pickPerson = (id: string) => {
    set('leadUserId', id);
    const unit = m.people[id]?.unit;
    if (unit && !form.leadUnit) set('leadUnit', unit);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!item) return;
    const parsed = createTaskRequestSchema.safeParse({ itemId: item.itemId, ...form, leadUserId: form.leadUserId || undefined });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues));
    setBusy(true);
    setError(null);
    try {
      onCreated(await minutesApi.createTask(m.meetingId, parsed.data));
      setForm({ content: '', leadUnit: '', leadUserId: '', deadline: '' });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={item !== null} title={t('tasks.newTitle', { item: item?.title ?? '' })} onClose={onClose} closeLabel={t('minutes.close')}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="new-task-form">
        <TextArea label={t('tasks.content')} value={form.content} rows={3} error={errors.content} onChange={(e) => set('content', e.target.value)} data-testid="task-content" />
        <SelectField label={t('tasks.leadUser')} value={form.leadUserId} onChange={(e) => pickPerson(e.target.value)} data-testid="task-lead-user">
          <option value="">{t('tasks.noLeadUser')}</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.fullName}
              {p.unit ? ` (${p.unit})` : ''}
            </option>
          ))}
        </SelectField>
        <TextField label={t('tasks.leadUnit')} value={form.leadUnit} error={errors.leadUnit} onChange={(e) => set('leadUnit', e.target.value)} data-testid="task-lead-unit" />
        <TextField label={t('tasks.deadline')} type="date" value={form.deadline} error={errors.deadline} onChange={(e) => set('deadline', e.target.value)} data-testid="task-deadline" />
        {error !== null && <Alert>{describeError(error)}</Alert>}
        <div className="form__actions">
          <Button variant="secondary" onClick={onClose}>
            {t('minutes.cancel')}
          </Button>
          <Button type="submit" busy={busy} data-testid="create-task">
            {t('tasks.create')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
