import './live.css';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { ApiError } from '../../api/api-error';
import { useErrorMessage } from '../../i18n/use-error-message';
import { Alert } from '../../ui/Alert';
import { Spinner } from '../../ui/Spinner';
import { useCurrentUser } from '../auth/session-context';
import { ChairScreen } from './ChairScreen';
import { LiveRoomContext } from './live-context';
import { MemberScreen } from './MemberScreen';
import { useLiveRoomApi } from './use-live-room-api';

/** /cuoc-hop/:id/phong-hop — the chair's control screen or the member's live screen, by the role in this meeting. */
export default function LiveRoomPage() {
  const { id = '' } = useParams();
  return <LiveRoom key={id} meetingId={id} />;
}

function LiveRoom({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const describe = useErrorMessage();
  const { api, joinError, loadError } = useLiveRoomApi(meetingId);

  if (joinError || !api) {
    return (
      <div className="page">
        {joinError ? (
          <Alert>{describe(new ApiError(0, joinError.code as ApiError['code'], joinError.message))}</Alert>
        ) : (
          <>
            {loadError !== null && <Alert>{describe(loadError)}</Alert>}
            <div className="center-block">
              <Spinner size="lg" label={t('live.loading')} />
            </div>
          </>
        )}
        <p>
          <Link to={`/cuoc-hop/${meetingId}`}>{t('live.back')}</Link>
        </p>
      </div>
    );
  }
  const role = api.room.me.role;
  // the projector account has its own screen
  if (role === 'display') return <Navigate to={`/cuoc-hop/${meetingId}/man-chieu`} replace />;
  return (
    <LiveRoomContext.Provider value={api}>
      {role === 'chair' ? <ChairScreen /> : <MemberScreen canMark={role === 'secretary' || user.role === 'secretary'} />}
    </LiveRoomContext.Provider>
  );
}
