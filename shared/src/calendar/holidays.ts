import {
  addDays,
  type DateLike,
  formatIsoDate,
  type IsoDate,
  isWeekend,
  toCalendarDate,
  toIsoDate,
  weekdayOf,
} from './dates.js';
import { lunarToSolar } from './lunar.js';

/**
 * Public holidays (ngày nghỉ lễ, tết) of Vietnam under Bộ luật Lao động 2019 (Labour Code, Law 45/2019/QH14),
 * Điều 112 khoản 1, as observed by state administrative agencies (cán bộ, công chức, viên chức):
 *
 * | Holiday                          | Days | Statutory rule implemented here                                     |
 * |----------------------------------|------|---------------------------------------------------------------------|
 * | Tết Dương lịch                   | 1    | 1 January                                                            |
 * | Tết Âm lịch (Tết Nguyên đán)     | 5    | the government fixes the span each year; default below               |
 * | Giỗ Tổ Hùng Vương                | 1    | 10th day of the 3rd lunar month                                      |
 * | Ngày Chiến thắng                 | 1    | 30 April                                                             |
 * | Ngày Quốc tế Lao động            | 1    | 1 May                                                                |
 * | Quốc khánh                       | 2    | 2 September and "01 ngày liền kề trước hoặc sau" (1 or 3 September)  |
 *
 * Defaults where the law leaves the choice to the government (each year's decision goes in
 * {@link OFFICIAL_HOLIDAY_DECISIONS}, which overrides them):
 * - Tết: the last day of the old lunar year (29 or 30 tháng Chạp, whichever ends the month) plus mùng 1–4,
 *   i.e. the 5 days ending on lunar 4/1.
 * - Quốc khánh: the adjacent day is a weekday, and the one that joins the block to a weekend when there is
 *   a choice: 2/9 on Monday → 3/9 (Tue); Tuesday → 1/9 (Mon); Wednesday (no choice joins a weekend) → 1/9
 *   (Tue), the day before, as chosen in 2025; Thursday → 3/9 (Fri); Friday → 1/9 (Thu); Saturday → 1/9
 *   (Fri); Sunday → 3/9 (Mon). This reproduces the decisions of 2022 (1/9), 2023 (1/9), 2024 (3/9) and
 *   2025 (1/9).
 *
 * Compensation (nghỉ bù, Điều 111 khoản 3): a holiday on a Saturday or Sunday gives a day off on the next
 * working day that is not itself a holiday or an earlier compensation day; several weekend holidays are
 * compensated in date order (30/4 Sat + 1/5 Sun → Mon 2/5 and Tue 3/5). No compensation is computed for a
 * holiday whose days were set by an official decision: the decision already accounts for it.
 *
 * Two holidays never share a date in 2021–2198 (Giỗ Tổ falls at the latest on 29 April there); if they did,
 * both entries would be listed and the date counted once, without an extra day.
 *
 * The rules are applied to any year (1801–2198, the lunar algorithm's range); years before 2021 were governed
 * by the 2012 Labour Code (e.g. Quốc khánh was one day), so their results are not historical.
 */

/** Kinds of day off. `compensatory` = nghỉ bù for a weekend holiday; `swapped` = an extra day off by decision. */
export const HOLIDAY_KINDS = [
  'new-year',
  'lunar-new-year',
  'hung-kings',
  'reunification',
  'labour-day',
  'national-day',
  'compensatory',
  'swapped',
] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

/** The holidays of Điều 112 khoản 1, whose days an official decision may replace. */
export type StatutoryHolidayKind = Exclude<HolidayKind, 'compensatory' | 'swapped'>;

/** One day off. A date may carry more than one entry (e.g. a weekend holiday and, later, its nghỉ bù). */
export interface Holiday {
  date: IsoDate;
  nameVi: string;
  nameEn: string;
  kind: HolidayKind;
  /** For `compensatory` days: the weekend holiday it makes up for. */
  compensates?: IsoDate;
}

/** An extra day off granted by a decision, usually swapped with a working Saturday. */
export interface DecreedDayOff {
  date: IsoDate;
  nameVi: string;
  nameEn: string;
}

/** A Saturday (or Sunday) made a working day by a decision, to make up for a swapped day off. */
export interface CompensatingWorkingDay {
  date: IsoDate;
  note: string;
}

/** One year's official decision (Thủ tướng Chính phủ / Bộ LĐTBXH, since 2025 Bộ Nội vụ) for civil servants. */
export interface HolidayDecision {
  /**
   * The official holiday days of a statutory holiday, replacing the default computation for it. List the
   * holiday days only: weekend days inside an announced span ("nghỉ 9 ngày từ … đến …") are weekly rest.
   */
  replace?: Partial<Record<StatutoryHolidayKind, readonly IsoDate[]>>;
  /** Extra days off (hoán đổi ngày làm việc: the day off side of a swap). */
  extraDaysOff?: readonly DecreedDayOff[];
  /** Weekend days that become working days (làm bù: the working side of a swap). */
  workingDays?: readonly CompensatingWorkingDay[];
  /** Where the decision comes from. */
  source: string;
}

