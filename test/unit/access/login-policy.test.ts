import { describe, expect, it } from 'vitest';
import { afterFailedLogin, isLocked, isSessionExpired, passwordProblems, sessionExpiresAt } from '../../../src/domain/access/login-policy.js';
import { auditDiff, stripSecrets } from '../../../src/domain/access/audit-diff.js';

const at = (iso: string) => new Date(iso);
const policy = { maxFailures: 3, lockoutMinutes: 15 };

describe('lockout', () => {
  it('counts failures and locks at the limit, then counts from zero', () => {
    const now = at('2026-11-20T08:00:00Z');
    let s = { failedLogins: 0, lockedUntil: null as Date | null };
    s = afterFailedLogin(s, policy, now);
    expect(s).toMatchObject({ failedLogins: 1, lockedUntil: null, justLocked: false });
    s = afterFailedLogin(s, policy, now);
    const locked = afterFailedLogin(s, policy, now);
    expect(locked).toEqual({ failedLogins: 0, lockedUntil: at('2026-11-20T08:15:00Z'), justLocked: true });
    expect(isLocked(locked, at('2026-11-20T08:14:59Z'))).toBe(true);
    expect(isLocked(locked, at('2026-11-20T08:15:00Z'))).toBe(false);
  });
});

describe('session lifetime', () => {
  const p = { idleMinutes: 30, absoluteHours: 8 };
  it('ends 30 minutes after the last request', () => {
    const s = { createdAt: at('2026-11-20T08:00:00Z'), lastSeenAt: at('2026-11-20T09:00:00Z') };
    expect(sessionExpiresAt(s, p)).toEqual(at('2026-11-20T09:30:00Z'));
    expect(isSessionExpired(s, p, at('2026-11-20T09:29:59Z'))).toBe(false);
    expect(isSessionExpired(s, p, at('2026-11-20T09:30:00Z'))).toBe(true);
  });
  it('ends 8 hours after login however active', () => {
    const s = { createdAt: at('2026-11-20T08:00:00Z'), lastSeenAt: at('2026-11-20T15:59:00Z') };
    expect(sessionExpiresAt(s, p)).toEqual(at('2026-11-20T16:00:00Z'));
  });
});

describe('password policy', () => {
  it.each([
    ['ChauThanh@2026', 'truong.phong', []],
    ['short1', 'x', ['min_length']],
    ['chỉ-có-chữ-cái', 'x', ['digit']],
    ['1234567890123', 'x', ['letter']],
    ['truong.phong2026', 'truong.phong', ['not_username']],
    ['Mật khẩu dài có dấu 2026', 'an', []],
    [`a1${'x'.repeat(127)}`, 'x', ['max_length']],
  ] as const)('%s for %s → %j', (pw, user, problems) => {
    expect(passwordProblems(pw, user)).toEqual(problems);
  });
});

describe('audit diff', () => {
  it('keeps only changed keys and drops secrets', () => {
    expect(auditDiff({ name: 'A', role: 'x', password_hash: 'h1' }, { name: 'B', role: 'x', password_hash: 'h2' })).toEqual({ before: { name: 'A' }, after: { name: 'B' } });
  });
  it('records a creation whole, without secrets, with dates and bigints as strings', () => {
    expect(auditDiff(null, { username: 'a', password: 'p', csrfToken: 't', at: at('2026-01-02T03:04:05Z'), amount: 12n })).toEqual({
      before: null,
      after: { username: 'a', at: '2026-01-02T03:04:05.000Z', amount: '12' },
    });
    expect(stripSecrets({ secretKey: 1, ok: 2 })).toEqual({ ok: 2 });
  });
  it('names a key that disappears as changed to null', () => {
    expect(auditDiff({ a: 1, b: 2 }, { a: 1 })).toEqual({ before: { b: 2 }, after: { b: null } });
  });
});
