import type { IsoDate } from '../../../kernel/calendar/index.js';
import type { CaseEvent, CaseFacts } from '../../cases/domain/index.js';
import { CASE_BASE_KEYS, caseContributionsAt, fiscalYearOf, isTerminalEvent, MONEY_BASE_KEYS, type CaseContribution, type StatisticsPolicies } from '../domain/index.js';
import type { SnapshotDelta } from '../infra/statistics.repository.js';
import { fiscalYearStartOf } from './months.js';

/** The snapshot dates of one fiscal year within the range, ascending; their reports all start on `from`. */
interface Chain {
  fiscalYear: number;
  from: IsoDate;
  dates: IsoDate[];
}

/** One contribution as two vectors in CASE_BASE_KEYS / MONEY_BASE_KEYS order. */
interface Vec {
  c: number[];
  m: bigint[];
}

const zeroVec = (): Vec => ({ c: CASE_BASE_KEYS.map(() => 0), m: MONEY_BASE_KEYS.map(() => 0n) });
const isZero = (v: Vec) => v.c.every((x) => x === 0) && v.m.every((x) => x === 0n);

function addInto(into: Vec, c: CaseContribution, sign: 1 | -1): void {
  for (let i = 0; i < CASE_BASE_KEYS.length; i++) into.c[i]! += sign * c.cases[CASE_BASE_KEYS[i]!];
  const s = BigInt(sign);
  for (let i = 0; i < MONEY_BASE_KEYS.length; i++) into.m[i]! += s * c.money[MONEY_BASE_KEYS[i]!];
}

const sameContribution = (a: CaseContribution | null, b: CaseContribution | null): boolean => {
  const inA = a !== null && a.inScope;
  const inB = b !== null && b.inScope;
  if (!inA || !inB) return inA === inB;
  return a.office === b.office && CASE_BASE_KEYS.every((k) => a.cases[k] === b.cases[k]) && MONEY_BASE_KEYS.every((k) => a.money[k] === b.money[k]);
};

/** The first index of `dates` (ascending) whose date is on or after `d`; dates.length when none. */
function firstOnOrAfter(dates: readonly IsoDate[], d: IsoDate): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]! < d) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Σ of many cases' contributions (the domain's caseContribution, statistics.md §2–§4) to the snapshot totals
 * of a list of snapshot dates, per (date, holding office): what the rebuild computes in SQL from the derived
 * rows, computed here from the cases themselves while an import writes them.
 *
 * Within a fiscal year, a case's contribution to the report [1 October, m] depends on m only through the
 * events dated on or before m (and whether it was accepted by m), so it changes only at the first snapshot
 * date on or after its acceptance or one of its events. It is evaluated there only, the changes are kept per
 * date, and the totals are their running sums: a case costs a few evaluations per fiscal year, not one per
 * snapshot date (the same reasoning as the SQL's correction over "cases with a derived date in between").
 */
export class SnapshotTotalsAccumulator {
  private readonly chains: Chain[] = [];
  /** Per chain, per date index: the change of the totals at that date, by holding office code. */
  private readonly changes: Map<number, Map<string, Vec>>[] = [];

  constructor(
    dates: readonly IsoDate[],
    private readonly policies: StatisticsPolicies,
  ) {
    for (const d of dates) {
      const fy = fiscalYearOf(d);
      let chain = this.chains.at(-1);
      if (!chain || chain.fiscalYear !== fy) {
        this.chains.push((chain = { fiscalYear: fy, from: fiscalYearStartOf(d), dates: [] }));
        this.changes.push(new Map());
      }
      if (chain.dates.length && chain.dates.at(-1)! >= d) throw new RangeError(`snapshot dates not ascending at ${d}`);
      chain.dates.push(d);
    }
  }

  /** Adds (sign 1) or removes (sign −1) a case with its effective events in date order. */
  add(facts: CaseFacts, events: readonly CaseEvent[], sign: 1 | -1 = 1): void {
    // A case closed for good (its last event terminal) before a fiscal year starts, with no later event,
    // is in no report of that year (statistics.md §2): such years are not evaluated.
    const lastEvent = events.at(-1);
    const closedOn = lastEvent && isTerminalEvent(lastEvent) ? lastEvent.on : null;
    const points: { chain: number; index: number }[] = [];
    const periods: { from: IsoDate; to: IsoDate }[] = [];
    for (let ci = 0; ci < this.chains.length; ci++) {
      const { dates, from } = this.chains[ci]!;
      const last = dates.at(-1)!;
      if (facts.acceptedOn > last || (closedOn !== null && closedOn < from)) continue;
      const first = firstOnOrAfter(dates, facts.acceptedOn);
      let previous = first;
      points.push({ chain: ci, index: first });
      periods.push({ from, to: dates[first]! });
      for (const e of events) {
        if (e.on <= dates[first]! || e.on > last) continue;
        const j = firstOnOrAfter(dates, e.on);
        if (j === previous) continue;
        points.push({ chain: ci, index: j });
        periods.push({ from, to: dates[j]! });
        previous = j;
      }
    }
    if (points.length === 0) return;
    const contributions = caseContributionsAt(facts, events, periods, this.policies);
    let previous: CaseContribution | null = null;
    points.forEach(({ chain, index }, k) => {
      // Each fiscal year's reports start afresh (a new `from`): its first point is compared with nothing.
      if (k > 0 && points[k - 1]!.chain !== chain) previous = null;
      const c = contributions[k]!;
      if (sameContribution(previous, c)) return;
      if (previous?.inScope) addInto(this.vecAt(chain, index, previous.office), previous, -sign as 1 | -1);
      if (c?.inScope) addInto(this.vecAt(chain, index, c.office), c, sign);
      previous = c;
    });
  }

  private vecAt(chain: number, index: number, office: string): Vec {
    let byOffice = this.changes[chain]!.get(index);
    if (!byOffice) this.changes[chain]!.set(index, (byOffice = new Map()));
    let v = byOffice.get(office);
    if (!v) byOffice.set(office, (v = zeroVec()));
    return v;
  }

  /**
   * The totals per (date, office), as rows for stat_snapshot_totals (or as deltas to add to them): for every
   * date, every office with a change on or before it in the fiscal year. `skipZero` leaves out rows of zeros.
   */
  rows(officeId: (code: string) => number, opts: { skipZero?: boolean } = {}): SnapshotDelta[] {
    const out: SnapshotDelta[] = [];
    this.chains.forEach((chain, ci) => {
      const running = new Map<string, Vec>();
      chain.dates.forEach((asOf, j) => {
        for (const [office, v] of this.changes[ci]!.get(j) ?? []) {
          const r = running.get(office) ?? zeroVec();
          for (let i = 0; i < r.c.length; i++) r.c[i]! += v.c[i]!;
          for (let i = 0; i < r.m.length; i++) r.m[i]! += v.m[i]!;
          running.set(office, r);
        }
        for (const [office, v] of running) {
          if (opts.skipZero && isZero(v)) continue;
          const values: Record<string, bigint> = {};
          CASE_BASE_KEYS.forEach((k, i) => (values[`c_${k}`] = BigInt(v.c[i]!)));
          MONEY_BASE_KEYS.forEach((k, i) => (values[`m_${k}`] = v.m[i]!));
          out.push({ officeId: officeId(office), asOf, fiscalYear: chain.fiscalYear, values });
        }
      });
    });
    return out;
  }
}
