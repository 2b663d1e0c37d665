import type { CaseEventType, CaseStatus } from './case-types.js';

/**
 * The lifecycle as one table (domain.md §3): for each event, the statuses it may be recorded in and the
 * status it leads to ('same' keeps the status; 'by_result' is decided by the verification result).
 * Guards that depend on amounts, dates and the law are in case-ledger.ts; the UI's list of actions comes
 * from allowedEvents() (allowed-events.ts), which asks the ledger itself, so the two cannot disagree.
 */
type Target = CaseStatus | 'same' | 'by_result';

const OPEN: readonly CaseStatus[] = ['pending_verification', 'in_progress', 'no_means', 'postponed', 'suspended', 'other'];
const ACTIVE: readonly CaseStatus[] = ['pending_verification', 'in_progress'];

export const TRANSITIONS: Readonly<Record<CaseEventType, { from: readonly CaseStatus[]; to: Target; basis: string }>> = {
  enforcer_assigned: { from: OPEN, to: 'same', basis: 'Điều 36(2) Luật THADS' },
  // has_means moves a case awaiting verification into enforcement; other findings leave the status alone.
  verified: { from: OPEN, to: 'by_result', basis: 'Điều 44 Luật THADS' },
  no_means_decided: { from: ACTIVE, to: 'no_means', basis: 'Điều 44a Luật THADS' },
  resumed: { from: ['no_means', 'postponed', 'suspended', 'other', 'separate_ledger', 'request_returned'], to: 'in_progress', basis: 'Điều 44a(3), 48, 49 Luật THADS' },
  postponed: { from: ACTIVE, to: 'postponed', basis: 'Điều 48 Luật THADS' },
  suspended: { from: ['pending_verification', 'in_progress', 'no_means', 'postponed', 'other'], to: 'suspended', basis: 'Điều 49 Luật THADS' },
  other_status: { from: ACTIVE, to: 'other', basis: 'Thông tư 06/2019/TT-BTP (trường hợp khác)' },
  payment: { from: OPEN, to: 'same', basis: 'Điều 47 Luật THADS' },
  performed: { from: OPEN, to: 'same', basis: 'Điều 52 Luật THADS' },
  reduced: { from: OPEN, to: 'same', basis: 'Điều 61–64 Luật THADS' },
  // Paying out what was collected is allowed after the end too (see applyEvent): the 10-day payout runs on.
  disbursed: { from: [...OPEN, 'completed', 'terminated', 'transferred_out', 'withdrawn', 'separate_ledger', 'request_returned'], to: 'same', basis: 'Điều 47 Luật THADS (chi trả trong 10 ngày)' },
  coercion_decided: { from: ['in_progress'], to: 'same', basis: 'Điều 46, 70 Luật THADS' },
  distrained: { from: ['in_progress'], to: 'same', basis: 'Điều 87 Luật THADS' },
  auctioned: { from: ['in_progress'], to: 'same', basis: 'Điều 101 Luật THADS' },
  completed: { from: OPEN, to: 'completed', basis: 'Điều 52 Luật THADS' },
  terminated: { from: OPEN, to: 'terminated', basis: 'Điều 50 Luật THADS' },
  transferred_out: { from: OPEN, to: 'transferred_out', basis: 'Điều 55–57 Luật THADS' },
  withdrawn: { from: OPEN, to: 'withdrawn', basis: 'Điều 37 Luật THADS' },
  separate_ledger: { from: ['no_means'], to: 'separate_ledger', basis: 'Điều 9 Nghị định 62/2015/NĐ-CP; Luật 106/2025/QH15' },
  request_returned: { from: ['no_means'], to: 'request_returned', basis: 'Luật 106/2025/QH15' },
  office_changed: { from: OPEN, to: 'same', basis: 'Nghị quyết 202/2025/QH15 (sắp xếp tổ chức)' },
};

/** Event types that the table allows in a status (guards on amounts and dates still apply). */
export function eventsInStatus(status: CaseStatus): CaseEventType[] {
  return (Object.keys(TRANSITIONS) as CaseEventType[]).filter((e) => TRANSITIONS[e].from.includes(status));
}

export function isAllowed(status: CaseStatus, event: CaseEventType): boolean {
  return TRANSITIONS[event].from.includes(status);
}
