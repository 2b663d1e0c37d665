/**
 * Shared set-up of the statistics tests: the offices the case arbitraries use, generated valid histories
 * written in bulk through the repositories, a system actor, and the oracle (the domain's caseContribution +
 * assembleReport over every case).
 */
import fc from 'fast-check';
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../src/modules/organisation/app/actor.js';
import { caseSearchIndex } from '../../src/modules/cases/app/cases.service.js';
import type { Runtime } from '../../src/platform/runtime.js';
import type { DB } from '../../src/platform/db/schema.js';
import { permissionsOf } from '../../src/modules/organisation/domain/roles.js';
import { replay } from '../../src/modules/cases/domain/case-ledger.js';
import type { CaseEvent, CaseFacts } from '../../src/modules/cases/domain/case-types.js';
import {
  assembleReport, caseContribution, contributionsHeldBy, type Period, type StatisticsPolicies, type StatisticsReport, type Target,
} from '../../src/modules/statistics/domain/index.js';
import { SYSTEM_CONTEXT } from '../../src/platform/audit/audit-log.js';
import { appendEvent, insertCase } from '../../src/modules/cases/infra/cases.repository.js';
import { arbCaseHistory, type CaseHistory } from '../support/case-factory.js';

export const UNITS = ['LA-CT', 'TN-KV3', 'TN-KV1', 'HN-KV1', 'LA', 'TN', 'HN', 'VN'] as const;

/** The offices of case-factory's OFFICES that the demo organisation lacks, an enforcer and the communes it uses. */
export async function setupOrganisation(rt: Runtime): Promise<void> {
  await sql`INSERT INTO units (code, name, level, parent_id, valid_from)
    SELECT 'HN', 'THADS thành phố Hà Nội', 'province', (SELECT id FROM units WHERE code = 'VN'), '2009-07-01'
    WHERE NOT EXISTS (SELECT 1 FROM units WHERE code = 'HN')`.execute(rt.db);
  for (const [code, parent] of [['TN-KV1', 'TN'], ['HN-KV1', 'HN']] as const) {
    await sql`INSERT INTO units (code, name, level, parent_id, valid_from)
      SELECT ${code}, ${`Phòng THADS ${code}`}, 'office', (SELECT id FROM units WHERE code = ${parent}), '2009-07-01'
      WHERE NOT EXISTS (SELECT 1 FROM units WHERE code = ${code})`.execute(rt.db);
  }
  await sql`INSERT INTO enforcers (code, name, unit_id) SELECT 'TN-KV3-05', 'Chấp hành viên thử', id FROM units WHERE code = 'TN-KV3'
    ON CONFLICT (code) DO NOTHING`.execute(rt.db);
  for (const code of ['27901', '27904']) {
    await sql`INSERT INTO communes (code, name, province_name, valid_to) SELECT ${code}, ${`Xã thử ${code}`}, 'Long An', '2025-06-30'
      WHERE NOT EXISTS (SELECT 1 FROM communes WHERE code = ${code})`.execute(rt.db);
  }
  rt.units.invalidate();
}

/** The order of the successor chain the arbitrary histories are mapped onto (see registryForArbitraryHistories). */
const CHAIN = ['LA-CT', 'TN-KV3', 'TN-KV1', 'HN-KV1'] as const;
const TEST_COMMUNE: Record<string, string> = { 'LA-CT': '90001', 'TN-KV3': '90002', 'TN-KV1': '90003', 'HN-KV1': '90004' };
const TEST_ENFORCERS: Record<string, readonly string[]> = { 'LA-CT': ['LA-CT-01', 'LA-CT-02'], 'TN-KV3': ['TN-KV3-05'], 'TN-KV1': ['TN-KV1-T1'], 'HN-KV1': ['HN-KV1-T1'] };

/**
 * The registry rules of case writes (domain/cases/case-references.ts: nothing after today, offices within
 * their validity, office changes along the successor chain only, the holding office's own enforcers and
 * communes) hold for real offices, not for the arbitrary histories of the statistics properties, which move
 * cases between any two offices, name any enforcer and run to 2030. Tests that write such histories through
 * CasesService give them a registry where, mapped by `legalHistory`, they are legal: every office valid
 * from 2009 without end, successors LA-CT → TN-KV3 → TN-KV1 → HN-KV1, active enforcers and a commune of each
 * office, and a clock after the last generated date. Call after setupOrganisation.
 */
