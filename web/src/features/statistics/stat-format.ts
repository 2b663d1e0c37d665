// Pure helpers of the statistics screens: Vietnamese number formats, fiscal years and month ends
// (statistics.md §1), rates against targets (§5). Money is bigint đồng; forms show nghìn đồng.
import { OFFICE_TIME_ZONE } from '../../i18n/format';

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** 1533 → "1.533". */
export function formatCount(value: number | bigint): string {
  const v = typeof value === 'bigint' ? value : BigInt(Math.round(value));
  return `${v < 0n ? '-' : ''}${group((v < 0n ? -v : v).toString())}`;
}

/** A percent in hundredths as an exact integer: 77.43 → 7743n (rates have at most 2 decimals). */
export function hundredths(percent: number): bigint {
  return BigInt(Math.round(percent * 100));
}

/** 77.43 → "77,43"; 14 → "14,00"; 1234.5 → "1.234,50". */
export function formatPercentNumber(percent: number): string {
  const h = hundredths(percent);
  const abs = h < 0n ? -h : h;
  return `${h < 0n ? '-' : ''}${group((abs / 100n).toString())},${(abs % 100n).toString().padStart(2, '0')}`;
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

// ---- dates ------------------------------------------------------------------------------------------

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseIso(date: string): { y: number; m: number; d: number } {
  const match = ISO.exec(date);
  if (!match) throw new RangeError(`not a date: ${date}`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** Today in Viet Nam as YYYY-MM-DD, whatever the machine's zone. */
export function vietnamToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: OFFICE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The fiscal year of a date: 1 October N−1 … 30 September N is year N (§1). */
export function fiscalYearOf(date: string): number {
  const { y, m } = parseIso(date);
  return m >= 10 ? y + 1 : y;
}

export function fiscalYearBounds(fiscalYear: number): { from: string; to: string } {
  return { from: `${fiscalYear - 1}-10-01`, to: `${fiscalYear}-09-30` };
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isMonthEnd(date: string): boolean {
  const { y, m, d } = parseIso(date);
  return d === daysInMonth(y, m);
}

/** The last day of the month before the one of `date`. */
export function previousMonthEnd(date: string): string {
  const { y, m } = parseIso(date);
  const py = m === 1 ? y - 1 : y;
  const pm = m === 1 ? 12 : m - 1;
  return iso(py, pm, daysInMonth(py, pm));
}

/** Days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** `date` plus whole months, the day clamped to the month's length (31/08 + 6 months = 28/02). */
export function addMonths(date: string, months: number): string {
  const { y, m, d } = parseIso(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return iso(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** The end date of a fiscal year's report: 30/09, or today for the year in progress. */
export function fiscalYearReportEnd(fiscalYear: number, today: string): string {
  const { to } = fiscalYearBounds(fiscalYear);
  return to < today ? to : today;
}

/** "2016-09-30" → "9/2016" (a month on a chart axis or a row). */
export function monthLabel(date: string): string {
  const { y, m } = parseIso(date);
  return `${m}/${y}`;
}
