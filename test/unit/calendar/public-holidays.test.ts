import { describe, expect, it } from 'vitest';
import {
  OFFICIAL_SCHEDULES,
  addCalendarDays,
  formatIsoDate,
  fromDayNumber,
  holidaysOf,
  isWeekend,
  isWorkingDay,
  lunarNewYear,
  makeUpWorkingDaysOf,
  ruleScheduleOf,
  scheduleStatusOf,
  toDayNumber,
  weekdayOf,
  type IsoDate,
} from '../../../src/kernel/calendar/index.js';

/**
 * The announced schedules written out a second time, independently of official-schedules.ts, as the
 * announcements phrase them: continuous breaks "từ … đến hết …" (weekends included) and make-up Saturdays.
 * Every day of the year is checked against them.
 */
const ANNOUNCED: Record<number, { breaks: [IsoDate, IsoDate][]; makeUp: IsoDate[] }> = {
  2015: {
    breaks: [
      ['2015-01-01', '2015-01-04'],
      ['2015-02-15', '2015-02-23'],
      ['2015-04-28', '2015-05-03'],
      ['2015-09-02', '2015-09-02'],
    ],
    makeUp: ['2015-02-14', '2015-04-25'],
  },
  2016: {
    breaks: [
      ['2016-01-01', '2016-01-03'],
      ['2016-02-06', '2016-02-14'],
      ['2016-04-16', '2016-04-18'],
      ['2016-04-30', '2016-05-03'],
      ['2016-09-02', '2016-09-04'],
    ],
    makeUp: [],
  },
  2017: {
    breaks: [
      ['2017-01-01', '2017-01-02'],
      ['2017-01-26', '2017-02-01'],
      ['2017-04-06', '2017-04-06'],
      ['2017-04-29', '2017-05-02'],
      ['2017-09-02', '2017-09-04'],
    ],
    makeUp: [],
  },
  2018: {
    breaks: [
      ['2018-01-01', '2018-01-01'],
      ['2018-02-14', '2018-02-20'],
      ['2018-04-25', '2018-04-25'],
      ['2018-04-28', '2018-05-01'],
      ['2018-09-01', '2018-09-03'],
      ['2018-12-29', '2018-12-31'], // start of the 2019 New Year break (31/12 swapped with Sat 05/01/2019)
    ],
    makeUp: [],
  },
  2019: {
    breaks: [
      ['2019-01-01', '2019-01-01'],
      ['2019-02-02', '2019-02-10'],
      ['2019-04-13', '2019-04-15'],
      ['2019-04-27', '2019-05-01'],
      ['2019-08-31', '2019-09-02'],
    ],
    makeUp: ['2019-01-05', '2019-05-04'],
  },
  2020: {
    breaks: [
      ['2020-01-01', '2020-01-01'],
      ['2020-01-23', '2020-01-29'],
      ['2020-04-02', '2020-04-02'],
      ['2020-04-30', '2020-05-03'],
      ['2020-09-02', '2020-09-02'],
    ],
    makeUp: [],
  },
  2021: {
    breaks: [
      ['2021-01-01', '2021-01-03'],
      ['2021-02-10', '2021-02-16'],
      ['2021-04-21', '2021-04-21'],
      ['2021-04-30', '2021-05-03'],
      ['2021-09-02', '2021-09-05'],
    ],
    makeUp: [],
  },
  2022: {
    breaks: [
      ['2022-01-01', '2022-01-03'],
      ['2022-01-29', '2022-02-06'],
      ['2022-04-09', '2022-04-11'],
      ['2022-04-30', '2022-05-03'],
      ['2022-09-01', '2022-09-04'],
    ],
    makeUp: [],
  },
  2023: {
    breaks: [
      ['2023-01-01', '2023-01-02'],
      ['2023-01-20', '2023-01-26'],
      ['2023-04-29', '2023-05-03'],
      ['2023-09-01', '2023-09-04'],
    ],
    makeUp: [],
  },
  2024: {
    breaks: [
      ['2024-01-01', '2024-01-01'],
      ['2024-02-08', '2024-02-14'],
      ['2024-04-18', '2024-04-18'],
      ['2024-04-27', '2024-05-01'],
      ['2024-08-31', '2024-09-03'],
    ],
    makeUp: ['2024-05-04'],
  },
  2025: {
    breaks: [
      ['2025-01-01', '2025-01-01'],
      ['2025-01-25', '2025-02-02'],
      ['2025-04-05', '2025-04-07'],
      ['2025-04-30', '2025-05-04'],
      ['2025-08-30', '2025-09-02'],
    ],
    makeUp: ['2025-04-26'],
  },
  2026: {
    breaks: [
      ['2026-01-01', '2026-01-04'],
      ['2026-02-14', '2026-02-22'],
      ['2026-04-25', '2026-04-27'],
      ['2026-04-30', '2026-05-03'],
      ['2026-08-29', '2026-09-02'],
    ],
    makeUp: ['2026-01-10', '2026-08-22'],
  },
};

