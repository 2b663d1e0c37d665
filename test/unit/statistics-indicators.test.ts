import { describe, expect, it } from 'vitest';
import {
  ageBandOf, ageBands, clearanceRate, dispositionTime, existedInFiscalYear, fiscalYearMonthEnds, fiscalYearOf, fiscalYearReportEnd, forecastAt,
  forecastYearEndRate, indicatorsOf, periodDays, predecessorsOf, targetInForce, yearsWithData, type SuccessionUnit, type StatisticsReport, type Target,
} from '../../src/modules/statistics/domain/index.js';

// The indicators beyond the official forms and the target in force (statistics.md §1, §2, §5, §8): pure rules.

describe('fiscal years (statistics.md §1)', () => {
  it('runs a fiscal year from 1 October to 30 September; its report ends on 30/09 or today', () => {
    expect(fiscalYearOf('2015-10-01')).toBe(2016);
    expect(fiscalYearOf('2016-09-30')).toBe(2016);
    expect(fiscalYearReportEnd(2016, '2026-11-28')).toBe('2016-09-30');
    expect(fiscalYearReportEnd(2027, '2026-11-28')).toBe('2026-11-28');
    expect(fiscalYearReportEnd(2026, '2026-09-30')).toBe('2026-09-30');
  });

  it('lists the twelve month ends of a year, leap February included', () => {
    expect(fiscalYearMonthEnds(2024)).toEqual([
      '2023-10-31', '2023-11-30', '2023-12-31', '2024-01-31', '2024-02-29', '2024-03-31',
      '2024-04-30', '2024-05-31', '2024-06-30', '2024-07-31', '2024-08-31', '2024-09-30',
    ]);
    expect(fiscalYearMonthEnds(2027)[4]).toBe('2027-02-28');
  });

  it('counts the days of a period with both ends', () => {
    expect(periodDays('2015-10-01', '2016-09-30')).toBe(366);
    expect(periodDays('2026-10-01', '2026-10-01')).toBe(1);
  });
});

describe('forecast of the year-end rate (§8)', () => {
  it('extrapolates resolved and the growth of with-means linearly over the year', () => {
    // 2 months of 12: 100 resolved, with means grew from 300 to 500 → at year end 600 ÷ (300 + 200 × 6) = 40 %
    expect(forecastYearEndRate({ resolved: 100, withMeans: 500, withMeansAtStart: 300, elapsedDays: 61, yearDays: 366 })).toBe(40);
  });

  it('is capped at 100 %, and refused too early or with nothing to divide by', () => {
    expect(forecastYearEndRate({ resolved: 400, withMeans: 450, withMeansAtStart: 440, elapsedDays: 100, yearDays: 365 })).toBe(100);
    expect(forecastYearEndRate({ resolved: 10, withMeans: 50, withMeansAtStart: 0, elapsedDays: 10, yearDays: 365 })).toBeNull();
    expect(forecastYearEndRate({ resolved: 10, withMeans: 50, withMeansAtStart: 0, elapsedDays: 27, yearDays: 365 })).toBeNull();
    expect(forecastYearEndRate({ resolved: 0, withMeans: 0, withMeansAtStart: 0, elapsedDays: 100, yearDays: 365 })).toBeNull();
  });

  it('gives the year’s own rate at its end', () => {
    expect(forecastYearEndRate({ resolved: 1187, withMeans: 1533, withMeansAtStart: 300, elapsedDays: 366, yearDays: 366 })).toBe(77.43);
  });

  it('forecasts both forms of a report from the previous year’s carried forward with means', () => {
    const current = report('2026-10-01', '2026-11-30', { resolved: 100, with_means: 500 }, { resolved: 1_000n, with_means: 4_000n });
    const previous = report('2025-10-01', '2026-09-30', { carried_forward_with_means: 300 }, { carried_forward_with_means: 2_000n });
    // 61 days of 365: cases 100 × 365/61 ÷ (300 + 200 × 365/61); money 1000 × 365/61 ÷ (2000 + 2000 × 365/61)
    const f = 365 / 61;
    expect(forecastAt(current, previous, '2027-09-30')).toEqual({
      cases: Math.round(((100 * f) / (300 + 200 * f)) * 10_000) / 100,
      money: Math.round(((1000 * f) / (2000 + 2000 * f)) * 10_000) / 100,
    });
    // without a previous year everything with means is this year's growth
    expect(forecastAt(current, null, '2027-09-30').cases).toBe(20);
  });
});

describe('CEPEJ indicators (§8)', () => {
  it('clearance rate = resolved ÷ new × 100; disposition time = pending ÷ resolved × days', () => {
    expect(clearanceRate(1187, 1642)).toBe(72.29);
    expect(clearanceRate(5, 0)).toBeNull();
    expect(dispositionTime(883, 1187, 365)).toBe(272);
    expect(dispositionTime(10, 0, 365)).toBeNull();
  });

  it('computes both forms of a report over its own days', () => {
    const r = report('2015-10-01', '2016-09-30', { resolved: 1187, new: 1642, carried_forward: 883 }, { resolved: 500n, new: 0n, carried_forward: 1_000n });
    expect(indicatorsOf(r)).toEqual({ clearance: { cases: 72.29, money: null }, disposition: { cases: Math.round((883 / 1187) * 366), money: 732 } });
  });
});

