import { sql, type RawBuilder } from 'kysely';
import { auditDiff, type JsonRecord } from './audit-diff.js';
import type { Db, DbOrTx, Tx } from '../db/database.js';

/** Who did something, from where: every use case receives it and passes it to the audit trail. */
export interface RequestContext {
  readonly userId: number | null;
  readonly username: string | null;
  readonly ip: string | null;
  readonly userAgent: string | null;
}

export const SYSTEM_CONTEXT: RequestContext = { userId: null, username: 'system', ip: null, userAgent: 'thads' };

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string | number | null;
  unitId: number | null;
  before?: JsonRecord | null;
  after?: JsonRecord | null;
}

/**
 * Appends one audit row inside the caller's transaction: the change and its record commit together.
 * With both sides given only the changed keys are kept; secrets are never written.
 */
export async function appendAudit(tx: Tx, ctx: RequestContext, input: AuditInput): Promise<void> {
  return insertAudit(tx, ctx, input);
}

/**
 * Records a read (no change to commit with): one INSERT, atomic on its own, without a transaction around
 * it (BEGIN and COMMIT would be two more round trips on every read of personal data).
 */
export async function appendReadAudit(db: Db, ctx: RequestContext, input: AuditInput): Promise<void> {
  return insertAudit(db, ctx, input);
}

async function insertAudit(tx: DbOrTx, ctx: RequestContext, input: AuditInput): Promise<void> {
  await auditInsertSql(ctx, input).execute(tx);
}

/**
 * The INSERT of one audit row, for a caller that runs it as part of a larger statement (a data-modifying
 * CTE commits with the change it records: one round trip instead of two).
 */
export function auditInsertSql(ctx: RequestContext, input: AuditInput): RawBuilder<unknown> {
  const diff = auditDiff(input.before ?? null, input.after ?? null);
  return sql`INSERT INTO audit_log (user_id, username, ip, user_agent, action, entity_type, entity_id, unit_id, before, after)
    VALUES (${ctx.userId}, ${ctx.username}, ${ctx.ip}, ${ctx.userAgent?.slice(0, 400) ?? null}, ${input.action}, ${input.entityType},
            ${input.entityId === null ? null : String(input.entityId)}, ${input.unitId},
            ${diff.before === null ? null : JSON.stringify(diff.before)}::jsonb, ${diff.after === null ? null : JSON.stringify(diff.after)}::jsonb)`;
}

export interface AuditFilter {
  unitIds: readonly number[] | null; // null = every unit (national administrators)
  from?: string | undefined;
  to?: string | undefined;
  username?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listAudit(db: Db, f: AuditFilter) {
  let q = db.selectFrom('audit_log as a').leftJoin('units as u', 'u.id', 'a.unit_id');
  if (f.unitIds !== null) {
    const ids = f.unitIds.length > 0 ? [...f.unitIds] : [-1];
    // Rows about a user's own units, plus the sign-ins of users attached to them.
    q = q.where((eb) => eb.or([eb('a.unit_id', 'in', ids), eb('a.user_id', 'in', eb.selectFrom('users as uu').select('uu.id').where('uu.unit_id', 'in', ids))]));
  }
  if (f.from) q = q.where('a.at', '>=', sql<Date>`(${f.from}::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`);
  if (f.to) q = q.where('a.at', '<', sql<Date>`((${f.to}::date + 1)::timestamp) AT TIME ZONE 'Asia/Ho_Chi_Minh'`);
  if (f.username) q = q.where(sql`lower(a.username)`, '=', f.username.toLowerCase());
  if (f.action) q = q.where('a.action', '=', f.action);
  if (f.entityType) q = q.where('a.entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('a.entity_id', '=', f.entityId);
  const [rows, count] = await Promise.all([
    q
      .select(['a.id', 'a.at', 'a.username', 'a.ip', 'a.user_agent', 'a.action', 'a.entity_type', 'a.entity_id', 'u.code as unit_code', 'a.before', 'a.after'])
      .orderBy('a.id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function countAudit(db: DbOrTx, action: string): Promise<number> {
  const r = await db.selectFrom('audit_log').where('action', '=', action).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
