import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthService } from '../../src/modules/organisation/app/auth.service.js';
import { countAudit } from '../../src/platform/audit/audit-log.js';
import { DEMO_PASSWORD, startTestApp, type ManualClock, type TestApp } from '../support/harness.js';

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

const attempt = (app: TestApp, username: string, password: string, cookie?: string) =>
  app.as(null, 'POST', '/api/auth/login', { username, password }, cookie ? { headers: { cookie } } : undefined);
const answer = (r: LightMyRequestResponse) => ({ status: r.statusCode, ...(r.statusCode === 200 ? {} : { error: r.json().error }) });
/** The audit reasons of the failed logins of one username, counted. */
const failureReasons = async (app: TestApp, username: string) => {
  const rows = await app.rt.db.selectFrom('audit_log').where('action', '=', 'auth.login_failed').where('username', '=', username).select('after').execute();
  const counts: Record<string, number> = {};
  for (const r of rows) counts[(r.after as { reason: string }).reason] = (counts[(r.after as { reason: string }).reason] ?? 0) + 1;
  return counts;
};
const advanceSeconds = (clock: ManualClock, s: number) => clock.set(new Date(clock.now().getTime() + s * 1000).toISOString());
const deviceCookieOf = (r: LightMyRequestResponse) => {
  const all = ([] as string[]).concat(r.headers['set-cookie'] ?? []);
  return all.find((c) => c.startsWith('thads_device='));
};

