import { sql, type RawBuilder } from 'kysely';
import { perCaseCtes, type PerCaseParams } from './per-case.sql.js';
import { caseKeyTerms, termsSql } from './report.query.js';

export interface PendingStartRow {
  start_on: string;
  with_means: number;
  without_means: number;
}

/**
 * The cases pending at the period's end, counted per start of their episode: the cases behind the cells
 * "trong đó có điều kiện" (carried_forward_with_means) and "chưa có điều kiện" (without_means) of the case
 * form, the same per-case rows and terms as the drill-down (drilldownPageSql), so that the age bands add
 * up to those cells (statistics.md §3, §8). One row per day, not per case: the bands are applied by the
 * pure rule (ageBands).
 */
export function pendingStartsSql(p: PerCaseParams): RawBuilder<PendingStartRow> {
  const withMeans = sql.raw(termsSql('pc_cases', 'c', caseKeyTerms('carried_forward_with_means')));
  const withoutMeans = sql.raw(termsSql('pc_cases', 'c', caseKeyTerms('without_means')));
  return sql<PendingStartRow>`WITH ${perCaseCtes('pc', p, undefined, true)}
SELECT pc_cases.start_on, sum(${withMeans})::int AS with_means, sum(${withoutMeans})::int AS without_means
FROM pc_cases
WHERE ${withMeans} <> 0 OR ${withoutMeans} <> 0
GROUP BY pc_cases.start_on
ORDER BY pc_cases.start_on`;
}
