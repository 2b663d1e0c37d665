/**
 * The statistics engine against the domain: for a few hundred generated valid histories over four offices,
 * the SQL report, the month-end totals and the corrected totals all equal assembleReport over the domain's
 * per-case contributions, for many units and periods (event dates, days around them, month ends, custom
 * starts), with the default policies and with other ones.
 */
import { systemReader } from '../../src/modules/organisation/domain/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSnapshotDate, monthEndOf, previousMonthEnd, snapshotDatesAround } from '../../src/modules/statistics/app/months.js';
import { defaultFrom, DEFAULT_POLICIES, fiscalYearOf, type StatisticsPolicies } from '../../src/modules/statistics/domain/index.js';
import type { CaseHistory } from '../support/case-factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import {
  bulkInsert, generateHistories, interestingDates, oracleReport, random, scopeCodes, setupOrganisation, systemActor, UNITS,
} from './statistics-support.js';

/** The tests read as the system (the scope check itself is tested through the HTTP routes and in statistics-scope). */
const system = systemReader('test');

let t: TestApp;
let histories: CaseHistory[];
const scopes = new Map<string, Set<string>>();

beforeAll(async () => {
  t = await startTestApp();
  await setupOrganisation(t.rt);
  histories = generateHistories(320, 20_260_001);
  await bulkInsert(t.rt, histories);
  await t.rt.statistics.rebuild({ fromFiscalYear: 2015, throughMonthEnd: '2031-12-31' });
  for (const u of UNITS) scopes.set(u, await scopeCodes(t.rt, u));
}, 240_000);
afterAll(async () => t?.close());

async function check(unit: string, to: string, from: string | undefined, policies: StatisticsPolicies, paths: ('sql' | 'auto')[] = ['sql', 'auto']) {
  const period = t.rt.statistics.periodOf(to, from);
  for (const path of paths) {
    const r = await t.rt.statistics.report(system, unit, to, from, { path });
    const expected = oracleReport(histories, unit, scopes.get(unit)!, period, policies, r.report.target);
    expect(r.report, `${unit} ${period.from}…${period.to} via ${r.source}`).toEqual(expected);
    expect(r.identities).toEqual([]);
  }
}

