/**
 * Calendar dates without a time of day.
 *
 * At the API a date is an ISO string `YYYY-MM-DD` ({@link IsoDate}); internally it is an integer day number
 * (days since 1970-01-01 in the proleptic Gregorian calendar), computed with pure integer arithmetic
 * (H. Hinnant's days-from-civil algorithm). No `Date` object is ever built, so neither the clock nor the time
 * zone of the machine can change a result.
 */

/** A calendar date as `YYYY-MM-DD` (proleptic Gregorian, years 0001–9999). */
export type IsoDate = string;

/** Day of week as in JavaScript: 0 = Sunday, 1 = Monday, …, 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Gregorian leap-year rule: divisible by 4, except centuries not divisible by 400. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days of a Gregorian month (1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Parses a strict `YYYY-MM-DD` string; throws RangeError for anything else (e.g. `2023-02-29`, `2023-2-1`). */
export function parseIsoDate(date: IsoDate): CivilDate {
  const m = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (!m) throw new RangeError(`invalid ISO date ${JSON.stringify(date)}: expected YYYY-MM-DD`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`invalid ISO date ${JSON.stringify(date)}: no such calendar day`);
  }
  return { year, month, day };
}

/** True when `value` is a valid `YYYY-MM-DD` calendar date. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}

/** Formats year/month/day as `YYYY-MM-DD`; throws RangeError when the parts do not name a real day. */
export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) {
    throw new RangeError(`invalid date parts ${year}-${month}-${day}`);
  }
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`invalid date parts ${year}-${month}-${day}`);
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Day number of a civil date: days since 1970-01-01 (proleptic Gregorian), by integer arithmetic only. */
export function civilToDayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12; // March = 0 … February = 11
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of {@link civilToDayNumber}. */
export function dayNumberToCivil(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** Day number (days since 1970-01-01) of an ISO date. */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return civilToDayNumber(year, month, day);
}

/** ISO date of a day number (days since 1970-01-01). */
export function fromDayNumber(dayNumber: number): IsoDate {
  if (!Number.isInteger(dayNumber)) throw new RangeError(`day number must be an integer, got ${dayNumber}`);
  const { year, month, day } = dayNumberToCivil(dayNumber);
  return formatIsoDate(year, month, day);
}

/** Weekday of a day number: 1970-01-01 was a Thursday. */
export function weekdayOfDayNumber(dayNumber: number): Weekday {
  return (((dayNumber + 4) % 7) + 7) % 7 as Weekday;
}

/** Weekday of an ISO date (0 = Sunday … 6 = Saturday). */
export function weekdayOf(date: IsoDate): Weekday {
  return weekdayOfDayNumber(toDayNumber(date));
}

/** Saturday and Sunday are the weekly rest days of state bodies (Quyết định 188/1999/QĐ-TTg, 40-hour week; Bộ luật Lao động 2019 Điều 111). */
export function isWeekend(date: IsoDate): boolean {
  const w = weekdayOf(date);
  return w === 0 || w === 6;
}

/** `date` plus `n` calendar days (n may be negative); no holiday data involved, so any year 0001–9999 works. */
export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`number of days must be an integer, got ${n}`);
  return fromDayNumber(toDayNumber(date) + n);
}

/** Signed number of calendar days from `a` to `b` (b − a). */
export function calendarDaysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** Compares two ISO dates (−1, 0, 1); valid `YYYY-MM-DD` strings sort lexicographically. */
export function compareIsoDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const x = toDayNumber(a);
  const y = toDayNumber(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * `date` plus `n` months; when the target month is shorter, the result is its last day
 * (Bộ luật Dân sự 2015 Điều 148 khoản 3: a period in months ends on the corresponding day of the last month,
 * or on that month's last day when it has no corresponding day — 31/08 + 6 months = 28/02 or 29/02).
 */
export function addMonths(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`number of months must be an integer, got ${n}`);
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatIsoDate(y, m, Math.min(day, daysInMonth(y, m)));
}

/**
 * `date` plus `n` years; 29/02 maps to 28/02 in a common year
 * (Bộ luật Dân sự 2015 Điều 148 khoản 4: a period in years ends on the corresponding day and month of the last
 * year; the month-end rule of khoản 3 applies when that day does not exist).
 */
export function addYears(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`number of years must be an integer, got ${n}`);
  return addMonths(date, 12 * n);
}

/** A date as Vietnamese documents and messages write it: dd/mm/yyyy. */
export function formatDateVi(date: IsoDate): string {
  return date.split('-').reverse().join('/');
}
