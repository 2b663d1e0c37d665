import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAudit } from '../../src/platform/audit/audit-log.js';
import { setupOrganisation } from '../integration/statistics-support.js';
import { startTestApp, type Session, type TestApp } from '../support/harness.js';

/**
 * Closing a period (chốt số liệu, statistics.md §1): the figures are frozen; a later correction (a payment
 * recorded afterwards but dated in the closed period) shows as a difference against them, never as a silent
 * change of the frozen figures.
 */
let t: TestApp;
let admin: Session;
let province: Session;
let head: Session;
let enforcer: Session;
let inspector: Session;
const ids: string[] = [];

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

const close = (s: Session, unit: string, monthEnd: string) => t.as(s, 'POST', '/api/statistics/close', { unit, monthEnd });
const diff = (s: Session, unit: string, monthEnd: string) => t.as(s, 'GET', `/api/statistics/close-diff?unit=${unit}&monthEnd=${monthEnd}`);

async function loginAll() {
  [admin, province, head, enforcer, inspector] = (await Promise.all(
    ['admin', 'lanh.dao.tinh', 'truong.phong', 'chv.an', 'thanh.tra'].map((u) => t.login(u)),
  )) as [Session, Session, Session, Session, Session];
}

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-11-20T03:00:00Z');
  await setupOrganisation(t.rt);
  await loginAll();
  // Two cases of TN-KV3 in FY2027: one paid in full and completed, one untouched.
  for (const [on, amount] of [['2026-10-05', 10_000_000], ['2026-10-12', 4_000_000]] as const) {
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
  // The month is over: today is 5 December 2026 in Viet Nam (new sessions: the old ones have expired).
  t.clock.set('2026-12-05T03:00:00Z');
  await loginAll();
}, 120_000);
afterAll(async () => t?.close());

