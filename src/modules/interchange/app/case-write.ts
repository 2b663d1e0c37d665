import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../../platform/db/database.js';
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
 * A batch is one statement (data-modifying CTEs; foreign keys are checked at its end) whose rows arrive
 * as one array parameter per column (unnest): one round trip, no 65,535-parameter limit. It writes the
 * cases, parties, obligations, events and the statistics rows derived from them; the statement-level insert
 * trigger of the name search (migrations 0005, 0011) writes the new cases' entries and vocabulary counts,
 * set-based, in the same statement. Node builds the next batch while PostgreSQL runs this one.
 */
export interface WriteContext {
  unitId: (code: string) => number;
  today: IsoDate;
  /** The statistics of the import: each case's derived rows are written with it and the case is reported to the snapshot totals. */
  statistics: BulkStatistics;
  batchSize?: number | undefined;
  onWritten?: ((n: number) => void) | undefined;
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
  return v.includes('"') || v.includes('\\') ? `"${v.replace(/["\\]/g, '\\$&')}"` : `"${v}"`;
};
/**
 * `unnest($1::text[], $2::int[], …) AS alias(col, …)`: the rows of a batch, one array literal per column.
 * The literal is built by concatenation (V8 joins the pieces once, when the driver writes it).
 */
function rowsOf(cols: Cols, rows: readonly Row[], alias: string): RawBuilder<unknown> {
  const arrays = cols.map(([, type], i) => {
    let text = '{';
    for (let r = 0; r < rows.length; r++) text += (r ? ',' : '') + element(rows[r]![i]!);
    return sql`${`${text}}`}::${sql.raw(type)}[]`;
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
    const own = derivedRowsOf(c.facts, c.events, ctx.unitId);
    numberFlows(own.flows);
    appendRows(rows, own);
  }
  return rows;
}

/**
 * Numbers a case's flow rows as the key of stat_flows wants them (migration 0011): 1, 2, … among its flows of
 * one episode, day and kind, in event order. An import writes a case's whole history (new, or rewritten
 * after its rows are deleted), so the numbers are known here and a second write of the same flow is refused.
 */
function numberFlows(flows: Record<string, unknown>[]): void {
  const seen = new Map<string, number>();
  for (const f of flows) {
    const k = `${String(f.episode_no)}|${String(f.on)}|${String(f.kind)}`;
    const seq = (seen.get(k) ?? 0) + 1;
    seen.set(k, seq);
    f.seq = seq;
  }
}

const isAppended = (c: NewCase | AppendedCase): c is AppendedCase => 'newEvents' in c;

async function buildInsertBatch(batch: readonly NewCase[], ctx: WriteContext): Promise<RawBuilder<unknown>> {
  const derived = await statisticsOfBatch(batch, ctx);
  const cases: Row[] = [];
  const parties: Row[] = [];
  const obligations: Row[] = [];
  const events: Row[] = [];
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
  return sql`WITH c AS (${insertCases}),
    pa AS (${insert('case_parties', PARTY_COLS, parties, 'pa_rows')}),
    ob AS (${insert('case_obligations', OBLIGATION_COLS, obligations, 'ob_rows')}),
    ${derivedRowsCtes(derived, 'st_')}
    ${insert('case_events', EVENT_COLS, events, 'ev_rows')}`;
}

async function buildAppendBatch(batch: readonly AppendedCase[], ctx: WriteContext): Promise<RawBuilder<unknown>> {
  const derived = await statisticsOfBatch(batch, ctx);
  const projections = batch.map((c) => projectionRow(c.facts, c.state, c.events, c.fromVersion + c.newEvents.length, ctx));
  const progress = batch.flatMap((c) => progressRows(c.facts, c.state));
  const events = batch.flatMap((c) => eventRows(c.facts.id, c.newEvents, c.fromVersion));
  const set = (cols: Cols) => sql.join(cols.map(([n]) => sql`${sql.ref(n)} = ${sql.ref(`v.${n}`)}`));
  // A change of holding office moves the case's name-search entries (trigger of migration 0005, main transaction).
  return sql`WITH c AS (
      UPDATE cases c SET ${set(PROJECTION_COLS.slice(1))}, updated_at = now() FROM ${rowsOf(PROJECTION_COLS, projections, 'v')} WHERE c.id = v.id),
    o AS (
      UPDATE case_obligations o SET ${set(PROGRESS_COLS.slice(2))} FROM ${rowsOf(PROGRESS_COLS, progress, 'v')} WHERE o.case_id = v.case_id AND o.id = v.id),
    ${derivedRowsCtes(derived, 'st_')}
    ${insert('case_events', EVENT_COLS, events, 'ev_rows')}`;
}

async function inBatches<T>(tx: Tx, items: readonly T[], ctx: WriteContext, build: (b: readonly T[]) => Promise<RawBuilder<unknown>>): Promise<void> {
  const size = ctx.batchSize ?? 1000;
  let pending: Promise<unknown> | null = null;
  for (let i = 0; i < items.length; i += size) {
    const batch = await build(items.slice(i, i + size));
    if (pending) await pending;
    const written = Math.min(i + size, items.length);
    pending = batch.execute(tx).then(() => ctx.onWritten?.(written));
    // A failure surfaces at the next await; keep it from being reported as unhandled meanwhile.
    pending.catch(() => undefined);
  }
  if (pending) await pending;
}

/**
 * Inserts new cases with their parties, obligations, events and projection, in the order of their ids.
 * Most indexes the import fills begin with the case id (cases, parties, obligations, events, statistics
 * rows, and the foreign key checks read the cases' one): ids in order make each batch's entries neighbours,
 * and into an empty register every entry goes to the end of its index, the cheapest place (a file lists
 * its cases in any order: the generated one mixes offices and years).
 */
export async function insertCases(tx: Tx, cases: readonly NewCase[], ctx: WriteContext): Promise<void> {
  const inIdOrder = [...cases].sort((a, b) => (a.facts.id < b.facts.id ? -1 : a.facts.id > b.facts.id ? 1 : 0));
  await inBatches(tx, inIdOrder, ctx, (b) => buildInsertBatch(b, ctx));
}

/** Appends the new events of existing cases and rewrites their projection, obligation progress and statistics rows. */
export async function appendToCases(tx: Tx, cases: readonly AppendedCase[], ctx: WriteContext): Promise<void> {
  // The rows of the whole history are written again: the old ones go first (one statement cannot both
  // delete and insert the same keys).
  await deleteDerivedRowsOf(tx, cases.map((c) => c.facts.id));
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