export async function registryForArbitraryHistories(rt: Runtime, clock: { set(iso: string): void }): Promise<void> {
  clock.set('2031-06-01T03:00:00Z');
  const id = async (code: string) => (await rt.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  for (const [i, code] of CHAIN.entries()) {
    const next = CHAIN[i + 1];
    await rt.db.updateTable('units').set({ valid_from: '2009-07-01', valid_to: null, successor_id: next ? await id(next) : null }).where('code', '=', code).execute();
    for (const e of TEST_ENFORCERS[code]!) {
      await sql`INSERT INTO enforcers (code, name, unit_id, active) VALUES (${e}, ${`Chấp hành viên ${e}`}, ${await id(code)}, true)
        ON CONFLICT (code) DO UPDATE SET unit_id = EXCLUDED.unit_id, active = true`.execute(rt.db);
    }
    await sql`INSERT INTO communes (code, name, province_name, office_id) SELECT ${TEST_COMMUNE[code]!}, ${`Xã thử của ${code}`}, 'Thử', ${await id(code)}
      WHERE NOT EXISTS (SELECT 1 FROM communes WHERE code = ${TEST_COMMUNE[code]!})`.execute(rt.db);
  }
  rt.units.invalidate();
}

/**
 * A generated history mapped onto the registry of registryForArbitraryHistories: the commune and every
 * enforcer are the holding office's own, and an office change backwards along the chain is left out (it
 * changes nothing else in the history, so the rest stays valid).
 */
export function legalHistory(h: CaseHistory): CaseHistory {
  const enforcerOf = (office: string, code: string | null) => {
    const own = TEST_ENFORCERS[office]!;
    return code && own.includes(code) ? code : own[code === 'LA-CT-02' ? own.length - 1 : 0]!;
  };
  let office = h.facts.office;
  const events: CaseEvent[] = [];
  for (const e of h.events) {
    if (e.type === 'office_changed') {
      if (CHAIN.indexOf(e.to as (typeof CHAIN)[number]) <= CHAIN.indexOf(office as (typeof CHAIN)[number])) continue;
      office = e.to;
      events.push(e);
    } else if (e.type === 'enforcer_assigned') {
      events.push({ ...e, enforcer: enforcerOf(office, e.enforcer) });
    } else {
      events.push(e);
    }
  }
  const facts: CaseFacts = {
    ...h.facts,
    commune: h.facts.commune === null ? null : TEST_COMMUNE[h.facts.office]!,
    enforcer: h.facts.enforcer === null ? null : enforcerOf(h.facts.office, h.facts.enforcer),
  };
  return { ...h, facts, events };
}

/** `n` valid case histories (unique ids), reproducible by seed. */
export function generateHistories(n: number, seed: number, maxSteps = 30): CaseHistory[] {
  const seen = new Set<string>();
  return fc.sample(arbCaseHistory({ maxSteps, acceptedFrom: '2015-01-01', acceptedTo: '2029-06-30' }), { numRuns: n, seed }).filter((h) => {
    if (seen.has(h.facts.id)) return false;
    seen.add(h.facts.id);
    return true;
  });
}

/** Writes cases and their events through the case repositories, in one transaction (no statistics hook). */
export async function bulkInsert(rt: Runtime, histories: readonly CaseHistory[]): Promise<void> {
  const ids = new Map((await rt.units.all()).map((u) => [u.code, u.id]));
  await rt.db.transaction().execute(async (tx) => {
    for (const { facts, events } of histories) {
      const r = replay(facts, events);
      if (!r.ok) throw new Error(`generated history of ${facts.id} is not valid`);
      const total = facts.obligations.reduce((s, o) => s + (o.kind === 'money' ? o.amount : (o.value ?? 0n)), 0n);
      await insertCase(tx, facts, ids.get(facts.office)!, total, caseSearchIndex(facts), await rt.cases.projection(facts, r.value, events, events.length));
      for (const [i, e] of events.entries()) await appendEvent(tx, facts.id, i + 1, e, null);
    }
  });
}

/** An actor that sees every unit (the use cases check scope themselves for writes). */
export async function systemActor(rt: Runtime, role: Actor['role'] = 'admin'): Promise<Actor> {
  const all = new Set((await rt.units.all()).map((u) => u.id));
  const vn = (await rt.units.byCode('VN'))!;
  return {
    userId: 1, username: 'admin', fullName: 'Quản trị', role, permissions: permissionsOf(role), unitId: vn.id, unitLevel: 'national',
    activeUnitId: vn.id, scope: all, activeScope: all, sessionId: 'test', csrfToken: 'test', mustChangePassword: false, ctx: SYSTEM_CONTEXT,
  };
}

/** The offices (codes) a unit's report counts: the unit's scope (statistics.md §2). */
export async function scopeCodes(rt: Runtime, unit: string): Promise<Set<string>> {
  const u = (await rt.units.byCode(unit))!;
  const scope = await rt.units.scopeOf(u.id);
  return new Set((await rt.units.all()).filter((x) => scope.has(x.id)).map((x) => x.code));
}

/** The reference: every case's contribution by the domain, those held by the unit's offices, assembled. */
export function oracleReport(
  cases: readonly { facts: CaseFacts; events: readonly CaseEvent[] }[], unit: string, offices: ReadonlySet<string>, period: Period,
  policies: StatisticsPolicies, target: Target | null,
): StatisticsReport {
  const contributions = cases.map((c) => caseContribution(c.facts, c.events, period.from, period.to, policies));
  return assembleReport({ office: unit, period, policies, contributions: contributionsHeldBy(contributions, offices), target });
}

/** Dates worth testing: event dates, the day before and after them, month ends, fiscal-year bounds. */
export function interestingDates(histories: readonly CaseHistory[], rnd: () => number, count: number): string[] {
  const pool: string[] = [];
  for (const h of histories) {
    pool.push(h.facts.acceptedOn);
    for (const e of h.events) pool.push(e.on);
  }
  const out: string[] = [];
  const shift = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  for (let i = 0; i < count; i++) {
    const d = pool[Math.floor(rnd() * pool.length)]!;
    const kind = Math.floor(rnd() * 5);
    if (kind === 0) out.push(shift(d, -1));
    else if (kind === 1) out.push(shift(d, 1));
    else if (kind === 2) {
      const [y, m] = d.split('-').map(Number) as [number, number];
      out.push(new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)); // month end
    } else if (kind === 3) out.push(`${d.slice(0, 4)}-09-30`);
    else out.push(d);
  }
  return out;
}

