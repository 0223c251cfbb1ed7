import { z } from 'zod';

/**
 * Calendar-date helpers for Vietnam (UTC+7, no daylight saving time since 1975).
 *
 * A day is a civil date, never an instant: it is carried as an ISO `YYYY-MM-DD` string ({@link IsoDate}) or
 * as a {@link CalendarDate}. Arithmetic goes through an "epoch day" (days since 1970-01-01) computed with
 * `Date.UTC`, so nothing here depends on the machine's time zone.
 */

/** A calendar date as `YYYY-MM-DD` (proleptic Gregorian). */
export type IsoDate = string;

/** A calendar date; `month` is 1–12, `day` is 1–31. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Anything the calendar functions accept as a day. */
export type DateLike = IsoDate | CalendarDate;

/** Day of the week as `Date.prototype.getUTCDay` numbers it: 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Vietnam's offset from UTC, in hours (Indochina Time, no DST). */
export const VN_UTC_OFFSET_HOURS = 7;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Validates the `YYYY-MM-DD` shape and that the day exists (no 2025-02-29). */
export const isoDateSchema = z
  .string()
  .regex(ISO_DATE, 'expected YYYY-MM-DD')
  .refine((value) => isValidIsoDate(value), 'no such calendar date');

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function checkCalendarDate(date: CalendarDate): CalendarDate {
  const { year, month, day } = date;
  if (
    !Number.isInteger(year) ||
    !Number.isInteger(month) ||
    !Number.isInteger(day) ||
    year < 1 ||
    year > 9999 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month)
  ) {
    throw new RangeError(`Invalid calendar date: ${year}-${month}-${day}`);
  }
  return date;
}

/** Parses `YYYY-MM-DD`; throws `RangeError` on a malformed or non-existent date. */
export function parseIsoDate(value: IsoDate): CalendarDate {
  const match = ISO_DATE.exec(value);
  if (!match) throw new RangeError(`Invalid ISO date (expected YYYY-MM-DD): ${value}`);
  return checkCalendarDate({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) });
}

/** True when `value` is a well-formed `YYYY-MM-DD` date that exists. */
export function isValidIsoDate(value: string): boolean {
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}

/** Formats a {@link CalendarDate} as `YYYY-MM-DD`; throws `RangeError` if the date does not exist. */
export function formatIsoDate(date: CalendarDate): IsoDate {
  const { year, month, day } = checkCalendarDate(date);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Normalises a {@link DateLike} to a validated {@link IsoDate}. */
export function toIsoDate(date: DateLike): IsoDate {
  return typeof date === 'string' ? formatIsoDate(parseIsoDate(date)) : formatIsoDate(date);
}

/** Normalises a {@link DateLike} to a validated {@link CalendarDate}. */
export function toCalendarDate(date: DateLike): CalendarDate {
  return typeof date === 'string' ? parseIsoDate(date) : { ...checkCalendarDate(date) };
}

/** Days since 1970-01-01 (negative before). */
export function epochDayOf(date: DateLike): number {
  const { year, month, day } = toCalendarDate(date);
  const ms = new Date(0).setUTCFullYear(year, month - 1, day);
  return Math.round(ms / MS_PER_DAY);
}

/** The date `epochDay` days after 1970-01-01. */
export function dateOfEpochDay(epochDay: number): IsoDate {
  const d = new Date(epochDay * MS_PER_DAY);
  return formatIsoDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

/** `date` plus `days` calendar days (negative to go back). */
export function addDays(date: DateLike, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer: ${days}`);
  return dateOfEpochDay(epochDayOf(date) + days);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: DateLike, to: DateLike): number {
  return epochDayOf(to) - epochDayOf(from);
}

/** Day of the week, 0 = Sunday (Chủ nhật) … 6 = Saturday (thứ Bảy). */
export function weekdayOf(date: DateLike): Weekday {
  // 1970-01-01 was a Thursday (4).
  return ((((epochDayOf(date) + 4) % 7) + 7) % 7) as Weekday;
}

/** Saturday or Sunday: the weekly rest days of state administrative agencies. */
export function isWeekend(date: DateLike): boolean {
  const weekday = weekdayOf(date);
  return weekday === 0 || weekday === 6;
}

/**
 * The calendar date in Vietnam (UTC+7) at `instant`, e.g. 2025-01-28T17:30:00Z → `2025-01-29`.
 * Uses plain offset arithmetic, so the result is the same whatever the machine's time zone.
 */
export function vnDateOf(instant: Date): IsoDate {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  return dateOfEpochDay(Math.floor((ms + VN_UTC_OFFSET_HOURS * 3_600_000) / MS_PER_DAY));
}
