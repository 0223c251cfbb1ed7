import { useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItemDto, CreateAgendaItemRequest, ParticipantDto } from '@phonghop/shared';
import { Button } from '../../ui/Button';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';

interface Props {
  participants: ParticipantDto[];
  parent: AgendaItemDto | null;
  onCancelParent: () => void;
  onAdd: (body: CreateAgendaItemRequest) => Promise<boolean>;
  titleRef: RefObject<HTMLInputElement | null>;
}

/** Adds an item, or a sub-item when a parent was chosen with "Thêm mục con". */
export function AddAgendaItemForm({ participants, parent, onCancelParent, onAdd, titleRef }: Props) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [presenterUserId, setPresenterUserId] = useState('');
  const [presenterName, setPresenterName] = useState('');
  const [minutes, setMinutes] = useState('15');
  const [isPublic, setIsPublic] = useState(true);
  const [titleError, setTitleError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) {
      setTitleError(t('agenda.titleRequired'));
      return;
    }
    setTitleError(undefined);
    setBusy(true);
    const ok = await onAdd({
      title: title.trim(),
      parentId: parent?.id ?? null,
      presenterUserId: presenterUserId || null,
      presenterName: presenterUserId ? '' : presenterName.trim(),
      plannedMinutes: Math.max(0, Math.min(600, Number.parseInt(minutes, 10) || 0)),
      isPublic,
    });
    setBusy(false);
    if (ok) {
      setTitle('');
      setPresenterName('');
      setPresenterUserId('');
      titleRef.current?.focus();
    }
  };

  return (
    <form className="agenda-form" onSubmit={(e) => void submit(e)} noValidate>
      {parent && (
        <p className="agenda-form__parent" data-testid="agenda-parent">
          {t('agenda.subItemOf', { number: parent.number, title: parent.title })}{' '}
          <button type="button" className="link-button" onClick={onCancelParent}>
            {t('agenda.cancelSubItem')}
          </button>
        </p>
      )}
      <div className="agenda-form__grid">
        <TextField
          className="agenda-form__title"
          label={parent ? t('agenda.subItemTitle') : t('agenda.itemTitle')}
          name="agendaTitle"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={titleError}
          ref={titleRef}
        />
        <SelectField label={t('agenda.presenter')} name="agendaPresenter" value={presenterUserId} onChange={(e) => setPresenterUserId(e.target.value)}>
          <option value="">{t('agenda.presenterOther')}</option>
          {participants.map((p) => (
            <option key={p.user.id} value={p.user.id}>
              {p.user.fullName}
            </option>
          ))}
        </SelectField>
        {!presenterUserId && (
          <TextField label={t('agenda.presenterName')} name="agendaPresenterName" value={presenterName} onChange={(e) => setPresenterName(e.target.value)} placeholder={t('agenda.presenterNamePlaceholder')} />
        )}
        <TextField label={t('agenda.minutes')} name="agendaMinutes" type="number" inputMode="numeric" min={0} max={600} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        <label className="check">
          <input type="checkbox" name="agendaPublic" checked={isPublic} onChange={(e) => setIsPublic(e.target.checked)} />
          <span>{t('agenda.public')}</span>
        </label>
      </div>
      <div className="form__actions">
        <Button type="submit" busy={busy} data-testid="add-agenda-item">
          {parent ? t('agenda.addSubItem') : t('agenda.addItem')}
        </Button>
      </div>
    </form>
  );
}