/** Decisions by Gregorian year. */
export type HolidayDecisions = Readonly<Record<number, HolidayDecision>>;

/**
 * Official decisions known to this package. A year without an entry (or a holiday without a `replace`
 * entry) uses the statutory computation: when the government announces a year's schedule (usually in
 * the autumn of the year before), enter it here, including any swapped days and working Saturdays.
 */
export const OFFICIAL_HOLIDAY_DECISIONS: HolidayDecisions = {
  2025: {
    replace: {
      // Tết Ất Tỵ: off Saturday 25/1 to Sunday 2/2/2025 (9 days); the 5 Tết days are Mon 27/1 – Fri 31/1
      // (28 tháng Chạp – mùng 3), one day earlier than the statutory default (28/1 – 1/2, with 1/2 a Saturday).
      'lunar-new-year': ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'],
      // Quốc khánh: Monday 1/9 and Tuesday 2/9 (with the weekend: 30/8 – 2/9).
      'national-day': ['2025-09-01', '2025-09-02'],
    },
    // 30/4 – 1/5: off Wednesday 30/4 to Sunday 4/5; Friday 2/5 swapped with Saturday 26/4.
    extraDaysOff: [
      {
        date: '2025-05-02',
        nameVi: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)',
        nameEn: 'Swapped day off (worked on Saturday 26 April 2025)',
      },
    ],
    workingDays: [{ date: '2025-04-26', note: 'Làm bù cho ngày nghỉ thứ Sáu 02/5/2025' }],
    source:
      'Bộ LĐTBXH announcement of November 2024 (approved by the Prime Minister): Tết Ất Tỵ 25/1–2/2/2025; ' +
      '30/4–4/5/2025 with 2/5 swapped for Saturday 26/4; Quốc khánh 1/9–2/9/2025.',
  },
  2026: {
    replace: {
      // Tết Bính Ngọ: off Saturday 14/2 to Sunday 22/2/2026 (9 days); the 5 Tết days are Mon 16/2 (29 tháng
      // Chạp, the last day of Ất Tỵ) – Fri 20/2 (mùng 4), the same as the statutory default.
      'lunar-new-year': ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'],
    },
    // Not entered (not confirmed here): any swap around Tết Dương lịch 2026, and the day adjacent to
    // Quốc khánh 2026 (2/9 is a Wednesday; the statutory default above picks Tuesday 1/9). Enter the
    // official decision when confirmed.
    source: 'Bộ Nội vụ: Tết Bính Ngọ 14/2–22/2/2026 for civil servants. Other 2026 holidays: statutory default.',
  },
};

const NAMES: Record<StatutoryHolidayKind, { vi: string; en: string }> = {
  'new-year': { vi: 'Tết Dương lịch', en: "New Year's Day" },
  'lunar-new-year': { vi: 'Tết Nguyên đán', en: 'Lunar New Year (Tết)' },
  'hung-kings': { vi: 'Giỗ Tổ Hùng Vương', en: "Hung Kings' Commemoration Day" },
  reunification: { vi: 'Ngày Chiến thắng', en: 'Reunification Day' },
  'labour-day': { vi: 'Ngày Quốc tế Lao động', en: 'International Labour Day' },
  'national-day': { vi: 'Quốc khánh', en: 'National Day' },
};

const MIN_YEAR = 1801;
const MAX_YEAR = 2198;

function iso(year: number, month: number, day: number): IsoDate {
  return formatIsoDate({ year, month, day });
}

/** The statutory days of each holiday of `year`, before decisions and compensation. */
function statutoryDays(year: number): Record<StatutoryHolidayKind, IsoDate[]> {
  const tet = formatIsoDate(lunarToSolar(year, 1, 1));
  return {
    'new-year': [iso(year, 1, 1)],
    // The day before mùng 1 is the last day of the old lunar year, whether it is 29 or 30 tháng Chạp.
    'lunar-new-year': [-1, 0, 1, 2, 3].map((offset) => addDays(tet, offset)),
    'hung-kings': [formatIsoDate(lunarToSolar(year, 3, 10))],
    reunification: [iso(year, 4, 30)],
    'labour-day': [iso(year, 5, 1)],
    'national-day': nationalDayDefault(year),
  };
}

/** 2 September and the adjacent day chosen by the default rule documented above, in date order. */
function nationalDayDefault(year: number): IsoDate[] {
  const before = iso(year, 9, 1);
  const day = iso(year, 9, 2);
  const after = iso(year, 9, 3);
  // 0 = Sunday … 6 = Saturday
  const useAfter = [true, true, false, false, true, false, false][weekdayOf(day)];
  return useAfter ? [day, after] : [before, day];
}

