import { addCalendarDays, daysInMonth, formatIsoDate, parseIsoDate, type IsoDate } from '../../../kernel/calendar/index.js';
import { fiscalYearBounds, fiscalYearOf } from '../domain/index.js';

/** Last day of the month of `d`. */
export function monthEndOf(d: IsoDate): IsoDate {
  const { year, month } = parseIsoDate(d);
  return formatIsoDate(year, month, daysInMonth(year, month));
}

export const isMonthEnd = (d: IsoDate): boolean => monthEndOf(d) === d;

/** The month end after month end `m`. */
export function nextMonthEnd(m: IsoDate): IsoDate {
  return monthEndOf(addCalendarDays(m, 1));
}

/** The last month end strictly before `d`. */
export function previousMonthEnd(d: IsoDate): IsoDate {
  const { year, month } = parseIsoDate(d);
  return addCalendarDays(formatIsoDate(year, month, 1), -1);
}

/** Every month end in [first, last] (both month ends). */
export function monthEndsBetween(first: IsoDate, last: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let m = monthEndOf(first); m <= last; m = nextMonthEnd(m)) out.push(m);
  return out;
}

/** 1 October of the fiscal year containing `d`: the start of its periodic reports (statistics.md §1). */
export const fiscalYearStartOf = (d: IsoDate): IsoDate => fiscalYearBounds(fiscalYearOf(d)).from;

/** The first month end of fiscal year `fy` (31 October of fy − 1). */
export const firstMonthEndOf = (fy: number): IsoDate => monthEndOf(fiscalYearBounds(fy).from);

/**
 * Snapshot dates: the days whose periodic report [1 October, day] is stored per office (stat_snapshot_totals):
 * every month end (the official reports) and the 8th, 15th and 23rd of each month, so that any other day is at
 * most four days from one and its report is a small correction of a stored one.
 */
export const SNAPSHOT_DAYS = [8, 15, 23] as const;

export function isSnapshotDate(d: IsoDate): boolean {
  const { day } = parseIsoDate(d);
  return (SNAPSHOT_DAYS as readonly number[]).includes(day) || isMonthEnd(d);
}

/** Every snapshot date in [first, last]. */
export function snapshotDatesBetween(first: IsoDate, last: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let m = monthEndOf(first); ; m = nextMonthEnd(m)) {
    const { year, month } = parseIsoDate(m);
    for (const d of [...SNAPSHOT_DAYS.map((day) => formatIsoDate(year, month, day)), m]) {
      if (d > last) return out;
      if (d >= first) out.push(d);
    }
  }
}

/** The snapshot dates just before and just after `d` (d itself excluded). */
export function snapshotDatesAround(d: IsoDate): { before: IsoDate; after: IsoDate } {
  const { year, month } = parseIsoDate(d);
  const inMonth = [...SNAPSHOT_DAYS.map((day) => formatIsoDate(year, month, day)), monthEndOf(d)];
  const after = inMonth.find((x) => x > d) ?? snapshotDatesBetween(addCalendarDays(monthEndOf(d), 1), addCalendarDays(monthEndOf(d), 31))[0]!;
  const before = [previousMonthEnd(d), ...inMonth].filter((x) => x < d).at(-1)!;
  return { before, after };
}

/** The first snapshot date of fiscal year `fy` (8 October of fy − 1). */
export const firstSnapshotDateOf = (fy: number): IsoDate => snapshotDatesBetween(fiscalYearBounds(fy).from, monthEndOf(fiscalYearBounds(fy).from))[0]!;
