// Loading the dashboard's figures: one report per fiscal year (with the targets a predecessor was given when
// the unit itself had none that year), the months of the current year, the pending cases' ages.
import type { Unit } from '../../api/types';
import {
  getAllCellItems,
  getBreakdown,
  getReport,
  getTargets,
  type BreakdownResponse,
  type Rates,
  type Report,
} from './statistics.api';
import { ageBands, type AgeBand } from './indicators';
import { fiscalYearBounds, fiscalYearOf, fiscalYearReportEnd } from './stat-format';

export interface YearRow {
  fiscalYear: number;
  /** The report's end: 30/09, or today for the current year. */
  to: string;
  current: boolean;
  report: Report;
  target: Rates | null;
  /** The predecessor whose target this is, when the unit had none of its own that year. */
  targetOf: Unit | null;
}

/** Runs `tasks` with at most `limit` at a time, keeping their order. */
async function inBatches<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const out: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return out;
}

/** The units `code` succeeds, directly or through a chain of successors (statistics.md §2). */
export function predecessorsOf(code: string, units: readonly Unit[]): Unit[] {
  const out: Unit[] = [];
  const seen = new Set([code]);
  let frontier = [code];
  while (frontier.length) {
    const found = units.filter((u) => u.successorCode !== null && frontier.includes(u.successorCode) && !seen.has(u.code));
    for (const u of found) seen.add(u.code);
    out.push(...found);
    frontier = found.map((u) => u.code);
  }
  return out;
}

const hasData = (r: Report) => r.cases.total > 0 || r.money.total !== '0';

/** The earliest fiscal year the API reports on. */
const FIRST_FISCAL_YEAR = 2000;
const PROBE = 4;

/**
 * The unit's results per fiscal year, from the first year with data to the current one: reports are read
 * back from the current year, a few years at a time, until a year without any case (statistics.md §2: a
 * year counts the cases of its predecessors too). A year without a target of the unit's own takes the
 * target of a predecessor that existed that year (the office it succeeded was given the target then).
 */
export async function loadYears(unit: string, units: readonly Unit[], today: string): Promise<YearRow[]> {
  const current = fiscalYearOf(today);
  const found: { fiscalYear: number; report: Report }[] = [];
  let fy = current;
  probing: while (fy >= FIRST_FISCAL_YEAR) {
    const batch = Array.from({ length: PROBE }, (_, i) => fy - i).filter((y) => y >= FIRST_FISCAL_YEAR);
    const reports = await Promise.all(batch.map((y) => getReport(unit, fiscalYearReportEnd(y, today)).then((r) => r.report)));
    for (const [i, report] of reports.entries()) {
      if (!hasData(report)) {
        if (batch[i] === current) continue;
        break probing;
      }
      found.push({ fiscalYear: batch[i]!, report });
    }
    fy -= PROBE;
  }
  found.reverse();
  const predecessors = predecessorsOf(unit, units);
  return inBatches(
    found.map(({ fiscalYear, report }) => async (): Promise<YearRow> => {
      const own = { target: report.target, targetOf: null };
      const { target, targetOf } = report.target === null ? await predecessorTarget(predecessors, fiscalYear) : own;
      return { fiscalYear, to: report.period.to, current: fiscalYear === current, report, target, targetOf };
    }),
    4,
  );
}

/**
 * The target a predecessor of the unit was given for a fiscal year (the first one found among those that
 * existed that year), for a year in which the unit itself had none.
 */
export async function predecessorTarget(predecessors: readonly Unit[], fiscalYear: number): Promise<{ target: Rates | null; targetOf: Unit | null }> {
  const bounds = fiscalYearBounds(fiscalYear);
  for (const p of predecessors.filter((u) => u.validFrom <= bounds.to && (u.validTo === null || u.validTo >= bounds.from))) {
    const target = (await getTargets(p.code, fiscalYear)).target;
    if (target) return { target, targetOf: p };
  }
  return { target: null, targetOf: null };
}

export interface MonthProgress {
  current: BreakdownResponse;
  previous: BreakdownResponse | null;
}

/** This fiscal year month by month, and the previous one for comparison. */
export async function loadMonths(unit: string, today: string, hasPrevious: boolean): Promise<MonthProgress> {
  const fy = fiscalYearOf(today);
  const [current, previous] = await Promise.all([
    getBreakdown(unit, today, undefined, 'month'),
    hasPrevious ? getBreakdown(unit, fiscalYearBounds(fy - 1).to, undefined, 'month') : Promise.resolve(null),
  ]);
  return { current, previous };
}

export interface PendingAges {
  at: string;
  withMeans: Record<AgeBand, number>;
  withoutMeans: Record<AgeBand, number>;
  /** Every pending case was loaded (false for a list too long to load). */
  complete: boolean;
}

/**
 * The age of the cases pending at `to` (carried forward), in bands, from the cases behind the cells
 * "trong đó có điều kiện" and "chưa có điều kiện": age counts from the episode's start (acceptance, or
 * resumption) to `to`.
 */
export async function loadPendingAges(unit: string, to: string): Promise<PendingAges> {
  const [withMeans, withoutMeans] = await Promise.all(
    (['carried_forward_with_means', 'without_means'] as const).map((key) => getAllCellItems({ unit, to, form: 'cases', key }, 100_000)),
  );
  return {
    at: to,
    withMeans: ageBands(withMeans!.items.map((i) => i.episodeStart), to),
    withoutMeans: ageBands(withoutMeans!.items.map((i) => i.episodeStart), to),
    complete: withMeans!.complete && withoutMeans!.complete,
  };
}
