import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../src/kernel/calendar/index.js';
import { replay } from '../../../src/modules/cases/domain/case-ledger.js';
import type { CaseEvent, CaseFacts, CaseState } from '../../../src/modules/cases/domain/case-types.js';
import { nextDeadline, nextSteps, STEP_CODES, type LegalStep, type StepCode } from '../../../src/modules/cases/domain/deadlines.js';
import type { LawRegime } from '../../../src/modules/cases/domain/law-regime.js';

// Calendar facts used below (all hand-checked against the holiday tables):
// Tết 2025: days off Mon 27/01 – Fri 31/01 (+ weekends 25–26/01, 01–02/02). Tết 2026: Mon 16/02 – Fri 20/02
// (+ weekends 14–15/02, 21–22/02). 2026: Mon 27/04 (Giỗ Tổ, compensatory), Thu 30/04, Fri 01/05 off.
// 2035-12-31 is a Monday, the last day with holiday data; after it only weekends are skipped.

function buildFacts(overrides: Partial<CaseFacts> = {}): CaseFacts {
  const acceptedOn = overrides.acceptedOn ?? '2026-02-02';
  return {
    id: 'case-1',
    office: 'TN-KV3',
    decision: { number: '123/QĐ-THADS', date: acceptedOn },
    acceptedOn,
    initiation: 'on_request',
    category: 'dan_su',
    judgment: { number: '45/2025/DS-ST', date: '2025-06-01', court: 'TAND khu vực 3 – Tây Ninh' },
    commune: null,
    enforcer: 'cv-01',
    parties: [],
    obligations: [
      { id: 'o1', kind: 'money', beneficiary: 'party', label: 'Trả nợ cho bà A', amount: 100_000_000n },
      { id: 'o2', kind: 'money', beneficiary: 'state_budget', label: 'Án phí', amount: 5_000_000n },
    ],
    ...overrides,
  };
}

function stateOf(facts: CaseFacts, events: readonly CaseEvent[]): CaseState {
  const r = replay(facts, events);
  if (!r.ok) throw new Error(`replay failed at ${r.failedAt}: ${JSON.stringify(r.errors)}`);
  return r.value;
}

type Row = [StepCode, IsoDate, LawRegime, boolean, boolean]; // code, due, regime, overdue, dueThisWeek
const summary = (steps: LegalStep[]): Row[] => steps.map((s) => [s.code, s.due, s.regime, s.overdue, s.dueThisWeek]);
const stepsFor = (facts: CaseFacts, events: readonly CaseEvent[], today: IsoDate) => nextSteps(facts, stateOf(facts, events), events, today);

// Event lists shared by several rows.
const noMeans2026: CaseEvent[] = [
  { type: 'verified', on: '2026-04-24', result: 'no_means' },
  { type: 'no_means_decided', on: '2026-04-24', reason: 'no_assets' },
];
const noMeans2025TwoVerifications: CaseEvent[] = [
  { type: 'verified', on: '2025-03-03', result: 'no_means' },
  { type: 'no_means_decided', on: '2025-03-03', reason: 'no_assets' },
  { type: 'verified', on: '2025-09-01', result: 'no_means' },
];
const noMeans2024: CaseEvent[] = [
  { type: 'verified', on: '2024-03-01', result: 'no_means' },
  { type: 'no_means_decided', on: '2024-03-01', reason: 'no_assets' },
  { type: 'verified', on: '2024-09-02', result: 'no_means' },
  { type: 'verified', on: '2025-03-03', result: 'no_means' },
];
const inProgress = (on: IsoDate): CaseEvent => ({ type: 'verified', on, result: 'has_means' });

interface Scenario {
  name: string;
  facts: Partial<CaseFacts>;
  events: CaseEvent[];
  today: IsoDate;
  expected: Row[];
}

