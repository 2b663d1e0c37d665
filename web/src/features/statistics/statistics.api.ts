// Statistics (src/modules/statistics/http: statistics.routes.ts, indicators.routes.ts, statistics-exports.routes.ts, period-close.routes.ts;
// shared/spec/statistics.md). Case counts are numbers; money travels as strings of đồng (never floats);
// rates and targets are percent numbers with at most 2 decimals; dates are YYYY-MM-DD.
import { api, request } from '../../api/client';
import { fetchFile, type DownloadedFile } from '../../api/files';

/** The keys of the case form in report order (statistics.md §3, §7), `rate` excluded. */
export const CASE_KEYS = [
  'carried_over', 'new', 'total', 'transferred_out', 'withdrawn', 'to_enforce', 'completed', 'terminated',
  'in_progress', 'postponed', 'suspended', 'other', 'without_means', 'with_means', 'resolved',
  'carried_forward', 'carried_forward_with_means',
] as const;
/** The keys of the money form (§4): the case keys plus `reduced`. */
export const MONEY_KEYS = [
  'carried_over', 'new', 'total', 'transferred_out', 'withdrawn', 'to_enforce', 'completed', 'terminated', 'reduced',
  'in_progress', 'postponed', 'suspended', 'other', 'without_means', 'with_means', 'resolved',
  'carried_forward', 'carried_forward_with_means',
] as const;
export type CaseKey = (typeof CASE_KEYS)[number];
export type MoneyKey = (typeof MONEY_KEYS)[number];
export type FormKind = 'cases' | 'money';

