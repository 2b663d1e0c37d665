import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';
import { throttleKey } from '../domain/login-policy.js';
import { roleFitsUnitLevel, type Role } from '../domain/roles.js';
import { AppError } from '../../../kernel/errors.js';
import { hashPassword } from '../infra/password-hasher.js';
import { appendAudit, type RequestContext } from '../../../platform/audit/audit-log.js';
import { clearThrottle } from '../infra/login-throttle.repository.js';
import type { Actor } from './actor.js';
import { assertPasswordPolicy } from './auth.service.js';
import { systemClock, type Clock } from '../../../platform/clock.js';
import type { UnitDirectory } from './unit-directory.js';

export interface UserView {
  id: number;
  username: string;
  fullName: string;
  role: string;
  unit: { id: number; code: string; name: string; level: string };
  disabled: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface NewUser {
  username: string;
  fullName: string;
  role: Role;
  unitCode: string;
  password: string;
  mustChangePassword?: boolean;
}

export interface UserPatch {
  fullName?: string | undefined;
  role?: Role | undefined;
  unitCode?: string | undefined;
  disabled?: boolean | undefined;
}

/** User administration use cases. Callers have passed the central access check (permission and unit). */
export class UsersService {
  constructor(
    private readonly db: Db,
    private readonly units: UnitDirectory,
    private readonly clock: Clock = systemClock,
  ) {}

  private baseQuery() {
    return this.db
      .selectFrom('users as u')
      .innerJoin('units as un', 'un.id', 'u.unit_id')
      // Locks are kept per lower-cased username (login_throttle, migration 0009), not on the user row.
      .leftJoin('login_throttle as lt', (j) => j.on('lt.username_key', '=', sql<string>`lower(u.username)`))
      .select([
        'u.id', 'u.username', 'u.full_name', 'u.role', 'u.disabled', 'lt.locked_until', 'u.must_change_password',
        'u.last_login_at', 'u.created_at', 'un.id as unit_id', 'un.code as unit_code', 'un.name as unit_name', 'un.level as unit_level',
      ]);
  }

  private present(r: Awaited<ReturnType<ReturnType<UsersService['baseQuery']>['executeTakeFirstOrThrow']>>): UserView {
    const now = this.clock.now();
    return {
      id: r.id,
      username: r.username,
      fullName: r.full_name,
      role: r.role,
      unit: { id: r.unit_id, code: r.unit_code, name: r.unit_name, level: r.unit_level },
      disabled: r.disabled,
      lockedUntil: r.locked_until && r.locked_until > now ? r.locked_until.toISOString() : null,
      mustChangePassword: r.must_change_password,
      lastLoginAt: r.last_login_at?.toISOString() ?? null,
      createdAt: r.created_at.toISOString(),
    };
  }