const scenarios: Scenario[] = [
  // ---- acceptance: enforcer, voluntary period, verification ----
  {
    name: 'accepted Thu 12/02/2026 before Tết, no enforcer; today Fri 20/02 (Tết)',
    facts: { acceptedOn: '2026-02-12', enforcer: null },
    events: [],
    today: '2026-02-20',
    expected: [
      ['assign_enforcer', '2026-02-23', 'law_2008', false, false], // Fri 13 (1), Tết 16–20, Mon 23 (2)
      ['voluntary_period_ends', '2026-02-23', 'law_2008', false, false], // 22/02 is a Sunday
      ['verify', '2026-03-04', 'law_2008', false, false], // 12/02 + 20 days = Wed 04/03
    ],
  },
  {
    name: 'same case on the due day Mon 23/02: due today is this week, not overdue',
    facts: { acceptedOn: '2026-02-12', enforcer: null },
    events: [],
    today: '2026-02-23',
    expected: [
      ['assign_enforcer', '2026-02-23', 'law_2008', false, true],
      ['voluntary_period_ends', '2026-02-23', 'law_2008', false, true],
      ['verify', '2026-03-04', 'law_2008', false, false], // week ends Sun 01/03
    ],
  },
  {
    name: 'same case Tue 24/02: enforcer overdue, voluntary period over and no longer listed',
    facts: { acceptedOn: '2026-02-12', enforcer: null },
    events: [],
    today: '2026-02-24',
    expected: [
      ['assign_enforcer', '2026-02-23', 'law_2008', true, false],
      ['verify', '2026-03-04', 'law_2008', false, false],
    ],
  },
  {
    name: 'same case Thu 05/03: verification overdue too',
    facts: { acceptedOn: '2026-02-12', enforcer: null },
    events: [],
    today: '2026-03-05',
    expected: [
      ['assign_enforcer', '2026-02-23', 'law_2008', true, false],
      ['verify', '2026-03-04', 'law_2008', true, false],
    ],
  },
  {
    name: 'accepted Mon 06/01/2025: verification due Sun 26/01 falls into Tết 2025 → Mon 03/02',
    facts: { acceptedOn: '2025-01-06' },
    events: [],
    today: '2025-01-06',
    expected: [
      ['voluntary_period_ends', '2025-01-16', 'law_2008', false, false],
      ['verify', '2025-02-03', 'law_2008', false, false],
    ],
  },
  {
    name: 'ex officio accepted Mon 15/06/2026: due after 01/07/2026 but old law (regime of the trigger)',
    facts: { acceptedOn: '2026-06-15', initiation: 'ex_officio' },
    events: [],
    today: '2026-06-15',
    expected: [
      ['voluntary_period_ends', '2026-06-25', 'law_2008', false, false],
      ['verify', '2026-07-06', 'law_2008', false, false], // Sun 05/07 → Mon 06/07
    ],
  },
  {
    name: 'accepted Tue 30/06/2026, the last day of the old law',
    facts: { acceptedOn: '2026-06-30' },
    events: [],
    today: '2026-06-30',
    expected: [
      ['voluntary_period_ends', '2026-07-10', 'law_2008', false, false],
      ['verify', '2026-07-20', 'law_2008', false, false],
    ],
  },
  {
    name: 'ex officio accepted Wed 01/07/2026, the first day of Law 106/2025',
    facts: { acceptedOn: '2026-07-01', initiation: 'ex_officio' },
    events: [],
    today: '2026-07-01',
    expected: [
      ['voluntary_period_ends', '2026-07-13', 'law_106_2025', false, false], // Sat 11/07 → Mon 13/07
      ['verify', '2026-07-21', 'law_106_2025', false, false],
    ],
  },
  // ---- no-means decision ----
  {
    name: 'no-means finding Wed 11/02/2026: decision due 5 WD later across Tết (25/02), overdue',
    facts: { acceptedOn: '2026-02-02' },
    events: [{ type: 'verified', on: '2026-02-11', result: 'no_means' }],
    today: '2026-02-26',
    expected: [['decide_no_means', '2026-02-25', 'law_2008', true, false]],
  },
  {
    name: 'in progress, no-means finding Mon 29/06/2026: decision due Mon 06/07, old law',
    facts: { acceptedOn: '2026-06-01' },
    events: [inProgress('2026-06-10'), { type: 'verified', on: '2026-06-29', result: 'no_means' }],
    today: '2026-07-01',
    expected: [['decide_no_means', '2026-07-06', 'law_2008', false, false]],
  },
  {
    name: 'in progress, no-means finding Wed 01/07/2026: decision due Wed 08/07, Law 106',
    facts: { acceptedOn: '2026-06-01' },
    events: [inProgress('2026-06-10'), { type: 'verified', on: '2026-07-01', result: 'no_means' }],
    today: '2026-07-06',
    expected: [['decide_no_means', '2026-07-08', 'law_106_2025', false, true]],
  },
  {
    name: 'resumed after a no-means decision: the old finding asks for nothing',
    facts: { acceptedOn: '2026-03-02' },
    events: [
      { type: 'verified', on: '2026-03-16', result: 'no_means' },
      { type: 'no_means_decided', on: '2026-03-18', reason: 'no_assets' },
      { type: 'resumed', on: '2026-04-01' },
    ],
    today: '2026-04-02',
    expected: [],
  },
  // ---- no means: publication, re-verification, eligibility ----
  {
    name: 'no-means decision Fri 24/04/2026: publish by Wed 06/05 (27/04, 30/04, 01/05 off), re-verify Mon 26/10',
    facts: { acceptedOn: '2026-04-01' },
    events: noMeans2026,
    today: '2026-04-28',
    expected: [
      ['publish_no_means', '2026-05-06', 'law_2008', false, false],
      ['reverify', '2026-10-26', 'law_2008', false, false], // 24/10 is a Saturday
      // 1 year after the decision is 24/04/2027 ≥ 01/07/2026: Law 106, on request → returned after 2 years
      ['request_returned_eligible', '2028-04-24', 'law_106_2025', false, false],
    ],
  },
  {
    name: 'same case on the publication day: listed this week, never overdue',
    facts: { acceptedOn: '2026-04-01' },
    events: noMeans2026,
    today: '2026-05-06',
    expected: [
      ['publish_no_means', '2026-05-06', 'law_2008', false, true],
      ['reverify', '2026-10-26', 'law_2008', false, false],
      ['request_returned_eligible', '2028-04-24', 'law_106_2025', false, false],
    ],
  },
  {
    name: 'same case the day after: publication done by the system, no longer listed',
    facts: { acceptedOn: '2026-04-01' },
    events: noMeans2026,
    today: '2026-05-07',
    expected: [
      ['reverify', '2026-10-26', 'law_2008', false, false],
      ['request_returned_eligible', '2028-04-24', 'law_106_2025', false, false],
    ],
  },
  {
    name: 'same case ex officio: separate ledger under Law 106 after 2 years',
    facts: { acceptedOn: '2026-04-01', initiation: 'ex_officio' },
    events: noMeans2026,
    today: '2026-05-07',
    expected: [
      ['reverify', '2026-10-26', 'law_2008', false, false],
      ['separate_ledger_eligible', '2028-04-24', 'law_106_2025', false, false],
    ],
  },
  {
    name: 'address unknown: re-verify yearly (Sat 24/04/2027 → Mon 26/04/2027)',
    facts: { acceptedOn: '2026-04-01', initiation: 'ex_officio' },
    events: [
      { type: 'verified', on: '2026-04-24', result: 'no_means' },
      { type: 'no_means_decided', on: '2026-04-24', reason: 'address_unknown' },
    ],
    today: '2026-05-07',
    expected: [
      ['reverify', '2027-04-26', 'law_2008', false, false],
      ['separate_ledger_eligible', '2028-04-24', 'law_106_2025', false, false],
    ],
  },
  {
    name: 'old law: decision 03/03/2025, 2 verifications; eligible from 03/03/2026; re-verify overdue',
    facts: { acceptedOn: '2025-02-03', initiation: 'ex_officio' },
    events: noMeans2025TwoVerifications,
    today: '2026-03-10',
    expected: [
      ['reverify', '2026-03-02', 'law_2008', true, false], // 01/09/2025 + 6 months = Sun 01/03/2026
      ['separate_ledger_eligible', '2026-03-03', 'law_2008', false, false], // past but not a breach
    ],
  },
  {
    name: 'old law, on request: the separate ledger is open to it before 01/07/2026',
    facts: { acceptedOn: '2025-02-03', initiation: 'on_request' },
    events: noMeans2025TwoVerifications,
    today: '2026-03-10',
    expected: [
      ['reverify', '2026-03-02', 'law_2008', true, false],
      ['separate_ledger_eligible', '2026-03-03', 'law_2008', false, false],
    ],
  },
  {
    name: 'old-law window missed, ex officio, today 02/07/2026: Law 106, 2 years → 03/03/2027',
    facts: { acceptedOn: '2025-02-03', initiation: 'ex_officio' },
    events: noMeans2025TwoVerifications,
    today: '2026-07-02',
    expected: [
      ['reverify', '2026-03-02', 'law_2008', true, false],
      ['separate_ledger_eligible', '2027-03-03', 'law_106_2025', false, false],
    ],
  },
  {
    name: 'old-law window missed, on request, today 02/07/2026: request returned from 03/03/2027',
    facts: { acceptedOn: '2025-02-03', initiation: 'on_request' },
    events: noMeans2025TwoVerifications,
    today: '2026-07-02',
    expected: [
      ['reverify', '2026-03-02', 'law_2008', true, false],
      ['request_returned_eligible', '2027-03-03', 'law_106_2025', false, false],
    ],
  },
  {
    name: 'old law but only one verification: not eligible under the old law, Law 106 date shown',
    facts: { acceptedOn: '2025-02-03', initiation: 'ex_officio' },
    events: noMeans2025TwoVerifications.slice(0, 2),
    today: '2026-03-10',
    expected: [
      ['reverify', '2025-09-03', 'law_2008', true, false], // 03/03/2025 + 6 months
      ['separate_ledger_eligible', '2027-03-03', 'law_106_2025', false, false],
    ],
  },
  {
    name: 'decision 01/03/2024, on request, after 01/07/2026: returned request from the law’s first day',
    facts: { acceptedOn: '2024-01-15', initiation: 'on_request' },
    events: noMeans2024,
    today: '2026-07-10',
    expected: [
      ['reverify', '2025-09-03', 'law_2008', true, false],
      ['request_returned_eligible', '2026-07-01', 'law_106_2025', false, false],
    ],
  },
  {
    name: 'decision 01/03/2024, on request, before 01/07/2026: old-law separate ledger since 01/03/2025',
    facts: { acceptedOn: '2024-01-15', initiation: 'on_request' },
    events: noMeans2024,
    today: '2026-05-04',
    expected: [
      ['separate_ledger_eligible', '2025-03-01', 'law_2008', false, false],
      ['reverify', '2025-09-03', 'law_2008', true, false],
    ],
  },
  // ---- disbursement ----
  {
    name: 'collected Fri 06/02/2026 for the creditor: pay by 16/02 (Tết) → Mon 23/02',
    facts: { acceptedOn: '2026-01-05' },
    events: [inProgress('2026-01-20'), { type: 'payment', on: '2026-02-06', obligation: 'o1', amount: 30_000_000n }],
    today: '2026-02-20',
    expected: [['disburse', '2026-02-23', 'law_2008', false, false]],
  },
  {
    name: 'partly disbursed: the oldest collection still counts',
    facts: { acceptedOn: '2026-01-05' },
    events: [
      inProgress('2026-01-20'),
      { type: 'payment', on: '2026-02-06', obligation: 'o1', amount: 30_000_000n },
      { type: 'disbursed', on: '2026-02-10', obligation: 'o1', amount: 10_000_000n },
    ],
    today: '2026-02-24',
    expected: [['disburse', '2026-02-23', 'law_2008', true, false]],
  },
  {
    name: 'fully disbursed: nothing to pay',
    facts: { acceptedOn: '2026-01-05' },
    events: [
      inProgress('2026-01-20'),
      { type: 'payment', on: '2026-02-06', obligation: 'o1', amount: 30_000_000n },
      { type: 'disbursed', on: '2026-02-10', obligation: 'o1', amount: 30_000_000n },
    ],
    today: '2026-02-24',
    expected: [],
  },
  {
    name: 'collected for the state budget: no payout to a creditor',
    facts: { acceptedOn: '2026-01-05' },
    events: [inProgress('2026-01-20'), { type: 'payment', on: '2026-02-06', obligation: 'o2', amount: 5_000_000n }],
    today: '2026-02-24',
    expected: [],
  },
  {
    name: 'collected Thu 25/06/2026: due Mon 06/07 under the old law',
    facts: { acceptedOn: '2026-06-01' },
    events: [inProgress('2026-06-10'), { type: 'payment', on: '2026-06-25', obligation: 'o1', amount: 1_000_000n }],
    today: '2026-07-06',
    expected: [['disburse', '2026-07-06', 'law_2008', false, true]],
  },
  {
    name: 'collected Wed 01/07/2026: due Mon 13/07 under Law 106, overdue on 14/07',
    facts: { acceptedOn: '2026-06-01' },
    events: [inProgress('2026-06-10'), { type: 'payment', on: '2026-07-01', obligation: 'o1', amount: 1_000_000n }],
    today: '2026-07-14',
    expected: [['disburse', '2026-07-13', 'law_106_2025', true, false]],
  },
  // ---- postponed, suspended, other (house policy) ----
  {
    name: 'postponed Fri 30/01/2026: review 30/04 (holiday) → Mon 04/05, overdue on 05/05',
    facts: { acceptedOn: '2026-01-05' },
    events: [inProgress('2026-01-20'), { type: 'postponed', on: '2026-01-30', ground: 'Người phải THA ốm nặng' }],
    today: '2026-05-05',
    expected: [['decide_postponement_review', '2026-05-04', 'law_2008', true, false]],
  },
  {
    name: 'postponed Wed 15/07/2026: review Thu 15/10/2026 under Law 106',
    facts: { acceptedOn: '2026-07-01' },
    events: [inProgress('2026-07-10'), { type: 'postponed', on: '2026-07-15', ground: 'Kháng nghị giám đốc thẩm' }],
    today: '2026-07-15',
    expected: [['decide_postponement_review', '2026-10-15', 'law_106_2025', false, false]],
  },
  {
    name: 'suspended Fri 28/11/2025 while pending: review Sat 28/02/2026 → Mon 02/03',
    facts: { acceptedOn: '2025-10-01' },
    events: [{ type: 'suspended', on: '2025-11-28', ground: 'Tòa án thụ lý đơn mở thủ tục phá sản' }],
    today: '2026-03-02',
    expected: [['decide_suspension_review', '2026-03-02', 'law_2008', false, true]],
  },
  {
    name: 'other status Fri 29/08/2025: 6 months → 28/02/2026 (month end), Saturday → Mon 02/03',
    facts: { acceptedOn: '2025-08-01' },
    events: [inProgress('2025-08-15'), { type: 'other_status', on: '2025-08-29', reason: 'Chờ ý kiến liên ngành' }],
    today: '2026-02-27',
    expected: [['resume_or_close', '2026-03-02', 'law_2008', false, false]],
  },
  {
    name: 'other status Fri 30/01/2026: review Thu 30/07/2026, old law (trigger before 01/07)',
    facts: { acceptedOn: '2026-01-05' },
    events: [inProgress('2026-01-20'), { type: 'other_status', on: '2026-01-30', reason: 'Chờ ý kiến liên ngành' }],
    today: '2026-07-31',
    expected: [['resume_or_close', '2026-07-30', 'law_2008', true, false]],
  },
  // ---- several steps, sorting; beyond the calendar's range ----
  {
    name: 'new case with a payment, no enforcer: four steps sorted by due date',
    facts: { acceptedOn: '2026-03-02', enforcer: null },
    events: [{ type: 'payment', on: '2026-03-03', obligation: 'o1', amount: 2_000_000n }],
    today: '2026-03-02',
    expected: [
      ['assign_enforcer', '2026-03-04', 'law_2008', false, true],
      ['voluntary_period_ends', '2026-03-12', 'law_2008', false, false],
      ['disburse', '2026-03-13', 'law_2008', false, false],
      ['verify', '2026-03-23', 'law_2008', false, false], // Sun 22/03 → Mon 23/03
    ],
  },
  {
    name: 'accepted Fri 28/12/2035: deadlines into 2036 skip weekends only, no RangeError',
    facts: { acceptedOn: '2035-12-28', enforcer: null },
    events: [],
    today: '2035-12-28',
    expected: [
      ['assign_enforcer', '2036-01-01', 'law_106_2025', false, false], // Mon 31/12 (1), Tue 01/01/2036 (2)
      ['voluntary_period_ends', '2036-01-07', 'law_106_2025', false, false],
      ['verify', '2036-01-17', 'law_106_2025', false, false],
    ],
  },
];

