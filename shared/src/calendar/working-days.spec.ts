import { describe, expect, it } from '@jest/globals';
import { addDays } from './dates.js';
import { type HolidayDecisions } from './holidays.js';
import {
  addWorkingDays,
  isWorkingDay,
  MIN_PUBLICATION_WORKING_DAYS,
  publicationNotice,
  workingDaysBetween,
} from './working-days.js';

/** An instant given as Vietnam local time. */
const vn = (local: string) => new Date(`${local}+07:00`);

describe('isWorkingDay', () => {
  it('around Tết Bính Ngọ 2026 (off Saturday 14/2 – Sunday 22/2)', () => {
    const expected: Record<string, boolean> = {
      '2026-02-12': true, // Thursday
      '2026-02-13': true, // Friday, 26 tháng Chạp
      '2026-02-14': false, // Saturday
      '2026-02-15': false, // Sunday
      '2026-02-16': false, // Monday, 29 tháng Chạp (last day of Ất Tỵ)
      '2026-02-17': false, // mùng 1 Tết
      '2026-02-18': false,
      '2026-02-19': false,
      '2026-02-20': false, // mùng 4
      '2026-02-21': false, // Saturday
      '2026-02-22': false, // Sunday
      '2026-02-23': true, // Monday, mùng 7: back to work
    };
    for (const [date, working] of Object.entries(expected)) expect([date, isWorkingDay(date)]).toEqual([date, working]);
  });

  it('honours official swaps: Saturday 26/4/2025 worked, Friday 2/5/2025 off', () => {
    expect(isWorkingDay('2025-04-26')).toBe(true);
    expect(isWorkingDay('2025-04-27')).toBe(false); // Sunday
    expect(isWorkingDay('2025-05-02')).toBe(false);
    expect(isWorkingDay('2025-05-05')).toBe(true);
    expect(isWorkingDay({ year: 2025, month: 1, day: 27 })).toBe(false); // Tết 2025 started Monday 27/1
    expect(isWorkingDay('2025-02-03')).toBe(true); // back on Monday 3/2/2025
  });

  it('treats nghỉ bù as a day off (Monday 27/4/2026 for Giỗ Tổ on Sunday 26/4)', () => {
    expect(isWorkingDay('2026-04-27')).toBe(false);
    expect(isWorkingDay('2026-04-28')).toBe(true);
  });

  it('uses a custom decision table when given one', () => {
    const decisions: HolidayDecisions = {
      2026: { workingDays: [{ date: '2026-03-07', note: 'test' }], source: 'test' },
    };
    expect(isWorkingDay('2026-03-07')).toBe(false);
    expect(isWorkingDay('2026-03-07', decisions)).toBe(true);
    expect(isWorkingDay('2026-02-17', decisions)).toBe(false); // statutory Tết still applies
  });
});

