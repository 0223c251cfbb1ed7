import { useTranslation } from 'react-i18next';
import type { MeetingStatus } from '@phonghop/shared';

export function StatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--status-${status}`} data-testid="meeting-status" data-status={status}>
      {t(`meetings.status.${status}`)}
    </span>
  );
}
