import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeetingDto, SystemRole } from '@phonghop/shared';

/**
 * "Biên bản" on the meeting page, from the start of the meeting on, for those the server may let read them
 * (minutes-access.ts): the chair, the secretaries, the members (who see them once shared or approved).
 */
export function MinutesLink({ meeting, systemRole }: { meeting: Pick<MeetingDto, 'id' | 'status' | 'myRole'>; systemRole: SystemRole }) {
  const { t } = useTranslation();
  if (meeting.status !== 'in_progress' && meeting.status !== 'ended' && meeting.status !== 'archived') return null;
  const role = meeting.myRole;
  if (systemRole !== 'secretary' && role !== 'chair' && role !== 'secretary' && role !== 'member') return null;
  return (
    <Link className="btn btn--secondary" to={`/cuoc-hop/${meeting.id}/bien-ban`} data-testid="open-minutes">
      {t('minutes.link')}
    </Link>
  );
}
