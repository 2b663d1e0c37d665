/**
 * The yearly plan of the demo office: the Chi cục THADS huyện Châu Thành (LA-CT) from fiscal year 2011,
 * succeeded on 01/07/2025 by the Phòng THADS khu vực 3 – Tây Ninh (TN-KV3).
 *
 * - 2015–2020: the rates the office published (shared/data/chau-thanh-2015-2020.json), reproduced exactly
 *   by the statistics rules, and the targets they imply.
 * - 2012–2014 and 2021–2026: chosen rates, also reproduced exactly (so that the stock carried into the
 *   published years, and the later years, are stable and plausible). 2021–2025 targets are the national
 *   ones (shared/data/national-results.json; 2021 has no public figure: 2020's kept); 2026 and 2027 are
 *   assumptions. 2021 misses its target, as many offices did in the pandemic year.
 * - 2011 (the first year, no stock) and 2027 (the current year, live) follow the simulation.
 */

export interface Rates {
  readonly cases: number;
  readonly money: number;
}

export interface YearPlan {
  readonly fiscalYear: number;
  /** Cases accepted during the year (the live year: up to "today", pro rata). */
  readonly newCases: number;
  /** Rates to reproduce exactly (percent, 2 decimals), or null: what the simulation gives, aiming at `aim`. */
  readonly rates: Rates | null;
  /** For a year without exact rates: the rates the simulation aims at, roughly. */
  readonly aim?: Rates;
  /** Targets (chỉ tiêu) of the office holding the cases that year; null: none set. */
  readonly target: Rates | null;
  /** Where the rates come from. */
  readonly source: 'published' | 'chosen' | 'simulated';
  /** New large credit cases (bank loans of about 1–25 billion đồng) accepted during the year. */
  readonly largeCases: number;
}

export const DEMO_SEED = 20_150_930;
/** The default "today" of the demo data: no event is dated after it. */
export const DEMO_TODAY = '2026-11-20';
/** First acceptance of the demo office (start of fiscal year 2011). */
export const FIRST_DAY = '2010-10-01';
/** The reorganisation: LA-CT ends on 30/06/2025, TN-KV3 takes over its open cases on 01/07/2025. */
export const REORGANISATION_DAY = '2025-07-01';
export const FORMER_OFFICE = 'LA-CT';
export const CURRENT_OFFICE = 'TN-KV3';

export const YEAR_PLANS: readonly YearPlan[] = [
  { fiscalYear: 2011, newCases: 1150, rates: null, aim: { cases: 82, money: 45 }, target: null, source: 'simulated', largeCases: 3 },
  { fiscalYear: 2012, newCases: 1200, rates: { cases: 85.73, money: 52.1 }, target: null, source: 'chosen', largeCases: 4 },
  { fiscalYear: 2013, newCases: 1300, rates: { cases: 87.95, money: 63.4 }, target: null, source: 'chosen', largeCases: 4 },
  { fiscalYear: 2014, newCases: 1400, rates: { cases: 89.22, money: 72.85 }, target: null, source: 'chosen', largeCases: 5 },
  { fiscalYear: 2015, newCases: 1560, rates: { cases: 90.31, money: 81.38 }, target: { cases: 88, money: 77 }, source: 'published', largeCases: 5 },
  { fiscalYear: 2016, newCases: 1640, rates: { cases: 77.43, money: 39.44 }, target: { cases: 70, money: 30 }, source: 'published', largeCases: 14 },
  { fiscalYear: 2017, newCases: 1720, rates: { cases: 71.57, money: 36.13 }, target: { cases: 70, money: 30 }, source: 'published', largeCases: 10 },
  { fiscalYear: 2018, newCases: 1690, rates: { cases: 77.98, money: 52.78 }, target: { cases: 72, money: 32 }, source: 'published', largeCases: 8 },
  { fiscalYear: 2019, newCases: 1750, rates: { cases: 75.75, money: 41.89 }, target: { cases: 73, money: 33 }, source: 'published', largeCases: 12 },
  { fiscalYear: 2020, newCases: 1610, rates: { cases: 83.06, money: 61.2 }, target: { cases: 80, money: 38 }, source: 'published', largeCases: 7 },
  { fiscalYear: 2021, newCases: 1520, rates: { cases: 79.12, money: 36.85 }, target: { cases: 80, money: 38 }, source: 'chosen', largeCases: 9 },
  { fiscalYear: 2022, newCases: 1780, rates: { cases: 83.47, money: 44.92 }, target: { cases: 81.5, money: 40.1 }, source: 'chosen', largeCases: 9 },
  { fiscalYear: 2023, newCases: 1840, rates: { cases: 84.71, money: 49.36 }, target: { cases: 82.5, money: 45.5 }, source: 'chosen', largeCases: 8 },
  { fiscalYear: 2024, newCases: 1880, rates: { cases: 85.36, money: 53.08 }, target: { cases: 83.25, money: 46.45 }, source: 'chosen', largeCases: 8 },
  { fiscalYear: 2025, newCases: 1860, rates: { cases: 86.02, money: 57.41 }, target: { cases: 83.9, money: 51.9 }, source: 'chosen', largeCases: 7 },
  { fiscalYear: 2026, newCases: 1900, rates: { cases: 85.18, money: 55.63 }, target: { cases: 84.5, money: 52.5 }, source: 'chosen', largeCases: 8 },
  { fiscalYear: 2027, newCases: 1950, rates: null, aim: { cases: 24, money: 14 }, target: { cases: 85, money: 53 }, source: 'simulated', largeCases: 8 },
];

export function planOf(fiscalYear: number): YearPlan {
  const p = YEAR_PLANS.find((y) => y.fiscalYear === fiscalYear);
  if (!p) throw new RangeError(`no demo plan for fiscal year ${fiscalYear}`);
  return p;
}

/**
 * The targets as interchange records: LA-CT for its years (2025 included: its report to 30/06/2025),
 * TN-KV3 from 2025 (it reports the whole of fiscal year 2025 as the successor).
 */
export function targetRecords(lastFiscalYear: number): { office: string; fiscalYear: number; cases: number; money: number }[] {
  const out: { office: string; fiscalYear: number; cases: number; money: number }[] = [];
  for (const p of YEAR_PLANS) {
    if (!p.target || p.fiscalYear > lastFiscalYear) continue;
    if (p.fiscalYear <= 2025) out.push({ office: FORMER_OFFICE, fiscalYear: p.fiscalYear, ...p.target });
    if (p.fiscalYear >= 2025) out.push({ office: CURRENT_OFFICE, fiscalYear: p.fiscalYear, ...p.target });
  }
  return out;
}
