/**
 * Working days of state bodies (ngày làm việc) and legal deadlines, 2015–2035.
 *
 * A working day is a Monday–Friday that is not a holiday, compensatory day or swapped day off, or a Saturday
 * declared a make-up working day (làm bù). Every function here depends on holiday data and throws RangeError
 * for a date outside 2015-01-01 … 2035-12-31 (or a result outside it).
 */
import { type IsoDate, fromDayNumber, weekdayOfDayNumber } from './local-date.js';
import { assertSupportedDate, dayOffOn, makeUpWorkingDayOn } from './public-holidays.js';

function isWorkingDayNumber(d: number): boolean {
  const date = fromDayNumber(d);
  if (makeUpWorkingDayOn(date) !== null) return true;
  const w = weekdayOfDayNumber(d);
  if (w === 0 || w === 6) return false;
  return dayOffOn(date) === null;
}

function checkCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer, got ${n}`);
}

/** Mon–Fri except holidays, compensatory and swapped days off, plus make-up Saturdays (Quyết định 188/1999/QĐ-TTg; BLLĐ 2019 Điều 111–112; yearly swap decisions). */
export function isWorkingDay(date: IsoDate): boolean {
  return isWorkingDayNumber(assertSupportedDate(date));
}

/**
 * The date `n` working days after `date`, `date` itself not counted; n = 0 returns `date` unchanged
 * (BLDS 2015 Điều 147 khoản 2: a period in days starts on the day after the event; a period of N working days
 * ends on the N-th working day after it).
 */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  checkCount(n, 'number of working days');
  let d = assertSupportedDate(date);
  let left = n;
  while (left > 0) {
    d += 1;
    assertSupportedDate(fromDayNumber(d));
    if (isWorkingDayNumber(d)) left -= 1;
  }
  return fromDayNumber(d);
}

/**
 * Number of working days d with a < d ≤ b (negative, counted the same way from b to a, when b < a), so that
 * addWorkingDays(a, workingDaysBetween(a, b)) === b whenever b is a working day after a (BLDS 2015 Điều 147 khoản 2).
 */
export function workingDaysBetween(a: IsoDate, b: IsoDate): number {
  const x = assertSupportedDate(a);
  const y = assertSupportedDate(b);
  if (y < x) return -workingDaysBetween(b, a);
  let count = 0;
  for (let d = x + 1; d <= y; d++) if (isWorkingDayNumber(d)) count += 1;
  return count;
}

/** `date` if it is a working day, else the next working day: a period ending on a weekend or holiday ends on the next working day (BLDS 2015 Điều 148 khoản 5). */
export function nextWorkingDayOnOrAfter(date: IsoDate): IsoDate {
  let d = assertSupportedDate(date);
  while (!isWorkingDayNumber(d)) {
    d += 1;
    assertSupportedDate(fromDayNumber(d));
  }
  return fromDayNumber(d);
}
