import { describe, expect, it } from 'vitest';
import type { CaseEvent, CaseFacts } from '../../../src/modules/cases/domain/case-types.js';
import {
  assembleReport, caseContribution, checkIdentities, combineReports, contributionsHeldBy, DEFAULT_POLICIES, stringifyReport, sumContributions,
  toReportJson, type CaseContribution, type StatisticsPolicies, type StatisticsReport,
} from '../../../src/modules/statistics/domain/index.js';
import { ev, facts, FY2016, noMeansSince2014, settleAll } from './statistics-fixtures.js';

const M = 1_000_000n;
const V = 67n * M;
const contribution = (f: CaseFacts, events: CaseEvent[], policies: StatisticsPolicies = DEFAULT_POLICIES): CaseContribution =>
  caseContribution(f, events, FY2016.from, FY2016.to, policies)!;

// Five cases of one office in FY2016, every figure below computed by hand:
// A carried over, completed (paid 67 M in the period);  B new, terminated after 2 M paid (65 M extinguished);
// C new, transferred with nothing done (67 M);           D carried over, separate ledger (67 M without means);
// E new, in progress, 5 M paid (62 M outstanding);       F closed before S (out of scope, counts nowhere).
const office = [
  contribution(facts('2015-06-01'), [...settleAll('2016-02-01'), ev.completed('2016-02-01')]),
  contribution(facts('2016-01-05'), [ev.pay('2016-02-01', 'o2', 2n * M), ev.terminated('2016-03-01')]),
  contribution(facts('2016-01-05'), [ev.transferred('2016-02-01')]),
  contribution(facts('2014-06-02'), [...noMeansSince2014, ev.separateLedger('2015-12-01')]),
  contribution(facts('2016-01-05'), [ev.pay('2016-05-02', 'o2', 5n * M)]),
  contribution(facts('2015-01-05'), [ev.withdrawn('2015-09-30')]),
];

describe('report assembly (statistics.md §3–§5, §7)', () => {
  const report = assembleReport({ office: 'LA-CT', period: FY2016, contributions: office, target: { cases: 70, money: 30 } });

  it('sums the cases and derives total, to_enforce, with_means, resolved, carried forward, rate', () => {
    expect(report.cases).toEqual({
      carried_over: 2, new: 3, total: 5, transferred_out: 1, withdrawn: 0, to_enforce: 4, completed: 1, terminated: 1, in_progress: 1,
      postponed: 0, suspended: 0, other: 0, without_means: 1, with_means: 3, resolved: 2, rate: 66.67, carried_forward: 2, carried_forward_with_means: 1,
    });
  });

  it('sums the money in đồng: flows with means, outstanding at E by bucket', () => {
    expect(report.money).toEqual({
      carried_over: 2n * V, new: 3n * V, total: 5n * V, transferred_out: V, withdrawn: 0n, to_enforce: 4n * V,
      completed: V + 2n * M + 5n * M, terminated: 65n * M, reduced: 0n, in_progress: 62n * M, postponed: 0n, suspended: 0n, other: 0n,
      without_means: V, with_means: 3n * V, resolved: 3n * V - 62n * M, rate: 69.15, // 139 ÷ 201 = 69.154…
      carried_forward: V + 62n * M, carried_forward_with_means: 62n * M,
    });
  });

  it('compares with the target of the year: excess in points', () => {
    expect(report.target).toEqual({ cases: 70, money: 30 });
    expect(report.excess).toEqual({ cases: -3.33, money: 39.15 });
    expect(checkIdentities(report)).toEqual([]);
  });

  it('an empty report: zeros, rates and excess null; no target → target and excess null', () => {
    const empty = assembleReport({ office: 'LA-CT', period: FY2016, contributions: [], target: { cases: 80, money: 38 } });
    expect([empty.cases.total, empty.money.total, empty.cases.rate, empty.money.rate]).toEqual([0, 0n, null, null]);
    expect(empty.excess).toEqual({ cases: null, money: null });
    expect(assembleReport({ office: 'LA-CT', period: FY2016, contributions: office, target: null })).toMatchObject({ target: null, excess: null });
  });

  it('policy moneyResolved changes money resolved only', () => {
    const policies: StatisticsPolicies = { moneyResolved: ['completed'], postponementGroundsWithoutMeans: [] };
    const r = assembleReport({ office: 'LA-CT', period: FY2016, policies, contributions: office, target: null });
    expect(r.policies).toBe(policies);
    expect([r.money.resolved, r.money.with_means, r.money.rate, r.cases.rate]).toEqual([74n * M, 3n * V, 36.82, 66.67]); // 74 ÷ 201
  });
});

