import { describe, expect, it } from '@jest/globals';
import { addDays, weekdayOf } from './dates.js';
import {
  compensatingWorkingDaysOf,
  type Holiday,
  type HolidayDecisions,
  holidaysOf,
  holidaysOn,
  OFFICIAL_HOLIDAY_DECISIONS,
} from './holidays.js';

const NO_DECISIONS: HolidayDecisions = {};
const brief = (holidays: Holiday[]) => holidays.map((h) => [h.date, h.kind, h.nameVi]);

describe('holidaysOf', () => {
  it('lists 2025 as officially decided: Tết 27–31/1, 30/4–2/5 (swap with Saturday 26/4), 1–2/9', () => {
    expect(brief(holidaysOf(2025))).toEqual([
      ['2025-01-01', 'new-year', 'Tết Dương lịch'],
      ['2025-01-27', 'lunar-new-year', 'Tết Nguyên đán'],
      ['2025-01-28', 'lunar-new-year', 'Tết Nguyên đán'],
      ['2025-01-29', 'lunar-new-year', 'Tết Nguyên đán'],
      ['2025-01-30', 'lunar-new-year', 'Tết Nguyên đán'],
      ['2025-01-31', 'lunar-new-year', 'Tết Nguyên đán'],
      ['2025-04-07', 'hung-kings', 'Giỗ Tổ Hùng Vương'],
      ['2025-04-30', 'reunification', 'Ngày Chiến thắng'],
      ['2025-05-01', 'labour-day', 'Ngày Quốc tế Lao động'],
      ['2025-05-02', 'swapped', 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)'],
      ['2025-09-01', 'national-day', 'Quốc khánh (ngày liền kề)'],
      ['2025-09-02', 'national-day', 'Quốc khánh'],
    ]);
    expect(compensatingWorkingDaysOf(2025)).toEqual(['2025-04-26']);
  });

  it('lists 2026: Tết 16–20/2 (off 14–22/2 with the weekends), Giỗ Tổ on Sunday 26/4 made up on Monday 27/4', () => {
    expect(brief(holidaysOf(2026))).toEqual([
      ['2026-01-01', 'new-year', 'Tết Dương lịch'],
      ['2026-02-16', 'lunar-new-year', 'Tết Nguyên đán'],
      ['2026-02-17', 'lunar-new-year', 'Tết Nguyên đán'],
      ['2026-02-18', 'lunar-new-year', 'Tết Nguyên đán'],
      ['2026-02-19', 'lunar-new-year', 'Tết Nguyên đán'],
      ['2026-02-20', 'lunar-new-year', 'Tết Nguyên đán'],
      ['2026-04-26', 'hung-kings', 'Giỗ Tổ Hùng Vương'],
      ['2026-04-27', 'compensatory', 'Nghỉ bù Giỗ Tổ Hùng Vương'],
      ['2026-04-30', 'reunification', 'Ngày Chiến thắng'],
      ['2026-05-01', 'labour-day', 'Ngày Quốc tế Lao động'],
      ['2026-09-01', 'national-day', 'Quốc khánh (ngày liền kề)'],
      ['2026-09-02', 'national-day', 'Quốc khánh'],
    ]);
    expect(compensatingWorkingDaysOf(2026)).toEqual([]);
    const makeUp = holidaysOf(2026).find((h) => h.kind === 'compensatory');
    expect(makeUp).toMatchObject({ compensates: '2026-04-26', nameEn: "Compensatory day off for Hung Kings' Commemoration Day" });
  });

  it('gives every entry a Vietnamese and an English name, sorted by date', () => {
    for (const year of [2025, 2026, 2027, 2028]) {
      const holidays = holidaysOf(year);
      expect(holidays.map((h) => h.date)).toEqual(holidays.map((h) => h.date).sort());
      for (const h of holidays) {
        expect(h.nameVi.length).toBeGreaterThan(0);
        expect(h.nameEn.length).toBeGreaterThan(0);
      }
    }
    expect(holidaysOf(2025).find((h) => h.date === '2025-01-01')?.nameEn).toBe("New Year's Day");
  });

  it('the 2026 official Tết equals the statutory default (last day of Ất Tỵ + mùng 1–4)', () => {
    expect(holidaysOf(2026, NO_DECISIONS).filter((h) => h.kind === 'lunar-new-year')).toEqual(
      holidaysOf(2026).filter((h) => h.kind === 'lunar-new-year'),
    );
  });

  it('2025 without the decision: Tết 28/1–1/2 with Saturday 1/2 made up on Monday 3/2, 2/5 a working day', () => {
    expect(brief(holidaysOf(2025, NO_DECISIONS)).filter(([date]) => date < '2025-03-01')).toEqual([
      ['2025-01-01', 'new-year', 'Tết Dương lịch'],
      ['2025-01-28', 'lunar-new-year', 'Tết Nguyên đán'], // 29 tháng Chạp, the last day of Giáp Thìn
      ['2025-01-29', 'lunar-new-year', 'Tết Nguyên đán'],
      ['2025-01-30', 'lunar-new-year', 'Tết Nguyên đán'],
      ['2025-01-31', 'lunar-new-year', 'Tết Nguyên đán'],
      ['2025-02-01', 'lunar-new-year', 'Tết Nguyên đán'],
      ['2025-02-03', 'compensatory', 'Nghỉ bù Tết Nguyên đán'],
    ]);
    expect(holidaysOn('2025-05-02', NO_DECISIONS)).toEqual([]);
    // The statutory default picks the same adjacent day the government picked in 2025.
    expect(holidaysOf(2025, NO_DECISIONS).filter((h) => h.kind === 'national-day')).toEqual(
      holidaysOf(2025).filter((h) => h.kind === 'national-day'),
    );
  });

  it('compensates weekend holidays on the next free working days (statutory 2028: 1/1 on a Saturday)', () => {
    expect(brief(holidaysOf(2028))).toEqual([
      ['2028-01-01', 'new-year', 'Tết Dương lịch'], // Saturday
      ['2028-01-03', 'compensatory', 'Nghỉ bù Tết Dương lịch'], // Monday
      ['2028-01-25', 'lunar-new-year', 'Tết Nguyên đán'], // 29 tháng Chạp, the last day of Đinh Mùi
      ['2028-01-26', 'lunar-new-year', 'Tết Nguyên đán'],
      ['2028-01-27', 'lunar-new-year', 'Tết Nguyên đán'],
      ['2028-01-28', 'lunar-new-year', 'Tết Nguyên đán'],
      ['2028-01-29', 'lunar-new-year', 'Tết Nguyên đán'], // mùng 4 on a Saturday
      ['2028-01-31', 'compensatory', 'Nghỉ bù Tết Nguyên đán'],
      ['2028-04-04', 'hung-kings', 'Giỗ Tổ Hùng Vương'],
      ['2028-04-30', 'reunification', 'Ngày Chiến thắng'], // Sunday
      ['2028-05-01', 'labour-day', 'Ngày Quốc tế Lao động'],
      ['2028-05-02', 'compensatory', 'Nghỉ bù Ngày Chiến thắng'], // 1/5 is taken: Tuesday
      ['2028-09-01', 'national-day', 'Quốc khánh (ngày liền kề)'], // Friday
      ['2028-09-02', 'national-day', 'Quốc khánh'], // Saturday
      ['2028-09-04', 'compensatory', 'Nghỉ bù Quốc khánh'], // Monday
    ]);
  });

  it('compensates several weekend holidays in order (2023: Giỗ Tổ Sat 29/4, 30/4 Sun → Tue 2/5, Wed 3/5)', () => {
    // Matches the 2023 announcement: off 29/4 – 3/5/2023; and 1/9 – 4/9/2023 for Quốc khánh.
    const around = holidaysOf(2023, NO_DECISIONS).filter((h) => h.date >= '2023-04-01');
    expect(brief(around)).toEqual([
      ['2023-04-29', 'hung-kings', 'Giỗ Tổ Hùng Vương'],
      ['2023-04-30', 'reunification', 'Ngày Chiến thắng'],
      ['2023-05-01', 'labour-day', 'Ngày Quốc tế Lao động'],
      ['2023-05-02', 'compensatory', 'Nghỉ bù Giỗ Tổ Hùng Vương'],
      ['2023-05-03', 'compensatory', 'Nghỉ bù Ngày Chiến thắng'],
      ['2023-09-01', 'national-day', 'Quốc khánh (ngày liền kề)'],
      ['2023-09-02', 'national-day', 'Quốc khánh'],
      ['2023-09-04', 'compensatory', 'Nghỉ bù Quốc khánh'],
    ]);
  });

  it.each([
    // year, weekday of 2/9, expected national-day dates (the 2022–2025 official choices among them)
    [2024, 'Mon', ['2024-09-02', '2024-09-03']],
    [2025, 'Tue', ['2025-09-01', '2025-09-02']],
    [2026, 'Wed', ['2026-09-01', '2026-09-02']],
    [2027, 'Thu', ['2027-09-02', '2027-09-03']],
    [2022, 'Fri', ['2022-09-01', '2022-09-02']],
    [2023, 'Sat', ['2023-09-01', '2023-09-02']],
    [2029, 'Sun', ['2029-09-02', '2029-09-03']],
  ])('Quốc khánh %i (2/9 on %s): adjacent day by the default rule', (year, _weekday, expected) => {
    const days = holidaysOf(year, NO_DECISIONS).filter((h) => h.kind === 'national-day');
    expect(days.map((h) => h.date)).toEqual(expected);
    // The adjacent day is always a weekday.
    const adjacent = days.find((h) => !h.date.endsWith('-09-02'));
    expect([1, 2, 3, 4, 5]).toContain(weekdayOf(adjacent!.date));
  });

  it('Quốc khánh on a Sunday (2029): 3/9 is the adjacent day and Sunday 2/9 is made up on Tuesday 4/9', () => {
    const september = holidaysOf(2029, NO_DECISIONS).filter((h) => h.date.startsWith('2029-09'));
    expect(brief(september)).toEqual([
      ['2029-09-02', 'national-day', 'Quốc khánh'],
      ['2029-09-03', 'national-day', 'Quốc khánh (ngày liền kề)'],
      ['2029-09-04', 'compensatory', 'Nghỉ bù Quốc khánh'],
    ]);
  });

  it('the Tết default ends on mùng 4 and starts on the last day of the old year, for 2021–2060', () => {
    for (let year = 2021; year <= 2060; year += 1) {
      const tet = holidaysOf(year, NO_DECISIONS).filter((h) => h.kind === 'lunar-new-year');
      expect(tet).toHaveLength(5);
      const days = tet.map((h) => h.date);
      expect(days).toEqual([0, 1, 2, 3, 4].map((i) => addDays(days[0], i)));
    }
  });

  it('applies a made-up decision: replaced Tết is not compensated, swaps and working Saturdays across the year end', () => {
    const decisions: HolidayDecisions = {
      2027: {
        // Friday 31/12/2027 off, made up on Saturday 8/1/2028.
        extraDaysOff: [{ date: '2027-12-31', nameVi: 'Nghỉ hoán đổi', nameEn: 'Swapped day off' }],
        workingDays: [{ date: '2028-01-08', note: 'Làm bù cho 31/12/2027' }],
        source: 'test',
      },
      2028: {
        replace: { 'lunar-new-year': ['2028-01-24', '2028-01-25', '2028-01-26', '2028-01-27', '2028-01-28'] },
        source: 'test',
      },
    };
    const y2028 = holidaysOf(2028, decisions);
    expect(brief(y2028.filter((h) => h.date < '2028-02-15'))).toEqual([
      ['2028-01-01', 'new-year', 'Tết Dương lịch'],
      ['2028-01-03', 'compensatory', 'Nghỉ bù Tết Dương lịch'],
      ['2028-01-24', 'lunar-new-year', 'Tết Nguyên đán'],
      ['2028-01-25', 'lunar-new-year', 'Tết Nguyên đán'],
      ['2028-01-26', 'lunar-new-year', 'Tết Nguyên đán'],
      ['2028-01-27', 'lunar-new-year', 'Tết Nguyên đán'],
      ['2028-01-28', 'lunar-new-year', 'Tết Nguyên đán'],
    ]);
    expect(compensatingWorkingDaysOf(2028, decisions)).toEqual(['2028-01-08']);
    expect(holidaysOn('2027-12-31', decisions)).toEqual([
      { date: '2027-12-31', nameVi: 'Nghỉ hoán đổi', nameEn: 'Swapped day off', kind: 'swapped' },
    ]);
  });

  it('returns fresh arrays and frozen entries', () => {
    const list = holidaysOf(2026);
    list.pop();
    expect(holidaysOf(2026)).toHaveLength(12);
    expect(Object.isFrozen(holidaysOf(2026)[0])).toBe(true);
  });

  it('holidaysOn finds a holiday and its names', () => {
    expect(holidaysOn('2026-02-17')).toEqual([
      { date: '2026-02-17', nameVi: 'Tết Nguyên đán', nameEn: 'Lunar New Year (Tết)', kind: 'lunar-new-year' },
    ]);
    expect(holidaysOn({ year: 2026, month: 3, day: 2 })).toEqual([]);
  });

  it('rejects years outside the supported range', () => {
    expect(() => holidaysOf(1800)).toThrow(RangeError);
    expect(() => holidaysOf(2025.5)).toThrow(RangeError);
  });

  it('has well-formed official decisions (replaced days fall in their year, working days on weekends)', () => {
    for (const [year, decision] of Object.entries(OFFICIAL_HOLIDAY_DECISIONS)) {
      for (const days of Object.values(decision.replace ?? {})) {
        for (const day of days) expect(day.startsWith(`${year}-`)).toBe(true);
      }
      for (const w of decision.workingDays ?? []) expect([0, 6]).toContain(weekdayOf(w.date));
      expect(decision.source.length).toBeGreaterThan(0);
    }
  });
});
