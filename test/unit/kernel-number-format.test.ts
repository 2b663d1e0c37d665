import { describe, expect, it } from 'vitest';
import { formatDecimal, formatHundredths, formatMoneyVnd, groupDigits } from '../../src/kernel/format/index.js';

// The one Vietnamese number notation of the server and the web (src/kernel/format/number.ts): "." between
// thousands, "," before decimals, "-" (U+002D) before a negative number.

describe('groupDigits', () => {
  it.each<[bigint | number | string, string]>([
    [0, '0'],
    [0n, '0'],
    ['0', '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1.000'], // four digits are grouped too ("1.000", never "1000")
    [1234, '1.234'],
    [9999n, '9.999'],
    [12_345, '12.345'],
    [123_456, '123.456'],
    [1_234_567, '1.234.567'],
    [1_234_567n, '1.234.567'],
    ['1234567', '1.234.567'],
    [' 1234567 ', '1.234.567'],
    ['0042', '42'],
    [-5, '-5'],
    [-1234, '-1.234'],
    [-1_234_567n, '-1.234.567'],
    ['-1000000', '-1.000.000'],
    [Number.MAX_SAFE_INTEGER, '9.007.199.254.740.991'],
    // beyond 2^53: exact, no rounding through a float
    [2n ** 53n + 1n, '9.007.199.254.740.993'],
    [123_456_789_012_345_678_901n, '123.456.789.012.345.678.901'],
    ['123456789012345678901', '123.456.789.012.345.678.901'],
    [-(10n ** 30n), '-1.000.000.000.000.000.000.000.000.000.000'],
  ])('%s → %s', (value, shown) => {
    expect(groupDigits(value)).toBe(shown);
  });

  it('writes the minus as a hyphen-minus, not U+2212, and nothing else but digits and dots', () => {
    const shown = groupDigits(-1_234_567n);
    expect(shown.codePointAt(0)).toBe(0x2d);
    expect(shown).not.toContain('\u2212');
    expect(shown).toMatch(/^-\d{1,3}(\.\d{3})*$/);
  });

  it('refuses fractions and what is not a whole number rather than rounding or guessing', () => {
    expect(() => groupDigits(1.5)).toThrow(RangeError);
    expect(() => groupDigits(Number.NaN)).toThrow(RangeError);
    expect(() => groupDigits(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => groupDigits('12.5')).toThrow(RangeError);
    expect(() => groupDigits('1.234')).toThrow(RangeError);
    expect(() => groupDigits('')).toThrow(RangeError);
    expect(() => groupDigits('0x10')).toThrow(RangeError);
    expect(() => groupDigits('1e3')).toThrow(RangeError);
  });

  it("agrees with this Node's Intl.NumberFormat('vi-VN') on whole numbers", () => {
    const intl = new Intl.NumberFormat('vi-VN');
    for (const n of [0n, 7n, 999n, 1000n, 1234n, 65_536n, 1_234_567n, -1_234_567n, 2n ** 64n, -(2n ** 70n)]) {
      expect(groupDigits(n)).toBe(intl.format(n));
    }
  });
});

describe('formatMoneyVnd', () => {
  it.each<[bigint | number | string, string]>([
    [0n, '0 đ'],
    [999, '999 đ'],
    [1000, '1.000 đ'],
    [1_234_567n, '1.234.567 đ'],
    ['1234567', '1.234.567 đ'],
    [-1_234_567n, '-1.234.567 đ'],
    [123_456_789_012_345_678_901n, '123.456.789.012.345.678.901 đ'],
  ])('%s → %s', (value, shown) => {
    expect(formatMoneyVnd(value)).toBe(shown);
  });

  it('puts one ordinary space before "đ" (U+0111)', () => {
    expect(formatMoneyVnd(5n).slice(-2)).toBe(' \u0111');
  });

  it('refuses fractions of a đồng', () => {
    expect(() => formatMoneyVnd(0.5)).toThrow(RangeError);
    expect(() => formatMoneyVnd('1000,5')).toThrow(RangeError);
  });
});

describe('formatHundredths (rates: 2 decimals after a comma)', () => {
  it.each<[bigint, string]>([
    [0n, '0,00'],
    [5n, '0,05'],
    [7743n, '77,43'],
    [10_000n, '100,00'],
    [123_450n, '1.234,50'],
    [-120n, '-1,20'],
    [-7n, '-0,07'],
  ])('%s → %s', (hundredths, shown) => {
    expect(formatHundredths(hundredths)).toBe(shown);
  });
});

describe('formatDecimal (measured quantities)', () => {
  it.each<[number, number, string]>([
    [0, 1, '0,0'],
    [12.34, 1, '12,3'],
    [12.35, 1, '12,4'], // as written, though the double is 12.3499999…
    [12.25, 1, '12,3'], // half away from zero
    [1.45, 1, '1,5'],
    [1e-7, 1, '0,0'],
    [1.5e21, 0, '1.500.000.000.000.000.000.000'],
    [0.5, 0, '1'],
    [1234.56, 1, '1.234,6'],
    [1_234_567.891, 2, '1.234.567,89'],
    [-1234.5, 1, '-1.234,5'],
    [-0.04, 1, '0,0'], // no "-0,0"
    [1234.5, 0, '1.235'],
  ])('%s with %s decimals → %s', (value, digits, shown) => {
    expect(formatDecimal(value, digits)).toBe(shown);
  });

  it("agrees with this Node's Intl.NumberFormat('vi-VN') with one decimal", () => {
    const intl = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    for (const v of [0.001, 0.05, 0.96, 1.45, 12.25, 12.34, 12.35, 999.95, 1234.56, 65_536.25, 1_000_000.04, 1e-7, 2.5e21]) expect(formatDecimal(v, 1)).toBe(intl.format(v));
  });

  it('refuses what is not a finite number', () => {
    expect(() => formatDecimal(Number.NaN, 1)).toThrow(RangeError);
    expect(() => formatDecimal(Number.POSITIVE_INFINITY, 1)).toThrow(RangeError);
  });
});
