import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTENDANCE_STATES, type AttendanceState, type LiveSeat } from '@phonghop/shared';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { TextArea } from '../../ui/TextArea';
import { useLive, useSubstituteFormat } from './live-context';
import { seatName } from './seats';

/** The secretary's or chair's roll call for one seat: any state; vắng mặt needs a reason (Quy chế: recorded in the minutes). */
export function MarkAttendanceDialog({ seat, initial, onClose }: { seat: LiveSeat; initial: AttendanceState; onClose: () => void }) {
  const { t } = useTranslation();
  const { run, pending } = useLive();
  const format = useSubstituteFormat();
  const [state, setState] = useState<AttendanceState>(initial);
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const busyKey = `mark:${seat.userId}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const why = reason.trim();
    if (state === 'absent' && !why) {
      setFieldError(t('live.attendance.reasonRequired'));
      return;
    }
    const ok = await run('attendance:mark', { userId: seat.userId, state, ...(why ? { reason: why } : {}) }, busyKey);
    if (ok) onClose();
  };

  return (
    <Dialog open onClose={onClose} title={t('live.attendance.markTitle', { name: seatName(seat, format) })} closeLabel={t('live.close')}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="mark-attendance-form">
        <div className="segmented segmented--wrap" role="radiogroup" aria-label={t('live.attendance.title')}>
          {ATTENDANCE_STATES.map((s) => (
            <label key={s} className={`segmented__option ${state === s ? 'is-selected' : ''}`}>
              <input type="radio" name="attendanceState" value={s} checked={state === s} onChange={() => setState(s)} />
              <span>{t(`live.attendance.states.${s}`)}</span>
            </label>
          ))}
        </div>
        {state === 'absent' && (
          <TextArea label={t('live.attendance.reason')} name="absenceReason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} error={fieldError} required />
        )}
        <div className="form__actions">
          <Button variant="secondary" onClick={onClose}>
            {t('live.cancel')}
          </Button>
          <Button type="submit" busy={pending.has(busyKey)} data-testid="save-attendance">
            {t('live.save')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