describe('addWorkingDays', () => {
  it('counts working days after the date, skipping Tết 2026', () => {
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
    expect(addWorkingDays('2026-02-13', 5)).toBe('2026-02-27');
    expect(addWorkingDays('2026-02-12', 2)).toBe('2026-02-23');
  });

  it('n = 0 returns the date itself, even on a day off', () => {
    expect(addWorkingDays('2026-02-17', 0)).toBe('2026-02-17');
    expect(addWorkingDays('2026-02-17', 1)).toBe('2026-02-23');
  });

  it('counts a working Saturday and crosses the year end', () => {
    expect(addWorkingDays('2025-04-25', 1)).toBe('2025-04-26'); // Saturday làm bù
    expect(addWorkingDays('2025-04-29', 1)).toBe('2025-05-05');
    expect(addWorkingDays('2025-12-30', 2)).toBe('2026-01-02'); // 31/12, (1/1 off), 2/1
  });

  it('rejects negative or fractional n', () => {
    expect(() => addWorkingDays('2026-02-13', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-02-13', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days in (from, to]', () => {
    expect(workingDaysBetween('2026-03-09', '2026-03-13')).toBe(4); // Mon → Fri: Tue–Fri
    expect(workingDaysBetween('2026-03-09', '2026-03-09')).toBe(0);
    expect(workingDaysBetween('2026-02-13', '2026-02-27')).toBe(5);
    expect(workingDaysBetween('2025-12-31', '2026-12-31')).toBe(261 - 11); // 261 weekdays, 11 of them days off
  });

  it('is antisymmetric', () => {
    expect(workingDaysBetween('2026-02-27', '2026-02-13')).toBe(-5);
  });

  it('inverts addWorkingDays', () => {
    for (let offset = 0; offset < 400; offset += 7) {
      const start = addDays('2025-01-01', offset);
      for (const n of [0, 1, 3, 10]) expect(workingDaysBetween(start, addWorkingDays(start, n))).toBe(n);
    }
  });
});

describe('publicationNotice (QĐ 45/2018/QĐ-TTg: at least 3 working days before the meeting)', () => {
  it('counts working days strictly between publication and meeting', () => {
    expect(MIN_PUBLICATION_WORKING_DAYS).toBe(3);
    // Published Monday 9/3/2026 for a Friday 13/3 meeting: Tue, Wed, Thu.
    expect(publicationNotice(vn('2026-03-09T16:00:00'), vn('2026-03-13T08:00:00'))).toEqual({
      publicationDate: '2026-03-09',
      meetingDate: '2026-03-13',
      workingDaysAhead: 3,
      tooLate: false,
    });
    // Published Tuesday: Wed, Thu.
    expect(publicationNotice(vn('2026-03-10T08:00:00'), vn('2026-03-13T08:00:00'))).toMatchObject({
      workingDaysAhead: 2,
      tooLate: true,
    });
  });

  it('uses the Vietnam date of each instant, not the machine time zone', () => {
    // 18:00Z on Monday is 01:00 on Tuesday in Hà Nội: too late for Friday.
    expect(publicationNotice(new Date('2026-03-09T18:00:00Z'), vn('2026-03-13T08:00:00'))).toMatchObject({
      publicationDate: '2026-03-10',
      workingDaysAhead: 2,
      tooLate: true,
    });
    // 16:59Z on Monday is 23:59 Monday in Hà Nội: in time.
    expect(publicationNotice(new Date('2026-03-09T16:59:00Z'), vn('2026-03-13T08:00:00'))).toMatchObject({
      publicationDate: '2026-03-09',
      workingDaysAhead: 3,
      tooLate: false,
    });
  });

  it('skips 30/4 – 1/5 (2026: a week of calendar days, 2 working days)', () => {
    // Published Tuesday 28/4/2026 for Tuesday 5/5: Wed 29/4, (30/4, 1/5, weekend), Mon 4/5.
    expect(publicationNotice(vn('2026-04-28T09:00:00'), vn('2026-05-05T09:00:00'))).toMatchObject({
      workingDaysAhead: 2,
      tooLate: true,
    });
    // Published Friday 24/4/2026: Mon 27/4 is nghỉ bù Giỗ Tổ; Tue 28, Wed 29, Mon 4/5 = 3.
    expect(publicationNotice(vn('2026-04-24T09:00:00'), vn('2026-05-05T09:00:00'))).toMatchObject({
      workingDaysAhead: 3,
      tooLate: false,
    });
  });

  it('counts the 2025 working Saturday and skips the swapped Friday', () => {
    // Published Friday 25/4/2025 for Tuesday 6/5: Sat 26/4 (làm bù), Mon 28, Tue 29, Mon 5/5.
    expect(publicationNotice(vn('2025-04-25T09:00:00'), vn('2025-05-06T09:00:00'))).toMatchObject({
      workingDaysAhead: 4,
      tooLate: false,
    });
    // Published Monday 28/4/2025: Tue 29/4, Mon 5/5.
    expect(publicationNotice(vn('2025-04-28T09:00:00'), vn('2025-05-06T09:00:00'))).toMatchObject({
      workingDaysAhead: 2,
      tooLate: true,
    });
  });

  it('spans Tết: published Friday 13/2/2026 for Wednesday 25/2 gives 2 working days', () => {
    expect(publicationNotice(vn('2026-02-13T09:00:00'), vn('2026-02-25T09:00:00'))).toMatchObject({
      workingDaysAhead: 2,
      tooLate: true,
    });
  });

  it('a meeting on or before the publication day has 0 working days ahead', () => {
    expect(publicationNotice(vn('2026-03-13T07:00:00'), vn('2026-03-13T08:00:00'))).toMatchObject({
      workingDaysAhead: 0,
      tooLate: true,
    });
    expect(publicationNotice(vn('2026-03-13T07:00:00'), vn('2026-03-02T08:00:00'))).toMatchObject({
      workingDaysAhead: 0,
      tooLate: true,
    });
  });
});