describe('POST /api/statistics/close', () => {
  let frozen: Record<string, unknown>;

  it('freezes exactly the report of the period, audited in the same transaction', async () => {
    const live = (await t.as(head, 'GET', '/api/statistics/report?unit=TN-KV3&to=2026-11-30')).json();
    const r = await close(head, 'TN-KV3', '2026-11-30');
    expect(r.statusCode, r.body).toBe(201);
    const c = r.json().close;
    expect(c).toMatchObject({
      unit: { code: 'TN-KV3', level: 'office' }, fiscalYear: 2027, monthEnd: '2026-11-30', period: { from: '2026-10-01', to: '2026-11-30' },
      closedBy: { username: 'truong.phong', fullName: expect.any(String) },
    });
    expect(c.figures).toEqual(live.report);
    expect(c.figures.cases).toMatchObject({ new: 2, completed: 1, in_progress: 1, rate: 50 });
    expect(c.figures.money).toMatchObject({ completed: '10000000', in_progress: '4000000', rate: 71.43 });
    frozen = c.figures;
    expect(await countAudit(t.rt.db, 'statistics.period_closed')).toBe(1);
    const audit = (await t.as(admin, 'GET', '/api/audit?action=statistics.period_closed')).json().items[0];
    expect(audit).toMatchObject({ entityType: 'period_close', entityId: 'TN-KV3/2026-11-30', unitCode: 'TN-KV3', username: 'truong.phong' });
    expect(audit.after).toMatchObject({ unit: 'TN-KV3', monthEnd: '2026-11-30', cases: { rate: 50 } });

    const list = (await t.as(inspector, 'GET', '/api/statistics/closes?unit=TN-KV3')).json();
    expect(list.items).toEqual([expect.objectContaining({ monthEnd: '2026-11-30', fiscalYear: 2027, rates: { cases: 50, money: 71.43 } })]);
    expect((await t.as(inspector, 'GET', '/api/statistics/closes?unit=TN-KV3&fiscalYear=2026')).json().items).toEqual([]);
  });

  it('closing the same period twice is a CONFLICT naming monthEnd; nothing more is audited', async () => {
    const r = await close(province, 'TN-KV3', '2026-11-30');
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('CONFLICT');
    expect(r.json().error.details[0]).toMatchObject({ field: 'monthEnd', rule: 'already_closed' });
    expect(await countAudit(t.rt.db, 'statistics.period_closed')).toBe(1);
  });

  it('right after the close nothing differs', async () => {
    const r = await diff(inspector, 'TN-KV3', '2026-11-30');
    expect(r.statusCode, r.body).toBe(200);
    const d = r.json();
    expect(d.changed).toBe(false);
    expect(d.differences).toEqual({ cases: [], money: [], target: null, policies: null });
    expect(d.frozen).toEqual(d.current);
    expect(d.frozen).toEqual(frozen);
  });

  it('a later correction dated in the closed period shows as a difference; the frozen figures stay the same', async () => {
    // A payment recorded now (December) but made on 28 November: the November report changes.
    const p = await t.as(enforcer, 'POST', `/api/cases/${ids[1]}/events`, { expectedVersion: 0, event: { type: 'payment', on: '2026-11-28', obligation: 'o1', amount: 1_500_000 } });
    expect(p.statusCode, p.body).toBe(201);
    // The live report follows the register…
    const live = (await t.as(head, 'GET', '/api/statistics/report?unit=TN-KV3&to=2026-11-30')).json().report;
    expect(live.money.completed).toBe('11500000');

    const d = (await diff(head, 'TN-KV3', '2026-11-30')).json();
    expect(d.changed).toBe(true);
    // …while the frozen figures do not move.
    expect(d.frozen).toEqual(frozen);
    expect(d.current).toEqual(live);
    expect(d.differences.cases).toEqual([]);
    const cells = Object.fromEntries(d.differences.money.map((c: { key: string }) => [c.key, c]));
    expect(Object.keys(cells).sort()).toEqual(['carried_forward', 'carried_forward_with_means', 'completed', 'in_progress', 'rate', 'resolved'].sort());
    expect(cells.completed).toMatchObject({
      label: 'Thi hành xong', frozen: '10000000', current: '11500000', difference: '1500000', explained: true,
      cases: [{ caseId: ids[1], office: 'TN-KV3', difference: '1500000' }],
    });
    expect(cells.in_progress).toMatchObject({ difference: '-1500000', explained: true });
    expect(cells.rate).toEqual({ key: 'rate', label: 'Tỷ lệ', frozen: 71.43, current: 82.14, difference: 10.71 });
    expect(d.corrections.complete).toBe(true);
    expect(d.corrections.cases).toEqual([{
      caseId: ids[1], office: 'TN-KV3', createdAfterClose: false,
      events: [{ seq: 1, type: 'payment', on: '2026-11-28', recordedAt: expect.any(String), recordedBy: 'chv.an' }],
    }]);

    // A case accepted in November but entered only now: one more new case, also against the frozen figures.
    const late = await t.as(enforcer, 'POST', '/api/cases', newCase('2026-11-26', 2_000_000));
    expect(late.statusCode, late.body).toBe(201);
    const d2 = (await diff(head, 'TN-KV3', '2026-11-30')).json();
    expect(d2.frozen).toEqual(frozen);
    const newCell = d2.differences.cases.find((c: { key: string }) => c.key === 'new');
    expect(newCell).toMatchObject({ frozen: 2, current: 3, difference: 1, explained: true, cases: [{ caseId: late.json().id, difference: 1 }] });
    expect(d2.corrections.cases.find((c: { caseId: string }) => c.caseId === late.json().id)).toMatchObject({ createdAfterClose: true });

    // The stored figures cannot be rewritten, not even by hand.
    await expect(sql`UPDATE period_closes SET figures = '{}'`.execute(t.rt.db)).rejects.toThrow(/frozen/);
    await expect(sql`DELETE FROM period_closes`.execute(t.rt.db)).rejects.toThrow(/frozen/);
  });

  it('a province closes its own figures, which count its offices', async () => {
    const r = await close(province, 'TN', '2026-10-31');
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().close.figures.cases).toMatchObject({ new: 2, completed: 0 });
    expect((await diff(province, 'TN', '2026-10-31')).json().changed).toBe(false);
    expect((await t.as(province, 'GET', '/api/statistics/closes?unit=TN')).json().items.map((i: { monthEnd: string }) => i.monthEnd)).toEqual(['2026-10-31']);
  });

  it('a unit outside the scope answers 404; a role without statistics.close 403', async () => {
    for (const [s, unit] of [[head, 'TN'], [head, 'HN-KV1'], [province, 'HN-KV1'], [head, 'KHONG-CO']] as const) {
      const r = await close(s, unit, '2026-10-31');
      expect(r.statusCode, unit).toBe(404);
      expect(r.json().error.code).toBe('NOT_FOUND');
    }
    expect((await diff(head, 'TN', '2026-10-31')).statusCode).toBe(404);
    expect((await t.as(head, 'GET', '/api/statistics/closes?unit=TN')).statusCode).toBe(404);
    for (const s of [enforcer, inspector]) {
      const r = await close(s, 'TN-KV3', '2026-10-31');
      expect(r.statusCode).toBe(403);
      expect(r.json().error.code).toBe('FORBIDDEN');
    }
    expect((await t.as(head, 'POST', '/api/statistics/close', { unit: 'TN-KV3', monthEnd: '2026-10-31' }, { csrf: false })).statusCode).toBe(403);
    expect(await countAudit(t.rt.db, 'statistics.period_closed')).toBe(2);
  });

  it('monthEnd must be an existing month end that is not in the future; the nation is not closed', async () => {
    const cases: [Session, string, string, string, string][] = [
      [head, 'TN-KV3', '2026-10-30', 'monthEnd', 'month_end'],
      [head, 'TN-KV3', '2026-12-31', 'monthEnd', 'not_in_future'],
      [head, 'TN-KV3', '2027-01-31', 'monthEnd', 'not_in_future'],
      [head, 'TN-KV3', '2026-02-30', 'monthEnd', 'custom'],
      [head, 'TN-KV3', '30/11/2026', 'monthEnd', 'invalid_format'],
      [admin, 'VN', '2026-10-31', 'unit', 'office_or_province'],
    ];
    for (const [s, unit, monthEnd, field, rule] of cases) {
      const r = await close(s, unit, monthEnd);
      expect(r.statusCode, monthEnd).toBe(400);
      expect(r.json().error.code).toBe('VALIDATION_FAILED');
      expect(r.json().error.details[0], monthEnd).toMatchObject({ field, rule });
    }
    const missing = await t.as(head, 'POST', '/api/statistics/close', { unit: 'TN-KV3' });
    expect(missing.json().error.details[0]).toMatchObject({ field: 'monthEnd' });
    // On the month's last day in Viet Nam (still the 30th in UTC) the month end is today, not in the future.
    t.clock.set('2026-12-30T18:00:00Z');
    await loginAll();
    expect((await close(head, 'TN-KV3', '2026-12-31')).statusCode).toBe(201);
    const notClosed = await diff(head, 'TN-KV3', '2026-09-30');
    expect(notClosed.statusCode).toBe(404);
    expect(notClosed.json().error.details[0]).toMatchObject({ field: 'monthEnd', rule: 'not_closed' });
  });
});
