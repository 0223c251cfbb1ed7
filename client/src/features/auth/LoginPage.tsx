import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { loginRequestSchema } from '@phonghop/shared';
import { ApiError } from '../../api/http';
import { fieldErrors } from '../../api/field-errors';
import { Emblem } from '../../app/Emblem';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useErrorMessage } from '../../i18n/use-error-message';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { FullPageSpinner } from '../../ui/Spinner';
import { TextField } from '../../ui/TextField';
import { useSession } from './session-context';

export function LoginPage() {
  const { t } = useTranslation();
  const { state, login } = useSession();
  const location = useLocation();
  const describeError = useErrorMessage();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  if (state.status === 'loading') return <FullPageSpinner label={t('app.loading')} />;
  if (state.status === 'authenticated') {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from && from !== '/login' ? from : '/'} replace />;
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    setError(null);
    const parsed = loginRequestSchema.safeParse({ username, password });
    if (!parsed.success) {
      setFields(fieldErrors(parsed.error.issues));
      return;
    }
    setFields({});
    setSubmitting(true);
    try {
      await login(parsed.data);
      // The session state change re-renders this page into a redirect.
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.details) setFields(err.details);
      setSubmitting(false);
    }
  };

  return (
    <div className="login">
      <div className="login__lang">
        <LanguageSwitch />
      </div>
      <main className="login__card">
        <div className="login__brand">
          <Emblem size={56} />
          <p className="login__org">{t('app.organization')}</p>
          <h1 className="login__title">{t('app.name')}</h1>
          <p className="muted">{t('login.subtitle')}</p>
        </div>

        {state.notice && <Alert tone="info">{t(`notices.${state.notice}`)}</Alert>}
        {error !== null && <Alert tone="error">{describeError(error)}</Alert>}

        <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
          <h2 className="login__form-title">{t('login.title')}</h2>
          <TextField
            label={t('login.username')}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            error={fields.username}
            required
            autoFocus
          />
          <TextField
            label={t('login.password')}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={fields.password}
            revealLabels={{ show: t('login.showPassword'), hide: t('login.hidePassword') }}
            required
          />
          <Button type="submit" busy={submitting} className="btn--block">
            {submitting ? t('login.submitting') : t('login.submit')}
          </Button>
        </form>
        <p className="login__help muted">{t('login.help')}</p>
      </main>
    </div>
  );
}
