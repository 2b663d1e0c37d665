import { Kysely, Migrator, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations/index.js';
import type { DB } from './schema.js';

export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
/** Repository functions take either handle first; functions that lock rows take a Tx only. */
export type DbOrTx = Db | Tx;

// DATE columns stay 'YYYY-MM-DD' strings: a calendar date has no time zone, and JS Date would give it one.
pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => v);
// BIGINT (int8) becomes a JS bigint: money is integer đồng and must never pass through a float.
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => BigInt(v));

export function createDb(connectionString: string, max = 10): Db {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 5_000 });
  // An idle client that loses its server (database restarted) must not crash the process.
  pool.on('error', () => undefined);
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

/** Applies pending migrations in order; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider, migrationTableName: 'schema_migrations', migrationLockTableName: 'schema_migrations_lock' });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${cause}`);
  }
  const applied = (results ?? []).map((r) => r.migrationName);
  // 0005 fills the name-search index from the cases already there: make it usable at once.
  if (applied.includes('0005_case_name_search')) await sql`VACUUM (ANALYZE) case_search_terms, case_search_vocabulary`.execute(db);
  return applied;
}

/**
 * ANALYZE of the name-search tables after bulk writes, so that the planner knows the new words at once.
 * Their vacuum (which marks pages all-visible, keeping searches index-only) is left to autovacuum, set
 * by migration 0005 to run after 1% new rows: a VACUUM here would add seconds to every large import.
 */
export async function analyzeSearchIndex(db: Kysely<any>): Promise<void> {
  await sql`ANALYZE case_search_terms, case_search_vocabulary`.execute(db);
}
