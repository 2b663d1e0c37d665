import { sql, type ColumnType, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { PREPARED, type DbOrTx, type Tx } from '../../../platform/db/database.js';
import type { DB } from '../../../platform/db/schema.js';
import { CASE_BASE_KEYS, MONEY_BASE_KEYS, type CaseBaseKey, type MoneyBaseKey } from '../domain/form-keys.js';

/**
 * The statistics tables (migration 0003_statistics). They are declared here and added to the handle with
 * `withTables` so that the shared schema.ts stays untouched by this module.
 */
type DateCol = ColumnType<string, string, string>;
type Big = ColumnType<bigint, bigint | string | number, bigint | string | number>;

export type SettingsTable = {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_by: number | null;
};
export type StatEpisodesTable = {
  case_id: string;
  episode_no: number;
  start_on: DateCol;
  started_by: string;
  next_start_on: DateCol | null;
  end_on: DateCol | null;
  end_type: string | null;
  partially_performed: boolean;
  value_at_start: Big;
  outstanding_at_end: Big | null;
  initiation: string;
  category: string;
  commune_code: string | null;
  accepting_office_id: number;
};
export type StatFlowsTable = {
  case_id: string;
  episode_no: number;
  on: DateCol;
  kind: string;
  amount: Big;
  /** 1, 2, … among the case's flows of one episode, day and kind, in event order (the key: migration 0011). */
  seq: number;
};
export type StatStatesTable = {
  case_id: string;
  from_on: DateCol;
  to_on: DateCol | null;
  status: string;
  ground: string | null;
  enforcer_code: string | null;
  bucket_changed: boolean;
};
export type StatOfficesTable = {
  case_id: string;
  office_id: number;
  from_on: DateCol;
  to_on: DateCol | null;
};
type CaseCols = { [K in CaseBaseKey as `c_${K}`]: Big };
type MoneyCols = { [K in MoneyBaseKey as `m_${K}`]: Big };
export type StatSnapshotTotalsTable = { office_id: number; as_of: DateCol; fiscal_year: number } & CaseCols & MoneyCols;
export type StatSnapshotStateTable = {
  id: number;
  derived_ready: boolean;
  first_as_of: DateCol | null;
  last_as_of: DateCol | null;
  policies: ColumnType<unknown, string | null, string | null>;
  rebuilt_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
};

export type StatisticsTables = {
  settings: SettingsTable;
  stat_episodes: StatEpisodesTable;
  stat_flows: StatFlowsTable;
  stat_states: StatStatesTable;
  stat_offices: StatOfficesTable;
  stat_snapshot_totals: StatSnapshotTotalsTable;
  stat_snapshot_state: StatSnapshotStateTable;
};
export type StatsDb = Kysely<DB & StatisticsTables>;

/** The handle with the statistics tables typed (same connection; inside a transaction it stays in it). */
export function statsDb(db: DbOrTx): StatsDb {
  return db.withTables<StatisticsTables>() as unknown as StatsDb;
}
export function statsTx(tx: Tx): Transaction<DB & StatisticsTables> {
  return tx.withTables<StatisticsTables>() as unknown as Transaction<DB & StatisticsTables>;
}

/** Column names of the base rows, `c_` for the case form and `m_` for the money form, in form order. */
export const CASE_COLUMNS = CASE_BASE_KEYS.map((k) => `c_${k}` as const);
export const MONEY_COLUMNS = MONEY_BASE_KEYS.map((k) => `m_${k}` as const);
export const TOTAL_COLUMNS = [...CASE_COLUMNS, ...MONEY_COLUMNS];

// ---------------------------------------------------------------------------------------------------------
// Per-case derived rows

/** Rows of one or many cases, as JSON-ready objects (bigint as strings). */
export interface DerivedRows {
  episodes: Record<string, unknown>[];
  flows: Record<string, unknown>[];
  states: Record<string, unknown>[];
  offices: Record<string, unknown>[];
}

/** The columns of the derived tables with their types (migrations 0003, 0011), in the order they are written. */
type Columns = readonly (readonly [name: string, type: string])[];
const EPISODE_COLS: Columns = [
  ['case_id', 'text'], ['episode_no', 'int'], ['start_on', 'date'], ['started_by', 'text'], ['next_start_on', 'date'], ['end_on', 'date'], ['end_type', 'text'],
  ['partially_performed', 'bool'], ['value_at_start', 'int8'], ['outstanding_at_end', 'int8'], ['initiation', 'text'], ['category', 'text'],
  ['commune_code', 'text'], ['accepting_office_id', 'int'],
];
const FLOW_COLS: Columns = [['case_id', 'text'], ['episode_no', 'int'], ['on', 'date'], ['kind', 'text'], ['amount', 'int8']];
const STATE_COLS: Columns = [['case_id', 'text'], ['from_on', 'date'], ['to_on', 'date'], ['status', 'text'], ['ground', 'text'], ['enforcer_code', 'text'], ['bucket_changed', 'bool']];
const OFFICE_COLS: Columns = [['case_id', 'text'], ['office_id', 'int'], ['from_on', 'date'], ['to_on', 'date']];

const names = (columns: Columns) => sql.join(columns.map(([n]) => sql.ref(n)));

/** One value in a PostgreSQL array literal. */
const arrayElement = (v: unknown): string => {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  const text = String(v as string | number | bigint);
  return text.includes('"') || text.includes('\\') ? `"${text.replace(/["\\]/g, '\\$&')}"` : `"${text}"`;
};

/**
 * `unnest($1::text[], $2::int[], …) AS alias(col, …)`: the rows as one array literal per column. PostgreSQL
 * reads each value once with its type's input function; json_populate_recordset parsed a JSON document
 * first, and Node stringified it with a replacer (both showed in the profile of an import).
 */
function unnestRows(columns: Columns, rows: readonly Record<string, unknown>[], alias: string, ordinality = false): RawBuilder<unknown> {
  const arrays = columns.map(([name, type]) => {
    let text = '{';
    for (let r = 0; r < rows.length; r++) text += (r ? ',' : '') + arrayElement(rows[r]![name]);
    return sql`${`${text}}`}::${sql.raw(type)}[]`;
  });
  return ordinality
    ? sql`unnest(${sql.join(arrays)}) WITH ORDINALITY AS ${sql.raw(alias)}(${names(columns)}, ordinality)`
    : sql`unnest(${sql.join(arrays)}) AS ${sql.raw(alias)}(${names(columns)})`;
}

