import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAudit } from '../../src/platform/audit/audit-log.js';
import { newCaseBody, startTestApp, type Session, type TestApp } from '../support/harness.js';

let t: TestApp;
let enforcer: Session;
let head: Session;
let clerk: Session;

const newCase = newCaseBody;

const countRows = async (table: 'cases' | 'case_events') =>
  Number((await t.rt.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-11-20T03:00:00Z');
  enforcer = await t.login('chv.an');
  head = await t.login('truong.phong');
  clerk = await t.login('ke.toan');
});
afterAll(async () => t.close());

describe('a case from acceptance to completion', () => {
  let id: string;
  it('creates a case with a generated id and the deadline to verify', async () => {
    const r = await t.as(enforcer, 'POST', '/api/cases', newCase());
    expect(r.statusCode).toBe(201);
    id = r.json().id;
    expect(id).toBe('TN-KV3-2027-00001');
    const d = (await t.as(enforcer, 'GET', `/api/cases/${id}`)).json().case;
    expect(d).toMatchObject({ status: 'pending_verification', version: 0, money: { total: '15300000', outstanding: '15300000' } });
    expect(d.deadlines.map((s: { code: string }) => s.code)).toContain('verify');
    const action = (type: string) => d.actions.find((a: { type: string }) => a.type === type);
    expect(d.actions).toHaveLength(21);
    expect(action('verified')).toEqual({ type: 'verified', allowed: true });
    expect(action('completed')).toEqual({
      type: 'completed', allowed: false,
      reason: { vi: 'Còn phải thi hành 15.300.000 đ: chưa thể kết thúc "thi hành xong".', en: 'Something remains to be enforced: the case cannot be closed as completed.' },
    });
    expect(action('separate_ledger')).toMatchObject({ allowed: false, reason: { vi: 'Không thể ghi "Chuyển sổ theo dõi riêng" khi việc đang ở trạng thái "Chưa xác minh".' } });
    expect(action('disbursed').allowed).toBe(false);
    // The acceptance and the enforcer assigned with it open the timeline, derived from the case's facts.
    expect(d.timeline).toEqual([
      expect.objectContaining({ seq: null, type: 'accepted', on: '2026-10-05', derived: true, data: { decision: { number: '15/QĐ-THADS', date: '2026-10-05' } }, recordedAt: null }),
      expect.objectContaining({ seq: null, type: 'enforcer_assigned', on: '2026-10-05', derived: true, data: { enforcer: 'TN-KV3-01' } }),
    ]);
  });

  it('records verification, payments and completion; the money adds up to the đồng', async () => {
    let v = 0;
    for (const event of [
      { type: 'verified', on: '2026-10-20', result: 'has_means' },
      { type: 'payment', on: '2026-10-25', obligation: 'o1', amount: 300000 },
      { type: 'payment', on: '2026-11-02', obligation: 'o2', amount: '10000000' },
      { type: 'payment', on: '2026-11-10', obligation: 'o2', amount: 5000000 },
      { type: 'disbursed', on: '2026-11-12', obligation: 'o2', amount: 15000000 },
    ]) {
      const r = await t.as(enforcer, 'POST', `/api/cases/${id}/events`, { expectedVersion: v, event });
      expect(r.statusCode, r.body).toBe(201);
      v = r.json().version;
    }
    const before = (await t.as(enforcer, 'GET', `/api/cases/${id}`)).json().case;
    expect(before.money).toEqual({ total: '15300000', paid: '15300000', reduced: '0', disbursed: '15000000', outstanding: '0' });
    const done = await t.as(enforcer, 'POST', `/api/cases/${id}/events`, { expectedVersion: v, event: { type: 'completed', on: '2026-11-12' } });
    expect(done.json()).toEqual({ version: 6, status: 'completed' });
    const after = (await t.as(enforcer, 'GET', `/api/cases/${id}`)).json().case;
    expect(after.deadlines).toEqual([]);
    expect(after.timeline.map((e: { type: string }) => e.type)).toEqual(['accepted', 'enforcer_assigned', 'verified', 'payment', 'payment', 'payment', 'disbursed', 'completed']);
    expect(after.timeline[2]).toMatchObject({ seq: 1, derived: false, recordedBy: 'Nguyễn Văn An' });
    // Closed: only paying out what was collected is left (nothing is), each refusal with its reason.
    expect(after.actions.filter((a: { allowed: boolean }) => a.allowed)).toEqual([]);
    expect(after.actions.find((a: { type: string }) => a.type === 'payment').reason.vi).toBe('Việc đã kết thúc (Thi hành xong); không thể ghi thêm "Thu tiền".');
    expect(await countAudit(t.rt.db, 'case.event_recorded')).toBe(6);
  });

  it('refuses any event after completion, writing nothing', async () => {
    const r = await t.as(enforcer, 'POST', `/api/cases/${id}/events`, { expectedVersion: 6, event: { type: 'postponed', on: '2026-11-13', ground: 'Đơn xin hoãn' } });
    expect(r.statusCode).toBe(422);
    expect(r.json().error).toMatchObject({ code: 'CASE_RULE_VIOLATION', details: [{ field: 'event.type', rule: 'after_terminal' }] });
  });
});

