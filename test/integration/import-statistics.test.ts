/**
 * An import keeps the statistics and the name search current by itself: it writes each case's statistics
 * rows, moves (or, into an empty register, creates) the stored totals with the domain's contributions, and
 * writes the name-search entries. On two connections committed together (import-side.ts) when the database
 * can prepare transactions, else on one. Either way the result must equal a full recomputation from the
 * case register, and a side left prepared by a killed import is settled by the audit row.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateInterchange } from '../../src/modules/interchange/app/generate.js';
import { canPrepareTransactions, resolvePreparedImports } from '../../src/modules/interchange/app/import-side.js';
import { fiscalYearOf } from '../../src/modules/statistics/domain/index.js';
import { readSnapshotState } from '../../src/modules/statistics/infra/statistics.repository.js';
import fc from 'fast-check';
import { arbFacts } from '../support/case-factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { dumpDerivedTables, systemActor } from './statistics-support.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'thads-import-stats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A generated file; `cut` keeps only the first half of the events of every third case (to append the rest later). */
function file(name: string, opts: { cases: number; seed: number; prefix: string }, cut = false): string {
  const lines = [...generateInterchange(opts)].map((l) => {
    const r = JSON.parse(l) as { type: string; id?: string; events?: unknown[] };
    if (!cut || r.type !== 'case' || !r.events || Number(r.id!.slice(-5)) % 3 !== 0) return l;
    return JSON.stringify({ ...r, events: r.events.slice(0, Math.ceil(r.events.length / 2)) });
  });
  const p = path.join(dir, name);
  writeFileSync(p, `${lines.join('\n')}\n`);
  return p;
}

/** Every table the import derives from cases, as sorted text. */
const derived = (t: TestApp) => dumpDerivedTables(t.rt.db, { nameIndex: true });

/** The same tables recomputed from the case register: statistics rebuilt over the stored range, name index from cases.search_terms. */
async function recomputed(t: TestApp): Promise<Record<string, string[]>> {
  const state = await readSnapshotState(t.rt.db);
  expect(state.firstAsOf, 'the import stored totals').not.toBeNull();
  await t.rt.statistics.rebuild({ fromFiscalYear: fiscalYearOf(state.firstAsOf!), throughMonthEnd: state.lastAsOf! });
  await t.rt.db.transaction().execute(async (tx) => {
    await sql`TRUNCATE case_search_terms, case_search_vocabulary`.execute(tx);
    await sql`INSERT INTO case_search_terms (term, accepted_on, case_id, holding_office_id, names)
      SELECT w.term, c.accepted_on, c.id, c.holding_office_id, c.search_names FROM cases c CROSS JOIN LATERAL unnest(c.search_terms) AS w(term)`.execute(tx);
    await sql`INSERT INTO case_search_vocabulary (term, cases) SELECT term, count(*) FROM case_search_terms GROUP BY term`.execute(tx);
  });
  return derived(t);
}