describe('nextSteps', () => {
  it.each(scenarios.map((s) => [s.name, s] as const))('%s', (_name, s) => {
    expect(summary(stepsFor(buildFacts(s.facts), s.events, s.today))).toEqual(s.expected);
  });

  it('the scenarios exercise every step code', () => {
    const seen = new Set(scenarios.flatMap((s) => s.expected.map((r) => r[0])));
    expect([...seen].sort()).toEqual([...STEP_CODES].sort());
  });

  it('results are sorted by due date', () => {
    for (const s of scenarios) {
      const dues = stepsFor(buildFacts(s.facts), s.events, s.today).map((x) => x.due);
      expect(dues).toEqual([...dues].sort());
    }
  });
});

describe('terminal statuses give no step but the payout of money already collected', () => {
  const base = buildFacts({ acceptedOn: '2026-03-02', enforcer: null, obligations: [{ id: 'o1', kind: 'money', beneficiary: 'party', label: 'Trả nợ', amount: 10_000_000n }] });
  const terminal: [string, CaseFacts, CaseEvent[], IsoDate][] = [
    // completed and paid out, no enforcer: nothing (terminal)
    ['completed', base, [{ type: 'payment', on: '2026-03-10', obligation: 'o1', amount: 10_000_000n }, { type: 'disbursed', on: '2026-03-11', obligation: 'o1', amount: 10_000_000n }, { type: 'completed', on: '2026-03-11' }], '2026-03-12'],
    ['terminated', base, [{ type: 'terminated', on: '2026-03-05', ground: 'Người được THA rút đơn' }], '2026-03-30'],
    ['transferred_out', base, [{ type: 'transferred_out', on: '2026-03-05', to: 'HN-KV1', partiallyPerformed: false }], '2026-03-30'],
    ['withdrawn', base, [{ type: 'withdrawn', on: '2026-03-05' }], '2026-03-30'],
    ['separate_ledger', buildFacts({ acceptedOn: '2025-02-03', initiation: 'ex_officio' }), [...noMeans2025TwoVerifications, { type: 'separate_ledger', on: '2026-03-03' }], '2026-09-01'],
    ['request_returned', buildFacts({ acceptedOn: '2024-01-15' }), [...noMeans2024, { type: 'request_returned', on: '2026-07-01' }], '2026-09-01'],
  ];
  it.each(terminal)('%s', (status, facts, events, today) => {
    const state = stateOf(facts, events);
    expect(state.status).toBe(status);
    expect(nextSteps(facts, state, events, today)).toEqual([]);
    expect(nextDeadline(facts, state, events, today)).toBeNull();
  });
});

