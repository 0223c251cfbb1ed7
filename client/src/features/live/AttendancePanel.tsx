import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isPresent, type LiveSeat } from '@phonghop/shared';
import { Button } from '../../ui/Button';
import { vnTime } from '../meetings/vn-time';
import { useLive, useSubstituteFormat } from './live-context';
import { QuorumBadge } from './LiveBadges';
import { MarkAttendanceDialog } from './MarkAttendanceDialog';
import { rollCall, seatAttendance, seatName } from './seats';

/** The roll call: each seat's state and arrival, the quorum; with `canMark`, quick "Có mặt" and a dialog for the rest. */
export function AttendancePanel({ canMark }: { canMark: boolean }) {
  const { t } = useTranslation();
  const { view, room, run, pending } = useLive();
  const format = useSubstituteFormat();
  const [marking, setMarking] = useState<LiveSeat | null>(null);
  const seats = rollCall(room.seats);

  return (
    <section className="card live-panel" aria-labelledby="live-attendance-title" data-testid="attendance-panel">
      <div className="section-header">
        <h2 id="live-attendance-title">{t('live.attendance.title')}</h2>
        <QuorumBadge />
      </div>
      <ul className="attendance-list">
        {seats.map((seat) => {
          const record = seatAttendance(view.state.attendance, seat);
          const state = record?.state ?? 'unmarked';
          return (
            <li key={seat.userId} className="attendance-row" data-testid="attendance-row" data-user-id={seat.userId} data-state={state}>
              <span className="attendance-row__who">
                <span className="attendance-row__name">{seatName(seat, format)}</span>
                <span className="muted small">
                  {t(`meetingRoles.${seat.role}`)}
                  {seat.position && ` · ${seat.position}`}
                </span>
              </span>
              <span className="attendance-row__state">
                <span className={`badge attendance-state attendance-state--${state}`}>{t(`live.attendance.states.${state}`)}</span>
                {record?.arrivedAt && <span className="muted small">{t('live.attendance.arrivedAt', { time: vnTime(record.arrivedAt) })}</span>}
                {record?.leftAt && !isPresent(state) && <span className="muted small">{t('live.attendance.leftAt', { time: vnTime(record.leftAt) })}</span>}
                {state === 'absent' && record?.reason && <span className="muted small">{t('live.attendance.reasonIs', { reason: record.reason })}</span>}
              </span>
              {canMark && (
                <span className="attendance-row__actions">
                  {state !== 'present_in_person' && (
                    <Button
                      variant="secondary"
                      busy={pending.has(`mark:${seat.userId}`)}
                      onClick={() => void run('attendance:mark', { userId: seat.userId, state: 'present_in_person' }, `mark:${seat.userId}`)}
                      data-testid="mark-present"
                    >
                      {t('live.attendance.markPresent')}
                    </Button>
                  )}
                  <Button variant="secondary" onClick={() => setMarking(seat)} data-testid="mark-other">
                    {t('live.attendance.markOther')}
                  </Button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {marking && <MarkAttendanceDialog seat={marking} initial={seatAttendance(view.state.attendance, marking)?.state ?? 'unmarked'} onClose={() => setMarking(null)} />}
    </section>
  );
}
