import type { RawBuilder } from 'kysely';
import type { DbOrTx, Tx } from '../../../platform/db/database.js';
import type { CaseEvent, CaseFacts } from '../../cases/domain/index.js';
import { changedSnapshotRange, DERIVED_TABLE_NAMES, derivedRowsChange, type StatisticsPolicies } from '../domain/index.js';
import { derivedRowsOf } from '../infra/derived-rows.js';
import { resolver, unitIds } from '../infra/statistics-maintenance.repository.js';
import {
  caseStatisticsCtes, deleteCaseDerivedRows, parseWriterState, statisticsWriterState, type DerivedRows, type DerivedTable, type SnapshotDelta, type SnapshotState,
} from '../infra/statistics.repository.js';
import { snapshotDatesBetween } from './months.js';
import { POLICIES_KEY, policiesFromSetting } from './policies.js';
import { SnapshotTotalsAccumulator } from './snapshot-accumulator.js';
import { snapshotsUsable } from './statistics-maintenance.js';

/**
 * The statistics side of a case write (create, record, reverse), in the write's transaction: the case's
 * derived rows replaced and the snapshot totals moved by the difference of the case's contributions (domain
 * caseContribution) for every snapshot date from the first changed date to the last stored one. Writers
 * hold the statistics lock shared, a rebuild exclusively, so a delta never applies to totals being recomputed.
 */

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
 * The statistics side of a case write, in memory: the case's derived rows as the difference from those of
 * the history before the write (stored by the previous write with the same derivation: a payment adds one
 * flow instead of rewriting every row of the case; a table whose rows are not simply added to is rewritten
 * for the case), and the change of the case's contributions (statistics.md §2–§4 via the domain's
 * caseContribution) on every stored snapshot date from the first changed date.
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
  const range = changedSnapshotRange({ acceptedOn: w.facts.acceptedOn, before: w.before, after: w.after }, { firstAsOf: state.firstAsOf!, lastAsOf: state.lastAsOf! });
  if (range === null) return { ...change, deltas: [] };
  // The same accumulator as an import's: the contributions evaluated where they can change, not on every date.
  const totals = new SnapshotTotalsAccumulator(snapshotDatesBetween(range.first, range.last), policies);
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
