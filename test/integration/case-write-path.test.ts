/**
 * The case write path in few round trips (ARCHITECTURE.md, "Case writes in few round trips"): the
 * statistics state read with the writers' lock in the locking statement must be the one after any wait for
 * a rebuild; the statements of a write are prepared once per connection and reused; audit rows and events
 * name users and units that can never be deleted.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/modules/organisation/app/actor.js';
import { CasesService } from '../../src/modules/cases/app/cases.service.js';
import { rebuildStatistics } from '../../src/modules/statistics/app/statistics-maintenance.js';
import { createDb } from '../../src/platform/db/database.js';
import { buildEvent, buildFacts } from '../support/case-factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { dumpDerivedTables, legalHistory, registryForArbitraryHistories, setupOrganisation, systemActor } from './statistics-support.js';

let t: TestApp;
let actor: Actor;

beforeAll(async () => {
  t = await startTestApp();
  await setupOrganisation(t.rt);
  await registryForArbitraryHistories(t.rt, t.clock);
  // The demo administrator (user 1), so that audit rows and events name a user.
  const system = await systemActor(t.rt);
  actor = { ...system, ctx: { ...system.ctx, userId: 1, username: 'admin' } };
  await t.rt.statistics.rebuild({ fromFiscalYear: 2015, throughMonthEnd: '2026-11-30' });
}, 120_000);
afterAll(async () => t?.close());

async function newCase(): Promise<{ id: string; version: number }> {
  const { id, ...facts } = legalHistory({ facts: buildFacts(), events: [] }).facts;
  await t.rt.cases.create(actor.ctx, { id, facts });
  return { id, version: (await t.rt.cases.recordEvent(actor, id, 0, buildEvent('verified', { on: '2016-03-10' }))).version };
}

const waitingForAdvisoryLock = async () =>
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`.execute(t.rt.db)).rows[0]!.n);

describe('a case write and a rebuild at the same time', () => {
  it('applies its delta to the totals the rebuild committed while it waited (a later last date included)', async () => {
    const c = await newCase();
    // A rebuild extending the stored dates by two years holds the writers' lock exclusively…
    const rebuild = await t.rt.db.startTransaction().execute();
    await rebuildStatistics(rebuild, { fromFiscalYear: 2015, throughMonthEnd: '2028-12-31', today: '2026-12-02' });
    // …while a payment of 2016, which changes every later snapshot (money carried over), is recorded.
    const recording = t.rt.cases.recordEvent(actor, c.id, c.version, buildEvent('payment', { on: '2016-04-01', amount: 3_000_000n }));
    for (let i = 0; i < 200 && (await waitingForAdvisoryLock()) === 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(await waitingForAdvisoryLock()).toBe(1);
    await rebuild.commit().execute();
    await recording;
    const live = await dumpDerivedTables(t.rt.db);
    expect(live.totals!.some((row) => row.includes('2028-12-31'))).toBe(true);
    // The totals moved by the recording equal those recomputed from the case register over the new range.
    await t.rt.statistics.rebuild({ fromFiscalYear: 2015, throughMonthEnd: '2028-12-31' });
    expect(await dumpDerivedTables(t.rt.db)).toEqual(live);
  }, 120_000);
});

describe('the statements of a case write', () => {
  it('are prepared once per connection and reused', async () => {
    // One connection, so that its prepared statements can be read from the same session.
    const db = createDb(t.tdb.url, 1);
    try {
      const cases = new CasesService(db, t.rt.units, t.clock);
      const c = await newCase();
      let version = c.version;
      for (let i = 0; i < 8; i++) {
        version = (await cases.recordEvent(actor, c.id, version, buildEvent('payment', { on: '2016-04-01', amount: 10_000n }))).version;
      }
      const statements = (await sql<{ statement: string; executions: number }>`
        SELECT statement, (generic_plans + custom_plans)::int AS executions FROM pg_prepared_statements ORDER BY statement`.execute(db)).rows;
      expect(statements.length).toBeGreaterThan(0);
      expect(statements.every((s) => s.statement.startsWith('/* prepared */'))).toBe(true);
      // The locking read and the write of the eight payments, each one statement parsed once.
      const load = statements.filter((s) => s.statement.includes('FOR UPDATE OF c'));
      const write = statements.filter((s) => s.statement.includes('INSERT INTO case_events'));
      expect(load.map((s) => s.executions)).toEqual([8]);
      expect(write.map((s) => s.executions)).toEqual([8]);
    } finally {
      await db.destroy();
    }
  }, 60_000);
});

describe('who and where an audit row names', () => {
  it('are users and units that cannot be deleted', async () => {
    const c = await newCase();
    const audit = await t.rt.db.selectFrom('audit_log').select(['user_id', 'unit_id']).where('entity_id', '=', c.id).where('action', '=', 'case.event_recorded').executeTakeFirstOrThrow();
    expect(audit.user_id).toBe(1);
    const event = await t.rt.db.selectFrom('case_events').select('recorded_by').where('case_id', '=', c.id).executeTakeFirstOrThrow();
    expect(event.recorded_by).toBe(1);
    expect(audit.unit_id).not.toBeNull();
    await expect(sql`DELETE FROM users WHERE id = ${audit.user_id}`.execute(t.rt.db)).rejects.toThrow(/never deleted/);
    await expect(sql`DELETE FROM units WHERE id = ${audit.unit_id}`.execute(t.rt.db)).rejects.toThrow(/never deleted/);
    await expect(sql`TRUNCATE users CASCADE`.execute(t.rt.db)).rejects.toThrow(/never deleted/);
    // A user without any history is kept too (disabled, not deleted).
    const u = await t.rt.db.insertInto('users').values({ username: 'tam.thoi', full_name: 'Tạm thời', role: 'inspector', unit_id: audit.unit_id!, password_hash: 'x' })
      .returning('id').executeTakeFirstOrThrow();
    await expect(sql`DELETE FROM users WHERE id = ${u.id}`.execute(t.rt.db)).rejects.toThrow(/never deleted/);
  });
});
