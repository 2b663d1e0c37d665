import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startTestApp, type Session, type TestApp } from '../support/harness.js';

/**
 * Units form a tree (national → province → office) plus successor links. A user sees only their unit's
 * subtree; anything else answers 404 (as if it did not exist) and is never changed.
 * Set-up: a second province HN with office HN-KV1 and its own head of office.
 */
let t: TestApp;
let admin: Session;
let head: Session; // truong.phong, office head of TN-KV3
let hnHeadId: number;
let tnEnforcerId: number;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
  for (const unit of [
    { code: 'HN', name: 'Thi hành án dân sự thành phố Hà Nội', level: 'province', parentCode: 'VN', validFrom: '2025-07-01' },
    { code: 'HN-KV1', name: 'Phòng Thi hành án dân sự khu vực 1 – Hà Nội', level: 'office', parentCode: 'HN', validFrom: '2025-07-01' },
  ]) {
    expect((await t.as(admin, 'POST', '/api/units', unit)).statusCode).toBe(201);
  }
  const created = await t.as(admin, 'POST', '/api/users', { username: 'tp.hanoi', fullName: 'Trần Quốc Toản', role: 'office_head', unitCode: 'HN-KV1', password: 'HaNoi2026abcd' });
  expect(created.statusCode).toBe(201);
  hnHeadId = created.json().user.id;
  head = await t.login('truong.phong');
  tnEnforcerId = (await t.as(admin, 'GET', '/api/users?q=chv.an')).json().items[0].id;
});
afterAll(async () => t.close());

describe('reading across units', () => {
  it('an office head lists only the users of the office', async () => {
    const r = (await t.as(head, 'GET', '/api/users?pageSize=500')).json();
    const units = new Set(r.items.map((u: { unit: { code: string } }) => u.unit.code));
    expect([...units]).toEqual(['TN-KV3']);
    expect(r.items.map((u: { username: string }) => u.username)).not.toContain('tp.hanoi');
  });

  it('answers 404 for a user of another office, by id and by unit filter', async () => {
    const byId = await t.as(head, 'GET', `/api/users/${hnHeadId}`);
    expect(byId.statusCode).toBe(404);
    expect(byId.json().error.code).toBe('NOT_FOUND');
    expect(byId.body).not.toContain('Toản');
    expect((await t.as(head, 'GET', '/api/users?unit=HN-KV1')).statusCode).toBe(404);
    expect((await t.as(head, 'GET', '/api/units/HN-KV1')).statusCode).toBe(404);
  });

  it('sees the former Chi cục it succeeds, but not its province nor other provinces', async () => {
    const codes = (await t.as(head, 'GET', '/api/units')).json().items.map((u: { code: string }) => u.code).sort();
    expect(codes).toEqual(['LA-CT', 'TN-KV3']);
    const laCt = (await t.as(head, 'GET', '/api/units/LA-CT')).json();
    expect(laCt.communes).toHaveLength(13);
    expect((await t.as(head, 'GET', '/api/units/LA')).statusCode).toBe(404);
  });

  it('a province head sees the province subtree and the former Long An units, and can switch to them', async () => {
    const p = await t.login('lanh.dao.tinh');
    const codes = (await t.as(p, 'GET', '/api/units')).json().items.map((u: { code: string }) => u.code).sort();
    expect(codes).toEqual(['LA', 'LA-CT', 'TN', 'TN-KV3']);
    const me = (await t.as(p, 'GET', '/api/auth/me')).json().user;
    expect(me.canSwitchUnit).toBe(true);
    const switched = await t.as(p, 'POST', '/api/auth/active-unit', { unitCode: 'TN-KV3' });
    expect(switched.statusCode).toBe(200);
    expect(switched.json().user.activeUnit.code).toBe('TN-KV3');
    const other = await t.as(p, 'POST', '/api/auth/active-unit', { unitCode: 'HN-KV1' });
    expect(other.statusCode).toBe(404);
    expect((await t.as(p, 'GET', '/api/auth/me')).json().user.activeUnit.code).toBe('TN-KV3');
  });

  it('a role without the permission gets 403', async () => {
    const e = await t.login('chv.an');
    const r = await t.as(e, 'GET', '/api/users');
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('FORBIDDEN');
    expect((await t.as(e, 'GET', '/api/audit')).statusCode).toBe(403);
  });
});

