import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDto } from '@phonghop/shared';
import { useErrorMessage } from '../../i18n/use-error-message';
import { Button } from '../../ui/Button';
import { useToast } from '../../ui/Toast';
import { meetingsApi } from '../meetings/meetings.api';

/** "Duyệt chương trình": only rendered for the chair while the agenda waits for approval. */
export function ApproveAgendaButton({ meeting, onApproved }: { meeting: MeetingDto; onApproved: (m: MeetingDto) => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const describeError = useErrorMessage();
  const [busy, setBusy] = useState(false);
  if (!meeting.can.approveAgenda) return null;

  const approve = async () => {
    setBusy(true);
    try {
      onApproved(await meetingsApi.approveAgenda(meeting.id));
      toast.show({ tone: 'success', message: t('agenda.approved') });
    } catch (err) {
      toast.show({ tone: 'error', message: describeError(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button onClick={() => void approve()} busy={busy} data-testid="approve-agenda">
      {t('agenda.approve')}
    </Button>
  );
}
