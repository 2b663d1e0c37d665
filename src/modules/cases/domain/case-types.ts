import type { IsoDate } from '../../../kernel/calendar/index.js';

/** The enforcement case (việc thi hành án) as domain.md §2–§3 and interchange.md define it. */
export const CASE_STATUSES = [
  'pending_verification',
  'in_progress',
  'no_means',
  'postponed',
  'suspended',
  'other',
  'completed',
  'terminated',
  'transferred_out',
  'withdrawn',
  'separate_ledger',
  'request_returned',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses that end an episode (statistics.md §2). The last two can be left by `resumed`. */
export const TERMINAL_STATUSES: ReadonlySet<CaseStatus> = new Set([
  'completed', 'terminated', 'transferred_out', 'withdrawn', 'separate_ledger', 'request_returned',
]);
export const isTerminal = (s: CaseStatus) => TERMINAL_STATUSES.has(s);

export const INITIATIONS = ['ex_officio', 'on_request'] as const;
export type Initiation = (typeof INITIATIONS)[number];

export const CATEGORIES = [
  'hinh_su', 'dan_su', 'hon_nhan_gia_dinh', 'kinh_doanh_thuong_mai', 'lao_dong', 'hanh_chinh', 'pha_san', 'trong_tai', 'khac',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const NO_MEANS_REASONS = ['no_assets', 'thing_gone', 'address_unknown'] as const;
export type NoMeansReason = (typeof NO_MEANS_REASONS)[number];

export type Beneficiary = 'state_budget' | 'party';

export interface Party {
  role: 'obligor' | 'obligee';
  kind: 'person' | 'organisation';
  name: string;
  idNumber: string | null;
  address: string | null;
}

export interface MoneyObligation {
  id: string;
  kind: 'money';
  beneficiary: Beneficiary;
  label: string;
  amount: bigint;
}
export interface NonMoneyObligation {
  id: string;
  kind: 'non_money';
  beneficiary: Beneficiary;
  label: string;
  /** Optional value in đồng; only valued non-money obligations count in the money form. */
  value: bigint | null;
}
export type Obligation = MoneyObligation | NonMoneyObligation;

/** What does not change after acceptance (corrections to these are a new case, withdrawn the old). */
export interface CaseFacts {
  id: string;
  office: string;
  decision: { number: string; date: IsoDate };
  acceptedOn: IsoDate;
  initiation: Initiation;
  category: Category;
  judgment: { number: string; date: IsoDate; court: string };
  commune: string | null;
  enforcer: string | null;
  parties: Party[];
  obligations: Obligation[];
}

export type CaseEvent =
  | { type: 'enforcer_assigned'; on: IsoDate; enforcer: string }
  | { type: 'verified'; on: IsoDate; result: 'has_means' | 'no_means' }
  | { type: 'no_means_decided'; on: IsoDate; reason: NoMeansReason }
  | { type: 'resumed'; on: IsoDate }
  | { type: 'postponed'; on: IsoDate; ground: string }
  | { type: 'suspended'; on: IsoDate; ground: string }
  | { type: 'other_status'; on: IsoDate; reason: string }
  | { type: 'payment'; on: IsoDate; obligation: string; amount: bigint }
  | { type: 'performed'; on: IsoDate; obligation: string }
  | { type: 'reduced'; on: IsoDate; obligation: string; amount: bigint }
  | { type: 'disbursed'; on: IsoDate; obligation: string; amount: bigint }
  | { type: 'coercion_decided'; on: IsoDate }
  | { type: 'distrained'; on: IsoDate }
  | { type: 'auctioned'; on: IsoDate; proceeds: bigint | null }
  | { type: 'completed'; on: IsoDate }
  | { type: 'terminated'; on: IsoDate; ground: string }
  | { type: 'transferred_out'; on: IsoDate; to: string; partiallyPerformed: boolean }
  | { type: 'withdrawn'; on: IsoDate }
  | { type: 'separate_ledger'; on: IsoDate }
  | { type: 'request_returned'; on: IsoDate }
  | { type: 'office_changed'; on: IsoDate; to: string };

export type CaseEventType = CaseEvent['type'];

export const EVENT_TYPES = [
  'enforcer_assigned', 'verified', 'no_means_decided', 'resumed', 'postponed', 'suspended', 'other_status', 'payment',
  'performed', 'reduced', 'disbursed', 'coercion_decided', 'distrained', 'auctioned', 'completed', 'terminated',
  'transferred_out', 'withdrawn', 'separate_ledger', 'request_returned', 'office_changed',
] as const satisfies readonly CaseEventType[];

/** Per obligation: what has happened to it so far. */
export interface ObligationProgress {
  paid: bigint;
  reduced: bigint;
  performed: boolean;
  disbursed: bigint;
}

/** The current state of a case: the result of replaying its events over its facts. */
export interface CaseState {
  status: CaseStatus;
  /** Date the status was entered. */
  statusSince: IsoDate;
  /** Start of the current episode: acceptance, or resumption from separate ledger / returned request. */
  episodeStart: IsoDate;
  lastEventOn: IsoDate;
  office: string;
  enforcer: string | null;
  progress: Record<string, ObligationProgress>;
  lastVerification: { on: IsoDate; result: 'has_means' | 'no_means' } | null;
  /** The no-means decision in force (status no_means, separate_ledger or request_returned). */
  noMeansDecision: { on: IsoDate; reason: NoMeansReason } | null;
  /** `verified: no_means` findings since the case last left no_means (Decree 62 Art. 9: at least two). */
  noMeansVerifications: number;
  /** Collections for parties not yet paid out, oldest first (paid out first in, first out). */
  pendingPayouts: { obligation: string; on: IsoDate; amount: bigint }[];
  /** Date of the oldest collection not yet paid out to the creditor: the 10-day payout deadline runs from it. */
  oldestUndisbursedPaymentOn: IsoDate | null;
  coercion: boolean;
}
