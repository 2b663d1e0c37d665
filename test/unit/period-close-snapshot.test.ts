import { describe, expect, it } from 'vitest';
import { presentReport } from '../../src/modules/statistics/app/report-presenter.js';
import {
  periodCloseSnapshotOf, periodCloseSnapshotToJson, readPeriodCloseSnapshot, reportOfSnapshot, type PeriodCloseSnapshot,
} from '../../src/modules/statistics/domain/index.js';
import { reportOf } from './statistics/report-builders.js';

/**
 * The figures of a period close (statistics.md §1) as a versioned snapshot: built from a report, stored,
 * read back the same; rows stored before the versions (the report view itself) read as version 1.
 */

// A row of period_closes.figures as the close stored it before PeriodCloseSnapshot, verbatim from jsonb.
const LEGACY_ROW = '{"cases": {"new": 2, "rate": 33.33, "other": 0, "total": 5, "resolved": 1, "completed": 1, "postponed": 1, "suspended": 0, "withdrawn": 1, "terminated": 0, "to_enforce": 4, "with_means": 3, "in_progress": 1, "carried_over": 3, "without_means": 1, "carried_forward": 3, "transferred_out": 0, "carried_forward_with_means": 2}, "money": {"new": "5000000", "rate": 71.43, "other": "0", "total": "14000000", "reduced": "0", "resolved": "10000000", "completed": "10000000", "postponed": "0", "suspended": "0", "withdrawn": "0", "terminated": "0", "to_enforce": "14000000", "with_means": "14000000", "in_progress": "4000000", "carried_over": "9000000", "without_means": "0", "carried_forward": "4000000", "transferred_out": "0", "carried_forward_with_means": "4000000"}, "excess": {"cases": -36.67, "money": 41.43}, "office": "TN-KV3", "period": {"to": "2026-11-30", "from": "2026-10-01"}, "target": {"cases": 70, "money": 30}, "policies": {"moneyResolved": ["completed", "terminated", "reduced"], "postponementGroundsWithoutMeans": []}}';

const report = reportOf(
  'TN-KV3', { from: '2026-10-01', to: '2026-11-30' },
  { carried_over: 3, new: 2, transferred_out: 0, withdrawn: 1, completed: 1, terminated: 0, in_progress: 1, postponed: 1, suspended: 0, other: 0, without_means: 1 },
  { carried_over: 9_000_000n, new: 5_000_000n, transferred_out: 0n, withdrawn: 0n, completed: 10_000_000n, terminated: 0n, reduced: 0n, in_progress: 4_000_000n, postponed: 0n, suspended: 0n, other: 0n, without_means: 0n },
  { cases: 70, money: 30 },
);

/** Through the database: jsonb keeps the JSON text's values (and reorders keys, which nothing may depend on). */
const stored = (s: PeriodCloseSnapshot): unknown => JSON.parse(JSON.stringify(periodCloseSnapshotToJson(s)));

describe('the period close snapshot', () => {
  it('holds the unit, period, policies, both forms, rates, target and excess of the report, as version 1', () => {
    const s = periodCloseSnapshotOf(report);
    expect(s).toMatchObject({
      version: 1, unit: 'TN-KV3', period: { from: '2026-10-01', to: '2026-11-30' },
      policies: { moneyResolved: ['completed', 'terminated', 'reduced'], postponementGroundsWithoutMeans: [] },
      rates: { cases: 33.33, money: 71.43 }, target: { cases: 70, money: 30 }, excess: { cases: -36.67, money: 41.43 },
    });
    expect(s.cases).toMatchObject({ total: 5, to_enforce: 4, with_means: 3, resolved: 1, carried_forward_with_means: 2 });
    expect(s.money).toMatchObject({ total: 14_000_000n, completed: 10_000_000n, carried_forward: 4_000_000n });
    expect(reportOfSnapshot(s)).toEqual(report);
  });

  it('is stored with its version and money as strings of digits, and reads back the same', () => {
    const s = periodCloseSnapshotOf(report);
    const json = stored(s) as Record<string, unknown>;
    expect(json).toMatchObject({ version: 1, unit: 'TN-KV3', money: { completed: '10000000' }, rates: { cases: 33.33, money: 71.43 } });
    expect(readPeriodCloseSnapshot(json)).toEqual(s);
    expect(presentReport(reportOfSnapshot(readPeriodCloseSnapshot(json)))).toEqual(presentReport(report));
  });

  it('keeps amounts beyond the exact range of a JSON number', () => {
    const big = reportOf('VN', { from: '2026-10-01', to: '2026-11-30' }, { ...zeroCases(), new: 1, in_progress: 1 }, { ...zeroMoney(), new: 9_007_199_254_740_993n, in_progress: 9_007_199_254_740_993n }, null);
    const s = readPeriodCloseSnapshot(stored(periodCloseSnapshotOf(big)));
    expect(s.money.new).toBe(9_007_199_254_740_993n);
    expect(s.target).toBeNull();
    expect(s.excess).toBeNull();
  });

  it('reads a row stored before the versions as version 1, which presents exactly as that row', () => {
    const row: unknown = JSON.parse(LEGACY_ROW);
    const s = readPeriodCloseSnapshot(row);
    expect(s.version).toBe(1);
    expect(s.unit).toBe('TN-KV3');
    expect(s.rates).toEqual({ cases: 33.33, money: 71.43 });
    expect(s.money.completed).toBe(10_000_000n);
    // What the API shows of a closed period (figures, frozen) is the row as it was stored.
    expect(presentReport(reportOfSnapshot(s))).toEqual(row);
    // And it is the snapshot the close of the same report stores today.
    expect(s).toEqual(periodCloseSnapshotOf(report));
  });

  it('refuses what it cannot read rather than guess frozen figures', () => {
    const row = JSON.parse(LEGACY_ROW) as { cases: Record<string, unknown>; money: Record<string, unknown> };
    expect(() => readPeriodCloseSnapshot({ ...(stored(periodCloseSnapshotOf(report)) as object), version: 2 })).toThrow(/unknown version 2/);
    expect(() => readPeriodCloseSnapshot({ ...row, cases: { ...row.cases, total: undefined } })).toThrow(/cases\.total/);
    expect(() => readPeriodCloseSnapshot({ ...row, money: { ...row.money, completed: '10000000.5' } })).toThrow(/money\.completed/);
    expect(() => readPeriodCloseSnapshot(null)).toThrow(/figures/);
  });
});

function zeroCases() {
  return { carried_over: 0, new: 0, transferred_out: 0, withdrawn: 0, completed: 0, terminated: 0, in_progress: 0, postponed: 0, suspended: 0, other: 0, without_means: 0 };
}
function zeroMoney() {
  return { carried_over: 0n, new: 0n, transferred_out: 0n, withdrawn: 0n, completed: 0n, terminated: 0n, reduced: 0n, in_progress: 0n, postponed: 0n, suspended: 0n, other: 0n, without_means: 0n };
}
