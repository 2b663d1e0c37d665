import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatDateTime, formatMoney, formatValidity } from './format';

describe('formatMoney', () => {
  it.each([
    [0, '0 đ'],
    [999, '999 đ'],
    [1000, '1.000 đ'],
    [1234567, '1.234.567 đ'],
    ['1234567', '1.234.567 đ'],
    [-1234567n, '-1.234.567 đ'],
    // beyond Number.MAX_SAFE_INTEGER: exact, no float rounding
    [123456789012345678901n, '123.456.789.012.345.678.901 đ'],
    ['123456789012345678901', '123.456.789.012.345.678.901 đ'],
  ])('%s → %s', (value, shown) => {
    expect(formatMoney(value)).toBe(shown);
  });

  it('refuses fractions of a đồng rather than rounding them', () => {
    expect(() => formatMoney(1.5)).toThrow();
    expect(() => formatMoney('12.5')).toThrow();
  });
});

describe('formatCount', () => {
  it('groups counts with dots', () => {
    expect(formatCount(10000)).toBe('10.000');
    expect(formatCount(1234)).toBe('1.234');
    expect(formatCount(7)).toBe('7');
  });
});

describe('dates', () => {
  it('shows calendar dates as dd/mm/yyyy without moving them across time zones', () => {
    expect(formatDate('2025-06-30')).toBe('30/06/2025');
    expect(formatDate(null)).toBe('');
  });

  it('shows timestamps in Vietnam time whatever the machine clock zone', () => {
    // 23:21 UTC is 06:21 the next morning in Hồ Chí Minh City (UTC+7)
    expect(formatDateTime('2026-11-27T23:21:09.233Z')).toBe('28/11/2026 06:21');
    expect(formatDate('2026-11-27T23:21:09.233Z')).toBe('28/11/2026');
  });

  it('writes validity periods, open-ended ones up to "nay"', () => {
    expect(formatValidity('2009-07-01', '2025-06-30', 'nay')).toBe('01/07/2009 – 30/06/2025');
    expect(formatValidity('2025-07-01', null, 'nay')).toBe('01/07/2025 – nay');
    expect(formatValidity(null, '2025-06-30', 'nay')).toBe('… – 30/06/2025');
  });
});
