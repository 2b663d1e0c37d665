/**
 * Login throttling and session lifetime rules. Pure: the clock is a parameter.
 */
export interface LockoutPolicy {
  readonly maxFailures: number;
  readonly lockoutMinutes: number;
}

export interface FailureState {
  readonly failedLogins: number;
  readonly lockedUntil: Date | null;
}

/** An account is locked while `lockedUntil` is in the future. */
export function isLocked(state: FailureState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/**
 * After a failed login: count it; at `maxFailures` consecutive failures lock the account for
 * `lockoutMinutes` and start counting again from zero.
 */
export function afterFailedLogin(state: FailureState, policy: LockoutPolicy, now: Date): FailureState & { justLocked: boolean } {
  const failures = state.failedLogins + 1;
  if (failures >= policy.maxFailures) {
    return { failedLogins: 0, lockedUntil: new Date(now.getTime() + policy.lockoutMinutes * 60_000), justLocked: true };
  }
  return { failedLogins: failures, lockedUntil: state.lockedUntil, justLocked: false };
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
