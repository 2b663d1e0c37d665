import { sql, type RawBuilder } from 'kysely';
import type { IsoDate } from '../../../../kernel/calendar/index.js';
import type { MoneyResolvedPart } from '../../domain/index.js';

/**
 * What was resolved within [S, E] — the case form's `resolved` (completed + terminated) and the money form's
 * `resolved` (policy moneyResolved) — grouped, computed from the rows with a date in [S, E] only, so a short
 * period of the whole nation (a peak campaign's leaderboard) reads the episodes that ended and the flows
 * dated in it, not every case in scope. The same rules as per-case.sql.ts:
 *   - the report's episode of a case is the last one started on or before E; an episode that ended in [S, E]
 *     is it when no other episode starts in (its start, E] — next_start_on > E; a flow dated in [S, E] counts
 *     when its episode is that one (it ended on or after the flow, so not before S);
 *   - completed: `completed`, or `transferred_out` after partial performance; terminated: `terminated`;
 *   - money: paid flows (completed), the outstanding extinguished by `terminated`, reduced flows — those the
 *     policy names;
 *   - the group: the office holding the case at E, the enforcer in charge at E, the episode's commune.
 */
export type ResolvedGroupBy = 'office' | 'enforcer' | 'commune';

export interface ResolvedRow {
  grp: string | number | null;
  cases: string;
  money: string;
  /** The parts of the money form in [S, E], whatever the policy: completed (paid), terminated, reduced. */
  paid: string;
  extinguished: string;
  reduced: string;
}

export function resolvedSql(p: { from: IsoDate; to: IsoDate; offices: readonly number[] | null; moneyResolved: readonly MoneyResolvedPart[] }, by: ResolvedGroupBy): RawBuilder<ResolvedRow> {
  const S = sql`${p.from}::date`;
  const E = sql`${p.to}::date`;
  const parts = new Set(p.moneyResolved);
  const officeFilter = p.offices === null ? sql`` : sql`WHERE o.office_id = ANY(${[...p.offices]}::int[])`;
  const grp =
    by === 'office' ? sql`h.office_id`
    : by === 'commune' ? sql`h.commune_code`
    : sql`(SELECT st.enforcer_code FROM stat_states st WHERE st.case_id = h.case_id AND st.from_on <= ${E} ORDER BY st.from_on DESC LIMIT 1)`;
  return sql<ResolvedRow>`
  WITH ended AS (
    SELECT e.case_id, e.episode_no, e.commune_code,
      (e.end_type IN ('completed', 'terminated') OR (e.end_type = 'transferred_out' AND e.partially_performed))::int AS resolved,
      CASE WHEN e.end_type = 'terminated' THEN e.outstanding_at_end ELSE 0 END AS extinguished
    FROM stat_episodes e
    WHERE e.end_on >= ${S} AND e.end_on <= ${E} AND (e.next_start_on IS NULL OR e.next_start_on > ${E})
  ),
  flows AS (
    SELECT f.case_id, f.episode_no,
      coalesce(sum(f.amount) FILTER (WHERE f.kind = 'paid'), 0) AS paid,
      coalesce(sum(f.amount) FILTER (WHERE f.kind = 'reduced'), 0) AS reduced
    FROM stat_flows f
    WHERE f."on" >= ${S} AND f."on" <= ${E}
    GROUP BY f.case_id, f.episode_no
  ),
  per_case AS (
    SELECT coalesce(x.case_id, f.case_id) AS case_id, coalesce(x.commune_code, e.commune_code) AS commune_code,
      coalesce(x.resolved, 0) AS resolved,
      ${parts.has('completed') ? sql`coalesce(f.paid, 0)` : sql`0`}
      + ${parts.has('reduced') ? sql`coalesce(f.reduced, 0)` : sql`0`}
      + ${parts.has('terminated') ? sql`coalesce(x.extinguished, 0)` : sql`0`} AS money,
      coalesce(f.paid, 0) AS paid, coalesce(f.reduced, 0) AS reduced, coalesce(x.extinguished, 0) AS extinguished
    FROM ended x
    FULL JOIN flows f ON f.case_id = x.case_id AND f.episode_no = x.episode_no
    LEFT JOIN stat_episodes e ON e.case_id = f.case_id AND e.episode_no = f.episode_no
    WHERE x.case_id IS NOT NULL OR (e.next_start_on IS NULL OR e.next_start_on > ${E})
  ),
  held AS (
    SELECT c.case_id, c.commune_code, c.resolved, c.money, c.paid, c.reduced, c.extinguished, o.office_id
    FROM per_case c
    ${p.offices === null
      // the nation: one hash join with the spans holding E (per-case.sql.ts does the same for whole tables)
      ? sql`JOIN stat_offices o ON o.case_id = c.case_id AND o.from_on <= ${E} AND (o.to_on IS NULL OR o.to_on > ${E})`
      : sql`JOIN LATERAL (SELECT o.office_id FROM stat_offices o WHERE o.case_id = c.case_id AND o.from_on <= ${E} ORDER BY o.from_on DESC LIMIT 1) o ON true`}
    ${officeFilter}
  )
  SELECT ${grp} AS grp, sum(h.resolved)::text AS cases, sum(h.money)::text AS money,
    sum(h.paid)::text AS paid, sum(h.extinguished)::text AS extinguished, sum(h.reduced)::text AS reduced
  FROM held h
  GROUP BY 1
  ORDER BY 1`;
}