function daysOfYear(year: number): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = toDayNumber(formatIsoDate(year, 1, 1)); d <= toDayNumber(formatIsoDate(year, 12, 31)); d++) {
    out.push(fromDayNumber(d));
  }
  return out;
}

function inBreaks(date: IsoDate, breaks: readonly (readonly [IsoDate, IsoDate])[]): boolean {
  return breaks.some(([a, b]) => a <= date && date <= b);
}

describe('official schedules, checked day by day', () => {
  it.each(Object.keys(ANNOUNCED).map(Number))('%i', (year) => {
    const { breaks, makeUp } = ANNOUNCED[year]!;
    const wrong: string[] = [];
    for (const date of daysOfYear(year)) {
      const expected = makeUp.includes(date) || (!isWeekend(date) && !inBreaks(date, breaks));
      if (isWorkingDay(date) !== expected) wrong.push(`${date}: expected ${expected ? 'working' : 'day off'}`);
    }
    expect(wrong).toEqual([]);
    expect(makeUpWorkingDaysOf(year).map((m) => m.date)).toEqual(makeUp);
    expect(scheduleStatusOf(year)).toBe('official');
  });

  it('the examples of the brief: Tết 2023 20/01–26/01, 2/9/2023 01/09–04/09, 30/4–1/5/2023 29/04–03/05', () => {
    const off = (a: IsoDate, b: IsoDate) => {
      const days: IsoDate[] = [];
      for (let d = a; d <= b; d = addCalendarDays(d, 1)) days.push(d);
      return days.every((d) => !isWorkingDay(d));
    };
    expect(off('2023-01-20', '2023-01-26')).toBe(true);
    expect(isWorkingDay('2023-01-19')).toBe(true);
    expect(isWorkingDay('2023-01-27')).toBe(true);
    expect(off('2023-09-01', '2023-09-04')).toBe(true);
    expect(isWorkingDay('2023-09-05')).toBe(true);
    expect(off('2023-04-29', '2023-05-03')).toBe(true);
    expect(isWorkingDay('2023-05-04')).toBe(true);
    // No make-up Saturday was announced in May 2023: the five days are 3 holidays + 2 compensatory days.
    expect(isWorkingDay('2023-05-06')).toBe(false);
    expect(holidaysOf(2023).filter((h) => h.date >= '2023-04-29' && h.date <= '2023-05-03').map((h) => h.kind)).toEqual([
      'holiday',
      'holiday',
      'holiday',
      'compensatory',
      'compensatory',
    ]);
  });
});

describe('official-schedules.ts is internally consistent', () => {
  it.each(OFFICIAL_SCHEDULES.map((s) => [s.year, s] as const))('%i: the listed breaks are exactly the runs of days off', (_year, s) => {
    const problems: string[] = [];
    for (const [a, b] of s.breaks) {
      for (let d = a; d <= b; d = addCalendarDays(d, 1)) {
        if (d >= '2015-01-01' && isWorkingDay(d)) problems.push(`${d} in break ${a}–${b} is a working day`);
      }
      const before = addCalendarDays(a, -1);
      const after = addCalendarDays(b, 1);
      if (before >= '2015-01-01' && !isWorkingDay(before)) problems.push(`break ${a}–${b} does not start after a working day`);
      if (!isWorkingDay(after)) problems.push(`break ${a}–${b} does not end before a working day`);
    }
    const allBreaks = OFFICIAL_SCHEDULES.flatMap((o) => o.breaks);
    for (const h of holidaysOf(s.year)) {
      if (!isWeekend(h.date) && !inBreaks(h.date, allBreaks)) problems.push(`${h.date} (${h.kind}) is outside every listed break`);
    }
    for (const sw of s.swaps) {
      if (weekdayOf(sw.workOn) !== 6) problems.push(`make-up day ${sw.workOn} is not a Saturday`);
      if (isWeekend(sw.off)) problems.push(`swapped day ${sw.off} is a weekend`);
    }
    expect(s.tet[0] <= lunarNewYear(s.year) && lunarNewYear(s.year) <= s.tet[1]).toBe(true);
    expect(toDayNumber(s.tet[1]) - toDayNumber(s.tet[0])).toBe(4);
    expect(problems).toEqual([]);
  });

  it('the statutory rule reproduces every announced schedule apart from the swaps (so computed years follow the same practice)', () => {
    const differences: string[] = [];
    for (const s of OFFICIAL_SCHEDULES) {
      const rule = ruleScheduleOf(s.year);
      const ruleOff = new Set([...rule.holidays.map((h) => h.date), ...rule.compensatory.map(([d]) => d)]);
      const officialOff = new Set(holidaysOf(s.year).filter((h) => h.kind !== 'swap_off').map((h) => h.date));
      for (const d of ruleOff) if (!isWeekend(d) && !officialOff.has(d)) differences.push(`${d} off by rule only`);
      for (const d of officialOff) if (!isWeekend(d) && !ruleOff.has(d)) differences.push(`${d} off officially only`);
    }
    expect(differences).toEqual([]);
  });
});

