import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCase } from '../../src/modules/cases/infra/cases.repository.js';
import { effectiveEvents } from '../../src/modules/cases/domain/index.js';
import { coercionAvoided, instalmentStatuses, persuadingVisitFor, RESULT_FIGURES, type ResultFigure } from '../../src/modules/mobilisation/domain/index.js';
import { visitsOfCases } from '../../src/modules/mobilisation/infra/visits.repository.js';
import { deriveCase, rateOf } from '../../src/modules/statistics/domain/index.js';
import published from '../../../shared/data/chau-thanh-2015-2020.json' with { type: 'json' };
import JSZip from 'jszip';
import { formatMoneyVnd, groupDigits } from '../../src/kernel/format/index.js';
import { systemReader } from '../../src/modules/organisation/domain/index.js';
import { startDemoApp, type Session, type TestApp } from '../support/harness.js';

/**
 * The mobilisation figures (issue #14 item 4) over the demo: LA-CT's 13 teams 2015–2025 and TN-KV3's four
 * re-formed teams, their visits read from the demo's case events. Every figure equals the sum of its
 * drill-down; the rows add up to the total; the attributed items are exactly those the domain rules
 * (persuadingVisitFor, coercionAvoided, instalmentStatuses) select from each case's own events and the
 * statistics' derived flows; the share is of the official report for the same dates.
 */
let t: TestApp;
let head: Session; // truong.phong, head of TN-KV3
let member: Session; // to.van.dong, deputy of the Tầm Vu team (TN-KV3)

beforeAll(async () => {
  t = await startDemoApp();
  head = await t.login('truong.phong');
  member = await t.login('to.van.dong');
}, 240_000);
afterAll(async () => t?.close());

type Figures = Record<ResultFigure, number | string>;
interface Row { key: string | null; label: string | null; figures: Figures; share: { cases: number | null; money: number | null }; drillDown: Record<ResultFigure, string> }
interface Results { total: { figures: Figures; share: { cases: number | null; money: number | null } }; rows: Row[]; official: { casesResolved: number; moneyCollected: string }; policy: { windowDays: number } }
interface Item { caseId: string; teamId: string; visitId: string | null; on: string; value: number | string }

const big = (v: number | string) => BigInt(v);

