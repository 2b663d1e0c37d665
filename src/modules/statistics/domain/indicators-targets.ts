import type { IsoDate } from '../../../kernel/calendar/index.js';
import { fiscalYearBounds } from './periods.js';
import type { Target } from './targets.js';

/** What the succession rule needs of a unit. */
export interface SuccessionUnit {
  readonly code: string;
  readonly successorCode: string | null;
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate | null;
}

/**
 * The units `code` succeeds, directly or through a chain of successor links (statistics.md §2), nearest
 * first: the units whose successor is `code`, then theirs, and so on.
 */
export function predecessorsOf<U extends SuccessionUnit>(code: string, units: readonly U[]): U[] {
  const out: U[] = [];
  const seen = new Set([code]);
  let frontier = new Set([code]);
  while (frontier.size > 0) {
    const found = units.filter((u) => u.successorCode !== null && frontier.has(u.successorCode) && !seen.has(u.code));
    for (const u of found) seen.add(u.code);
    out.push(...found);
    frontier = new Set(found.map((u) => u.code));
  }
  return out;
}

/** Whether a unit existed at some day of fiscal year `fiscalYear` (statistics.md §1). */
export function existedInFiscalYear(u: SuccessionUnit, fiscalYear: number): boolean {
  const { from, to } = fiscalYearBounds(fiscalYear);
  return u.validFrom <= to && (u.validTo === null || u.validTo >= from);
}

export interface TargetInForce<U> {
  target: Target | null;
  /** The predecessor whose target it is, when the unit had none of its own that year; null for its own. */
  inheritedFrom: U | null;
}

/**
 * The target a unit's report of fiscal year `fiscalYear` is measured against (statistics.md §2, §5): its
 * own; or, when it had none that year, that of the first of its predecessors (nearest first) that existed
 * that year and was given one. A report of the regional office for FY2016 counts the former Chi cục's
 * cases (§2), and the Chi cục was the one given that year's target.
 */
export function targetInForce<U extends SuccessionUnit>(
  own: Target | null,
  predecessors: readonly U[],
  fiscalYear: number,
  targetOf: (unit: U, fiscalYear: number) => Target | null,
): TargetInForce<U> {
  if (own !== null) return { target: own, inheritedFrom: null };
  for (const p of predecessors) {
    if (!existedInFiscalYear(p, fiscalYear)) continue;
    const target = targetOf(p, fiscalYear);
    if (target !== null) return { target, inheritedFrom: p };
  }
  return { target: null, inheritedFrom: null };
}

/**
 * The fiscal years a unit's year-by-year results show (statistics.md §2: a year counts its predecessors'
 * cases too), from the answers "has data" for the current year, the one before, and so on backwards: every
 * year back to the first one without data; the current year only when it has data, and its having none
 * does not end the search (a new fiscal year's first day). `ended`: no earlier year need be asked.
 */
export function yearsWithData(current: number, hasData: readonly boolean[]): { years: number[]; ended: boolean } {
  const years: number[] = [];
  for (const [i, has] of hasData.entries()) {
    if (has) years.push(current - i);
    else if (i > 0) return { years: years.reverse(), ended: true };
  }
  return { years: years.reverse(), ended: false };
}
