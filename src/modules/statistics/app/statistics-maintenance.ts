import { sql, type RawBuilder } from 'kysely';
import { todayInVietnam } from '../../../platform/clock.js';
import type { Db, DbOrTx, Tx } from '../../../platform/db/database.js';
import type { IsoDate } from '../../../kernel/calendar/index.js';
import { type CaseEvent, type CaseFacts, type Category, effectiveEvents, eventData, type Initiation, type Obligation, type StoredEvent } from '../../cases/domain/index.js';
import { fiscalYearOf, type StatisticsPolicies } from '../domain/index.js';
import {
  caseStatisticsCtes, deleteCaseDerivedRows, insertDerivedRows, parseWriterState, readSnapshotState, statisticsExclusiveLock, statisticsWriterState,
  truncateDerivedRows, writeSnapshotState, type DerivedRows, type DerivedTable, type SnapshotDelta, type SnapshotState,
} from '../infra/statistics.repository.js';
import { deriveCase } from './case-derivation.js';
import { SnapshotTotalsAccumulator } from './snapshot-accumulator.js';
import { firstSnapshotDateOf, fiscalYearStartOf, monthEndOf, snapshotDatesBetween } from './months.js';
import { currentPolicies, POLICIES_KEY, policiesFromSetting, snapshotPolicyKey, sqlGrounds } from './policies.js';
import { snapshotFromPreviousSql, snapshotInsertSql } from '../infra/queries/report.query.js';

/**
 * Keeping the statistics current (statistics.md; design in ARCHITECTURE.md of this module):
 *  - every case write computes caseStatisticsChange and writes it in its transaction: the case's derived
 *    rows are replaced and the snapshot totals get the difference of the case's contributions (domain
 *    caseContribution) for every snapshot date from the first changed date to the last maintained one;
 *  - rebuildStatistics recomputes everything in bulk (after an import, a policy change);
 *  - extendSnapshots adds snapshot dates as time passes (StatisticsService.keepTotalsCurrent, the server's
 *    scheduled step and the writers that need it; never a report, which only reads).
 * Writers hold a shared advisory lock, rebuild and extension an exclusive one, so a delta never applies to
 * totals that are being recomputed.
 */

/** How many fiscal years, the current one included, a rebuild stores totals for by default. */
export const STORED_TOTALS_YEARS = 5;

const lockExclusive = (tx: Tx) => sql`SELECT ${statisticsExclusiveLock()}`.execute(tx);

/** Today in Viet Nam (UTC+7), for the default end of the maintained snapshot dates. */
export function vietnamToday(now: Date = new Date()): IsoDate {
  return todayInVietnam({ now: () => now });
}

/** The derived rows of one case, ready for the tables; office codes resolved by `officeId`. */
export function derivedRowsOf(facts: CaseFacts, events: readonly CaseEvent[], officeId: (code: string) => number): DerivedRows {
  const d = deriveCase(facts, events);
  const accepting = officeId(facts.office);
  return {
    episodes: d.episodes.map((e) => ({
      case_id: facts.id, episode_no: e.episodeNo, start_on: e.startOn, started_by: e.startedBy, next_start_on: e.nextStartOn, end_on: e.endOn,
      end_type: e.endType, partially_performed: e.partiallyPerformed, value_at_start: e.valueAtStart.toString(),
      outstanding_at_end: e.outstandingAtEnd === null ? null : e.outstandingAtEnd.toString(), initiation: facts.initiation, category: facts.category,
      commune_code: facts.commune, accepting_office_id: accepting,
    })),
    flows: d.flows.map((f) => ({ case_id: facts.id, episode_no: f.episodeNo, on: f.on, kind: f.kind, amount: f.amount.toString() })),
    states: d.states.map((s) => ({ case_id: facts.id, from_on: s.fromOn, to_on: s.toOn, status: s.status, ground: s.ground, enforcer_code: s.enforcer, bucket_changed: s.bucketChanged })),
    offices: d.offices.map((o) => ({ case_id: facts.id, office_id: officeId(o.office), from_on: o.fromOn, to_on: o.toOn })),
  };
}

/** Adds the rows of `r` to `into` (the rows of many cases, written together). */
export const appendRows = (into: DerivedRows, r: DerivedRows) => {
  into.episodes.push(...r.episodes);
  into.flows.push(...r.flows);
  into.states.push(...r.states);
  into.offices.push(...r.offices);
};

