import { describe, expect, it } from 'vitest';
import { ageBandOf, ageBands, clearanceRate, dispositionTime, forecastYearEndRate, periodDays } from './indicators';

describe('forecast of the year-end rate', () => {
  it('extrapolates resolved and the growth of with-means linearly over the year', () => {
    // 2 months of 12: 100 resolved, with means grew from 300 to 500 → at year end 600 ÷ (300 + 200 × 6) = 40 %
    expect(forecastYearEndRate({ resolved: 100, withMeans: 500, withMeansAtStart: 300, elapsedDays: 61, yearDays: 366 })).toBe(40);
  });

  it('is capped at 100 %, and refused too early or with nothing to divide by', () => {
    expect(forecastYearEndRate({ resolved: 400, withMeans: 450, withMeansAtStart: 440, elapsedDays: 100, yearDays: 365 })).toBe(100);
    expect(forecastYearEndRate({ resolved: 10, withMeans: 50, withMeansAtStart: 0, elapsedDays: 10, yearDays: 365 })).toBeNull();
    expect(forecastYearEndRate({ resolved: 0, withMeans: 0, withMeansAtStart: 0, elapsedDays: 100, yearDays: 365 })).toBeNull();
  });

  it('gives the year’s own rate at its end', () => {
    expect(forecastYearEndRate({ resolved: 1187, withMeans: 1533, withMeansAtStart: 300, elapsedDays: 366, yearDays: 366 })).toBe(77.43);
  });
});

describe('CEPEJ indicators', () => {
  it('clearance rate = resolved ÷ new × 100; disposition time = pending ÷ resolved × days', () => {
    expect(clearanceRate(1187, 1642)).toBe(72.29);
    expect(clearanceRate(5, 0)).toBeNull();
    expect(dispositionTime(883, 1187, 365)).toBe(272);
    expect(dispositionTime(10, 0, 365)).toBeNull();
    expect(periodDays('2015-10-01', '2016-09-30')).toBe(366);
  });

  it('puts pending cases in age bands by whole months since the episode started', () => {
    expect(ageBandOf('2026-06-01', '2026-11-30')).toBe('under6m');
    expect(ageBandOf('2026-05-30', '2026-11-30')).toBe('m6to12');
    expect(ageBandOf('2025-12-01', '2026-11-30')).toBe('m6to12');
    expect(ageBandOf('2025-11-30', '2026-11-30')).toBe('y1to2');
    expect(ageBandOf('2024-11-30', '2026-11-30')).toBe('over2y');
    expect(ageBands(['2026-11-01', '2020-01-01', '2020-02-02'], '2026-11-30')).toEqual({ under6m: 1, m6to12: 0, y1to2: 0, over2y: 2 });
  });
});
