import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MinutesDto, returnMinutesRequestSchema } from '@phonghop/shared';
import { useErrorMessage } from '../../i18n/use-error-message';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { TextArea } from '../../ui/TextArea';
import { minutesApi } from './minutes.api';

/**
 * The workflow's buttons, as the server allows them (`can`): the secretary submits ("Gửi chủ trì duyệt"), the chair
 * approves and signs or returns with comments, and lets the members read the draft.
 */
export function MinutesActions({
  minutes: m,
  beforeSubmit,
  onMinutes,
}: {
  minutes: MinutesDto;
  /** Saves what is still being typed and answers the version to submit. */
  beforeSubmit: () => Promise<number>;
  onMinutes: (m: MinutesDto) => void;
}) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const [busy, setBusy] = useState<null | 'submit' | 'approve' | 'share' | 'return'>(null);
  const [error, setError] = useState<unknown>(null);
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState('');

  const run = async (what: NonNullable<typeof busy>, action: () => Promise<MinutesDto>) => {
    setBusy(what);
    setError(null);
    try {
      onMinutes(await action());
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(null);
    }
  };

  const sendBack = async () => {
    const parsed = returnMinutesRequestSchema.safeParse({ version: m.version, comment });
    if (!parsed.success) return setCommentError(parsed.error.issues[0]?.message ?? '');
    if (await run('return', () => minutesApi.returnToSecretary(m.meetingId, parsed.data))) setReturning(false);
  };

  const any = m.can.submit || m.can.approve || m.can.share;
  if (!any) return null;
  return (
    <section className="card minutes-actions" aria-label={t('minutes.actions.title')}>
      {error !== null && <Alert>{describeError(error)}</Alert>}
      <div className="minutes-actions__row">
        {m.can.submit && (
          <Button busy={busy === 'submit'} onClick={() => void run('submit', async () => minutesApi.submit(m.meetingId, await beforeSubmit()))} data-testid="submit-minutes">
            {t('minutes.actions.submit')}
          </Button>
        )}
        {m.can.approve && (
          <>
            <Button busy={busy === 'approve'} onClick={() => void run('approve', () => minutesApi.approve(m.meetingId, m.version))} data-testid="approve-minutes">
              {t('minutes.actions.approve')}
            </Button>
            <Button variant="secondary" onClick={() => setReturning(true)} data-testid="return-minutes">
              {t('minutes.actions.return')}
            </Button>
          </>
        )}
        {m.can.share && (
          <label className="minutes-share">
            <input
              type="checkbox"
              checked={m.membersCanRead}
              disabled={busy === 'share'}
              onChange={(e) => void run('share', () => minutesApi.share(m.meetingId, e.target.checked))}
              data-testid="share-minutes"
            />
            {t('minutes.actions.share')}
          </label>
        )}
      </div>
      {m.can.submit && <p className="muted">{t('minutes.actions.submitHint')}</p>}
      <Dialog open={returning} title={t('minutes.actions.returnTitle')} onClose={() => setReturning(false)} closeLabel={t('minutes.close')}>
        <TextArea
          label={t('minutes.actions.returnComment')}
          value={comment}
          rows={4}
          error={commentError || undefined}
          onChange={(e) => {
            setComment(e.target.value);
            setCommentError('');
          }}
          data-testid="return-comment"
        />
        <div className="form__actions">
          <Button variant="secondary" onClick={() => setReturning(false)}>
            {t('minutes.cancel')}
          </Button>
          <Button busy={busy === 'return'} onClick={() => void sendBack()} data-testid="confirm-return">
            {t('minutes.actions.confirmReturn')}
          </Button>
        </div>
      </Dialog>
    </section>
  );
}
