import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAudit } from '../../src/repositories/audit.repository.js';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../support/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_MINUTES: '15', SESSION_IDLE_MINUTES: '30', SESSION_ABSOLUTE_HOURS: '8' });
});
afterAll(async () => t.close());

const sessionsOf = async (username: string) =>
  Number(
    (await t.rt.db.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.user_id').where('users.username', '=', username)
      .select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n,
  );

describe('login', () => {
  it('logs the demo head of office in with an HttpOnly SameSite cookie and a CSRF token', async () => {
    const res = await t.as(null, 'POST', '/api/auth/login', { username: 'truong.phong', password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^thads_sid=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // plain HTTP in tests; 'auto' adds Secure behind HTTPS
    const body = res.json();
    expect(body.user).toMatchObject({ username: 'truong.phong', role: 'office_head', unit: { code: 'TN-KV3' }, canSwitchUnit: false });
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    expect(JSON.stringify(body)).not.toMatch(/password_?hash|"password"|\$argon2/i);
  });

  it('marks the cookie Secure behind an HTTPS proxy when trusted', async () => {
    const p = await startTestApp({ TRUST_PROXY: 'true' });
    try {
      const res = await p.as(null, 'POST', '/api/auth/login', { username: 'admin', password: DEMO_PASSWORD }, { headers: { 'x-forwarded-proto': 'https' } });
      expect(res.statusCode).toBe(200);
      expect(String(res.headers['set-cookie'])).toMatch(/Secure/);
    } finally {
      await p.close();
    }
  });

  it('answers a wrong password and an unknown user with the same 401, and records both', async () => {
    const before = await countAudit(t.rt.db, 'auth.login_failed');
    const wrong = await t.as(null, 'POST', '/api/auth/login', { username: 'chv.ngoc', password: 'sai-mat-khau-1' });
    const unknown = await t.as(null, 'POST', '/api/auth/login', { username: 'khong.ton.tai', password: 'sai-mat-khau-1' });
    for (const r of [wrong, unknown]) {
      expect(r.statusCode).toBe(401);
      expect(r.json().error).toEqual({ code: 'AUTH_INVALID_CREDENTIALS', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
      expect(r.headers['set-cookie']).toBeUndefined();
    }
    expect(await countAudit(t.rt.db, 'auth.login_failed')).toBe(before + 2);
  });

  it('answers in English on request', async () => {
    const r = await t.as(null, 'POST', '/api/auth/login', { username: 'x', password: 'y' }, { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(r.json().error.message).toBe('Wrong username or password.');
  });

  it('refuses malformed JSON, a missing field, a non-JSON body and an oversized body, creating no session', async () => {
    const before = await t.rt.db.selectFrom('sessions').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const malformed = await t.as(null, 'POST', '/api/auth/login', '{"username": "admin", ');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('MALFORMED_JSON');

    const missing = await t.as(null, 'POST', '/api/auth/login', { username: 'admin' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'password', rule: 'invalid_type', message: 'Bắt buộc nhập.' }] });

    const form = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'username=admin&password=x' });
    expect(form.statusCode).toBe(415);
    expect(form.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');

    const big = await t.as(null, 'POST', '/api/auth/login', { username: 'admin', password: 'x'.repeat(2 * 1024 * 1024) });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('PAYLOAD_TOO_LARGE');

    const after = await t.rt.db.selectFrom('sessions').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('refuses a login posted from another site', async () => {
    const r = await t.as(null, 'POST', '/api/auth/login', { username: 'admin', password: DEMO_PASSWORD }, { headers: { origin: 'https://evil.example' } });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('CSRF_ORIGIN_MISMATCH');
    expect(r.headers['set-cookie']).toBeUndefined();
  });
});

describe('lockout', () => {
  it('locks the account after 3 failures (even the right password is refused) until an administrator unlocks it', async () => {
    for (let i = 0; i < 2; i++) {
      expect((await t.as(null, 'POST', '/api/auth/login', { username: 'ke.toan', password: 'sai-mat-khau-1' })).statusCode).toBe(401);
    }
    const third = await t.as(null, 'POST', '/api/auth/login', { username: 'ke.toan', password: 'sai-mat-khau-1' });
    expect(third.statusCode).toBe(423);
    expect(third.json().error.code).toBe('AUTH_ACCOUNT_LOCKED');
    expect(Date.parse(third.json().error.details.lockedUntil)).toBe(t.clock.now().getTime() + 15 * 60_000);

    const right = await t.as(null, 'POST', '/api/auth/login', { username: 'ke.toan', password: DEMO_PASSWORD });
    expect(right.statusCode).toBe(423);
    expect(await countAudit(t.rt.db, 'auth.locked')).toBe(1);

    const admin = await t.login('admin');
    const users = (await t.as(admin, 'GET', '/api/users?q=ke.toan')).json();
    expect(users.items[0].lockedUntil).not.toBeNull();
    expect((await t.as(admin, 'POST', `/api/users/${users.items[0].id}/unlock`)).statusCode).toBe(204);
    expect((await t.as(null, 'POST', '/api/auth/login', { username: 'ke.toan', password: DEMO_PASSWORD })).statusCode).toBe(200);
  });

  it('unlocks by itself when the lockout period has passed', async () => {
    for (let i = 0; i < 3; i++) await t.as(null, 'POST', '/api/auth/login', { username: 'thanh.tra', password: 'sai-mat-khau-1' });
    expect((await t.as(null, 'POST', '/api/auth/login', { username: 'thanh.tra', password: DEMO_PASSWORD })).statusCode).toBe(423);
    t.clock.advanceMinutes(16);
    expect((await t.as(null, 'POST', '/api/auth/login', { username: 'thanh.tra', password: DEMO_PASSWORD })).statusCode).toBe(200);
  });
});

describe('rate limit', () => {
  it('answers 429 RATE_LIMITED past the per-address login budget', async () => {
    const r = await startTestApp({ LOGIN_RATE_PER_MINUTE: '4' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 6; i++) codes.push((await r.as(null, 'POST', '/api/auth/login', { username: 'nobody', password: 'whatever-1' })).statusCode);
      expect(codes).toEqual([401, 401, 401, 401, 429, 429]);
      const limited = await r.as(null, 'POST', '/api/auth/login', { username: 'admin', password: DEMO_PASSWORD });
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe('RATE_LIMITED');
      expect(limited.json().error.details.retryAfterSeconds).toBeGreaterThan(0);
    } finally {
      await r.close();
    }
  });
});

describe('sessions', () => {
  it('needs a session for protected routes', async () => {
    const r = await t.as(null, 'GET', '/api/auth/me');
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe('AUTH_REQUIRED');
    const forged = await t.as({ cookie: 'thads_sid=forged-token', csrf: 'x' }, 'GET', '/api/auth/me');
    expect(forged.json().error.code).toBe('AUTH_SESSION_EXPIRED');
  });

  it('expires after the idle time, sliding with use', async () => {
    const s = await t.login('chv.an');
    t.clock.advanceMinutes(20);
    expect((await t.as(s, 'GET', '/api/auth/me')).statusCode).toBe(200);
    t.clock.advanceMinutes(20); // 40 min after login, 20 after last use
    expect((await t.as(s, 'GET', '/api/auth/me')).statusCode).toBe(200);
    t.clock.advanceMinutes(31);
    const r = await t.as(s, 'GET', '/api/auth/me');
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe('AUTH_SESSION_EXPIRED');
  });

  it('expires after the absolute lifetime even when used', async () => {
    const s = await t.login('chv.an');
    for (let i = 0; i < 20; i++) {
      t.clock.advanceMinutes(25);
      const r = await t.as(s, 'GET', '/api/auth/me');
      if (i < 19) expect(r.statusCode).toBe(200);
      else expect(r.json().error.code).toBe('AUTH_SESSION_EXPIRED'); // 500 min > 8 h
    }
  });

  it('logout ends the session and needs the CSRF token', async () => {
    const s = await t.login('chv.an');
    const noToken = await t.as(s, 'POST', '/api/auth/logout', undefined, { csrf: false });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('CSRF_TOKEN_INVALID');
    expect((await t.as(s, 'GET', '/api/auth/me')).statusCode).toBe(200);
    const out = await t.as(s, 'POST', '/api/auth/logout');
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/thads_sid=;/);
    expect((await t.as(s, 'GET', '/api/auth/me')).json().error.code).toBe('AUTH_SESSION_EXPIRED');
  });
});

describe('password change', () => {
  it('checks the current password and the policy, then ends the other sessions', async () => {
    const a = await t.login('chv.ngoc');
    const b = await t.login('chv.ngoc');
    const wrong = await t.as(a, 'POST', '/api/auth/password', { currentPassword: 'nope', newPassword: 'MatKhauMoi2026' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('AUTH_WRONG_PASSWORD');
    const weak = await t.as(a, 'POST', '/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'short' });
    expect(weak.json().error).toMatchObject({ code: 'PASSWORD_POLICY' });
    expect(weak.json().error.details.map((d: { rule: string }) => d.rule)).toEqual(['min_length', 'digit']);
    expect(await sessionsOf('chv.ngoc')).toBe(2);

    const ok = await t.as(a, 'POST', '/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'MatKhauMoi2026' });
    expect(ok.statusCode).toBe(204);
    expect((await t.as(a, 'GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await t.as(b, 'GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await t.as(null, 'POST', '/api/auth/login', { username: 'chv.ngoc', password: DEMO_PASSWORD })).statusCode).toBe(401);
    expect((await t.as(null, 'POST', '/api/auth/login', { username: 'chv.ngoc', password: 'MatKhauMoi2026' })).statusCode).toBe(200);
  });

  it('holds a user with a reset password at the change-password step', async () => {
    const admin = await t.login('admin');
    const list = (await t.as(admin, 'GET', '/api/users?q=to.van.dong')).json();
    const id = list.items[0].id;
    expect((await t.as(admin, 'POST', `/api/users/${id}/reset-password`, { newPassword: 'TamThoi2026x' })).statusCode).toBe(204);
    const s = await t.login('to.van.dong', 'TamThoi2026x');
    expect((await t.as(s, 'GET', '/api/auth/me')).json().user.mustChangePassword).toBe(true);
    const blocked = await t.as(s, 'GET', '/api/units');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
    expect((await t.as(s, 'POST', '/api/auth/password', { currentPassword: 'TamThoi2026x', newPassword: 'CuaToi2026abc' })).statusCode).toBe(204);
    expect((await t.as(s, 'GET', '/api/auth/me')).json().user.mustChangePassword).toBe(false);
  });
});
