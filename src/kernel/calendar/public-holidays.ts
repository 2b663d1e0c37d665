/**
 * Public holidays, compensatory days off and swapped days of state bodies in Viet Nam, 2015–2035.
 *
 * 2015–2026: the schedules announced each year (official-schedules.ts).
 * 2027–2035: computed by the statutory rule and the practice of the announcements of 2015–2026 (which the
 * rule reproduces exactly, apart from swaps — a unit test checks this):
 *   - holidays of BLLĐ 2019 Điều 112 khoản 1: 1/1; five Tết days; lunar 10/3; 30/4; 1/5; 2/9 and one adjacent day;
 *   - the five Tết days are 30 (or 29) tháng Chạp + mùng 1–4 when Tết falls on a Tuesday (so that the break runs
 *     Saturday–Sunday of the next week), otherwise the last two days of the lunar year + mùng 1–3;
 *   - the adjacent Quốc khánh day is 1/9 when 2/9 falls on Tuesday, Wednesday, Friday or Saturday and 3/9 when
 *     it falls on Sunday, Monday or Thursday (the choices of 2021–2026);
 *   - a holiday on Saturday or Sunday gives a compensatory day on the next working day (BLLĐ 2019 Điều 111 khoản 3);
 *   - no swaps: they are decided year by year and cannot be predicted.
 */
import {
  type IsoDate,
  formatIsoDate,
  fromDayNumber,
  toDayNumber,
  weekdayOfDayNumber,
} from './local-date.js';
import { hungKingsDay, lunarNewYear, toLunar } from './lunar-calendar.js';
import { OFFICIAL_SCHEDULES, type Occasion, type OfficialYearSchedule } from './official-schedules.js';

export type { Occasion } from './official-schedules.js';

/** First and last year whose holidays are known to this module. */
export const FIRST_SUPPORTED_YEAR = 2015;
export const LAST_SUPPORTED_YEAR = 2035;
export const FIRST_SUPPORTED_DATE: IsoDate = '2015-01-01';
export const LAST_SUPPORTED_DATE: IsoDate = '2035-12-31';

export type DayOffKind = 'holiday' | 'compensatory' | 'swap_off';

/** A day on which state bodies do not work besides ordinary weekends (a `holiday` may itself fall on a weekend). */
export interface DayOff {
  readonly date: IsoDate;
  readonly name_vi: string;
  readonly name_en: string;
  readonly kind: DayOffKind;
  readonly occasion: Occasion;
  /** True when the day comes from the statutory rule, not from an announced schedule. */
  readonly computed: boolean;
}

/** A Saturday worked in exchange for a swapped day off (ngày làm bù); it is a working day. */
export interface MakeUpWorkingDay {
  readonly date: IsoDate;
  /** The working day that was given off in exchange. */
  readonly replaces: IsoDate;
  readonly name_vi: string;
  readonly name_en: string;
  readonly occasion: Occasion;
}

export type ScheduleStatus = 'official' | 'computed';

