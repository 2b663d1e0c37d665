import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../src/kernel/calendar/index.js';
import type { CaseEvent, CaseFacts } from '../../../src/modules/cases/domain/case-types.js';
import {
  CASE_BASE_KEYS, CASE_KEYS, MONEY_BASE_KEYS, caseContribution, checkIdentities, DEFAULT_POLICIES,
  type CaseBaseKey, type CaseKey, type MoneyBaseKey, type MoneyKey, type StatisticsPolicies,
} from '../../../src/modules/statistics/domain/index.js';
import { ev, facts, FY2016, HOME, noMeansSince2014, OTHER, settleAll, WITH_UNVALUED } from './statistics-fixtures.js';

const M = 1_000_000n;
const V = 67n * M; // initial value of the standard obligations: 2 + 15 + 50 (valued non-money) million đồng

interface Row {
  name: string;
  facts: CaseFacts;
  events: CaseEvent[];
  period?: { from: IsoDate; to: IsoDate };
  policies?: StatisticsPolicies;
  inScope?: boolean;
  /** Base case rows counting 1 (all others 0). */
  cases: CaseBaseKey[];
  /** Non-zero base money rows (all others 0). */
  money: Partial<Record<MoneyBaseKey, bigint>>;
  /** Derived rows checked by hand where they make the rule visible. */
  derivedCases?: Partial<Record<CaseKey, number>>;
  derivedMoney?: Partial<Record<MoneyKey, bigint>>;
}

// A case in the separate ledger from 01/12/2015, 1.000.000 đ paid on 02/11/2015 in its first episode,
// resumed 04/01/2016 (second episode), 2.000.000 đ paid on 01/02/2016.
const resumedHistory: CaseEvent[] = [
  ...noMeansSince2014, ev.pay('2015-11-02', 'o2', 1n * M), ev.separateLedger('2015-12-01'), ev.resumed('2016-01-04'), ev.pay('2016-02-01', 'o2', 2n * M),
];

