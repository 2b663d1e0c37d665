/**
 * Login throttling and session lifetime rules. Pure: the clock is a parameter.
 *
 * Throttling is keyed by the username as typed (lower-cased), not by the account, so that a username that
 * does not exist goes through exactly the same answers as one that does: 401 until the budget is spent,
 * then 423. The state of a key is counted in the database: each attempt first *reserves* itself (one atomic
 * increment), and only a reservation within the budget may verify a password, so parallel attempts cannot
 * verify more than `maxFailures` passwords per lock window.
 */
export interface LockoutPolicy {
  readonly maxFailures: number;
  /** Length of the first lock; each further consecutive lock doubles it, up to MAX_LOCKOUT_MINUTES. */
  readonly lockoutMinutes: number;
}

/** The longest lock: an attacker can hold an account at one day per `maxFailures` guesses, no longer. */
export const MAX_LOCKOUT_MINUTES = 24 * 60;

/** A device (browser) a user logged in from stays trusted this long after its last successful login. */
export const TRUSTED_DEVICE_DAYS = 180;

/**
 * The throttle key of a username: every spelling that reaches the same account shares it. Usernames are
 * ASCII (users.routes.ts), so SQL's lower(username) gives the same key (the users list joins on it).
 */
export function throttleKey(username: string): string {
  return username.toLowerCase();
}

/** One key's counters as the database holds them. */
export interface ThrottleState {
  /** Attempts counted since the last lock or success, the ones still being verified included. */
  readonly failures: number;
  /** Consecutive locks since the last success (or administrator unlock). */
  readonly locks: number;
  readonly lockedUntil: Date | null;
}

/** A lock to write: the counter starts again from zero and the lock number grows by one. */
export interface Lock {
  readonly failures: 0;
  readonly locks: number;
  readonly lockedUntil: Date;
}

/** A key is locked while `lockedUntil` is in the future. */
export function isLocked(lockedUntil: Date | null, now: Date): lockedUntil is Date {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

/** The n-th consecutive lock lasts lockoutMinutes × 2^(n−1), at most MAX_LOCKOUT_MINUTES (exponential backoff). */
export function lockoutMinutes(n: number, policy: LockoutPolicy): number {
  const cap = Math.max(MAX_LOCKOUT_MINUTES, policy.lockoutMinutes);
  // 2^30 minutes is far past any cap; bounding the exponent keeps the product finite.
  return Math.min(cap, policy.lockoutMinutes * 2 ** Math.min(Math.max(n, 1) - 1, 30));
}

/** The lock that follows `state` at `now`. */
export function nextLock(state: ThrottleState, policy: LockoutPolicy, now: Date): Lock {
  const locks = state.locks + 1;
  return { failures: 0, locks, lockedUntil: new Date(now.getTime() + lockoutMinutes(locks, policy) * 60_000) };
}

export type ReservationOutcome =
  | { readonly kind: 'verify' }
  /** Refused without verifying; `lock` is the lock this refusal writes (null: one is already in force). */
  | { readonly kind: 'refuse'; readonly lockedUntil: Date; readonly lock: Lock | null };

/**
 * After the reservation statement counted this attempt (it counts nothing while a lock is in force):
 * verify the password only while the count is within `maxFailures`. A count past it means the budget is
 * held by attempts not yet concluded (parallel ones, or a process that died verifying): refuse and lock now,
 * so that the key cannot stay refused without a lock that ends.
 */
export function reservationOutcome(state: ThrottleState, policy: LockoutPolicy, now: Date): ReservationOutcome {
  if (isLocked(state.lockedUntil, now)) return { kind: 'refuse', lockedUntil: state.lockedUntil, lock: null };
  if (state.failures <= policy.maxFailures) return { kind: 'verify' };
  const lock = nextLock(state, policy, now);
  return { kind: 'refuse', lockedUntil: lock.lockedUntil, lock };
}

export interface WrongPasswordOutcome {
  /** The lock this failure writes, if any. */
  readonly lock: Lock | null;
  /** The lock in force after this failure (answer 423), or null (answer 401). */
  readonly lockedUntil: Date | null;
}

/**
 * After a wrong password, with the key's state read under a row lock: once `maxFailures` attempts are
 * counted the key is locked. A lock written meanwhile by a parallel attempt is reported, not extended.
 */
export function afterWrongPassword(state: ThrottleState, policy: LockoutPolicy, now: Date): WrongPasswordOutcome {
  if (isLocked(state.lockedUntil, now)) return { lock: null, lockedUntil: state.lockedUntil };
  if (state.failures < policy.maxFailures) return { lock: null, lockedUntil: null };
  const lock = nextLock(state, policy, now);
  return { lock, lockedUntil: lock.lockedUntil };
}

/**
 * A trusted device skips the username throttle but has a budget of its own, counted the same way: a
 * reservation within `maxFailures` verifies; past it the device is no longer trusted.
 */
export function deviceReservation(failures: number, policy: LockoutPolicy): 'verify' | 'forget' {
  return failures <= policy.maxFailures ? 'verify' : 'forget';
}

/** After `maxFailures` wrong passwords from a trusted device it is forgotten (the username throttle applies). */
export function deviceAfterWrongPassword(failures: number, policy: LockoutPolicy): 'keep' | 'forget' {
  return failures >= policy.maxFailures ? 'forget' : 'keep';
}

/** Devices last used before this moment are no longer trusted. */
export function deviceTrustedSince(now: Date): Date {
  return new Date(now.getTime() - TRUSTED_DEVICE_DAYS * 86_400_000);
}

export interface SessionTimes {
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
}

export interface SessionPolicy {
  readonly idleMinutes: number;
  readonly absoluteHours: number;
}

/** A session ends after `idleMinutes` without a request or `absoluteHours` after login, whichever first. */
export function sessionExpiresAt(s: SessionTimes, policy: SessionPolicy): Date {
  const idle = s.lastSeenAt.getTime() + policy.idleMinutes * 60_000;
  const absolute = s.createdAt.getTime() + policy.absoluteHours * 3_600_000;
  return new Date(Math.min(idle, absolute));
}

export function isSessionExpired(s: SessionTimes, policy: SessionPolicy, now: Date): boolean {
  return sessionExpiresAt(s, policy).getTime() <= now.getTime();
}

/**
 * How old the stored `last_seen_at` may grow before a request rewrites it: min(60 s, idle/10). A process
 * checks idleness against its own memory of the last request, so the stored time only matters to another
 * process or after a restart, which may then end a session early by at most this much; writing it less
 * often spares a write per request.
 */
export function lastSeenWriteIntervalMs(policy: Pick<SessionPolicy, 'idleMinutes'>): number {
  return Math.min(60_000, (policy.idleMinutes * 60_000) / 10);
}

export type PasswordRule = 'min_length' | 'max_length' | 'letter' | 'digit' | 'not_username';

/**
 * Password policy: 10–128 characters, at least one letter and one digit, not containing the username.
 * Long passphrases are preferred over complexity rules (NIST SP 800-63B).
 */
export function passwordProblems(password: string, username: string): PasswordRule[] {
  const problems: PasswordRule[] = [];
  if (password.length < 10) problems.push('min_length');
  if (password.length > 128) problems.push('max_length');
  if (!/\p{L}/u.test(password)) problems.push('letter');
  if (!/\p{N}/u.test(password)) problems.push('digit');
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) problems.push('not_username');
  return problems;
}
