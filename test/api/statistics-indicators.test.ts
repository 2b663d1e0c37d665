import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGE_BANDS, ageBands, clearanceRate, dispositionTime, forecastYearEndRate, periodDays } from '../../src/modules/statistics/domain/index.js';
import { startDemoApp, type Session, type TestApp } from '../support/harness.js';

/**
 * The indicators endpoints (statistics.md §1, §2, §5, §8) over the demo office: LA-CT (2010–2025, its
 * targets set each year) succeeded by TN-KV3 on 01/07/2025, "today" 20/11/2026 (fiscal year 2027).
 */
let t: TestApp;
let head: Session; // truong.phong, head of TN-KV3

beforeAll(async () => {
  t = await startDemoApp();
  head = await t.login('truong.phong');
}, 240_000);
afterAll(async () => t?.close());

interface YearBody {
  fiscalYear: number;
  to: string;
  current: boolean;
  report: { period: { from: string; to: string }; cases: Record<string, number>; money: Record<string, string>; target: unknown };
  target: { cases: number; money: number } | null;
  targetOf: { code: string } | null;
  indicators: { clearance: { cases: number | null; money: number | null }; disposition: { cases: number | null; money: number | null } };
}

describe('GET /api/statistics/years', () => {
  it('lists every fiscal year with data to the current one, each with the report of GET /report', async () => {
    const r = await t.as(head, 'GET', '/api/statistics/years?unit=TN-KV3');
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({ unit: { code: 'TN-KV3', level: 'office' }, today: '2026-11-20', currentFiscalYear: 2027, currentYear: { from: '2026-10-01', to: '2027-09-30' } });
    expect(body.monthEnds).toHaveLength(12);
    expect(body.monthEnds[0]).toBe('2026-10-31');
    expect(body.monthEnds[4]).toBe('2027-02-28');
    const years = body.years as YearBody[];
    const fys = years.map((y) => y.fiscalYear);
    expect(fys[0]).toBeLessThanOrEqual(2015);
    expect(fys.at(-1)).toBe(2027);
    expect(fys).toEqual(Array.from({ length: fys.length }, (_, i) => fys[0]! + i));
    expect(years.filter((y) => y.current).map((y) => y.fiscalYear)).toEqual([2027]);
    expect(years.at(-1)!.to).toBe('2026-11-20');
    // the year before the first has no case at all
    const before = (await t.as(head, 'GET', `/api/statistics/report?unit=TN-KV3&to=${fys[0]! - 1}-09-30`)).json();
    expect(before.report.cases.total).toBe(0);
    for (const y of years.filter((x) => [2016, 2025, 2026, 2027].includes(x.fiscalYear))) {
      const report = (await t.as(head, 'GET', `/api/statistics/report?unit=TN-KV3&to=${y.to}`)).json().report;
      expect(y.report).toEqual(report);
    }
  });

  it('takes the target of the predecessor in the years the unit had none (LA-CT before 2025), its own after', async () => {
    const years = (await t.as(head, 'GET', '/api/statistics/years?unit=TN-KV3')).json().years as YearBody[];
    const y2016 = years.find((y) => y.fiscalYear === 2016)!;
    // the published figures of 2016 against the targets given to LA-CT (as the dashboard journey checks)
    expect(y2016.report.cases.rate).toBe(77.43);
    expect(y2016.report.money.rate).toBe(39.44);
    expect(y2016.report.target).toBeNull();
    expect(y2016.target).toEqual({ cases: 70, money: 30 });
    expect(y2016.targetOf).toMatchObject({ code: 'LA-CT' });
    for (const y of years.filter((x) => x.fiscalYear <= 2024)) expect(y.targetOf?.code ?? null).toBe(y.target === null ? null : 'LA-CT');
    for (const y of years.filter((x) => x.fiscalYear >= 2026 && x.report.target !== null)) {
      expect(y.targetOf).toBeNull();
      expect(y.target).toEqual(y.report.target);
    }
  });

  it('reads a unit that has ended to its last day: LA-CT, reached from the province, has its years 2011–2025 (issue #13 item 4)', async () => {
    const province = await t.login('lanh.dao.tinh');
    const r = await t.as(province, 'GET', '/api/statistics/years?unit=LA-CT');
    expect(r.statusCode, r.body).toBe(200);
    const years = r.json().years as YearBody[];
    expect(years.at(-1)).toMatchObject({ fiscalYear: 2025, to: '2025-06-30', current: false });
    expect(years.filter((y) => y.current)).toEqual([]);
    const y2016 = years.find((y) => y.fiscalYear === 2016)!;
    expect(y2016.report.cases.rate).toBe(77.43);
    expect(y2016.target).toEqual({ cases: 70, money: 30 });
    expect(y2016.targetOf).toBeNull(); // its own target
    expect(r.json().forecast).toBeNull();
  });

  it('gives the CEPEJ indicators of each year and the forecast of the current one (statistics.md §8)', async () => {
    const body = (await t.as(head, 'GET', '/api/statistics/years?unit=TN-KV3')).json();
    const years = body.years as YearBody[];
    for (const y of years) {
      const c = y.report.cases;
      const m = y.report.money;
      const days = periodDays(y.report.period.from, y.report.period.to);
      expect(y.indicators).toEqual({
        clearance: { cases: clearanceRate(c.resolved!, c.new!), money: clearanceRate(Number(m.resolved), Number(m.new)) },
        disposition: { cases: dispositionTime(c.carried_forward!, c.resolved!, days), money: dispositionTime(Number(m.carried_forward), Number(m.resolved), days) },
      });
    }
    const y2016 = years.find((y) => y.fiscalYear === 2016)!;
    expect(y2016.indicators.clearance.cases).toBe(Math.round((y2016.report.cases.resolved! / y2016.report.cases.new!) * 10_000) / 100);
    expect(y2016.indicators.disposition.cases).toBe(Math.round((y2016.report.cases.carried_forward! / y2016.report.cases.resolved!) * 366));

    const cur = years.at(-1)!.report;
    const prev = years.at(-2)!.report;
    const elapsedDays = periodDays('2026-10-01', '2026-11-20');
    const expected = (until: string) => ({
      cases: forecastYearEndRate({ resolved: cur.cases.resolved!, withMeans: cur.cases.with_means!, withMeansAtStart: prev.cases.carried_forward_with_means!, elapsedDays, yearDays: periodDays('2026-10-01', until) }),
      money: forecastYearEndRate({
        resolved: Number(cur.money.resolved), withMeans: Number(cur.money.with_means), withMeansAtStart: Number(prev.money.carried_forward_with_means), elapsedDays,
        yearDays: periodDays('2026-10-01', until),
      }),
    });
    expect(body.forecast.yearEnd).toEqual(expected('2027-09-30'));
    expect(body.forecast.yearEnd.cases).not.toBeNull();
    // month ends after November, each forecast at its own date; the last one is the year end's
    expect(body.forecast.months.map((m: { to: string }) => m.to)).toEqual(body.monthEnds.slice(2));
    expect(body.forecast.months[0]).toEqual({ to: '2026-12-31', ...expected('2026-12-31') });
    expect(body.forecast.months.at(-1)).toEqual({ to: '2027-09-30', ...body.forecast.yearEnd });
  });
});

