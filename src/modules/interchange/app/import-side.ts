import { sql, type Kysely } from 'kysely';
import type { Db } from '../../../platform/db/database.js';
import type { DB } from '../../../platform/db/schema.js';

/**
 * The second connection of an import (the "side"). PostgreSQL runs one transaction on one core. An import
 * of 100,000 cases spent about 40 % of its database time on rows derived from the cases: the statistics
 * rows and the name-search entries. These go to a second transaction, on a second connection, written
 * while the first writes the cases, so the second core does them.
 *
 * The two commit together (two-phase commit, with the main transaction as the coordinator):
 *   1. the side transaction is prepared (PREPARE TRANSACTION gid): its writes are on disk, not yet visible;
 *   2. the main transaction commits, with the import's audit row naming gid: this is the decision;
 *   3. the side is committed (COMMIT PREPARED gid).
 * If anything fails before 2, both roll back. If the process dies between 1 and 3, the prepared side is
 * left in PostgreSQL; resolvePreparedImports (when a runtime opens: the server's start and every command,
 * `thads import` included) commits it when the audit row exists and rolls it back otherwise. Between 2 and 3 (a few milliseconds) the new cases are
 * there without their statistics rows and name-search entries: reports and searches lag, they are not wrong.
 *
 * Needs max_prepared_transactions > 0: set by the embedded server. Elsewhere (an external DATABASE_URL
 * without it) the import works on one connection as before.
 */
export const IMPORT_GID_PREFIX = 'thads-import-';

/** The key of the lock held by an import's main transaction (and by recovery while it resolves). */
export const importLockSql = sql`hashtext('thads.import')`;

/** The setting that makes the insert trigger of the name search leave a transaction's cases to the side (migration 0006). */
export const SEARCH_TERMS_BY_IMPORT = sql`SET LOCAL thads.search_terms = 'by_import'`;

/** True when this database can prepare transactions. */
export async function canPrepareTransactions(db: Kysely<DB>): Promise<boolean> {
  const r = await sql<{ n: string }>`SELECT current_setting('max_prepared_transactions') AS n`.execute(db);
  return Number(r.rows[0]?.n ?? 0) > 0;
}

const isUnknownGid = (e: unknown) => (e as { code?: string }).code === '42704';

/** Commits a prepared side. Done already (by recovery, after the main transaction released the lock): nothing to do. */
export async function commitPrepared(db: Kysely<DB>, gid: string): Promise<void> {
  try {
    await sql`COMMIT PREPARED ${sql.lit(gid)}`.execute(db);
  } catch (e) {
    if (!isUnknownGid(e)) throw e;
  }
}

export async function rollbackPrepared(db: Kysely<DB>, gid: string): Promise<void> {
  try {
    await sql`ROLLBACK PREPARED ${sql.lit(gid)}`.execute(db);
  } catch (e) {
    if (!isUnknownGid(e)) throw e;
  }
}

/**
 * Resolves the sides of imports whose process died between PREPARE and COMMIT PREPARED: commits those whose
 * import committed (its audit row names the gid), rolls back the others. Holds the import lock meanwhile,
 * so that an import in progress (prepared, main transaction not yet committed) is waited for, never judged.
 */
export async function resolvePreparedImports(db: Db): Promise<{ committed: string[]; rolledBack: string[] }> {
  const out = { committed: [] as string[], rolledBack: [] as string[] };
  if (!(await canPrepareTransactions(db))) return out;
  const pending = await sql<{ gid: string }>`SELECT gid FROM pg_prepared_xacts WHERE database = current_database() AND starts_with(gid, ${IMPORT_GID_PREFIX})`.execute(db);
  if (pending.rows.length === 0) return out;
  // COMMIT PREPARED cannot run inside a transaction: a session lock on one connection.
  await db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${importLockSql})`.execute(conn);
    try {
      const again = await sql<{ gid: string; decided: boolean }>`
        SELECT p.gid, EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'import.completed' AND a.entity_id = p.gid) AS decided
        FROM pg_prepared_xacts p WHERE p.database = current_database() AND starts_with(p.gid, ${IMPORT_GID_PREFIX})`.execute(conn);
      for (const p of again.rows) {
        if (p.decided) {
          await commitPrepared(conn, p.gid);
          out.committed.push(p.gid);
        } else {
          await rollbackPrepared(conn, p.gid);
          out.rolledBack.push(p.gid);
        }
      }
    } finally {
      await sql`SELECT pg_advisory_unlock(${importLockSql})`.execute(conn);
    }
  });
  return out;
}
