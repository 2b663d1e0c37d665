/**
 * Reads never write (ARCHITECTURE.md, "Statistics writes and reads"): a report for a date past the stored
 * totals (a month that began since the last write) or over stale totals is answered read-only, from the
 * nearest stored date corrected or the full query, on a connection that refuses every write (a standby
 * stands for one) and while a rebuild holds the writers' lock; the stored totals are left as they were.
 * The server's scheduled step (keepTotalsCurrent) then extends or recomputes them and the reports use them,
 * with the same figures, equal to the domain's.
 */
import { systemReader } from '../../src/modules/organisation/domain/index.js';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../src/platform/db/database.js';
import { createServices } from '../../src/platform/runtime.js';
import { nextUpkeepDelay, scheduleTotalsUpkeep } from '../../src/platform/cli/serve.js';
import { STATISTICS_LOCK_KEY } from '../../src/modules/statistics/infra/statistics.repository.js';
import type { StatisticsService } from '../../src/modules/statistics/index.js';
import { DEFAULT_POLICIES } from '../../src/modules/statistics/domain/index.js';
import type { CaseHistory } from '../support/case-factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { bulkInsert, generateHistories, oracleReport, scopeCodes, setupOrganisation } from './statistics-support.js';

/** The tests read as the system (the scope check itself is tested through the HTTP routes and in statistics-scope). */
const system = systemReader('test');

let t: TestApp;
let histories: CaseHistory[];
let roDb: Db;
/** The statistics service over connections whose every transaction is read-only (as on a standby). */
let readOnly: StatisticsService;

const STORED_THROUGH = '2028-03-31';
/** Dates past the stored totals: a month end, a snapshot date, days a few days from the last stored date. */
const PAST_RANGE = ['2028-04-30', '2028-04-08', '2028-04-02', '2028-05-15', '2028-05-20'];
const UNITS_CHECKED = ['TN-KV3', 'LA', 'VN'] as const;

beforeAll(async () => {
  t = await startTestApp();
  await setupOrganisation(t.rt);
  histories = generateHistories(160, 20_281_207);
  await bulkInsert(t.rt, histories);
  await t.rt.statistics.rebuild({ fromFiscalYear: 2028, throughMonthEnd: STORED_THROUGH });
  // Two months later: the stored totals are not current for April and May.
  t.clock.set('2028-05-20T03:00:00Z');
  const url = new URL(t.tdb.url);
  url.searchParams.set('options', '-c default_transaction_read_only=on');
  roDb = createDb(url.toString(), 2);
  readOnly = createServices(t.rt.config, roDb, t.clock).statistics;
}, 180_000);
afterAll(async () => {
  await roDb?.destroy();
  await t?.close();
});

/** What a write would change: the stored state and every stored total, as text. */
async function storedTotals() {
  const state = (await sql<Record<string, unknown>>`SELECT derived_ready, first_as_of::text, last_as_of::text, policies::text, rebuilt_at::text FROM stat_snapshot_state`.execute(t.rt.db)).rows;
  const totals = (await sql<{ n: string; h: string | null }>`SELECT count(*)::text AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM stat_snapshot_totals t`.execute(t.rt.db)).rows;
  return { state, totals };
}

async function expectOracle(unit: string, to: string, report: Awaited<ReturnType<StatisticsService['report']>>['report']) {
  const period = t.rt.statistics.periodOf(to);
  expect(report, `${unit} ${to}`).toEqual(oracleReport(histories, unit, await scopeCodes(t.rt, unit), period, DEFAULT_POLICIES, report.target));
}

