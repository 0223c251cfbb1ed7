import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatVnDateTimeLong } from '@phonghop/shared';
import { useResource } from '../../api/use-resource';
import { useErrorMessage } from '../../i18n/use-error-message';
import { useSocketEvent } from '../../realtime/realtime-context';
import { Alert } from '../../ui/Alert';
import { Spinner } from '../../ui/Spinner';
import { agendaApi } from '../agenda/agenda.api';
import { ApproveAgendaButton } from '../agenda/ApproveAgendaButton';
import { useCurrentUser } from '../auth/session-context';
import { documentsApi } from '../documents/documents.api';
import { MinutesLink } from '../minutes/MinutesLink';
import { LiveRoomLinks } from './LiveRoomLinks';
import { MeetingAgendaView } from './MeetingAgendaView';
import { meetingsApi } from './meetings.api';
import { RsvpBox } from './RsvpBox';
import { StatusBadge } from './StatusBadge';
import { vnTime } from './vn-time';

/** A meeting as its participants see it (tablet-first): facts, RSVP, the agenda with its documents. */
export function MeetingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const describeError = useErrorMessage();
  const meeting = useResource(`m:${id}`, (signal) => meetingsApi.get(id, signal));
  const agendaKey = meeting.data ? `a:${id}:${meeting.data.agendaStatus}` : null;
  const agenda = useResource(agendaKey, (signal) => agendaApi.get(id, signal));
  const docs = useResource(`d:${id}`, (signal) => documentsApi.list(id, signal));

  const refreshAll = (e: { meetingId: string }) => {
    if (e.meetingId !== id) return;
    meeting.reload();
    agenda.reload();
    docs.reload();
  };
  useSocketEvent('meeting:updated', refreshAll);
  useSocketEvent('meeting:cancelled', refreshAll);
  useSocketEvent('meeting:published', refreshAll);
  useSocketEvent('document:added', refreshAll);
  useSocketEvent('document:updated', refreshAll);
  useSocketEvent('document:removed', refreshAll);

  const m = meeting.data;
  if (!m) {
    return (
      <div className="page">
        {meeting.error !== null ? <Alert>{describeError(meeting.error)}</Alert> : <Spinner size="lg" label={t('app.loading')} />}
      </div>
    );
  }
  const me = m.participants.find((p) => p.user.id === user.id);
  const chair = m.chair ?? m.participants.find((p) => p.role === 'chair')?.user ?? null;

  return (
    <div className="page meeting-page">
      <div className="page__header">
        <div>
          <p className="page__eyebrow">{t(`meetings.kinds.${m.kind}`)}</p>
          <h1 data-testid="page-title">{m.title}</h1>
        </div>
        <div className="page__actions">
          <StatusBadge status={m.status} />
          {user.role === 'secretary' && (
            <Link className="btn btn--secondary" to={`/cuoc-hop/${m.id}/chuan-bi`} data-testid="open-prep">
              {t('meetings.prepare')}
            </Link>
          )}
          <ApproveAgendaButton meeting={m} onApproved={meeting.set} />
          <LiveRoomLinks meeting={m} systemRole={user.role} />
          <MinutesLink meeting={m} systemRole={user.role} />
        </div>
      </div>
      {m.status === 'cancelled' && <Alert tone="warning">{t('publish.cancelledWith', { reason: m.cancelReason ?? '' })}</Alert>}
      <section className="card meeting-facts" data-testid="meeting-facts">
        <dl>
          <div>
            <dt>{t('meetings.fields.time')}</dt>
            <dd>
              {formatVnDateTimeLong(new Date(m.startsAt))} – {vnTime(m.endsAt)}
            </dd>
          </div>
          <div>
            <dt>{t('meetings.fields.location')}</dt>
            <dd>{m.location}</dd>
          </div>
          {chair && (
            <div>
              <dt>{t('meetings.chair')}</dt>
              <dd>
                {chair.fullName}
                {chair.position && <span className="muted">, {chair.position}</span>}
              </dd>
            </div>
          )}
          {m.myRole && (
            <div>
              <dt>{t('meetings.myRole')}</dt>
              <dd>
                {t(`meetingRoles.${m.myRole}`)}
                {m.asSubstituteFor && <span> · {t('meetings.substituteFor', { name: m.asSubstituteFor.fullName })}</span>}
              </dd>
            </div>
          )}
          {m.content && (
            <div className="span-all">
              <dt>{t('meetings.fields.content')}</dt>
              <dd className="prewrap">{m.content}</dd>
            </div>
          )}
          {m.preparation && (
            <div className="span-all">
              <dt>{t('meetings.fields.preparation')}</dt>
              <dd className="prewrap">{m.preparation}</dd>
            </div>
          )}
        </dl>
      </section>
      {m.can.rsvp && me && <RsvpBox key={`${me.rsvp}:${me.substitute?.id ?? ''}`} meeting={m} me={me} onMeeting={meeting.set} />}
      {(agenda.error ?? docs.error) !== null && <Alert>{describeError(agenda.error ?? docs.error)}</Alert>}
      {agenda.data && docs.data ? <MeetingAgendaView agenda={agenda.data} docs={docs.data} /> : <Spinner label={t('app.loading')} />}
    </div>
  );
}
