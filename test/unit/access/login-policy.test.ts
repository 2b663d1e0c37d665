import { describe, expect, it } from 'vitest';
import {
  afterWrongPassword, deviceAfterWrongPassword, deviceReservation, deviceTrustedSince, isLocked, isSessionExpired, lastSeenWriteIntervalMs,
  lockoutMinutes, MAX_LOCKOUT_MINUTES, passwordProblems, reservationOutcome, sessionExpiresAt, throttleKey, type ThrottleState,
} from '../../../src/modules/organisation/domain/login-policy.js';
import { auditDiff, stripSecrets } from '../../../src/platform/audit/audit-diff.js';
import { SessionActivity } from '../../../src/modules/organisation/app/session-activity.js';

const at = (iso: string) => new Date(iso);
const policy = { maxFailures: 3, lockoutMinutes: 15 };
const now = at('2026-11-20T08:00:00Z');
const state = (failures: number, locks = 0, lockedUntil: Date | null = null): ThrottleState => ({ failures, locks, lockedUntil });

describe('lockout: reservation', () => {
  it('lets the attempts within the budget verify a password, this attempt counted', () => {
    for (const n of [1, 2, 3]) expect(reservationOutcome(state(n), policy, now)).toEqual({ kind: 'verify' });
  });

  it('refuses past the budget without verifying, and writes the lock itself (the budget is held by attempts in flight)', () => {
    expect(reservationOutcome(state(4, 0), policy, now)).toEqual({
      kind: 'refuse', lockedUntil: at('2026-11-20T08:15:00Z'), lock: { failures: 0, locks: 1, lockedUntil: at('2026-11-20T08:15:00Z') },
    });
    expect(reservationOutcome(state(19, 2), policy, now)).toMatchObject({ kind: 'refuse', lock: { locks: 3, lockedUntil: at('2026-11-20T09:00:00Z') } });
  });

  it('refuses while a lock is in force, writing nothing; verifies again once it has ended', () => {
    const until = at('2026-11-20T08:10:00Z');
    expect(reservationOutcome(state(0, 1, until), policy, now)).toEqual({ kind: 'refuse', lockedUntil: until, lock: null });
    expect(reservationOutcome(state(1, 1, until), policy, until)).toEqual({ kind: 'verify' });
  });
});

describe('lockout: wrong password', () => {
  it('answers 401 below the limit and locks at it', () => {
    expect(afterWrongPassword(state(1), policy, now)).toEqual({ lock: null, lockedUntil: null });
    expect(afterWrongPassword(state(2), policy, now)).toEqual({ lock: null, lockedUntil: null });
    const locked = afterWrongPassword(state(3), policy, now);
    expect(locked).toEqual({ lock: { failures: 0, locks: 1, lockedUntil: at('2026-11-20T08:15:00Z') }, lockedUntil: at('2026-11-20T08:15:00Z') });
    expect(isLocked(locked.lockedUntil, at('2026-11-20T08:14:59Z'))).toBe(true);
    expect(isLocked(locked.lockedUntil, at('2026-11-20T08:15:00Z'))).toBe(false);
  });

  it('reports a lock a parallel attempt wrote without extending it', () => {
    const until = at('2026-11-20T08:15:00Z');
    expect(afterWrongPassword(state(0, 1, until), policy, now)).toEqual({ lock: null, lockedUntil: until });
  });

  it('an absent row (a success or an unlock meanwhile) is a clean slate', () => {
    expect(afterWrongPassword(state(0), policy, now)).toEqual({ lock: null, lockedUntil: null });
  });
});

describe('lockout: exponential backoff', () => {
  it('doubles each consecutive lock from LOGIN_LOCKOUT_MINUTES, capped at 24 hours', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => lockoutMinutes(n, policy))).toEqual([15, 30, 60, 120, 240, 480, 960, 1440]);
    expect(lockoutMinutes(1_000, policy)).toBe(MAX_LOCKOUT_MINUTES);
    expect(lockoutMinutes(1, { maxFailures: 5, lockoutMinutes: 1 })).toBe(1);
    expect(lockoutMinutes(12, { maxFailures: 5, lockoutMinutes: 1 })).toBe(1440);
  });

  it('the n-th lock follows the count of locks before it', () => {
    expect(afterWrongPassword(state(3, 1), policy, now).lockedUntil).toEqual(at('2026-11-20T08:30:00Z'));
    expect(afterWrongPassword(state(3, 4), policy, now).lockedUntil).toEqual(at('2026-11-20T12:00:00Z'));
    expect(afterWrongPassword(state(3, 40), policy, now).lockedUntil).toEqual(at('2026-11-21T08:00:00Z'));
  });
});

describe('lockout: keys and trusted devices', () => {
  it('keys the throttle by the username as typed, lower-cased, existing or not', () => {
    expect(throttleKey('Admin')).toBe(throttleKey('admin'));
    expect(throttleKey('KHONG.TON.TAI')).toBe('khong.ton.tai');
  });

  it('a trusted device verifies within its own budget and is forgotten after maxFailures wrong passwords', () => {
    expect([1, 2, 3, 4].map((n) => deviceReservation(n, policy))).toEqual(['verify', 'verify', 'verify', 'forget']);
    expect([1, 2, 3].map((n) => deviceAfterWrongPassword(n, policy))).toEqual(['keep', 'keep', 'forget']);
  });

  it('trusts a device for 180 days after its last successful login', () => {
    expect(deviceTrustedSince(now)).toEqual(at('2026-05-24T08:00:00Z'));
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
  it('rewrites the stored last request when older than min(60 s, idle/10)', () => {
    expect(lastSeenWriteIntervalMs({ idleMinutes: 1 })).toBe(6_000);
    expect(lastSeenWriteIntervalMs({ idleMinutes: 5 })).toBe(30_000);
    expect(lastSeenWriteIntervalMs({ idleMinutes: 60 })).toBe(60_000);
  });
});

describe('session activity (this process\'s memory of last requests)', () => {
  it('remembers the last request of each session', () => {
    const a = new SessionActivity();
    a.touch('s1', 1_000, 60_000);
    a.touch('s1', 16_000, 60_000);
    expect(a.lastSeen('s1')).toBe(16_000);
    a.forget('s1');
    expect(a.lastSeen('s1')).toBeUndefined();
  });
  it('drops sessions idle past the limit, then the least recently used past its size', () => {
    const a = new SessionActivity(3);
    a.touch('old', 0, 60_000);
    a.touch('s1', 30_000, 60_000);
    a.touch('s2', 70_000, 60_000); // 'old' is 70 s idle: expired anyway
    expect(a.lastSeen('old')).toBeUndefined();
    a.touch('s1', 71_000, 60_000); // s1 becomes the most recently used
    a.touch('s3', 72_000, 60_000);
    a.touch('s4', 73_000, 60_000); // four entries: the least recently used (s2) goes
    expect([a.lastSeen('s2'), a.lastSeen('s1'), a.lastSeen('s3'), a.lastSeen('s4'), a.size]).toEqual([undefined, 71_000, 72_000, 73_000, 3]);
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
