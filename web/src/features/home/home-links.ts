// Where the home page's figures lead: the lists behind them, with their filters in the address.
import { paths } from '../../routes';

/** The case register filtered (its filters live in the address, case-filters.ts). */
export function caseListHref(filters: { enforcer?: string | undefined; overdue?: boolean }): string {
  const params = new URLSearchParams();
  if (filters.enforcer) params.set('enforcer', filters.enforcer);
  if (filters.overdue) params.set('overdue', 'true');
  const query = params.toString();
  return query ? `${paths.caseList}?${query}` : paths.caseList;
}

/** The official forms of [1 October, to], optionally the money form, a breakdown or a cell's cases. */
export function formsHref(to: string, options: { form?: 'cases' | 'money'; by?: string; cell?: string } = {}): string {
  const params = new URLSearchParams({ to });
  if (options.form) params.set('form', options.form);
  if (options.by) params.set('by', options.by);
  if (options.cell) params.set('cell', options.cell);
  return `${paths.statisticsForms}?${params.toString()}`;
}

/** `date` (YYYY-MM-DD) plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