describe('bad input is refused with field and rule, and nothing is persisted', () => {
  let id: string;
  beforeAll(async () => {
    id = (await t.as(enforcer, 'POST', '/api/cases', newCase({ decision: { number: '16/QĐ-THADS', date: '2026-10-06' } }))).json().id;
  });

  it.each([
    ['an event before acceptance', { type: 'verified', on: '2026-10-01', result: 'has_means' }, 'event.on', 'before_acceptance'],
    ['a payment over the outstanding amount', { type: 'payment', on: '2026-10-20', obligation: 'o1', amount: 300001 }, 'event.amount', 'exceeds_outstanding'],
    ['a payment of zero', { type: 'payment', on: '2026-10-20', obligation: 'o1', amount: 0 }, 'event.amount', 'positive'],
    ['completion with money outstanding', { type: 'completed', on: '2026-10-20' }, 'event.type', 'outstanding_remaining'],
    ['a reduction of a party obligation', { type: 'reduced', on: '2026-10-20', obligation: 'o2', amount: 1000 }, 'event.obligation', 'state_budget_only'],
    ['a transition not in the table', { type: 'distrained', on: '2026-10-20' }, 'event.type', 'transition_not_allowed'],
    ['an unknown obligation', { type: 'payment', on: '2026-10-20', obligation: 'o9', amount: 1 }, 'event.obligation', 'unknown_obligation'],
  ])('%s', async (_name, event, field, rule) => {
    const events = await countRows('case_events');
    const r = await t.as(enforcer, 'POST', `/api/cases/${id}/events`, { expectedVersion: 0, event });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.details[0]).toMatchObject({ field, rule });
    expect(await countRows('case_events')).toBe(events);
    expect((await t.as(enforcer, 'GET', `/api/cases/${id}`)).json().case.version).toBe(0);
  });

  it.each([
    ['a fractional amount', { type: 'payment', on: '2026-10-20', obligation: 'o1', amount: 1000.5 }, 'event.amount'],
    ['an amount with separators', { type: 'payment', on: '2026-10-20', obligation: 'o1', amount: '1.000' }, 'event.amount'],
    ['a date that does not exist', { type: 'verified', on: '2026-02-30', result: 'has_means' }, 'event.on'],
    ['an unknown event type', { type: 'paid', on: '2026-10-20' }, 'event.type'],
  ])('%s → 400 naming the field', async (_n, event, field) => {
    const r = await t.as(enforcer, 'POST', `/api/cases/${id}/events`, { expectedVersion: 0, event });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('refuses a case without an obligor or with a negative amount, creating nothing', async () => {
    const cases = await countRows('cases');
    const noObligor = await t.as(enforcer, 'POST', '/api/cases', newCase({ parties: [{ role: 'obligee', kind: 'person', name: 'Trần Thị Bình' }] }));
    expect(noObligor.statusCode).toBe(422);
    expect(noObligor.json().error.details[0]).toMatchObject({ field: 'parties', rule: 'obligor_required' });
    const negative = await t.as(enforcer, 'POST', '/api/cases', newCase({ obligations: [{ kind: 'money', beneficiary: 'party', label: 'x', amount: -5 }] }));
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.details[0].field).toBe('obligations.0.amount');
    const badRef = await t.as(enforcer, 'POST', '/api/cases', newCase({ enforcer: 'XX-99', commune: '99999' }));
    expect(badRef.json().error.details.map((d: { rule: string }) => d.rule).sort()).toEqual(['unknown_commune', 'unknown_enforcer']);
    expect(await countRows('cases')).toBe(cases);
  });
});

