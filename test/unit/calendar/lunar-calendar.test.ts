import { describe, expect, it } from 'vitest';
import {
  fromDayNumber,
  fromLunar,
  hungKingsDay,
  leapMonthOf,
  lunarMonthLength,
  lunarNewYear,
  toDayNumber,
  toLunar,
} from '../../../src/kernel/calendar/index.js';

describe('Tết Nguyên đán (lunar 1/1)', () => {
  it.each([
    [2015, '2015-02-19'],
    [2016, '2016-02-08'],
    [2017, '2017-01-28'],
    [2018, '2018-02-16'],
    [2019, '2019-02-05'],
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    // Vietnam (UTC+7) celebrates Tết Canh Tuất on 02/02/2030, one day before China (UTC+8, 03/02/2030):
    // the new moon falls at about 23:07 Hanoi time on 02/02.
    [2030, '2030-02-02'],
    [2033, '2033-01-31'],
  ])('Tết %i is %s', (year, date) => {
    expect(lunarNewYear(year)).toBe(date);
    expect(toLunar(date)).toEqual({ year, month: 1, day: 1, leap: false });
  });

  it.each([
    // Years where the UTC+7 calendar differs from the Chinese (UTC+8) one.
    [1968, '1968-01-29'],
    [1985, '1985-01-21'],
    [2007, '2007-02-17'],
    [2053, '2053-02-18'],
  ])('Vietnamese Tết %i is %s (differs from China)', (year, date) => {
    expect(lunarNewYear(year)).toBe(date);
  });
});

describe('Giỗ Tổ Hùng Vương (lunar 10/3)', () => {
  it.each([
    [2015, '2015-04-28'],
    [2016, '2016-04-16'],
    [2017, '2017-04-06'],
    [2018, '2018-04-25'],
    [2019, '2019-04-14'],
    [2020, '2020-04-02'],
    [2021, '2021-04-21'],
    [2022, '2022-04-10'],
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
    [2031, '2031-04-01'], // 2031 has a leap 3rd month: Giỗ Tổ is in the regular one
  ])('%i: %s', (year, date) => {
    expect(hungKingsDay(year)).toBe(date);
    expect(toLunar(date)).toEqual({ year, month: 3, day: 10, leap: false });
  });
});

describe('leap months', () => {
  it.each([
    [2012, 4],
    [2014, 9],
    [2017, 6],
    [2020, 4],
    [2023, 2],
    [2025, 6],
    [2028, 5],
    [2031, 3],
    [2033, 11],
    [2036, 6],
    [2039, 5],
  ])('lunar year %i has leap month %i', (year, month) => {
    expect(leapMonthOf(year)).toBe(month);
  });

  it.each([2015, 2016, 2018, 2019, 2021, 2022, 2024, 2026, 2027, 2029, 2030, 2032, 2034, 2035])(
    'lunar year %i has no leap month',
    (year) => {
      expect(leapMonthOf(year)).toBeNull();
    },
  );

  it.each([
    ['2020-05-23', 2020, 4], // tháng 4 nhuận Canh Tý
    ['2023-03-22', 2023, 2], // tháng 2 nhuận Quý Mão
    ['2025-07-25', 2025, 6], // tháng 6 nhuận Ất Tỵ
    ['2033-12-22', 2033, 11], // tháng 11 nhuận Quý Sửu
  ])('%s is day 1 of leap month %i/%i', (date, year, month) => {
    expect(toLunar(date)).toEqual({ year, month, day: 1, leap: true });
    expect(fromLunar({ year, month, day: 1, leap: true })).toBe(date);
    // the day before is the last day of the regular month of the same number
    const before = toLunar(fromDayNumber(toDayNumber(date) - 1));
    expect(before).toMatchObject({ year, month, leap: false });
    expect(before.day).toBe(lunarMonthLength(year, month, false));
  });

  it('rejects a leap month the year does not have', () => {
    expect(() => fromLunar({ year: 2023, month: 3, day: 1, leap: true })).toThrow(RangeError);
    expect(() => fromLunar({ year: 2024, month: 2, day: 1, leap: true })).toThrow(RangeError);
  });
});

