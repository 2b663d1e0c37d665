import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AppConfig } from '../config/config.js';
import { takeFirstPrepared, type Db } from '../db/database.js';
import { afterFailedLogin, isLocked, isSessionExpired, passwordProblems } from '../domain/access/login-policy.js';
import { canSwitchUnit, permissionsOf, ROLES, type Role } from '../domain/access/roles.js';
import { AppError } from '../domain/errors.js';
import { dummyHash, hashPassword, verifyPassword } from '../infra/password-hasher.js';
import { appendAudit, type RequestContext } from '../repositories/audit.repository.js';
import type { Actor } from './actor.js';
import type { UnitDirectory } from './unit-directory.js';

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export interface LoginResult {
  sessionToken: string;
  csrfToken: string;
  userId: number;
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

  /** Logs a user in; failures are counted and lock the account after `maxFailures` (config). */
  async login(username: string, password: string, ctx: RequestContext): Promise<LoginResult> {
    const now = this.clock.now();
    const user = await this.db
      .selectFrom('users')
      .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
      .selectAll()
      .executeTakeFirst();
    const attempt = { ...ctx, username: user?.username ?? username.slice(0, 100), userId: user?.id ?? null };

    if (!user) {
      await verifyPassword(await dummyHash(), password);
      await this.db.transaction().execute((tx) =>
        appendAudit(tx, attempt, { action: 'auth.login_failed', entityType: 'user', entityId: null, unitId: null, after: { reason: 'unknown_user' } }),
      );
      throw new AppError('AUTH_INVALID_CREDENTIALS');
    }
    if (isLocked({ failedLogins: user.failed_logins, lockedUntil: user.locked_until }, now)) {
      await this.db.transaction().execute((tx) =>
        appendAudit(tx, attempt, { action: 'auth.login_failed', entityType: 'user', entityId: user.id, unitId: user.unit_id, after: { reason: 'locked' } }),
      );
      throw new AppError('AUTH_ACCOUNT_LOCKED', { lockedUntil: user.locked_until!.toISOString() });
    }
    const ok = await verifyPassword(user.password_hash, password);
    if (!ok) {
      const next = afterFailedLogin({ failedLogins: user.failed_logins, lockedUntil: user.locked_until }, this.config.login, now);
      await this.db.transaction().execute(async (tx) => {
        await tx.updateTable('users').set({ failed_logins: next.failedLogins, locked_until: next.lockedUntil }).where('id', '=', user.id).execute();
        await appendAudit(tx, attempt, { action: 'auth.login_failed', entityType: 'user', entityId: user.id, unitId: user.unit_id, after: { reason: 'wrong_password' } });
        if (next.justLocked) {
          await appendAudit(tx, attempt, {
            action: 'auth.locked', entityType: 'user', entityId: user.id, unitId: user.unit_id,
            before: { lockedUntil: user.locked_until }, after: { lockedUntil: next.lockedUntil },
          });
        }
      });
      if (next.justLocked) throw new AppError('AUTH_ACCOUNT_LOCKED', { lockedUntil: next.lockedUntil!.toISOString() });
      throw new AppError('AUTH_INVALID_CREDENTIALS');
    }
    if (user.disabled) {
      await this.db.transaction().execute((tx) =>
        appendAudit(tx, attempt, { action: 'auth.login_failed', entityType: 'user', entityId: user.id, unitId: user.unit_id, after: { reason: 'disabled' } }),
      );
      throw new AppError('AUTH_ACCOUNT_DISABLED');
    }

    const sessionToken = randomToken();
    const csrfToken = randomToken();
    await this.db.transaction().execute(async (tx) => {
      await tx.updateTable('users').set({ failed_logins: 0, locked_until: null, last_login_at: now }).where('id', '=', user.id).execute();
      await tx
        .insertInto('sessions')
        .values({
          id: sha256(sessionToken), user_id: user.id, csrf_token: csrfToken, active_unit_id: user.unit_id,
          created_at: now, last_seen_at: now, ip: ctx.ip, user_agent: ctx.userAgent?.slice(0, 400) ?? null,
        })
        .execute();
      await appendAudit(tx, attempt, { action: 'auth.login', entityType: 'user', entityId: user.id, unitId: user.unit_id, after: { ip: ctx.ip } });
    });
    return { sessionToken, csrfToken, userId: user.id };
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
    const expired = isSessionExpired({ createdAt: row.created_at, lastSeenAt: row.last_seen_at }, this.config.session, now);
    if (expired || row.disabled) {
      await this.db.deleteFrom('sessions').where('id', '=', id).execute();
      throw new AppError('AUTH_SESSION_EXPIRED');
    }
    // Sliding expiry, written at most once a minute so that reads do not each cost a write.
    if (now.getTime() - row.last_seen_at.getTime() > 60_000) {
      await this.db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
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
