import { addMonths, calendarDaysBetween, daysInMonth, formatIsoDate, parseIsoDate, type IsoDate } from '../../../kernel/calendar/index.js';
import { fiscalYearBounds } from './periods.js';
import type { StatisticsReport } from './report.js';

// Indicators beyond the official forms (statistics.md §8), computed from report numbers: the forecast of
// the year-end rate at the current pace, the CEPEJ clearance rate and disposition time, the age of pending
// cases in bands. Reference figures, never official ones; labelled as such wherever they are shown. They
// are ratios, so money enters as Number (a rate needs no đồng-exact arithmetic, and the web computed them
// this way: the figures on screen stay the same).

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The end of a fiscal year's report: 30/09, or `today` for the year in progress (statistics.md §1). */
export function fiscalYearReportEnd(fiscalYear: number, today: IsoDate): IsoDate {
  const { to } = fiscalYearBounds(fiscalYear);
  return to < today ? to : today;
}

/** The twelve month ends of a fiscal year, 31 October … 30 September: its periodic reports (statistics.md §1). */
export function fiscalYearMonthEnds(fiscalYear: number): IsoDate[] {
  const first = fiscalYearBounds(fiscalYear).from;
  return Array.from({ length: 12 }, (_, i) => {
    const { year, month } = parseIsoDate(addMonths(first, i));
    return formatIsoDate(year, month, daysInMonth(year, month));
  });
}

/** Days of a period, both ends included. */
export function periodDays(from: IsoDate, to: IsoDate): number {
  return calendarDaysBetween(from, to) + 1;
}

export interface ForecastInput {
  /** Resolved so far this year (cases, or đồng). */
  resolved: number;
  /** With means so far this year (the rate's denominator at the report's end). */
  withMeans: number;
  /** With means on the first day of the year: what the previous year carried forward with means. */
  withMeansAtStart: number;
  /** Days of the year elapsed, 1 October … the report's end inclusive. */
  elapsedDays: number;
  /** Days from 1 October to the date forecast (the whole fiscal year for the year-end rate). */
  yearDays: number;
}

/** Below this many elapsed days the pace says too little to forecast. */
export const FORECAST_MIN_DAYS = 28;

/**
 * The rate at the year's end if the year goes on at its pace so far (statistics.md §8): resolved grows
 * linearly at its average daily pace since 1 October; with means grows from what was carried forward with
 * means at its own average pace (new cases with means keep coming). Capped at 100 %; null too early in the
 * year or with nothing to divide by.
 */
export function forecastYearEndRate(i: ForecastInput): number | null {
  if (i.elapsedDays < FORECAST_MIN_DAYS || i.elapsedDays <= 0) return null;
  const factor = Math.max(1, i.yearDays / i.elapsedDays);
  const resolvedEnd = i.resolved * factor;
  const start = Math.min(i.withMeansAtStart, i.withMeans);
  const withMeansEnd = start + (i.withMeans - start) * factor;
  if (withMeansEnd <= 0) return null;
  return round2(Math.min(100, (resolvedEnd / withMeansEnd) * 100));
}

/** Clearance rate (CEPEJ, statistics.md §8): resolved ÷ new × 100; null when nothing new. */
export function clearanceRate(resolved: number, incoming: number): number | null {
  return incoming > 0 ? round2((resolved / incoming) * 100) : null;
}

/**
 * Disposition time (CEPEJ, statistics.md §8): pending at the end ÷ resolved × the period's days (365 for a
 * whole year), in days; null when nothing was resolved.
 */
export function dispositionTime(pending: number, resolved: number, days: number): number | null {
  return resolved > 0 ? Math.round((pending / resolved) * days) : null;
}

/** A pair of figures, one per form. */
export interface FormPair<T> {
  cases: T;
  money: T;
}

export interface YearIndicators {
  /** Resolved ÷ new × 100 (CEPEJ clearance rate). */
  clearance: FormPair<number | null>;
  /** Carried forward ÷ resolved × the period's days (CEPEJ disposition time), in days. */
  disposition: FormPair<number | null>;
}

/** The CEPEJ indicators of one report (statistics.md §8), over the report's own days. */
export function indicatorsOf(r: StatisticsReport): YearIndicators {
  const days = periodDays(r.period.from, r.period.to);
  const c = r.cases;
  const m = r.money;
  return {
    clearance: { cases: clearanceRate(c.resolved, c.new), money: clearanceRate(Number(m.resolved), Number(m.new)) },
    disposition: {
      cases: dispositionTime(c.carried_forward, c.resolved, days),
      money: dispositionTime(Number(m.carried_forward), Number(m.resolved), days),
    },
  };
}

/**
 * The forecast of both rates at `until` (a date of the current fiscal year) from the year so far, the
 * starting point with means being what the previous year carried forward with means (statistics.md §8).
 */
export function forecastAt(current: StatisticsReport, previous: StatisticsReport | null, until: IsoDate): FormPair<number | null> {
  const elapsedDays = periodDays(current.period.from, current.period.to);
  const yearDays = periodDays(current.period.from, until);
  const c = current;
  const p = previous;
  return {
    cases: forecastYearEndRate({
      resolved: c.cases.resolved, withMeans: c.cases.with_means, withMeansAtStart: p?.cases.carried_forward_with_means ?? 0, elapsedDays, yearDays,
    }),
    money: forecastYearEndRate({
      resolved: Number(c.money.resolved), withMeans: Number(c.money.with_means),
      withMeansAtStart: p ? Number(p.money.carried_forward_with_means) : 0, elapsedDays, yearDays,
    }),
  };
}

export const AGE_BANDS = ['under6m', 'm6to12', 'y1to2', 'over2y'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/**
 * The age band of a case pending at `at` whose episode started on `start` (statistics.md §8): < 6 months,
 * 6–12, 1–2 years, > 2 years, counted in whole months (Bộ luật Dân sự 2015 Điều 148: 31/08 + 6 months = 28/02).
 */
export function ageBandOf(start: IsoDate, at: IsoDate): AgeBand {
  if (addMonths(start, 6) > at) return 'under6m';
  if (addMonths(start, 12) > at) return 'm6to12';
  if (addMonths(start, 24) > at) return 'y1to2';
  return 'over2y';
}

/** How many pending cases fall in each band, from the episodes' starts with how many cases began that day. */
export function ageBands(starts: Iterable<IsoDate | { start: IsoDate; count: number }>, at: IsoDate): Record<AgeBand, number> {
  const out: Record<AgeBand, number> = { under6m: 0, m6to12: 0, y1to2: 0, over2y: 0 };
  for (const s of starts) {
    if (typeof s === 'string') out[ageBandOf(s, at)] += 1;
    else out[ageBandOf(s.start, at)] += s.count;
  }
  return out;
}