/** `vi`/`en` name the holiday itself; `short` is used inside the names of compensatory and swapped days. */
const OCCASION_NAMES: Record<Occasion, { readonly vi: string; readonly short: string; readonly en: string }> = {
  new_year: { vi: 'Tết Dương lịch', short: 'Tết Dương lịch', en: "New Year's Day" },
  tet: { vi: 'Tết Nguyên đán', short: 'Tết Nguyên đán', en: 'Lunar New Year (Tết)' },
  hung_kings: { vi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', short: 'Giỗ Tổ Hùng Vương', en: "Hung Kings' Commemoration Day" },
  reunification: { vi: 'Ngày Chiến thắng (30/4)', short: 'Ngày Chiến thắng', en: 'Reunification Day' },
  labour_day: { vi: 'Ngày Quốc tế Lao động (1/5)', short: 'Ngày Quốc tế Lao động', en: 'International Labour Day' },
  national_day: { vi: 'Quốc khánh (2/9)', short: 'Quốc khánh', en: 'National Day' },
};

interface HolidayDay {
  readonly date: IsoDate;
  readonly occasion: Occasion;
  /** Only for the day adjacent to 2/9. */
  readonly adjacentNationalDay?: boolean;
}

interface YearSchedule {
  readonly year: number;
  readonly status: ScheduleStatus;
  readonly holidays: readonly HolidayDay[];
  readonly compensatory: readonly (readonly [IsoDate, Occasion])[];
  readonly swaps: readonly { readonly off: IsoDate; readonly workOn: IsoDate; readonly occasion: Occasion }[];
}

function dayNumbersBetween(first: IsoDate, last: IsoDate): number[] {
  const out: number[] = [];
  for (let d = toDayNumber(first); d <= toDayNumber(last); d++) out.push(d);
  return out;
}

function isWeekendDay(dayNumber: number): boolean {
  const w = weekdayOfDayNumber(dayNumber);
  return w === 0 || w === 6;
}

/** The five statutory Tết days by the rule of the 2015–2026 announcements (see the module comment). */
function tetDaysByRule(year: number): [IsoDate, IsoDate] {
  const tet = toDayNumber(lunarNewYear(year));
  const first = weekdayOfDayNumber(tet) === 2 ? tet - 1 : tet - 2;
  return [fromDayNumber(first), fromDayNumber(first + 4)];
}

/** The day adjacent to 2/9 by the choices of 2021–2026 (BLLĐ 2019 Điều 112 khoản 1 điểm đ). */
function nationalDayExtraByRule(year: number): IsoDate {
  const w = weekdayOfDayNumber(toDayNumber(formatIsoDate(year, 9, 2)));
  return w === 0 || w === 1 || w === 4 ? formatIsoDate(year, 9, 3) : formatIsoDate(year, 9, 1);
}

/** Statutory holidays of a year given the year's choice of Tết days and adjacent National Day (BLLĐ 2012 Điều 115 / BLLĐ 2019 Điều 112). */
function statutoryHolidays(
  year: number,
  tet: readonly [IsoDate, IsoDate],
  nationalDayExtra: IsoDate | undefined,
): HolidayDay[] {
  const days: HolidayDay[] = [{ date: formatIsoDate(year, 1, 1), occasion: 'new_year' }];
  for (const d of dayNumbersBetween(tet[0], tet[1])) days.push({ date: fromDayNumber(d), occasion: 'tet' });
  days.push({ date: hungKingsDay(year), occasion: 'hung_kings' });
  days.push({ date: formatIsoDate(year, 4, 30), occasion: 'reunification' });
  days.push({ date: formatIsoDate(year, 5, 1), occasion: 'labour_day' });
  days.push({ date: formatIsoDate(year, 9, 2), occasion: 'national_day' });
  if (nationalDayExtra !== undefined) {
    days.push({ date: nationalDayExtra, occasion: 'national_day', adjacentNationalDay: true });
  }
  return days.sort((a, b) => toDayNumber(a.date) - toDayNumber(b.date));
}

/** Compensatory days: each holiday on Saturday/Sunday moves to the next weekday that is neither a holiday nor already a compensatory day (BLLĐ 2012 Điều 115 khoản 3; BLLĐ 2019 Điều 111 khoản 3). */
function compensatoryByRule(holidays: readonly HolidayDay[]): [IsoDate, Occasion][] {
  const taken = new Set(holidays.map((h) => toDayNumber(h.date)));
  const out: [IsoDate, Occasion][] = [];
  for (const h of holidays) {
    const d = toDayNumber(h.date);
    if (!isWeekendDay(d)) continue;
    let c = d + 1;
    while (isWeekendDay(c) || taken.has(c)) c++;
    taken.add(c);
    out.push([fromDayNumber(c), h.occasion]);
  }
  return out;
}

/** Schedule of a year by the statutory rule alone (no swaps); exported for tests comparing it with the announced schedules. */
export function ruleScheduleOf(year: number): {
  holidays: { date: IsoDate; occasion: Occasion }[];
  compensatory: [IsoDate, Occasion][];
} {
  checkYear(year);
  const extra = year >= 2021 ? nationalDayExtraByRule(year) : undefined;
  const holidays = statutoryHolidays(year, tetDaysByRule(year), extra);
  return {
    holidays: holidays.map((h) => ({ date: h.date, occasion: h.occasion })),
    compensatory: compensatoryByRule(holidays),
  };
}

function fromOfficial(s: OfficialYearSchedule): YearSchedule {
  return {
    year: s.year,
    status: 'official',
    holidays: statutoryHolidays(s.year, s.tet, s.nationalDayExtra),
    compensatory: s.compensatory,
    swaps: s.swaps,
  };
}

function computedSchedule(year: number): YearSchedule {
  const holidays = statutoryHolidays(year, tetDaysByRule(year), nationalDayExtraByRule(year));
  return { year, status: 'computed', holidays, compensatory: compensatoryByRule(holidays), swaps: [] };
}

function tetDayLabel(date: IsoDate): { vi: string; en: string } {
  const l = toLunar(date);
  if (l.month === 1) return { vi: `mùng ${l.day} tháng Giêng`, en: `lunar 1/${l.day}` };
  return { vi: `${l.day} tháng Chạp`, en: `lunar 12/${l.day}` };
}

function vnDate(date: IsoDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

interface CalendarIndex {
  readonly daysOff: ReadonlyMap<number, DayOff>;
  readonly makeUpDays: ReadonlyMap<number, MakeUpWorkingDay>;
  readonly status: ReadonlyMap<number, ScheduleStatus>;
}

function addUnique<T>(map: Map<number, T>, date: IsoDate, value: T): void {
  const d = toDayNumber(date);
  if (map.has(d)) throw new Error(`calendar data error: ${date} is listed twice`);
  map.set(d, value);
}

function buildIndex(): CalendarIndex {
  const daysOff = new Map<number, DayOff>();
  const makeUpDays = new Map<number, MakeUpWorkingDay>();
  const status = new Map<number, ScheduleStatus>();
  const official = new Map(OFFICIAL_SCHEDULES.map((s) => [s.year, s]));
  for (let year = FIRST_SUPPORTED_YEAR; year <= LAST_SUPPORTED_YEAR; year++) {
    const o = official.get(year);
    const s = o ? fromOfficial(o) : computedSchedule(year);
    const computed = s.status === 'computed';
    status.set(year, s.status);
    for (const h of s.holidays) {
      const n = OCCASION_NAMES[h.occasion];
      let name_vi = n.vi;
      let name_en = n.en;
      if (h.occasion === 'tet') {
        const label = tetDayLabel(h.date);
        name_vi = `${n.vi} (${label.vi})`;
        name_en = `${n.en}, ${label.en}`;
      } else if (h.adjacentNationalDay) {
        name_vi = 'Quốc khánh (ngày liền kề 2/9)';
        name_en = 'National Day (adjacent day)';
      }
      addUnique(daysOff, h.date, { date: h.date, name_vi, name_en, kind: 'holiday', occasion: h.occasion, computed });
    }
    for (const [date, occasion] of s.compensatory) {
      const n = OCCASION_NAMES[occasion];
      addUnique(daysOff, date, {
        date,
        name_vi: `Nghỉ bù ${n.short}`,
        name_en: `${n.en} (compensatory day off)`,
        kind: 'compensatory',
        occasion,
        computed,
      });
    }
    for (const sw of s.swaps) {
      const n = OCCASION_NAMES[sw.occasion];
      addUnique(daysOff, sw.off, {
        date: sw.off,
        name_vi: `Nghỉ hoán đổi dịp ${n.short} (làm bù thứ Bảy ${vnDate(sw.workOn)})`,
        name_en: `Swapped day off for ${n.en} (worked on Saturday ${sw.workOn})`,
        kind: 'swap_off',
        occasion: sw.occasion,
        computed,
      });
      addUnique(makeUpDays, sw.workOn, {
        date: sw.workOn,
        replaces: sw.off,
        name_vi: `Làm bù cho ngày nghỉ hoán đổi ${vnDate(sw.off)} (dịp ${n.short})`,
        name_en: `Make-up working day for the swapped day off ${sw.off} (${n.en})`,
        occasion: sw.occasion,
      });
    }
  }
  return { daysOff, makeUpDays, status };
}

let index: CalendarIndex | undefined;

/** The (lazily built, immutable) index of all days off and make-up days 2015–2035. */
function calendarIndex(): CalendarIndex {
  index ??= buildIndex();
  return index;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new RangeError(
      `year ${year} is outside the range ${FIRST_SUPPORTED_YEAR} … ${LAST_SUPPORTED_YEAR} for which Vietnamese holidays are known`,
    );
  }
}

/** Throws RangeError unless `date` is a valid ISO date within 2015-01-01 … 2035-12-31 (the years whose holidays are known). */
export function assertSupportedDate(date: IsoDate): number {
  const d = toDayNumber(date);
  if (d < toDayNumber(FIRST_SUPPORTED_DATE) || d > toDayNumber(LAST_SUPPORTED_DATE)) {
    throw new RangeError(
      `date ${date} is outside the range ${FIRST_SUPPORTED_DATE} … ${LAST_SUPPORTED_DATE} for which Vietnamese holidays are known`,
    );
  }
  return d;
}

/** Holidays (even on weekends), compensatory days and swapped days off falling in Gregorian year `year`, by date (BLLĐ 2012 Điều 115 / BLLĐ 2019 Điều 111–112 and the yearly announcements). */
export function holidaysOf(year: number): DayOff[] {
  checkYear(year);
  const first = toDayNumber(formatIsoDate(year, 1, 1));
  const last = toDayNumber(formatIsoDate(year, 12, 31));
  return [...calendarIndex().daysOff.entries()]
    .filter(([d]) => d >= first && d <= last)
    .sort(([a], [b]) => a - b)
    .map(([, v]) => v);
}

/** Saturdays worked in exchange for a swapped day off (làm bù) falling in Gregorian year `year`; they are working days (yearly decisions of the Prime Minister). */
export function makeUpWorkingDaysOf(year: number): MakeUpWorkingDay[] {
  checkYear(year);
  const first = toDayNumber(formatIsoDate(year, 1, 1));
  const last = toDayNumber(formatIsoDate(year, 12, 31));
  return [...calendarIndex().makeUpDays.entries()]
    .filter(([d]) => d >= first && d <= last)
    .sort(([a], [b]) => a - b)
    .map(([, v]) => v);
}

/** Whether the schedule of `year` is the announced one ('official', 2015–2026) or computed by the statutory rule ('computed', 2027–2035). */
export function scheduleStatusOf(year: number): ScheduleStatus {
  checkYear(year);
  return calendarIndex().status.get(year) ?? 'computed';
}

/** The holiday, compensatory day or swapped day off on `date`, or null (weekends are not listed unless a holiday). */
export function dayOffOn(date: IsoDate): DayOff | null {
  const d = assertSupportedDate(date);
  return calendarIndex().daysOff.get(d) ?? null;
}

/** The make-up Saturday on `date`, or null. */
export function makeUpWorkingDayOn(date: IsoDate): MakeUpWorkingDay | null {
  const d = assertSupportedDate(date);
  return calendarIndex().makeUpDays.get(d) ?? null;
}
