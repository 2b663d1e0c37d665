import { sql } from 'kysely';
import type { DbOrTx } from '../../../platform/db/database.js';
import type { IsoDate } from '../../../kernel/calendar/index.js';
import type { CaseEvent, CaseFacts } from '../../cases/domain/index.js';
import {
  addSnapshotDeltas, markSnapshotTotalsStale, readSnapshotState, statisticsExclusiveLock, statisticsSharedLock, writeSnapshotState,
} from '../infra/statistics.repository.js';
import { snapshotDatesBetween } from './months.js';
import { currentPolicies } from './policies.js';
import { SnapshotTotalsAccumulator } from './snapshot-accumulator.js';
import { snapshotsUsable, storedTotalsRange } from './statistics-maintenance.js';

/**
 * How a bulk write of cases (an import) keeps the snapshot totals:
 *  - `delta`: totals are stored and current. Each case's change of contributions is accumulated in memory
 *    and added at the end, as a case write does (caseStatisticsChange); nothing is left to recompute.
 *  - `fresh`: no totals are stored and the register was empty. The totals of the stored range
 *    (STORED_TOTALS_POLICY) are those of the imported cases alone. The writers' lock is held exclusively,
 *    so that no other case can appear meanwhile.
 *  - `stale`: otherwise (totals already stale, or cases without totals). They are marked stale. The next
 *    maintenance recomputes them: StatisticsService.prepare, which `thads import` calls after its commit.
 */
export type BulkTotalsMode = 'delta' | 'fresh' | 'stale';

export interface BulkStatisticsOptions {
  today: IsoDate;
  /** The earliest acceptance among the cases to write (the start of a fresh range). */
  firstAcceptedOn: IsoDate | null;
  /** First fiscal year of fresh totals (default: STORED_TOTALS_POLICY). */
  fromFiscalYear?: number | undefined;
}

/**
 * The statistics of a bulk write, in its transaction. The caller writes every case's derived rows with the
 * case (derivedRowsOf, as every case write does). It reports each case here (created / appended) and calls
 * finish before committing. Takes the statistics writers' lock: shared, or exclusive for fresh totals.
 */
export class BulkStatistics {
  private constructor(
    readonly mode: BulkTotalsMode,
    private readonly totals: SnapshotTotalsAccumulator | null,
    private readonly fresh: { first: IsoDate; last: IsoDate; policies: unknown } | null,
  ) {}

  static async begin(tx: DbOrTx, opts: BulkStatisticsOptions): Promise<BulkStatistics> {
    const seen = await readSnapshotState(tx);
    const exclusive = seen.firstAsOf === null && seen.derivedReady;
    await sql`SELECT ${exclusive ? statisticsExclusiveLock() : statisticsSharedLock()}`.execute(tx);
    const state = await readSnapshotState(tx);
    const policies = await currentPolicies(tx);
    if (snapshotsUsable(state, policies)) {
      return new BulkStatistics('delta', new SnapshotTotalsAccumulator(snapshotDatesBetween(state.firstAsOf!, state.lastAsOf!), policies), null);
    }
    const empty = exclusive && state.firstAsOf === null && state.derivedReady && (await sql`SELECT 1 FROM cases LIMIT 1`.execute(tx)).rows.length === 0;
    if (empty && opts.firstAcceptedOn !== null) {
      const range = storedTotalsRange(opts.firstAcceptedOn, opts.today, { fromFiscalYear: opts.fromFiscalYear });
      if (range.dates.length) return new BulkStatistics('fresh', new SnapshotTotalsAccumulator(range.dates, policies), { ...range, policies });
    }
    return new BulkStatistics('stale', null, null);
  }

  /** A case written for the first time, with its effective events. */
  created(facts: CaseFacts, events: readonly CaseEvent[]): void {
    this.totals?.add(facts, events, 1);
  }

  /** An existing case whose effective events were `before` and are now `after`. */
  appended(facts: CaseFacts, before: readonly CaseEvent[], after: readonly CaseEvent[]): void {
    this.totals?.add(facts, before, -1);
    this.totals?.add(facts, after, 1);
  }

  /** Writes the totals (or marks them stale) once every case is written; `wroteCases`: any case created or changed. */
  async finish(tx: DbOrTx, officeId: (code: string) => number, wroteCases: boolean): Promise<void> {
    if (!wroteCases) return;
    if (this.mode === 'stale') return markSnapshotTotalsStale(tx);
    const rows = this.totals!.rows(officeId, { skipZero: true });
    if (this.mode === 'fresh') {
      await sql`TRUNCATE stat_snapshot_totals`.execute(tx);
      await addSnapshotDeltas(tx, rows);
      const { first, last, policies } = this.fresh!;
      await writeSnapshotState(tx, { derivedReady: true, firstAsOf: first, lastAsOf: last, policies });
      return;
    }
    await addSnapshotDeltas(tx, rows);
  }
}
