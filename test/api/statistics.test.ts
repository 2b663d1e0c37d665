import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAudit } from '../../src/platform/audit/audit-log.js';
import { setupOrganisation } from '../integration/statistics-support.js';
import { startTestApp, type Session, type TestApp } from '../support/harness.js';

let t: TestApp;
let admin: Session;
let province: Session;
let head: Session;
let enforcer: Session;
let inspector: Session;
let mobilisation: Session;

const newCase = (acceptedOn: string, amount: number) => ({
  office: 'TN-KV3',
  decision: { number: `${amount}/QĐ-THADS`, date: acceptedOn },
  acceptedOn,
  initiation: 'on_request',
  category: 'dan_su',
  judgment: { number: '45/2026/DS-ST', date: '2026-08-20', court: 'TAND khu vực 3 – Tây Ninh' },
  commune: '28210',
  enforcer: 'TN-KV3-01',
  parties: [{ role: 'obligor', kind: 'person', name: 'Nguyễn Văn An', idNumber: null, address: null }],
  obligations: [{ kind: 'money', beneficiary: 'party', label: 'Trả nợ vay', amount }],
});

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-11-20T03:00:00Z');
  await setupOrganisation(t.rt);
  [admin, province, head, enforcer, inspector, mobilisation] = (await Promise.all(
    ['admin', 'lanh.dao.tinh', 'truong.phong', 'chv.an', 'thanh.tra', 'to.van.dong'].map((u) => t.login(u)),
  )) as [Session, Session, Session, Session, Session, Session];
  // Three cases of TN-KV3 in FY2027: one paid in full and completed, one part paid, one untouched.
  const ids: string[] = [];
  for (const [on, amount] of [['2026-10-05', 10_000_000], ['2026-10-12', 4_000_000], ['2026-11-03', 2_500_000]] as const) {
    const r = await t.as(enforcer, 'POST', '/api/cases', newCase(on, amount));
    expect(r.statusCode, r.body).toBe(201);
    ids.push(r.json().id);
  }
  let v = 0;
  for (const event of [
    { type: 'verified', on: '2026-10-20', result: 'has_means' },
    { type: 'payment', on: '2026-10-25', obligation: 'o1', amount: 10_000_000 },
    { type: 'completed', on: '2026-11-02' },
  ]) v = (await t.as(enforcer, 'POST', `/api/cases/${ids[0]}/events`, { expectedVersion: v, event })).json().version;
  expect(v).toBe(3);
  const p = await t.as(enforcer, 'POST', `/api/cases/${ids[1]}/events`, { expectedVersion: 0, event: { type: 'payment', on: '2026-11-10', obligation: 'o1', amount: 1_500_000 } });
  expect(p.statusCode, p.body).toBe(201);
}, 120_000);
afterAll(async () => t?.close());