export const BREAKDOWNS = ['initiation', 'enforcer', 'commune', 'category', 'office', 'province', 'month'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export interface Period {
  from: string;
  to: string;
}

export interface Policies {
  moneyResolved: string[];
  postponementGroundsWithoutMeans: string[];
}

export interface Rates {
  cases: number;
  money: number;
}

/** One report (statistics.md §7) as the API gives it. */
export interface Report {
  office: string;
  period: Period;
  policies: Policies;
  cases: Record<CaseKey, number> & { rate: number | null };
  money: Record<MoneyKey, string> & { rate: number | null };
  target: Rates | null;
  excess: { cases: number | null; money: number | null } | null;
}

export interface UnitSummary {
  code: string;
  name: string;
  level: string;
}

export interface IdentityViolation {
  form: FormKind;
  identity: string;
  left: string;
  right: string;
}

export interface ReportResponse {
  unit: UnitSummary;
  report: Report;
  identities: { ok: boolean; violations: IdentityViolation[] };
  source: string;
}

export interface BreakdownRow {
  key: string | null;
  label: string | null;
  report: Report;
}

export interface BreakdownResponse {
  unit: UnitSummary;
  period: Period;
  by: Breakdown;
  total: Report;
  rows: BreakdownRow[];
}

/** One case behind a cell: what it contributes (1 for the case form, its amount in đồng for money). */
export interface CellItem {
  caseId: string;
  office: string | null;
  /** Its status at the report's end date, when the episode is still open then. */
  status: string | null;
  episodeStart: string;
  episodeEnd: string | null;
  endType: string | null;
  value: number | string;
}

export interface CellPage {
  unit: string;
  period: Period;
  form: FormKind;
  key: string;
  by: Breakdown | null;
  value: string | null;
  /** The cell's value (a count, or đồng as a string). */
  total: number | string;
  /** How many cases are behind the cell; null when the server did not count them (national money cells). */
  count: number | null;
  page: number;
  pageSize: number;
  hasMore: boolean;
  items: CellItem[];
}

export interface CellQuery {
  unit: string;
  to: string;
  from?: string;
  form: FormKind;
  key: string;
  by?: Breakdown;
  /** The breakdown row's key; '' for the row without one (no enforcer, no commune). */
  value?: string;
}

export interface TargetsResponse {
  unit: UnitSummary;
  fiscalYear: number;
  target: Rates | null;
  children: (UnitSummary & { validTo: string | null; target: Rates | null })[];
}

export interface PoliciesResponse {
  policies: Policies;
  defaults: Policies;
  /** The stored totals the reports are computed from (first and last date covered). */
  snapshots: { firstAsOf: string | null; lastAsOf: string | null; current: boolean };
}

const period = (to: string, from?: string) => ({ to, from: from || undefined });

export function getReport(unit: string, to: string, from?: string): Promise<ReportResponse> {
  return api.get('/api/statistics/report', { query: { unit, ...period(to, from) } });
}

export function getBreakdown(unit: string, to: string, from: string | undefined, by: Breakdown): Promise<BreakdownResponse> {
  return api.get('/api/statistics/breakdown', { query: { unit, ...period(to, from), by } });
}

export function getCellPage(q: CellQuery, page: number, pageSize: number, signal?: AbortSignal): Promise<CellPage> {
  const params = new URLSearchParams({ unit: q.unit, to: q.to, form: q.form, key: q.key, page: String(page), pageSize: String(pageSize) });
  if (q.from) params.set('from', q.from);
  if (q.by) {
    params.set('by', q.by);
    params.set('value', q.value ?? ''); // '' names the row without a value, so it is sent even when empty
  }
  return api.get(`/api/statistics/cases?${params.toString()}`, { signal });
}

/** The server's largest page of a drill-down. */
export const CELL_PAGE_MAX = 5000;

/**
 * Every case behind a cell, page after page, up to `limit` cases: the list whose sum is the cell. `complete`
 * is false when the limit cut it short.
 */
export async function getAllCellItems(
  q: CellQuery,
  limit = 50_000,
  signal?: AbortSignal,
): Promise<{ first: CellPage; items: CellItem[]; complete: boolean }> {
  const items: CellItem[] = [];
  let page = 1;
  let first: CellPage | undefined;
  for (;;) {
    const p = await getCellPage(q, page, CELL_PAGE_MAX, signal);
    first ??= p;
    items.push(...p.items);
    if (!p.hasMore) return { first, items, complete: true };
    if (items.length >= limit) return { first, items, complete: false };
    page++;
  }
}

export function getTargets(unit: string, fiscalYear: number): Promise<TargetsResponse> {
  return api.get('/api/statistics/targets', { query: { unit, fiscalYear } });
}

export function setTarget(input: { unit: string; fiscalYear: number; cases: number; money: number }): Promise<unknown> {
  return request('PUT', '/api/statistics/targets', { body: input });
}

export function getPolicies(): Promise<PoliciesResponse> {
  return api.get('/api/statistics/policies');
}

// ---- years, targets in force, indicators (indicators.routes.ts; statistics.md §1, §2, §5, §8) --------------

/** Today in Viet Nam as the server knows it: its fiscal year and bounds, the last month end (§1). */
export interface StatisticsCalendar {
  today: string;
  currentFiscalYear: number;
  currentYear: Period;
  /** The default end of a periodic report: the last month end (today when today is one). */
  lastMonthEnd: string;
  /** The last month end before today: the month a period close proposes. */
  previousMonthEnd: string;
  /** The fiscal year asked for (`at` a date, or by number) with its bounds. */
  year: (Period & { fiscalYear: number }) | null;
}

/** A pair of indicator values, one per form; null where there is nothing to divide by. */
export interface FormPair {
  cases: number | null;
  money: number | null;
}

/** One fiscal year of a unit's results. */
export interface YearRow {
  fiscalYear: number;
  /** The report's end: 30/09, or today for the current year. */
  to: string;
  current: boolean;
  report: Report;
  /** The target in force: the unit's own, or a predecessor's when it had none that year. */
  target: Rates | null;
  /** The predecessor whose target this is, when the unit had none of its own that year. */
  targetOf: UnitSummary | null;
  /** CEPEJ clearance rate (resolved ÷ new × 100) and disposition time (carried forward ÷ resolved × days). */
  indicators: { clearance: FormPair; disposition: FormPair };
}

export interface YearsResponse {
  unit: UnitSummary;
  today: string;
  currentFiscalYear: number;
  currentYear: Period;
  /** The month ends of the current fiscal year, October … September. */
  monthEnds: string[];
  /** From the first fiscal year with data to the current one. */
  years: YearRow[];
  /** The current year's rates at 30/09 at the pace so far, and at each month end after the current month. */
  forecast: { yearEnd: FormPair; months: (FormPair & { to: string })[] } | null;
}

export interface TargetInForceResponse {
  unit: UnitSummary;
  fiscalYear: number;
  /** The fiscal year's periodic report: 1 October … `to`. */
  period: Period;
  target: Rates | null;
  targetOf: UnitSummary | null;
}

export const AGE_BANDS = ['under6m', 'm6to12', 'y1to2', 'over2y'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export interface PendingAges {
  unit: string;
  at: string;
  withMeans: Record<AgeBand, number>;
  withoutMeans: Record<AgeBand, number>;
  totals: { withMeans: number; withoutMeans: number };
  complete: boolean;
}

/** Today's fiscal year and month ends from the server; `ask` a date's fiscal year or a fiscal year's bounds. */
export function getCalendar(unit: string, ask: { at?: string; fiscalYear?: number } = {}): Promise<StatisticsCalendar> {
  return api.get('/api/statistics/calendar', { query: { unit, at: ask.at, fiscalYear: ask.fiscalYear } });
}

export function getYears(unit: string): Promise<YearsResponse> {
  return api.get('/api/statistics/years', { query: { unit } });
}

export function getTargetInForce(unit: string, to: string): Promise<TargetInForceResponse> {
  return api.get('/api/statistics/target-in-force', { query: { unit, to } });
}

export function getPendingAges(unit: string, to: string): Promise<PendingAges> {
  return api.get('/api/statistics/pending-ages', { query: { unit, to } });
}

// ---- exports (statistics-exports.routes.ts) -------------------------------------------------------------

export { fileNameOf, saveFile, type DownloadedFile } from '../../api/files';

/** The official forms of a unit and period as .xlsx or .pdf (an attachment). */
export function downloadForms(unit: string, to: string, from: string | undefined, format: 'xlsx' | 'pdf', language: string): Promise<DownloadedFile> {
  return fetchFile('/api/statistics/export', { unit, ...period(to, from), format }, language, `bao-cao-thads-${unit}-${to}.${format}`);
}

/** The narrative summary (báo cáo tổng kết) of fiscal years fromYear…toYear as text. */
export async function getNarrativeText(unit: string, fromYear: number, toYear: number, language: string): Promise<string> {
  const file = await fetchFile('/api/statistics/narrative', { unit, fromYear, toYear, format: 'text' }, language, 'narrative.txt');
  return (await file.blob.text()).trimEnd();
}

export function downloadNarrativeDocx(unit: string, fromYear: number, toYear: number, language: string): Promise<DownloadedFile> {
  return fetchFile('/api/statistics/narrative', { unit, fromYear, toYear, format: 'docx' }, language, `tong-ket-thads-${unit}-${fromYear}-${toYear}.docx`);
}

// ---- period close (period-close.routes.ts) --------------------------------------------------------------

/** A closed period (chốt số liệu): the report up to a month end, frozen. */
export interface PeriodClose {
  id: number;
  unit: UnitSummary;
  fiscalYear: number;
  monthEnd: string;
  period: Period;
  closedAt: string;
  closedBy: { username: string; fullName: string };
  /** In the list: the frozen rates. */
  rates?: { cases: number | null; money: number | null };
  /** After closing: the frozen figures. */
  figures?: Report;
}

/** A case whose later-recorded events move a changed cell, and by how much (±cases, or đồng). */
export interface CaseBehindCell {
  caseId: string;
  office: string;
  difference: number | string;
}

/** A cell that differs between the frozen figures and the figures computed now. */
export interface CellDifference {
  key: string;
  label: string;
  frozen: number | string | null;
  current: number | string | null;
  /** current − frozen; for a rate in percentage points. */
  difference: number | string | null;
  cases?: CaseBehindCell[];
  /** The listed cases account for the whole difference. */
  explained?: boolean;
}

export interface CorrectionEvent {
  seq: number;
  type: string;
  on: string;
  reversesSeq?: number;
  recordedAt: string;
  recordedBy: string | null;
}

export interface CloseDiff extends PeriodClose {
  changed: boolean;
  frozen: Report;
  current: Report;
  currentSource: string;
  differences: {
    cases: CellDifference[];
    money: CellDifference[];
    target: { frozen: Rates | null; current: Rates | null } | null;
    policies: { frozen: Policies; current: Policies } | null;
  };
  corrections: {
    complete: boolean;
    cases: { caseId: string; office: string; createdAfterClose: boolean; events: CorrectionEvent[] }[];
  };
}

export function closePeriod(unit: string, monthEnd: string): Promise<{ close: PeriodClose }> {
  return api.post('/api/statistics/close', { unit, monthEnd });
}

export async function listCloses(unit: string, fiscalYear?: number): Promise<PeriodClose[]> {
  return (await api.get<{ items: PeriodClose[] }>('/api/statistics/closes', { query: { unit, fiscalYear } })).items;
}

export function getCloseDiff(unit: string, monthEnd: string): Promise<CloseDiff> {
  return api.get('/api/statistics/close-diff', { query: { unit, monthEnd } });
}