const cols = (c: readonly string[]) => sql.raw(c.join(', '));
const json = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));

/**
 * Inserts derived rows with one statement (data-modifying CTEs, unnest: one parameter per column whatever
 * the number of rows).
 */
export async function insertDerivedRows(tx: Tx, rows: DerivedRows): Promise<void> {
  await sql`WITH ${derivedRowsCtes(rows, 'stat_')} SELECT`.execute(tx);
}

/**
 * The inserts of derived rows as data-modifying CTEs named PREFIXepisodes, PREFIXflows, … to put in the
 * WITH list of a larger statement (an import batch writes a case and its statistics rows at once).
 * Tables without rows are left out; when all are empty, one harmless CTE keeps the list well-formed.
 */
export function derivedRowsCtes(rows: DerivedRows, prefix: string): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  for (const [key, table, c] of [['episodes', 'stat_episodes', EPISODE_COLS], ['states', 'stat_states', STATE_COLS], ['offices', 'stat_offices', OFFICE_COLS]] as const) {
    if (rows[key].length) parts.push(sql`${sql.raw(prefix + key)} AS (INSERT INTO ${sql.table(table)} (${names(c)}) SELECT * FROM ${unnestRows(c, rows[key], `${prefix}${key}_rows`)})`);
  }
  if (rows.flows.length) parts.push(sql`${sql.raw(`${prefix}flows`)} AS (${insertFlows(rows.flows, `${prefix}flows_rows`)})`);
  if (parts.length === 0) parts.push(sql`${sql.raw(`${prefix}none`)} AS (SELECT 1)`);
  return sql.join(parts);
}