for (const parallel of [true, false]) {
  describe(`import ${parallel ? 'on two connections (two-phase commit)' : 'on one connection'}`, () => {
    let t: TestApp;
    let available = true;
    beforeAll(async () => {
      t = await startTestApp();
      available = !parallel || (await canPrepareTransactions(t.rt.db));
    }, 120_000);
    afterAll(async () => t?.close());

    it('into an empty register: statistics rows, stored totals and name index equal a recomputation', async (ctx) => {
      if (!available) ctx.skip();
      const partial = file(`p-${parallel}.jsonl`, { cases: 600, seed: 11, prefix: 'P' }, true);
      const r = await t.rt.imports.run([partial], { parallel });
      expect(r.ok).toBe(true);
      const state = await readSnapshotState(t.rt.db);
      // fresh totals: stored and current at once (nothing left for a later recomputation)
      expect(state.firstAsOf).not.toBeNull();
      expect(await t.rt.statistics.prepare()).toBeNull();
      const mine = await derived(t);
      expect(mine.totals!.length).toBeGreaterThan(100);
      expect(mine.terms!.length).toBeGreaterThan(600);
      expect(await recomputed(t)).toEqual(mine);
      expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_prepared_xacts WHERE database = current_database()`.execute(t.rt.db)).rows[0]!.n).toBe(0);
    }, 120_000);

    it('into a register with totals: appended events and new cases move the totals as a recomputation would', async (ctx) => {
      if (!available) ctx.skip();
      const full = file(`f-${parallel}.jsonl`, { cases: 600, seed: 11, prefix: 'P' });
      const more = file(`q-${parallel}.jsonl`, { cases: 300, seed: 12, prefix: 'Q' });
      const r = await t.rt.imports.run([full, more], { parallel });
      expect(r.ok && r.counts.casesUpdated > 100 && r.counts.casesCreated === 300).toBe(true);
      expect(await t.rt.statistics.prepare()).toBeNull();
      const mine = await derived(t);
      expect(await recomputed(t)).toEqual(mine);
      // the new words are found by the name search
      const q = await sql<{ id: string }>`SELECT id FROM cases WHERE id LIKE 'Q-%' LIMIT 1`.execute(t.rt.db);
      const names = (await sql<{ search_names: string }>`SELECT search_names FROM cases WHERE id = ${q.rows[0]!.id}`.execute(t.rt.db)).rows[0]!.search_names;
      const hits = await sql<{ case_id: string }>`SELECT case_id FROM case_search_terms WHERE term = ${names.split(' | ')[0]!.split(' ')[0]!} AND case_id = ${q.rows[0]!.id}`.execute(t.rt.db);
      expect(hits.rows).toHaveLength(1);
    }, 120_000);
  });
}

describe('a side left prepared by an import killed while committing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 120_000);
  afterAll(async () => t?.close());

  /** Prepares a transaction writing one vocabulary row, as an import's side would. */
  const prepare = (gid: string, term: string) =>
    t.rt.db.connection().execute(async (c) => {
      await sql`BEGIN`.execute(c);
      await sql`INSERT INTO case_search_vocabulary (term, cases) VALUES (${term}, 1)`.execute(c);
      await sql`PREPARE TRANSACTION ${sql.lit(gid)}`.execute(c);
    });
  const present = async (term: string) => (await sql`SELECT 1 FROM case_search_vocabulary WHERE term = ${term}`.execute(t.rt.db)).rows.length === 1;

  it('is committed when the import committed (its audit row names it), rolled back otherwise', async (ctx) => {
    if (!(await canPrepareTransactions(t.rt.db))) ctx.skip();
    await prepare('thads-import-test-decided', 'zz-decided');
    await prepare('thads-import-test-undecided', 'zz-undecided');
    await sql`INSERT INTO audit_log (username, action, entity_type, entity_id) VALUES ('thads import', 'import.completed', 'import', 'thads-import-test-decided')`.execute(t.rt.db);
    expect(await present('zz-decided')).toBe(false);
    const r = await resolvePreparedImports(t.rt.db);
    expect(r).toEqual({ committed: ['thads-import-test-decided'], rolledBack: ['thads-import-test-undecided'] });
    expect(await present('zz-decided')).toBe(true);
    expect(await present('zz-undecided')).toBe(false);
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_prepared_xacts WHERE database = current_database()`.execute(t.rt.db)).rows[0]!.n).toBe(0);
  }, 60_000);
});

describe('a case created through the service while an import into an empty register writes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    // The case is accepted in fiscal year 2020 by TN-KV3, which the demo organisation opens on 01/07/2025:
    // here it exists from 2009, so that the service's unit-validity rule accepts the date.
    await t.rt.db.updateTable('units').set({ valid_from: '2009-07-01' }).where('code', '=', 'TN-KV3').execute();
    t.rt.units.invalidate();
  }, 120_000);
  afterAll(async () => t?.close());

  it('waits for the import, then takes the next number: no deadlock on the case counter or the vocabulary', async (ctx) => {
    if (!(await canPrepareTransactions(t.rt.db))) ctx.skip();
    // 2,000 generated cases and one of TN-KV3 accepted in fiscal year 2020, whose counter the new case needs too.
    const lines = [...generateInterchange({ cases: 2000, seed: 5, prefix: 'R' })];
    const sample = JSON.parse(lines.find((l) => l.includes('"type":"case"'))!) as Record<string, unknown>;
    lines.push(JSON.stringify({
      ...sample, id: 'TN-KV3-2020-00900', office: 'TN-KV3', commune: null, enforcer: null, accepted_on: '2020-03-02',
      decision: { number: '900/QĐ-CCTHADS', date: '2020-03-02' }, judgment: { number: '9/2020/DS-ST', date: '2020-01-10', court: 'TAND thử nghiệm' }, events: [],
    }));
    const p = path.join(dir, 'concurrent.jsonl');
    writeFileSync(p, `${lines.join('\n')}\n`);
    const [facts] = fc.sample(arbFacts({ acceptedFrom: '2020-03-05', acceptedTo: '2020-03-20' }), { numRuns: 1, seed: 3 });
    const actor = await systemActor(t.rt);
    let created: Promise<{ id: string }> | null = null;
    // Started once the import's side holds the statistics lock exclusively (the write phase), while it writes.
    const imported = await t.rt.imports.run([p], {
      parallel: true,
      // a deadlock through this process would otherwise hang: make it fail in seconds instead
      lockTimeoutMs: 20_000,
      onProgress: (pr) => {
        if (pr.phase !== 'write' || created) return;
        const { id: _id, ...rest } = facts!;
        created = t.rt.cases.create(actor.ctx, { facts: { ...rest, office: 'TN-KV3', commune: null, enforcer: null } });
        created.catch(() => undefined);
      },
    });
    expect(imported.ok).toBe(true);
    expect((await created!).id).toBe('TN-KV3-2020-00901');
    // both are counted: the case created after the import moved the totals the import created
    const n = await sql<{ n: number }>`SELECT count(DISTINCT case_id)::int AS n FROM stat_episodes`.execute(t.rt.db);
    expect(n.rows[0]!.n).toBe(2002);
    expect(await t.rt.statistics.prepare()).toBeNull();
  }, 120_000);
});