async function results(s: Session, q: string): Promise<Results> {
  const r = await t.as(s, 'GET', `/api/mobilisation/results?${q}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

/** Every item behind a drill-down link, all pages. */
async function allItems(s: Session, link: string): Promise<{ total: bigint; count: number; items: Item[] }> {
  const items: Item[] = [];
  let total = 0n;
  let count = 0;
  for (let page = 1; ; page++) {
    const r = await t.as(s, 'GET', `${link}&page=${page}&pageSize=500`);
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    items.push(...body.items);
    total = big(body.total);
    count = body.count;
    if (!body.hasMore) break;
  }
  return { total, count, items };
}

describe('GET /api/mobilisation/results', () => {
  it('by team, fiscal year 2017 of LA-CT: the 13 teams, each figure the sum of its drill-down, the rows the total', async () => {
    const body = await results(head, 'unit=LA-CT&from=2016-10-01&to=2017-09-30&by=team');
    expect(body.policy.windowDays).toBe(30);
    expect(body.rows).toHaveLength(13);
    // one team per commune of the published account
    expect(published.communes).toHaveLength(13);
    for (const c of published.communes) expect(body.rows.filter((r) => r.label!.endsWith(c.replace(/^Thị trấn |^Xã /, ''))), c).toHaveLength(1);
    for (const f of RESULT_FIGURES) {
      const sum = body.rows.reduce((s, r) => s + big(r.figures[f]), 0n);
      expect(sum, f).toBe(big(body.total.figures[f]));
    }
    // the teams did work that year: visits, agreements kept, cases and money resolved after a visit
    for (const f of ['casesAssigned', 'visits', 'casesResolved', 'moneyResolved', 'promisesKept', 'promisesBroken'] as const) expect(big(body.total.figures[f]), f).toBeGreaterThan(0n);
    for (const row of body.rows) {
      for (const f of RESULT_FIGURES) {
        const d = await allItems(head, row.drillDown[f]);
        expect(d.total, `${row.label} ${f}`).toBe(big(row.figures[f]));
        expect(d.items.reduce((s, i) => s + big(i.value), 0n), `${row.label} ${f}`).toBe(d.total);
        expect(d.items.length).toBe(d.count);
        for (const i of d.items) expect(i.teamId).toBe(row.key);
      }
    }
  }, 120_000);

  it('takes its share of the official report for the same dates, and never exceeds it', async () => {
    for (const y of [2016, 2018, 2020, 2025]) {
      const from = `${y - 1}-10-01`;
      const to = `${y}-09-30`;
      const body = await results(head, `unit=TN-KV3&from=${from}&to=${to}&by=team`);
      const report = (await t.as(head, 'GET', `/api/statistics/report?unit=TN-KV3&from=${from}&to=${to}`)).json().report;
      expect(body.official).toEqual({ casesResolved: report.cases.resolved, moneyCollected: report.money.completed });
      expect(body.total.share).toEqual({
        cases: rateOf(big(body.total.figures.casesResolved), BigInt(report.cases.resolved)),
        money: rateOf(big(body.total.figures.moneyResolved), BigInt(report.money.completed)),
      });
      expect(body.total.share.cases!).toBeGreaterThan(0);
      expect(body.total.share.cases!).toBeLessThan(100);
    }
  });

  it('groups by commune and by enforcer with the same totals', async () => {
    const q = 'unit=TN-KV3&from=2019-10-01&to=2020-09-30';
    const byTeam = await results(head, `${q}&by=team`);
    for (const by of ['commune', 'enforcer']) {
      const body = await results(head, `${q}&by=${by}`);
      expect(body.total.figures).toEqual(byTeam.total.figures);
      for (const f of RESULT_FIGURES) expect(body.rows.reduce((s, r) => s + big(r.figures[f]), 0n)).toBe(big(body.total.figures[f]));
      expect(body.rows.every((r) => r.label !== null || r.key === null)).toBe(true);
    }
  });

  it('attributes exactly what the domain rules attribute, case by case (fiscal year 2019)', async () => {
    const from = '2018-10-01';
    const to = '2019-09-30';
    const body = await results(head, `unit=LA-CT&from=${from}&to=${to}&by=team`);
    const total = (f: ResultFigure) => `/api/mobilisation/results/cases?unit=LA-CT&from=${from}&to=${to}&by=team&figure=${f}`;
    const money = await allItems(head, total('moneyResolved'));
    const resolved = await allItems(head, total('casesResolved'));
    const avoided = await allItems(head, total('coercionsAvoided'));
    const kept = await allItems(head, total('promisesKept'));
    const broken = await allItems(head, total('promisesBroken'));
    expect(money.total).toBe(big(body.total.figures.moneyResolved));
    // the cases the domain must see: every case with a visit of an LA-CT team dated up to the year's end
    const caseIds = (await t.rt.db.selectFrom('mobilisation_visits').select('case_id').distinct().where('on', '<=', to).where('on', '>=', '2018-08-01').execute()).map((r) => r.case_id);
    expect(caseIds.length).toBeGreaterThan(50);
    const visits = await visitsOfCases(t.rt.db, caseIds);
    const units = await t.rt.units.all();
    const codeOf = (id: number) => units.find((u) => u.id === id)?.code;
    const policy = { windowDays: 30 };
    const expected = { money: [] as string[], resolved: [] as string[], avoided: [] as string[], kept: [] as string[], broken: [] as string[] };
    const assignments = await t.rt.db.selectFrom('mobilisation_assignments').select(['id', 'case_id', 'coercion_planned_on']).where('case_id', 'in', caseIds).execute();
    const visitAssignment = new Map((await t.rt.db.selectFrom('mobilisation_visits').select(['id', 'assignment_id']).where('case_id', 'in', caseIds).execute()).map((v) => [v.id.toString(), v.assignment_id.toString()]));
    for (const id of caseIds) {
      const c = (await loadCase(t.rt.db, id, { officeCodes: codeOf }))!;
      const events = effectiveEvents(c.events);
      const derived = deriveCase(c.facts, events);
      // the report's episode: the last started on or before `to`, not ended before `from`
      const ep = derived.episodes.filter((e) => e.startOn <= to).at(-1);
      if (!ep || (ep.endOn !== null && ep.endOn < from)) continue;
      const held = derived.offices.find((o) => o.fromOn <= to && (o.toOn === null || o.toOn > to))?.office;
      if (held !== 'LA-CT') continue;
      const vs = visits.get(id) ?? [];
      for (const f of derived.flows) {
        if (f.kind !== 'paid' || f.episodeNo !== ep.episodeNo || f.on < from || f.on > to) continue;
        const v = persuadingVisitFor(f.on, vs, policy);
        if (v) expected.money.push(`${id}|${f.on}|${f.amount}|${v.id}`);
      }
      if (ep.endType === 'completed' && ep.endOn! >= from && ep.endOn! <= to) {
        const v = persuadingVisitFor(ep.endOn!, vs, policy);
        if (v) {
          expected.resolved.push(`${id}|${v.id}`);
          const planned = assignments.find((a) => a.id.toString() === visitAssignment.get(v.id))?.coercion_planned_on ?? null;
          if (coercionAvoided(events, vs, policy, planned)) expected.avoided.push(`${id}|${v.id}`);
        }
      }
      for (const v of vs) {
        for (const s of instalmentStatuses(v, events, '2026-11-20')) {
          if (s.due < from || s.due > to) continue;
          if (s.state === 'kept') expected.kept.push(`${id}|${v.id}|${s.due}`);
          if (s.state === 'broken') expected.broken.push(`${id}|${v.id}|${s.due}`);
        }
      }
    }
    const sorted = (xs: string[]) => [...xs].sort();
    // items of cases outside the sample (visited only before August 2018) cannot be checked here: drop them
    const sample = new Set(caseIds);
    const inSample = (i: Item) => sample.has(i.caseId);
    expect(sorted(money.items.filter(inSample).map((i) => `${i.caseId}|${i.on}|${i.value}|${i.visitId}`))).toEqual(sorted(expected.money));
    expect(sorted(resolved.items.filter(inSample).map((i) => `${i.caseId}|${i.visitId}`))).toEqual(sorted(expected.resolved));
    expect(sorted(avoided.items.filter(inSample).map((i) => `${i.caseId}|${i.visitId}`))).toEqual(sorted(expected.avoided));
    expect(sorted(kept.items.filter(inSample).map((i) => `${i.caseId}|${i.visitId}|${i.on}`))).toEqual(sorted(expected.kept));
    expect(sorted(broken.items.filter(inSample).map((i) => `${i.caseId}|${i.visitId}|${i.on}`))).toEqual(sorted(expected.broken));
    // the sample is the whole year's work: a payment in the year is attributed to a visit of at most 30 days before
    expect(money.items.every(inSample)).toBe(true);
    expect(resolved.items.every(inSample)).toBe(true);
    expect(expected.money.length).toBeGreaterThan(20);
  }, 180_000);

  it('recomputes every figure when the attribution window changes', async () => {
    const admin = await t.login('admin');
    const q = 'unit=TN-KV3&from=2019-10-01&to=2020-09-30&by=team';
    const before = await results(head, q);
    expect((await t.as(head, 'PUT', '/api/mobilisation/policy', { windowDays: 0 })).statusCode).toBe(403);
    const bad = await t.as(admin, 'PUT', '/api/mobilisation/policy', { windowDays: 400 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ field: 'windowDays', rule: 'range' });
    expect((await t.as(admin, 'PUT', '/api/mobilisation/policy', { windowDays: 0 })).statusCode).toBe(200);
    const narrow = await results(head, q);
    expect(narrow.policy.windowDays).toBe(0);
    expect(big(narrow.total.figures.moneyResolved)).toBeLessThan(big(before.total.figures.moneyResolved));
    expect(big(narrow.total.figures.moneyResolved)).toBeGreaterThan(0n); // payments on the spot, agreements kept the same day
    expect(narrow.total.figures.visits).toBe(before.total.figures.visits);
    expect((await t.as(admin, 'PUT', '/api/mobilisation/policy', { windowDays: 30 })).statusCode).toBe(200);
    expect((await results(head, q)).total.figures).toEqual(before.total.figures);
  });
});

describe('what was resolved within dates, read from the rows dated in them (nationwide leaderboards)', () => {
  it('equals the full report\'s breakdown for any dates and grouping', async () => {
    const sys = systemReader('test');
    for (const [from, to] of [['2016-06-01', '2016-07-31'], ['2019-10-15', '2020-03-10'], ['2025-05-15', '2025-08-31'], ['2026-10-15', '2026-11-20']] as const) {
      for (const by of ['office', 'enforcer', 'commune'] as const) {
        const fast = await t.rt.statistics.resolvedBy(sys, 'VN', to, from, by);
        const full = await t.rt.statistics.breakdown(sys, 'VN', to, from, by);
        const expected = full.rows
          .filter((r) => r.report.cases.resolved > 0 || r.report.money.resolved > 0n)
          .map((r) => ({ key: r.key, cases: r.report.cases.resolved, money: r.report.money.resolved }));
        const got = fast.rows.filter((r) => r.casesResolved > 0 || r.moneyResolved > 0n).map((r) => ({ key: r.key, cases: r.casesResolved, money: r.moneyResolved }));
        const order = (xs: { key: string | null }[]) => [...xs].sort((a, b) => String(a.key).localeCompare(String(b.key)));
        expect(order(got), `${from}…${to} by ${by}`).toEqual(order(expected));
        expect(fast.total.casesResolved).toBe(full.total.cases.resolved);
        expect(fast.total.moneyResolved).toBe(full.total.money.resolved);
        expect(fast.total.moneyWithMeansInPeriod).toBe(full.total.money.completed + full.total.money.terminated + full.total.money.reduced);
      }
    }
  });

  it('a nationwide campaign\'s leaderboard: the totals and the rates of the report for the same dates', async () => {
    const admin = await t.login('admin');
    const c = await t.as(admin, 'POST', '/api/campaigns', {
      unit: 'VN', name: 'Đợt cao điểm toàn quốc 2020', decision: { number: '9/QĐ-TCTHADS', date: '2019-12-20', signer: 'Tổng Cục trưởng' }, decidedBy: 'office',
      from: '2020-01-02', to: '2020-06-30', targets: { casesRate: 80 },
    });
    expect(c.statusCode, c.body).toBe(201);
    const id = c.json().campaign?.id ?? c.json().id;
    const board = (await t.as(admin, 'GET', `/api/campaigns/${id}/leaderboard?by=office`)).json();
    const report = (await t.as(admin, 'GET', '/api/statistics/report?unit=VN&from=2020-01-02&to=2020-06-30')).json().report;
    expect(board.total.casesResolved).toBe(report.cases.resolved);
    expect(String(board.total.moneyResolved)).toBe(report.money.resolved);
    expect(board.total.withMeans).toBe(report.cases.with_means);
    expect(String(board.total.moneyWithMeans)).toBe(report.money.with_means);
    expect(board.total.rate).toBe(report.cases.rate);
    expect(board.total.moneyRate).toBe(report.money.rate);
    expect(board.rows.map((r: { key: string }) => r.key)).toContain('LA-CT');
  });
});

describe('the report to the steering committee', () => {
  it('quotes the teams\' figures of the fiscal year (section III)', async () => {
    const body = await results(head, 'unit=LA-CT&from=2019-10-01&to=2020-09-30&by=team');
    const r = await t.as(head, 'GET', '/api/steering/report.docx?unit=LA-CT&to=2020-09-30');
    expect(r.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(r.rawPayload)).file('word/document.xml')!.async('string');
    const teams = body.rows.filter((row) => big(row.figures.visits) > 0n).length;
    expect(teams).toBe(13);
    expect(xml).toContain(`Số Tổ vận động thi hành án dân sự: ${teams}; số lượt vận động: ${groupDigits(big(body.total.figures.visits))}.`);
    expect(xml).toContain(`Kết quả sau vận động: ${groupDigits(big(body.total.figures.casesResolved))} việc, ${formatMoneyVnd(big(body.total.figures.moneyResolved))} được giải quyết`);
  });
});

describe('who sees what', () => {
  it('a team member sees the rows of their own team and its cases, nothing else', async () => {
    const body = await results(member, 'unit=TN-KV3&from=2025-10-01&to=2026-11-20&by=team');
    expect(body.rows).toHaveLength(1);
    expect(body.rows[0]!.label).toContain('Tầm Vu');
    const d = await t.as(member, 'GET', body.rows[0]!.drillDown.visits);
    expect(d.statusCode, d.body).toBe(200);
    const all = await results(head, 'unit=TN-KV3&from=2025-10-01&to=2026-11-20&by=team');
    const other = all.rows.find((r) => r.key !== body.rows[0]!.key)!;
    expect((await t.as(member, 'GET', other.drillDown.visits)).statusCode).toBe(404);
    expect((await t.as(member, 'GET', '/api/mobilisation/results?unit=TN-KV3&from=2025-10-01&to=2026-11-20&by=commune')).statusCode).toBe(400);
  });

  it('a unit outside the scope answers 404, bad dates 400', async () => {
    expect((await t.as(head, 'GET', '/api/mobilisation/results?unit=TN-KV1&from=2025-10-01&to=2026-09-30')).statusCode).toBe(404);
    const r = await t.as(head, 'GET', '/api/mobilisation/results?unit=TN-KV3&from=2026-10-01&to=2026-09-30');
    expect(r.statusCode).toBe(400);
    expect((await t.as(head, 'GET', '/api/mobilisation/results/cases?unit=TN-KV3&from=2025-10-01&to=2026-09-30&figure=nope')).statusCode).toBe(400);
  });
});
