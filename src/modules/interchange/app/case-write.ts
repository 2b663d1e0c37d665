import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Tx } from '../../../platform/db/database.js';
import type { DB } from '../../../platform/db/schema.js';
import type { IsoDate } from '../../../kernel/calendar/index.js';
import { type CaseEvent, type CaseFacts, type CaseState, eventData, nextDeadline, outstandingOf, stateToJson, totalOutstanding } from '../../cases/domain/index.js';
import { appendRows, type BulkStatistics, deleteDerivedRowsOf, type DerivedRows, derivedRowsCtes, derivedRowsOf } from '../../statistics/index.js';
import { caseSearchIndex } from '../../cases/index.js';
import type { AppendedCase, NewCase } from './case-plan.js';

/**
 * Bulk writing of imported cases. Each case's final state is already computed (replay); its projection is
 * computed with the same pieces CasesService.projection uses (totalOutstanding, nextDeadline,
 * caseSearchIndex), its statistics rows with derivedRowsOf (as every case write does), and its share of
 * the snapshot totals is accumulated (BulkStatistics) while PostgreSQL writes the previous batch.
 *
 * A batch is two statements (data-modifying CTEs; foreign keys are checked at their end) whose rows arrive
 * as one array parameter per column (unnest): one round trip each, no 65,535-parameter limit. The first
 * writes the cases, parties, obligations and events; the second the rows derived from them (statistics rows,
 * and the name-search entries of new cases). With a side connection (import-side.ts) the second runs there,
 * in parallel on the other core; without one it follows the first in the main transaction, and the insert
 * trigger of migration 0005 writes the name-search entries.
 */
export interface WriteContext {
  unitId: (code: string) => number;
  today: IsoDate;
  /** The statistics of the import: each case's derived rows are written with it and the case is reported to the snapshot totals. */
  statistics: BulkStatistics;
  /** The side transaction (import-side.ts) and the word counts of the name-search vocabulary it gathers; null: one connection. */
  side: { db: Kysely<DB>; vocabulary: Map<string, number> } | null;
  batchSize?: number | undefined;
  onWritten?: ((n: number) => void) | undefined;
}

/** The statements of one batch: the cases' own rows (main transaction), the rows derived from them (side, or main). */
interface Batch {
  main: RawBuilder<unknown>;
  derived: RawBuilder<unknown> | null;
}

type Cols = readonly (readonly [name: string, type: string])[];
const CASE_COLS: Cols = [
  ['id', 'text'], ['office_id', 'int'], ['decision_number', 'text'], ['decision_date', 'date'], ['accepted_on', 'date'], ['initiation', 'text'],
  ['category', 'text'], ['judgment_number', 'text'], ['judgment_date', 'date'], ['court', 'text'], ['commune_code', 'text'], ['initial_enforcer', 'text'],
  ['total_amount', 'int8'], ['search_text', 'text'], ['search_names', 'text'], ['search_terms', 'text'],
];
const PROJECTION_COLS: Cols = [
  ['id', 'text'], ['status', 'text'], ['status_since', 'date'], ['holding_office_id', 'int'], ['enforcer_code', 'text'], ['last_event_on', 'date'],
  ['outstanding', 'int8'], ['next_step', 'text'], ['next_due', 'date'], ['state', 'jsonb'], ['version', 'int'],
];
const PARTY_COLS: Cols = [['case_id', 'text'], ['seq', 'int'], ['role', 'text'], ['kind', 'text'], ['name', 'text'], ['id_number', 'text'], ['address', 'text']];
const OBLIGATION_COLS: Cols = [
  ['case_id', 'text'], ['id', 'text'], ['seq', 'int'], ['kind', 'text'], ['beneficiary', 'text'], ['label', 'text'], ['amount', 'int8'], ['value', 'int8'],
  ['paid', 'int8'], ['reduced', 'int8'], ['performed', 'bool'], ['disbursed', 'int8'], ['outstanding', 'int8'],
];
const PROGRESS_COLS: Cols = [['case_id', 'text'], ['id', 'text'], ['paid', 'int8'], ['reduced', 'int8'], ['performed', 'bool'], ['disbursed', 'int8'], ['outstanding', 'int8']];
const EVENT_COLS: Cols = [['case_id', 'text'], ['seq', 'int'], ['type', 'text'], ['on', 'date'], ['data', 'jsonb']];