const DERIVED_TABLE_NAMES: readonly DerivedTable[] = ['episodes', 'flows', 'states', 'offices'];

/**
 * How a case's derived rows change from `previous` (null: a new case) to `next`: per table, the rows only
 * added (a multiset difference: two equal flows on one day are two rows), or the whole table rewritten
 * for the case when some previous row is gone.
 */
export function derivedRowsChange(previous: DerivedRows | null, next: DerivedRows): { rewrite: DerivedTable[]; insert: DerivedRows } {
  const rewrite: DerivedTable[] = [];
  const insert: DerivedRows = { episodes: [], flows: [], states: [], offices: [] };
  for (const t of DERIVED_TABLE_NAMES) {
    if (previous === null) {
      insert[t] = next[t];
      continue;
    }
    const left = new Map<string, number>();
    for (const r of previous[t]) left.set(JSON.stringify(r), (left.get(JSON.stringify(r)) ?? 0) + 1);
    const added: Record<string, unknown>[] = [];
    for (const r of next[t]) {
      const k = JSON.stringify(r);
      const n = left.get(k) ?? 0;
      if (n > 0) left.set(k, n - 1);
      else added.push(r);
    }
    if ([...left.values()].some((n) => n > 0)) {
      rewrite.push(t);
      insert[t] = next[t];
    } else insert[t] = added;
  }
  return { rewrite, insert };
}

async function unitIds(db: DbOrTx, codes?: readonly string[]): Promise<Map<string, number>> {
  let q = db.selectFrom('units').select(['id', 'code']);
  if (codes) q = q.where('code', 'in', codes.length ? [...codes] : ['']);
  return new Map((await q.execute()).map((u) => [u.code, u.id]));
}

const resolver = (ids: Map<string, number>) => (code: string) => {
  const id = ids.get(code);
  if (id === undefined) throw new Error(`statistics: unknown office code ${code}`);
  return id;
};

const eventKey = (e: CaseEvent) => `${e.type}|${e.on}|${JSON.stringify(eventData(e))}`;

/** The date from which two histories of a case differ (null: the same); events are in date order. */
export function firstDifferenceOn(before: readonly CaseEvent[], after: readonly CaseEvent[]): IsoDate | null {
  const n = Math.max(before.length, after.length);
  for (let i = 0; i < n; i++) {
    const a = before[i];
    const b = after[i];
    if (a && b && eventKey(a) === eventKey(b)) continue;
    if (a && b) return a.on < b.on ? a.on : b.on;
    return (a ?? b)!.on;
  }
  return null;
}

const storedGroundsKey = (s: SnapshotState) => (s.policies ? snapshotPolicyKey(s.policies as StatisticsPolicies) : null);

/** True when the snapshot totals exist and were computed with the policies in force. */
export function snapshotsUsable(s: SnapshotState, policies: StatisticsPolicies): boolean {
  return s.firstAsOf !== null && s.lastAsOf !== null && storedGroundsKey(s) === snapshotPolicyKey(policies);
}

export interface CaseWrite {
  facts: CaseFacts;
  /** The effective events before the write; null when the case is being created. */
  before: readonly CaseEvent[] | null;
  /** The effective events after the write. */
  after: readonly CaseEvent[];
}

/** What a case write reads of the statistics, with the writers' lock (statisticsWriterStateSql). */
export interface StatisticsWriterState {
  state: SnapshotState;
  policies: StatisticsPolicies;
}

/**
 * The expression that takes the statistics writers' shared lock and then reads the state of the stored
 * totals and the policies (migration 0007), to select in the statement that loads and locks the case.
 */
export const statisticsWriterStateSql = () => statisticsWriterState(POLICIES_KEY);

/** The value of statisticsWriterStateSql. */
export function writerStateOf(value: unknown): StatisticsWriterState {
  const { state, setting } = parseWriterState(value);
  return { state, policies: policiesFromSetting(setting) };
}

/** What a case write does to the statistics. */
export interface CaseStatisticsChange {
  /** The derived tables whose rows of the case go first (some previous row is gone; deleteCaseDerivedRows). */
  rewrite: DerivedTable[];
  /** The rows then inserted. */
  insert: DerivedRows;
  /** The change of the stored snapshot totals (empty when none are stored or usable). */
  deltas: SnapshotDelta[];
}

/**
 * The statistics side of a case write (create, record, reverse), in memory: the case's derived rows as the
 * difference from those of the history before the write (stored by the previous write with the same
 * derivation: a payment adds one flow instead of rewriting every row of the case; a table whose rows are not
 * simply added to is rewritten for the case), and the change of the case's contributions (statistics.md
 * §2–§4 via the domain's caseContribution) on every stored snapshot date from the first changed date.
 */
