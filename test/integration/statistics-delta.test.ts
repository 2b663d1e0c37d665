/**
 * Recording keeps the live figures current without a full recomputation: cases created and events recorded
 * and reversed through the real CasesService update the per-case rows and the snapshot totals by delta in
 * the same transaction; the result must equal a full rebuild, and the reports must equal the domain.
 */
import { systemReader } from '../../src/modules/organisation/domain/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/modules/organisation/app/actor.js';
import { AppError } from '../../src/kernel/errors.js';
import { DEFAULT_POLICIES, type StatisticsPolicies } from '../../src/modules/statistics/domain/index.js';
import type { CaseHistory } from '../support/case-factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import {
  dumpDerivedTables, generateHistories, legalHistory, oracleReport, random, registryForArbitraryHistories, scopeCodes, setupOrganisation, systemActor,
} from './statistics-support.js';

/** The tests read as the system (the scope check itself is tested through the HTTP routes and in statistics-scope). */
const system = systemReader('test');

let t: TestApp;
let actor: Actor;
const RANGE = { fromFiscalYear: 2015, throughMonthEnd: '2031-12-31' };

beforeAll(async () => {
  t = await startTestApp();
  await setupOrganisation(t.rt);
  await registryForArbitraryHistories(t.rt, t.clock);
  actor = await systemActor(t.rt);
  await t.rt.statistics.rebuild(RANGE);
}, 120_000);
afterAll(async () => t?.close());

const tables = () => dumpDerivedTables(t.rt.db);

/** Creates the cases and records their events interleaved (one event of a random case at a time). */
async function writeThroughService(generated: CaseHistory[], seed: number): Promise<Map<string, number>> {
  const histories = generated.map(legalHistory);
  const versions = new Map<string, number>();
  for (const h of histories) {
    const { id, ...facts } = h.facts;
    versions.set(id, (await t.rt.cases.create(actor.ctx, { id, facts })).version);
  }
  const rnd = random(seed);
  const queues = histories.map((h) => ({ id: h.facts.id, events: [...h.events] }));
  for (;;) {
    const open = queues.filter((q) => q.events.length > 0);
    if (open.length === 0) break;
    const q = open[Math.floor(rnd() * open.length)]!;
    const r = await t.rt.cases.recordEvent(actor, q.id, versions.get(q.id)!, q.events.shift()!);
    versions.set(q.id, r.version);
  }
  return versions;
}

/** Reverses random events (early ones too: a change in the past); refusals (history would break) are skipped. */
async function reverseSome(versions: Map<string, number>, seed: number, n: number): Promise<number> {
  const rnd = random(seed);
  const ids = [...versions.keys()];
  let done = 0;
  for (let i = 0; i < n * 4 && done < n; i++) {
    const id = ids[Math.floor(rnd() * ids.length)]!;
    const events = await t.rt.db.selectFrom('case_events').select(['seq', 'type', 'reverses_seq']).where('case_id', '=', id).orderBy('seq').execute();
    const reversed = new Set(events.map((e) => e.reverses_seq));
    const candidates = events.filter((e) => e.type !== 'reversal' && !reversed.has(e.seq));
    if (candidates.length === 0) continue;
    const target = candidates[Math.floor(rnd() * candidates.length)]!;
    try {
      const r = await t.rt.cases.reverseEvent(actor, id, target.seq, versions.get(id)!, 'Ghi nhầm, hủy để ghi lại');
      versions.set(id, r.version);
      done++;
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'CASE_RULE_VIOLATION')) throw e;
    }
  }
  return done;
}

/** Reports from the totals (auto path) equal the domain over the histories as stored now. */
async function expectReportsEqualDomain(policies: StatisticsPolicies, dates: string[]) {
  const ids = (await t.rt.db.selectFrom('cases').select('id').execute()).map((r) => r.id);
  const cases = [];
  for (const id of ids) {
    const h = (await t.rt.cases.effectiveHistory(id))!;
    cases.push({ facts: h.facts, events: h.events });
  }
  for (const to of dates) {
    for (const unit of ['TN-KV3', 'TN', 'VN']) {
      const r = await t.rt.statistics.report(system, unit, to);
      const period = t.rt.statistics.periodOf(to);
      expect(r.report, `${unit} ${to} (${r.source})`).toEqual(oracleReport(cases, unit, await scopeCodes(t.rt, unit), period, policies, r.report.target));
    }
  }
}

describe('the delta update equals a full rebuild', () => {
  let versions: Map<string, number>;

  it('after creating cases and recording every event through the case service', async () => {
    versions = await writeThroughService(generateHistories(70, 424_242, 22), 5);
    expect((await t.rt.db.selectFrom('case_events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n).not.toBe('0');
    const live = await tables();
    expect(live.totals!.length).toBeGreaterThan(400);
    await t.rt.statistics.rebuild(RANGE);
    expect(await tables()).toEqual(live);
    await expectReportsEqualDomain(DEFAULT_POLICIES, ['2016-09-30', '2019-03-31', '2022-07-14', '2026-09-30', '2028-12-31']);
  }, 240_000);

  it('after reversing events, early ones included', async () => {
    expect(await reverseSome(versions, 9, 25)).toBeGreaterThan(10);
    const live = await tables();
    await t.rt.statistics.rebuild(RANGE);
    expect(await tables()).toEqual(live);
  }, 240_000);

  it('with a postponement ground counted without means, for new cases and events', async () => {
    const policies: StatisticsPolicies = { moneyResolved: ['completed', 'terminated'], postponementGroundsWithoutMeans: ['Điều 48 khoản 1 điểm a', 'Điều 49 khoản 2'] };
    await t.rt.statistics.setPolicies(actor, policies);
    const more = await writeThroughService(generateHistories(40, 77_001, 22).filter((h) => !versions.has(h.facts.id)), 6);
    for (const [k, v] of more) versions.set(k, v);
    await reverseSome(versions, 10, 10);
    const live = await tables();
    await t.rt.statistics.rebuild(RANGE);
    expect(await tables()).toEqual(live);
    await expectReportsEqualDomain(policies, ['2017-09-30', '2024-05-31', '2027-09-30']);
  }, 240_000);
});