describe('concurrency', () => {
  it('two people recording at once: the second gets 409 and nothing is lost', async () => {
    const id = (await t.as(enforcer, 'POST', '/api/cases', newCase({ decision: { number: '17/QĐ-THADS', date: '2026-10-06' } }))).json().id;
    const [a, b] = await Promise.all([
      t.as(enforcer, 'POST', `/api/cases/${id}/events`, { expectedVersion: 0, event: { type: 'payment', on: '2026-10-20', obligation: 'o2', amount: 1000000 } }),
      t.as(clerk, 'POST', `/api/cases/${id}/events`, { expectedVersion: 0, event: { type: 'payment', on: '2026-10-20', obligation: 'o2', amount: 2000000 } }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 1, expectedVersion: 0 } });
    const d = (await t.as(enforcer, 'GET', `/api/cases/${id}`)).json().case;
    expect(d.version).toBe(1);
    expect(['1000000', '2000000']).toContain(d.money.paid);
    // the loser reloads and records again
    const retry = await t.as(clerk, 'POST', `/api/cases/${id}/events`, { expectedVersion: 1, event: { type: 'payment', on: '2026-10-21', obligation: 'o2', amount: 500000 } });
    expect(retry.statusCode).toBe(201);
  });
});

describe('corrections are reversing events', () => {
  it('reverses a wrong payment: the original stays in the timeline, the money is restored', async () => {
    const id = (await t.as(enforcer, 'POST', '/api/cases', newCase({ decision: { number: '18/QĐ-THADS', date: '2026-10-06' } }))).json().id;
    await t.as(enforcer, 'POST', `/api/cases/${id}/events`, { expectedVersion: 0, event: { type: 'payment', on: '2026-10-20', obligation: 'o2', amount: 9000000 } });
    const r = await t.as(enforcer, 'POST', `/api/cases/${id}/events/1/reverse`, { expectedVersion: 1, reason: 'Nhập nhầm số tiền' });
    expect(r.statusCode).toBe(201);
    const d = (await t.as(enforcer, 'GET', `/api/cases/${id}`)).json().case;
    expect(d.money.paid).toBe('0');
    expect(d.timeline.filter((e: { derived: boolean }) => !e.derived).map((e: { type: string; reversed: boolean }) => [e.type, e.reversed])).toEqual([['payment', true], ['reversal', false]]);
    const again = await t.as(enforcer, 'POST', `/api/cases/${id}/events/1/reverse`, { expectedVersion: 2, reason: 'Lần nữa' });
    expect(again.json().error.details[0].rule).toBe('not_reversible');
  });
});

