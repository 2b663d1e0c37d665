import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addMonths,
  addWorkingDays,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  workingDaysBetween,
  type IsoDate,
} from '../../../src/kernel/calendar/index.js';

describe('isWorkingDay', () => {
  it.each([
    ['2024-03-11', true, 'ordinary Monday'],
    ['2024-03-09', false, 'ordinary Saturday'],
    ['2024-03-10', false, 'ordinary Sunday'],
    ['2024-05-04', true, 'make-up Saturday (swap for 29/04/2024)'],
    ['2026-01-10', true, 'make-up Saturday (swap for 02/01/2026)'],
    ['2026-08-22', true, 'make-up Saturday (swap for 31/08/2026)'],
    ['2025-04-26', true, 'make-up Saturday (swap for 02/05/2025)'],
    ['2024-04-29', false, 'swapped day off'],
    ['2024-02-12', false, 'Tết day (mùng 3)'],
    ['2024-02-13', false, 'compensatory day for Tết'],
    ['2024-02-15', true, 'first day back after Tết 2024'],
    ['2024-09-03', false, 'second Quốc khánh day 2024'],
    ['2020-09-03', true, 'before 2021 Quốc khánh was one day'],
    ['2030-02-05', false, 'computed compensatory day, Tết 2030'],
    ['2030-02-07', true, 'computed first working day after Tết 2030'],
    ['2015-01-01', false, 'first supported day (a holiday)'],
    ['2035-12-31', true, 'last supported day (a Monday)'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });
});

describe('addWorkingDays (period of N working days starting the day after the event)', () => {
  it.each([
    ['2023-01-19', 5, '2023-02-02', 'event on the day before the Tết 2023 break (20/01–26/01)'],
    ['2024-02-07', 5, '2024-02-21', 'event on the day before the Tết 2024 break (08/02–14/02)'],
    ['2024-02-10', 1, '2024-02-15', 'event during Tết: first working day after the break'],
    ['2024-03-08', 1, '2024-03-11', 'Friday + 1 → Monday'],
    ['2024-03-08', 5, '2024-03-15', 'a plain week'],
    ['2024-03-06', 10, '2024-03-20', 'two plain weeks'],
    ['2024-05-03', 1, '2024-05-04', 'the make-up Saturday counts'],
    ['2024-04-26', 2, '2024-05-03', 'over the 27/04–01/05/2024 break'],
    ['2025-12-31', 1, '2026-01-05', 'over New Year 2026 with its swapped Friday'],
    ['2026-01-09', 1, '2026-01-10', 'to the make-up Saturday 10/01/2026'],
    ['2023-04-28', 1, '2023-05-04', 'over Giỗ Tổ + 30/4 + 1/5 2023 with two compensatory days'],
    ['2030-01-30', 1, '2030-02-07', 'computed Tết 2030 break'],
    ['2024-03-09', 0, '2024-03-09', 'n = 0 returns the date itself'],
  ])('%s + %i working days = %s (%s)', (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected);
  });

  it.each([-1, 1.5, Number.NaN])('rejects n = %s', (n) => {
    expect(() => addWorkingDays('2024-03-08', n)).toThrow(RangeError);
  });
});

describe('workingDaysBetween (working days d with a < d ≤ b)', () => {
  it.each([
    ['2023-01-19', '2023-02-02', 5],
    ['2023-02-02', '2023-01-19', -5],
    ['2024-05-03', '2024-05-06', 2], // make-up Saturday 04/05 and Monday 06/05
    ['2024-03-08', '2024-03-08', 0],
    ['2024-03-09', '2024-03-10', 0],
    ['2015-01-01', '2015-12-31', 250],
    ['2023-01-01', '2023-12-31', 249],
  ])('%s → %s: %i', (a, b, n) => {
    expect(workingDaysBetween(a, b)).toBe(n);
  });

  it('is the inverse of addWorkingDays', () => {
    const failures: string[] = [];
    for (let start: IsoDate = '2015-01-01'; start <= '2035-06-30'; start = addCalendarDays(start, 37)) {
      for (const n of [0, 1, 3, 5, 10, 30, 60]) {
        const end = addWorkingDays(start, n);
        if (workingDaysBetween(start, end) !== n) failures.push(`${start} + ${n}`);
        if (n > 0 && !isWorkingDay(end)) failures.push(`${start} + ${n} = ${end} is not a working day`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('nextWorkingDayOnOrAfter (BLDS 2015 Điều 148 khoản 5)', () => {
  it.each([
    ['2023-01-21', '2023-01-27'],
    ['2023-01-27', '2023-01-27'],
    ['2024-05-04', '2024-05-04'],
    ['2024-05-05', '2024-05-06'],
    ['2025-04-30', '2025-05-05'],
    ['2026-08-29', '2026-09-03'],
  ])('%s → %s', (date, expected) => {
    expect(nextWorkingDayOnOrAfter(date)).toBe(expected);
  });

  it('moves a one-month period ending on a holiday to the next working day', () => {
    // 29/03/2023 + 1 month = 29/04/2023, Giỗ Tổ (Saturday); the break lasts until 03/05.
    expect(nextWorkingDayOnOrAfter(addMonths('2023-03-29', 1))).toBe('2023-05-04');
    // 31/08/2023 + 6 months = 29/02/2024, a Thursday and a working day.
    expect(nextWorkingDayOnOrAfter(addMonths('2023-08-31', 6))).toBe('2024-02-29');
  });
});

describe('supported range 2015-01-01 … 2035-12-31', () => {
  it.each([
    ['isWorkingDay 2014-12-31', () => isWorkingDay('2014-12-31')],
    ['isWorkingDay 2036-01-01', () => isWorkingDay('2036-01-01')],
    ['addWorkingDays past the end', () => addWorkingDays('2035-12-28', 5)],
    ['addWorkingDays from before the start', () => addWorkingDays('2014-12-30', 1)],
    ['workingDaysBetween across the start', () => workingDaysBetween('2014-12-31', '2015-01-05')],
    ['nextWorkingDayOnOrAfter 2036-01-05', () => nextWorkingDayOnOrAfter('2036-01-05')],
  ])('%s throws a RangeError naming the range', (_label, f) => {
    expect(f).toThrow(RangeError);
    expect(f).toThrow(/outside the range 2015-01-01 … 2035-12-31/);
  });

  it('rejects malformed dates with a RangeError', () => {
    expect(() => isWorkingDay('2023-02-29')).toThrow(RangeError);
    expect(() => isWorkingDay('2023-1-5')).toThrow(RangeError);
  });

  it('addCalendarDays and addMonths need no holiday data and work outside the range', () => {
    expect(addCalendarDays('2035-12-31', 1)).toBe('2036-01-01');
    expect(addMonths('2035-08-31', 6)).toBe('2036-02-29');
  });
});
