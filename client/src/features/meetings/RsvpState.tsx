import { useTranslation } from 'react-i18next';
import type { ParticipantDto } from '@phonghop/shared';

/** Chưa trả lời / Sẽ tham dự / Vắng mặt: lý do / Cử người dự thay: tên. */
export function RsvpState({ participant: p }: { participant: ParticipantDto }) {
  const { t } = useTranslation();
  const tone = p.rsvp === 'attending' ? 'on' : p.rsvp === 'pending' ? 'off' : 'warn';
  return (
    <span className="rsvp-state" data-testid="rsvp-state" data-rsvp={p.rsvp}>
      <span className={`badge badge--${tone}`}>{t(`rsvp.status.${p.rsvp}`)}</span>
      {p.rsvp === 'absent' && p.rsvpReason && <span className="muted small"> {p.rsvpReason}</span>}
      {p.rsvp === 'delegated' && p.substitute && <span className="small"> {p.substitute.fullName}</span>}
    </span>
  );
}
