/**
 * Peak campaigns (đợt cao điểm, issue #14 item 6) through the HTTP API over a few cases written by the API:
 * the leaderboard counts with the statistics engine itself (its totals equal GET /api/statistics/report for
 * the same dates, every row equals the sum of its drill-down), progress day by day ends at the total, the
 * close freezes the figures, bad input and out-of-scope requests are refused.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCaseBody, startTestApp, type Session, type TestApp } from '../support/harness.js';

let t: TestApp;
let admin: Session;
let head: Session; // truong.phong, TN-KV3
let province: Session; // lanh.dao.tinh, TN
let enforcer: Session;
let member: Session;
const ids: string[] = [];
let campaignId: string;
let foreignId: string;

const FROM = '2026-10-15';
const TODAY = '2026-11-20';
const count = async (table: 'campaigns' | 'campaign_cases') => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(t.rt.db)).rows[0]!.n);
const body = (over: Record<string, unknown> = {}) => ({
  unit: 'TN-KV3', name: 'Đợt cao điểm thi hành án cuối năm 2026', decision: { number: '25/QĐ-PTHADS', date: '2026-10-10', signer: 'Lương Thị Thu Hà' },
  decidedBy: 'office', from: FROM, to: '2026-12-31', targets: { cases: 4, money: '20000000', casesRate: 50 }, ...over,
});

const versions = new Map<string, number>();
async function event(s: Session, id: string, ev: Record<string, unknown>) {
  const r = await t.as(s, 'POST', `/api/cases/${encodeURIComponent(id)}/events`, { expectedVersion: versions.get(id) ?? 0, event: ev });
  expect(r.statusCode, r.body).toBe(201);
  versions.set(id, r.json().version);
}

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-11-20T03:00:00Z');
  admin = await t.login('admin');
  head = await t.login('truong.phong');
  province = await t.login('lanh.dao.tinh');
  enforcer = await t.login('chv.an');
  member = await t.login('to.van.dong');
  for (const unit of [
    { code: 'HN', name: 'Thi hành án dân sự thành phố Hà Nội', level: 'province', parentCode: 'VN', validFrom: '2025-07-01' },
    { code: 'HN-KV1', name: 'Phòng Thi hành án dân sự khu vực 1 – Hà Nội', level: 'office', parentCode: 'HN', validFrom: '2025-07-01' },
  ]) expect((await t.as(admin, 'POST', '/api/units', unit)).statusCode).toBe(201);
  const cases = [
    { n: '101/QĐ-THADS', on: '2026-10-01', enforcer: 'TN-KV3-01', commune: '28210' },
    { n: '102/QĐ-THADS', on: '2026-10-02', enforcer: 'TN-KV3-02', commune: '28222' },
    { n: '103/QĐ-THADS', on: '2026-10-03', enforcer: 'TN-KV3-02', commune: '28222' },
    { n: '104/QĐ-THADS', on: '2026-10-04', enforcer: 'TN-KV3-01', commune: '28225' },
  ];
  for (const c of cases) {
    const r = await t.as(enforcer, 'POST', '/api/cases', newCaseBody({ decision: { number: c.n, date: c.on }, acceptedOn: c.on, enforcer: c.enforcer, commune: c.commune }));
    expect(r.statusCode, r.body).toBe(201);
    ids.push(r.json().id);
  }
  for (const id of ids) await event(enforcer, id, { type: 'verified', on: '2026-10-10', result: 'has_means' });
  // Case 0: paid in full and completed during the campaign (assigned to the team of 28210). Case 1: paid in part.
  // Case 2: paid and completed before the campaign started (counts nowhere). Case 3: untouched.
  const teams = (await t.as(head, 'GET', '/api/mobilisation/teams?unit=TN-KV3&date=2026-11-01')).json().items as { id: string; commune: { code: string } }[];
  const team = teams.find((x) => x.commune.code === '28210')!;
  expect((await t.as(head, 'POST', `/api/mobilisation/cases/${encodeURIComponent(ids[0]!)}/assignment`, { teamId: team.id, from: '2026-10-12' })).statusCode).toBe(201);
  await event(enforcer, ids[0]!, { type: 'payment', on: '2026-10-25', obligation: 'o1', amount: 300_000 });
  await event(enforcer, ids[0]!, { type: 'payment', on: '2026-10-28', obligation: 'o2', amount: 15_000_000 });
  await event(enforcer, ids[0]!, { type: 'completed', on: '2026-11-02' });
  await event(enforcer, ids[1]!, { type: 'payment', on: '2026-11-05', obligation: 'o2', amount: 4_000_000 });
  await event(enforcer, ids[2]!, { type: 'payment', on: '2026-10-11', obligation: 'o1', amount: 300_000 });
  await event(enforcer, ids[2]!, { type: 'payment', on: '2026-10-11', obligation: 'o2', amount: 15_000_000 });
  await event(enforcer, ids[2]!, { type: 'completed', on: '2026-10-12' });
  const foreign = await t.as(admin, 'POST', '/api/campaigns', body({ unit: 'HN-KV1', name: 'Đợt cao điểm Hà Nội' }));
  expect(foreign.statusCode, foreign.body).toBe(201);
  foreignId = foreign.json().campaign.id;
}, 120_000);
afterAll(async () => t?.close());

describe('opening a campaign', () => {
  it('refuses bad input with the field and rule, writing nothing', async () => {
    const before = await count('campaigns');
    for (const [over, field, rule] of [
      [{ to: '2026-10-01' }, 'to', 'ends_before_start'],
      [{ targets: { casesRate: 120 } }, 'targets.casesRate', 'rate_over_100'],
      [{ targets: { moneyRate: 0 } }, 'targets.moneyRate', 'rate_not_positive'],
      [{ targets: { money: '0' } }, 'targets.money', 'target_not_positive'],
    ] as const) {
      const r = await t.as(head, 'POST', '/api/campaigns', body(over));
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
    }
    expect(await count('campaigns')).toBe(before);
  });

  it('needs campaigns.manage and a unit of the scope', async () => {
    expect((await t.as(enforcer, 'POST', '/api/campaigns', body())).statusCode).toBe(403);
    expect((await t.as(head, 'POST', '/api/campaigns', body({ unit: 'HN-KV1' }))).statusCode).toBe(404);
  });

  it('the head opens one; it is listed for the office and for the province', async () => {
    const r = await t.as(head, 'POST', '/api/campaigns', body({ participants: [{ enforcer: 'TN-KV3-01', role: 'Chấp hành viên' }, { unit: 'TN-KV3', role: 'Đơn vị chủ trì' }] }));
    expect(r.statusCode, r.body).toBe(201);
    campaignId = r.json().campaign.id;
    expect(r.json().campaign).toMatchObject({ status: 'open', unit: { code: 'TN-KV3' }, counted: { from: FROM, to: TODAY }, targets: { cases: 4, money: '20000000', casesRate: 50, moneyRate: null } });
    expect(r.json().participants).toHaveLength(2);
    const mine = (await t.as(head, 'GET', '/api/campaigns?unit=TN-KV3')).json().items.map((c: { id: string }) => c.id);
    expect(mine).toContain(campaignId);
    expect(mine).not.toContain(foreignId);
    expect((await t.as(province, 'GET', '/api/campaigns?unit=TN')).json().items.map((c: { id: string }) => c.id)).toContain(campaignId);
  });

  it('out of scope: 404 for the campaign, its leaderboard and a unit outside it', async () => {
    expect((await t.as(head, 'GET', `/api/campaigns/${foreignId}`)).statusCode).toBe(404);
    expect((await t.as(head, 'GET', `/api/campaigns/${foreignId}/leaderboard?by=office`)).statusCode).toBe(404);
    expect((await t.as(head, 'GET', `/api/campaigns/999999`)).statusCode).toBe(404);
    expect((await t.as(head, 'GET', `/api/campaigns/${campaignId}/leaderboard?by=enforcer&unit=HN-KV1`)).statusCode).toBe(404);
    expect((await t.as(admin, 'GET', `/api/campaigns/${campaignId}/leaderboard?by=enforcer&unit=HN-KV1`)).statusCode).toBe(404);
    expect((await t.as(head, 'PATCH', `/api/campaigns/${foreignId}`, { name: 'x' })).statusCode).toBe(404);
    expect((await t.as(head, 'GET', '/api/campaigns?unit=HN')).statusCode).toBe(404);
  });
});

describe('the leaderboard counts with the statistics engine', () => {
  let report: { cases: Record<string, number>; money: Record<string, string> };
  beforeAll(async () => {
    report = (await t.as(head, 'GET', `/api/statistics/report?unit=TN-KV3&from=${FROM}&to=${TODAY}`)).json().report;
    expect(report.cases.resolved).toBe(1);
    expect(report.money.resolved).toBe('19300000');
  });

  const sumOf = async (url: string) => {
    const r = await t.as(head, 'GET', url);
    expect(r.statusCode, r.body).toBe(200);
    return (r.json().items as { value: number | string }[]).reduce((s, i) => s + BigInt(i.value), 0n);
  };

  it.each(['office', 'enforcer', 'commune', 'team'])('by %s: totals equal the report; every row its drill-down', async (by) => {
    const r = await t.as(head, 'GET', `/api/campaigns/${campaignId}/leaderboard?by=${by}`);
    expect(r.statusCode, r.body).toBe(200);
    const b = r.json();
    expect(b).toMatchObject({ by, frozen: false, counted: { from: FROM, to: TODAY }, unit: { code: 'TN-KV3' } });
    expect(b.total.casesResolved).toBe(report.cases.resolved);
    expect(b.total.moneyResolved).toBe(report.money.resolved);
    const rows = b.rows as { rank: number; key: string | null; casesResolved: number; moneyResolved: string; drillDown: { cases: string; money: string } }[];
    expect(rows.reduce((s, x) => s + x.casesResolved, 0)).toBe(report.cases.resolved);
    expect(rows.reduce((s, x) => s + BigInt(x.moneyResolved), 0n).toString()).toBe(report.money.resolved);
    for (const row of rows) {
      expect(await sumOf(row.drillDown.cases)).toBe(BigInt(row.casesResolved));
      expect((await sumOf(row.drillDown.money)).toString()).toBe(row.moneyResolved);
    }
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.casesResolved).toBeLessThanOrEqual(rows[i - 1]!.casesResolved);
    expect(rows[0]!.rank).toBe(1);
    if (by === 'team') {
      expect(b.teamPolicy).toBe('latest_assignment_overlapping_period');
      const teamRow = rows.find((x) => x.key !== null)!;
      expect(teamRow).toMatchObject({ casesResolved: 1, moneyResolved: '15300000' });
      expect(rows.find((x) => x.key === null)).toMatchObject({ casesResolved: 0, moneyResolved: '4000000' });
    }
    if (by === 'enforcer') expect(rows.find((x) => x.key === 'TN-KV3-01')).toMatchObject({ casesResolved: 1, moneyResolved: '15300000' });
  });

  it('targets: progress against them', async () => {
    const b = (await t.as(head, 'GET', `/api/campaigns/${campaignId}/leaderboard?by=office`)).json();
    expect(b.targets.cases).toEqual({ target: 4, achieved: 1, progress: 25, reached: false });
    expect(b.targets.money).toEqual({ target: '20000000', achieved: '19300000', progress: 96.5, reached: false });
  });

  it('a team member reads the leaderboard', async () => {
    expect((await t.as(member, 'GET', `/api/campaigns/${campaignId}/leaderboard?by=team`)).statusCode).toBe(200);
  });

  it('an office sees a province campaign narrowed to itself', async () => {
    const p = await t.as(province, 'POST', '/api/campaigns', body({ unit: 'TN', name: 'Đợt cao điểm toàn tỉnh', decidedBy: 'committee' }));
    expect(p.statusCode, p.body).toBe(201);
    const id = p.json().campaign.id;
    expect((await t.as(head, 'GET', `/api/campaigns/${id}`)).statusCode).toBe(200);
    const b = (await t.as(head, 'GET', `/api/campaigns/${id}/leaderboard?by=enforcer`)).json();
    expect(b.unit.code).toBe('TN-KV3');
    expect(b.total.casesResolved).toBe(report.cases.resolved);
    const all = (await t.as(province, 'GET', `/api/campaigns/${id}/leaderboard?by=office`)).json();
    expect(all.unit.code).toBe('TN');
    expect(all.total.moneyResolved).toBe(report.money.resolved);
    expect((await t.as(province, 'GET', `/api/campaigns/${id}/leaderboard?by=enforcer&unit=TN-KV3`)).json().unit.code).toBe('TN-KV3');
    expect((await t.as(head, 'PATCH', `/api/campaigns/${id}`, { name: 'x' })).statusCode).toBe(403);
  });

  it('progress day by day ends at the leaderboard total', async () => {
    const r = await t.as(head, 'GET', `/api/campaigns/${campaignId}/progress`);
    expect(r.statusCode, r.body).toBe(200);
    const pts = r.json().points as { on: string; cases: number; money: string }[];
    expect(pts).toHaveLength(37);
    expect(pts[0]).toEqual({ on: FROM, cases: 0, money: '0' });
    expect(pts.at(-1)).toEqual({ on: TODAY, cases: report.cases.resolved, money: report.money.resolved });
    expect(pts.find((p) => p.on === '2026-10-25')).toEqual({ on: '2026-10-25', cases: 0, money: '300000' });
    expect(pts.find((p) => p.on === '2026-11-02')).toEqual({ on: '2026-11-02', cases: 1, money: '15300000' });
  });

  it('a campaign not started yet counts nothing', async () => {
    const r = await t.as(head, 'POST', '/api/campaigns', body({ name: 'Đợt cao điểm tháng 12', decision: { number: '30/QĐ', date: '2026-11-15', signer: 'X' }, from: '2026-12-01', to: '2026-12-31' }));
    const id = r.json().campaign.id;
    const b = (await t.as(head, 'GET', `/api/campaigns/${id}/leaderboard?by=office`)).json();
    expect(b).toMatchObject({ counted: null, rows: [], total: { casesResolved: 0, moneyResolved: '0' } });
    expect((await t.as(head, 'GET', `/api/campaigns/${id}/progress`)).json().points).toEqual([]);
    expect((await t.as(head, 'POST', `/api/campaigns/${id}/close`)).json().error.details[0].rule).toBe('not_started');
  });
});

describe('named cases, edits and the close', () => {
  it('lists candidates with filters and names them; a case outside the scope is refused', async () => {
    const c = (await t.as(head, 'GET', `/api/campaigns/${campaignId}/candidates?minOutstanding=10000000`)).json();
    const found = c.items.map((i: { caseId: string }) => i.caseId);
    expect(found).toEqual(expect.arrayContaining([ids[1], ids[3]]));
    expect(found).not.toContain(ids[0]);
    expect((await t.as(head, 'GET', `/api/campaigns/${campaignId}/candidates?coercion=true`)).json().items).toEqual([]);
    const before = await count('campaign_cases');
    const bad = await t.as(head, 'POST', `/api/campaigns/${campaignId}/cases`, { cases: [{ caseId: ids[1], reason: 'large_amount' }, { caseId: 'KHONG-CO', reason: 'other' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([expect.objectContaining({ field: 'cases[1].caseId', rule: 'case_outside_scope' })]);
    expect(await count('campaign_cases')).toBe(before);
    const ok = await t.as(head, 'POST', `/api/campaigns/${campaignId}/cases`, { cases: [{ caseId: ids[1], reason: 'large_amount', note: 'Nợ lớn' }, { caseId: ids[3], reason: 'long_pending' }] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().namedCases.find((n: { caseId: string }) => n.caseId === ids[1])).toMatchObject({ reason: 'large_amount', status: 'in_progress', outstanding: '11300000' });
  });

  it('edits while open', async () => {
    const r = await t.as(head, 'PATCH', `/api/campaigns/${campaignId}`, { targets: { cases: 2 } });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().campaign.targets).toMatchObject({ cases: 2, money: '20000000' });
    expect((await t.as(head, 'PATCH', `/api/campaigns/${campaignId}`, { to: '2026-01-01' })).json().error.details[0].rule).toBe('ends_before_start');
  });

  it('the close freezes the figures; later payments do not move them; a closed campaign is not edited', async () => {
    const live = (await t.as(head, 'GET', `/api/campaigns/${campaignId}/leaderboard?by=enforcer`)).json();
    expect((await t.as(enforcer, 'POST', `/api/campaigns/${campaignId}/close`)).statusCode).toBe(403);
    const r = await t.as(head, 'POST', `/api/campaigns/${campaignId}/close`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().campaign).toMatchObject({ status: 'closed', frozen: true });
    await event(enforcer, ids[3]!, { type: 'payment', on: '2026-11-18', obligation: 'o2', amount: 1_000_000 });
    const frozen = (await t.as(head, 'GET', `/api/campaigns/${campaignId}/leaderboard?by=enforcer`)).json();
    expect(frozen.frozen).toBe(true);
    expect(frozen.total).toEqual(live.total);
    expect(frozen.rows.map((x: { key: string; moneyResolved: string }) => [x.key, x.moneyResolved])).toEqual(live.rows.map((x: { key: string; moneyResolved: string }) => [x.key, x.moneyResolved]));
    const moved = (await t.as(head, 'GET', `/api/statistics/report?unit=TN-KV3&from=${FROM}&to=${TODAY}`)).json().report;
    expect(moved.money.resolved).toBe('20300000');
    for (const [method, url, payload] of [
      ['PATCH', `/api/campaigns/${campaignId}`, { name: 'Khác' }],
      ['POST', `/api/campaigns/${campaignId}/cases`, { cases: [{ caseId: ids[3], reason: 'other' }] }],
      ['POST', `/api/campaigns/${campaignId}/close`, undefined],
    ] as const) {
      const x = await t.as(head, method, url, payload);
      expect(x.statusCode, x.body).toBe(409);
      expect(x.json().error.details[0].rule).toBe('campaign_closed');
    }
    const audit = await sql<{ action: string }>`SELECT action FROM audit_log WHERE entity_type = 'campaign' AND entity_id = ${campaignId} ORDER BY id`.execute(t.rt.db);
    expect(audit.rows.map((a) => a.action)).toEqual(['campaign.opened', 'campaign.cases_named', 'campaign.updated', 'campaign.closed']);
  });

  it('the closing report is a Word document', async () => {
    const r = await t.as(head, 'GET', `/api/campaigns/${campaignId}/closing-report.docx`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('wordprocessingml');
    expect(r.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const { default: JSZip } = await import('jszip');
    const xml = await (await JSZip.loadAsync(r.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('BÁO CÁO KẾT QUẢ ĐỢT CAO ĐIỂM');
    expect(xml).toContain('Nguyễn Văn An');
    expect(xml).toContain('104/QĐ-THADS');
  });
});
