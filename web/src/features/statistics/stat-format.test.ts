import { describe, expect, it } from 'vitest';
import {
  addMonths,
  excessOf,
  excessParts,
  fiscalYearOf,
  fiscalYearReportEnd,
  formatCount,
  formatRate,
  formatThousand,
  isMonthEnd,
  previousMonthEnd,
  toThousand,
  vietnamToday,
} from './stat-format';

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

describe('fiscal years and month ends', () => {
  it('runs a fiscal year from 1 October to 30 September', () => {
    expect(fiscalYearOf('2015-10-01')).toBe(2016);
    expect(fiscalYearOf('2016-09-30')).toBe(2016);
    expect(fiscalYearReportEnd(2016, '2026-11-28')).toBe('2016-09-30');
    expect(fiscalYearReportEnd(2027, '2026-11-28')).toBe('2026-11-28');
  });

  it('finds month ends, leap years included', () => {
    expect(isMonthEnd('2024-02-29')).toBe(true);
    expect(isMonthEnd('2023-02-28')).toBe(true);
    expect(isMonthEnd('2024-02-28')).toBe(false);
    expect(previousMonthEnd('2026-11-28')).toBe('2026-10-31');
    expect(previousMonthEnd('2026-01-05')).toBe('2025-12-31');
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2025-01-15', -2)).toBe('2024-11-15');
  });

  it('takes today in Viet Nam whatever the machine zone', () => {
    expect(vietnamToday(new Date('2026-09-30T17:30:00Z'))).toBe('2026-10-01');
    expect(vietnamToday(new Date('2026-09-30T16:59:00Z'))).toBe('2026-09-30');
  });
});
