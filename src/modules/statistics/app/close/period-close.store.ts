import { sql, type ColumnType, type Generated, type Kysely } from 'kysely';
import type { DbOrTx } from '../../../../platform/db/database.js';
import type { DB } from '../../../../platform/db/schema.js';
import type { CaseFactsRow, ObligationRow } from '../../../cases/domain/index.js';
import { periodCloseSnapshotToJson, readPeriodCloseSnapshot, type PeriodCloseSnapshot } from '../../domain/index.js';

/**
 * The table of closed periods (migration 0004_period_closes), declared here and added to the handle with
 * `withTables` so that the shared schema.ts stays untouched, and the few queries on it.
 */
export type PeriodClosesTable = {
  id: Generated<number>;
  unit_id: number;
  fiscal_year: number;
  month_end: ColumnType<string, string, string>;
  closed_at: ColumnType<Date, Date | string | undefined, never>;
  closed_by: number;
  figures: ColumnType<unknown, string, never>;
};
type CloseDb = Kysely<DB & { period_closes: PeriodClosesTable }>;

const closes = (db: DbOrTx): CloseDb => db.withTables<{ period_closes: PeriodClosesTable }>() as unknown as CloseDb;

export interface PeriodCloseRow {
  id: number;
  unitId: number;
  fiscalYear: number;
  monthEnd: string;
  closedAt: Date;
  closedBy: { id: number; username: string; fullName: string };
  /** The frozen figures (stored as PeriodCloseSnapshotJson; rows from before the versions read as version 1). */
  snapshot: PeriodCloseSnapshot;
}

export async function insertPeriodClose(
  tx: DbOrTx, row: { unitId: number; fiscalYear: number; monthEnd: string; closedAt: Date; closedBy: number; snapshot: PeriodCloseSnapshot },
): Promise<number> {
  const r = await closes(tx)
    .insertInto('period_closes')
    .values({
      unit_id: row.unitId, fiscal_year: row.fiscalYear, month_end: row.monthEnd, closed_at: row.closedAt, closed_by: row.closedBy,
      figures: JSON.stringify(periodCloseSnapshotToJson(row.snapshot)),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

const selectCloses = (db: DbOrTx) =>
  closes(db)
    .selectFrom('period_closes as p')
    .innerJoin('users as u', 'u.id', 'p.closed_by')
    .select(['p.id', 'p.unit_id', 'p.fiscal_year', 'p.month_end', 'p.closed_at', 'p.closed_by', 'u.username', 'u.full_name', 'p.figures']);

type Selected = Awaited<ReturnType<ReturnType<typeof selectCloses>['execute']>>[number];
const toRow = (r: Selected): PeriodCloseRow => ({
  id: r.id, unitId: r.unit_id, fiscalYear: r.fiscal_year, monthEnd: r.month_end, closedAt: r.closed_at,
  closedBy: { id: r.closed_by, username: r.username, fullName: r.full_name }, snapshot: readPeriodCloseSnapshot(r.figures),
});

export async function findPeriodClose(db: DbOrTx, unitId: number, monthEnd: string): Promise<PeriodCloseRow | undefined> {
  const r = await selectCloses(db).where('p.unit_id', '=', unitId).where('p.month_end', '=', monthEnd).executeTakeFirst();
  return r ? toRow(r) : undefined;
}

/** A unit's closed periods, the latest month end first; optionally of one fiscal year. */
export async function listPeriodCloses(db: DbOrTx, unitId: number, fiscalYear?: number): Promise<PeriodCloseRow[]> {
  let q = selectCloses(db).where('p.unit_id', '=', unitId);
  if (fiscalYear !== undefined) q = q.where('p.fiscal_year', '=', fiscalYear);
  return (await q.orderBy('p.month_end', 'desc').execute()).map(toRow);
}

/** The database's clock (the one `case_events.recorded_at` is written with). */
export async function databaseNow(db: DbOrTx): Promise<Date> {
  return (await sql<{ now: Date }>`SELECT clock_timestamp() AS now`.execute(db)).rows[0]!.now;
}

/** A stored event with the moment it was recorded. */
export interface RecordedEvent {
  seq: number;
  type: string;
  on: string;
  data: Record<string, unknown>;
  reverses_seq: number | null;
  recorded_at: string;
  recorded_by: string | null;
  /** Recorded after the moment the period was closed. */
  late: boolean;
}

/** A case row with what its facts need (caseFactsFromRows; no parties: the statistics do not read them). */
export interface CorrectedCaseRow extends CaseFactsRow {
  office_id: number;
  /** Created after the moment the period was closed. */
  late: boolean;
  /** Amounts as text (json_agg). */
  obligations: (ObligationRow & { amount: string | null; value: string | null })[] | null;
  events: RecordedEvent[] | null;
}

/**
 * The cases that may have changed a closed period's figures since `since`: created since then and accepted
 * on or before the month end, or with an event recorded since then that is dated on or before the month end
 * (a back-dated entry) or that is a reversal (it may cancel an earlier one). `offices` (null: every unit)
 * limits them to cases accepted or ever held by those offices. At most `limit` cases, in id order.
 */
export async function correctedCases(db: DbOrTx, since: Date, monthEnd: string, offices: readonly number[] | null, limit: number): Promise<CorrectedCaseRow[]> {
  const ids = offices === null ? null : offices.length ? [...offices] : [-1];
  const scope = ids === null
    ? sql`TRUE`
    : sql`(c.office_id = ANY(${ids}::int[]) OR EXISTS (SELECT 1 FROM stat_offices so WHERE so.case_id = c.id AND so.office_id = ANY(${ids}::int[])))`;
  const r = await sql<CorrectedCaseRow>`
    SELECT c.id, c.office_id, c.decision_number, c.decision_date, c.accepted_on, c.initiation, c.category, c.judgment_number, c.judgment_date, c.court,
      c.commune_code, c.initial_enforcer, c.created_at > ${since} AS late,
      (SELECT json_agg(json_build_object('id', o.id, 'kind', o.kind, 'beneficiary', o.beneficiary, 'label', o.label, 'amount', o.amount::text, 'value', o.value::text) ORDER BY o.seq)
         FROM case_obligations o WHERE o.case_id = c.id) AS obligations,
      (SELECT json_agg(json_build_object('seq', e.seq, 'type', e.type, 'on', e."on", 'data', e.data, 'reverses_seq', e.reverses_seq,
                                         'recorded_at', e.recorded_at, 'recorded_by', u.username, 'late', e.recorded_at > ${since}) ORDER BY e.seq)
         FROM case_events e LEFT JOIN users u ON u.id = e.recorded_by WHERE e.case_id = c.id) AS events
    FROM cases c
    WHERE c.accepted_on <= ${monthEnd}::date
      AND (c.created_at > ${since}
           OR EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.recorded_at > ${since} AND (e."on" <= ${monthEnd}::date OR e.type = 'reversal')))
      AND ${scope}
    ORDER BY c.id
    LIMIT ${limit}`.execute(db);
  return r.rows;
}
