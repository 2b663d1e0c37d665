import { describe, expect, it } from 'vitest';
import {
  divideHalfUp, excessOf, excessOfRates, formatAmountVi, formatExcessVi, formatPercentVi, rateHundredths, rateOf, STANDARD_TARGET, targetFor,
  toHundredths, toThousandDong,
} from '../../../src/modules/statistics/domain/index.js';

describe('rate = resolved ÷ with_means × 100, half-up to 2 decimals, exact (statistics.md §3)', () => {
  it.each<[number | bigint, number | bigint, number | null]>([
    [7743, 10_000, 77.43],
    [1, 8, 12.5], // 12.5 exactly
    [1, 800, 0.13], // 0.125 → half-up
    [12_345, 100_000, 12.35], // 12.345 → 12.35 (a float × 100 gives 12.344999…)
    [201, 20_000, 1.01], // 1.005 → 1.01 (Math.round(1.005 × 100) / 100 gives 1.00)
    [1, 3, 33.33], // 33.333…
    [2, 3, 66.67], // 66.666…
    [1, 6, 16.67],
    [1, 16_000, 0.01], // 0.00625
    [1, 40_000, 0.0], // 0.0025 → 0.00
    [1, 20_000, 0.01], // 0.005 → 0.01
    [0, 5, 0],
    [5, 5, 100],
    [0, 0, null],
    [3, 0, null],
    [620_657, 739_974, 83.88], // national FY2024 (statistics.md)
    [576_933, 708_674, 81.41], // national FY2020
    [494_505, 652_177, 75.82], // national FY2021
    [10n ** 20n, 3n * 10n ** 20n, 33.33],
    [2n * 10n ** 22n + 1n, 3n * 10n ** 22n, 66.67],
  ])('%s ÷ %s → %s', (resolved, withMeans, rate) => {
    expect(rateOf(resolved, withMeans)).toBe(rate);
  });

  it('hundredths are exact integers; half-up at .xx5 exactly', () => {
    expect(rateHundredths(1, 800)).toBe(13n);
    expect(rateHundredths(1, 2000)).toBe(5n); // 0.05 exactly
    expect(rateHundredths(3, 4000)).toBe(8n); // 0.075 → 0.08
    expect(rateHundredths(0, 0)).toBeNull();
    expect(() => rateHundredths(1, -1)).toThrow(RangeError);
    expect(() => rateOf(0.5, 1)).toThrow(RangeError);
  });

  it('divideHalfUp rounds halves away from zero', () => {
    expect([divideHalfUp(5n, 2n), divideHalfUp(-5n, 2n), divideHalfUp(7n, 3n), divideHalfUp(-7n, 3n), divideHalfUp(4n, -2n)]).toEqual([3n, -3n, 2n, -2n, -2n]);
  });
});

describe('Vietnamese formatting', () => {
  it.each<[number | null, string]>([[77.43, '77,43'], [100, '100,00'], [0, '0,00'], [5.1, '5,10'], [0.07, '0,07'], [-1.2, '-1,20'], [1234.5, '1.234,50'], [null, '—']])('%s → "%s"', (v, s) => {
    expect(formatPercentVi(v)).toBe(s);
  });

  it('amounts in thousands of đồng, rounded half-up only at display (§4)', () => {
    expect([toThousandDong(1_499n), toThousandDong(1_500n), toThousandDong(2_000_000n), toThousandDong(0n)]).toEqual([1n, 2n, 2_000n, 0n]);
    expect(formatAmountVi(1_234_567_890n)).toBe('1.234.567.890');
    expect(formatAmountVi(-1_000n)).toBe('-1.000');
  });

  it('refuses a percentage with more than 2 decimals', () => {
    expect(toHundredths(77.43)).toBe(7743n);
    expect(toHundredths(0.07)).toBe(7n);
    expect(() => toHundredths(38.005)).toThrow(RangeError);
    expect(() => toHundredths(Number.NaN)).toThrow(RangeError);
  });
});

describe('targets and excess (statistics.md §5)', () => {
  // Châu Thành 2015–2020 (shared/data/chau-thanh-2015-2020.json): excess = rate − target, exact.
  it.each<[number, number, number, number, number, number, number]>([
    // fiscal year, cases rate, cases target, money rate, money target, cases excess, money excess
    [2015, 90.31, 88, 81.38, 77, 2.31, 4.38],
    [2016, 77.43, 70, 39.44, 30, 7.43, 9.44],
    [2017, 71.57, 70, 36.13, 30, 1.57, 6.13],
    [2018, 77.98, 72, 52.78, 32, 5.98, 20.78],
    [2019, 75.75, 73, 41.89, 33, 2.75, 8.89],
    [2020, 83.06, 80, 61.2, 38, 3.06, 23.2], // the published 23.02 is a typo: 61.20 − 38.00 = 23.20
  ])('FY%i', (_fy, cr, ct, mr, mt, ce, me) => {
    expect(excessOfRates({ cases: cr, money: mr }, { cases: ct, money: mt })).toEqual({ cases: ce, money: me });
  });

  it('is exact where floats are not, negative when missed, null when the rate or the target is', () => {
    expect(excessOf(81.41, 80)).toBe(1.41); // 81.41 − 80 = 1.4099999999999966 in floats
    expect(excessOf(78.8, 80)).toBe(-1.2);
    expect(excessOf(null, 80)).toBeNull();
    expect(excessOfRates({ cases: 50, money: null }, STANDARD_TARGET)).toEqual({ cases: -30, money: null });
    expect(excessOfRates({ cases: 50, money: 50 }, null)).toBeNull();
  });

  it.each<[number | null, string]>([[2.31, 'vượt 2,31%'], [-1.2, 'chưa đạt 1,20%'], [23.2, 'vượt 23,20%'], [0.01, 'vượt 0,01%'], [-0.01, 'chưa đạt 0,01%'], [0, 'đạt chỉ tiêu'], [null, '—']])(
    'formatExcessVi(%s) = "%s"', (excess, text) => {
      expect(formatExcessVi(excess)).toBe(text);
    },
  );

  it('the target used is that of the fiscal year containing E', () => {
    const targets = { 2016: { cases: 70, money: 30 }, 2017: { cases: 70, money: 30.5 } };
    expect(targetFor(targets, '2016-09-30')).toEqual({ cases: 70, money: 30 });
    expect(targetFor(targets, '2016-10-01')).toEqual({ cases: 70, money: 30.5 });
    expect(targetFor(targets, '2018-01-31')).toBeNull();
    expect(STANDARD_TARGET).toEqual({ cases: 80, money: 38 });
  });
});
