import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVnShort, minutesCommentRequestSchema } from '@phonghop/shared';
import { useResource } from '../../api/use-resource';
import { useErrorMessage } from '../../i18n/use-error-message';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextArea } from '../../ui/TextArea';
import { minutesApi } from './minutes.api';

/** Comments on the draft (góp ý): the chair, the secretary, and the members once the chair shares it. */
export function MinutesComments({ meetingId, canComment }: { meetingId: string; canComment: boolean }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const list = useResource(`mc:${meetingId}`, (signal) => minutesApi.comments(meetingId, signal));
  const [text, setText] = useState('');
  const [fieldError, setFieldError] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const send = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = minutesCommentRequestSchema.safeParse({ text });
    if (!parsed.success) return setFieldError(parsed.error.issues[0]?.message ?? '');
    setBusy(true);
    setError(null);
    try {
      await minutesApi.comment(meetingId, parsed.data);
      setText('');
      list.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card minutes-comments" aria-labelledby="minutes-comments">
      <h2 id="minutes-comments">{t('minutes.comments.title')}</h2>
      {list.error !== null && <Alert>{describeError(list.error)}</Alert>}
      {list.data && list.data.length === 0 && <p className="muted">{t('minutes.comments.none')}</p>}
      <ul className="minutes-comments__list">
        {list.data?.map((c) => (
          <li key={c.id} data-testid="minutes-comment">
            <p className="muted">
              {c.by?.fullName ?? t('minutes.someone')} · {formatVnShort(new Date(c.at))}
            </p>
            <p className="prewrap">{c.text}</p>
          </li>
        ))}
      </ul>
      {canComment && (
        <form className="form" onSubmit={(e) => void send(e)} noValidate>
          <TextArea
            label={t('minutes.comments.new')}
            value={text}
            rows={3}
            error={fieldError || undefined}
            onChange={(e) => {
              setText(e.target.value);
              setFieldError('');
            }}
            data-testid="comment-text"
          />
          {error !== null && <Alert>{describeError(error)}</Alert>}
          <div className="form__actions">
            <Button type="submit" busy={busy} data-testid="send-comment">
              {t('minutes.comments.send')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
