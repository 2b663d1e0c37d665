import { FIRST_SUPPORTED_DATE, LAST_SUPPORTED_DATE, fromDayNumber, isWorkingDay, toDayNumber } from '../../../kernel/calendar/index.js';
import { weekdayOfDayNumber } from '../../../kernel/calendar/local-date.js';

/**
 * Day numbers (days since 1970-01-01) for the demo generator, with the working days of state bodies: the
 * legal calendar where it has holiday data (2015–2035), Monday–Friday before. Tables are built once.
 */
const FIRST = toDayNumber('2009-01-01');
const LAST = toDayNumber('2036-12-31');
const SUPPORTED_FROM = toDayNumber(FIRST_SUPPORTED_DATE);
const SUPPORTED_TO = toDayNumber(LAST_SUPPORTED_DATE);

let work: Uint8Array | null = null;
let isoCache: string[] | null = null;

function tables(): { work: Uint8Array; iso: string[] } {
  if (!work || !isoCache) {
    work = new Uint8Array(LAST - FIRST + 1);
    isoCache = new Array<string>(LAST - FIRST + 1);
    for (let d = FIRST; d <= LAST; d++) {
      const iso = fromDayNumber(d);
      isoCache[d - FIRST] = iso;
      const w = weekdayOfDayNumber(d);
      work[d - FIRST] = (d >= SUPPORTED_FROM && d <= SUPPORTED_TO ? isWorkingDay(iso) : w !== 0 && w !== 6) ? 1 : 0;
    }
  }
  return { work, iso: isoCache };
}

export const dayOf = (iso: string): number => toDayNumber(iso);

export function isoOf(day: number): string {
  if (day < FIRST || day > LAST) return fromDayNumber(day);
  return tables().iso[day - FIRST]!;
}

export function isWork(day: number): boolean {
  if (day < FIRST || day > LAST) {
    const w = weekdayOfDayNumber(day);
    return w !== 0 && w !== 6;
  }
  return tables().work[day - FIRST] === 1;
}

/** The day itself when it is a working day, else the next working day. */
export function workOnOrAfter(day: number): number {
  let d = day;
  while (!isWork(d)) d++;
  return d;
}

/** The day itself when it is a working day, else the previous working day. */
export function workOnOrBefore(day: number): number {
  let d = day;
  while (!isWork(d)) d--;
  return d;
}

/** `n` working days after `day` (day not counted). */
export function addWork(day: number, n: number): number {
  let d = day;
  for (let left = n; left > 0; ) {
    d++;
    if (isWork(d)) left--;
  }
  return d;
}