describe('GET /api/statistics/report', () => {
  it('gives both forms, policies, identities and the source; money as strings of digits', async () => {
    const r = await t.as(head, 'GET', '/api/statistics/report?unit=TN-KV3&to=2026-11-30');
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.unit).toEqual({ code: 'TN-KV3', name: expect.any(String), level: 'office' });
    expect(body.identities).toEqual({ ok: true, violations: [] });
    expect(body.report.period).toEqual({ from: '2026-10-01', to: '2026-11-30' });
    expect(body.report.policies).toEqual({ moneyResolved: ['completed', 'terminated', 'reduced'], postponementGroundsWithoutMeans: [] });
    expect(body.report.cases).toMatchObject({ carried_over: 0, new: 3, total: 3, completed: 1, in_progress: 2, with_means: 3, resolved: 1, rate: 33.33 });
    expect(body.report.money).toMatchObject({ new: '16500000', completed: '11500000', in_progress: '5000000', with_means: '16500000', resolved: '11500000', rate: 69.7 });
    expect(Object.keys(body.report.cases)).toContain('rate');
    expect(body.report.target).toBeNull();
    // Reads never write: no totals are stored yet and the GET does not build them; the full query answers.
    expect(body.source).toBe('sql');
    // The server's scheduled step stores them; the same GET then reads them, with the same figures.
    expect((await t.rt.statistics.keepTotalsCurrent()).action).toBe('rebuilt');
    const again = await t.as(head, 'GET', '/api/statistics/report?unit=TN-KV3&to=2026-11-30');
    expect(again.json().source).toBe('snapshot');
    expect(again.json().report).toEqual(body.report);
  });

  it('a date that is not a month end and a custom start agree with the month-end figures where they must', async () => {
    const mid = (await t.as(head, 'GET', '/api/statistics/report?unit=TN-KV3&to=2026-11-05')).json();
    expect(mid.report.cases).toMatchObject({ new: 3, completed: 1, in_progress: 2 });
    expect(mid.report.money.completed).toBe('10000000');
    const custom = (await t.as(head, 'GET', '/api/statistics/report?unit=TN-KV3&from=2026-11-01&to=2026-11-30')).json();
    expect(custom.report.cases).toMatchObject({ carried_over: 2, new: 1, completed: 1 });
    expect(custom.report.money).toMatchObject({ carried_over: '4000000', completed: '1500000' });
    expect(custom.source).toBe('sql');
  });

  it('the province and the nation count the office; the former Chi cục is reported by its successor', async () => {
    for (const [s, unit] of [[province, 'TN'], [admin, 'VN']] as const) {
      const r = (await t.as(s, 'GET', `/api/statistics/report?unit=${unit}&to=2026-11-30`)).json();
      expect(r.report.cases.new, unit).toBe(3);
    }
    expect((await t.as(head, 'GET', '/api/statistics/report?unit=LA-CT&to=2026-11-30')).statusCode).toBe(200);
  });

  it('a unit outside the user\'s scope or unknown answers 404; without the permission 403; without a session 401', async () => {
    for (const unit of ['TN', 'VN', 'HN-KV1', 'KHONG-CO']) {
      const r = await t.as(head, 'GET', `/api/statistics/report?unit=${unit}&to=2026-11-30`);
      expect(r.statusCode, unit).toBe(404);
      expect(r.json().error.code).toBe('NOT_FOUND');
    }
    expect((await t.as(province, 'GET', '/api/statistics/report?unit=HN-KV1&to=2026-11-30')).statusCode).toBe(404);
    expect((await t.as(mobilisation, 'GET', '/api/statistics/report?unit=TN-KV3&to=2026-11-30')).statusCode).toBe(403);
    expect((await t.as(null, 'GET', '/api/statistics/report?unit=TN-KV3&to=2026-11-30')).statusCode).toBe(401);
    for (const path of ['breakdown?by=office&', 'cases?form=cases&key=new&']) {
      expect((await t.as(head, 'GET', `/api/statistics/${path}unit=TN&to=2026-11-30`)).statusCode, path).toBe(404);
    }
  });

  it('bad parameters are VALIDATION_FAILED naming the field', async () => {
    const cases: [string, string, string][] = [
      ['unit=TN-KV3&to=2026-02-30', 'to', 'custom'],
      ['unit=TN-KV3&to=30/11/2026', 'to', 'invalid_format'],
      ['unit=TN-KV3', 'to', 'invalid_type'],
      ['to=2026-11-30', 'unit', 'invalid_type'],
      ['unit=TN-KV3&to=2026-11-30&from=2026-12-01', 'from', 'from_after_to'],
      ['unit=TN-KV3&to=2026-11-30&from=2026-13-01', 'from', 'invalid_format'],
    ];
    for (const [q, field, rule] of cases) {
      const r = await t.as(head, 'GET', `/api/statistics/report?${q}`);
      expect(r.statusCode, q).toBe(400);
      expect(r.json().error.code).toBe('VALIDATION_FAILED');
      expect(r.json().error.details.map((d: { field: string }) => d.field), q).toContain(field);
      if (rule !== 'custom' && rule !== 'invalid_format') expect(r.json().error.details.find((d: { field: string }) => d.field === field).rule, q).toBe(rule);
    }
    const b = await t.as(head, 'GET', '/api/statistics/breakdown?unit=TN-KV3&to=2026-11-30&by=color');
    expect(b.json().error.details[0].field).toBe('by');
    const k = await t.as(head, 'GET', '/api/statistics/cases?unit=TN-KV3&to=2026-11-30&form=cases&key=reduced');
    expect(k.statusCode).toBe(400);
    expect(k.json().error.details[0].field).toBe('key');
    const v = await t.as(head, 'GET', '/api/statistics/cases?unit=TN-KV3&to=2026-11-30&form=cases&key=new&by=month&value=2027-01-31');
    expect(v.json().error.details[0]).toMatchObject({ field: 'value', rule: 'month_in_period' });
  });
});

