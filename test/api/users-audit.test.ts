import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../support/harness.js';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
});
afterAll(async () => t.close());

const countRows = async (table: 'users' | 'audit_log') =>
  Number((await t.rt.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

describe('user administration', () => {
  it('creates a user and records who, when, from where and what in the audit trail', async () => {
    const r = await t.as(admin, 'POST', '/api/users', { username: 'chv.moi', fullName: 'Ngô Thị Mới', role: 'enforcer', unitCode: 'TN-KV3', password: 'ChvMoi2026abc' }, { headers: { 'user-agent': 'vitest-agent' } });
    expect(r.statusCode).toBe(201);
    const user = r.json().user;
    expect(user).toMatchObject({ username: 'chv.moi', role: 'enforcer', unit: { code: 'TN-KV3' }, mustChangePassword: true, disabled: false });
    const audit = (await t.as(admin, 'GET', `/api/audit?action=user.created&entityId=${user.id}`)).json();
    expect(audit.total).toBe(1);
    expect(audit.items[0]).toMatchObject({
      username: 'admin', action: 'user.created', entityType: 'user', entityId: String(user.id), unitCode: 'TN-KV3', userAgent: 'vitest-agent',
      before: null, after: { username: 'chv.moi', fullName: 'Ngô Thị Mới', role: 'enforcer', unitCode: 'TN-KV3' },
    });
    expect(audit.items[0].ip).toBeTruthy();
    expect(JSON.stringify(audit.items[0])).not.toContain('ChvMoi2026abc');
  });

  it('records only what changed on an edit, before and after', async () => {
    const id = (await t.as(admin, 'GET', '/api/users?q=chv.moi')).json().items[0].id;
    const r = await t.as(admin, 'PATCH', `/api/users/${id}`, { fullName: 'Ngô Thị Mới Sửa', disabled: true });
    expect(r.statusCode).toBe(200);
    const audit = (await t.as(admin, 'GET', `/api/audit?action=user.updated&entityId=${id}`)).json();
    expect(audit.items[0].before).toEqual({ fullName: 'Ngô Thị Mới', disabled: false });
    expect(audit.items[0].after).toEqual({ fullName: 'Ngô Thị Mới Sửa', disabled: true });
  });

  it('refuses bad input naming each field and rule, writing nothing', async () => {
    const [users, audits] = [await countRows('users'), await countRows('audit_log')];
    const bad = await t.as(admin, 'POST', '/api/users', { username: 'a b', fullName: '', role: 'king', unitCode: 'TN-KV3', password: 'x' });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.map((d: { field: string; rule: string }) => `${d.field}:${d.rule}`);
    expect(fields).toEqual(expect.arrayContaining(['username:invalid_format', 'fullName:too_small', 'role:invalid_value']));

    const weak = await t.as(admin, 'POST', '/api/users', { username: 'chv.yeu', fullName: 'Mật Khẩu Yếu', role: 'enforcer', unitCode: 'TN-KV3', password: 'chv.yeu123456' });
    expect(weak.json().error).toMatchObject({ code: 'PASSWORD_POLICY', details: [{ field: 'password', rule: 'not_username' }] });

    const dup = await t.as(admin, 'POST', '/api/users', { username: 'CHV.AN', fullName: 'Trùng Tên', role: 'enforcer', unitCode: 'TN-KV3', password: 'TrungTen2026ab' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({
      message: 'Tên đăng nhập "CHV.AN" đã có người dùng.',
      details: [{ field: 'username', rule: 'username_taken', message: 'Tên đăng nhập "CHV.AN" đã có người dùng.' }],
    });

    const unitDup = await t.as(admin, 'POST', '/api/units', { code: 'TN-KV3', name: 'Trùng mã', level: 'office', parentCode: 'TN', validFrom: '2025-07-01' });
    expect(unitDup.statusCode).toBe(409);
    expect(unitDup.json().error).toMatchObject({
      message: 'Mã đơn vị "TN-KV3" đã được dùng cho một đơn vị khác.',
      details: [{ field: 'code', rule: 'unit_code_taken' }],
    });

    const level = await t.as(admin, 'POST', '/api/users', { username: 'chv.tinh', fullName: 'Sai Cấp', role: 'enforcer', unitCode: 'TN', password: 'SaiCap2026abc' });
    expect(level.json().error.details[0]).toMatchObject({ field: 'role', rule: 'role_unit_level' });

    const extra = await t.as(admin, 'POST', '/api/users', { username: 'chv.x', fullName: 'Thừa Trường', role: 'enforcer', unitCode: 'TN-KV3', password: 'ThuaTruong2026', isAdmin: true });
    expect(extra.json().error.details[0]).toMatchObject({ rule: 'unrecognized_keys' });

    const unknownUnit = await t.as(admin, 'POST', '/api/users', { username: 'chv.y', fullName: 'Không Đơn Vị', role: 'enforcer', unitCode: 'XX-99', password: 'KhongDonVi2026' });
    expect(unknownUnit.statusCode).toBe(404);

    expect([await countRows('users'), await countRows('audit_log')]).toEqual([users, audits]);
  });

  it('an administrator cannot disable or demote themselves', async () => {
    const me = (await t.as(admin, 'GET', '/api/auth/me')).json().user;
    const r = await t.as(admin, 'PATCH', `/api/users/${me.id}`, { disabled: true });
    expect(r.statusCode).toBe(403);
    expect((await t.as(admin, 'GET', '/api/auth/me')).statusCode).toBe(200);
  });

  it('disabling a user ends their sessions and refuses their login', async () => {
    const s = await t.login('ke.toan');
    const id = (await t.as(admin, 'GET', '/api/users?q=ke.toan')).json().items[0].id;
    expect((await t.as(admin, 'PATCH', `/api/users/${id}`, { disabled: true })).statusCode).toBe(200);
    expect((await t.as(s, 'GET', '/api/auth/me')).statusCode).toBe(401);
    const again = await t.as(null, 'POST', '/api/auth/login', { username: 'ke.toan', password: 'ChauThanh@2026' });
    expect(again.statusCode).toBe(403);
    expect(again.json().error.code).toBe('AUTH_ACCOUNT_DISABLED');
  });
});

describe('audit trail', () => {
  it('records logins and logouts with the address, filterable by user and date', async () => {
    const s = await t.login('chv.an');
    await t.as(s, 'POST', '/api/auth/logout');
    const r = (await t.as(admin, 'GET', '/api/audit?user=chv.an&entityType=user')).json();
    const actions = r.items.map((i: { action: string }) => i.action);
    expect(actions.slice(0, 2)).toEqual(['auth.logout', 'auth.login']);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    expect((await t.as(admin, 'GET', `/api/audit?user=chv.an&from=${today}&to=${today}`)).json().total).toBeGreaterThanOrEqual(2);
    expect((await t.as(admin, 'GET', '/api/audit?user=chv.an&from=2020-01-01&to=2020-01-31')).json().total).toBe(0);
    expect((await t.as(admin, 'GET', '/api/audit?from=2025-02-30')).json().error.details[0]).toMatchObject({ field: 'from' });
  });

  it('is scoped: an office head sees the records of the office only', async () => {
    const head = await t.login('truong.phong');
    const r = (await t.as(head, 'GET', '/api/audit?pageSize=500')).json();
    expect(r.total).toBeGreaterThan(0);
    for (const i of r.items) expect(['TN-KV3', 'LA-CT', null]).toContain(i.unitCode);
    // the administrator's logins (national unit) are not the office's business
    expect(r.items.filter((i: { action: string; username: string }) => i.username === 'admin' && i.action === 'auth.login')).toEqual([]);
  });

  it('cannot be changed or deleted, even by a direct query', async () => {
    const before = await countRows('audit_log');
    await expect(sql`UPDATE audit_log SET action = 'x'`.execute(t.rt.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(t.rt.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(t.rt.db)).rejects.toThrow(/append-only/);
    expect(await countRows('audit_log')).toBe(before);
  });

  it('is written in the same transaction as the change: a failing audit write leaves no change', async () => {
    // A check constraint that refuses this one audit row makes the audit insert fail after the user update.
    const id = (await t.as(admin, 'GET', '/api/users?q=chv.an')).json().items[0].id;
    await sql.raw(`ALTER TABLE audit_log ADD CONSTRAINT no_updates_of_${id} CHECK (NOT (action = 'user.updated' AND entity_id = '${id}')) NOT VALID`).execute(t.rt.db);
    try {
      const r = await t.as(admin, 'PATCH', `/api/users/${id}`, { fullName: 'Không Được Lưu' });
      expect(r.statusCode).toBe(500);
      expect(r.json().error.code).toBe('INTERNAL');
      const row = await t.rt.db.selectFrom('users').where('id', '=', id).select('full_name').executeTakeFirstOrThrow();
      expect(row.full_name).toBe('Nguyễn Văn An');
    } finally {
      await sql.raw(`ALTER TABLE audit_log DROP CONSTRAINT no_updates_of_${id}`).execute(t.rt.db);
    }
  });
});

describe('locks seen and lifted by an administrator', () => {
  const wrongLogins = async (username: string, n: number) => {
    let last = 0;
    for (let i = 0; i < n; i++) last = (await t.as(null, 'POST', '/api/auth/login', { username, password: 'sai-mat-khau-1' })).statusCode;
    return last;
  };
  const listed = async (username: string) => (await t.as(admin, 'GET', `/api/users?q=${username}`)).json().items[0];

  it('shows the lock of a username, and an unlock also forgets the earlier locks (the next one is the first again)', async () => {
    expect(await wrongLogins('chv.ngoc', 5)).toBe(423);
    const first = await listed('chv.ngoc');
    expect(Date.parse(first.lockedUntil)).toBe(t.clock.now().getTime() + 15 * 60_000);
    t.clock.advanceMinutes(15);
    expect((await listed('chv.ngoc')).lockedUntil).toBeNull();
    expect(await wrongLogins('chv.ngoc', 5)).toBe(423);
    // The second consecutive lock lasts twice as long.
    expect(Date.parse((await listed('chv.ngoc')).lockedUntil)).toBe(t.clock.now().getTime() + 30 * 60_000);

    expect((await t.as(admin, 'POST', `/api/users/${first.id}/unlock`)).statusCode).toBe(204);
    expect((await listed('chv.ngoc')).lockedUntil).toBeNull();
    const audit = (await t.as(admin, 'GET', `/api/audit?action=user.unlocked&entityId=${first.id}`)).json();
    expect(audit.items[0].before.lockedUntil).toBe(new Date(t.clock.now().getTime() + 30 * 60_000).toISOString());
    expect(audit.items[0].after).toEqual({ lockedUntil: null });

    expect(await wrongLogins('chv.ngoc', 5)).toBe(423);
    expect(Date.parse((await listed('chv.ngoc')).lockedUntil)).toBe(t.clock.now().getTime() + 15 * 60_000);
    expect((await t.as(admin, 'POST', `/api/users/${first.id}/unlock`)).statusCode).toBe(204);
    expect((await t.as(null, 'POST', '/api/auth/login', { username: 'chv.ngoc', password: 'ChauThanh@2026' })).statusCode).toBe(200);
  });
});