describe('dueThisWeek and overdue around a due date (disburse due Fri 13/03/2026)', () => {
  const facts = buildFacts({ acceptedOn: '2026-02-23' });
  const events: CaseEvent[] = [inProgress('2026-03-02'), { type: 'payment', on: '2026-03-03', obligation: 'o1', amount: 1_000_000n }];
  it.each([
    ['2026-03-08', false, false, 'Sunday of the previous week'],
    ['2026-03-09', false, true, 'Monday of the due week'],
    ['2026-03-13', false, true, 'the due day'],
    ['2026-03-14', true, false, 'the day after (Saturday)'],
    ['2026-03-16', true, false, 'the next week'],
  ])('today %s → overdue %s, this week %s (%s)', (today, overdue, thisWeek) => {
    const [step] = stepsFor(facts, events, today);
    expect(step).toMatchObject({ code: 'disburse', due: '2026-03-13', overdue, dueThisWeek: thisWeek });
  });
});

describe('eligibility dates agree with the ledger guard', () => {
  const cases: [string, CaseFacts, CaseEvent[], IsoDate, 'separate_ledger' | 'request_returned'][] = [
    ['old law, 1 year', buildFacts({ acceptedOn: '2025-02-03', initiation: 'ex_officio' }), noMeans2025TwoVerifications, '2026-03-10', 'separate_ledger'],
    ['Law 106, ex officio, 2 years', buildFacts({ acceptedOn: '2026-04-01', initiation: 'ex_officio' }), noMeans2026, '2026-05-07', 'separate_ledger'],
    ['Law 106, on request, first day of the law', buildFacts({ acceptedOn: '2024-01-15' }), noMeans2024, '2026-07-10', 'request_returned'],
  ];
  it.each(cases)('%s: the event is accepted on the date shown and refused the day before', (_n, facts, events, today, type) => {
    const step = stepsFor(facts, events, today).find((s) => s.code === `${type}_eligible`)!;
    expect(step).toBeDefined();
    const dayBefore = new Map([['2026-03-03', '2026-03-02'], ['2028-04-24', '2028-04-23'], ['2026-07-01', '2026-06-30']]).get(step.due)!;
    expect(replay(facts, [...events, { type, on: step.due }]).ok).toBe(true);
    expect(replay(facts, [...events, { type, on: dayBefore }]).ok).toBe(false);
  });
});

