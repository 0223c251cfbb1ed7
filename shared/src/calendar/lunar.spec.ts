import { describe, expect, it } from '@jest/globals';
import { addDays, formatIsoDate, parseIsoDate } from './dates.js';
import { leapMonthOf, lunarMonthLength, lunarToSolar, solarToLunar } from './lunar.js';

const lunarOf = (iso: string) => {
  const { year, month, day } = parseIsoDate(iso);
  return solarToLunar(year, month, day);
};

describe('Vietnamese lunar calendar', () => {
  it.each([
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [1985, '1985-01-21'], // Vietnam (UTC+7); China (UTC+8) celebrated on 20 February 1985
    [2007, '2007-02-17'], // China: 18 February 2007
    [2020, '2020-01-25'],
    [2023, '2023-01-22'],
    [2028, '2028-01-26'],
  ])('Tết %i is %s', (lunarYear, iso) => {
    expect(formatIsoDate(lunarToSolar(lunarYear, 1, 1))).toBe(iso);
    expect(lunarOf(iso)).toEqual({ year: lunarYear, month: 1, day: 1, leap: false });
  });

  it.each([
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
    [2023, '2023-04-29'],
  ])('Giỗ Tổ Hùng Vương (10/3 âm lịch) %i is %s', (lunarYear, iso) => {
    expect(formatIsoDate(lunarToSolar(lunarYear, 3, 10))).toBe(iso);
  });

  it('puts the last day of the lunar year in the right month and length', () => {
    expect(lunarOf('2025-01-28')).toEqual({ year: 2024, month: 12, day: 29, leap: false }); // Giáp Thìn ends on 29
    expect(lunarOf('2026-02-16')).toEqual({ year: 2025, month: 12, day: 29, leap: false }); // Ất Tỵ ends on 29
    expect(lunarOf('2024-02-09')).toEqual({ year: 2023, month: 12, day: 30, leap: false }); // Quý Mão ends on 30
    expect(lunarMonthLength(2024, 12)).toBe(29);
    expect(lunarMonthLength(2023, 12)).toBe(30);
  });

  it('handles leap months (tháng nhuận)', () => {
    expect(leapMonthOf(2020)).toBe(4);
    expect(leapMonthOf(2023)).toBe(2);
    expect(leapMonthOf(2025)).toBe(6);
    expect(leapMonthOf(2026)).toBeUndefined();
    expect(leapMonthOf(2028)).toBe(5);
    expect(leapMonthOf(2033)).toBe(11); // the "2033 problem": a leap 11th month
    expect(formatIsoDate(lunarToSolar(2025, 6, 1))).toBe('2025-06-25');
    expect(formatIsoDate(lunarToSolar(2025, 6, 1, true))).toBe('2025-07-25');
    expect(lunarOf('2025-07-25')).toEqual({ year: 2025, month: 6, day: 1, leap: true });
    expect(formatIsoDate(lunarToSolar(2033, 11, 1, true))).toBe('2033-12-22');
    expect(lunarOf('2034-01-01')).toEqual({ year: 2033, month: 11, day: 11, leap: true });
  });

  it('rejects lunar dates that do not exist', () => {
    expect(() => lunarToSolar(2026, 6, 1, true)).toThrow(RangeError); // 2026 has no leap month
    expect(() => lunarToSolar(2025, 5, 1, true)).toThrow(RangeError); // 2025's leap month is 6
    expect(() => lunarToSolar(2024, 12, 30)).toThrow(RangeError); // tháng Chạp Giáp Thìn has 29 days
    expect(() => lunarToSolar(2025, 13, 1)).toThrow(RangeError);
    expect(() => solarToLunar(2025, 2, 29)).toThrow(RangeError);
  });

  it('round-trips every day of 2000–2030 and advances one lunar day per day', () => {
    let date = '2000-01-01';
    let previous = lunarOf(date);
    let checked = 0;
    while (date <= '2030-12-31') {
      const { year, month, day } = parseIsoDate(date);
      const lunar = solarToLunar(year, month, day);
      const back = lunarToSolar(lunar.year, lunar.month, lunar.day, lunar.leap);
      if (back.year !== year || back.month !== month || back.day !== day) {
        throw new Error(`${date} → ${JSON.stringify(lunar)} → ${JSON.stringify(back)}`);
      }
      if (checked > 0 && lunar.day !== previous.day + 1) {
        // A new month starts after day 29 or 30.
        expect(lunar.day).toBe(1);
        expect([29, 30]).toContain(previous.day);
      }
      previous = lunar;
      date = addDays(date, 1);
      checked += 1;
    }
    expect(checked).toBe(11_323);
  });
});