export function caseStatisticsChange(w: CaseWrite, read: StatisticsWriterState, officeId: (code: string) => number): CaseStatisticsChange {
  const { state, policies } = read;
  const rows = derivedRowsOf(w.facts, w.after, officeId);
  let change: { rewrite: DerivedTable[]; insert: DerivedRows };
  if (w.before === null) change = { rewrite: [], insert: rows };
  // The derived rows are being (or not yet) computed in bulk: the stored ones are not trusted, all are rewritten.
  else if (!state.derivedReady) change = { rewrite: [...DERIVED_TABLE_NAMES], insert: rows };
  else change = derivedRowsChange(derivedRowsOf(w.facts, w.before, officeId), rows);
  if (!snapshotsUsable(state, policies)) return { ...change, deltas: [] };
  const changedOn = w.before === null ? w.facts.acceptedOn : firstDifferenceOn(w.before, w.after);
  if (changedOn === null) return { ...change, deltas: [] };
  const first = changedOn > state.firstAsOf! ? changedOn : state.firstAsOf!;
  if (first > state.lastAsOf!) return { ...change, deltas: [] };
  // The same accumulator as an import's: the contributions evaluated where they can change, not on every date.
  const totals = new SnapshotTotalsAccumulator(snapshotDatesBetween(first, state.lastAsOf!), policies);
  if (w.before) totals.add(w.facts, w.before, -1);
  totals.add(w.facts, w.after, 1);
  return { ...change, deltas: totals.rows(officeId, { skipZero: true }) };
}

/**
 * Office ids by code for a case write: from the caller's cache (the unit directory) when it knows every
 * office the case has been held by, else read from the units table.
 */
export async function caseOfficeIds(db: DbOrTx, w: CaseWrite, known?: (code: string) => number | undefined): Promise<(code: string) => number> {
  const codes = new Set([w.facts.office]);
  for (const e of [...(w.before ?? []), ...w.after]) if (e.type === 'office_changed') codes.add(e.to);
  if (known && [...codes].every((c) => known(c) !== undefined)) return resolver(new Map([...codes].map((c) => [c, known(c)!])));
  return resolver(await unitIds(db, [...codes]));
}

/**
 * The statistics of a case write whose statement carries them: deletes the case's rows of the derived tables
 * to rewrite (a statement of its own, only then) and returns the rest as data-modifying CTEs for the write's
 * single statement. The caller holds the writers' lock and read `read` with it.
 */
export async function caseStatisticsWrite(
  tx: Tx, w: CaseWrite, opts: { read: StatisticsWriterState; officeIds?: ((code: string) => number | undefined) | undefined },
): Promise<RawBuilder<unknown>> {
  const change = caseStatisticsChange(w, opts.read, await caseOfficeIds(tx, w, opts.officeIds));
  await deleteCaseDerivedRows(tx, w.facts.id, change.rewrite);
  return caseStatisticsCtes(change.insert, change.deltas);
}

// ---------------------------------------------------------------------------------------------------------
// Bulk

export interface RebuildOptions {
  /**
   * First fiscal year of the snapshot totals; default: the first with data within the last
   * STORED_TOTALS_YEARS fiscal years (they cost ~5 MB a year at national scale and a rebuild ~3 s a year
   * per 100,000 cases).
   */
  fromFiscalYear?: number;
  /** The totals go up to the end of this date's month; default: the end of the current month. */
  throughMonthEnd?: IsoDate;
  /** Today (Viet Nam); default: the system clock. */
  today?: IsoDate;
  /** Recompute the per-case rows too (default); false recomputes only the snapshot totals. */
  derived?: boolean;
  batchSize?: number;
  onProgress?: (message: string) => void;
}

export interface RebuildSummary {
  cases: number;
  episodes: number;
  firstAsOf: IsoDate | null;
  lastAsOf: IsoDate | null;
  /** Snapshot dates stored. */
  snapshots: number;
}

interface CaseRow {
  id: string;
  office_id: number;
  accepted_on: string;
  initiation: string;
  category: string;
  commune_code: string | null;
  initial_enforcer: string | null;
  obligations: { id: string; kind: 'money' | 'non_money'; beneficiary: Obligation['beneficiary']; amount: string | null; value: string | null }[];
  events: { seq: number; type: string; on: string; data: Record<string, unknown>; reverses_seq: number | null }[] | null;
}