describe('search', () => {
  it('finds "Nguyễn Văn An" typed without diacritics, by identity number and by decision number', async () => {
    const byName = (await t.as(enforcer, 'GET', '/api/cases?q=nguyen%20van%20an')).json();
    expect(byName.total).toBeGreaterThanOrEqual(4);
    expect(byName.items[0].obligors).toBe('Nguyễn Văn An');
    expect((await t.as(enforcer, 'GET', '/api/cases?q=NGUYỄN VĂN')).json().total).toBe(byName.total);
    expect((await t.as(enforcer, 'GET', '/api/cases?idNumber=080090001234')).json().total).toBe(byName.total);
    expect((await t.as(enforcer, 'GET', '/api/cases?decision=16/QĐ')).json().total).toBe(1);
    expect((await t.as(enforcer, 'GET', '/api/cases?q=tran%20van%20binh')).json().total).toBe(0);
    expect((await t.as(enforcer, 'GET', '/api/cases?status=completed')).json().total).toBe(1);
  });

  it('says which party matched when it is not the obligor the row shows: role and name, never the identity number', async () => {
    await t.as(enforcer, 'POST', '/api/cases', newCase({
      decision: { number: '31/QĐ-THADS', date: '2026-10-07' },
      parties: [
        { role: 'obligor', kind: 'person', name: 'Lê Văn Cường', idNumber: '080090005555', address: null },
        { role: 'obligor', kind: 'person', name: 'Phạm Thị Dung', idNumber: '080090006666', address: null },
        { role: 'obligee', kind: 'organisation', name: 'Ngân hàng Nông nghiệp', idNumber: null, address: null },
      ],
    }));
    const inspector = await t.login('thanh.tra');
    for (const who of [enforcer, inspector]) {
      const byObligee = (await t.as(who, 'GET', '/api/cases?q=tran%20thi%20binh')).json();
      expect(byObligee.total).toBeGreaterThanOrEqual(4);
      for (const item of byObligee.items) expect(item.match).toEqual({ role: 'obligee', name: 'Trần Thị Bình' });
      expect(JSON.stringify(byObligee)).not.toContain('080090001234');
      const bySecond = (await t.as(who, 'GET', '/api/cases?q=pham thi d')).json();
      expect(bySecond.items.map((i: { obligors: string; match: unknown }) => [i.obligors, i.match])).toEqual([
        ['Lê Văn Cường, Phạm Thị Dung', { role: 'obligor', name: 'Phạm Thị Dung' }],
      ]);
      // A number finds the case by its decision, not by a party; an identity number by the second obligor.
      const byNumber = (await t.as(who, 'GET', '/api/cases?q=31/QĐ')).json();
      expect(byNumber.items.map((i: { decisionNumber: string; match: unknown }) => [i.decisionNumber, i.match])).toEqual([['31/QĐ-THADS', null]]);
      expect((await t.as(who, 'GET', '/api/cases?idNumber=080090006666')).json().items[0].match).toEqual({ role: 'obligor', name: 'Phạm Thị Dung' });
    }
    // The obligor shown in the row: nothing to add.
    for (const item of (await t.as(enforcer, 'GET', '/api/cases?q=nguyen%20van%20an')).json().items) expect(item.match).toBeNull();
    expect((await t.as(enforcer, 'GET', '/api/cases?q=le van cuong')).json().items[0].match).toBeNull();
    expect((await t.as(enforcer, 'GET', '/api/cases')).json().items.every((i: { match: unknown }) => i.match === null)).toBe(true);
  });
});

describe('personal data', () => {
  it('is masked for an inspector and shown (and logged) for an enforcer', async () => {
    const id = (await t.as(enforcer, 'GET', '/api/cases?decision=16/QĐ')).json().items[0].id;
    const before = await countAudit(t.rt.db, 'case.personal_data_read');
    const full = (await t.as(enforcer, 'GET', `/api/cases/${id}`)).json();
    expect(full.personalDataMasked).toBe(false);
    expect(full.case.parties[0]).toMatchObject({ idNumber: '080090001234', address: 'ấp 3, xã Tầm Vu' });
    expect(await countAudit(t.rt.db, 'case.personal_data_read')).toBe(before + 1);
    const inspector = await t.login('thanh.tra');
    const masked = (await t.as(inspector, 'GET', `/api/cases/${id}`)).json();
    expect(masked.personalDataMasked).toBe(true);
    expect(masked.case.parties[0]).toMatchObject({ name: 'Nguyễn Văn An', idNumber: '*********234', address: '***' });
  });
});

