import type { Db, Tx } from '../../../platform/db/database.js';
import { systemClock, todayInVietnam } from '../../../platform/clock.js';
import type { IsoDate } from '../../../kernel/calendar/index.js';
import { caseFactsFromRows, effectiveEvents, type StoredEvent } from '../../cases/domain/index.js';
import { fiscalYearOf, type StatisticsPolicies } from '../domain/index.js';
import { appendRows, derivedRowsOf } from '../infra/derived-rows.js';
import {
  countDerivedCases, derivedExtent, insertSnapshot, loadCaseHistories, lockStatisticsExclusive, resolver, truncateSnapshotTotals, unitIds,
} from '../infra/statistics-maintenance.repository.js';
import { insertDerivedRows, readSnapshotState, truncateDerivedRows, writeSnapshotState, type DerivedRows, type SnapshotState } from '../infra/statistics.repository.js';
import { firstSnapshotDateOf, fiscalYearStartOf, monthEndOf, snapshotDatesBetween } from './months.js';
import { currentPolicies, snapshotPolicyKey, sqlGrounds } from './policies.js';

/**
 * Keeping the statistics current (statistics.md; ARCHITECTURE.md "Statistics writes and reads"), the policy
 * side: which totals are stored (STORED_TOTALS_POLICY) and when they are usable; rebuildStatistics recomputes
 * everything in bulk (after an import, a policy change); extendSnapshots adds snapshot dates as time passes
 * (StatisticsService.keepTotalsCurrent, the server's scheduled step and the writers that need it; never a
 * report, which only reads). A case write's share is app/case-statistics-write.ts, what it changes is the
 * domain's (domain/case-statistics-change.ts), the SQL the infra's (infra/statistics-maintenance.repository.ts).
 * Writers hold a shared advisory lock, rebuild and extension an exclusive one.
 */

/** How many fiscal years, the current one included, a rebuild stores totals for by default. */
export const STORED_TOTALS_YEARS = 5;

const storedGroundsKey = (s: SnapshotState) => (s.policies ? snapshotPolicyKey(s.policies as StatisticsPolicies) : null);

/** True when the snapshot totals exist and were computed with the policies in force. */
export function snapshotsUsable(s: SnapshotState, policies: StatisticsPolicies): boolean {
  return s.firstAsOf !== null && s.lastAsOf !== null && storedGroundsKey(s) === snapshotPolicyKey(policies);
}

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
    await lockStatisticsExclusive(tx);
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
        const rows = await loadCaseHistories(tx, last, size);
        if (pending) await pending;
        if (rows.length === 0) break;
        const batch: DerivedRows = { episodes: [], flows: [], states: [], offices: [] };
        for (const r of rows) {
          const stored: StoredEvent[] = (r.events ?? []).map((e) => ({
            seq: e.seq, type: e.type, on: e.on, data: e.data, reversesSeq: e.reverses_seq, recordedBy: null, recordedByName: null, recordedAt: new Date(0),
          }));
          appendRows(batch, derivedRowsOf(caseFactsFromRows(r, [], r.obligations ?? [], codes.get(r.office_id)!), effectiveEvents(stored), officeId));
        }
        last = rows.at(-1)!.id;
        cases += rows.length;
        pending = insertDerivedRows(tx, batch);
        pending.catch(() => undefined);
        if (cases % (size * 25) === 0) log(`  thống kê: ${cases} việc`);
      }
    } else {
      cases = await countDerivedCases(tx);
    }
    const summary = await buildSnapshotTotals(tx, opts, log);
    return { cases, ...summary };
  });
}

async function buildSnapshotTotals(tx: Tx, opts: RebuildOptions, log: (m: string) => void) {
  const today = opts.today ?? todayInVietnam(systemClock);
  const policies = await currentPolicies(tx);
  const { firstData, episodes } = await derivedExtent(tx);
  const { first, last, dates } = storedTotalsRange(firstData, today, opts);
  await truncateSnapshotTotals(tx);
  for (const [i, m] of dates.entries()) await storeSnapshot(tx, m, i > 0 ? dates[i - 1]! : null, policies);
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

/** The totals of snapshot date `m`, from those of `previous` within a fiscal year (insertSnapshot). */
const storeSnapshot = (tx: Tx, m: IsoDate, previous: IsoDate | null, policies: StatisticsPolicies) =>
  insertSnapshot(tx, m, previous, fiscalYearStartOf(m), sqlGrounds(policies));

/**
 * Adds the snapshot dates after the last maintained one up to the end of `throughMonthEnd`'s month, computed
 * from the derived rows; builds the totals when there are none yet or when the policies changed.
 */
export async function extendSnapshots(
  db: Db | Tx, throughMonthEnd: IsoDate, opts: { today?: IsoDate; onProgress?: (message: string) => void } = {},
): Promise<RebuildSummary | null> {
  return inTransaction(db, async (tx) => {
    await lockStatisticsExclusive(tx);
    const state = await readSnapshotState(tx);
    const policies = await currentPolicies(tx);
    const through = monthEndOf(throughMonthEnd);
    if (!state.derivedReady || !snapshotsUsable(state, policies)) {
      // Stale totals (an import, a policy change) are recomputed over the range they covered, so that the
      // fiscal years someone chose to store (`--from-fiscal-year`, the demo) stay stored.
      const range = state.firstAsOf === null ? {} : { fromFiscalYear: fiscalYearOf(state.firstAsOf) };
      const last = state.lastAsOf !== null && state.lastAsOf > through ? state.lastAsOf : through;
      return rebuildStatistics(tx, {
        derived: !state.derivedReady, throughMonthEnd: last, today: opts.today ?? todayInVietnam(systemClock), ...range,
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      });
    }
    if (state.lastAsOf! >= through) return null;
    let previous = state.lastAsOf!;
    for (const m of snapshotDatesBetween(previous, through).filter((d) => d > previous)) {
      await storeSnapshot(tx, m, previous, policies);
      previous = m;
    }
    await writeSnapshotState(tx, { ...state, lastAsOf: through, policies });
    return null;
  });
}
