/** Builders for the statistics tests: facts, events, one line per event, valid by domain.md §3. */
import type { IsoDate } from '../../../src/kernel/calendar/index.js';
import type { CaseEvent, CaseFacts, Obligation } from '../../../src/modules/cases/domain/case-types.js';

export const HOME = 'LA-CT';
export const OTHER = 'TN-KV3';
export const FY2016 = { from: '2015-10-01', to: '2016-09-30' } as const;

/** o1 court fee 2.000.000 đ (state budget), o2 damages 15.000.000 đ (party), o3 hand over land valued 50.000.000 đ. */
export const STANDARD_OBLIGATIONS: Obligation[] = [
  { id: 'o1', kind: 'money', beneficiary: 'state_budget', label: 'Án phí', amount: 2_000_000n },
  { id: 'o2', kind: 'money', beneficiary: 'party', label: 'Bồi thường', amount: 15_000_000n },
  { id: 'o3', kind: 'non_money', beneficiary: 'party', label: 'Giao trả đất', value: 50_000_000n },
];
/** 10.000.000 đ to a party and an unvalued non-money duty. */
export const WITH_UNVALUED: Obligation[] = [
  { id: 'o1', kind: 'money', beneficiary: 'party', label: 'Trả nợ', amount: 10_000_000n },
  { id: 'o2', kind: 'non_money', beneficiary: 'party', label: 'Giao con', value: null },
];

let n = 0;
export function facts(acceptedOn: IsoDate, overrides: Partial<CaseFacts> = {}): CaseFacts {
  n += 1;
  return {
    id: `STAT-${n}`,
    office: HOME,
    decision: { number: `${n}/QĐ-CCTHADS`, date: acceptedOn },
    acceptedOn,
    initiation: 'ex_officio',
    category: 'dan_su',
    judgment: { number: `${n}/2013/DS-ST`, date: '2013-01-02', court: 'TAND huyện Châu Thành' },
    commune: null,
    enforcer: null,
    parties: [{ role: 'obligor', kind: 'person', name: 'Trần Văn Bình', idNumber: null, address: null }],
    obligations: STANDARD_OBLIGATIONS,
    ...overrides,
  };
}

export const ev = {
  pay: (on: IsoDate, obligation: string, amount: bigint): CaseEvent => ({ type: 'payment', on, obligation, amount }),
  performed: (on: IsoDate, obligation: string): CaseEvent => ({ type: 'performed', on, obligation }),
  reduced: (on: IsoDate, obligation: string, amount: bigint): CaseEvent => ({ type: 'reduced', on, obligation, amount }),
  hasMeans: (on: IsoDate): CaseEvent => ({ type: 'verified', on, result: 'has_means' }),
  noMeansFound: (on: IsoDate): CaseEvent => ({ type: 'verified', on, result: 'no_means' }),
  noMeansDecided: (on: IsoDate): CaseEvent => ({ type: 'no_means_decided', on, reason: 'no_assets' }),
  resumed: (on: IsoDate): CaseEvent => ({ type: 'resumed', on }),
  postponed: (on: IsoDate, ground = 'Điều 48 khoản 1 điểm a'): CaseEvent => ({ type: 'postponed', on, ground }),
  suspended: (on: IsoDate): CaseEvent => ({ type: 'suspended', on, ground: 'Điều 49 khoản 1' }),
  other: (on: IsoDate): CaseEvent => ({ type: 'other_status', on, reason: 'Chờ ý kiến Tòa án' }),
  completed: (on: IsoDate): CaseEvent => ({ type: 'completed', on }),
  terminated: (on: IsoDate): CaseEvent => ({ type: 'terminated', on, ground: 'Điều 50 khoản 1 điểm a' }),
  transferred: (on: IsoDate, partiallyPerformed = false, to = OTHER): CaseEvent => ({ type: 'transferred_out', on, to, partiallyPerformed }),
  withdrawn: (on: IsoDate): CaseEvent => ({ type: 'withdrawn', on }),
  separateLedger: (on: IsoDate): CaseEvent => ({ type: 'separate_ledger', on }),
  requestReturned: (on: IsoDate): CaseEvent => ({ type: 'request_returned', on }),
  officeChanged: (on: IsoDate, to = OTHER): CaseEvent => ({ type: 'office_changed', on, to }),
};

/** Everything of STANDARD_OBLIGATIONS paid or performed on one day (67.000.000 đ in money terms). */
export const settleAll = (on: IsoDate): CaseEvent[] => [ev.pay(on, 'o1', 2_000_000n), ev.pay(on, 'o2', 15_000_000n), ev.performed(on, 'o3')];

/** No-means decision 01/07/2014 after a finding, a second finding 05/01/2015: separate ledger possible from 01/07/2015. */
export const noMeansSince2014: CaseEvent[] = [ev.noMeansFound('2014-07-01'), ev.noMeansDecided('2014-07-01'), ev.noMeansFound('2015-01-05')];