/** @internal */
export interface YearCalendar {
  holidays: readonly Holiday[];
  daysOff: ReadonlySet<IsoDate>;
  workingDays: ReadonlySet<IsoDate>;
}

const cache = new WeakMap<HolidayDecisions, Map<number, YearCalendar>>();

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Year out of range ${MIN_YEAR}–${MAX_YEAR}: ${year}`);
  }
}

function inYear(date: IsoDate, year: number): boolean {
  return toCalendarDate(date).year === year;
}

function buildYear(year: number, decisions: HolidayDecisions): YearCalendar {
  const decision: HolidayDecision | undefined = decisions[year];
  // A swap may cross the new year (e.g. a day off in January made up on a December Saturday): take swap
  // entries of the neighbouring years' decisions too, by the date they fall on.
  const neighbours = [decisions[year - 1], decision, decisions[year + 1]].filter((d) => d !== undefined);
  const statutory = statutoryDays(year);
  const holidays: Holiday[] = [];
  const daysOff = new Set<IsoDate>();
  const workingDays = new Set(
    neighbours.flatMap((d) => (d.workingDays ?? []).map((w) => toIsoDate(w.date))).filter((date) => inYear(date, year)),
  );
  const toCompensate: Holiday[] = [];
  const nationalDay = iso(year, 9, 2);

  for (const kind of Object.keys(NAMES) as StatutoryHolidayKind[]) {
    const official = decision?.replace?.[kind];
    for (const date of official ? official.map(toIsoDate) : statutory[kind]) {
      const adjacent = kind === 'national-day' && date !== nationalDay;
      const holiday: Holiday = {
        date,
        nameVi: adjacent ? 'Quốc khánh (ngày liền kề)' : NAMES[kind].vi,
        nameEn: adjacent ? 'National Day (adjacent day)' : NAMES[kind].en,
        kind,
      };
      holidays.push(holiday);
      daysOff.add(date);
      if (!official && isWeekend(date)) toCompensate.push(holiday);
    }
  }
  for (const extra of neighbours.flatMap((d) => d.extraDaysOff ?? [])) {
    const date = toIsoDate(extra.date);
    if (!inYear(date, year)) continue;
    holidays.push({ date, nameVi: extra.nameVi, nameEn: extra.nameEn, kind: 'swapped' });
    daysOff.add(date);
  }

  // Nghỉ bù: the next working day that is still free, in date order.
  toCompensate.sort((a, b) => a.date.localeCompare(b.date));
  for (const holiday of toCompensate) {
    let date = addDays(holiday.date, 1);
    while ((isWeekend(date) && !workingDays.has(date)) || daysOff.has(date)) date = addDays(date, 1);
    holidays.push({
      date,
      nameVi: `Nghỉ bù ${holiday.nameVi}`,
      nameEn: `Compensatory day off for ${holiday.nameEn}`,
      kind: 'compensatory',
      compensates: holiday.date,
    });
    daysOff.add(date);
  }

  holidays.sort(
    (a, b) => a.date.localeCompare(b.date) || HOLIDAY_KINDS.indexOf(a.kind) - HOLIDAY_KINDS.indexOf(b.kind),
  );
  return { holidays: holidays.map((h) => Object.freeze(h)), daysOff, workingDays };
}

/** @internal The computed calendar of a year (cached per decisions table). */
export function yearCalendar(year: number, decisions: HolidayDecisions = OFFICIAL_HOLIDAY_DECISIONS): YearCalendar {
  checkYear(year);
  let byYear = cache.get(decisions);
  if (!byYear) {
    byYear = new Map();
    cache.set(decisions, byYear);
  }
  let calendar = byYear.get(year);
  if (!calendar) {
    calendar = buildYear(year, decisions);
    byYear.set(year, calendar);
  }
  return calendar;
}

/**
 * The days off of `year` (holidays, nghỉ bù, swapped days off), sorted by date. A holiday on a weekend is
 * listed on its own date and its nghỉ bù on the working day that makes up for it.
 */
export function holidaysOf(year: number, decisions: HolidayDecisions = OFFICIAL_HOLIDAY_DECISIONS): Holiday[] {
  return [...yearCalendar(year, decisions).holidays];
}

/** The day-off entries on `date` (empty on an ordinary day). */
export function holidaysOn(date: DateLike, decisions: HolidayDecisions = OFFICIAL_HOLIDAY_DECISIONS): Holiday[] {
  const day = toIsoDate(date);
  return yearCalendar(toCalendarDate(day).year, decisions).holidays.filter((h) => h.date === day);
}

/** Weekend days that are working days in `year` by decision (làm bù), sorted. */
export function compensatingWorkingDaysOf(
  year: number,
  decisions: HolidayDecisions = OFFICIAL_HOLIDAY_DECISIONS,
): IsoDate[] {
  return [...yearCalendar(year, decisions).workingDays].sort();
}