const rows: Row[] = [
  // ----- §2 scope and boundaries of [S, E]
  { name: 'accepted on S: new, pending verification counts in progress', facts: facts('2015-10-01'), events: [],
    cases: ['new', 'in_progress'], money: { new: V, in_progress: V }, derivedCases: { total: 1, to_enforce: 1, with_means: 1, resolved: 0, carried_forward: 1, carried_forward_with_means: 1 } },
  { name: 'accepted the day before S: carried over', facts: facts('2015-09-30'), events: [],
    cases: ['carried_over', 'in_progress'], money: { carried_over: V, in_progress: V } },
  { name: 'accepted on E', facts: facts('2016-09-30'), events: [], cases: ['new', 'in_progress'], money: { new: V, in_progress: V } },
  { name: 'closed the day before S: out of scope', facts: facts('2015-05-04'), events: [...settleAll('2015-09-30'), ev.completed('2015-09-30')],
    inScope: false, cases: [], money: {}, derivedCases: { total: 0, to_enforce: 0 } },
  { name: 'completed on S, paid on S: payments count in completed money', facts: facts('2015-05-04'), events: [...settleAll('2015-10-01'), ev.completed('2015-10-01')],
    cases: ['carried_over', 'completed'], money: { carried_over: V, completed: V } },
  { name: 'completed on S, paid before S: nothing outstanding at the start of S', facts: facts('2015-05-04'), events: [...settleAll('2015-09-30'), ev.completed('2015-10-01')],
    cases: ['carried_over', 'completed'], money: {}, derivedMoney: { with_means: 0n, resolved: 0n } },
  { name: 'payment on E counts, payment the day after E does not', facts: facts('2016-01-11'), events: [ev.pay('2016-09-30', 'o2', 5n * M), ev.pay('2016-10-01', 'o2', 1n * M)],
    cases: ['new', 'in_progress'], money: { new: V, completed: 5n * M, in_progress: 62n * M },
    derivedMoney: { to_enforce: V, with_means: V, resolved: 5n * M, carried_forward: 62n * M, carried_forward_with_means: 62n * M } },
  { name: 'completed on E', facts: facts('2016-01-11'), events: [...settleAll('2016-09-30'), ev.completed('2016-09-30')],
    cases: ['new', 'completed'], money: { new: V, completed: V } },
  { name: 'completed the day after E: in progress at E with nothing outstanding', facts: facts('2016-01-11'), events: [...settleAll('2016-09-30'), ev.completed('2016-10-01')],
    cases: ['new', 'in_progress'], money: { new: V, completed: V } },

  // ----- termination
  { name: 'terminated extinguishes what is outstanding', facts: facts('2015-06-01'),
    events: [ev.pay('2015-08-03', 'o2', 3n * M), ev.pay('2016-02-01', 'o2', 2n * M), ev.terminated('2016-03-01')],
    cases: ['carried_over', 'terminated'], money: { carried_over: 64n * M, completed: 2n * M, terminated: 62n * M },
    derivedCases: { resolved: 1, with_means: 1, carried_forward: 0 }, derivedMoney: { to_enforce: 64n * M, with_means: 64n * M, resolved: 64n * M, carried_forward: 0n } },
  { name: 'terminated on S', facts: facts('2015-06-01'), events: [ev.terminated('2015-10-01')],
    cases: ['carried_over', 'terminated'], money: { carried_over: V, terminated: V } },
  { name: 'policy moneyResolved = [completed]: termination stays with means but not resolved', facts: facts('2015-06-01'),
    events: [ev.pay('2015-08-03', 'o2', 3n * M), ev.pay('2016-02-01', 'o2', 2n * M), ev.terminated('2016-03-01')],
    policies: { moneyResolved: ['completed'], postponementGroundsWithoutMeans: [] },
    cases: ['carried_over', 'terminated'], money: { carried_over: 64n * M, completed: 2n * M, terminated: 62n * M },
    derivedMoney: { with_means: 64n * M, resolved: 2n * M, carried_forward: 62n * M, carried_forward_with_means: 62n * M } },

  // ----- transfers (ủy thác)
  { name: 'transfer with nothing performed: transferred_out', facts: facts('2016-01-05'), events: [ev.hasMeans('2016-01-20'), ev.transferred('2016-02-01')],
    cases: ['new', 'transferred_out'], money: { new: V, transferred_out: V },
    derivedCases: { total: 1, to_enforce: 0, with_means: 0 }, derivedMoney: { to_enforce: 0n, with_means: 0n } },
  { name: 'transfer on E', facts: facts('2015-06-01'), events: [ev.transferred('2016-09-30')],
    cases: ['carried_over', 'transferred_out'], money: { carried_over: V, transferred_out: V } },
  { name: 'transfer after a payment: completed in cases, payment in completed money', facts: facts('2016-01-05'), events: [ev.pay('2016-01-25', 'o2', 4n * M), ev.transferred('2016-02-01')],
    cases: ['new', 'completed'], money: { new: V, completed: 4n * M, transferred_out: 63n * M },
    derivedCases: { to_enforce: 1, with_means: 1, resolved: 1 }, derivedMoney: { to_enforce: 4n * M, with_means: 4n * M, resolved: 4n * M } },
  { name: 'transfer after a payment before S in the same episode: completed, no money flow in the period', facts: facts('2015-06-01'),
    events: [ev.pay('2015-07-01', 'o2', 4n * M), ev.transferred('2015-11-02')],
    cases: ['carried_over', 'completed'], money: { carried_over: 63n * M, transferred_out: 63n * M }, derivedMoney: { with_means: 0n, to_enforce: 0n } },
  { name: 'transfer after performing an unvalued obligation: completed, 0 đ performed', facts: facts('2016-01-05', { obligations: WITH_UNVALUED }),
    events: [ev.performed('2016-01-10', 'o2'), ev.transferred('2016-02-01')],
    cases: ['new', 'completed'], money: { new: 10n * M, transferred_out: 10n * M } },
  { name: 'transfer after a reduction: completed; the reduction counts in reduced', facts: facts('2016-01-05'),
    events: [ev.reduced('2016-01-10', 'o1', 500_000n), ev.transferred('2016-02-01')],
    cases: ['new', 'completed'], money: { new: V, reduced: 500_000n, transferred_out: V - 500_000n }, derivedMoney: { with_means: 500_000n, resolved: 500_000n } },
  { name: 'transfer flagged partially performed: completed', facts: facts('2016-01-05'), events: [ev.transferred('2016-02-01', true)],
    cases: ['new', 'completed'], money: { new: V, transferred_out: V }, derivedMoney: { to_enforce: 0n, with_means: 0n } },

  // ----- withdrawal (thu hồi, hủy QĐTHA)
  { name: 'withdrawal after a payment: payment in completed money, outstanding in withdrawn money', facts: facts('2016-01-05'),
    events: [ev.pay('2016-02-01', 'o2', 6n * M), ev.withdrawn('2016-03-01')],
    cases: ['new', 'withdrawn'], money: { new: V, completed: 6n * M, withdrawn: 61n * M },
    derivedCases: { to_enforce: 0, with_means: 0 }, derivedMoney: { to_enforce: 6n * M, with_means: 6n * M, resolved: 6n * M } },
  { name: 'payout of collected money after the withdrawal counts nowhere', facts: facts('2016-01-05'),
    events: [ev.pay('2016-02-01', 'o2', 6n * M), ev.withdrawn('2016-03-01'), { type: 'disbursed', on: '2016-03-07', obligation: 'o2', amount: 6n * M }],
    cases: ['new', 'withdrawn'], money: { new: V, completed: 6n * M, withdrawn: 61n * M } },
  { name: 'withdrawn with nothing paid', facts: facts('2015-06-01'), events: [ev.withdrawn('2015-12-01')],
    cases: ['carried_over', 'withdrawn'], money: { carried_over: V, withdrawn: V } },

  // ----- without means, separate ledger, returned requests
  { name: 'separate ledger in [S, E]: without means; a payment before it counts in completed money', facts: facts('2014-06-02'),
    events: [...noMeansSince2014, ev.pay('2015-11-02', 'o2', 1n * M), ev.separateLedger('2015-12-01')],
    cases: ['carried_over', 'without_means'], money: { carried_over: V, completed: 1n * M, without_means: 66n * M },
    derivedCases: { with_means: 0, to_enforce: 1, carried_forward: 1 }, derivedMoney: { with_means: 1n * M, to_enforce: V } },
  { name: 'separate ledger before S: out of scope', facts: facts('2014-06-02'), events: [...noMeansSince2014, ev.separateLedger('2015-09-01')],
    inScope: false, cases: [], money: {} },
  { name: 'request returned in [S, E] (Law 106/2025): without means', facts: facts('2024-01-02', { initiation: 'on_request' }),
    events: [ev.noMeansFound('2024-02-01'), ev.noMeansDecided('2024-02-01'), ev.requestReturned('2026-07-01')], period: { from: '2025-10-01', to: '2026-09-30' },
    cases: ['carried_over', 'without_means'], money: { carried_over: V, without_means: V } },
  { name: 'no-means decision in force at E: without means', facts: facts('2016-01-05'), events: [ev.noMeansFound('2016-02-01'), ev.noMeansDecided('2016-02-01')],
    cases: ['new', 'without_means'], money: { new: V, without_means: V } },
  { name: 'no means found but not decided: still in progress', facts: facts('2016-01-05'), events: [ev.noMeansFound('2016-02-01')],
    cases: ['new', 'in_progress'], money: { new: V, in_progress: V } },
  { name: 'resumed from no_means: same episode, carried over', facts: facts('2015-06-01'),
    events: [ev.noMeansFound('2015-07-01'), ev.noMeansDecided('2015-07-01'), ev.resumed('2015-11-02')],
    cases: ['carried_over', 'in_progress'], money: { carried_over: V, in_progress: V } },
  { name: 'reduction on a case ending without means: in reduced, so with means', facts: facts('2016-01-05'),
    events: [ev.reduced('2016-01-20', 'o1', 500_000n), ev.noMeansFound('2016-02-01'), ev.noMeansDecided('2016-02-01')],
    cases: ['new', 'without_means'], money: { new: V, reduced: 500_000n, without_means: V - 500_000n },
    derivedMoney: { to_enforce: V, with_means: 500_000n, resolved: 500_000n, carried_forward: V - 500_000n, carried_forward_with_means: 0n } },

  // ----- resumption from the separate ledger: a new episode
  { name: 'resumed in [S, E]: new with the outstanding at resumption; the first episode counts nowhere', facts: facts('2014-06-02'), events: resumedHistory,
    cases: ['new', 'in_progress'], money: { new: 66n * M, completed: 2n * M, in_progress: 64n * M } },
  { name: 'same case, report ending before the resumption: first episode, without means', facts: facts('2014-06-02'), events: resumedHistory,
    period: { from: '2015-10-01', to: '2015-12-31' }, cases: ['carried_over', 'without_means'], money: { carried_over: V, completed: 1n * M, without_means: 66n * M } },
  { name: 'same case, S = E = the day of the separate ledger', facts: facts('2014-06-02'), events: resumedHistory,
    period: { from: '2015-12-01', to: '2015-12-01' }, cases: ['carried_over', 'without_means'], money: { carried_over: 66n * M, without_means: 66n * M } },
  { name: 'same case, S = E = the day of the resumption', facts: facts('2014-06-02'), events: resumedHistory,
    period: { from: '2016-01-04', to: '2016-01-04' }, cases: ['new', 'in_progress'], money: { new: 66n * M, in_progress: 66n * M } },
  { name: 'same case, next fiscal year: second episode carried over', facts: facts('2014-06-02'), events: resumedHistory,
    period: { from: '2016-10-01', to: '2017-09-30' }, cases: ['carried_over', 'in_progress'], money: { carried_over: 64n * M, in_progress: 64n * M } },
  { name: 'resumed before S: carried over with the outstanding at the start of S', facts: facts('2014-06-02'),
    events: [...noMeansSince2014, ev.separateLedger('2015-07-01'), ev.resumed('2015-08-03'), ev.pay('2015-09-01', 'o2', 2n * M), ev.pay('2015-10-05', 'o2', 1n * M)],
    cases: ['carried_over', 'in_progress'], money: { carried_over: 65n * M, completed: 1n * M, in_progress: 64n * M } },
  { name: 'two episodes ended in [S, E]: only the last counts', facts: facts('2014-06-02'),
    events: [...noMeansSince2014, ev.separateLedger('2015-11-02'), ev.resumed('2016-01-04'), ...settleAll('2016-03-01'), ev.completed('2016-03-01')],
    cases: ['new', 'completed'], money: { new: V, completed: V } },
  { name: 'separate ledger and resumed the same day, E that day: the open episode', facts: facts('2014-06-02'),
    events: [...noMeansSince2014, ev.separateLedger('2015-12-01'), ev.resumed('2015-12-01')], period: { from: '2015-10-01', to: '2015-12-01' },
    cases: ['new', 'in_progress'], money: { new: V, in_progress: V } },
  { name: 'resumed after E: the ended episode counts', facts: facts('2014-06-02'),
    events: [...noMeansSince2014, ev.separateLedger('2015-12-01'), ev.resumed('2016-10-03')],
    cases: ['carried_over', 'without_means'], money: { carried_over: V, without_means: V } },
  { name: 'payment in the first episode does not make the second episode\'s transfer partial', facts: facts('2014-06-02'),
    events: [...noMeansSince2014, ev.pay('2015-03-02', 'o2', 1n * M), ev.separateLedger('2015-11-02'), ev.resumed('2016-01-04'), ev.transferred('2016-02-01')],
    cases: ['new', 'transferred_out'], money: { new: 66n * M, transferred_out: 66n * M } },

  // ----- non-money obligations
  { name: 'valued non-money obligation performed: its value in completed money', facts: facts('2016-01-05'), events: [ev.performed('2016-03-01', 'o3')],
    cases: ['new', 'in_progress'], money: { new: V, completed: 50n * M, in_progress: 17n * M } },
  { name: 'unvalued non-money obligation counts nowhere in money', facts: facts('2016-01-05', { obligations: WITH_UNVALUED }),
    events: [ev.pay('2016-02-01', 'o1', 10n * M), ev.performed('2016-03-01', 'o2'), ev.completed('2016-03-01')],
    cases: ['new', 'completed'], money: { new: 10n * M, completed: 10n * M } },
  { name: 'only an unvalued obligation: a case, no money', facts: facts('2016-01-05', { obligations: [WITH_UNVALUED[1]!] }), events: [],
    cases: ['new', 'in_progress'], money: {}, derivedMoney: { with_means: 0n } },

  // ----- buckets at E and the postponement policy
  { name: 'postponed, default policy: postponed', facts: facts('2016-01-05'), events: [ev.hasMeans('2016-01-20'), ev.postponed('2016-02-01')],
    cases: ['new', 'postponed'], money: { new: V, postponed: V }, derivedCases: { with_means: 1 } },
  { name: 'postponed on a ground in postponementGroundsWithoutMeans: without means', facts: facts('2016-01-05'),
    events: [ev.hasMeans('2016-01-20'), ev.pay('2016-01-25', 'o2', 1n * M), ev.postponed('2016-02-01')],
    policies: { moneyResolved: DEFAULT_POLICIES.moneyResolved, postponementGroundsWithoutMeans: [' Điều 48 khoản 1 điểm a '] },
    cases: ['new', 'without_means'], money: { new: V, completed: 1n * M, without_means: 66n * M }, derivedCases: { with_means: 0 } },
  { name: 'postponed on a ground not in the policy: postponed', facts: facts('2016-01-05'), events: [ev.postponed('2016-02-01')],
    policies: { moneyResolved: DEFAULT_POLICIES.moneyResolved, postponementGroundsWithoutMeans: ['Điều 48 khoản 1 điểm b'] },
    cases: ['new', 'postponed'], money: { new: V, postponed: V } },
  { name: 'postponed after E: in progress at E', facts: facts('2016-01-05'), events: [ev.postponed('2016-10-03')],
    cases: ['new', 'in_progress'], money: { new: V, in_progress: V } },
  { name: 'suspended', facts: facts('2016-01-05'), events: [ev.suspended('2016-02-01')], cases: ['new', 'suspended'], money: { new: V, suspended: V } },
  { name: 'other', facts: facts('2016-01-05'), events: [ev.pay('2016-01-06', 'o1', 2n * M), ev.other('2016-02-01')],
    cases: ['new', 'other'], money: { new: V, completed: 2n * M, other: 65n * M } },
  { name: 'resumed from postponed before E: in progress', facts: facts('2016-01-05'), events: [ev.postponed('2016-02-01'), ev.resumed('2016-03-01')],
    cases: ['new', 'in_progress'], money: { new: V, in_progress: V } },

  // ----- office change (2025 reorganisation): counted as before, not as a transfer
  { name: 'office_changed: held by the successor, counted as in progress, not transferred', facts: facts('2024-10-15'),
    events: [ev.pay('2025-03-03', 'o2', 5n * M), ev.officeChanged('2025-07-01')], period: { from: '2024-10-01', to: '2025-09-30' },
    cases: ['new', 'in_progress'], money: { new: V, completed: 5n * M, in_progress: 62n * M } },
];