describe('a province or the nation sums counts, never averages rates (statistics.md §5)', () => {
  // Office X: 1 case completed of 1 with means (100 %). Office Y: 1 completed of 3 with means (33.33 %).
  const x = [contribution(facts('2016-01-05', { office: 'X' }), [...settleAll('2016-02-01'), ev.completed('2016-02-01')])];
  const y = [
    contribution(facts('2016-01-05', { office: 'Y' }), [...settleAll('2016-02-01'), ev.completed('2016-02-01')]),
    contribution(facts('2016-01-05', { office: 'Y' }), []),
    contribution(facts('2016-01-05', { office: 'Y' }), [ev.suspended('2016-02-01')]),
  ];
  const rx = assembleReport({ office: 'X', period: FY2016, contributions: x, target: null });
  const ry = assembleReport({ office: 'Y', period: FY2016, contributions: y, target: null });

  it('2 resolved of 4 with means is 50.00 %, not the average 66.67 %', () => {
    expect([rx.cases.rate, ry.cases.rate]).toEqual([100, 33.33]);
    const province = combineReports('P', [rx, ry], { cases: 80, money: 38 });
    expect([province.cases.resolved, province.cases.with_means, province.cases.rate, province.excess?.cases]).toEqual([2, 4, 50, -30]);
    const direct = assembleReport({ office: 'P', period: FY2016, contributions: [...x, ...y], target: { cases: 80, money: 38 } });
    expect(province).toEqual(direct);
  });

  it('refuses to combine reports of different periods or policies', () => {
    const other = assembleReport({ office: 'Z', period: { from: '2015-10-01', to: '2016-06-30' }, contributions: [], target: null });
    expect(() => combineReports('P', [rx, other], null)).toThrow(/another period/);
    expect(combineReports('N', [], null, { period: FY2016, policies: DEFAULT_POLICIES }).cases.total).toBe(0);
  });

  it('contributionsHeldBy keeps the cases held at E by the unit or those it succeeds (§2)', () => {
    const all = [...x, ...y, null];
    expect(contributionsHeldBy(all, new Set(['Y'])).length).toBe(3);
    expect(sumContributions(contributionsHeldBy(all, new Set(['X', 'Y']))).cases.total).toBe(4);
  });
});

describe('checkIdentities', () => {
  it('names each broken identity with both sides', () => {
    const report = assembleReport({ office: 'LA-CT', period: FY2016, contributions: office, target: null });
    const broken = { ...report, cases: { ...report.cases, without_means: 2 }, money: { ...report.money, total: 1n } };
    expect(checkIdentities(broken)).toEqual([
      { form: 'cases', identity: 'to_enforce = with_means + without_means', left: '4', right: '5' },
      { form: 'money', identity: 'total = to_enforce + transferred_out + withdrawn', left: '1', right: String(5n * V) },
    ]);
  });
});

describe('machine-readable output (statistics.md §7)', () => {
  const report = assembleReport({ office: 'LA-CT', period: FY2016, contributions: office, target: { cases: 70, money: 30 } });

  it('has the §7 shape and key order, money as JSON integers', () => {
    const json = toReportJson(report);
    expect(Object.keys(json)).toEqual(['office', 'period', 'policies', 'cases', 'money', 'target', 'excess']);
    expect(Object.keys(json.cases)).toEqual([
      'carried_over', 'new', 'total', 'transferred_out', 'withdrawn', 'to_enforce', 'completed', 'terminated', 'in_progress', 'postponed', 'suspended',
      'other', 'without_means', 'with_means', 'resolved', 'rate', 'carried_forward', 'carried_forward_with_means',
    ]);
    expect(Object.keys(json.money)).toEqual([
      'carried_over', 'new', 'total', 'transferred_out', 'withdrawn', 'to_enforce', 'completed', 'terminated', 'reduced', 'in_progress', 'postponed',
      'suspended', 'other', 'without_means', 'with_means', 'resolved', 'rate', 'carried_forward', 'carried_forward_with_means',
    ]);
    expect(json.policies).toEqual({ moneyResolved: ['completed', 'terminated', 'reduced'], postponementGroundsWithoutMeans: [] });
    expect(json.period).toEqual({ from: '2015-10-01', to: '2016-09-30' });
    expect([json.money.total, json.money.rate, json.cases.rate, json.target, json.excess]).toEqual([335_000_000, 69.15, 66.67, { cases: 70, money: 30 }, { cases: -3.33, money: 39.15 }]);
  });

  it('the text form equals JSON.stringify of the object form when amounts are small', () => {
    expect(stringifyReport(report)).toBe(JSON.stringify(toReportJson(report)));
    expect(stringifyReport(report, 2)).toBe(JSON.stringify(toReportJson(report), null, 2));
  });

  it('beyond MAX_SAFE_INTEGER the object form throws and the text form stays exact', () => {
    const huge = 9_007_199_254_740_993n; // 2^53 + 1
    const big: StatisticsReport = { ...report, money: { ...report.money, carried_over: huge } };
    expect(() => toReportJson(big)).toThrow(RangeError);
    expect(stringifyReport(big)).toContain('"money":{"carried_over":9007199254740993,');
    expect(stringifyReport({ ...report, target: null, excess: null })).toMatch(/"target":null,"excess":null}$/);
  });
});
