/**
 * The import's snapshot totals (SnapshotTotalsAccumulator) evaluate each case only where its contribution
 * can change; the result must equal the sum of the domain's caseContribution at every snapshot date, case by
 * case, for random histories (offices changing, cases closing and resuming) and both signs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fiscalYearStartOf, snapshotDatesBetween } from '../../../src/modules/statistics/app/months.js';
import { SnapshotTotalsAccumulator } from '../../../src/modules/statistics/app/snapshot-accumulator.js';
import { CASE_BASE_KEYS, caseContribution, caseContributionsAt, DEFAULT_POLICIES, MONEY_BASE_KEYS } from '../../../src/modules/statistics/domain/index.js';
import { arbCaseHistory, type CaseHistory } from '../../support/case-factory.js';

const officeIds = new Map<string, number>();
const officeId = (code: string) => {
  if (!officeIds.has(code)) officeIds.set(code, officeIds.size + 1);
  return officeIds.get(code)!;
};

/** Σ caseContribution per (date, office), every date evaluated (the definition), rows of zeros left out. */
function naive(histories: readonly CaseHistory[], dates: readonly string[], sign: (i: number) => 1 | -1): Map<string, Record<string, bigint>> {
  const out = new Map<string, Record<string, bigint>>();
  for (const d of dates) {
    histories.forEach((h, i) => {
      const c = caseContribution(h.facts, h.events, fiscalYearStartOf(d), d, DEFAULT_POLICIES);
      if (!c?.inScope) return;
      const key = `${d}|${officeId(c.office)}`;
      const v = out.get(key) ?? {};
      const s = BigInt(sign(i));
      for (const k of CASE_BASE_KEYS) v[`c_${k}`] = (v[`c_${k}`] ?? 0n) + s * BigInt(c.cases[k]);
      for (const k of MONEY_BASE_KEYS) v[`m_${k}`] = (v[`m_${k}`] ?? 0n) + s * c.money[k];
      out.set(key, v);
    });
  }
  for (const [k, v] of out) if (Object.values(v).every((x) => x === 0n)) out.delete(k);
  return out;
}

function accumulated(histories: readonly CaseHistory[], dates: string[], sign: (i: number) => 1 | -1): Map<string, Record<string, bigint>> {
  const acc = new SnapshotTotalsAccumulator(dates, DEFAULT_POLICIES);
  histories.forEach((h, i) => acc.add(h.facts, h.events, sign(i)));
  return new Map(acc.rows(officeId, { skipZero: true }).map((r) => [`${r.asOf}|${r.officeId}`, r.values]));
}

describe('SnapshotTotalsAccumulator', () => {
  it('equals the sum of caseContribution at every snapshot date (random histories, both signs)', () => {
    fc.assert(
      fc.property(fc.array(arbCaseHistory({ maxSteps: 25, acceptedFrom: '2016-01-01', acceptedTo: '2027-06-30' }), { minLength: 1, maxLength: 12 }), fc.nat(), (histories, seed) => {
        const dates = snapshotDatesBetween('2023-10-08', '2027-12-31');
        const sign = (i: number): 1 | -1 => ((seed >> i % 30) & 1 ? -1 : 1);
        expect(accumulated(histories, dates, sign)).toEqual(naive(histories, dates, sign));
      }),
      { numRuns: 60, seed: 20261128 },
    );
  });

  it('a case added and removed leaves nothing', () => {
    const [h] = fc.sample(arbCaseHistory({ maxSteps: 30, acceptedFrom: '2022-01-01', acceptedTo: '2024-12-31' }), { numRuns: 1, seed: 7 });
    const acc = new SnapshotTotalsAccumulator(snapshotDatesBetween('2021-10-08', '2026-11-30'), DEFAULT_POLICIES);
    acc.add(h!.facts, h!.events, 1);
    expect(acc.rows(officeId, { skipZero: true }).length).toBeGreaterThan(0);
    acc.add(h!.facts, h!.events, -1);
    expect(acc.rows(officeId, { skipZero: true })).toEqual([]);
  });

  it('refuses dates out of order', () => {
    expect(() => new SnapshotTotalsAccumulator(['2025-01-31', '2025-01-23'], DEFAULT_POLICIES)).toThrow(RangeError);
  });
});

describe('caseContributionsAt', () => {
  it('gives caseContribution for each period, the history replayed once', () => {
    fc.assert(
      fc.property(arbCaseHistory({ maxSteps: 30 }), (h) => {
        const periods = snapshotDatesBetween('2016-10-08', '2030-12-31').filter((_, i) => i % 7 === 0).map((to) => ({ from: fiscalYearStartOf(to), to }));
        expect(caseContributionsAt(h.facts, h.events, periods)).toEqual(periods.map((p) => caseContribution(h.facts, h.events, p.from, p.to)));
      }),
      { numRuns: 100, seed: 11 },
    );
  });
});
