/**
 * An import keeps the statistics and the name search current by itself, in its one transaction: it writes
 * each case's statistics rows, moves (or, into an empty register, creates) the stored totals with the
 * domain's contributions, and the insert trigger writes the name-search entries. The result must equal a
 * full recomputation from the case register; a case rewritten right after its import has each flow once
 * (stat_flows has a key, migration 0011).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateInterchange } from '../../src/modules/interchange/app/generate.js';
import { fiscalYearOf } from '../../src/modules/statistics/domain/index.js';
import { readSnapshotState } from '../../src/modules/statistics/infra/statistics.repository.js';
import fc from 'fast-check';
import { arbFacts, buildEvent } from '../support/case-factory.js';
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

describe('import in one transaction', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 120_000);
  afterAll(async () => t?.close());

  it('into an empty register: statistics rows, stored totals and name index equal a recomputation', async () => {
    const partial = file('p.jsonl', { cases: 600, seed: 11, prefix: 'P' }, true);
    const r = await t.rt.imports.run([partial]);
    expect(r.ok).toBe(true);
    const state = await readSnapshotState(t.rt.db);
    // fresh totals: stored and current at once (nothing left for a later recomputation)
    expect(state.firstAsOf).not.toBeNull();
    expect(await t.rt.statistics.prepare()).toBeNull();
    const mine = await derived(t);
    expect(mine.totals!.length).toBeGreaterThan(100);
    expect(mine.terms!.length).toBeGreaterThan(600);
    expect(await recomputed(t)).toEqual(mine);
  }, 120_000);

  it('into a register with totals: appended events and new cases move the totals as a recomputation would', async () => {
    const full = file('f.jsonl', { cases: 600, seed: 11, prefix: 'P' });
    const more = file('q.jsonl', { cases: 300, seed: 12, prefix: 'Q' });
    const r = await t.rt.imports.run([full, more]);
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

describe('a case rewritten right after its import', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 120_000);
  afterAll(async () => t?.close());

  /** Flow rows sharing a key (case, episode, day, kind, number): none may. */
  const duplicateFlowKeys = async () =>
    (await sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT 1 FROM stat_flows GROUP BY case_id, episode_no, "on", kind, seq HAVING count(*) > 1) d`.execute(t.rt.db)).rows[0]!.n;

  it('has each flow once: a re-import appending events, then two equal payments on one day through the service', async () => {
    expect((await t.rt.imports.run([file('r-cut.jsonl', { cases: 300, seed: 21, prefix: 'R' }, true)])).ok).toBe(true);
    // the same cases in full: the cut ones get their other events, their derived rows are written again
    const again = await t.rt.imports.run([file('r-full.jsonl', { cases: 300, seed: 21, prefix: 'R' })]);
    expect(again.ok && again.counts.casesUpdated > 50).toBe(true);
    // a just-rewritten open case with money left: two payments of 1,000 đồng on the day of its last event
    const open = await sql<{ id: string; version: number; last_event_on: string }>`
      SELECT id, version, to_char(last_event_on, 'YYYY-MM-DD') AS last_event_on FROM cases
      WHERE id LIKE 'R-%' AND right(id, 5)::int % 3 = 0 AND status IN ('pending_verification', 'in_progress') AND outstanding > 2000
        AND EXISTS (SELECT 1 FROM stat_flows f WHERE f.case_id = cases.id)
      ORDER BY id LIMIT 1`.execute(t.rt.db);
    const c = open.rows[0]!;
    const actor = await systemActor(t.rt);
    const first = await t.rt.cases.recordEvent(actor, c.id, c.version, buildEvent('payment', { on: c.last_event_on, amount: 1000n }));
    await t.rt.cases.recordEvent(actor, c.id, first.version, buildEvent('payment', { on: c.last_event_on, amount: 1000n }));
    const equal = await sql<{ seq: number }>`SELECT seq FROM stat_flows WHERE case_id = ${c.id} AND "on" = ${c.last_event_on} AND kind = 'paid' AND amount = 1000 ORDER BY seq`.execute(t.rt.db);
    expect(equal.rows.length).toBe(2);
    expect(await duplicateFlowKeys()).toBe(0);
    expect(await t.rt.statistics.prepare()).toBeNull();
    const mine = await derived(t);
    expect(await recomputed(t)).toEqual(mine);
  }, 120_000);

  it('refuses a second row of a flow (the key of stat_flows)', async () => {
    const dup = sql`INSERT INTO stat_flows (case_id, episode_no, "on", kind, amount, seq)
      SELECT case_id, episode_no, "on", kind, amount, seq FROM stat_flows ORDER BY case_id LIMIT 1`.execute(t.rt.db);
    await expect(dup).rejects.toMatchObject({ code: '23505' });
    expect(await duplicateFlowKeys()).toBe(0);
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

  it('waits for the import, then takes the next number: no deadlock on the case counter or the vocabulary', async () => {
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
    // Started once the import holds the statistics lock exclusively (the write phase), while it writes.
    const imported = await t.rt.imports.run([p], {
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