const loadBatch = (tx: Tx, after: string, limit: number) =>
  sql<CaseRow>`SELECT c.id, c.office_id, c.accepted_on, c.initiation, c.category, c.commune_code, c.initial_enforcer,
      (SELECT json_agg(json_build_object('id', o.id, 'kind', o.kind, 'beneficiary', o.beneficiary, 'amount', o.amount::text, 'value', o.value::text) ORDER BY o.seq)
         FROM case_obligations o WHERE o.case_id = c.id) AS obligations,
      (SELECT json_agg(json_build_object('seq', e.seq, 'type', e.type, 'on', e."on", 'data', e.data, 'reverses_seq', e.reverses_seq) ORDER BY e.seq)
         FROM case_events e WHERE e.case_id = c.id) AS events
    FROM cases c WHERE c.id > ${after} ORDER BY c.id LIMIT ${limit}`.execute(tx);

/** Facts as far as the statistics need them (no parties, judgment or decision). */
function factsOf(r: CaseRow, officeCode: string): CaseFacts {
  return {
    id: r.id, office: officeCode, decision: { number: '', date: r.accepted_on }, acceptedOn: r.accepted_on, initiation: r.initiation as Initiation,
    category: r.category as Category, judgment: { number: '', date: r.accepted_on, court: '' }, commune: r.commune_code, enforcer: r.initial_enforcer,
    parties: [],
    obligations: r.obligations.map((o): Obligation => (o.kind === 'money'
      ? { id: o.id, kind: 'money', beneficiary: o.beneficiary, label: o.id, amount: BigInt(o.amount!) }
      : { id: o.id, kind: 'non_money', beneficiary: o.beneficiary, label: o.id, value: o.value === null ? null : BigInt(o.value) })),
  };
}

const inTransaction = async <T>(db: Db | Tx, fn: (tx: Tx) => Promise<T>): Promise<T> =>
  db.isTransaction ? fn(db as Tx) : (db as Db).transaction().execute(fn);

/**
 * Recomputes the statistics from the case register: every case's derived rows (in batches: cases, their
 * obligations and events read with one query per batch, rows computed with the domain, written with one
 * multi-row statement per batch), then the snapshot totals (one grouped query per snapshot date over the
 * derived rows). Runs in the given transaction (e.g. an import's) or in its own.
 */
export async function rebuildStatistics(db: Db | Tx, opts: RebuildOptions = {}): Promise<RebuildSummary> {
  return inTransaction(db, async (tx) => {
    await lockExclusive(tx);
    const started = Date.now();
    const log = (m: string) => opts.onProgress?.(`${m} (${((Date.now() - started) / 1000).toFixed(1).replace(".", ",")} giây)`);
    let cases = 0;
    if (opts.derived !== false) {
      await truncateDerivedRows(tx);
      const ids = await unitIds(tx);
      const codes = new Map([...ids].map(([code, id]) => [id, code]));
      const officeId = resolver(ids);
      const size = opts.batchSize ?? 2000;
      let last = '';
      let pending: Promise<void> | null = null;
      for (;;) {
        const { rows } = await loadBatch(tx, last, size);
        if (pending) await pending;
        if (rows.length === 0) break;
        const batch: DerivedRows = { episodes: [], flows: [], states: [], offices: [] };
        for (const r of rows) {
          const stored: StoredEvent[] = (r.events ?? []).map((e) => ({
            seq: e.seq, type: e.type, on: e.on, data: e.data, reversesSeq: e.reverses_seq, recordedBy: null, recordedByName: null, recordedAt: new Date(0),
          }));
          appendRows(batch, derivedRowsOf(factsOf(r, codes.get(r.office_id)!), effectiveEvents(stored), officeId));
        }
        last = rows.at(-1)!.id;
        cases += rows.length;
        pending = insertDerivedRows(tx, batch);
        pending.catch(() => undefined);
        if (cases % (size * 25) === 0) log(`  thống kê: ${cases} việc`);
      }
    } else {
      cases = Number((await sql<{ n: string }>`SELECT count(DISTINCT case_id) AS n FROM stat_episodes`.execute(tx)).rows[0]!.n);
    }
    const summary = await buildSnapshotTotals(tx, opts, log);
    return { cases, ...summary };
  });
}

