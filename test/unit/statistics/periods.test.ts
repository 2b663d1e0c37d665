import { describe, expect, it } from 'vitest';
import { defaultFrom, fiscalYearBounds, fiscalYearOf, resolvePeriod } from '../../../src/modules/statistics/domain/index.js';

describe('fiscal years (statistics.md §1: FY N = 01/10/N−1 … 30/09/N)', () => {
  it.each([
    ['2015-10-01', 2016], ['2016-09-30', 2016], ['2016-10-01', 2017], ['2016-02-29', 2016], ['2015-12-31', 2016], ['2016-01-01', 2016],
    ['2025-06-30', 2025], ['2025-07-01', 2025],
  ])('%s is in FY%i', (date, fy) => {
    expect(fiscalYearOf(date)).toBe(fy);
  });

  it('"năm 2016" runs from 01/10/2015 to 30/09/2016', () => {
    expect(fiscalYearBounds(2016)).toEqual({ from: '2015-10-01', to: '2016-09-30' });
    expect(() => fiscalYearBounds(2016.5)).toThrow(RangeError);
  });

  it.each([
    ['2016-09-30', '2015-10-01'], ['2015-10-01', '2015-10-01'], ['2015-09-30', '2014-10-01'], ['2016-02-29', '2015-10-01'], ['2016-03-15', '2015-10-01'],
  ])('default from for to = %s is %s (1 October of the FY containing to)', (to, from) => {
    expect(defaultFrom(to)).toBe(from);
  });
});

describe('resolvePeriod', () => {
  it('defaults from, accepts any to date and from = to', () => {
    expect(resolvePeriod('2016-03-15')).toEqual({ ok: true, value: { from: '2015-10-01', to: '2016-03-15' } });
    expect(resolvePeriod('2016-03-15', null)).toEqual({ ok: true, value: { from: '2015-10-01', to: '2016-03-15' } });
    expect(resolvePeriod('2016-03-15', '2016-03-15')).toEqual({ ok: true, value: { from: '2016-03-15', to: '2016-03-15' } });
    expect(resolvePeriod('2016-03-15', '2014-01-01')).toEqual({ ok: true, value: { from: '2014-01-01', to: '2016-03-15' } });
  });

  it('refuses from after to, and invalid dates, naming the field', () => {
    const r = resolvePeriod('2016-03-15', '2016-03-16');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([{ field: 'from', rule: 'from_after_to', message: 'Ngày đầu kỳ 16/03/2016 sau ngày cuối kỳ 15/03/2016.' }]);
    const bad = resolvePeriod('2016-02-30', '2016-13-01');
    expect(bad.ok ? [] : bad.errors.map((e) => [e.field, e.rule])).toEqual([['to', 'iso_date'], ['from', 'iso_date']]);
  });
});
