import { describe, expect, it } from 'vitest';
import { excessOf, excessParts, formatCount, formatRate, formatThousand, monthLabel, toThousand } from './stat-format';

describe('Vietnamese number formats', () => {
  it('groups thousands with dots and writes rates with a decimal comma', () => {
    expect(formatCount(1533)).toBe('1.533');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(-1234567n)).toBe('-1.234.567');
    expect(formatRate(77.43)).toBe('77,43%');
    expect(formatRate(14)).toBe('14,00%');
    expect(formatRate(0.5)).toBe('0,50%');
    expect(formatRate(null)).toBe('—');
  });

  it('shows money in thousands of đồng, rounded half-up only at display', () => {
    expect(formatThousand('57862650000')).toBe('57.862.650');
    expect(toThousand('1499')).toBe(1n);
    expect(toThousand('1500')).toBe(2n);
    expect(toThousand(-1500n)).toBe(-2n);
    expect(formatThousand('123456789012345678901')).toBe('123.456.789.012.345.679');
  });
});

describe('rates against targets', () => {
  it('computes the excess exactly to the hundredth and words it', () => {
    expect(excessOf(77.43, 70)).toBe(7.43);
    expect(excessOf(0.3, 0.1)).toBe(0.2); // no float residue
    expect(excessOf(null, 70)).toBeNull();
    expect(excessOf(77.43, null)).toBeNull();
    expect(excessParts(2.31)).toEqual({ kind: 'over', value: '2,31%' });
    expect(excessParts(-1.2)).toEqual({ kind: 'under', value: '1,20%' });
    expect(excessParts(0)).toEqual({ kind: 'met', value: '' });
    expect(excessParts(null)).toBeNull();
  });
});

describe('month labels', () => {
  it('writes a month as month/year', () => {
    expect(monthLabel('2016-09-30')).toBe('9/2016');
    expect(monthLabel('2026-11-20')).toBe('11/2026');
    expect(() => monthLabel('30/09/2016')).toThrow(RangeError);
  });
});