describe('a report for a date past the stored totals', () => {
  it('is answered on a read-only connection, from corrections or the full query, equal to the full query and the domain; nothing stored changes', async () => {
    expect(await sql`SELECT 1 FROM cases LIMIT 1`.execute(roDb).then((r) => r.rows.length)).toBe(1);
    await expect(sql`UPDATE stat_snapshot_state SET rebuilt_at = now()`.execute(roDb)).rejects.toThrow(/read-only/);
    const before = await storedTotals();
    for (const to of PAST_RANGE) {
      for (const unit of UNITS_CHECKED) {
        const r = await readOnly.report(system, unit, to);
        expect(r.source, `${unit} ${to}`).not.toBe('snapshot');
        const full = await t.rt.statistics.report(system, unit, to, undefined, { path: 'sql' });
        expect(r.report, `${unit} ${to}`).toEqual(full.report);
        expect(r.identities).toEqual([]);
        await expectOracle(unit, to, r.report);
      }
    }
    // 2 April is two days from the last stored date: the stored totals of 31 March corrected (read-only, exact).
    expect((await readOnly.report(system, 'VN', '2028-04-02')).source).toBe('corrections');
    expect((await readOnly.report(system, 'VN', '2028-04-30')).source).toBe('sql');
    // Breakdowns (month by month past the range included) and the cases behind a cell read only too.
    const byMonth = await readOnly.breakdown(system, 'VN', '2028-05-20', undefined, 'month');
    expect(byMonth.rows.map((r) => r.key)).toContain('2028-04-30');
    const cells = await readOnly.cases(system, 'VN', '2028-04-30', undefined, { form: 'cases', key: 'total', page: 1, pageSize: 5 });
    expect(cells.total).toBe((await readOnly.report(system, 'VN', '2028-04-30')).report.cases.total);
    expect(await storedTotals()).toEqual(before);
  }, 120_000);

  it('through GET /api/statistics/report: no write, figures of the full query', async () => {
    const admin = await t.login('admin');
    const before = await storedTotals();
    const r = await t.as(admin, 'GET', '/api/statistics/report?unit=VN&to=2028-04-30');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().source).toBe('sql');
    const full = await t.rt.statistics.report(system, 'VN', '2028-04-30', undefined, { path: 'sql' });
    expect(r.json().report.cases).toEqual(full.report.cases);
    expect(await storedTotals()).toEqual(before);
  });

  it('does not wait for the writers\' lock: a report is answered while a rebuild holds it exclusively', async () => {
    // Stored totals not current (through March, today in May), as a report might find them.
    await t.rt.statistics.rebuild({ fromFiscalYear: 2028, throughMonthEnd: STORED_THROUGH });
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => { locked = resolve; });
    const holder = t.rt.db.transaction().execute(async (tx) => {
      await sql`SELECT pg_advisory_xact_lock(${STATISTICS_LOCK_KEY}::bigint)`.execute(tx);
      locked();
      await held;
    });
    await lockTaken;
    try {
      const answered = await Promise.race([
        t.rt.statistics.report(system, 'TN-KV3', '2028-05-20').then(() => 'answered'),
        new Promise((resolve) => setTimeout(() => resolve('waited for the lock'), 5_000)),
      ]);
      expect(answered).toBe('answered');
    } finally {
      release();
      await holder;
    }
  });

  it('over stale totals (an import, a policy change) is answered read-only from the full query', async () => {
    await sql`UPDATE stat_snapshot_state SET policies = NULL`.execute(t.rt.db);
    const before = await storedTotals();
    const r = await readOnly.report(system, 'VN', '2028-03-31');
    expect(r.source).toBe('sql');
    await expectOracle('VN', '2028-03-31', r.report);
    expect(await storedTotals()).toEqual(before);
    // The scheduled step recomputes them over the range they covered, up to the current month.
    expect((await t.rt.statistics.keepTotalsCurrent()).action).toBe('rebuilt');
    const state = (await t.rt.statistics.policies()).snapshots;
    expect(state).toEqual({ firstAsOf: '2027-10-08', lastAsOf: '2028-05-31', current: true });
    const again = await readOnly.report(system, 'VN', '2028-03-31');
    expect(again.source).toBe('snapshot');
    expect(again.report).toEqual(r.report);
    // Back to the state the next test starts from: totals through March only.
    await t.rt.statistics.rebuild({ fromFiscalYear: 2028, throughMonthEnd: STORED_THROUGH });
  }, 60_000);
});

