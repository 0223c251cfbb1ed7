import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatVnDateTimeLong, type MeetingSummaryDto } from '@phonghop/shared';
import { StatusBadge } from './StatusBadge';

/** A touch-sized card for a member's meeting list. */
export function MeetingCard({ meeting: m }: { meeting: MeetingSummaryDto }) {
  const { t } = useTranslation();
  return (
    <li>
      <Link to={`/cuoc-hop/${m.id}`} className="meeting-card" data-testid="meeting-card" data-meeting-id={m.id}>
        <div className="meeting-card__top">
          <span className="meeting-card__kind">{t(`meetings.kinds.${m.kind}`)}</span>
          <StatusBadge status={m.status} />
          {m.updatedDocuments > 0 && (
            <span className="badge badge--updated" data-testid="updated-count">
              {t('home.updatedDocs', { count: m.updatedDocuments })}
            </span>
          )}
        </div>
        <h2 className="meeting-card__title">{m.title}</h2>
        <dl className="meeting-card__facts">
          <div>
            <dt>{t('meetings.fields.time')}</dt>
            <dd>{formatVnDateTimeLong(new Date(m.startsAt))}</dd>
          </div>
          <div>
            <dt>{t('meetings.fields.location')}</dt>
            <dd>{m.location}</dd>
          </div>
          {m.chair && (
            <div>
              <dt>{t('meetings.chair')}</dt>
              <dd>{m.chair.fullName}</dd>
            </div>
          )}
          {m.myRole && (
            <div>
              <dt>{t('meetings.myRole')}</dt>
              <dd>
                {t(`meetingRoles.${m.myRole}`)}
                {m.asSubstituteFor && <span className="substitute-note"> · {t('meetings.substituteFor', { name: m.asSubstituteFor.fullName })}</span>}
              </dd>
            </div>
          )}
        </dl>
      </Link>
    </li>
  );
}