describe('specific lunar dates', () => {
  it.each([
    ['2015-02-18', { year: 2014, month: 12, day: 30, leap: false }], // 30 Tết Giáp Ngọ
    ['2018-02-15', { year: 2017, month: 12, day: 30, leap: false }],
    ['2023-01-21', { year: 2022, month: 12, day: 30, leap: false }],
    ['2024-02-09', { year: 2023, month: 12, day: 30, leap: false }],
    ['2025-01-28', { year: 2024, month: 12, day: 29, leap: false }], // Ất Tỵ: no 30 Tết
    ['2026-02-16', { year: 2025, month: 12, day: 29, leap: false }],
    ['2024-09-17', { year: 2024, month: 8, day: 15, leap: false }], // Tết Trung thu 2024
    ['2025-10-06', { year: 2025, month: 8, day: 15, leap: false }], // Tết Trung thu 2025
    ['2034-01-20', { year: 2033, month: 12, day: 1, leap: false }],
  ])('%s is %o', (date, lunar) => {
    expect(toLunar(date)).toEqual(lunar);
    expect(fromLunar(lunar)).toBe(date);
  });

  it('rejects day 30 of a 29-day month and malformed lunar dates', () => {
    expect(lunarMonthLength(2024, 12)).toBe(29);
    expect(() => fromLunar({ year: 2024, month: 12, day: 30, leap: false })).toThrow(RangeError);
    expect(() => fromLunar({ year: 2024, month: 13, day: 1, leap: false })).toThrow(RangeError);
    expect(() => fromLunar({ year: 2024, month: 1, day: 0, leap: false })).toThrow(RangeError);
  });

  it('rejects dates outside 1900–2100', () => {
    expect(() => toLunar('1899-12-31')).toThrow(RangeError);
    expect(() => toLunar('2101-01-01')).toThrow(RangeError);
    expect(() => lunarNewYear(2200)).toThrow(RangeError);
  });
});

describe('consistency 2010–2040', () => {
  it('every day converts to a lunar date and back, days advance by one, months have 29 or 30 days', () => {
    const first = toDayNumber('2010-01-01');
    const last = toDayNumber('2040-12-31');
    const problems: string[] = [];
    let prev = toLunar(fromDayNumber(first - 1));
    for (let d = first; d <= last; d++) {
      const iso = fromDayNumber(d);
      const l = toLunar(iso);
      if (fromLunar(l) !== iso) problems.push(`round trip ${iso}`);
      if (l.day === 1) {
        if (prev.day !== 29 && prev.day !== 30) problems.push(`month before ${iso} has ${prev.day} days`);
        const expectedMonth = l.leap ? prev.month : (prev.month % 12) + 1;
        if (l.month !== expectedMonth) problems.push(`month sequence at ${iso}`);
        if (l.leap && prev.leap) problems.push(`two leap months at ${iso}`);
        if (l.month === 1 && !l.leap && l.year !== prev.year + 1) problems.push(`year sequence at ${iso}`);
      } else if (l.day !== prev.day + 1 || l.month !== prev.month || l.leap !== prev.leap || l.year !== prev.year) {
        problems.push(`day sequence at ${iso}`);
      }
      prev = l;
    }
    expect(problems).toEqual([]);
  });

  it('lunar years last 353–355 days, or 383–385 with a leap month', () => {
    for (let y = 2010; y <= 2040; y++) {
      const length = toDayNumber(lunarNewYear(y + 1)) - toDayNumber(lunarNewYear(y));
      const leap = leapMonthOf(y) !== null;
      expect([y, leap ? length >= 383 && length <= 385 : length >= 353 && length <= 355]).toEqual([y, true]);
    }
  });
});