describe('the scheduled step (keepTotalsCurrent)', () => {
  it('extends the stored totals to the current month, after which reports use them with identical figures', async () => {
    const sqlFigures = new Map<string, unknown>();
    for (const to of PAST_RANGE) for (const unit of UNITS_CHECKED) sqlFigures.set(`${unit} ${to}`, (await readOnly.report(system, unit, to)).report);
    expect((await t.rt.statistics.policies()).snapshots.lastAsOf).toBe(STORED_THROUGH);
    expect(await t.rt.statistics.keepTotalsCurrent()).toEqual({ action: 'extended', throughMonthEnd: '2028-05-31' });
    expect((await t.rt.statistics.policies()).snapshots).toEqual({ firstAsOf: '2027-10-08', lastAsOf: '2028-05-31', current: true });
    for (const to of PAST_RANGE) {
      for (const unit of UNITS_CHECKED) {
        const r = await readOnly.report(system, unit, to);
        expect(r.source, `${unit} ${to}`).toBe(['2028-04-30', '2028-04-08', '2028-05-15'].includes(to) ? 'snapshot' : 'corrections');
        expect(r.report, `${unit} ${to}`).toEqual(sqlFigures.get(`${unit} ${to}`));
        await expectOracle(unit, to, r.report);
      }
    }
    // Nothing more to do until the month changes; then the next month is added.
    expect((await t.rt.statistics.keepTotalsCurrent()).action).toBe('none');
    t.clock.set('2028-05-31T17:00:10Z'); // 00:00:10 on 1 June in Viet Nam
    expect(await t.rt.statistics.keepTotalsCurrent()).toEqual({ action: 'extended', throughMonthEnd: '2028-06-30' });
  }, 120_000);
});

describe('the server\'s schedule (scheduleTotalsUpkeep)', () => {
  it('runs the step at start, then every 10 minutes or 5 s after midnight in Viet Nam, whichever comes first', () => {
    expect(nextUpkeepDelay(new Date('2028-05-20T03:00:00Z'))).toBe(10 * 60_000);
    expect(nextUpkeepDelay(new Date('2028-05-31T16:55:00Z'))).toBe(5 * 60_000 + 5_000); // 23:55 in Viet Nam
    expect(nextUpkeepDelay(new Date('2028-05-31T17:00:00Z'))).toBe(10 * 60_000); // midnight itself
  });

  it('logs a failed run and goes on; a run at start extends the totals', async () => {
    t.clock.set('2028-07-02T03:00:00Z');
    const logs: string[] = [];
    // On a connection that refuses writes (not a standby in recovery), the step fails: logged, never thrown.
    const failing = scheduleTotalsUpkeep({ statistics: readOnly, clock: t.clock }, (m) => logs.push(m));
    await failing.first;
    await failing.stop();
    expect(logs.join('\n')).toMatch(/read-only/);
    expect((await t.rt.statistics.policies()).snapshots.lastAsOf).toBe('2028-06-30');
    const upkeep = scheduleTotalsUpkeep(t.rt, (m) => logs.push(m));
    await upkeep.first;
    await upkeep.stop();
    expect((await t.rt.statistics.policies()).snapshots.lastAsOf).toBe('2028-07-31');
    expect(logs.at(-1)).toMatch(/2028-07-31/);
  });

  it('per-case rows not computed yet (an upgraded database): a report refuses (503) rather than guess; the step computes them', async () => {
    await sql`UPDATE stat_snapshot_state SET derived_ready = false`.execute(t.rt.db);
    await expect(readOnly.report(system, 'VN', '2028-07-02')).rejects.toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
    expect((await t.rt.statistics.keepTotalsCurrent()).action).toBe('rebuilt');
    const r = await readOnly.report(system, 'VN', '2028-07-02');
    await expectOracle('VN', '2028-07-02', r.report);
  }, 60_000);
});
