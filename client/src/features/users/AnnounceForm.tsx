import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { systemCommandSchemas } from '@phonghop/shared';
import { ApiError, networkError, toApiError } from '../../api/api-error';
import { fieldErrors } from '../../api/field-errors';
import { useErrorMessage } from '../../i18n/use-error-message';
import { useRealtime } from '../../realtime/realtime-context';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { useToast } from '../../ui/Toast';

/** Admin-only: a one-line announcement pushed to every connected screen over the socket. */
export function AnnounceForm() {
  const { t } = useTranslation();
  const { socket, connection } = useRealtime();
  const toast = useToast();
  const describeError = useErrorMessage();
  const [message, setMessage] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    const parsed = systemCommandSchemas['system:announce'].safeParse({ message });
    if (!parsed.success) {
      setFieldError(fieldErrors(parsed.error.issues).message);
      return;
    }
    setFieldError(undefined);
    if (!socket) return;
    setBusy(true);
    try {
      const ack = await socket.timeout(10_000).emitWithAck('system:announce', parsed.data);
      if (!ack.ok) throw toApiError(400, ack);
      setMessage('');
      toast.show({ tone: 'success', message: t('announce.sent') });
    } catch (err) {
      setError(err instanceof ApiError ? err : networkError());
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form announce" onSubmit={(e) => void onSubmit(e)} noValidate>
      <h2>{t('announce.title')}</h2>
      {error !== null && <Alert tone="error">{describeError(error)}</Alert>}
      <div className={`field${fieldError ? ' field--invalid' : ''}`}>
        <label className="field__label" htmlFor="announce-message">
          {t('announce.label')}
        </label>
        <textarea
          id="announce-message"
          className="field__input field__textarea"
          rows={2}
          maxLength={500}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? 'announce-message-error' : undefined}
        />
        {fieldError && (
          <p id="announce-message-error" className="field__error">
            {fieldError}
          </p>
        )}
      </div>
      <div className="form__actions">
        <Button type="submit" busy={busy} disabled={connection !== 'connected'}>
          {busy ? t('announce.sending') : t('announce.submit')}
        </Button>
      </div>
    </form>
  );
}
