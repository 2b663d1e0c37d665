/**
 * Rates and percentages with exact integer arithmetic (statistics.md §3: "rounded half-up to 2 decimals
 * with exact integer arithmetic (no float error)"). A percentage is carried as an integer number of
 * hundredths; the `number` handed out is that integer ÷ 100, i.e. the double nearest the 2-decimal value.
 */
import { formatHundredths, groupDigits } from '../../../kernel/format/index.js';

/** Choice: "half-up" rounds a half away from zero (only matters for negative values, e.g. an excess). */
export const HALF_ROUNDING = 'half_away_from_zero' as const;

/** `numerator ÷ denominator` rounded half away from zero, exactly (bigint). */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
}

const toBig = (x: number | bigint): bigint => {
  if (typeof x === 'bigint') return x;
  if (!Number.isSafeInteger(x)) throw new RangeError(`not a safe integer: ${x}`);
  return BigInt(x);
};

/** `resolved ÷ with_means × 100` in hundredths of a percent, half-up; null when `with_means` is 0 (§3). */
export function rateHundredths(resolved: number | bigint, withMeans: number | bigint): bigint | null {
  const d = toBig(withMeans);
  if (d === 0n) return null;
  if (d < 0n) throw new RangeError(`negative with_means ${d}`);
  return divideHalfUp(toBig(resolved) * 10_000n, d);
}

/** The official rate as a 2-decimal number (e.g. 77.43), or null when `with_means` is 0 (statistics.md §3). */
export function rateOf(resolved: number | bigint, withMeans: number | bigint): number | null {
  const h = rateHundredths(resolved, withMeans);
  return h === null ? null : Number(h) / 100;
}

/** The integer number of hundredths of a percentage given with at most 2 decimals (77.43 → 7743n). */
export function toHundredths(percent: number): bigint {
  if (!Number.isFinite(percent)) throw new RangeError(`not a percentage: ${percent}`);
  const h = Math.round(percent * 100);
  if (Math.abs(percent * 100 - h) > 1e-6) throw new RangeError(`${percent} has more than 2 decimals`);
  return BigInt(h);
}

/** Hundredths back to a 2-decimal number. */
export const fromHundredths = (h: bigint): number => Number(h) / 100;

/** A percentage in Vietnamese notation, 2 decimals: 77.43 → "77,43", 100 → "100,00"; null → "—". */
export function formatPercentVi(percent: number | null): string {
  if (percent === null) return '—';
  return formatHundredths(toHundredths(percent));
}

/** Thousands of đồng for display (forms show nghìn đồng), rounded half-up only here (statistics.md §4). */
export function toThousandDong(amount: bigint): bigint {
  return divideHalfUp(amount, 1000n);
}

/** An amount with Vietnamese digit grouping: 1234567n → "1.234.567". */
export function formatAmountVi(amount: bigint): string {
  return groupDigits(amount);
}
