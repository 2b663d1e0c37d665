import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AppConfig } from '../../../platform/config/config.js';
import { takeFirstPrepared, type Db, type Tx } from '../../../platform/db/database.js';
import type { JsonRecord } from '../../../platform/audit/audit-diff.js';
import {
  afterWrongPassword, deviceAfterWrongPassword, deviceReservation, deviceTrustedSince, isSessionExpired, lastSeenWriteIntervalMs,
  passwordProblems, reservationOutcome, throttleKey,
} from '../domain/login-policy.js';
import { canSwitchUnit, permissionsOf, ROLES, type Role } from '../domain/roles.js';
import { AppError } from '../../../kernel/errors.js';
import { dummyHash, hashPassword, verifyPassword } from '../infra/password-hasher.js';
import { appendAudit, type RequestContext } from '../../../platform/audit/audit-log.js';
import {
  clearThrottle, deviceFailuresForUpdate, forgetDevice, reserveAttempt, reserveDeviceAttempt, throttleForUpdate, trustDevice, writeLock,
} from '../infra/login-throttle.repository.js';
import { SessionActivity } from './session-activity.js';
import type { Actor } from './actor.js';
import { systemClock, type Clock } from '../../../platform/clock.js';
import type { UnitDirectory } from './unit-directory.js';