async function buildSnapshotTotals(tx: Tx, opts: RebuildOptions, log: (m: string) => void) {
  const today = opts.today ?? vietnamToday();
  const policies = await currentPolicies(tx);
  const firstData = (await sql<{ d: string | null }>`SELECT min(start_on)::text AS d FROM stat_episodes`.execute(tx)).rows[0]?.d ?? null;
  const episodes = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM stat_episodes`.execute(tx)).rows[0]!.n);
  const { first, last, dates } = storedTotalsRange(firstData, today, opts);
  await sql`TRUNCATE stat_snapshot_totals`.execute(tx);
  for (const [i, m] of dates.entries()) await insertSnapshot(tx, m, i > 0 ? dates[i - 1]! : null, policies);
  if (dates.length) log(`  thống kê: ${dates.length} ngày chốt tổng (${first} … ${last})`);
  const range = dates.length ? { firstAsOf: first, lastAsOf: last } : { firstAsOf: null, lastAsOf: null };
  await writeSnapshotState(tx, { derivedReady: true, ...range, policies });
  return { episodes, ...range, snapshots: dates.length };
}

/**
 * The snapshot dates whose totals are stored. STORED_TOTALS_POLICY: by default the current fiscal year and the
 * four before it (a five-year plan period), from the first with data (`firstData`: the earliest acceptance);
 * reports of earlier years use the full query. `fromFiscalYear` stores more (or fewer); the dates go up to
 * the end of the current month or of `throughMonthEnd`'s.
 */
export function storedTotalsRange(
  firstData: IsoDate | null, today: IsoDate, opts: { fromFiscalYear?: number | undefined; throughMonthEnd?: IsoDate | undefined } = {},
): { first: IsoDate; last: IsoDate; dates: IsoDate[] } {
  const fy = opts.fromFiscalYear ?? Math.max(firstData ? fiscalYearOf(firstData) : fiscalYearOf(today), fiscalYearOf(today) - STORED_TOTALS_YEARS + 1);
  const first = firstSnapshotDateOf(fy);
  const last = opts.throughMonthEnd ? monthEndOf(opts.throughMonthEnd) : monthEndOf(today);
  return { first, last, dates: first <= last ? snapshotDatesBetween(first, last) : [] };
}

/**
 * The totals of snapshot date `m`: corrected from those of `previous` (already stored) within a fiscal year,
 * else one full query (the first snapshot date of a fiscal year).
 */
async function insertSnapshot(tx: Tx, m: IsoDate, previous: IsoDate | null, policies: StatisticsPolicies): Promise<void> {
  const from = fiscalYearStartOf(m);
  const fy = fiscalYearOf(m);
  const grounds = sqlGrounds(policies);
  if (previous !== null && fiscalYearOf(previous) === fy) await snapshotFromPreviousSql(m, previous, from, fy, grounds).execute(tx);
  else await snapshotInsertSql(m, from, fy, grounds).execute(tx);
}

/**
 * Adds the snapshot dates after the last maintained one up to the end of `throughMonthEnd`'s month, computed
 * from the derived rows; builds the totals when there are none yet or when the policies changed.
 */
export async function extendSnapshots(
  db: Db | Tx, throughMonthEnd: IsoDate, opts: { today?: IsoDate; onProgress?: (message: string) => void } = {},
): Promise<RebuildSummary | null> {
  return inTransaction(db, async (tx) => {
    await lockExclusive(tx);
    const state = await readSnapshotState(tx);
    const policies = await currentPolicies(tx);
    const through = monthEndOf(throughMonthEnd);
    if (!state.derivedReady || !snapshotsUsable(state, policies)) {
      // Stale totals (an import, a policy change) are recomputed over the range they covered, so that the
      // fiscal years someone chose to store (`--from-fiscal-year`, the demo) stay stored.
      const range = state.firstAsOf === null ? {} : { fromFiscalYear: fiscalYearOf(state.firstAsOf) };
      const last = state.lastAsOf !== null && state.lastAsOf > through ? state.lastAsOf : through;
      return rebuildStatistics(tx, {
        derived: !state.derivedReady, throughMonthEnd: last, today: opts.today ?? vietnamToday(), ...range,
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      });
    }
    if (state.lastAsOf! >= through) return null;
    let previous = state.lastAsOf!;
    for (const m of snapshotDatesBetween(previous, through).filter((d) => d > previous)) {
      await insertSnapshot(tx, m, previous, policies);
      previous = m;
    }
    await writeSnapshotState(tx, { ...state, lastAsOf: through, policies });
    return null;
  });
}
