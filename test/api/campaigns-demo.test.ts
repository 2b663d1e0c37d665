/**
 * The demo's peak campaigns (issue #14 items 6 and 9): one per fiscal year 2015–2026 over LA-CT, then TN-KV3,
 * plus the one running at the demo's today; those ended are closed with frozen figures equal to the
 * statistics engine's for the same dates, and the published rates are untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoApp, type Session, type TestApp } from '../support/harness.js';

let t: TestApp;
let head: Session;
let member: Session;
interface Item { id: string; name: string; from: string; to: string; status: string; unit: { code: string }; decidedBy: string; targets: { cases: number | null; money: string | null } }
let items: Item[];

beforeAll(async () => {
  t = await startDemoApp();
  head = await t.login('truong.phong');
  member = await t.login('to.van.dong');
  const r = await t.as(head, 'GET', '/api/campaigns?unit=TN-KV3');
  expect(r.statusCode, r.body).toBe(200);
  items = r.json().items;
}, 400_000);
afterAll(async () => t?.close());

describe('the demo campaigns', () => {
  it('one per fiscal year 2015–2026 and one running, newest first; ended ones closed', () => {
    expect(items.map((c) => c.from)).toEqual([
      '2026-10-15', '2026-06-01', '2025-05-15', ...Array.from({ length: 10 }, (_, i) => `${2024 - i}-06-01`),
    ]);
    expect(items.filter((c) => c.status === 'open').map((c) => c.from)).toEqual(['2026-10-15']);
    expect(items.find((c) => c.from === '2016-06-01')).toMatchObject({ name: 'Đợt cao điểm thi hành án năm 2016', to: '2016-07-31', unit: { code: 'LA-CT' } });
    expect(items.find((c) => c.from === '2026-06-01')!.unit.code).toBe('TN-KV3');
    expect(new Set(items.map((c) => c.decidedBy))).toEqual(new Set(['committee', 'office']));
    for (const c of items) expect(c.targets.cases).toBeGreaterThan(0);
  });

  it('a closed campaign answers its frozen figures, equal to the statistics for its dates, each row its drill-down', async () => {
    const c = items.find((x) => x.from === '2016-06-01')!;
    const detail = (await t.as(head, 'GET', `/api/campaigns/${c.id}`)).json();
    expect(detail.namedCases).toHaveLength(3);
    expect(detail.namedCases[0].frozen).not.toBeNull();
    const report = (await t.as(head, 'GET', `/api/statistics/report?unit=LA-CT&from=${c.from}&to=${c.to}`)).json().report;
    expect(report.cases.resolved).toBeGreaterThan(0);
    for (const by of ['office', 'enforcer', 'team']) {
      const b = (await t.as(head, 'GET', `/api/campaigns/${c.id}/leaderboard?by=${by}&unit=LA-CT`)).json();
      expect(b.total.casesResolved).toBe(report.cases.resolved);
      expect(b.total.moneyResolved).toBe(report.money.resolved);
      const rows = b.rows as { casesResolved: number; moneyResolved: string; drillDown: { cases: string; money: string } }[];
      expect(rows.reduce((s, r) => s + r.casesResolved, 0)).toBe(report.cases.resolved);
      expect(rows.reduce((s, r) => s + BigInt(r.moneyResolved), 0n).toString()).toBe(report.money.resolved);
      const top = rows[0]!;
      const cases = (await t.as(head, 'GET', `${top.drillDown.cases}&pageSize=5000`)).json();
      expect(cases.items.reduce((s: number, i: { value: number }) => s + i.value, 0)).toBe(top.casesResolved);
      if (by === 'team') expect(rows.some((r) => r.casesResolved > 0 && (r as unknown as { key: string | null }).key !== null)).toBe(true);
    }
  });

  it('the frozen leaderboard (for the campaign’s own unit) is marked frozen; progress ends at the total', async () => {
    const c = items.find((x) => x.from === '2026-06-01')!;
    const b = (await t.as(head, 'GET', `/api/campaigns/${c.id}/leaderboard?by=enforcer`)).json();
    expect(b.frozen).toBe(true);
    const p = (await t.as(head, 'GET', `/api/campaigns/${c.id}/progress`)).json();
    expect(p.points).toHaveLength(61);
    expect(p.points.at(-1)).toMatchObject({ cases: b.total.casesResolved, money: b.total.moneyResolved });
  });

  it('the running campaign is live; a team member reads it', async () => {
    const c = items.find((x) => x.status === 'open')!;
    const b = await t.as(member, 'GET', `/api/campaigns/${c.id}/leaderboard?by=team`);
    expect(b.statusCode, b.body).toBe(200);
    expect(b.json()).toMatchObject({ frozen: false, counted: { from: '2026-10-15', to: '2026-11-20' } });
    const p = (await t.as(head, 'GET', `/api/campaigns/${c.id}/progress`)).json();
    expect(p.points.at(-1)).toMatchObject({ cases: b.json().total.casesResolved, money: b.json().total.moneyResolved });
  });

  it('the published rates of 2015–2020 stay exact', async () => {
    const r = (await t.as(head, 'GET', '/api/statistics/report?unit=LA-CT&to=2016-09-30')).json().report;
    expect(r.cases.rate).toBe(77.43);
  });
});