describe('holidaysOf', () => {
  it('lists 2023 with names and kinds', () => {
    expect(holidaysOf(2023).map((h) => [h.date, h.kind])).toEqual([
      ['2023-01-01', 'holiday'],
      ['2023-01-02', 'compensatory'],
      ['2023-01-20', 'holiday'],
      ['2023-01-21', 'holiday'],
      ['2023-01-22', 'holiday'],
      ['2023-01-23', 'holiday'],
      ['2023-01-24', 'holiday'],
      ['2023-01-25', 'compensatory'],
      ['2023-01-26', 'compensatory'],
      ['2023-04-29', 'holiday'],
      ['2023-04-30', 'holiday'],
      ['2023-05-01', 'holiday'],
      ['2023-05-02', 'compensatory'],
      ['2023-05-03', 'compensatory'],
      ['2023-09-01', 'holiday'],
      ['2023-09-02', 'holiday'],
      ['2023-09-04', 'compensatory'],
    ]);
    const tet = holidaysOf(2023).find((h) => h.date === '2023-01-22')!;
    expect(tet.name_vi).toBe('Tết Nguyên đán (mùng 1 tháng Giêng)');
    expect(tet.name_en).toContain('Lunar New Year');
    expect(holidaysOf(2023).find((h) => h.date === '2023-04-29')!.name_vi).toContain('Giỗ Tổ Hùng Vương');
  });

  it('marks swapped days off and their make-up Saturdays (2024: 29/04 ↔ 04/05)', () => {
    const swap = holidaysOf(2024).find((h) => h.date === '2024-04-29')!;
    expect(swap.kind).toBe('swap_off');
    expect(swap.name_vi).toContain('04/05/2024');
    expect(makeUpWorkingDaysOf(2024)).toEqual([
      expect.objectContaining({ date: '2024-05-04', replaces: '2024-04-29' }),
    ]);
  });

  it('puts a swapped day in the calendar year it falls in (31/12/2018 for New Year 2019)', () => {
    expect(holidaysOf(2018).at(-1)).toMatchObject({ date: '2018-12-31', kind: 'swap_off', occasion: 'new_year' });
    expect(makeUpWorkingDaysOf(2019)[0]).toMatchObject({ date: '2019-01-05', replaces: '2018-12-31' });
  });

  it.each(Array.from({ length: 21 }, (_, i) => 2015 + i))('%i: 10 statutory days (11 from 2021), five of them Tết around lunar 1/1', (year) => {
    const list = holidaysOf(year);
    const holidays = list.filter((h) => h.kind === 'holiday');
    expect(holidays).toHaveLength(year >= 2021 ? 11 : 10);
    const tet = holidays.filter((h) => h.occasion === 'tet').map((h) => h.date);
    expect(tet).toHaveLength(5);
    expect(tet).toContain(lunarNewYear(year));
    expect(list.map((h) => h.date)).toEqual([...list.map((h) => h.date)].sort());
    for (const h of list) {
      expect(h.name_vi.length).toBeGreaterThan(0);
      expect(h.name_en.length).toBeGreaterThan(0);
      expect(h.computed).toBe(year >= 2027);
      if (h.kind === 'compensatory') expect(isWeekend(h.date)).toBe(false);
    }
    expect(scheduleStatusOf(year)).toBe(year >= 2027 ? 'computed' : 'official');
  });

  it('computes 2027 by rule: Tết Sat 06/02 → 04/02–10/02; 1/5 Saturday → Monday 03/05; Quốc khánh 02–03/09', () => {
    const offWeekdays = holidaysOf(2027)
      .filter((h) => !isWeekend(h.date))
      .map((h) => h.date);
    expect(offWeekdays).toEqual([
      '2027-01-01',
      '2027-02-04',
      '2027-02-05',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-04-16',
      '2027-04-30',
      '2027-05-03',
      '2027-09-02',
      '2027-09-03',
    ]);
    expect(makeUpWorkingDaysOf(2027)).toEqual([]);
  });

  it('computes 2035 by rule: 2/9 on Sunday → 3/9 adjacent day and 4/9 compensatory', () => {
    expect(holidaysOf(2035).filter((h) => h.occasion === 'national_day').map((h) => [h.date, h.kind])).toEqual([
      ['2035-09-02', 'holiday'],
      ['2035-09-03', 'holiday'],
      ['2035-09-04', 'compensatory'],
    ]);
  });

  it.each([2014, 2036, 2015.5])('throws RangeError for year %s', (year) => {
    expect(() => holidaysOf(year)).toThrow(RangeError);
    expect(() => makeUpWorkingDaysOf(year)).toThrow(RangeError);
    expect(() => scheduleStatusOf(year)).toThrow(RangeError);
  });
});
