import { Kysely, Migrator, PostgresDialect, sql, type Compilable, type PostgresPool, type PostgresPoolClient, type Transaction } from 'kysely';
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
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool: new PreparingPool(pool) }) });
}

/**
 * Put first in the text of a statement that runs often (`sql\`${PREPARED} SELECT …\``): it becomes a named
 * prepared statement on each connection. PostgreSQL then parses it once per connection instead of at every
 * execution and, after a few executions, keeps its plan: for the statements of a case write (a few hundred
 * lines of CTEs, JSON and unnest) parsing and planning cost more than running them. Only texts that come in
 * a bounded number of shapes may carry it (values as parameters, never in the text).
 */
const PREPARED_MARK = '/* prepared */ ';
export const PREPARED = sql.raw(PREPARED_MARK);

/** Runs a query built with Kysely's builder as a prepared statement (see PREPARED); its first row. */
export async function takeFirstPrepared<R>(db: DbOrTx, query: Compilable<R>): Promise<R | undefined> {
  const compiled = query.compile();
  const r = await db.executeQuery<R>({ ...compiled, sql: PREPARED_MARK + compiled.sql });
  return r.rows[0];
}

/** More distinct marked texts than this means a text varies with its data: the rest run unprepared. */
const MAX_PREPARED_TEXTS = 500;
const statementNames = new Map<string, string>();

function statementNameOf(text: string): string | undefined {
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < MAX_PREPARED_TEXTS) statementNames.set(text, (name = `thads_${statementNames.size + 1}`));
  return name;
}

/**
 * The pg pool as Kysely sees it, turning the statements marked PREPARED into named ones. One wrapper per
 * pg client, so that Kysely keeps its connection object for that client.
 */
class PreparingPool implements PostgresPool {
  private readonly clients = new WeakMap<pg.PoolClient, PostgresPoolClient>();

  constructor(private readonly pool: pg.Pool) {}

  async connect(): Promise<PostgresPoolClient> {
    const client = await this.pool.connect();
    let wrapped = this.clients.get(client);
    if (!wrapped) {
      wrapped = {
        query: ((text: string, values: unknown[]) => {
          const name = typeof text === 'string' && text.startsWith(PREPARED_MARK) ? statementNameOf(text) : undefined;
          // A cursor (streamed rows) or an unmarked text goes as it came.
          return name ? client.query({ name, text, values }) : client.query(text, values);
        }) as unknown as PostgresPoolClient['query'],
        release: (destroy?: boolean) => client.release(destroy),
      };
      this.clients.set(client, wrapped);
    }
    return wrapped;
  }

  end(): Promise<void> {
    return this.pool.end();
  }
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
