import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeetingDto, SystemRole } from '@phonghop/shared';

/**
 * Into the live room once the meeting is published or under way: "Vào phòng họp" for those who sit in it (and the
 * office secretaries who keep the roll), "Màn hình trình chiếu" for the projector account and the secretaries who
 * set it up.
 */
export function LiveRoomLinks({ meeting, systemRole }: { meeting: Pick<MeetingDto, 'id' | 'status' | 'myRole'>; systemRole: SystemRole }) {
  const { t } = useTranslation();
  if (meeting.status !== 'published' && meeting.status !== 'in_progress') return null;
  const role = meeting.myRole;
  const secretary = systemRole === 'secretary' || role === 'secretary';
  const seated = role !== null && role !== 'display';
  return (
    <>
      {(seated || secretary) && (
        <Link className="btn btn--primary" to={`/cuoc-hop/${meeting.id}/phong-hop`} data-testid="enter-live-room">
          {t('live.enterRoom')}
        </Link>
      )}
      {(role === 'display' || secretary) && (
        <Link className="btn btn--secondary" to={`/cuoc-hop/${meeting.id}/man-chieu`} data-testid="open-projector">
          {t('live.projectorLink')}
        </Link>
      )}
    </>
  );
}