const SEQ: Columns = [['seq', 'int']];

/**
 * The insert of flow rows. Rows that carry their `seq` (a writer that numbered the whole history of its
 * cases: the import) go in as they are. Rows without (a case write adds the flows its event added to those
 * stored) are numbered after the case's stored flows of the same episode, day and kind: the stored rows are
 * those of the history before the write, so the numbers are those of the whole history. Two transactions
 * that cannot see each other's rows number the same flow alike, and the key (migration 0011) refuses the
 * second. (Numbering in derivedRowsOf, with the rows compared by derivedRowsChange, would let this SQL go.)
 */
function insertFlows(flows: readonly Record<string, unknown>[], alias: string): RawBuilder<unknown> {
  if (flows.every((f) => f.seq !== undefined && f.seq !== null)) {
    return sql`INSERT INTO stat_flows (${names([...FLOW_COLS, ...SEQ])}) SELECT * FROM ${unnestRows([...FLOW_COLS, ...SEQ], flows, alias)}`;
  }
  return sql`INSERT INTO stat_flows (${names([...FLOW_COLS, ...SEQ])})
    SELECT r.case_id, r.episode_no, r."on", r.kind, r.amount, coalesce(r.seq,
      coalesce((SELECT max(f.seq) FROM stat_flows f WHERE f.case_id = r.case_id AND f.episode_no = r.episode_no AND f."on" = r."on" AND f.kind = r.kind), 0)
      + row_number() OVER (PARTITION BY r.case_id, r.episode_no, r."on", r.kind ORDER BY r.ordinality))
    FROM ${unnestRows([...FLOW_COLS, ...SEQ], flows, 'r', true)}`;
}

/** Deletes the derived rows of the given cases (before they are written again, e.g. events appended by an import). */
export async function deleteDerivedRowsOf(tx: DbOrTx, caseIds: readonly string[]): Promise<void> {
  if (caseIds.length === 0) return;
  const ids = sql`ANY(${[...caseIds]}::text[])`;
  await sql`WITH d0 AS (DELETE FROM stat_episodes WHERE case_id = ${ids}), d1 AS (DELETE FROM stat_flows WHERE case_id = ${ids}),
    d2 AS (DELETE FROM stat_states WHERE case_id = ${ids}) DELETE FROM stat_offices WHERE case_id = ${ids}`.execute(tx);
}

/** The advisory lock of the statistics (writers shared, rebuild exclusive), as an expression. */
export const STATISTICS_LOCK_KEY = 7_468_616_473; // "thads" statistics
export const statisticsSharedLock = () => sql`pg_advisory_xact_lock_shared(${STATISTICS_LOCK_KEY}::bigint)`;
export const statisticsExclusiveLock = () => sql`pg_advisory_xact_lock(${STATISTICS_LOCK_KEY}::bigint)`;

export type DerivedTable = keyof DerivedRows;
const DERIVED_TABLES: Record<DerivedTable, string> = { episodes: 'stat_episodes', flows: 'stat_flows', states: 'stat_states', offices: 'stat_offices' };

/**
 * The statistics writers' shared lock and the state a case write computes its deltas against, as one
 * expression to select in the statement that loads and locks the case (migration 0007: the state is read
 * after the lock is held, never from before a wait). Its value goes to parseWriterState.
 */
export const statisticsWriterState = (settingKey: string) => sql<unknown>`statistics_writer_state(${STATISTICS_LOCK_KEY}::bigint, ${settingKey}::text)`;

/** The snapshot state and the setting read by statisticsWriterState. */
export function parseWriterState(value: unknown): { state: SnapshotState; setting: unknown } {
  const v = value as { state: { derived_ready: boolean; first_as_of: string | null; last_as_of: string | null; policies: unknown } | null; setting: unknown } | null;
  const st = v?.state ?? null;
  return {
    state: { derivedReady: st?.derived_ready ?? false, firstAsOf: st?.first_as_of ?? null, lastAsOf: st?.last_as_of ?? null, policies: st?.policies ?? null },
    setting: v?.setting ?? undefined,
  };
}

