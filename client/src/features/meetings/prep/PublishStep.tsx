import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVnShort } from '@phonghop/shared';
import { ApiError } from '../../../api/http';
import { useResource } from '../../../api/use-resource';
import { useErrorMessage } from '../../../i18n/use-error-message';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { Spinner } from '../../../ui/Spinner';
import { useToast } from '../../../ui/Toast';
import { documentsApi } from '../../documents/documents.api';
import { meetingsApi } from '../meetings.api';
import { CancelMeetingDialog } from './CancelMeetingDialog';
import { DeliveryTable } from './DeliveryTable';
import { InvitationPreview } from './InvitationPreview';
import type { StepProps } from './PrepPage';

/** Phát hành: checklist, giấy mời preview, publish (with the short-notice confirmation), then delivery and cancel. */
export function PublishStep({ meeting, onMeeting }: StepProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const describeError = useErrorMessage();
  const key = `${meeting.id}:${meeting.status}:${meeting.agendaStatus}:${meeting.participants.length}`;
  const invitation = useResource(key, (signal) => meetingsApi.invitation(meeting.id, signal));
  const docs = useResource(key, (signal) => documentsApi.list(meeting.id, signal));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [shortNotice, setShortNotice] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);

  const hasChair = meeting.participants.some((p) => p.role === 'chair');
  const agendaApproved = meeting.agendaStatus !== 'draft';
  const isDraft = meeting.status === 'draft';
  const canCancel = meeting.can.edit && (meeting.status === 'draft' || meeting.status === 'published');

  const publish = async (acknowledge: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const result = await meetingsApi.publish(meeting.id, acknowledge);
      setShortNotice(null);
      onMeeting(result.meeting);
      toast.show({ tone: 'success', message: t('publish.done') });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'PUBLISH_SHORT_NOTICE') setShortNotice(err.message || describeError(err));
      else {
        setShortNotice(null);
        setError(err);
      }
    } finally {
      setBusy(false);
    }
  };

  const check = (ok: boolean, label: string, testId: string) => (
    <li className={`checklist__item ${ok ? 'is-ok' : 'is-missing'}`} data-testid={testId} data-ok={ok}>
      <span className="checklist__mark" aria-hidden="true">
        {ok ? '✓' : '!'}
      </span>
      <span>{label}</span>
      <span className="visually-hidden">{ok ? t('publish.ok') : t('publish.missing')}</span>
    </li>
  );

  return (
    <>
      <section className="card stack" aria-labelledby="publish-title">
        <h2 id="publish-title">{t('prep.steps.publish')}</h2>
        {meeting.status === 'cancelled' && (
          <Alert tone="warning">{t('publish.cancelledWith', { reason: meeting.cancelReason ?? '' })}</Alert>
        )}
        <ul className="checklist">
          {check(hasChair, hasChair ? t('publish.hasChair') : t('errors.CHAIR_REQUIRED'), 'check-chair')}
          {check(agendaApproved, agendaApproved ? t('publish.agendaApproved') : t('errors.AGENDA_NOT_APPROVED'), 'check-agenda')}
          {check((docs.data?.length ?? 0) > 0, t('publish.documentCount', { count: docs.data?.length ?? 0 }), 'check-documents')}
        </ul>
        {error !== null && <Alert>{describeError(error)}</Alert>}
        <div className="page__actions">
          {isDraft && meeting.can.publish && (
            <Button onClick={() => void publish(false)} busy={busy} data-testid="publish-meeting">
              {t('publish.publish')}
            </Button>
          )}
          {!isDraft && meeting.publishedAt && (
            <span className="published-on" data-testid="published-on">
              ✓ {t('publish.publishedOn', { at: formatVnShort(new Date(meeting.publishedAt)) })}
            </span>
          )}
          <a className="btn btn--secondary" href={meetingsApi.icsUrl(meeting.id)} download data-testid="download-ics">
            {t('publish.ics')}
          </a>
          {canCancel && (
            <Button variant="danger" onClick={() => setCancelling(true)} data-testid="cancel-meeting">
              {t('publish.cancelMeeting')}
            </Button>
          )}
        </div>
      </section>
      {!isDraft && meeting.can.seeDelivery && <DeliveryTable meetingId={meeting.id} />}
      <section className="card stack" aria-labelledby="invitation-title">
        <h2 id="invitation-title">{t('publish.invitationTitle')}</h2>
        {invitation.error !== null && <Alert>{describeError(invitation.error)}</Alert>}
        {invitation.loading && !invitation.data && <Spinner label={t('app.loading')} />}
        {invitation.data && <InvitationPreview inv={invitation.data} />}
      </section>
      <Dialog open={shortNotice !== null} onClose={() => setShortNotice(null)} title={t('publish.shortNoticeTitle')} closeLabel={t('users.close')}>
        <div className="form">
          <Alert tone="warning">{shortNotice}</Alert>
          <p>{t('publish.shortNoticeQuestion')}</p>
          <div className="form__actions">
            <Button variant="secondary" onClick={() => setShortNotice(null)}>
              {t('users.cancel')}
            </Button>
            <Button onClick={() => void publish(true)} busy={busy} data-testid="confirm-short-notice">
              {t('publish.publishAnyway')}
            </Button>
          </div>
        </div>
      </Dialog>
      <CancelMeetingDialog meeting={meeting} open={cancelling} onClose={() => setCancelling(false)} onCancelled={onMeeting} />
    </>
  );
}