type Value = string | number | boolean | null;
type Row = Value[];
const names = (cols: Cols) => sql.join(cols.map(([n]) => sql.ref(n)));
const element = (v: Value): string => {
  if (v === null) return 'NULL';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 't' : 'f';
  return /["\\]/.test(v) ? `"${v.replace(/["\\]/g, '\\$&')}"` : `"${v}"`;
};
/** `unnest($1::text[], $2::int[], …) AS alias(col, …)`: the rows of a batch, one array literal per column. */
function rowsOf(cols: Cols, rows: readonly Row[], alias: string): RawBuilder<unknown> {
  const arrays = cols.map(([, type], i) => {
    const parts = new Array<string>(rows.length);
    for (let r = 0; r < rows.length; r++) parts[r] = element(rows[r]![i]!);
    return sql`${`{${parts.join(',')}}`}::${sql.raw(type)}[]`;
  });
  return sql`unnest(${sql.join(arrays)}) AS ${sql.raw(alias)}(${names(cols)})`;
}
const insert = (table: string, cols: Cols, rows: readonly Row[], alias: string) => sql`INSERT INTO ${sql.table(table)} (${names(cols)}) SELECT * FROM ${rowsOf(cols, rows, alias)}`;

function projectionRow(facts: CaseFacts, state: CaseState, events: readonly CaseEvent[], version: number, ctx: WriteContext): Row {
  const next = nextDeadline(facts, state, events, ctx.today);
  return [
    facts.id, state.status, state.statusSince, ctx.unitId(state.office), state.enforcer, state.lastEventOn, totalOutstanding(facts, state).toString(),
    next?.code ?? null, next?.due ?? null, stateToJson(state), version,
  ];
}

function progressRows(facts: CaseFacts, state: CaseState): Row[] {
  return facts.obligations.map((o) => {
    const p = state.progress[o.id]!;
    return [facts.id, o.id, p.paid.toString(), p.reduced.toString(), p.performed, p.disbursed.toString(), outstandingOf(o, p).toString()];
  });
}

const eventRows = (caseId: string, events: readonly CaseEvent[], fromSeq: number): Row[] =>
  events.map((e, i) => [caseId, fromSeq + i + 1, e.type, e.on, JSON.stringify(eventData(e))]);

/**
 * Lets the event loop run between pieces of a batch's work. Node computes the next batch while PostgreSQL
 * runs the current one, whose text it is still sending: through a Unix socket (a small kernel buffer) the
 * rest of a statement of a few MB goes only when the loop runs. Without these pauses PostgreSQL waited for
 * each batch being built (the import of 100,000 cases took 14 s longer over the socket than over TCP).
 */
const YIELD_EVERY = 50;
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The statistics of a batch: its cases' derived rows, each case reported to the snapshot totals on the way. */
async function statisticsOfBatch(batch: readonly NewCase[], ctx: WriteContext): Promise<DerivedRows> {
  const rows: DerivedRows = { episodes: [], flows: [], states: [], offices: [] };
  for (const [k, c] of batch.entries()) {
    if (k % YIELD_EVERY === YIELD_EVERY - 1) await pause();
    if (isAppended(c)) ctx.statistics.appended(c.facts, c.events.slice(0, c.events.length - c.newEvents.length), c.events);
    else ctx.statistics.created(c.facts, c.events);
    appendRows(rows, derivedRowsOf(c.facts, c.events, ctx.unitId));
  }
  return rows;
}

const isAppended = (c: NewCase | AppendedCase): c is AppendedCase => 'newEvents' in c;

const TERM_COLS: Cols = [['id', 'text'], ['accepted_on', 'date'], ['office', 'int'], ['names', 'text'], ['terms', 'text']];

/** The statement of a batch's derived rows (null when there are none): statistics rows, name-search entries. */
function derivedStatement(derived: DerivedRows, terms: readonly Row[]): RawBuilder<unknown> | null {
  const empty = derived.episodes.length + derived.flows.length + derived.states.length + derived.offices.length === 0;
  if (empty && terms.length === 0) return null;
  // The entries in index order, as the trigger of migration 0005 writes them.
  const entries = terms.length
    ? sql`, terms AS (INSERT INTO case_search_terms (term, accepted_on, case_id, holding_office_id, names)
        SELECT w.term, t.accepted_on, t.id, t.office, t.names FROM ${rowsOf(TERM_COLS, terms, 't')}
        CROSS JOIN LATERAL unnest(string_to_array(t.terms, ' | ')) AS w(term) ORDER BY 1, 2 DESC, 3 DESC)`
    : sql``;
  return sql`WITH ${derivedRowsCtes(derived, 'st_')} ${entries} SELECT`;
}

async function buildInsertBatch(batch: readonly NewCase[], ctx: WriteContext): Promise<Batch> {
  const derived = await statisticsOfBatch(batch, ctx);
  const cases: Row[] = [];
  const parties: Row[] = [];
  const obligations: Row[] = [];
  const events: Row[] = [];
  const terms: Row[] = [];
  for (const [k, c] of batch.entries()) {
    if (k % YIELD_EVERY === YIELD_EVERY - 1) await pause();
    const f = c.facts;
    const total = f.obligations.reduce((s, o) => s + (o.kind === 'money' ? o.amount : (o.value ?? 0n)), 0n);
    const search = caseSearchIndex(f);
    const projection = projectionRow(f, c.state, c.events, c.events.length, ctx);
    const joinedTerms = search.terms.join(' | ');
    cases.push([
      f.id, ctx.unitId(f.office), f.decision.number, f.decision.date, f.acceptedOn, f.initiation, f.category, f.judgment.number, f.judgment.date,
      f.judgment.court, f.commune, f.enforcer, total.toString(), search.text, search.names, joinedTerms, ...projection.slice(1),
    ]);
    if (ctx.side) {
      terms.push([f.id, f.acceptedOn, projection[3]!, search.names, joinedTerms]);
      for (const t of search.terms) ctx.side.vocabulary.set(t, (ctx.side.vocabulary.get(t) ?? 0) + 1);
    }
    f.parties.forEach((p, i) => parties.push([f.id, i + 1, p.role, p.kind, p.name, p.idNumber, p.address]));
    const progress = progressRows(f, c.state);
    f.obligations.forEach((o, i) => {
      const amount = o.kind === 'money' ? o.amount.toString() : null;
      const value = o.kind === 'non_money' && o.value !== null ? o.value.toString() : null;
      obligations.push([f.id, o.id, i + 1, o.kind, o.beneficiary, o.label, amount, value, ...progress[i]!.slice(2)]);
    });
    events.push(...eventRows(f.id, c.events, 0));
  }
  // search_terms travels as one text per case (terms joined by " | ": a text[] per row cannot go through unnest).
  const caseCols = [...CASE_COLS, ...PROJECTION_COLS.slice(1)];
  const caseValues = sql.join(caseCols.map(([n]) => (n === 'search_terms' ? sql`string_to_array(c_rows.search_terms, ' | ')` : sql.ref(`c_rows.${n}`))));
  const insertCases = sql`INSERT INTO cases (${names(caseCols)}) SELECT ${caseValues} FROM ${rowsOf(caseCols, cases, 'c_rows')}`;
  const main = sql`WITH c AS (${insertCases}),
    pa AS (${insert('case_parties', PARTY_COLS, parties, 'pa_rows')}),
    ob AS (${insert('case_obligations', OBLIGATION_COLS, obligations, 'ob_rows')})
    ${insert('case_events', EVENT_COLS, events, 'ev_rows')}`;
  return { main, derived: derivedStatement(derived, terms) };
}

async function buildAppendBatch(batch: readonly AppendedCase[], ctx: WriteContext): Promise<Batch> {
  const derived = await statisticsOfBatch(batch, ctx);
  const projections = batch.map((c) => projectionRow(c.facts, c.state, c.events, c.fromVersion + c.newEvents.length, ctx));
  const progress = batch.flatMap((c) => progressRows(c.facts, c.state));
  const events = batch.flatMap((c) => eventRows(c.facts.id, c.newEvents, c.fromVersion));
  const set = (cols: Cols) => sql.join(cols.map(([n]) => sql`${sql.ref(n)} = ${sql.ref(`v.${n}`)}`));
  // A change of holding office moves the case's name-search entries (trigger of migration 0005, main transaction).
  const main = sql`WITH c AS (
      UPDATE cases c SET ${set(PROJECTION_COLS.slice(1))}, updated_at = now() FROM ${rowsOf(PROJECTION_COLS, projections, 'v')} WHERE c.id = v.id),
    o AS (
      UPDATE case_obligations o SET ${set(PROGRESS_COLS.slice(2))} FROM ${rowsOf(PROGRESS_COLS, progress, 'v')} WHERE o.case_id = v.case_id AND o.id = v.id)
    ${insert('case_events', EVENT_COLS, events, 'ev_rows')}`;
  return { main, derived: derivedStatement(derived, []) };
}

async function inBatches<T>(tx: Tx, items: readonly T[], ctx: WriteContext, build: (b: readonly T[]) => Promise<Batch>): Promise<void> {
  const size = ctx.batchSize ?? 1000;
  const derivedDb = ctx.side?.db ?? tx;
  let pending: Promise<unknown> | null = null;
  for (let i = 0; i < items.length; i += size) {
    const batch = await build(items.slice(i, i + size));
    if (pending) await pending;
    const written = Math.min(i + size, items.length);
    pending = Promise.all([batch.main.execute(tx), batch.derived?.execute(derivedDb)]).then(() => ctx.onWritten?.(written));
    // A failure surfaces at the next await; keep it from being reported as unhandled meanwhile.
    pending.catch(() => undefined);
  }
  if (pending) await pending;
}

/** Adds the words of the new cases' names to the name-search vocabulary (side transaction, once, in term order). */
export async function writeVocabulary(db: Kysely<DB>, vocabulary: ReadonlyMap<string, number>): Promise<void> {
  const rows: Row[] = [...vocabulary].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (let i = 0; i < rows.length; i += 20_000) {
    await sql`INSERT INTO case_search_vocabulary AS v (term, cases) SELECT * FROM ${rowsOf([['term', 'text'], ['cases', 'int']], rows.slice(i, i + 20_000), 'w')}
      ON CONFLICT (term) DO UPDATE SET cases = v.cases + EXCLUDED.cases`.execute(db);
  }
}

/** Inserts new cases with their parties, obligations, events and projection. */
export async function insertCases(tx: Tx, cases: readonly NewCase[], ctx: WriteContext): Promise<void> {
  await inBatches(tx, cases, ctx, (b) => buildInsertBatch(b, ctx));
}

/** Appends the new events of existing cases and rewrites their projection, obligation progress and statistics rows. */
export async function appendToCases(tx: Tx, cases: readonly AppendedCase[], ctx: WriteContext): Promise<void> {
  // The rows of the whole history are written again: the old ones go first (one statement cannot both
  // delete and insert the same keys).
  await deleteDerivedRowsOf(ctx.side?.db ?? tx, cases.map((c) => c.facts.id));
  await inBatches(tx, cases, { ...ctx, onWritten: undefined }, (b) => buildAppendBatch(b, ctx));
}

/** Raises case_counters to the highest imported sequence per office and year (ids CODE-YYYY-NNNNN). */
export async function raiseCaseCounters(tx: Tx, ids: Iterable<string>, unitIdOf: (code: string) => number | undefined): Promise<void> {
  const max = new Map<string, Row>();
  for (const id of ids) {
    const m = /^(.+)-(\d{4})-(\d{1,9})$/.exec(id);
    const officeId = m ? unitIdOf(m[1]!) : undefined;
    if (!m || officeId === undefined) continue;
    const key = `${officeId}|${m[2]}`;
    const n = Number(m[3]);
    if (((max.get(key)?.[2] as number | undefined) ?? 0) < n) max.set(key, [officeId, Number(m[2]), n]);
  }
  if (max.size === 0) return;
  const cols: Cols = [['office_id', 'int'], ['fiscal_year', 'int'], ['last', 'int']];
  await sql`${insert('case_counters', cols, [...max.values()], 'v')}
            ON CONFLICT (office_id, fiscal_year) DO UPDATE SET last = GREATEST(case_counters.last, EXCLUDED.last)`.execute(tx);
}