/**
 * Deletes one case's rows of the given derived tables, before they are written again in the next statement
 * (one statement cannot both delete and insert the same keys).
 */
export async function deleteCaseDerivedRows(tx: Tx, caseId: string, tables: readonly DerivedTable[]): Promise<void> {
  if (tables.length === 0) return;
  const deletes = tables.map((t, i) => sql`${sql.raw(`d${i}`)} AS (DELETE FROM ${sql.table(DERIVED_TABLES[t])} WHERE case_id = ${caseId})`);
  await sql`${PREPARED} WITH ${sql.join(deletes)} SELECT`.execute(tx);
}

/**
 * The statistics part of a case write, as data-modifying CTEs for its single statement: the case's new
 * derived rows and the deltas of the snapshot totals (a few shapes of text: prepared with the write).
 */
export function caseStatisticsCtes(rows: DerivedRows, deltas: readonly SnapshotDelta[]): RawBuilder<unknown> {
  const totals = deltas.length ? sql`, stat_totals AS (${snapshotDeltasSql(deltas)})` : sql``;
  return sql`${derivedRowsCtes(rows, 'stat_')} ${totals}`;
}

export async function truncateDerivedRows(tx: Tx): Promise<void> {
  await sql`TRUNCATE stat_episodes, stat_flows, stat_states, stat_offices`.execute(tx);
}

// ---------------------------------------------------------------------------------------------------------
// Snapshots

export interface SnapshotState {
  derivedReady: boolean;
  /** First and last snapshot date of the stored totals (null: none stored). */
  firstAsOf: string | null;
  lastAsOf: string | null;
  /** The policies the totals were computed with. */
  policies: unknown;
}

export async function readSnapshotState(db: DbOrTx): Promise<SnapshotState> {
  const r = await statsDb(db).selectFrom('stat_snapshot_state').selectAll().where('id', '=', 1).executeTakeFirst();
  return { derivedReady: r?.derived_ready ?? false, firstAsOf: r?.first_as_of ?? null, lastAsOf: r?.last_as_of ?? null, policies: r?.policies ?? null };
}

export async function writeSnapshotState(tx: DbOrTx, s: SnapshotState): Promise<void> {
  await statsDb(tx)
    .insertInto('stat_snapshot_state')
    .values({ id: 1, derived_ready: s.derivedReady, first_as_of: s.firstAsOf, last_as_of: s.lastAsOf, policies: s.policies === null ? null : JSON.stringify(s.policies), rebuilt_at: new Date() })
    .onConflict((oc) => oc.column('id').doUpdateSet({
      derived_ready: s.derivedReady, first_as_of: s.firstAsOf, last_as_of: s.lastAsOf,
      policies: s.policies === null ? null : JSON.stringify(s.policies), rebuilt_at: new Date(),
    }))
    .execute();
}

/**
 * Marks the stored totals as no longer matching the derived rows (a bulk write such as an import changed
 * many cases without moving the totals): their policies are cleared, so readers use the full query and the
 * next maintenance recomputes them (StatisticsService.prepare, `thads import`), over the same range.
 */
export async function markSnapshotTotalsStale(tx: DbOrTx): Promise<void> {
  await sql`UPDATE stat_snapshot_state SET policies = NULL WHERE id = 1 AND first_as_of IS NOT NULL`.execute(tx);
}

/** One (office, snapshot date) change of the totals: values by column name (c_…, m_…). */
export interface SnapshotDelta {
  officeId: number;
  asOf: string;
  fiscalYear: number;
  values: Record<string, bigint>;
}

/**
 * Adds many deltas to the snapshot totals (a bulk writer: an import), a few thousand rows per statement,
 * all in (as_of, office_id) order like every writer's.
 */