describe('writing across units', () => {
  it('a province administrator cannot create, edit, reset or unlock users of another province, and nothing changes', async () => {
    expect((await t.as(admin, 'POST', '/api/users', { username: 'qt.tayninh', fullName: 'Quản trị Tây Ninh', role: 'admin', unitCode: 'TN', password: 'TayNinh2026abc' })).statusCode).toBe(201);
    const tnAdmin = await t.login('qt.tayninh', 'TayNinh2026abc');
    await t.as(tnAdmin, 'POST', '/api/auth/password', { currentPassword: 'TayNinh2026abc', newPassword: 'TayNinh2026xyz' });
    const s = tnAdmin;
    const auditBefore = await t.rt.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();

    const attempts = [
      await t.as(s, 'POST', '/api/users', { username: 'ke.gian', fullName: 'Kẻ Gian', role: 'enforcer', unitCode: 'HN-KV1', password: 'KeGian2026abc' }),
      await t.as(s, 'PATCH', `/api/users/${hnHeadId}`, { disabled: true }),
      await t.as(s, 'POST', `/api/users/${hnHeadId}/reset-password`, { newPassword: 'KeGian2026abc' }),
      await t.as(s, 'POST', `/api/users/${hnHeadId}/unlock`),
      await t.as(s, 'PATCH', '/api/units/HN-KV1', { name: 'Đổi tên trái phép' }),
      await t.as(s, 'POST', '/api/units', { code: 'HN-KV9', name: 'Phòng khu vực 9', level: 'office', parentCode: 'HN', validFrom: '2025-07-01' }),
      // moving a user of one's own province into another province is also refused
      await t.as(s, 'PATCH', `/api/users/${tnEnforcerId}`, { unitCode: 'HN-KV1' }),
    ];
    expect(attempts.map((r) => r.statusCode)).toEqual([404, 404, 404, 404, 404, 404, 404]);
    for (const r of attempts) expect(r.json().error.code).toBe('NOT_FOUND');

    const hnHead = await t.rt.db.selectFrom('users').where('id', '=', hnHeadId).selectAll().executeTakeFirstOrThrow();
    expect(hnHead.disabled).toBe(false);
    expect(hnHead.must_change_password).toBe(true); // as created, not reset
    expect(await t.rt.db.selectFrom('users').where('username', '=', 'ke.gian').select('id').executeTakeFirst()).toBeUndefined();
    expect((await t.rt.db.selectFrom('units').where('code', '=', 'HN-KV1').select('name').executeTakeFirstOrThrow()).name).toBe('Phòng Thi hành án dân sự khu vực 1 – Hà Nội');
    expect(await t.rt.db.selectFrom('units').where('code', '=', 'HN-KV9').select('id').executeTakeFirst()).toBeUndefined();
    expect((await t.rt.db.selectFrom('users').where('id', '=', tnEnforcerId).select('unit_id').executeTakeFirstOrThrow()).unit_id).not.toBe(
      (await t.rt.db.selectFrom('units').where('code', '=', 'HN-KV1').select('id').executeTakeFirstOrThrow()).id,
    );
    const auditAfter = await t.rt.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(auditAfter.n).toBe(auditBefore.n);
  });

  it('an office head cannot manage users at all (403), even in the office', async () => {
    const r = await t.as(head, 'PATCH', `/api/users/${tnEnforcerId}`, { fullName: 'Tên mới' });
    expect(r.statusCode).toBe(403);
  });
});

describe('the login of the demo users', () => {
  it('works for every role', async () => {
    for (const u of ['admin', 'lanh.dao.tinh', 'truong.phong', 'chv.an', 'ke.toan', 'to.van.dong', 'thanh.tra']) {
      expect((await t.as(null, 'POST', '/api/auth/login', { username: u, password: DEMO_PASSWORD })).statusCode).toBe(200);
    }
  });
});