describe('breakdowns and drill-down', () => {
  it('by month gives the cumulative reports; by initiation labels its rows', async () => {
    const m = (await t.as(head, 'GET', '/api/statistics/breakdown?unit=TN-KV3&to=2026-11-30&by=month')).json();
    expect(m.rows.map((r: { key: string }) => r.key)).toEqual(['2026-10-31', '2026-11-30']);
    expect(m.rows[0].report.cases.new).toBe(2);
    expect(m.rows[1].report).toEqual(m.total);
    const i = (await t.as(head, 'GET', '/api/statistics/breakdown?unit=TN&to=2026-11-30&by=initiation')).statusCode;
    expect(i).toBe(404);
    const own = (await t.as(province, 'GET', '/api/statistics/breakdown?unit=TN&to=2026-11-30&by=initiation')).json();
    expect(own.rows).toEqual([{ key: 'on_request', label: 'Theo đơn yêu cầu', report: expect.objectContaining({ office: 'TN' }) }]);
    const offices = (await t.as(province, 'GET', '/api/statistics/breakdown?unit=TN&to=2026-11-30&by=office')).json();
    expect(offices.rows.map((r: { key: string }) => r.key)).toEqual(['TN-KV3']);
  });

  it('the cases behind a money cell, with the amount each contributes, add up to the cell', async () => {
    const r = await t.as(inspector, 'GET', '/api/statistics/cases?unit=TN&to=2026-11-30&form=money&key=completed');
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({ count: 2, total: '11500000' });
    expect(body.items.map((i: { value: string }) => i.value).sort()).toEqual(['10000000', '1500000']);
    expect(body.items[0]).toMatchObject({ office: 'TN-KV3', caseId: expect.stringMatching(/^TN-KV3-2027-/) });
    const byOffice = (await t.as(inspector, 'GET', '/api/statistics/cases?unit=TN&to=2026-11-30&form=cases&key=in_progress&by=office&value=TN-KV3')).json();
    expect(byOffice.count).toBe(2);
  });
});

