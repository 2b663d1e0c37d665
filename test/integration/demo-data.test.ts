import { systemReader } from '../../src/modules/organisation/domain/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TODAY, planOf, YEAR_PLANS } from '../../src/modules/demo/app/chau-thanh-plan.js';
import { demoDataLoaded, loadDemoData, type LoadDemoDataResult } from '../../src/modules/demo/app/load-demo-data.js';
import { createServices } from '../../src/platform/runtime.js';
import { loadConfig } from '../../src/platform/config/config.js';
import { fiscalYearBounds } from '../../src/modules/statistics/domain/index.js';
import published from '../../../shared/data/chau-thanh-2015-2020.json' with { type: 'json' };
import { ManualClock } from '../support/harness.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

/** The tests read as the system (the scope check itself is tested through the HTTP routes and in statistics-scope). */
const system = systemReader('test');

/**
 * The demo office's data through the real paths: generated, written as JSON Lines, loaded by ImportService
 * (all or nothing) into a fresh database with the demo organisation, statistics rebuilt, then reported by
 * the SQL statistics engine (`thads report`'s service): the twelve published rates and targets of
 * 2015–2020 come out exactly, the later planned ones too; a second load changes nothing.
 */
let tdb: TestDatabase;
let services: ReturnType<typeof createServices>;
let first: LoadDemoDataResult;

beforeAll(async () => {
  tdb = await createTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: tdb.url }, process.cwd());
  services = createServices(config, tdb.db, new ManualClock(new Date('2026-11-20T02:00:00Z')));
  first = await loadDemoData({ db: tdb.db, ...services });
}, 180_000);
afterAll(async () => tdb?.drop());

const count = async (table: 'cases' | 'case_events' | 'targets') =>
  Number((await tdb.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

describe('the demo data in the database', () => {
  it('loads every generated case and event through the import', async () => {
    expect(first.loaded).toBe(true);
    expect(first.counts?.casesCreated).toBe(first.cases);
    expect(first.counts?.eventsWritten).toBe(first.events);
    expect(await count('cases')).toBe(first.cases);
    expect(await count('case_events')).toBe(first.events);
    expect(await demoDataLoaded(tdb.db)).toBe(true);
  });

  it.each(published.years)('reports fiscal year $fiscal_year of LA-CT as published: rates and targets', async (y) => {
    const to = `${y.fiscal_year}-09-30`;
    for (const path of ['auto', 'sql'] as const) {
      const r = await services.statistics.report(system, 'LA-CT', to, undefined, { path });
      expect(r.identities).toEqual([]);
      expect({ path, cases: r.report.cases.rate, money: r.report.money.rate }).toEqual({ path, cases: y.cases_rate, money: y.money_rate });
      expect(r.report.target).toEqual({ cases: y.cases_target, money: y.money_target });
      expect(r.report.excess?.cases).toBeCloseTo(y.cases_rate - y.cases_target, 6);
    }
  });

  it('reports the later years as planned, TN-KV3 with its predecessor from 2025, and the live year to "today"', async () => {
    for (const p of YEAR_PLANS.filter((y) => y.rates !== null && y.fiscalYear > 2020)) {
      const office = p.fiscalYear >= 2025 ? 'TN-KV3' : 'LA-CT';
      const r = await services.statistics.report(system, office, fiscalYearBounds(p.fiscalYear).to);
      expect({ fy: p.fiscalYear, cases: r.report.cases.rate, money: r.report.money.rate, target: r.report.target }).toEqual({ fy: p.fiscalYear, ...p.rates, target: p.target });
    }
    const live = await services.statistics.report(system, 'TN-KV3', DEMO_TODAY);
    expect(live.report.cases.new).toBeGreaterThan(150);
    expect(live.report.target).toEqual(planOf(2027).target);
    // The province reports its office; LA-CT alone (to 30/06/2025) keeps its own closed cases.
    const province = await services.statistics.report(system, 'TN', '2026-09-30');
    expect(province.report.cases.rate).toBe(planOf(2026).rates!.cases);
    const lastOfLaCt = await services.statistics.report(system, 'LA-CT', '2025-06-30');
    expect(lastOfLaCt.report.cases.with_means).toBeGreaterThan(1000);
  });

  it('loads nothing a second time', async () => {
    const again = await loadDemoData({ db: tdb.db, ...services });
    expect(again).toMatchObject({ loaded: false, reason: 'already_loaded' });
    expect(await count('cases')).toBe(first.cases);
    expect(await count('case_events')).toBe(first.events);
  });
});
