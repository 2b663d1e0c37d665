import type { IsoDate } from '../../../kernel/calendar/index.js';
import { type CaseEvent, eventData } from '../../cases/domain/index.js';

/**
 * What a case write changes in the stored statistics (ARCHITECTURE.md: statistics writes by delta), pure:
 * which of the case's derived rows are added or rewritten, and from which date its contributions to the
 * stored totals can differ.
 */

/** The per-case derived tables (stat_episodes, stat_flows, stat_states, stat_offices). */
export const DERIVED_TABLE_NAMES = ['episodes', 'flows', 'states', 'offices'] as const;
export type DerivedTableName = (typeof DERIVED_TABLE_NAMES)[number];

/** Rows of the derived tables as JSON-ready objects (the infra's DerivedRows). */
export type DerivedRowSet = Record<DerivedTableName, Record<string, unknown>[]>;

/**
 * How a case's derived rows change from `previous` (null: a new case) to `next`: per table, the rows only
 * added (a multiset difference: two equal flows on one day are two rows), or the whole table rewritten
 * for the case when some previous row is gone.
 */
export function derivedRowsChange(previous: DerivedRowSet | null, next: DerivedRowSet): { rewrite: DerivedTableName[]; insert: DerivedRowSet } {
  const rewrite: DerivedTableName[] = [];
  const insert: DerivedRowSet = { episodes: [], flows: [], states: [], offices: [] };
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

/** A case write as the statistics see it: the case accepted on `acceptedOn`, its effective events before and after. */
export interface CaseHistoryWrite {
  acceptedOn: IsoDate;
  /** Null when the case is being created. */
  before: readonly CaseEvent[] | null;
  after: readonly CaseEvent[];
}

/**
 * The stored snapshot dates [first, last] whose totals a case write can change (null: none): a report
 * [1 October, m] depends on a case's events dated on or before m only, so the totals change from the first
 * date where the histories differ (the acceptance for a new case) to the last stored date.
 */
export function changedSnapshotRange(w: CaseHistoryWrite, stored: { firstAsOf: IsoDate; lastAsOf: IsoDate }): { first: IsoDate; last: IsoDate } | null {
  const changedOn = w.before === null ? w.acceptedOn : firstDifferenceOn(w.before, w.after);
  if (changedOn === null) return null;
  const first = changedOn > stored.firstAsOf ? changedOn : stored.firstAsOf;
  return first > stored.lastAsOf ? null : { first, last: stored.lastAsOf };
}
