/**
 * Gregorian ↔ Vietnamese lunisolar calendar (âm lịch), after Hồ Ngọc Đức's algorithm
 * ("Thuật toán tính âm lịch", https://www.informatik.uni-leipzig.de/~duc/amlich/), which follows
 * Jean Meeus, "Astronomical Algorithms" (1998) for new moons and the sun's apparent longitude.
 *
 * Rules of the calendar:
 * - a lunar month starts on the day (local time) that contains a new moon;
 * - month 11 is the month containing the winter solstice;
 * - a year with 13 months (between two month-11s) has a leap month: the first month after month 11
 *   that contains no major solar term (trung khí) repeats the previous month's number.
 *
 * All days are computed in Vietnam's time zone, UTC+7. This is why the Vietnamese calendar sometimes
 * differs from the Chinese one (UTC+8): Tết 1985 was 21 January in Vietnam but 20 February in China, and
 * Tết 2007 was 17 February in Vietnam but 18 February in China.
 *
 * Accurate for the years 1800–2199 (the algorithm's tested range); pure arithmetic, no time-zone access.
 */

/** A Vietnamese lunar date; `leap` marks a day of the leap (nhuận) month. */
export interface LunarDate {
  year: number;
  month: number;
  day: number;
  leap: boolean;
}

/** Vietnam's time zone offset in hours used for all astronomical computations. */
const TIME_ZONE = 7;
/** Julian day number of the new moon of 1900-01-01 (reference for the lunation index k). */
const NEW_MOON_EPOCH = 2415021.076998695;
/** Mean synodic month in days. */
const SYNODIC_MONTH = 29.530588853;

const int = Math.floor;

