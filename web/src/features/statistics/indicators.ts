// Indicators beyond the official forms (statistics.md §8), computed from report numbers: the forecast of the
// year-end rate at the current pace, the CEPEJ clearance rate and disposition time, and the age of pending
// cases in bands. Pure; reference figures, never official ones.
import { addMonths, daysBetween } from './stat-format';

const round2 = (x: number) => Math.round(x * 100) / 100;

export interface ForecastInput {
  /** Resolved so far this year (cases, or đồng). */
  resolved: number;
  /** With means so far this year (the rate's denominator at the report's end). */
  withMeans: number;
  /** With means on the first day of the year: what the previous year carried forward with means. */
  withMeansAtStart: number;
  /** Days of the year elapsed, 1 October … the report's end inclusive. */
  elapsedDays: number;
  /** Days of the whole fiscal year. */
  yearDays: number;
}

/** Below this many elapsed days the pace says too little to forecast. */
export const FORECAST_MIN_DAYS = 28;

/**
 * The rate at 30 September if the year goes on at its pace so far: resolved grows linearly at its average
 * daily pace since 1 October; with means grows from what was carried forward with means at its own
 * average pace (new cases with means keep coming). Capped at 100 %; null too early in the year or with
 * nothing to divide by.
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

/** Clearance rate (CEPEJ): resolved ÷ new × 100; null when nothing new. */
export function clearanceRate(resolved: number, incoming: number): number | null {
  return incoming > 0 ? round2((resolved / incoming) * 100) : null;
}

/**
 * Disposition time (CEPEJ): pending at the end ÷ resolved × the period's days (365 for a whole year),
 * in days; null when nothing was resolved.
 */
export function dispositionTime(pending: number, resolved: number, periodDays: number): number | null {
  return resolved > 0 ? Math.round((pending / resolved) * periodDays) : null;
}

export const AGE_BANDS = ['under6m', 'm6to12', 'y1to2', 'over2y'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** The age band of a case pending at `at` whose episode started on `start`: < 6 months, 6–12, 1–2 years, > 2 years. */
export function ageBandOf(start: string, at: string): AgeBand {
  if (addMonths(start, 6) > at) return 'under6m';
  if (addMonths(start, 12) > at) return 'm6to12';
  if (addMonths(start, 24) > at) return 'y1to2';
  return 'over2y';
}

/** How many pending cases fall in each band. */
export function ageBands(starts: readonly string[], at: string): Record<AgeBand, number> {
  const out: Record<AgeBand, number> = { under6m: 0, m6to12: 0, y1to2: 0, over2y: 0 };
  for (const s of starts) out[ageBandOf(s, at)]++;
  return out;
}

/** Days of a period, both ends included. */
export function periodDays(from: string, to: string): number {
  return daysBetween(from, to) + 1;
}
