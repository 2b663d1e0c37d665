import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import { CASE_KEYS, MONEY_KEYS, type CaseKey, type MoneyKey, type StatisticsPolicies } from '../../domain/index.js';
import { perCaseCtes, type PerCaseParams } from './per-case.sql.js';
import { caseKeyTerms, GROUP_COLUMNS, moneyKeyTerms, termsSql, type GroupBy } from './report.query.js';

/**
 * The cases behind one cell (statistics.md §6): every case whose value for the key is not 0, with that value
 * (1 for the case form, its amount in đồng for money), by holding office and case. The page query reads the
 * cases in that order (index on stat_offices (office_id, case_id)) and stops at the page's end.
 */
export const drilldownParams = z.discriminatedUnion('form', [
  z.object({ form: z.literal('cases'), key: z.enum(CASE_KEYS) }),
  z.object({ form: z.literal('money'), key: z.enum(MONEY_KEYS) }),
]).and(z.object({
  /** Group filter of a breakdown row: its column and value (null: the row of cases without one). */
  group: z.object({ by: z.enum(Object.keys(GROUP_COLUMNS) as [GroupBy, ...GroupBy[]]), value: z.union([z.string(), z.number(), z.null()]) }).nullable(),
  limit: z.number().int().min(1).max(10_001),
  offset: z.number().int().min(0),
}));
export type DrilldownParams = z.infer<typeof drilldownParams>;

export interface DrilldownItemRow {
  case_id: string;
  office_id: number;
  status: string | null;
  start_on: string;
  end_on: string | null;
  end_type: string | null;
  value: bigint;
}

function cell(p: PerCaseParams, d: DrilldownParams, policies: StatisticsPolicies) {
  const q = drilldownParams.parse(d);
  const value = sql.raw(q.form === 'cases'
    ? termsSql('pc_cases', 'c', caseKeyTerms(q.key as CaseKey))
    : termsSql('pc_cases', 'm', moneyKeyTerms(q.key as MoneyKey, policies)));
  let group = sql``;
  if (q.group) {
    const column = sql.raw(`pc_cases.${GROUP_COLUMNS[q.group.by]}`);
    group = q.group.value === null ? sql`AND ${column} IS NULL` : sql`AND ${column}::text = ${String(q.group.value)}`;
  }
  return { q, value, group };
}

/** One page of the cases behind a cell, by office and case (ask for one more row than shown to know if more follow). */
export function drilldownPageSql(p: PerCaseParams, d: DrilldownParams, policies: StatisticsPolicies): RawBuilder<DrilldownItemRow> {
  const { q, value, group } = cell(p, d, policies);
  return sql<DrilldownItemRow>`WITH ${perCaseCtes('pc', p, undefined, true)}
SELECT pc_cases.case_id, pc_cases.office_id, pc_cases.status, pc_cases.start_on, pc_cases.end_on, pc_cases.end_type, (${value})::bigint AS value
FROM pc_cases
WHERE ${value} <> 0 ${group}
ORDER BY pc_cases.office_id, pc_cases.case_id
LIMIT ${q.limit} OFFSET ${q.offset}`;
}