  async list(actor: Actor, f: { unitCode?: string | undefined; q?: string | undefined; role?: string | undefined; page: number; pageSize: number }) {
    let unitIds = [...actor.activeScope];
    if (f.unitCode) {
      const unit = await this.units.byCode(f.unitCode);
      unitIds = unit && actor.scope.has(unit.id) ? [unit.id] : [];
    }
    let q = this.baseQuery().where('u.unit_id', 'in', unitIds.length > 0 ? unitIds : [-1]);
    if (f.role) q = q.where('u.role', '=', f.role);
    if (f.q) {
      const like = `%${f.q.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) => eb.or([eb(sql`lower(u.username)`, 'like', like), eb(sql`lower(u.full_name)`, 'like', like)]));
    }
    const [rows, count] = await Promise.all([
      q.orderBy('un.code').orderBy('u.username').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute(),
      q.clearSelect().select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map((r) => this.present(r)), total: Number(count.n) };
  }

  async get(id: number): Promise<UserView | undefined> {
    const r = await this.baseQuery().where('u.id', '=', id).executeTakeFirst();
    return r ? this.present(r) : undefined;
  }

  /** Creates a user at a unit; the role must suit the unit's level (an enforcer belongs to an office). */
  async create(ctx: RequestContext, input: NewUser): Promise<UserView> {
    const unit = await this.requireUnit(input.unitCode, 'unitCode');
    assertRoleFits(input.role, unit.level);
    assertPasswordPolicy(input.password, input.username, 'password');
    const passwordHash = await hashPassword(input.password);
    const id = await this.db.transaction().execute(async (tx) => {
      const taken = await tx.selectFrom('users').where(sql`lower(username)`, '=', input.username.toLowerCase()).select('id').executeTakeFirst();
      if (taken) throw usernameTaken(input.username);
      const row = await tx
        .insertInto('users')
        .values({
          username: input.username, full_name: input.fullName, password_hash: passwordHash, role: input.role, unit_id: unit.id,
          enforcer_id: null, must_change_password: input.mustChangePassword ?? true,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
        .catch((e: unknown) => {
          throw isUniqueViolation(e) ? usernameTaken(input.username) : e;
        });
      await appendAudit(tx, ctx, {
        action: 'user.created', entityType: 'user', entityId: row.id, unitId: unit.id,
        after: { username: input.username, fullName: input.fullName, role: input.role, unitCode: unit.code },
      });
      return row.id;
    });
    return (await this.get(id))!;
  }

  /** Edits name, role, unit or the disabled flag; disabling ends the user's sessions. */
  async update(actor: Actor, id: number, patch: UserPatch): Promise<UserView> {
    const current = await this.get(id);
    if (!current) throw new AppError('NOT_FOUND');
    if (id === actor.userId && (patch.disabled === true || (patch.role && patch.role !== current.role) || (patch.unitCode && patch.unitCode !== current.unit.code))) {
      throw new AppError('FORBIDDEN', undefined, 'Không thể tự vô hiệu hóa, đổi vai trò hay đổi đơn vị của chính mình.');
    }
    const unit = patch.unitCode ? await this.requireUnit(patch.unitCode, 'unitCode') : await this.units.byId(current.unit.id);
    if (!unit) throw new AppError('NOT_FOUND');
    if (patch.unitCode && !actor.scope.has(unit.id)) throw new AppError('NOT_FOUND');
    const role = (patch.role ?? current.role) as Role;
    assertRoleFits(role, unit.level);
    await this.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('users')
        .set({
          ...(patch.fullName !== undefined ? { full_name: patch.fullName } : {}),
          ...(patch.role !== undefined ? { role: patch.role } : {}),
          ...(patch.unitCode !== undefined ? { unit_id: unit.id } : {}),
          ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}),
        })
        .where('id', '=', id)
        .execute();
      if (patch.disabled === true || (patch.unitCode && unit.id !== current.unit.id) || (patch.role && patch.role !== current.role)) {
        await tx.deleteFrom('sessions').where('user_id', '=', id).execute();
      }
      await appendAudit(tx, actor.ctx, {
        action: 'user.updated', entityType: 'user', entityId: id, unitId: unit.id,
        before: { fullName: current.fullName, role: current.role, unitCode: current.unit.code, disabled: current.disabled },
        after: {
          fullName: patch.fullName ?? current.fullName, role, unitCode: unit.code, disabled: patch.disabled ?? current.disabled,
        },
      });
    });
    return (await this.get(id))!;
  }

  /** Sets a new password chosen by an administrator; the user must change it at next login. */
  async resetPassword(ctx: RequestContext, id: number, newPassword: string): Promise<void> {
    const current = await this.get(id);
    if (!current) throw new AppError('NOT_FOUND');
    assertPasswordPolicy(newPassword, current.username, 'newPassword');
    const passwordHash = await hashPassword(newPassword);
    await this.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('users')
        .set({ password_hash: passwordHash, must_change_password: true, password_changed_at: this.clock.now() })
        .where('id', '=', id)
        .execute();
      await clearThrottle(tx, throttleKey(current.username));
      await tx.deleteFrom('sessions').where('user_id', '=', id).execute();
      await appendAudit(tx, ctx, { action: 'user.password_reset', entityType: 'user', entityId: id, unitId: current.unit.id, after: { mustChangePassword: true } });
    });
  }

  /**
   * Ends the username's lock and forgets its failures and earlier locks (the next lock is the first again).
   * Locks belong to the username as typed (login_throttle), so this also ends one that strangers ran up.
   */
  async unlock(ctx: RequestContext, id: number): Promise<void> {
    const current = await this.get(id);
    if (!current) throw new AppError('NOT_FOUND');
    await this.db.transaction().execute(async (tx) => {
      await clearThrottle(tx, throttleKey(current.username));
      await appendAudit(tx, ctx, {
        action: 'user.unlocked', entityType: 'user', entityId: id, unitId: current.unit.id,
        before: { lockedUntil: current.lockedUntil }, after: { lockedUntil: null },
      });
    });
  }

  private async requireUnit(code: string, field: string) {
    const unit = await this.units.byCode(code);
    if (!unit) {
      throw new AppError('VALIDATION_FAILED', [{ field, rule: 'unknown_unit', message: `Không có đơn vị mã "${code}".` }]);
    }
    return unit;
  }
}

function assertRoleFits(role: Role, level: 'national' | 'province' | 'office') {
  if (!roleFitsUnitLevel(role, level)) {
    throw new AppError('VALIDATION_FAILED', [
      { field: 'role', rule: 'role_unit_level', message: `Vai trò này không thể gắn với đơn vị cấp ${LEVEL_VI[level]}.` },
    ]);
  }
}

const LEVEL_VI = { national: 'trung ương', province: 'tỉnh', office: 'khu vực/huyện' } as const;

/** A username is unique whatever its case: the answer names it, on its field, and says so in the message too. */
function usernameTaken(username: string) {
  const message = `Tên đăng nhập "${username}" đã có người dùng.`;
  return new AppError('CONFLICT', [{ field: 'username', rule: 'username_taken', message }], message);
}

export function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: string }).code === '23505';
}