describe('GET /api/statistics/target-in-force', () => {
  it('answers the target a report ending `to` is measured against, and whose it is', async () => {
    const r = await t.as(head, 'GET', '/api/statistics/target-in-force?unit=TN-KV3&to=2016-09-30');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      unit: { code: 'TN-KV3' }, fiscalYear: 2016, period: { from: '2015-10-01', to: '2016-09-30' }, target: { cases: 70, money: 30 }, targetOf: { code: 'LA-CT' },
    });
    const own = (await t.as(head, 'GET', '/api/statistics/target-in-force?unit=LA-CT&to=2016-03-31')).json();
    expect(own).toMatchObject({ fiscalYear: 2016, target: { cases: 70, money: 30 }, targetOf: null });
  });
});

describe('GET /api/statistics/pending-ages', () => {
  it('bands exactly the cases behind the cells "trong đó có điều kiện" and "chưa có điều kiện"', async () => {
    const to = '2026-11-20';
    const r = await t.as(head, 'GET', `/api/statistics/pending-ages?unit=TN-KV3&to=${to}`);
    expect(r.statusCode, r.body).toBe(200);
    const ages = r.json();
    expect(ages).toMatchObject({ unit: 'TN-KV3', at: to, complete: true });
    const report = (await t.as(head, 'GET', `/api/statistics/report?unit=TN-KV3&to=${to}`)).json().report;
    const sum = (b: Record<string, number>) => AGE_BANDS.reduce((s, k) => s + b[k]!, 0);
    expect(sum(ages.withMeans)).toBe(report.cases.carried_forward_with_means);
    expect(sum(ages.withoutMeans)).toBe(report.cases.without_means);
    expect(ages.totals).toEqual({ withMeans: report.cases.carried_forward_with_means, withoutMeans: report.cases.without_means });
    expect(report.cases.carried_forward_with_means).toBeGreaterThan(0);
    expect(report.cases.without_means).toBeGreaterThan(0);
    // the same bands from the drill-down's lists of cases
    for (const [key, bands] of [['carried_forward_with_means', ages.withMeans], ['without_means', ages.withoutMeans]] as const) {
      const starts: string[] = [];
      for (let page = 1; ; page++) {
        const cell = (await t.as(head, 'GET', `/api/statistics/cases?unit=TN-KV3&to=${to}&form=cases&key=${key}&page=${page}&pageSize=5000`)).json();
        starts.push(...cell.items.map((i: { episodeStart: string }) => i.episodeStart));
        if (!cell.hasMore) break;
      }
      expect(bands).toEqual(ageBands(starts, to));
      expect(Object.values(bands).filter((n) => (n as number) > 0).length).toBeGreaterThan(1);
    }
  });
});

