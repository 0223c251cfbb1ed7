import { useTranslation } from 'react-i18next';
import type { AgendaStatus } from '@phonghop/shared';

export function AgendaStatusBadge({ status }: { status: AgendaStatus }) {
  const { t } = useTranslation();
  const tone = status === 'draft' ? 'warn' : 'on';
  return (
    <span className={`badge badge--${tone}`} data-testid="agenda-status" data-status={status}>
      {t(`agenda.status.${status}`)}
    </span>
  );
}