describe('labels and bases', () => {
  it('Vietnamese titles carry their diacritics', () => {
    const all = scenarios.flatMap((s) => stepsFor(buildFacts(s.facts), s.events, s.today));
    const title = (c: StepCode) => all.find((s) => s.code === c)!.title_vi;
    expect(title('assign_enforcer')).toBe('Phân công Chấp hành viên');
    expect(title('verify')).toBe('Xác minh điều kiện thi hành án');
    expect(title('decide_no_means')).toBe('Ra quyết định về việc chưa có điều kiện thi hành');
    expect(title('publish_no_means')).toBe('Công khai thông tin người phải thi hành án chưa có điều kiện');
    expect(title('reverify')).toBe('Xác minh lại điều kiện thi hành án');
    expect(title('separate_ledger_eligible')).toBe('Đủ điều kiện chuyển sổ theo dõi riêng');
    expect(title('request_returned_eligible')).toBe('Đủ điều kiện gửi lại yêu cầu thi hành án');
    expect(title('disburse')).toBe('Chi trả tiền cho người được thi hành án');
    for (const s of all) {
      expect(s.title_en.length).toBeGreaterThan(0);
      expect(s.basis.length).toBeGreaterThan(0);
    }
  });

  it('review steps say they are a house policy, not a statutory deadline', () => {
    const all = scenarios.flatMap((s) => stepsFor(buildFacts(s.facts), s.events, s.today));
    for (const s of all.filter((x) => ['decide_postponement_review', 'decide_suspension_review', 'resume_or_close'].includes(x.code))) {
      expect(s.basis).toContain('không phải thời hạn luật định');
    }
  });

  it('a step under Law 106/2025 cites it', () => {
    const [s] = stepsFor(buildFacts({ acceptedOn: '2026-07-01' }), [inProgress('2026-07-10'), { type: 'payment', on: '2026-07-10', obligation: 'o1', amount: 1n }], '2026-07-10');
    expect(s).toMatchObject({ code: 'disburse', regime: 'law_106_2025' });
    expect(s!.basis).toMatch(/^Luật 106\/2025\/QH15/);
  });
});

