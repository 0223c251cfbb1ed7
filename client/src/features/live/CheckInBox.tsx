import { useTranslation } from 'react-i18next';
import { formatVnShort, isPresent } from '@phonghop/shared';
import { Button } from '../../ui/Button';
import { vnTime } from '../meetings/vn-time';
import { checkInOpen, checkInOpensAt } from './check-in-window';
import { useLive } from './live-context';
import { seatAttendance, seatOf } from './seats';
import { useServerNow } from './use-server-now';

/** The window opens with the minute: checking every 15 s is plenty. */
const WINDOW_TICK_MS = 15_000;

/** The member's own attendance and the "Điểm danh" button (disabled, with the opening time, before the window). */
export function CheckInBox() {
  const { t } = useTranslation();
  const { view, room, run, pending } = useLive();
  const now = useServerNow(view.clockOffsetMs, WINDOW_TICK_MS);
  const seat = seatOf(room.seats, room.me.seatUserId);
  const record = seat ? seatAttendance(view.state.attendance, seat) : view.state.attendance[room.me.seatUserId];
  const state = record?.state ?? 'unmarked';
  const open = checkInOpen(view.state.status, room, now);

  return (
    <section className="card live-panel check-in" aria-labelledby="check-in-title" data-testid="check-in" data-state={state}>
      <h2 id="check-in-title">{t('live.attendance.mine')}</h2>
      <p>
        <span className={`badge attendance-state attendance-state--${state}`} data-testid="my-attendance">
          {t(`live.attendance.states.${state}`)}
        </span>
        {record?.arrivedAt && <span className="muted small"> {t('live.attendance.arrivedAt', { time: vnTime(record.arrivedAt) })}</span>}
      </p>
      {!isPresent(state) && (
        <>
          <Button busy={pending.has('attendance:check-in')} disabled={!open} onClick={() => void run('attendance:check-in', {})} data-testid="check-in-button" aria-describedby={open ? undefined : 'check-in-hint'}>
            {t('live.attendance.checkIn')}
          </Button>
          {!open && (
            <p id="check-in-hint" className="muted small" data-testid="check-in-hint">
              {view.state.status === 'ended' ? t('live.attendance.closed') : t('live.attendance.opensAt', { time: formatVnShort(new Date(checkInOpensAt(room))) })}
            </p>
          )}
        </>
      )}
    </section>
  );
}
