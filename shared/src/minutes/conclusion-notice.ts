import { vnDateOf, type IsoDate } from '../calendar/dates.js';
import { addWorkingDays, workingDaysBetween } from '../calendar/working-days.js';

/**
 * The conclusion notice (thông báo kết luận) of a meeting is issued within 5 working days of the meeting (the
 * meeting regime of Quyết định 45/2018/QĐ-TTg). The meeting's day does not count; days off and official swaps follow
 * the shared calendar (calendar/working-days.ts).
 */
export const CONCLUSION_NOTICE_WORKING_DAYS = 5;

export interface ConclusionNoticeDue {
  /** Vietnam calendar date of the meeting (its end). */
  meetingDate: IsoDate;
  /** The last day the notice may be issued. */
  dueDate: IsoDate;
  issued: boolean;
  /** Not issued and today (in Vietnam) is after the due date. */
  overdue: boolean;
  /** Working days from today to the due date (negative once past); null when issued. */
  workingDaysLeft: number | null;
}

export function conclusionNoticeDue(meetingEndedAt: Date, issuedAt: Date | null, now: Date): ConclusionNoticeDue {
  const meetingDate = vnDateOf(meetingEndedAt);
  const dueDate = addWorkingDays(meetingDate, CONCLUSION_NOTICE_WORKING_DAYS);
  if (issuedAt)
    return {
      meetingDate,
      dueDate,
      issued: true,
      overdue: false,
      workingDaysLeft: null,
    };
  const today = vnDateOf(now);
  return {
    meetingDate,
    dueDate,
    issued: false,
    overdue: today > dueDate,
    workingDaysLeft: workingDaysBetween(today, dueDate),
  };
}