describe('access and validation', () => {
  it('answers 404 for a unit outside the scope (as if it did not exist) on every route', async () => {
    for (const url of [
      '/api/statistics/years?unit=TN',
      '/api/statistics/calendar?unit=TN',
      '/api/statistics/target-in-force?unit=TN&to=2016-09-30',
      '/api/statistics/pending-ages?unit=TN&to=2026-11-20',
      '/api/statistics/years?unit=LA',
    ]) {
      const r = await t.as(head, 'GET', url);
      expect({ url, status: r.statusCode }).toEqual({ url, status: 404 });
      expect(r.json().error.code).toBe('NOT_FOUND');
    }
    expect((await t.as(null, 'GET', '/api/statistics/years?unit=TN-KV3')).statusCode).toBe(401);
  });

  it('refuses a bad date, and gives today\'s fiscal year from the server\'s clock', async () => {
    expect((await t.as(head, 'GET', '/api/statistics/pending-ages?unit=TN-KV3&to=2026-13-01')).statusCode).toBe(400);
    expect((await t.as(head, 'GET', '/api/statistics/target-in-force?unit=TN-KV3')).statusCode).toBe(400);
    const cal = (await t.as(head, 'GET', '/api/statistics/calendar?unit=TN-KV3')).json();
    expect(cal).toEqual({
      today: '2026-11-20', currentFiscalYear: 2027, currentYear: { from: '2026-10-01', to: '2027-09-30' }, lastMonthEnd: '2026-10-31', previousMonthEnd: '2026-10-31', year: null,
    });
    expect((await t.as(head, 'GET', '/api/statistics/calendar?unit=TN-KV3&at=2016-03-31')).json().year).toEqual({ fiscalYear: 2016, from: '2015-10-01', to: '2016-09-30' });
    expect((await t.as(head, 'GET', '/api/statistics/calendar?unit=TN-KV3&fiscalYear=2020')).json().year).toEqual({ fiscalYear: 2020, from: '2019-10-01', to: '2020-09-30' });
    // on a month end: the report's default end is today, the period close proposes the month before
    t.clock.set('2026-11-30T03:00:00Z');
    const later = await t.login('truong.phong');
    expect((await t.as(later, 'GET', '/api/statistics/calendar?unit=TN-KV3')).json()).toMatchObject({ lastMonthEnd: '2026-11-30', previousMonthEnd: '2026-10-31' });
    t.clock.set('2026-11-20T03:00:00Z');
  });
});