/** Julian day number of a Gregorian (after 1582-10-15) or Julian (before) calendar date. */
export function jdFromDate(day: number, month: number, year: number): number {
  const a = int((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  let jd = day + int((153 * m + 2) / 5) + 365 * y + int(y / 4) - int(y / 100) + int(y / 400) - 32045;
  if (jd < 2299161) jd = day + int((153 * m + 2) / 5) + 365 * y + int(y / 4) - 32083;
  return jd;
}

/** Calendar date of a Julian day number (inverse of {@link jdFromDate}). */
export function jdToDate(jd: number): { year: number; month: number; day: number } {
  let b: number;
  let c: number;
  if (jd > 2299160) {
    const a = jd + 32044;
    b = int((4 * a + 3) / 146097);
    c = a - int((b * 146097) / 4);
  } else {
    b = 0;
    c = jd + 32082;
  }
  const d = int((4 * c + 3) / 1461);
  const e = c - int((1461 * d) / 4);
  const m = int((5 * e + 2) / 153);
  return {
    day: e - int((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * int(m / 10),
    year: b * 100 + d - 4800 + int(m / 10),
  };
}

/** Julian date (UTC, fractional) of the k-th new moon after the one of 1900-01-01 (Meeus, ch. 49). */
function newMoon(k: number): number {
  const T = k / 1236.85; // Julian centuries from 1900-01-01 12:00
  const T2 = T * T;
  const T3 = T2 * T;
  const dr = Math.PI / 180;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // moon's argument of latitude
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr);
  c1 = c1 - 0.0004 * Math.sin(dr * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(dr * (M - Mpr)) + 0.0004 * Math.sin(dr * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(dr * (2 * F - M)) - 0.0006 * Math.sin(dr * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** The sun's apparent longitude in radians [0, 2π) at Julian date `jdn` (UTC) (Meeus, ch. 25, low precision). */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525; // Julian centuries from J2000.0
  const T2 = T * T;
  const dr = Math.PI / 180;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2; // mean anomaly
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2; // mean longitude
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M);
  DL = DL + (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M);
  let L = (L0 + DL) * dr;
  L -= Math.PI * 2 * int(L / (Math.PI * 2));
  return L;
}

/** Index 0–11 of the 30° sector the sun is in at the start of local day `dayNumber` (major solar terms). */
function sunSector(dayNumber: number): number {
  return int((sunLongitude(dayNumber - 0.5 - TIME_ZONE / 24) / Math.PI) * 6);
}

/** Julian day number of the local (UTC+7) day containing the k-th new moon. */
function newMoonDay(k: number): number {
  return int(newMoon(k) + 0.5 + TIME_ZONE / 24);
}

/** Julian day number of the first day of lunar month 11 (the month of the winter solstice) of `year`. */
function lunarMonth11(year: number): number {
  const off = jdFromDate(31, 12, year) - 2415021;
  const k = int(off / SYNODIC_MONTH);
  let nm = newMoonDay(k);
  if (sunSector(nm) >= 9) nm = newMoonDay(k - 1); // the sun is already past 270°: the solstice month started earlier
  return nm;
}

/** Offset (in months after month 11 starting on `a11`) of the leap month in a 13-month lunar year. */
function leapMonthOffset(a11: number): number {
  const k = int((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i += 1;
    arc = sunSector(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

function checkSolar(year: number, month: number, day: number): void {
  const valid =
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= new Date(Date.UTC(2000, month, 0)).getUTCDate() &&
    !(month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)));
  if (!valid) throw new RangeError(`Invalid Gregorian date: ${year}-${month}-${day}`);
}

/** The Vietnamese lunar date of a Gregorian date, e.g. `solarToLunar(2025, 1, 29)` → 1/1 Ất Tỵ. */
export function solarToLunar(year: number, month: number, day: number): LunarDate {
  checkSolar(year, month, day);
  const dayNumber = jdFromDate(day, month, year);
  const k = int((dayNumber - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let monthStart = newMoonDay(k + 1);
  if (monthStart > dayNumber) monthStart = newMoonDay(k);
  let a11 = lunarMonth11(year);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = year;
    a11 = lunarMonth11(year - 1);
  } else {
    lunarYear = year + 1;
    b11 = lunarMonth11(year + 1);
  }
  const lunarDay = dayNumber - monthStart + 1;
  const diff = int((monthStart - a11) / 29);
  let leap = false;
  let lunarMonth = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11);
    if (diff >= leapDiff) {
      lunarMonth = diff + 10;
      if (diff === leapDiff) leap = true;
    }
  }
  if (lunarMonth > 12) lunarMonth -= 12;
  if (lunarMonth >= 11 && diff < 4) lunarYear -= 1;
  return { year: lunarYear, month: lunarMonth, day: lunarDay, leap };
}

/** Julian day number of the first day of a lunar month and its length, or a `RangeError` if it does not exist. */
function lunarMonthStart(lunarYear: number, lunarMonth: number, leap: boolean): { start: number; length: number } {
  if (!Number.isInteger(lunarYear) || !Number.isInteger(lunarMonth) || lunarMonth < 1 || lunarMonth > 12) {
    throw new RangeError(`Invalid lunar month: ${lunarYear}-${lunarMonth}`);
  }
  // The 13- or 12-month span between two month-11s that contains the requested month.
  const [a11, b11] =
    lunarMonth < 11
      ? [lunarMonth11(lunarYear - 1), lunarMonth11(lunarYear)]
      : [lunarMonth11(lunarYear), lunarMonth11(lunarYear + 1)];
  const k = int(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let off = lunarMonth - 11;
  if (off < 0) off += 12;
  let isLeapMonth = false;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11);
    let leapMonth = leapOff - 2;
    // (Hồ Ngọc Đức's code adds 12 only below 0; offset 2 is a leap month 12, not "month 0".)
    if (leapMonth <= 0) leapMonth += 12;
    isLeapMonth = lunarMonth === leapMonth;
    if (leap || off >= leapOff) off += 1;
  }
  if (leap && !isLeapMonth) throw new RangeError(`Lunar year ${lunarYear} has no leap month ${lunarMonth}`);
  const start = newMoonDay(k + off);
  return { start, length: newMoonDay(k + off + 1) - start };
}

/**
 * The Gregorian date of a Vietnamese lunar date, e.g. `lunarToSolar(2025, 3, 10)` → 2025-04-07 (Giỗ Tổ).
 * Throws `RangeError` when the date does not exist: `leap` for a month that is not that year's leap month,
 * or day 30 of a 29-day (thiếu) month.
 */
export function lunarToSolar(
  lunarYear: number,
  lunarMonth: number,
  lunarDay: number,
  leap = false,
): { year: number; month: number; day: number } {
  const { start, length } = lunarMonthStart(lunarYear, lunarMonth, leap);
  if (!Number.isInteger(lunarDay) || lunarDay < 1 || lunarDay > length) {
    throw new RangeError(
      `Invalid lunar day ${lunarDay}: month ${lunarMonth}${leap ? ' (leap)' : ''} of ${lunarYear} has ${length} days`,
    );
  }
  return jdToDate(start + lunarDay - 1);
}

/** Number of days (29 "tháng thiếu" or 30 "tháng đủ") of a lunar month. */
export function lunarMonthLength(lunarYear: number, lunarMonth: number, leap = false): number {
  return lunarMonthStart(lunarYear, lunarMonth, leap).length;
}

/** The leap month (1–12) of a lunar year, or `undefined` in a 12-month year. */
export function leapMonthOf(lunarYear: number): number | undefined {
  // Months 1–10 of the year lie in the span that starts at month 11 of the previous year;
  // a leap 11 or 12 lies in the span that starts at this year's month 11.
  const a11 = lunarMonth11(lunarYear - 1);
  const b11 = lunarMonth11(lunarYear);
  if (b11 - a11 > 365) {
    const offset = leapMonthOffset(a11);
    if (offset >= 3) return offset - 2;
  }
  const c11 = lunarMonth11(lunarYear + 1);
  if (c11 - b11 > 365) {
    const offset = leapMonthOffset(b11);
    if (offset <= 2) return offset + 10;
  }
  return undefined;
}