describe('nextDeadline', () => {
  it('is the earliest step', () => {
    const facts = buildFacts({ acceptedOn: '2026-03-02', enforcer: null });
    const events: CaseEvent[] = [{ type: 'payment', on: '2026-03-03', obligation: 'o1', amount: 2_000_000n }];
    expect(nextDeadline(facts, stateOf(facts, events), events, '2026-03-02')).toMatchObject({ code: 'assign_enforcer', due: '2026-03-04' });
  });
  it('is null when nothing is due', () => {
    const facts = buildFacts({ acceptedOn: '2026-01-05' });
    const events = [inProgress('2026-01-20')];
    expect(nextDeadline(facts, stateOf(facts, events), events, '2026-02-01')).toBeNull();
  });
});

describe('payout after the end', () => {
  const facts = buildFacts({ acceptedOn: '2026-03-02', obligations: [
    { id: 'o1', kind: 'money', beneficiary: 'party', label: 'Trả nợ', amount: 10_000_000n },
    { id: 'o2', kind: 'money', beneficiary: 'party', label: 'Bồi thường', amount: 4_000_000n },
  ] });
  it('a completed case with money not yet paid out shows only the payout, oldest collection first', () => {
    const events: CaseEvent[] = [
      { type: 'payment', on: '2026-03-03', obligation: 'o1', amount: 10_000_000n },
      { type: 'payment', on: '2026-03-05', obligation: 'o2', amount: 4_000_000n },
      { type: 'disbursed', on: '2026-03-06', obligation: 'o1', amount: 10_000_000n },
      { type: 'completed', on: '2026-03-06' },
    ];
    const state = stateOf(facts, events);
    expect(state.status).toBe('completed');
    // o1 is paid out: the deadline runs from the collection of 05/03 on o2, not 03/03 → 15/03 (Sunday) → 16/03
    expect(nextSteps(facts, state, events, '2026-03-09').map((x) => [x.code, x.due])).toEqual([['disburse', '2026-03-16']]);
    const paid = [...events, { type: 'disbursed', on: '2026-03-10', obligation: 'o2', amount: 4_000_000n } as CaseEvent];
    expect(nextSteps(facts, stateOf(facts, paid), paid, '2026-03-10')).toEqual([]);
  });
});
