import { sql, type RawBuilder } from 'kysely';
import type { IsoDate } from '../../../kernel/calendar/index.js';
import type { ResultFigure, ResultGrouping } from '../domain/index.js';

/**
 * The items behind the mobilisation figures (domain/results.ts), in one SQL statement over the teams'
 * visits and the statistics' derived rows (stat_episodes, stat_flows, stat_offices, stat_states): the same
 * episodes, flows and holding offices the official report counts (per-case.sql.ts), so a team's money is a
 * part of the report's money "completed" and a team's resolved case a part of its "completed".
 *
 *   held     cases held at E by the unit's offices (statistics.md §2); their episode as the report chooses it:
 *            the last one started on or before E, open at E or ended within [S, E]
 *   attributed visit of a date d: the latest persuading visit (agreed, paid on the spot) of the unit's teams
 *            with d − window ≤ on ≤ d (attribution.ts persuadingVisitFor: latest date, then highest id)
 *   promises instalments due in [S, E] with the payments of the case from the visit to the due date
 *            (effective `payment` events: a reversed one does not count, as in instalmentStatuses)
 *
 * Rows: one per item with its figure, case, team (of the visit or the assignment), visit, date and value;
 * `grp` is the grouping key (the team's id, the team's commune code, or the case's enforcer at E).
 */
export interface ResultsParams {
  from: IsoDate;
  to: IsoDate;
  /** The offices whose held cases count; null: every office (the nation). */
  offices: readonly number[] | null;
  /** ATTRIBUTION_WINDOW_POLICY in days. The teams whose work counts are those of the same offices. */
  windowDays: number;
  /** Today: an instalment is broken only once its due date has passed. */
  today: IsoDate;
}

export interface ResultItemRow {
  figure: ResultFigure;
  case_id: string;
  team_id: string;
  visit_id: string | null;
  on: string;
  value: string;
  grp: string | null;
}

