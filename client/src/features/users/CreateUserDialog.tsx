import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createUserRequestSchema, type SystemRole, type UserDto } from '@phonghop/shared';
import { ApiError } from '../../api/http';
import { fieldErrors } from '../../api/field-errors';
import { useErrorMessage } from '../../i18n/use-error-message';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/TextField';
import { ROLE_OPTIONS, roleLabelKey } from './role-labels';
import { usersApi } from './users.api';

const EMPTY = { username: '', fullName: '', position: '', unit: '', role: 'member' as SystemRole, password: '' };

export function CreateUserDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (user: UserDto) => void }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const [form, setForm] = useState(EMPTY);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  const close = () => {
    setForm(EMPTY);
    setFields({});
    setError(null);
    onClose();
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    const parsed = createUserRequestSchema.safeParse(form);
    if (!parsed.success) {
      setFields(fieldErrors(parsed.error.issues));
      return;
    }
    setFields({});
    setBusy(true);
    try {
      const created = await usersApi.create(parsed.data);
      setBusy(false);
      onCreated(created);
      close();
    } catch (err) {
      setBusy(false);
      setError(err);
      if (err instanceof ApiError && err.details) setFields(err.details);
      if (err instanceof ApiError && err.code === 'USERNAME_TAKEN') setFields({ username: describeError(err) });
    }
  };

  return (
    <Dialog open={open} onClose={close} title={t('users.createTitle')} closeLabel={t('users.close')}>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        {error !== null && <Alert tone="error">{describeError(error)}</Alert>}
        <div className="form__grid">
          <TextField label={t('users.fullName')} name="fullName" value={form.fullName} onChange={set('fullName')} error={fields.fullName} required autoFocus />
          <TextField
            label={t('users.username')}
            name="newUsername"
            value={form.username}
            onChange={set('username')}
            error={fields.username}
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            autoComplete="off"
            required
          />
          <TextField label={t('users.position')} name="position" value={form.position} onChange={set('position')} error={fields.position} />
          <TextField label={t('users.unit')} name="unit" value={form.unit} onChange={set('unit')} error={fields.unit} />
          <div className="field">
            <label className="field__label" htmlFor="create-user-role">
              {t('users.role')}
            </label>
            <select id="create-user-role" className="field__input" value={form.role} onChange={set('role')}>
              {ROLE_OPTIONS.map((role) => (
                <option key={role} value={role}>
                  {t(roleLabelKey(role))}
                </option>
              ))}
            </select>
          </div>
          <TextField
            label={t('users.initialPassword')}
            name="initialPassword"
            type="password"
            autoComplete="new-password"
            value={form.password}
            onChange={set('password')}
            error={fields.password}
            hint={t('users.initialPasswordHint')}
            revealLabels={{ show: t('login.showPassword'), hide: t('login.hidePassword') }}
            required
          />
        </div>
        <div className="form__actions">
          <Button variant="secondary" onClick={close}>
            {t('users.cancel')}
          </Button>
          <Button type="submit" busy={busy}>
            {busy ? t('users.creating') : t('users.create')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