export interface LoginResult {
  sessionToken: string;
  csrfToken: string;
  userId: number;
  /** The browser's trusted-device token (cookie thads_device): the one it presented, or a new one. */
  deviceToken: string;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const randomToken = () => randomBytes(32).toString('base64url');

/** Authentication use cases: login, sessions, logout, password change, unit switch. */
export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly config: AppConfig,
    private readonly units: UnitDirectory,
    private readonly clock: Clock = systemClock,
  ) {}

  /** The last request of each session seen by this process (precise idle expiry, see resolveSession). */
  private readonly activity = new SessionActivity();

  /**
   * Logs a user in. Failures are throttled per username as typed, existing or not (same answers for both),
   * with locks that double; a browser the user logged in from before (`deviceToken`) is exempt from that
   * throttle and has a budget of its own. Every attempt reserves itself before its password is verified,
   * so that parallel attempts verify at most `maxFailures` passwords per lock window.
   */
  async login(username: string, password: string, ctx: RequestContext, deviceToken: string | null = null): Promise<LoginResult> {
    const now = this.clock.now();
    const policy = this.config.login;
    const key = throttleKey(username);
    const user = await this.db
      .selectFrom('users')
      .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
      .selectAll()
      .executeTakeFirst();
    const attempt = { ...ctx, username: user?.username ?? username.slice(0, 100), userId: user?.id ?? null };
    const audit = (tx: Tx, action: string, after: JsonRecord, before?: JsonRecord) =>
      appendAudit(tx, attempt, { action, entityType: 'user', entityId: user?.id ?? null, unitId: user?.unit_id ?? null, before: before ?? null, after });

    // A trusted device of this very user: its own budget, not the username's (which strangers can spend).
    // Looked up for unknown usernames too (matching nothing), so that the answer takes the same time.
    let device: string | null = null;
    if (deviceToken) {
      const hash = sha256(deviceToken);
      const failures = await reserveDeviceAttempt(this.db, hash, user?.id ?? 0, deviceTrustedSince(now));
      if (failures !== null && deviceReservation(failures, policy) === 'verify') device = hash;
      else if (failures !== null) await forgetDevice(this.db, hash); // its budget is spent: the username's throttle applies
    }
    if (device === null) {
      // The reservation commits before the verification starts, so that parallel attempts see it.
      const reserved = await this.db.transaction().execute(async (tx) => {
        const state = await reserveAttempt(tx, key, now);
        const outcome = reservationOutcome(state, policy, now);
        if (outcome.kind === 'refuse') {
          if (outcome.lock) {
            await writeLock(tx, key, outcome.lock);
            await audit(tx, 'auth.locked', { lockedUntil: outcome.lock.lockedUntil, lockNumber: outcome.lock.locks }, { lockedUntil: state.lockedUntil });
          }
          await audit(tx, 'auth.login_failed', { reason: 'locked' });
        }
        return outcome;
      });
      if (reserved.kind === 'refuse') throw new AppError('AUTH_ACCOUNT_LOCKED', { lockedUntil: reserved.lockedUntil.toISOString() });
    }

    // An unknown username verifies a dummy hash: the same time as a real one.
    let ok = false;
    if (user) ok = await verifyPassword(user.password_hash, password);
    else await verifyPassword(await dummyHash(), password);
    if (!user || !ok) {
      const reason = user ? 'wrong_password' : 'unknown_user';
      const lockedUntil = await this.db.transaction().execute(async (tx) => {
        if (device !== null) {
          const failures = await deviceFailuresForUpdate(tx, device);
          const forget = failures !== null && deviceAfterWrongPassword(failures, policy) === 'forget';
          if (forget) await forgetDevice(tx, device);
          await audit(tx, 'auth.login_failed', { reason, trustedDevice: forget ? 'forgotten' : 'kept' });
          return null;
        }
        const state = await throttleForUpdate(tx, key);
        const outcome = afterWrongPassword(state, policy, now);
        if (outcome.lock) {
          await writeLock(tx, key, outcome.lock);
          await audit(tx, 'auth.locked', { lockedUntil: outcome.lock.lockedUntil, lockNumber: outcome.lock.locks }, { lockedUntil: state.lockedUntil });
        }
        await audit(tx, 'auth.login_failed', { reason });
        return outcome.lockedUntil;
      });
      if (lockedUntil) throw new AppError('AUTH_ACCOUNT_LOCKED', { lockedUntil: lockedUntil.toISOString() });
      throw new AppError('AUTH_INVALID_CREDENTIALS');
    }
    if (user.disabled) {
      await this.db.transaction().execute((tx) => audit(tx, 'auth.login_failed', { reason: 'disabled' }));
      throw new AppError('AUTH_ACCOUNT_DISABLED');
    }

    const sessionToken = randomToken();
    const csrfToken = randomToken();
    const newDeviceToken = device === null ? randomToken() : deviceToken!;
    await this.db.transaction().execute(async (tx) => {
      await tx.updateTable('users').set({ last_login_at: now }).where('id', '=', user.id).execute();
      // Through the username: its count and lock number start afresh. Through a trusted device the
      // username's throttle stays as it is: the owner's login must not hand strangers a fresh budget.
      if (device === null) await clearThrottle(tx, key);
      await trustDevice(tx, device ?? sha256(newDeviceToken), user.id, now, deviceTrustedSince(now));
      await tx
        .insertInto('sessions')
        .values({
          id: sha256(sessionToken), user_id: user.id, csrf_token: csrfToken, active_unit_id: user.unit_id,
          created_at: now, last_seen_at: now, ip: ctx.ip, user_agent: ctx.userAgent?.slice(0, 400) ?? null,
        })
        .execute();
      await audit(tx, 'auth.login', { ip: ctx.ip, trustedDevice: device !== null });
    });
    return { sessionToken, csrfToken, userId: user.id, deviceToken: newDeviceToken };
  }

  /**
   * Turns a session cookie into the request's Actor, or throws AUTH_SESSION_EXPIRED. Ends sessions past
   * their idle or absolute lifetime and those of disabled users.
   */
  async resolveSession(sessionToken: string, ctx: Omit<RequestContext, 'userId' | 'username'>): Promise<Actor> {
    const now = this.clock.now();
    const id = sha256(sessionToken);
    // Every request reads its session: a prepared statement (parsed and planned once per connection).
    const row = await takeFirstPrepared(
      this.db,
      this.db
        .selectFrom('sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .where('s.id', '=', id)
        .select([
          's.id', 's.csrf_token', 's.active_unit_id', 's.created_at', 's.last_seen_at',
          'u.id as user_id', 'u.username', 'u.full_name', 'u.role', 'u.unit_id', 'u.disabled', 'u.must_change_password',
        ]),
    );
    if (!row) throw new AppError('AUTH_SESSION_EXPIRED');
    // Idle time counts from the last request this process saw, or the stored one if later (another
    // process, or before a restart); the stored one alone lags by up to its write interval.
    const lastSeenAt = new Date(Math.max(row.last_seen_at.getTime(), this.activity.lastSeen(id) ?? 0));
    const expired = isSessionExpired({ createdAt: row.created_at, lastSeenAt }, this.config.session, now);
    if (expired || row.disabled) {
      this.activity.forget(id);
      await this.db.deleteFrom('sessions').where('id', '=', id).execute();
      throw new AppError('AUTH_SESSION_EXPIRED');
    }
    this.activity.touch(id, now.getTime(), this.config.session.idleMinutes * 60_000);
    // The stored time is rewritten only when older than min(60 s, idle/10): not a write per request, yet
    // another process or a restart ends a session early by at most that much.
    if (now.getTime() - row.last_seen_at.getTime() > lastSeenWriteIntervalMs(this.config.session)) {
      await this.db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).where('last_seen_at', '<', now).execute();
    }
    const role = asRole(row.role);
    const unit = await this.units.byId(row.unit_id);
    if (!unit) throw new AppError('AUTH_SESSION_EXPIRED');
    const scope = await this.units.scopeOf(row.unit_id);
    const activeUnitId = scope.has(row.active_unit_id) ? row.active_unit_id : row.unit_id;
    return {
      userId: row.user_id,
      username: row.username,
      fullName: row.full_name,
      role,
      permissions: permissionsOf(role),
      unitId: row.unit_id,
      unitLevel: unit.level,
      activeUnitId,
      scope,
      activeScope: activeUnitId === row.unit_id ? scope : await this.units.scopeOf(activeUnitId),
      sessionId: row.id,
      csrfToken: row.csrf_token,
      mustChangePassword: row.must_change_password,
      ctx: { ...ctx, userId: row.user_id, username: row.username },
    };
  }

  /** Constant-time comparison of the request's CSRF header with the session's token. */
  csrfMatches(actor: Actor, header: string | undefined): boolean {
    if (!header) return false;
    const a = Buffer.from(actor.csrfToken);
    const b = Buffer.from(header);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  async logout(actor: Actor): Promise<void> {
    this.activity.forget(actor.sessionId);
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('sessions').where('id', '=', actor.sessionId).execute();
      await appendAudit(tx, actor.ctx, { action: 'auth.logout', entityType: 'user', entityId: actor.userId, unitId: actor.unitId });
    });
  }

  /** Changes the caller's own password; their other sessions end (someone else may hold one). */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.db.selectFrom('users').where('id', '=', actor.userId).select(['password_hash', 'username']).executeTakeFirstOrThrow();
    if (!(await verifyPassword(user.password_hash, currentPassword))) {
      throw new AppError('AUTH_WRONG_PASSWORD', [{ field: 'currentPassword', rule: 'wrong_password', message: 'Mật khẩu hiện tại không đúng.' }]);
    }
    assertPasswordPolicy(newPassword, user.username, 'newPassword');
    if (currentPassword === newPassword) {
      throw new AppError('PASSWORD_POLICY', [{ field: 'newPassword', rule: 'same_as_current', message: 'Mật khẩu mới phải khác mật khẩu hiện tại.' }]);
    }
    const passwordHash = await hashPassword(newPassword);
    await this.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('users')
        .set({ password_hash: passwordHash, must_change_password: false, password_changed_at: this.clock.now() })
        .where('id', '=', actor.userId)
        .execute();
      await tx.deleteFrom('sessions').where('user_id', '=', actor.userId).where('id', '!=', actor.sessionId).execute();
      await appendAudit(tx, actor.ctx, { action: 'auth.password_changed', entityType: 'user', entityId: actor.userId, unitId: actor.unitId });
    });
  }

  /** The unit switcher: a user above office level works on one unit of their scope at a time. */
  async switchActiveUnit(actor: Actor, unitCode: string): Promise<void> {
    const unit = await this.units.byCode(unitCode);
    if (!unit || !actor.scope.has(unit.id)) throw new AppError('NOT_FOUND');
    if (!canSwitchUnit(actor.unitLevel)) throw new AppError('FORBIDDEN');
    await this.db.transaction().execute(async (tx) => {
      await tx.updateTable('sessions').set({ active_unit_id: unit.id }).where('id', '=', actor.sessionId).execute();
      await appendAudit(tx, actor.ctx, {
        action: 'session.unit_switched', entityType: 'user', entityId: actor.userId, unitId: actor.unitId,
        before: { activeUnitId: actor.activeUnitId }, after: { activeUnitId: unit.id, activeUnitCode: unit.code },
      });
    });
  }
}

export function asRole(value: string): Role {
  if ((ROLES as readonly string[]).includes(value)) return value as Role;
  throw new Error(`unknown role in database: ${value}`);
}

/** Throws PASSWORD_POLICY naming `field` and every rule the password breaks. */
export function assertPasswordPolicy(password: string, username: string, field: string): void {
  const problems = passwordProblems(password, username);
  if (problems.length > 0) {
    throw new AppError('PASSWORD_POLICY', problems.map((rule) => ({ field, rule, message: PASSWORD_RULE_MESSAGES[rule] })));
  }
}

const PASSWORD_RULE_MESSAGES = {
  min_length: 'Mật khẩu phải có ít nhất 10 ký tự.',
  max_length: 'Mật khẩu không được dài quá 128 ký tự.',
  letter: 'Mật khẩu phải có ít nhất một chữ cái.',
  digit: 'Mật khẩu phải có ít nhất một chữ số.',
  not_username: 'Mật khẩu không được chứa tên đăng nhập.',
} as const;
