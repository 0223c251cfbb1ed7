import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { changePasswordRequestSchema } from '@phonghop/shared';
import { ApiError } from '../../api/http';
import { fieldErrors } from '../../api/field-errors';
import { useErrorMessage } from '../../i18n/use-error-message';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import { useToast } from '../../ui/Toast';
import { authApi } from './auth.api';
import { useCurrentUser, useSession } from './session-context';

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const toast = useToast();
  const describeError = useErrorMessage();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const reveal = { show: t('login.showPassword'), hide: t('login.hidePassword') };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    const parsed = changePasswordRequestSchema.safeParse({ currentPassword, newPassword });
    const errors = parsed.success ? {} : fieldErrors(parsed.error.issues);
    if (confirm !== newPassword && !errors.newPassword) errors.confirm = t('changePassword.mismatch');
    setFields(errors);
    if (!parsed.success || errors.confirm) return;
    setSubmitting(true);
    try {
      await authApi.changePassword(parsed.data);
      await refresh();
      toast.show({ tone: 'success', message: t('changePassword.success') });
      await navigate('/', { replace: true });
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.details) setFields(err.details);
      if (err instanceof ApiError && err.code === 'WRONG_CURRENT_PASSWORD') setFields({ currentPassword: describeError(err) });
      setSubmitting(false);
    }
  };

  return (
    <div className="page page--narrow">
      <h1 data-testid="page-title">{t('changePassword.title')}</h1>
      {user.mustChangePassword && <Alert tone="warning">{t('changePassword.mustChange')}</Alert>}
      {error !== null && <Alert tone="error">{describeError(error)}</Alert>}
      <form className="form card" onSubmit={(e) => void onSubmit(e)} noValidate>
        <TextField
          label={t('changePassword.current')}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={(e) => setCurrentPassword(e.target.value)}
          error={fields.currentPassword}
          revealLabels={reveal}
          required
        />
        <TextField
          label={t('changePassword.new')}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          value={newPassword}
          onChange={(e) => setNewPassword(e.target.value)}
          error={fields.newPassword}
          hint={t('changePassword.hint')}
          revealLabels={reveal}
          required
        />
        <TextField
          label={t('changePassword.confirm')}
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          error={fields.confirm}
          revealLabels={reveal}
          required
        />
        <div className="form__actions">
          {!user.mustChangePassword && (
            <Button variant="secondary" onClick={() => void navigate(-1)}>
              {t('changePassword.cancel')}
            </Button>
          )}
          <Button type="submit" busy={submitting}>
            {submitting ? t('changePassword.submitting') : t('changePassword.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