const base = <K extends string>(keys: readonly K[], record: Record<string, unknown>) => Object.fromEntries(keys.map((k) => [k, record[k]]));

describe('caseContribution (statistics.md §2–§4), FY2016 = [2015-10-01, 2016-09-30] unless stated', () => {
  it.each(rows)('$name', (row) => {
    const period = row.period ?? FY2016;
    const c = caseContribution(row.facts, row.events, period.from, period.to, row.policies ?? DEFAULT_POLICIES);
    expect(c).not.toBeNull();
    expect(c!.inScope).toBe(row.inScope ?? true);
    expect(base(CASE_BASE_KEYS, c!.cases)).toEqual(Object.fromEntries(CASE_BASE_KEYS.map((k) => [k, row.cases.includes(k) ? 1 : 0])));
    expect(base(MONEY_BASE_KEYS, c!.money)).toEqual(Object.fromEntries(MONEY_BASE_KEYS.map((k) => [k, row.money[k] ?? 0n])));
    for (const [k, v] of Object.entries(row.derivedCases ?? {})) expect(c!.cases[k as CaseKey], k).toBe(v);
    for (const [k, v] of Object.entries(row.derivedMoney ?? {})) expect(c!.money[k as MoneyKey], k).toBe(v);
    expect(checkIdentities(c!)).toEqual([]);
  });

  it('every row of the case form is 0 or 1 and the derived rows follow §3', () => {
    const c = caseContribution(facts('2016-01-05'), [ev.pay('2016-01-25', 'o2', 4n * M), ev.transferred('2016-02-01')], FY2016.from, FY2016.to)!;
    expect(Object.keys(c.cases)).toEqual([...CASE_KEYS]);
    expect(c.cases).toEqual({
      carried_over: 0, new: 1, total: 1, transferred_out: 0, withdrawn: 0, to_enforce: 1, completed: 1, terminated: 0, in_progress: 0,
      postponed: 0, suspended: 0, other: 0, without_means: 0, with_means: 1, resolved: 1, carried_forward: 0, carried_forward_with_means: 0,
    });
  });

  it('is null for a case accepted after E (it did not exist at E)', () => {
    expect(caseContribution(facts('2016-10-01'), [], FY2016.from, FY2016.to)).toBeNull();
  });

  it('reports the office holding the case at E (statistics.md §2)', () => {
    const f = facts('2024-10-15');
    const events = [ev.officeChanged('2025-07-01')];
    expect(caseContribution(f, events, '2024-10-01', '2025-06-30')!.office).toBe(HOME);
    expect(caseContribution(f, events, '2024-10-01', '2025-07-01')!.office).toBe(OTHER);
    expect(caseContribution(f, events, '2024-10-01', '2025-09-30')!.office).toBe(OTHER);
    // Closed before the reorganisation: stays with the office that closed it (no office_changed can follow).
    const closed = [...settleAll('2025-03-01'), ev.completed('2025-03-01')];
    const c = caseContribution(f, closed, '2024-10-01', '2025-09-30')!;
    expect([c.office, c.cases.completed]).toEqual([HOME, 1]);
    // Out of scope cases still name their holder at E.
    expect(caseContribution(f, closed, '2025-10-01', '2026-09-30')).toMatchObject({ inScope: false, office: HOME });
  });

  it('ignores events dated after E, whatever they are', () => {
    const f = facts('2016-01-05');
    const before = [ev.pay('2016-02-01', 'o2', 1n * M)];
    const after = [...before, ev.pay('2016-10-01', 'o2', 3n * M), ev.officeChanged('2016-10-02'), ev.terminated('2016-11-01')];
    expect(caseContribution(f, after, FY2016.from, FY2016.to)).toEqual(caseContribution(f, before, FY2016.from, FY2016.to));
  });

  it('refuses an invalid history and a reversed period (bugs upstream)', () => {
    const f = facts('2016-01-05');
    expect(() => caseContribution(f, [ev.pay('2016-02-01', 'o2', 16n * M)], FY2016.from, FY2016.to)).toThrow(/not valid/);
    expect(() => caseContribution(f, [ev.completed('2016-02-01')], FY2016.from, FY2016.to)).toThrow(/not valid/);
    expect(() => caseContribution(f, [], '2016-09-30', '2016-09-29')).toThrow(RangeError);
  });

  it('uses the default policies when none are given', () => {
    const f = facts('2016-01-05');
    const events = [ev.postponed('2016-02-01')];
    expect(caseContribution(f, events, FY2016.from, FY2016.to)).toEqual(caseContribution(f, events, FY2016.from, FY2016.to, DEFAULT_POLICIES));
  });
});
