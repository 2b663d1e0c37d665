// Pure display helpers of the statistics screens: Vietnamese number formats, rates against targets
// (statistics.md §5), month labels. Money is bigint đồng; forms show nghìn đồng.

import { formatHundredths, groupDigits } from '@kernel/format';

/** 1533 → "1.533" (a fractional count is rounded first: averages on charts). */
export function formatCount(value: number | bigint): string {
  return groupDigits(typeof value === 'bigint' ? value : Math.round(value));
}

/** A percent in hundredths as an exact integer: 77.43 → 7743n (rates have at most 2 decimals). */
export function hundredths(percent: number): bigint {
  return BigInt(Math.round(percent * 100));
}

/** 77.43 → "77,43"; 14 → "14,00"; 1234.5 → "1.234,50". */
export function formatPercentNumber(percent: number): string {
  return formatHundredths(hundredths(percent));
}

/** 77.43 → "77,43%"; null → "—". */
export function formatRate(percent: number | null | undefined): string {
  return percent === null || percent === undefined ? '—' : `${formatPercentNumber(percent)}%`;
}

/** rate − target in percentage points, exact to the hundredth; null without either (§5). */
export function excessOf(rate: number | null, target: number | null | undefined): number | null {
  if (rate === null || target === null || target === undefined) return null;
  return Number(hundredths(rate) - hundredths(target)) / 100;
}

export type ExcessKind = 'over' | 'met' | 'under';

/** How a rate stands against its target: "vượt 2,31%", "đạt chỉ tiêu", "chưa đạt 1,20%". */
export function excessParts(excess: number | null): { kind: ExcessKind; value: string } | null {
  if (excess === null) return null;
  const h = hundredths(excess);
  if (h === 0n) return { kind: 'met', value: '' };
  return { kind: h > 0n ? 'over' : 'under', value: formatRate(Math.abs(excess)) };
}

/** Money in đồng (a string of digits) → thousands of đồng, rounded half-up only here (§4). */
export function toThousand(amount: string | bigint): bigint {
  const a = typeof amount === 'bigint' ? amount : BigInt(amount);
  const neg = a < 0n;
  const abs = neg ? -a : a;
  const q = (abs + 500n) / 1000n;
  return neg ? -q : q;
}

/** "57862650000" → "57.862.650" (nghìn đồng). */
export function formatThousand(amount: string | bigint): string {
  return formatCount(toThousand(amount));
}

// ---- dates (display only: fiscal years, month ends and today come from the server, indicators.routes.ts) ----

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2016-09-30" → "9/2016" (a month on a chart axis or a row). */
export function monthLabel(date: string): string {
  const match = ISO.exec(date);
  if (!match) throw new RangeError(`not a date: ${date}`);
  return `${Number(match[2])}/${match[1]}`;
}
