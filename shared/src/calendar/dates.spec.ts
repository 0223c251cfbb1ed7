import { describe, expect, it } from '@jest/globals';
import {
  addDays,
  daysBetween,
  formatIsoDate,
  isoDateSchema,
  isValidIsoDate,
  isWeekend,
  parseIsoDate,
  toIsoDate,
  vnDateOf,
  weekdayOf,
} from './dates.js';

describe('calendar dates', () => {
  it('parses and formats ISO dates, rejecting impossible ones', () => {
    expect(parseIsoDate('2026-02-17')).toEqual({ year: 2026, month: 2, day: 17 });
    expect(formatIsoDate({ year: 2026, month: 2, day: 7 })).toBe('2026-02-07');
    expect(toIsoDate({ year: 33, month: 1, day: 1 })).toBe('0033-01-01');
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2025-02-29')).toBe(false);
    expect(isValidIsoDate('2025-13-01')).toBe(false);
    expect(isValidIsoDate('2025-1-01')).toBe(false);
    expect(() => parseIsoDate('2025-04-31')).toThrow(RangeError);
    expect(isoDateSchema.safeParse('2026-02-17').success).toBe(true);
    expect(isoDateSchema.safeParse('2026-02-30').success).toBe(false);
  });

  it('does day arithmetic across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
    expect(daysBetween('2026-01-01', '2025-01-01')).toBe(-365);
  });

  it('knows the day of the week', () => {
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(weekdayOf('2026-02-13')).toBe(5); // Friday
    expect(weekdayOf('1900-01-01')).toBe(1); // Monday
    expect(isWeekend('2028-01-01')).toBe(true); // Saturday
    expect(isWeekend('2026-02-15')).toBe(true); // Sunday
    expect(isWeekend('2026-02-16')).toBe(false);
  });

  it('gives the calendar date in Vietnam (UTC+7) of an instant, whatever the machine time zone', () => {
    expect(vnDateOf(new Date('2025-01-28T16:59:59.999Z'))).toBe('2025-01-28');
    expect(vnDateOf(new Date('2025-01-28T17:00:00Z'))).toBe('2025-01-29'); // midnight in Hà Nội
    expect(vnDateOf(new Date('2026-02-17T00:30:00+07:00'))).toBe('2026-02-17');
    expect(vnDateOf(new Date('2026-02-16T23:59:00+07:00'))).toBe('2026-02-16');
    expect(vnDateOf(new Date('1969-12-31T20:00:00Z'))).toBe('1970-01-01');
    expect(() => vnDateOf(new Date('nonsense'))).toThrow(RangeError);
  });
});
