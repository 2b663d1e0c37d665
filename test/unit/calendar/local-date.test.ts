import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addMonths,
  addYears,
  calendarDaysBetween,
  compareIsoDates,
  fromDayNumber,
  isIsoDate,
  isWeekend,
  parseIsoDate,
  toDayNumber,
  weekdayOf,
} from '../../../src/kernel/calendar/index.js';

describe('day numbers', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-03-01', 11017],
    ['2015-01-01', 16436],
    ['2035-12-31', 24105],
  ])('%s is day %i', (date, n) => {
    expect(toDayNumber(date)).toBe(n);
    expect(fromDayNumber(n)).toBe(date);
  });

  it('agrees with Date.UTC on every day 1899–2101 (integer arithmetic, no time zone involved)', () => {
    const first = toDayNumber('1899-01-01');
    const last = toDayNumber('2101-12-31');
    const mismatches: string[] = [];
    for (let d = first; d <= last; d++) {
      const iso = fromDayNumber(d);
      const [y, m, day] = iso.split('-').map(Number) as [number, number, number];
      if (Date.UTC(y, m - 1, day) / 86_400_000 !== d || toDayNumber(iso) !== d) mismatches.push(`${d} ${iso}`);
    }
    expect(last - first).toBeGreaterThan(73_000);
    expect(mismatches).toEqual([]);
  });
});

describe('parsing', () => {
  it.each(['2023-02-29', '2023-13-01', '2023-00-10', '2023-04-31', '2023-1-05', '2023/01/05', '20230105', '', ' 2023-01-05', '0000-01-01'])(
    'rejects %j with a RangeError',
    (bad) => {
      expect(() => parseIsoDate(bad)).toThrow(RangeError);
      expect(isIsoDate(bad)).toBe(false);
    },
  );

  it.each(['2024-02-29', '2000-02-29', '2023-12-31', '0001-01-01', '9999-12-31'])('accepts %s', (good) => {
    expect(isIsoDate(good)).toBe(true);
  });

  it('rejects 1900-02-29 and accepts 2000-02-29 (century rule)', () => {
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
  });
});

describe('weekdays', () => {
  it.each([
    ['1970-01-01', 4],
    ['2023-01-22', 0],
    ['2024-05-04', 6],
    ['2026-02-17', 2],
    ['2030-02-02', 6],
  ])('%s is weekday %i', (date, w) => {
    expect(weekdayOf(date)).toBe(w);
  });

  it('Saturday and Sunday are weekends, Friday and Monday are not', () => {
    expect(isWeekend('2024-05-04')).toBe(true);
    expect(isWeekend('2024-05-05')).toBe(true);
    expect(isWeekend('2024-05-03')).toBe(false);
    expect(isWeekend('2024-05-06')).toBe(false);
  });
});

describe('addCalendarDays', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2023-12-31', 1, '2024-01-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['1900-02-28', 1, '1900-03-01'],
    ['2000-02-28', 1, '2000-02-29'],
    ['2023-01-01', 365, '2024-01-01'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2023-05-10', 0, '2023-05-10'],
  ])('%s + %i days = %s', (date, n, expected) => {
    expect(addCalendarDays(date, n)).toBe(expected);
    expect(calendarDaysBetween(date, expected)).toBe(n);
  });

  it('works outside the holiday range (no holiday data needed)', () => {
    expect(addCalendarDays('2050-12-31', 1)).toBe('2051-01-01');
  });

  it('rejects a fractional number of days', () => {
    expect(() => addCalendarDays('2023-01-01', 1.5)).toThrow(RangeError);
  });
});

describe('addMonths (BLDS 2015 Điều 148 khoản 3: no corresponding day → last day of the month)', () => {
  it.each([
    ['2023-08-31', 6, '2024-02-29'],
    ['2022-08-31', 6, '2023-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2023-03-31', 1, '2023-04-30'],
    ['2023-03-31', -1, '2023-02-28'],
    ['2023-10-31', 4, '2024-02-29'],
    ['2023-05-15', 12, '2024-05-15'],
    ['2023-12-15', 1, '2024-01-15'],
    ['2023-01-15', -13, '2021-12-15'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2023-02-28', 1, '2023-03-28'],
    ['2023-07-20', 0, '2023-07-20'],
  ])('%s + %i months = %s', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });

  it('rejects a fractional number of months', () => {
    expect(() => addMonths('2023-01-01', 0.5)).toThrow(RangeError);
  });
});

describe('addYears', () => {
  it.each([
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2024-02-29', -1, '2023-02-28'],
    ['2023-06-30', -3, '2020-06-30'],
    ['2019-12-31', 10, '2029-12-31'],
  ])('%s + %i years = %s', (date, n, expected) => {
    expect(addYears(date, n)).toBe(expected);
  });
});

describe('compareIsoDates', () => {
  it('orders dates', () => {
    expect(compareIsoDates('2023-01-01', '2023-01-02')).toBe(-1);
    expect(compareIsoDates('2023-01-02', '2023-01-01')).toBe(1);
    expect(compareIsoDates('2023-01-02', '2023-01-02')).toBe(0);
  });
});