describe('age of pending cases (§8)', () => {
  it('puts pending cases in age bands by whole months since the episode started', () => {
    expect(ageBandOf('2026-06-01', '2026-11-30')).toBe('under6m');
    expect(ageBandOf('2026-05-30', '2026-11-30')).toBe('m6to12');
    expect(ageBandOf('2025-12-01', '2026-11-30')).toBe('m6to12');
    expect(ageBandOf('2025-11-30', '2026-11-30')).toBe('y1to2');
    expect(ageBandOf('2024-11-30', '2026-11-30')).toBe('over2y');
    // 31/08 + 6 months = 28/02 (Bộ luật Dân sự Điều 148)
    expect(ageBandOf('2025-08-31', '2026-02-27')).toBe('under6m');
    expect(ageBandOf('2025-08-31', '2026-02-28')).toBe('m6to12');
  });

  it('counts cases one by one or by day', () => {
    expect(ageBands(['2026-11-01', '2020-01-01', '2020-02-02'], '2026-11-30')).toEqual({ under6m: 1, m6to12: 0, y1to2: 0, over2y: 2 });
    expect(ageBands([{ start: '2026-11-01', count: 4 }, { start: '2025-01-01', count: 3 }], '2026-11-30')).toEqual({ under6m: 4, m6to12: 0, y1to2: 3, over2y: 0 });
    expect(ageBands([], '2026-11-30')).toEqual({ under6m: 0, m6to12: 0, y1to2: 0, over2y: 0 });
  });
});

const unit = (code: string, successorCode: string | null, validFrom = '2009-07-01', validTo: string | null = null): SuccessionUnit => ({ code, successorCode, validFrom, validTo });

describe('predecessors and the target in force (§2, §5)', () => {
  it('follows successor links backwards through a chain, nearest first', () => {
    const units = [unit('A', 'B'), unit('B', 'C'), unit('C', null), unit('D', null), unit('E', 'C')];
    expect(predecessorsOf('C', units).map((u) => u.code)).toEqual(['B', 'E', 'A']);
    expect(predecessorsOf('D', units)).toEqual([]);
    // a cycle in the links ends
    expect(predecessorsOf('X', [unit('X', 'Y'), unit('Y', 'X')]).map((u) => u.code)).toEqual(['Y']);
  });

  it('knows whether a unit existed at some day of a fiscal year', () => {
    const laCt = unit('LA-CT', 'TN-KV3', '2009-07-01', '2025-06-30');
    expect(existedInFiscalYear(laCt, 2025)).toBe(true);
    expect(existedInFiscalYear(laCt, 2026)).toBe(false);
    expect(existedInFiscalYear(unit('N', null, '2025-07-01'), 2025)).toBe(true);
    expect(existedInFiscalYear(unit('N', null, '2025-10-01'), 2025)).toBe(false);
  });

  it('keeps the unit’s own target; else takes the first predecessor existing that year that had one', () => {
    const own: Target = { cases: 85, money: 40 };
    const laCt = unit('LA-CT', 'TN-KV3', '2009-07-01', '2025-06-30');
    const older = unit('OLD', 'LA-CT', '2000-01-01', '2014-12-31');
    const preds = [laCt, older];
    const given: Record<string, Target> = { 'LA-CT/2016': { cases: 70, money: 30 }, 'OLD/2014': { cases: 60, money: 20 }, 'OLD/2026': { cases: 1, money: 1 } };
    const targetOf = (u: SuccessionUnit, fy: number) => given[`${u.code}/${fy}`] ?? null;
    expect(targetInForce(own, preds, 2016, targetOf)).toEqual({ target: own, inheritedFrom: null });
    expect(targetInForce(null, preds, 2016, targetOf)).toEqual({ target: { cases: 70, money: 30 }, inheritedFrom: laCt });
    expect(targetInForce(null, preds, 2014, targetOf)).toEqual({ target: { cases: 60, money: 20 }, inheritedFrom: older });
    // a predecessor that did not exist that year gives nothing, even with a target on record
    expect(targetInForce(null, preds, 2026, targetOf)).toEqual({ target: null, inheritedFrom: null });
  });
});

describe('the years with data (§2)', () => {
  it('goes back from the current year to the first year without data', () => {
    expect(yearsWithData(2027, [true, true, false, true])).toEqual({ years: [2026, 2027], ended: true });
    expect(yearsWithData(2027, [true, true, true, true])).toEqual({ years: [2024, 2025, 2026, 2027], ended: false });
  });

  it('leaves out an empty current year without ending the search', () => {
    expect(yearsWithData(2027, [false, true, true])).toEqual({ years: [2025, 2026], ended: false });
    expect(yearsWithData(2027, [false, false])).toEqual({ years: [], ended: true });
  });
});

/** A report with the given figures (the rest 0). */
function report(from: string, to: string, cases: Record<string, number>, money: Record<string, bigint>): StatisticsReport {
  return { office: 'X', period: { from, to }, cases: { ...cases }, money: { ...money }, target: null, excess: null } as unknown as StatisticsReport;
}
