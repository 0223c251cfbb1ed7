import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { MinutesDto } from '@phonghop/shared';
import { ApiError } from '../../api/http';
import { useResource } from '../../api/use-resource';
import { useErrorMessage } from '../../i18n/use-error-message';
import { Alert } from '../../ui/Alert';
import { EmptyState } from '../../ui/EmptyState';
import { Spinner } from '../../ui/Spinner';
import { useCurrentUser } from '../auth/session-context';
import { ConclusionsPanel } from './ConclusionsPanel';
import { MinutesActions } from './MinutesActions';
import { MinutesComments } from './MinutesComments';
import { MinutesDocument } from './MinutesDocument';
import { MinutesEditor } from './MinutesEditor';
import { MinutesFiles } from './MinutesFiles';
import { MinutesHistory } from './MinutesHistory';
import { minutesApi } from './minutes.api';
import './minutes.css';

/** How often an open minutes page reads the facts again while the meeting goes on. */
const FACTS_POLL_MS = 10_000;

/** The minutes (biên bản) of one meeting, for whoever the server lets read them: what each one may do comes with them. */
export function MinutesPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const describeError = useErrorMessage();
  const [load, setLoad] = useState(0);
  const reload = useCallback(() => setLoad((n) => n + 1), []);
  const minutes = useResource(`min:${id}:${load}`, (signal) => minutesApi.get(id, signal));
  // During the meeting the facts grow with the log: read them again now and then (the editor keeps its own text)
  const live = minutes.data?.facts.started != null && minutes.data.facts.ended === null;
  const refetch = minutes.reload;
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') refetch();
    }, FACTS_POLL_MS);
    return () => clearInterval(timer);
  }, [live, refetch]);
  const back = (
    <Link className="btn btn--ghost" to={`/cuoc-hop/${id}`} data-testid="back-to-meeting">
      {t('minutes.backToMeeting')}
    </Link>
  );

  if (!minutes.data) {
    const code = minutes.error instanceof ApiError ? minutes.error.code : null;
    return (
      <div className="page minutes-page">
        <div className="page__header">
          <h1 data-testid="page-title">{t('minutes.title')}</h1>
          <div className="page__actions">{back}</div>
        </div>
        {code === 'MINUTES_NOT_STARTED' ? (
          <EmptyState title={t('minutes.emptyTitle')}>{t('minutes.emptyText')}</EmptyState>
        ) : code === 'FORBIDDEN' ? (
          // a member before the chair shares the draft (and before approval)
          <EmptyState title={t('minutes.notSharedTitle')}>{t('minutes.notSharedText')}</EmptyState>
        ) : minutes.error !== null ? (
          <Alert>{describeError(minutes.error)}</Alert>
        ) : (
          <Spinner size="lg" label={t('minutes.loading')} />
        )}
      </div>
    );
  }
  // a new copy of the same state keeps the editor (and its autosave); a reload or a change of state starts afresh
  return (
    <MinutesScreen key={`${load}:${minutes.data.status}`} minutes={minutes.data} back={back} onMinutes={minutes.set} onReload={reload} onRefresh={refetch} />
  );
}

function MinutesScreen({
  minutes: m,
  back,
  onMinutes,
  onReload,
  onRefresh,
}: {
  minutes: MinutesDto;
  back: ReactNode;
  onMinutes: (m: MinutesDto) => void;
  onReload: () => void;
  onRefresh: () => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const secretary = user.role === 'secretary' || m.seats.some((s) => s.userId === user.id && s.role === 'secretary');
  const chair = m.can.share;
  return (
    <div className="page minutes-page">
      <div className="page__header">
        <div>
          <p className="page__eyebrow">{t('minutes.title')}</p>
          <h1 data-testid="page-title">{m.meeting.title}</h1>
        </div>
        <div className="page__actions">
          <span className={`badge minutes-status minutes-status--${m.status}`} data-testid="minutes-status" data-status={m.status}>
            {t(`minutes.statuses.${m.status}`)}
          </span>
          {back}
        </div>
      </div>
      {m.status === 'draft' && m.returnComment && (
        <Alert tone="warning">
          <span data-testid="return-comment-shown">{t('minutes.returned', { comment: m.returnComment })}</span>
        </Alert>
      )}
      {m.status === 'approved' && m.can.edit && <Alert tone="info">{t('minutes.editSigned')}</Alert>}
      {m.status === 'submitted' && <Alert tone="info">{secretary && !chair ? t('minutes.waitingChair') : t('minutes.submittedHint')}</Alert>}
      {m.can.edit ? (
        <MinutesEditor minutes={m} onMinutes={onMinutes} onReload={onReload} onRefresh={onRefresh} />
      ) : (
        <>
          <MinutesActions minutes={m} beforeSubmit={() => Promise.resolve(m.version)} onMinutes={onMinutes} />
          <MinutesDocument minutes={m} notes={m.notes} editable={false} onChange={() => undefined} />
        </>
      )}
      <MinutesFiles minutes={m} />
      {m.facts.ended && <ConclusionsPanel minutes={m} canManage={secretary || chair} canIssue={secretary} />}
      {m.can.comment && <MinutesComments meetingId={m.meetingId} canComment={m.can.comment} />}
      {(secretary || chair) && <MinutesHistory meetingId={m.meetingId} version={m.version} />}
    </div>
  );
}

export default MinutesPage;