describe('the SQL report equals the domain', () => {
  it('generated data is varied enough to mean something', () => {
    const types = new Set(histories.flatMap((h) => h.events.map((e) => e.type)));
    for (const t of ['payment', 'reduced', 'performed', 'completed', 'terminated', 'transferred_out', 'withdrawn', 'separate_ledger', 'resumed', 'office_changed', 'postponed']) {
      expect(types, t).toContain(t);
    }
    expect(histories.length).toBeGreaterThan(300);
  });

  it('for every unit over periodic reports ending on event dates, around them and on month ends', async () => {
    const rnd = random(7);
    for (const to of interestingDates(histories, rnd, 40)) {
      for (const unit of UNITS) await check(unit, to, undefined, DEFAULT_POLICIES);
    }
  }, 240_000);

  it('for custom starts (from on event dates, from = to, long and short periods)', async () => {
    const rnd = random(11);
    const dates = interestingDates(histories, rnd, 60);
    for (let i = 0; i + 1 < dates.length; i += 2) {
      const [a, b] = [dates[i]!, dates[i + 1]!].sort();
      const unit = UNITS[Math.floor(rnd() * UNITS.length)]!;
      await check(unit, b!, a, DEFAULT_POLICIES);
      await check(unit, a!, a, DEFAULT_POLICIES);
    }
  }, 240_000);

  it('stored totals (month ends, snapshot dates) and corrected totals equal the SQL report', async () => {
    const rnd = random(13);
    const dates = interestingDates(histories, rnd, 30);
    for (const d of dates.slice(0, 10)) dates.push(snapshotDatesAround(d).after);
    for (const to of dates) {
      const unit = UNITS[Math.floor(rnd() * UNITS.length)]!;
      const period = t.rt.statistics.periodOf(to);
      const sqlReport = (await t.rt.statistics.report(system, unit, to, undefined, { path: 'sql' })).report;
      if (isSnapshotDate(to)) {
        const snap = await t.rt.statistics.report(system, unit, to, undefined, { path: 'snapshot' });
        expect(snap.source).toBe('snapshot');
        expect(snap.report).toEqual(sqlReport);
      }
      // Corrections from the snapshot dates around, the month ends around (same fiscal year).
      const around = snapshotDatesAround(to);
      for (const anchor of [around.before, around.after, previousMonthEnd(to), monthEndOf(to)]) {
        if (anchor < period.from || anchor === to || fiscalYearOf(anchor) !== fiscalYearOf(to)) continue;
        const c = await t.rt.statistics.report(system, unit, to, undefined, { path: 'corrections', anchor });
        expect(c.source).toBe('corrections');
        expect(c.report, `${unit} ${to} from ${anchor}`).toEqual(sqlReport);
      }
      const auto = await t.rt.statistics.report(system, unit, to);
      expect(auto.report).toEqual(sqlReport);
      expect(period.from).toBe(defaultFrom(to));
    }
  }, 240_000);

  it('with other policies: money resolved = completed only, a postponement ground counted without means', async () => {
    const policies: StatisticsPolicies = { moneyResolved: ['completed'], postponementGroundsWithoutMeans: [' Điều 48 khoản 1 điểm a', 'Người phải thi hành án bị ốm nặng'] };
    await t.rt.statistics.setPolicies(await systemActor(t.rt), policies);
    const stored = (await t.rt.statistics.policies()).policies;
    expect(stored).toEqual(policies);
    const rnd = random(17);
    for (const to of interestingDates(histories, rnd, 16)) {
      for (const unit of ['TN', 'LA-CT', 'VN']) await check(unit, to, undefined, stored);
    }
    // Stored totals were recomputed with the new grounds.
    for (const to of ['2020-09-30', '2026-06-15', '2028-03-31']) {
      for (const unit of ['TN-KV3', 'VN']) {
        const snap = await t.rt.statistics.report(system, unit, to, undefined, { path: 'snapshot' });
        const period = t.rt.statistics.periodOf(to);
        expect(snap.report).toEqual(oracleReport(histories, unit, scopes.get(unit)!, period, stored, snap.report.target));
      }
    }
    await t.rt.statistics.setPolicies(await systemActor(t.rt), DEFAULT_POLICIES);
  }, 240_000);

  it('a postponement ground in the policy moves cases from postponed to without means and nothing else', async () => {
    const to = '2030-12-31';
    const before = (await t.rt.statistics.report(system, 'VN', to, '2015-01-01', { path: 'sql' })).report;
    await t.rt.statistics.setPolicies(await systemActor(t.rt), { ...DEFAULT_POLICIES, postponementGroundsWithoutMeans: ['Điều 48 khoản 1 điểm a', 'Điều 49 khoản 2', 'Người phải thi hành án bị ốm nặng', 'Điều 50 khoản 1 điểm c'] });
    const after = (await t.rt.statistics.report(system, 'VN', to, '2015-01-01', { path: 'sql' })).report;
    await t.rt.statistics.setPolicies(await systemActor(t.rt), DEFAULT_POLICIES);
    expect(after.cases.postponed).toBe(0);
    expect(after.cases.without_means).toBe(before.cases.without_means + before.cases.postponed);
    expect(after.cases.total).toBe(before.cases.total);
  }, 120_000);
});

describe('breakdowns', () => {
  it('rows by office, province, initiation, category, commune and enforcer add up to the report', async () => {
    for (const [unit, to] of [['VN', '2027-09-30'], ['TN', '2026-03-15'], ['LA-CT', '2019-09-30']] as const) {
      for (const by of ['office', 'initiation', 'category', 'commune', 'enforcer'] as const) {
        const b = await t.rt.statistics.breakdown(system, unit, to, undefined, by);
        for (const key of ['carried_over', 'new', 'completed', 'in_progress', 'without_means'] as const) {
          expect(b.rows.reduce((s, r) => s + r.report.cases[key], 0), `${unit} ${by} ${key}`).toBe(b.total.cases[key]);
          expect(b.rows.reduce((s, r) => s + r.report.money[key], 0n), `${unit} ${by} money ${key}`).toBe(b.total.money[key]);
        }
      }
    }
  }, 120_000);

  it('by province: each row is the province report; by month: each row is the cumulative report to that month end', async () => {
    const b = await t.rt.statistics.breakdown(system, 'VN', '2027-09-30', undefined, 'province');
    for (const row of b.rows) {
      expect(row.report).toEqual({ ...(await t.rt.statistics.report(system, row.key!, '2027-09-30')).report, office: row.key });
    }
    const m = await t.rt.statistics.breakdown(system, 'TN', '2027-03-20', undefined, 'month');
    expect(m.rows.map((r) => r.key)).toEqual(['2026-10-31', '2026-11-30', '2026-12-31', '2027-01-31', '2027-02-28', '2027-03-20']);
    for (const row of m.rows) {
      const period = { from: '2026-10-01', to: row.key! };
      expect(row.report).toEqual(oracleReport(histories, 'TN', scopes.get('TN')!, period, DEFAULT_POLICIES, row.report.target));
    }
  }, 120_000);
});
