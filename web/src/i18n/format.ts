// Display formats of the back office: dates dd/mm/yyyy, timestamps dd/mm/yyyy HH:mm in Vietnam time,
// money as integer đồng with dot grouping ("1.234.567 đ").
import { formatMoneyVnd, groupDigits } from '@kernel/format';

/** Timestamps are shown in the office's time zone, whatever the clock of the browser's machine says. */
export const OFFICE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const timestampParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: OFFICE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(value: string | Date): Record<string, string> | null {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return Object.fromEntries(timestampParts.formatToParts(date).map((p) => [p.type, p.value]));
}

/** The date pickers' display format (dayjs): 30/06/2025. */
export const DATE_INPUT_FORMAT = 'DD/MM/YYYY';

/** Today in Viet Nam as YYYY-MM-DD, whatever the device's zone (a default for date fields). */
export function todayInOfficeZone(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: OFFICE_TIME_ZONE }).format(now);
}

/** "2025-06-30" → "30/06/2025"; a full timestamp gives its date in Vietnam time; empty → "". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const match = DATE_ONLY.exec(value);
  if (match) return `${match[3]}/${match[2]}/${match[1]}`;
  const p = parts(value);
  return p ? `${p.day}/${p.month}/${p.year}` : value;
}

/** ISO timestamp → "dd/mm/yyyy HH:mm" in Vietnam time; empty → "". */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const p = parts(value);
  return p ? `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}` : String(value);
}

/** "01/07/2009 – 30/06/2025", or "01/07/2025 – nay" while still valid; an unknown start shows as "…". */
export function formatValidity(from: string | null, to: string | null, presentLabel: string): string {
  return `${from ? formatDate(from) : '…'} – ${to ? formatDate(to) : presentLabel}`;
}

/** Integer đồng → "1.234.567 đ" (the kernel's one copy). Money is never a float: fractions are refused, not rounded. */
export const formatMoney: (value: bigint | number | string) => string = formatMoneyVnd;

/** A whole number with dot grouping: 10000 → "10.000" (counts, not money). */
export const formatCount: (value: bigint | number | string) => string = groupDigits;