describe('scope and roles', () => {
  it('a case of another province answers 404; an inspector cannot write; a mobilisation member cannot read', async () => {
    const admin = await t.login('admin');
    await t.as(admin, 'POST', '/api/units', { code: 'HN', name: 'THADS Hà Nội', level: 'province', parentCode: 'VN', validFrom: '2025-07-01' });
    await t.as(admin, 'POST', '/api/units', { code: 'HN-KV1', name: 'Phòng THADS khu vực 1 – Hà Nội', level: 'office', parentCode: 'HN', validFrom: '2025-07-01' });
    const hn = await t.as(admin, 'POST', '/api/cases', newCase({ office: 'HN-KV1', enforcer: null, commune: null }));
    expect(hn.statusCode).toBe(201);
    const hnId = hn.json().id;
    expect((await t.as(enforcer, 'GET', `/api/cases/${hnId}`)).statusCode).toBe(404);
    expect((await t.as(enforcer, 'POST', `/api/cases/${hnId}/events`, { expectedVersion: 0, event: { type: 'withdrawn', on: '2026-11-01' } })).statusCode).toBe(404);
    expect((await t.as(enforcer, 'POST', '/api/cases', newCase({ office: 'HN-KV1', enforcer: null, commune: null }))).statusCode).toBe(404);
    expect((await t.as(enforcer, 'GET', '/api/cases?unit=HN-KV1')).statusCode).toBe(404);
    expect((await t.as(enforcer, 'GET', '/api/cases?q=nguyen')).json().items.map((c: { id: string }) => c.id)).not.toContain(hnId);
    const inspector = await t.login('thanh.tra');
    expect((await t.as(inspector, 'POST', '/api/cases', newCase())).statusCode).toBe(403);
    const mob = await t.login('to.van.dong');
    expect((await t.as(mob, 'GET', '/api/cases')).statusCode).toBe(403);
  });
});

describe('deadlines and reassignment', () => {
  it('lists overdue and due-this-week steps for the enforcer and the office; completing a case removes it', async () => {
    const id = (await t.as(enforcer, 'POST', '/api/cases', newCase({ decision: { number: '19/QĐ-THADS', date: '2026-10-01' }, acceptedOn: '2026-10-01' }))).json().id;
    const mine = (await t.as(enforcer, 'GET', '/api/deadlines?mine=true')).json();
    expect(mine.today).toBe('2026-11-20');
    expect(mine.overdue.map((c: { id: string }) => c.id)).toContain(id);
    expect(mine.overdue.find((c: { id: string }) => c.id === id)).toMatchObject({ step: 'verify', title_vi: 'Xác minh điều kiện thi hành án' });
    expect((await t.as(enforcer, 'GET', '/api/auth/me')).json().user.enforcer).toEqual({ code: 'TN-KV3-01', name: 'Nguyễn Văn An' });
    const office = (await t.as(head, 'GET', '/api/deadlines')).json();
    expect(office.overdue.length).toBeGreaterThanOrEqual(mine.overdue.length);
    const other = await t.login('chv.ngoc');
    expect((await t.as(other, 'GET', '/api/deadlines?mine=true')).json().overdue.map((c: { id: string }) => c.id)).not.toContain(id);

    const re = await t.as(head, 'POST', '/api/cases/reassign', { caseIds: [id], enforcer: 'TN-KV3-02' });
    expect(re.json()).toMatchObject({ assigned: 1 });
    expect((await t.as(other, 'GET', '/api/deadlines?mine=true')).json().overdue.map((c: { id: string }) => c.id)).toContain(id);
    expect((await t.as(enforcer, 'POST', '/api/cases/reassign', { caseIds: [id], enforcer: 'TN-KV3-01' })).statusCode).toBe(403);
  });
});
