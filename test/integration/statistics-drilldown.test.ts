/**
 * Every number is a link to the exact list of cases behind it (statistics.md §6): for every cell of both
 * forms, of the report and of each breakdown row, the listed cases' values add up exactly to the cell.
 */
import { systemReader } from '../../src/modules/organisation/domain/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Breakdown } from '../../src/modules/statistics/app/statistics.service.js';
import { CASE_KEYS, MONEY_KEYS, type StatisticsReport } from '../../src/modules/statistics/domain/index.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { bulkInsert, generateHistories, setupOrganisation } from './statistics-support.js';

/** The tests read as the system (the scope check itself is tested through the HTTP routes and in statistics-scope). */
const system = systemReader('test');

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  await setupOrganisation(t.rt);
  await bulkInsert(t.rt, generateHistories(220, 31_337, 26));
  await t.rt.statistics.rebuild({ fromFiscalYear: 2016, throughMonthEnd: '2030-12-31' });
}, 240_000);
afterAll(async () => t?.close());

type Cell = { form: 'cases' | 'money'; key: string; expected: string };
const cellsOf = (r: StatisticsReport): Cell[] => [
  ...CASE_KEYS.map((key) => ({ form: 'cases' as const, key, expected: String(r.cases[key]) })),
  ...MONEY_KEYS.map((key) => ({ form: 'money' as const, key, expected: r.money[key].toString() })),
];

async function allItems(unit: string, to: string, from: string | undefined, c: Cell, by?: Breakdown, value?: string) {
  const items = [];
  let first;
  for (let page = 1; ; page++) {
    const list = await t.rt.statistics.cases(system, unit, to, from, { form: c.form, key: c.key, by, value, page, pageSize: 500 });
    first ??= list;
    items.push(...list.items);
    if (!list.hasMore) break;
  }
  return { first: first!, items };
}

async function expectCellsAddUp(unit: string, to: string, from: string | undefined, report: StatisticsReport, by?: Breakdown, value?: string) {
  let nonZero = 0;
  for (const c of cellsOf(report)) {
    const { first, items } = await allItems(unit, to, from, c, by, value);
    const where = `${unit} ${to} ${by ?? ''}=${value ?? ''} ${c.form}.${c.key}`;
    expect(String(first.total), where).toBe(c.expected);
    if (first.count !== null) expect(items.length, where).toBe(first.count);
    expect(items.reduce((s, i) => s + BigInt(i.value), 0n).toString(), where).toBe(c.expected);
    expect(items.every((i) => BigInt(i.value) !== 0n), where).toBe(true);
    if (c.form === 'cases') expect(items.every((i) => i.value === 1), where).toBe(true);
    if (c.expected !== '0') nonZero++;
  }
  return nonZero;
}

describe('drill-down', () => {
  for (const [unit, to, from] of [['VN', '2027-09-30', undefined], ['TN', '2026-02-17', undefined], ['LA-CT', '2021-06-30', '2019-04-01']] as const) {
    it(`every cell of ${unit} ${from ?? ''}…${to}, of the report and of every breakdown row`, async () => {
      const r = await t.rt.statistics.report(system, unit, to, from);
      expect(await expectCellsAddUp(unit, to, from, r.report)).toBeGreaterThan(15);
      for (const by of ['office', 'province', 'initiation', 'category', 'commune', 'enforcer', 'month'] as const) {
        const b = await t.rt.statistics.breakdown(system, unit, to, from, by);
        for (const row of b.rows) await expectCellsAddUp(unit, to, from, row.report, by, row.key ?? '');
      }
    }, 240_000);
  }

  it('pages of a cell concatenate to the whole list, ordered by office and case', async () => {
    const c: Cell = { form: 'money', key: 'to_enforce', expected: '' };
    const { items: all } = await allItems('VN', '2027-09-30', undefined, c);
    expect(all.length).toBeGreaterThan(20);
    const pages = [];
    for (let p = 1; ; p++) {
      const list = await t.rt.statistics.cases(system, 'VN', '2027-09-30', undefined, { form: 'money', key: 'to_enforce', page: p, pageSize: 7 });
      pages.push(...list.items);
      if (!list.hasMore) break;
    }
    expect(pages).toEqual(all);
    const ids = (await t.rt.units.all()).reduce((m, u) => m.set(u.code, u.id), new Map<string, number>());
    const order = all.map((i) => `${String(ids.get(i.office!)).padStart(6, '0')} ${i.caseId}`);
    expect(order).toEqual([...order].sort());
  });
});
