import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { resetPasswordRequestSchema, type UserDto } from '@phonghop/shared';
import { ApiError } from '../../api/http';
import { fieldErrors } from '../../api/field-errors';
import { useErrorMessage } from '../../i18n/use-error-message';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/TextField';
import { usersApi } from './users.api';

export function ResetPasswordDialog({ user, onClose, onDone }: { user: UserDto | null; onClose: () => void; onDone: (user: UserDto) => void }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const [password, setPassword] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setPassword('');
    setFields({});
    setError(null);
    onClose();
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!user) return;
    setError(null);
    const parsed = resetPasswordRequestSchema.safeParse({ newPassword: password });
    if (!parsed.success) {
      setFields(fieldErrors(parsed.error.issues));
      return;
    }
    setFields({});
    setBusy(true);
    try {
      await usersApi.resetPassword(user.id, parsed.data);
      setBusy(false);
      onDone(user);
      close();
    } catch (err) {
      setBusy(false);
      setError(err);
      if (err instanceof ApiError && err.details) setFields(err.details);
    }
  };

  return (
    <Dialog open={user !== null} onClose={close} title={t('users.resetTitle')} closeLabel={t('users.close')}>
      {user && (
        <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
          <p>{t('users.resetFor', { name: user.fullName, username: user.username })}</p>
          {error !== null && <Alert tone="error">{describeError(error)}</Alert>}
          <TextField
            label={t('users.newPassword')}
            name="resetPassword"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={fields.newPassword}
            hint={`${t('changePassword.hint')} ${t('users.resetHint')}`}
            revealLabels={{ show: t('login.showPassword'), hide: t('login.hidePassword') }}
            required
            autoFocus
          />
          <div className="form__actions">
            <Button variant="secondary" onClick={close}>
              {t('users.cancel')}
            </Button>
            <Button type="submit" variant="danger" busy={busy}>
              {busy ? t('users.resetting') : t('users.resetSubmit')}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