describe('lockout under attack (LOGIN_MAX_FAILURES 5, LOGIN_LOCKOUT_MINUTES 15)', () => {
  let a: TestApp;
  beforeAll(async () => {
    a = await startTestApp({ LOGIN_MAX_FAILURES: '5', LOGIN_LOCKOUT_MINUTES: '15' });
  });
  afterAll(async () => a.close());

  it('counts parallel attempts atomically: 19 wrong passwords at once verify at most 5, and the right one is then refused', async () => {
    const answers = await Promise.all(Array.from({ length: 19 }, () => attempt(a, 'lanh.dao.tinh', 'sai-mat-khau-1')));
    for (const r of answers) expect([401, 423]).toContain(r.statusCode);
    expect(answers.filter((r) => r.statusCode === 423).length).toBeGreaterThanOrEqual(14);

    const right = await attempt(a, 'lanh.dao.tinh', DEMO_PASSWORD);
    expect(right.statusCode).toBe(423);
    expect(right.json().error.code).toBe('AUTH_ACCOUNT_LOCKED');
    // Each verified password leaves one 'wrong_password' row; the others were refused unverified.
    const reasons = await failureReasons(a, 'lanh.dao.tinh');
    expect(reasons.wrong_password).toBeLessThanOrEqual(5);
    expect((reasons.wrong_password ?? 0) + (reasons.locked ?? 0)).toBe(20);
    const locks = await a.rt.db.selectFrom('audit_log').where('action', '=', 'auth.locked').where('username', '=', 'lanh.dao.tinh').select('id').execute();
    expect(locks).toHaveLength(1);
  });

  it('answers an unknown username exactly as an existing one: the same codes, messages and lock times', async () => {
    const sequence = async (username: string) => {
      const out = [];
      for (let i = 0; i < 6; i++) out.push(answer(await attempt(a, username, 'sai-mat-khau-1')));
      return out;
    };
    const admin = await sequence('admin');
    const nobody = await sequence('khong.ton.tai');
    expect(nobody).toEqual(admin);
    expect(admin.map((r) => `${r.status} ${r.error?.code}`)).toEqual([
      ...Array<string>(4).fill('401 AUTH_INVALID_CREDENTIALS'), '423 AUTH_ACCOUNT_LOCKED', '423 AUTH_ACCOUNT_LOCKED',
    ]);
    expect(await failureReasons(a, 'khong.ton.tai')).toEqual({ unknown_user: 5, locked: 1 });
    expect(await failureReasons(a, 'admin')).toEqual({ wrong_password: 5, locked: 1 });
  });

  it('locks for LOGIN_LOCKOUT_MINUTES, then twice as long at each new lock; a success starts again from the first', async () => {
    const lockOnce = async (username: string) => {
      let last: LightMyRequestResponse | undefined;
      for (let i = 0; i < 5; i++) last = await attempt(a, username, 'sai-mat-khau-1');
      expect(last!.statusCode).toBe(423);
      return (Date.parse(last!.json().error.details.lockedUntil) - a.clock.now().getTime()) / 60_000;
    };
    const lengths = (username: string) => async () => {
      const out: number[] = [];
      for (let i = 0; i < 4; i++) {
        const minutes = await lockOnce(username);
        out.push(minutes);
        a.clock.advanceMinutes(minutes);
      }
      return out;
    };
    expect(await lengths('ke.toan')()).toEqual([15, 30, 60, 120]);
    expect(await lengths('ai.do.khac')()).toEqual([15, 30, 60, 120]);
    // Locked until the end of the lock, right password included.
    await lockOnce('ke.toan');
    a.clock.advanceMinutes(239);
    expect((await attempt(a, 'ke.toan', DEMO_PASSWORD)).statusCode).toBe(423);
    a.clock.advanceMinutes(1);
    expect((await attempt(a, 'ke.toan', DEMO_PASSWORD)).statusCode).toBe(200);
    expect(await lockOnce('ke.toan')).toBe(15);
  });

  it('trusts a browser that logged in before: strangers locking the account do not lock its owner out', async () => {
    const d = await startTestApp({ LOGIN_MAX_FAILURES: '5', LOGIN_LOCKOUT_MINUTES: '15' });
    try {
      const first = await attempt(d, 'admin', DEMO_PASSWORD);
      expect(first.statusCode).toBe(200);
      const setCookie = deviceCookieOf(first)!;
      expect(setCookie).toMatch(/^thads_device=[\w-]{40,};/);
      for (const attr of [/HttpOnly/, /SameSite=Strict/, /Path=\/api\/auth\/login/, /Max-Age=15552000/]) expect(setCookie).toMatch(attr);
      const device = setCookie.split(';')[0]!;
      // Only the token's SHA-256 is stored.
      const stored = await d.rt.db.selectFrom('trusted_devices').select('token_hash').execute();
      expect(stored.map((r) => r.token_hash)).not.toContain(device.slice('thads_device='.length));

      for (let i = 0; i < 5; i++) await attempt(d, 'admin', 'sai-mat-khau-1');
      expect((await attempt(d, 'admin', DEMO_PASSWORD)).statusCode).toBe(423);
      const known = await attempt(d, 'admin', DEMO_PASSWORD, device);
      expect(known.statusCode).toBe(200);
      expect(deviceCookieOf(known)!.split(';')[0]).toBe(device); // the same device, trusted afresh
      // The owner's login does not hand the strangers a fresh budget.
      expect((await attempt(d, 'admin', DEMO_PASSWORD)).statusCode).toBe(423);

      // The device is trusted for its own user only.
      for (let i = 0; i < 5; i++) await attempt(d, 'truong.phong', 'sai-mat-khau-1');
      expect((await attempt(d, 'truong.phong', DEMO_PASSWORD, device)).statusCode).toBe(423);

      // A device has a budget of its own: 5 wrong passwords answer 401, then it is no longer trusted.
      const wrong = [];
      for (let i = 0; i < 5; i++) wrong.push((await attempt(d, 'admin', 'sai-mat-khau-1', device)).statusCode);
      expect(wrong).toEqual([401, 401, 401, 401, 401]);
      expect((await attempt(d, 'admin', DEMO_PASSWORD, device)).statusCode).toBe(423);
      const failures = await d.rt.db.selectFrom('audit_log').where('action', '=', 'auth.login_failed').where('username', '=', 'admin').select('after').orderBy('id').execute();
      expect(failures.map((r) => r.after).slice(-6)).toEqual([
        ...Array(4).fill({ reason: 'wrong_password', trustedDevice: 'kept' }), { reason: 'wrong_password', trustedDevice: 'forgotten' }, { reason: 'locked' },
      ]);
    } finally {
      await d.close();
    }
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

  it('expires exactly after the idle time, however seldom the last request was stored (SESSION_IDLE_MINUTES 1)', async () => {
    const i = await startTestApp({ SESSION_IDLE_MINUTES: '1' });
    try {
      const s = await i.login('chv.an');
      for (let k = 0; k < 12; k++) {
        advanceSeconds(i.clock, 15);
        expect((await i.as(s, 'GET', '/api/auth/me')).statusCode).toBe(200);
      }
      advanceSeconds(i.clock, 61);
      const r = await i.as(s, 'GET', '/api/auth/me');
      expect(r.statusCode).toBe(401);
      expect(r.json().error.code).toBe('AUTH_SESSION_EXPIRED');
    } finally {
      await i.close();
    }
  });

  it('counts idleness from the last request this process saw, or from the stored one when another process saw a later one', async () => {
    const config = { ...t.rt.config, session: { ...t.rt.config.session, idleMinutes: 10 } };
    const auth = new AuthService(t.rt.db, config, t.rt.units, t.clock);
    const ctx = { userId: null, username: null, ip: '127.0.0.1', userAgent: null };
    const { sessionToken } = await auth.login('chv.an', DEMO_PASSWORD, ctx);
    const storedLastSeen = async () => (await t.rt.db.selectFrom('sessions').where('csrf_token', '=', (await auth.resolveSession(sessionToken, ctx)).csrfToken).select('last_seen_at').executeTakeFirstOrThrow()).last_seen_at;
    const loginAt = t.clock.now().getTime();
    advanceSeconds(t.clock, 50);
    expect((await storedLastSeen()).getTime()).toBe(loginAt); // not written: younger than a minute
    advanceSeconds(t.clock, 10 * 60 - 10); // 10 min 40 s after login, 9 min 50 s after the last request
    expect((await storedLastSeen()).getTime()).toBe(t.clock.now().getTime());
    // Another process (or this one restarted) knows only the stored time.
    const other = new AuthService(t.rt.db, config, t.rt.units, t.clock);
    advanceSeconds(t.clock, 9 * 60 + 59);
    await expect(other.resolveSession(sessionToken, ctx)).resolves.toMatchObject({ username: 'chv.an' });
    advanceSeconds(t.clock, 10 * 60);
    await expect(auth.resolveSession(sessionToken, ctx)).rejects.toMatchObject({ code: 'AUTH_SESSION_EXPIRED' });
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
