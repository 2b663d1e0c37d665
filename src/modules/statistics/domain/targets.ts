import type { IsoDate } from '../../../kernel/calendar/index.js';
import { fiscalYearOf } from './periods.js';
import { formatPercentVi, fromHundredths, toHundredths } from './rates.js';

/** A unit's yearly target rates, in percent with at most 2 decimals (statistics.md §5, domain.md §5). */
export interface Target {
  readonly cases: number;
  readonly money: number;
}

export interface Excess {
  readonly cases: number | null;
  readonly money: number | null;
}

/**
 * The figure statistics.md §5 quotes ({cases: 80.00, money: 38.00}, the national targets of FY2020).
 * Choice: it is NOT applied by itself; a report whose unit has no target set shows `target: null`
 * (§7). Offer it as the suggested value when an administrator sets a year's targets.
 */
export const STANDARD_TARGET: Target = Object.freeze({ cases: 80, money: 38 });

/** The target of the fiscal year containing `to` (also for a custom `from`), or null when none is set (§5). */
export function targetFor(targetsByFiscalYear: Readonly<Record<number, Target>>, to: IsoDate): Target | null {
  return targetsByFiscalYear[fiscalYearOf(to)] ?? null;
}

/** `rate − target` in percentage points, 2 decimals, exact; null when the rate is null (§5). */
export function excessOf(rate: number | null, target: number): number | null {
  return rate === null ? null : fromHundredths(toHundredths(rate) - toHundredths(target));
}

/** Excess against both targets; null when no target is set (§7). */
export function excessOfRates(rates: { cases: number | null; money: number | null }, target: Target | null): Excess | null {
  return target === null ? null : { cases: excessOf(rates.cases, target.cases), money: excessOf(rates.money, target.money) };
}

/**
 * The result against the target as the office writes it (domain.md §5): 2.31 → "vượt 2,31%",
 * −1.2 → "chưa đạt 1,20%". Choice: exactly on target → "đạt chỉ tiêu"; null (no rate or no target) → "—".
 */
export function formatExcessVi(excess: number | null): string {
  if (excess === null) return '—';
  const h = toHundredths(excess);
  if (h === 0n) return 'đạt chỉ tiêu';
  return h > 0n ? `vượt ${formatPercentVi(excess)}%` : `chưa đạt ${formatPercentVi(-excess)}%`;
}
