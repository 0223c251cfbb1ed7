import { addDays, type DateLike, epochDayOf, type IsoDate, isWeekend, toCalendarDate, toIsoDate, vnDateOf } from './dates.js';
import { type HolidayDecisions, OFFICIAL_HOLIDAY_DECISIONS, yearCalendar } from './holidays.js';

/**
 * Working days (ngày làm việc) of state administrative agencies: Monday to Friday (40-hour week,
 * Quyết định 188/1999/QĐ-TTg; Nghị định 45/2013/NĐ-CP), except the days off of {@link holidaysOf};
 * a weekend day made a working day by an official swap (làm bù) is a working day.
 */
export function isWorkingDay(date: DateLike, decisions: HolidayDecisions = OFFICIAL_HOLIDAY_DECISIONS): boolean {
  const day = toIsoDate(date);
  const calendar = yearCalendar(toCalendarDate(day).year, decisions);
  if (calendar.workingDays.has(day)) return true;
  return !isWeekend(day) && !calendar.daysOff.has(day);
}

/**
 * The `n`-th working day after `date` (`date` itself does not count, working or not): 5 working days after a
 * meeting on Friday 13/2/2026 is Friday 27/2/2026, Tết being 16–20/2. `n = 0` returns `date` unchanged.
 * Throws `RangeError` unless `n` is a non-negative integer.
 */
export function addWorkingDays(
  date: DateLike,
  n: number,
  decisions: HolidayDecisions = OFFICIAL_HOLIDAY_DECISIONS,
): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer: ${n}`);
  let day = toIsoDate(date);
  for (let remaining = n; remaining > 0; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day, decisions)) remaining -= 1;
  }
  return day;
}

/**
 * Working days in the half-open interval (`from`, `to`]: strictly after `from`, up to and including `to`,
 * so that `workingDaysBetween(d, addWorkingDays(d, n)) === n`. Antisymmetric: when `to` is before `from`
 * the result is minus the count over (`to`, `from`]. Same day → 0.
 */
export function workingDaysBetween(
  from: DateLike,
  to: DateLike,
  decisions: HolidayDecisions = OFFICIAL_HOLIDAY_DECISIONS,
): number {
  const start = toIsoDate(from);
  const end = toIsoDate(to);
  const span = epochDayOf(end) - epochDayOf(start);
  if (span < 0) return -workingDaysBetween(end, start, decisions);
  let count = 0;
  for (let offset = 1; offset <= span; offset += 1) {
    if (isWorkingDay(addDays(start, offset), decisions)) count += 1;
  }
  return count;
}

/** Documents must reach delegates at least this many working days before the meeting (QĐ 45/2018/QĐ-TTg). */
export const MIN_PUBLICATION_WORKING_DAYS = 3;

/** Whether meeting documents published at an instant are early enough. */
export interface PublicationNotice {
  /** Vietnam calendar date of the publication. */
  publicationDate: IsoDate;
  /** Vietnam calendar date of the meeting. */
  meetingDate: IsoDate;
  /** Working days strictly after the publication date and strictly before the meeting date (0 if none). */
  workingDaysAhead: number;
  /** `workingDaysAhead < MIN_PUBLICATION_WORKING_DAYS`. */
  tooLate: boolean;
}

/**
 * The notice period of meeting documents (Quyết định 45/2018/QĐ-TTg on the working regime of meetings:
 * documents are sent at least 3 working days before the meeting).
 *
 * Convention: both instants are reduced to their calendar date in Vietnam (UTC+7); the working days counted
 * are those strictly after the publication date and strictly before the meeting date — neither the day of
 * publication nor the day of the meeting counts, whatever the hour. `tooLate` when fewer than 3.
 * Published Monday for a Friday meeting: Tue, Wed, Thu = 3, in time; published Tuesday: 2, too late.
 * A meeting on or before the publication date has 0 working days ahead.
 */
export function publicationNotice(
  publishAt: Date,
  meetingStart: Date,
  decisions: HolidayDecisions = OFFICIAL_HOLIDAY_DECISIONS,
): PublicationNotice {
  const publicationDate = vnDateOf(publishAt);
  const meetingDate = vnDateOf(meetingStart);
  const workingDaysAhead =
    meetingDate > publicationDate ? workingDaysBetween(publicationDate, addDays(meetingDate, -1), decisions) : 0;
  return {
    publicationDate,
    meetingDate,
    workingDaysAhead,
    tooLate: workingDaysAhead < MIN_PUBLICATION_WORKING_DAYS,
  };
}