/** A small deterministic random generator (mulberry32) for picking test points. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Every table the statistics keep, as sorted text rows (snapshot totals without all-zero rows), to compare
 * a maintained state with a recomputed one; with `nameIndex`, the name-search entries and vocabulary too.
 */
export async function dumpDerivedTables(db: Kysely<DB>, opts: { nameIndex?: boolean } = {}): Promise<Record<string, string[]>> {
  const dump = async (q: string) => (await sql.raw<Record<string, unknown>>(q).execute(db)).rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
  const zero = ['c_carried_over', 'c_new', 'm_carried_over', 'm_new', 'm_completed', 'm_reduced', 'm_terminated', 'm_transferred_out', 'm_withdrawn'].map((c) => `${c} = 0`).join(' AND ');
  const tables: Record<string, string[]> = {
    episodes: await dump('SELECT * FROM stat_episodes ORDER BY case_id, episode_no'),
    flows: await dump('SELECT * FROM stat_flows ORDER BY case_id, episode_no, "on", kind, amount'),
    states: await dump('SELECT * FROM stat_states ORDER BY case_id, from_on'),
    offices: await dump('SELECT * FROM stat_offices ORDER BY case_id, from_on'),
    totals: await dump(`SELECT * FROM stat_snapshot_totals WHERE NOT (${zero}) ORDER BY as_of, office_id`),
  };
  if (opts.nameIndex) {
    tables.terms = await dump('SELECT * FROM case_search_terms ORDER BY term, accepted_on, case_id');
    tables.vocabulary = await dump('SELECT * FROM case_search_vocabulary WHERE cases > 0 ORDER BY term');
  }
  return tables;
}
