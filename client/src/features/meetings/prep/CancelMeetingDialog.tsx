import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDto } from '@phonghop/shared';
import { useErrorMessage } from '../../../i18n/use-error-message';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { TextArea } from '../../../ui/TextArea';
import { meetingsApi } from '../meetings.api';

export function CancelMeetingDialog({ meeting, open, onClose, onCancelled }: { meeting: MeetingDto; open: boolean; onClose: () => void; onCancelled: (m: MeetingDto) => void }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setFieldError(t('publish.cancelReasonRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onCancelled(await meetingsApi.cancel(meeting.id, reason.trim()));
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} title={t('publish.cancelTitle')} closeLabel={t('users.close')}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {error !== null && <Alert>{describeError(error)}</Alert>}
        <p>{t('publish.cancelText', { title: meeting.title })}</p>
        <TextArea label={t('publish.cancelReason')} name="cancelReason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} error={fieldError} required />
        <div className="form__actions">
          <Button variant="secondary" onClick={onClose}>
            {t('publish.keep')}
          </Button>
          <Button type="submit" variant="danger" busy={busy} data-testid="confirm-cancel-meeting">
            {t('publish.cancelMeeting')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
