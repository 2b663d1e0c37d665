// The case register (src/modules/cases: http/cases.routes.ts, app/cases.service.ts). Money travels as strings of
// đồng (never floats); dates as YYYY-MM-DD.
import { api } from '../../api/client';

// The statuses are the server domain's list (one copy), in the order of the register's filters.
import { CASE_STATUSES, type CaseStatus } from '@domain/cases';

export { CASE_STATUSES, type CaseStatus };

export const INITIATIONS = ['ex_officio', 'on_request'] as const;
export type Initiation = (typeof INITIATIONS)[number];

export const CATEGORIES = [
  'hinh_su',
  'dan_su',
  'hon_nhan_gia_dinh',
  'kinh_doanh_thuong_mai',
  'lao_dong',
  'hanh_chinh',
  'pha_san',
  'trong_tai',
  'khac',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const NO_MEANS_REASONS = ['no_assets', 'thing_gone', 'address_unknown'] as const;
export type NoMeansReason = (typeof NO_MEANS_REASONS)[number];

export const EVENT_TYPES = [
  'enforcer_assigned',
  'verified',
  'no_means_decided',
  'resumed',
  'postponed',
  'suspended',
  'other_status',
  'payment',
  'performed',
  'reduced',
  'disbursed',
  'coercion_decided',
  'distrained',
  'auctioned',
  'completed',
  'terminated',
  'transferred_out',
  'withdrawn',
  'separate_ledger',
  'request_returned',
  'office_changed',
] as const;
export type CaseEventType = (typeof EVENT_TYPES)[number];

export const STEP_CODES = [
  'assign_enforcer',
  'voluntary_period_ends',
  'verify',
  'decide_no_means',
  'publish_no_means',
  'reverify',
  'disburse',
  'separate_ledger_eligible',
  'request_returned_eligible',
  'decide_postponement_review',
  'decide_suspension_review',
  'resume_or_close',
] as const;
export type StepCode = (typeof STEP_CODES)[number];

export type Beneficiary = 'state_budget' | 'party';
export type PartyRole = 'obligor' | 'obligee';
export type PartyKind = 'person' | 'organisation';

/** Digits only: an amount of đồng as the API takes and gives it. */
export type Dong = string;

export interface CodeName {
  code: string;
  name: string | null;
}

// ---- list -------------------------------------------------------------------------------------------------

export interface CaseListItem {
  id: string;
  decisionNumber: string;
  decisionDate: string;
  acceptedOn: string;
  initiation: Initiation;
  category: Category;
  status: CaseStatus;
  statusLabel: string;
  statusSince: string;
  enforcer: CodeName | null;
  commune: string | null;
  obligors: string | null;
  total: Dong;
  outstanding: Dong;
  office: string;
  nextStep: StepCode | null;
  nextDue: string | null;
  overdue: boolean;
  version: number;
  /** The party the search found the case by, when not the first obligor. */
  match: { role: PartyRole; name: string } | null;
}

export interface CaseSearchResult {
  total: number;
  /** True when there are more than `total` (10,000) matches: the count stopped there. */
  totalIsLowerBound: boolean;
  items: CaseListItem[];
}

export interface CaseQuery {
  q?: string;
  idNumber?: string;
  status?: CaseStatus[];
  initiation?: Initiation;
  category?: Category;
  enforcer?: string;
  commune?: string;
  overdue?: boolean;
  page: number;
  pageSize: number;
}

/** The query string of a search; `status` is repeated once per value (the API takes an array). */
export function caseQueryString(query: CaseQuery): string {
  const params = new URLSearchParams();
  const put = (key: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') params.append(key, String(value));
  };
  put('q', query.q);
  put('idNumber', query.idNumber);
  for (const status of query.status ?? []) params.append('status', status);
  put('initiation', query.initiation);
  put('category', query.category);
  put('enforcer', query.enforcer);
  put('commune', query.commune);
  if (query.overdue) params.set('overdue', 'true');
  put('page', query.page);
  put('pageSize', query.pageSize);
  return params.toString();
}

export function searchCases(query: CaseQuery, signal?: AbortSignal): Promise<CaseSearchResult> {
  return api.get<CaseSearchResult>(`/api/cases?${caseQueryString(query)}`, { signal });
}

// ---- deadlines ("Việc của tôi") ---------------------------------------------------------------------------

export interface DeadlineItem {
  id: string;
  decisionNumber: string;
  status: CaseStatus;
  statusLabel: string;
  step: StepCode;
  due: string;
  overdue: boolean;
  enforcer: CodeName | null;
  obligors: string | null;
  outstanding: Dong;
}

export interface Deadlines {
  today: string;
  weekEnds: string;
  overdue: DeadlineItem[];
  dueThisWeek: DeadlineItem[];
}

/** `mine`: the signed-in enforcer's cases; otherwise the active unit's, optionally one enforcer's. */
export function listDeadlines(options: { mine: boolean; enforcer?: string | undefined }): Promise<Deadlines> {
  return api.get<Deadlines>('/api/deadlines', {
    query: { mine: options.mine ? 'true' : undefined, enforcer: options.enforcer },
  });
}

// ---- detail -----------------------------------------------------------------------------------------------

export interface CaseParty {
  role: PartyRole;
  kind: PartyKind;
  name: string;
  /** Masked ("*********234") for roles without personal_data.read. */
  idNumber: string | null;
  /** "***" when masked. */
  address: string | null;
}

export interface CaseObligationView {
  id: string;
  kind: 'money' | 'non_money';
  beneficiary: Beneficiary;
  label: string;
  amount: Dong | null;
  value: Dong | null;
  paid: Dong;
  reduced: Dong;
  performed: boolean;
  disbursed: Dong;
  outstanding: Dong;
}

export interface LegalStep {
  code: StepCode;
  title_vi: string;
  title_en: string;
  due: string;
  basis: string;
  regime: string;
  overdue: boolean;
  dueThisWeek: boolean;
}

export interface TimelineEntry {
  /** Null for the entries derived from the case's facts (the acceptance and the enforcer assigned with it). */
  seq: number | null;
  type: CaseEventType | 'reversal' | 'accepted';
  /** Vietnamese label from the server. */
  label: string;
  on: string;
  data: Record<string, unknown>;
  reversesSeq: number | null;
  reversed: boolean;
  /** From the case's facts, not a recorded event (nothing to reverse). */
  derived: boolean;
  recordedBy: string | null;
  recordedAt: string | null;
}

/** Whether an event may be recorded now (the domain's allowedEvents), with the reason when not. */
export interface EventAvailability {
  type: CaseEventType;
  allowed: boolean;
  reason?: { vi: string; en: string };
}

export interface CaseDetail {
  id: string;
  version: number;
  office: { code: string; name: string };
  holdingOffice: { code: string; name: string };
  decision: { number: string; date: string };
  acceptedOn: string;
  initiation: Initiation;
  category: Category;
  judgment: { number: string; date: string; court: string };
  commune: CodeName | null;
  enforcer: CodeName | null;
  status: CaseStatus;
  statusLabel: string;
  statusSince: string;
  episodeStart: string;
  parties: CaseParty[];
  obligations: CaseObligationView[];
  money: { total: Dong; paid: Dong; reduced: Dong; disbursed: Dong; outstanding: Dong };
  timeline: TimelineEntry[];
  actions: EventAvailability[];
  deadlines: LegalStep[];
}

export interface CaseDetailResponse {
  case: CaseDetail;
  personalDataMasked: boolean;
}

export function getCase(id: string): Promise<CaseDetailResponse> {
  return api.get<CaseDetailResponse>(`/api/cases/${encodeURIComponent(id)}`);
}

// ---- writes -----------------------------------------------------------------------------------------------

export interface NewParty {
  role: PartyRole;
  kind: PartyKind;
  name: string;
  idNumber: string | null;
  address: string | null;
}

export type NewObligation =
  | { kind: 'money'; beneficiary: Beneficiary; label: string; amount: Dong }
  | { kind: 'non_money'; beneficiary: Beneficiary; label: string; value: Dong | null };

export interface NewCase {
  office: string;
  decision: { number: string; date: string };
  acceptedOn: string;
  initiation: Initiation;
  category: Category;
  judgment: { number: string; date: string; court: string };
  commune: string | null;
  enforcer: string | null;
  parties: NewParty[];
  obligations: NewObligation[];
  /** Accepting a second case for an already accepted enforcement decision: the reason, audited. */
  confirmDuplicate?: { reason: string };
}

export function createCase(body: NewCase): Promise<{ id: string; version: number }> {
  return api.post<{ id: string; version: number }>('/api/cases', body);
}

/** One event as POST /api/cases/:id/events takes it (discriminated by `type`). */
export type CaseEventInput = { type: CaseEventType; on: string } & Record<string, unknown>;

export function recordEvent(id: string, expectedVersion: number, event: CaseEventInput): Promise<{ version: number; status: CaseStatus }> {
  return api.post(`/api/cases/${encodeURIComponent(id)}/events`, { expectedVersion, event });
}

export function reverseEvent(id: string, seq: number, expectedVersion: number, reason: string): Promise<{ version: number; status: CaseStatus }> {
  return api.post(`/api/cases/${encodeURIComponent(id)}/events/${seq}/reverse`, { expectedVersion, reason });
}

export interface ReassignResult {
  results: { id: string; ok: boolean; error?: string }[];
  assigned: number;
}

export function reassignCases(caseIds: string[], enforcer: string): Promise<ReassignResult> {
  return api.post<ReassignResult>('/api/cases/reassign', { caseIds, enforcer });
}