describe('targets', () => {
  it('the province sets its offices\' targets (audited); reports show target and excess', async () => {
    const r = await t.as(province, 'PUT', '/api/statistics/targets', { unit: 'TN-KV3', fiscalYear: 2027, cases: 80, money: 38.5 });
    expect(r.statusCode, r.body).toBe(200);
    expect(await countAudit(t.rt.db, 'statistics.target_set')).toBe(1);
    const g = (await t.as(head, 'GET', '/api/statistics/targets?unit=TN&fiscalYear=2027')).statusCode;
    expect(g).toBe(404);
    const list = (await t.as(province, 'GET', '/api/statistics/targets?unit=TN&fiscalYear=2027')).json();
    expect(list.children.find((c: { code: string }) => c.code === 'TN-KV3').target).toEqual({ cases: 80, money: 38.5 });
    const report = (await t.as(head, 'GET', '/api/statistics/report?unit=TN-KV3&to=2026-11-30')).json().report;
    expect(report.target).toEqual({ cases: 80, money: 38.5 });
    expect(report.excess).toEqual({ cases: -46.67, money: 31.2 });
  });

  it('an office cannot set its own target, nor a province its own; the nation can; bad values are refused', async () => {
    expect((await t.as(head, 'PUT', '/api/statistics/targets', { unit: 'TN-KV3', fiscalYear: 2027, cases: 99, money: 99 })).statusCode).toBe(403);
    expect((await t.as(head, 'PUT', '/api/statistics/targets', { unit: 'TN', fiscalYear: 2027, cases: 99, money: 99 })).statusCode).toBe(404);
    expect((await t.as(province, 'PUT', '/api/statistics/targets', { unit: 'TN', fiscalYear: 2027, cases: 99, money: 99 })).statusCode).toBe(403);
    expect((await t.as(enforcer, 'PUT', '/api/statistics/targets', { unit: 'TN-KV3', fiscalYear: 2027, cases: 99, money: 99 })).statusCode).toBe(403);
    expect((await t.as(admin, 'PUT', '/api/statistics/targets', { unit: 'TN', fiscalYear: 2027, cases: 82, money: 40 })).statusCode).toBe(200);
    for (const [body, field] of [[{ cases: 101, money: 1 }, 'cases'], [{ cases: 80.123, money: 1 }, 'cases'], [{ cases: 80, money: -1 }, 'money']] as const) {
      const r = await t.as(province, 'PUT', '/api/statistics/targets', { unit: 'TN-KV3', fiscalYear: 2027, ...body });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.details[0].field).toBe(field);
    }
    // The message is a sentence naming the field, never zod's wording ("Quá lớn: mong đợi number <=100").
    const tooBig = await t.as(province, 'PUT', '/api/statistics/targets', { unit: 'TN-KV3', fiscalYear: 2027, cases: 120, money: 1 });
    expect(tooBig.json().error.details[0].message).toBe('Tỷ lệ chỉ tiêu về việc phải từ 0 đến 100.');
    const tooBigEn = await t.as(province, 'PUT', '/api/statistics/targets', { unit: 'TN-KV3', fiscalYear: 2027, cases: 1, money: 100.5 }, { headers: { 'accept-language': 'en' } });
    expect(tooBigEn.json().error.details[0].message).toBe('The target rate for money must be between 0 and 100.');
    const notNumber = await t.as(province, 'PUT', '/api/statistics/targets', { unit: 'TN-KV3', fiscalYear: 1999, cases: 'tám mươi', money: 1 });
    expect(notNumber.json().error.details.map((d: { message: string }) => d.message)).toEqual([
      'Năm thống kê phải từ 2000 đến 2100.',
      'Tỷ lệ chỉ tiêu về việc phải là một số.',
    ]);
    for (const d of notNumber.json().error.details as { message: string }[]) expect(d.message).not.toMatch(/number|string|<=|>=|[<>]/);
    const tn = (await t.as(province, 'GET', '/api/statistics/report?unit=TN&to=2026-11-30')).json().report;
    expect(tn.target).toEqual({ cases: 82, money: 40 });
  });
});

describe('policies', () => {
  it('are readable; only an administrator changes them (audited), and reports state the ones used', async () => {
    const g = (await t.as(inspector, 'GET', '/api/statistics/policies')).json();
    expect(g.policies).toEqual({ moneyResolved: ['completed', 'terminated', 'reduced'], postponementGroundsWithoutMeans: [] });
    expect((await t.as(province, 'PUT', '/api/statistics/policies', { moneyResolved: ['completed'], postponementGroundsWithoutMeans: [] })).statusCode).toBe(403);
    const bad = await t.as(admin, 'PUT', '/api/statistics/policies', { moneyResolved: ['paid'], postponementGroundsWithoutMeans: [] });
    expect(bad.statusCode).toBe(400);
    const ok = await t.as(admin, 'PUT', '/api/statistics/policies', { moneyResolved: ['completed'], postponementGroundsWithoutMeans: ['Điều 48 khoản 1 điểm a'] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await countAudit(t.rt.db, 'statistics.policies_set')).toBe(1);
    const r = (await t.as(head, 'GET', '/api/statistics/report?unit=TN-KV3&to=2026-11-30')).json();
    expect(r.report.policies).toEqual({ moneyResolved: ['completed'], postponementGroundsWithoutMeans: ['Điều 48 khoản 1 điểm a'] });
    expect(r.source).toBe('snapshot');
    await t.as(admin, 'PUT', '/api/statistics/policies', { moneyResolved: ['completed', 'terminated', 'reduced'], postponementGroundsWithoutMeans: [] });
  });
});