export async function addSnapshotDeltas(tx: DbOrTx, deltas: readonly SnapshotDelta[]): Promise<void> {
  const sorted = [...deltas].sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : a.officeId - b.officeId));
  for (let i = 0; i < sorted.length; i += 5000) await snapshotDeltasSql(sorted.slice(i, i + 5000)).execute(tx);
}

/**
 * The upsert adding deltas to the snapshot totals (a CTE of a case write, or a statement of a bulk one). Rows are upserted in
 * (as_of, office_id) order so that concurrent writers lock them in the same order (no deadlock).
 */
function snapshotDeltasSql(deltas: readonly SnapshotDelta[]): RawBuilder<unknown> {
  const rows = [...deltas]
    .sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : a.officeId - b.officeId))
    .map((d) => ({ office_id: d.officeId, as_of: d.asOf, fiscal_year: d.fiscalYear, ...Object.fromEntries(TOTAL_COLUMNS.map((c) => [c, (d.values[c] ?? 0n).toString()])) }));
  const all = ['office_id', 'as_of', 'fiscal_year', ...TOTAL_COLUMNS];
  const set = sql.raw(TOTAL_COLUMNS.map((c) => `${c} = stat_snapshot_totals.${c} + EXCLUDED.${c}`).join(', '));
  return sql`INSERT INTO stat_snapshot_totals (${cols(all)})
    SELECT ${cols(all)} FROM json_populate_recordset(NULL::stat_snapshot_totals, ${json(rows)}::json) ORDER BY as_of, office_id
    ON CONFLICT (as_of, office_id) DO UPDATE SET ${set}`;
}

// ---------------------------------------------------------------------------------------------------------
// Settings and targets

export async function readSetting(db: DbOrTx, key: string): Promise<unknown> {
  const r = await statsDb(db).selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return r?.value;
}

export async function writeSetting(tx: Tx, key: string, value: unknown, userId: number | null): Promise<void> {
  await statsTx(tx)
    .insertInto('settings')
    .values({ key, value: JSON.stringify(value), updated_by: userId })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_by: userId, updated_at: new Date() }))
    .execute();
}

export interface TargetRow {
  officeId: number;
  fiscalYear: number;
  cases: number;
  money: number;
}

export async function targetsOf(db: DbOrTx, unitIds: readonly number[], fiscalYear: number): Promise<Map<number, TargetRow>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db.selectFrom('targets').selectAll().where('office_id', 'in', [...unitIds]).where('fiscal_year', '=', fiscalYear).execute();
  return new Map(rows.map((r) => [r.office_id, { officeId: r.office_id, fiscalYear: r.fiscal_year, cases: Number(r.cases_rate), money: Number(r.money_rate) }]));
}

/** Targets of units in several fiscal years, keyed `unitId/fiscalYear`. */
export async function targetsOfYears(db: DbOrTx, unitIds: readonly number[], fiscalYears: readonly number[]): Promise<Map<string, TargetRow>> {
  if (unitIds.length === 0 || fiscalYears.length === 0) return new Map();
  const rows = await db.selectFrom('targets').selectAll().where('office_id', 'in', [...unitIds]).where('fiscal_year', 'in', [...fiscalYears]).execute();
  return new Map(rows.map((r) => [`${r.office_id}/${r.fiscal_year}`, { officeId: r.office_id, fiscalYear: r.fiscal_year, cases: Number(r.cases_rate), money: Number(r.money_rate) }]));
}

export async function upsertTarget(tx: Tx, t: TargetRow): Promise<void> {
  await tx
    .insertInto('targets')
    .values({ office_id: t.officeId, fiscal_year: t.fiscalYear, cases_rate: t.cases.toFixed(2), money_rate: t.money.toFixed(2) })
    .onConflict((oc) => oc.columns(['office_id', 'fiscal_year']).doUpdateSet({ cases_rate: t.cases.toFixed(2), money_rate: t.money.toFixed(2) }))
    .execute();
}