function itemsCte(p: ResultsParams, by: ResultGrouping): RawBuilder<unknown> {
  const S = sql`${p.from}::date`;
  const E = sql`${p.to}::date`;
  const W = sql`${p.windowDays}::int`;
  const today = sql`${p.today}::date`;
  const officeFilter = p.offices === null ? sql`` : sql`AND o.office_id = ANY(${[...p.offices]}::int[])`;
  const teamFilter = p.offices === null ? sql`` : sql`AND t.office_id = ANY(${[...p.offices]}::int[])`;
  // The attributed visit is looked up per flow or completion through the visits' (case_id, on) index: a CTE
  // of the persuading visits would be scanned whole for each of them.
  const persuading = sql`pv.outcome IN ('agreed', 'paid_on_spot') AND pv.team_id IN (SELECT id FROM teams)`;
  const grp =
    by === 'team' ? sql`i.team_id::text`
    : by === 'commune' ? sql`(SELECT c.code FROM mobilisation_teams t JOIN communes c ON c.id = t.commune_id WHERE t.id = i.team_id)`
    : sql`(SELECT st.enforcer_code FROM stat_states st WHERE st.case_id = i.case_id AND st.from_on <= ${E} ORDER BY st.from_on DESC LIMIT 1)`;
  return sql`
  teams AS (SELECT t.id FROM mobilisation_teams t WHERE true ${teamFilter}),
  -- every visit of the teams that can matter: in the period, or persuading within the window before it
  tv AS (
    SELECT v.id, v.case_id, v.team_id, v.assignment_id, v."on", v.outcome
    FROM mobilisation_visits v
    WHERE v.team_id IN (SELECT id FROM teams) AND v."on" <= ${E} AND v."on" >= ${S} - ${W}
  ),
  touched AS (
    SELECT case_id FROM tv
    UNION SELECT a.case_id FROM mobilisation_assignments a
      WHERE a.team_id IN (SELECT id FROM teams) AND a.from_on <= ${E} AND (a.to_on IS NULL OR a.to_on >= ${S})
    -- from the teams' visits to their instalments (by the instalments' key): never all instalments by date
    UNION SELECT v.case_id FROM mobilisation_visits v
      WHERE v.team_id IN (SELECT id FROM teams) AND v."on" <= ${E}
        AND EXISTS (SELECT 1 FROM mobilisation_instalments i WHERE i.visit_id = v.id AND i.due BETWEEN ${S} AND ${E})
  ),
  held AS (
    SELECT e.case_id, e.episode_no, e.end_on, e.end_type
    FROM touched x
    JOIN stat_episodes e ON e.case_id = x.case_id
    JOIN LATERAL (SELECT o.office_id FROM stat_offices o WHERE o.case_id = e.case_id AND o.from_on <= ${E} ORDER BY o.from_on DESC LIMIT 1) o ON true
    WHERE e.start_on <= ${E} AND (e.next_start_on IS NULL OR e.next_start_on > ${E}) AND (e.end_on IS NULL OR e.end_on >= ${S})
      ${officeFilter}
  ),
  items AS (
    SELECT 'visits'::text AS figure, tv.case_id, tv.team_id, tv.id AS visit_id, tv."on", 1::bigint AS value
    FROM tv WHERE tv."on" >= ${S} AND tv.case_id IN (SELECT case_id FROM held)
    UNION ALL
    SELECT 'casesAssigned', a.case_id, a.team_id, NULL, a.from_on, 1
    FROM (
      SELECT DISTINCT ON (a.case_id) a.case_id, a.team_id, a.from_on
      FROM mobilisation_assignments a
      WHERE a.team_id IN (SELECT id FROM teams) AND a.from_on <= ${E} AND (a.to_on IS NULL OR a.to_on >= ${S})
        AND a.case_id IN (SELECT case_id FROM held)
      ORDER BY a.case_id, a.from_on DESC, a.id DESC
    ) a
    UNION ALL
    SELECT 'moneyResolved', f.case_id, v.team_id, v.id, f."on", f.amount
    FROM held h
    JOIN stat_flows f ON f.case_id = h.case_id AND f.episode_no = h.episode_no AND f.kind = 'paid' AND f."on" BETWEEN ${S} AND ${E}
    CROSS JOIN LATERAL (
      SELECT pv.id, pv.team_id FROM mobilisation_visits pv
      WHERE pv.case_id = f.case_id AND pv."on" <= f."on" AND pv."on" >= f."on" - ${W} AND ${persuading}
      ORDER BY pv."on" DESC, pv.id DESC LIMIT 1
    ) v
    UNION ALL
    SELECT r.figure, r.case_id, r.team_id, r.visit_id, r."on", 1
    FROM (
      SELECT h.case_id, h.end_on, v.id AS visit_id, v.team_id, v."on" AS visit_on, v.assignment_id
      FROM held h
      CROSS JOIN LATERAL (
        SELECT pv.id, pv.team_id, pv."on", pv.assignment_id FROM mobilisation_visits pv
        WHERE pv.case_id = h.case_id AND pv."on" <= h.end_on AND pv."on" >= h.end_on - ${W} AND ${persuading}
        ORDER BY pv."on" DESC, pv.id DESC LIMIT 1
      ) v
      WHERE h.end_type = 'completed' AND h.end_on BETWEEN ${S} AND ${E}
    ) c
    CROSS JOIN LATERAL (
      SELECT least(
        (SELECT min(e."on") FROM case_events e
          WHERE e.case_id = c.case_id AND e.type = 'coercion_decided' AND e."on" <= c.visit_on
            AND NOT EXISTS (SELECT 1 FROM case_events x WHERE x.case_id = e.case_id AND x.type = 'reversal' AND x.reverses_seq = e.seq)),
        (SELECT a.coercion_planned_on FROM mobilisation_assignments a WHERE a.id = c.assignment_id AND a.coercion_planned_on <= c.visit_on)
      ) AS since
    ) s
    CROSS JOIN LATERAL (
      SELECT 'casesResolved'::text AS figure, c.case_id, c.team_id, c.visit_id, c.end_on AS "on"
      UNION ALL
      SELECT 'coercionsAvoided', c.case_id, c.team_id, c.visit_id, c.end_on
      WHERE s.since IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM case_events e
        WHERE e.case_id = c.case_id AND e.type IN ('distrained', 'auctioned') AND e."on" >= s.since AND e."on" <= c.end_on
          AND NOT EXISTS (SELECT 1 FROM case_events x WHERE x.case_id = e.case_id AND x.type = 'reversal' AND x.reverses_seq = e.seq))
    ) r
    UNION ALL
    SELECT CASE WHEN q.paid >= q.promised THEN 'promisesKept' ELSE 'promisesBroken' END, q.case_id, q.team_id, q.visit_id, q.due, 1
    FROM (
      SELECT v.case_id, v.team_id, v.id AS visit_id, i.due,
        sum(i.amount) OVER (PARTITION BY i.visit_id ORDER BY i.due, i.seq) AS promised,
        (SELECT coalesce(sum((e.data->>'amount')::bigint), 0) FROM case_events e
          WHERE e.case_id = v.case_id AND e.type = 'payment' AND e."on" >= v."on" AND e."on" <= i.due
            AND NOT EXISTS (SELECT 1 FROM case_events x WHERE x.case_id = e.case_id AND x.type = 'reversal' AND x.reverses_seq = e.seq)) AS paid,
        (i.due BETWEEN ${S} AND ${E}) AS in_period
      FROM mobilisation_visits v
      JOIN mobilisation_instalments i ON i.visit_id = v.id
      WHERE v.team_id IN (SELECT id FROM teams) AND v."on" <= ${E} AND v.case_id IN (SELECT case_id FROM held)
        AND EXISTS (SELECT 1 FROM mobilisation_instalments i2 WHERE i2.visit_id = v.id AND i2.due BETWEEN ${S} AND ${E})
    ) q
    WHERE q.in_period AND (q.paid >= q.promised OR q.due < ${today})
  ),
  grouped AS (SELECT i.*, ${grp} AS grp FROM items i)`;
}

/** The figures per group: one row per (group, figure). */
export function resultsSql(p: ResultsParams, by: ResultGrouping): RawBuilder<{ grp: string | null; figure: ResultFigure; value: string }> {
  return sql`WITH ${itemsCte(p, by)}
  SELECT grp, figure, sum(value)::text AS value FROM grouped GROUP BY grp, figure ORDER BY grp NULLS LAST, figure`;
}

/** A page of the items behind one figure of one group (or of the total when `group` is undefined). */
export function resultItemsSql(p: ResultsParams, by: ResultGrouping, figure: ResultFigure, group: string | null | undefined, limit: number, offset: number): RawBuilder<ResultItemRow & { total: string; n: string }> {
  const groupFilter = group === undefined ? sql`` : group === null ? sql`AND grp IS NULL` : sql`AND grp = ${group}`;
  return sql`WITH ${itemsCte(p, by)},
  chosen AS (SELECT * FROM grouped WHERE figure = ${figure} ${groupFilter})
  SELECT c.figure, c.case_id, c.team_id::text, c.visit_id::text, c."on"::text, c.value::text, c.grp,
         (SELECT coalesce(sum(value), 0) FROM chosen)::text AS total, (SELECT count(*) FROM chosen)::text AS n
  FROM chosen c ORDER BY c.case_id, c."on", c.visit_id NULLS FIRST LIMIT ${limit} OFFSET ${offset}`;
}
