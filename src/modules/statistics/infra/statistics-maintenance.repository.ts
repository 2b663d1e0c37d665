import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../../../platform/db/database.js';
import type { IsoDate } from '../../../kernel/calendar/index.js';
import type { CaseFactsRow, ObligationRow } from '../../cases/domain/index.js';
import { fiscalYearOf } from '../domain/index.js';
import { snapshotFromPreviousSql, snapshotInsertSql } from './queries/report.query.js';
import { statisticsExclusiveLock } from './statistics.repository.js';

/** The SQL of the statistics' upkeep (app/statistics-maintenance.ts): the rebuild's reads and writes, the units' ids. */

/** Takes the statistics writers' lock exclusively (a rebuild, an extension of the snapshot dates). */
export const lockStatisticsExclusive = (tx: Tx) => sql`SELECT ${statisticsExclusiveLock()}`.execute(tx);

/** Unit ids by code (of `codes`, or of every unit). */
export async function unitIds(db: DbOrTx, codes?: readonly string[]): Promise<Map<string, number>> {
  let q = db.selectFrom('units').select(['id', 'code']);
  if (codes) q = q.where('code', 'in', codes.length ? [...codes] : ['']);
  return new Map((await q.execute()).map((u) => [u.code, u.id]));
}

/** The id of an office code among `ids`; an unknown code is a bug (throws). */
export const resolver = (ids: Map<string, number>) => (code: string) => {
  const id = ids.get(code);
  if (id === undefined) throw new Error(`statistics: unknown office code ${code}`);
  return id;
};

/** A case with what its facts need (caseFactsFromRows; no parties: the statistics do not read them) and its events. */
export interface CaseHistoryRow extends CaseFactsRow {
  office_id: number;
  /** Amounts as text (json_agg). */
  obligations: (ObligationRow & { amount: string | null; value: string | null })[] | null;
  events: { seq: number; type: string; on: string; data: Record<string, unknown>; reverses_seq: number | null }[] | null;
}

/** The cases after id `after` in id order, at most `limit`, with their obligations and events (one query). */
export async function loadCaseHistories(tx: Tx, after: string, limit: number): Promise<CaseHistoryRow[]> {
  const r = await sql<CaseHistoryRow>`SELECT c.id, c.office_id, c.decision_number, c.decision_date, c.accepted_on, c.initiation, c.category,
      c.judgment_number, c.judgment_date, c.court, c.commune_code, c.initial_enforcer,
      (SELECT json_agg(json_build_object('id', o.id, 'kind', o.kind, 'beneficiary', o.beneficiary, 'label', o.label, 'amount', o.amount::text, 'value', o.value::text) ORDER BY o.seq)
         FROM case_obligations o WHERE o.case_id = c.id) AS obligations,
      (SELECT json_agg(json_build_object('seq', e.seq, 'type', e.type, 'on', e."on", 'data', e.data, 'reverses_seq', e.reverses_seq) ORDER BY e.seq)
         FROM case_events e WHERE e.case_id = c.id) AS events
    FROM cases c WHERE c.id > ${after} ORDER BY c.id LIMIT ${limit}`.execute(tx);
  return r.rows;
}

/** How many cases have derived rows. */
export async function countDerivedCases(tx: Tx): Promise<number> {
  return Number((await sql<{ n: string }>`SELECT count(DISTINCT case_id) AS n FROM stat_episodes`.execute(tx)).rows[0]!.n);
}

/** The first episode start (the earliest acceptance) and the number of episodes in the derived rows. */
export async function derivedExtent(tx: Tx): Promise<{ firstData: IsoDate | null; episodes: number }> {
  const firstData = (await sql<{ d: string | null }>`SELECT min(start_on)::text AS d FROM stat_episodes`.execute(tx)).rows[0]?.d ?? null;
  const episodes = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM stat_episodes`.execute(tx)).rows[0]!.n);
  return { firstData, episodes };
}

export async function truncateSnapshotTotals(tx: Tx): Promise<void> {
  await sql`TRUNCATE stat_snapshot_totals`.execute(tx);
}

/**
 * Stores the totals of snapshot date `m`: corrected from those of `previous` (already stored) within a fiscal
 * year, else one full query (the first snapshot date of a fiscal year). `grounds`: the policy's postponement
 * grounds as the SQL compares them (sqlGrounds).
 */
export async function insertSnapshot(tx: Tx, m: IsoDate, previous: IsoDate | null, from: IsoDate, grounds: readonly string[]): Promise<void> {
  const fy = fiscalYearOf(m);
  if (previous !== null && fiscalYearOf(previous) === fy) await snapshotFromPreviousSql(m, previous, from, fy, grounds).execute(tx);
  else await snapshotInsertSql(m, from, fy, grounds).execute(tx);
}
