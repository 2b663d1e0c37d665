import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import type { IsoDate } from '../../../../kernel/calendar/index.js';

/**
 * The per-case part of every statistics query: for a period [S, E] and a set of holding offices, one row per
 * case the report counts, with its contribution to each base row of both forms (statistics.md §2–§4),
 * read from the derived tables (stat_episodes, stat_flows, stat_states, stat_offices), never from raw events.
 *
 *   episode  the last one started on or before E (next_start_on > E), open at E or ended within [S, E]
 *   office   the span of stat_offices containing E
 *   status   the span of stat_states containing E (used only when the episode is open at E)
 *   flows    of that episode: before S (carried-over outstanding), in [S, E] by kind, up to E (outstanding at E)
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const perCaseParams = z.object({
  from: isoDate,
  to: isoDate,
  /** Units whose held cases count (a unit's scope); null: every office (national, or grouped by office). */
  offices: z.array(z.number().int()).nullable(),
  /** Policy postponementGroundsWithoutMeans, normalised like the stored grounds (NFC, trimmed). */
  grounds: z.array(z.string()),
}).refine((p) => p.from <= p.to, { message: 'from after to', path: ['from'] });
export type PerCaseParams = z.infer<typeof perCaseParams>;

/** Restricting the cases to those with a derived date in (lo, hi]: the ones whose contribution can differ between two ends. */
export interface ChangedWindow {
  lo: IsoDate;
  hi: IsoDate;
}

/** The columns a per-case CTE yields besides c_… and m_…. */
export const PER_CASE_INFO = ['case_id', 'office_id', 'initiation', 'category', 'commune_code', 'enforcer_code', 'status', 'start_on', 'end_on', 'end_type'] as const;

/**
 * CTE definitions `<p>_chosen, <p>_flows, <p>_cases` (prefix p from a fixed list: the same query may hold two
 * periods). `<p>_cases` has PER_CASE_INFO and the base columns c_… (0/1) and m_… (đồng).
 */
export function perCaseCtes(prefix: 'pc' | 'pe' | 'pm', input: PerCaseParams, changed?: RawBuilder<unknown>, forceLookup = false): RawBuilder<unknown> {
  const p = perCaseParams.parse(input);
  // A national report reads every case: hash joins over whole tables. A unit's report, the few cases of a
  // correction, or a page of cases in order (drill-down), look up each case's status and flows by index.
  const lookup = forceLookup || changed !== undefined || p.offices !== null;
  const S = sql`${p.from}::date`;
  const E = sql`${p.to}::date`;
  const chosen = sql.raw(`${prefix}_chosen`);
  const flows = sql.raw(`${prefix}_flows`);
  const cases = sql.raw(`${prefix}_cases`);
  const officeFilter = p.offices === null ? sql`` : sql`AND o.office_id = ANY(${p.offices}::int[])`;
  const changedFilter = changed ? sql`AND e.case_id IN (SELECT case_id FROM ${changed})` : sql``;
  const sums = sql`coalesce(sum(f.amount) FILTER (WHERE f."on" < ${S}), 0)::bigint AS before_s,
           coalesce(sum(f.amount) FILTER (WHERE f."on" >= ${S} AND f.kind = 'paid'), 0)::bigint AS paid,
           coalesce(sum(f.amount) FILTER (WHERE f."on" >= ${S} AND f.kind = 'reduced'), 0)::bigint AS reduced,
           coalesce(sum(f.amount), 0)::bigint AS upto`;
  // Whole tables: the flows of every episode up to E summed once, joined to the chosen episodes after.
  const flowsCte = lookup
    ? sql``
    : sql`${flows} AS (
    SELECT f.case_id, f.episode_no, ${sums}
    FROM stat_flows f
    WHERE f."on" <= ${E}
    GROUP BY f.case_id, f.episode_no
  ),`;
  const joins = lookup
    ? sql`LEFT JOIN LATERAL (SELECT st.status, st.ground, st.enforcer_code FROM stat_states st
                 WHERE st.case_id = c.case_id AND st.from_on <= ${E} ORDER BY st.from_on DESC LIMIT 1) st ON true
      CROSS JOIN LATERAL (SELECT ${sums} FROM stat_flows f WHERE f.case_id = c.case_id AND f.episode_no = c.episode_no AND f."on" <= ${E}) f`
    : sql`LEFT JOIN stat_states st ON st.case_id = c.case_id AND st.from_on <= ${E} AND (st.to_on IS NULL OR st.to_on > ${E})
      LEFT JOIN ${flows} f ON f.case_id = c.case_id AND f.episode_no = c.episode_no`;
  return sql`${chosen} AS (
    SELECT e.case_id, e.episode_no, e.start_on, e.end_on, e.end_type, e.partially_performed, e.value_at_start, e.outstanding_at_end,
           e.initiation, e.category, e.commune_code, o.office_id,
           (e.end_on IS NOT NULL AND e.end_on <= ${E}) AS ended
    FROM stat_episodes e
    ${changed
      ? sql`JOIN LATERAL (SELECT o.office_id FROM stat_offices o WHERE o.case_id = e.case_id AND o.from_on <= ${E} ORDER BY o.from_on DESC LIMIT 1) o ON true`
      : sql`JOIN stat_offices o ON o.case_id = e.case_id AND o.from_on <= ${E} AND (o.to_on IS NULL OR o.to_on > ${E})`}
    WHERE e.start_on <= ${E} AND (e.next_start_on IS NULL OR e.next_start_on > ${E}) AND (e.end_on IS NULL OR e.end_on >= ${S})
      ${officeFilter} ${changedFilter}
  ),
  ${flowsCte}
  ${cases} AS (
    SELECT x.case_id, x.office_id, x.initiation, x.category, x.commune_code, x.enforcer_code, x.status, x.start_on, x.end_on, x.end_type,
      (x.start_on < ${S})::int AS c_carried_over,
      (x.start_on >= ${S})::int AS c_new,
      (x.ended AND x.end_type = 'transferred_out' AND NOT x.partially_performed)::int AS c_transferred_out,
      (x.ended AND x.end_type = 'withdrawn')::int AS c_withdrawn,
      (x.ended AND (x.end_type = 'completed' OR (x.end_type = 'transferred_out' AND x.partially_performed)))::int AS c_completed,
      (x.ended AND x.end_type = 'terminated')::int AS c_terminated,
      (x.bucket = 'in_progress')::int AS c_in_progress,
      (x.bucket = 'postponed')::int AS c_postponed,
      (x.bucket = 'suspended')::int AS c_suspended,
      (x.bucket = 'other')::int AS c_other,
      (x.bucket = 'without_means' OR (x.ended AND x.end_type IN ('separate_ledger', 'request_returned')))::int AS c_without_means,
      CASE WHEN x.start_on < ${S} THEN x.value_at_start - x.f_before ELSE 0 END AS m_carried_over,
      CASE WHEN x.start_on >= ${S} THEN x.value_at_start ELSE 0 END AS m_new,
      CASE WHEN x.ended AND x.end_type = 'transferred_out' THEN x.outstanding_at_end ELSE 0 END AS m_transferred_out,
      CASE WHEN x.ended AND x.end_type = 'withdrawn' THEN x.outstanding_at_end ELSE 0 END AS m_withdrawn,
      x.f_paid AS m_completed,
      CASE WHEN x.ended AND x.end_type = 'terminated' THEN x.outstanding_at_end ELSE 0 END AS m_terminated,
      x.f_reduced AS m_reduced,
      CASE WHEN x.bucket = 'in_progress' THEN x.value_at_start - x.f_upto ELSE 0 END AS m_in_progress,
      CASE WHEN x.bucket = 'postponed' THEN x.value_at_start - x.f_upto ELSE 0 END AS m_postponed,
      CASE WHEN x.bucket = 'suspended' THEN x.value_at_start - x.f_upto ELSE 0 END AS m_suspended,
      CASE WHEN x.bucket = 'other' THEN x.value_at_start - x.f_upto ELSE 0 END AS m_other,
      CASE WHEN x.bucket = 'without_means' THEN x.value_at_start - x.f_upto
           WHEN x.ended AND x.end_type IN ('separate_ledger', 'request_returned') THEN x.outstanding_at_end ELSE 0 END AS m_without_means
    FROM (
      SELECT c.*, st.status, st.enforcer_code,
        CASE WHEN c.ended THEN ''
             WHEN st.status IN ('pending_verification', 'in_progress') THEN 'in_progress'
             WHEN st.status = 'postponed' THEN CASE WHEN st.ground = ANY(${p.grounds}::text[]) THEN 'without_means' ELSE 'postponed' END
             WHEN st.status IN ('suspended', 'other') THEN st.status
             WHEN st.status = 'no_means' THEN 'without_means' ELSE '?' END AS bucket,
        coalesce(f.before_s, 0) AS f_before, coalesce(f.paid, 0) AS f_paid, coalesce(f.reduced, 0) AS f_reduced, coalesce(f.upto, 0) AS f_upto
      FROM ${chosen} c
      ${joins}
    ) x
  )`;
}

/**
 * The cases with a derived date in (lo, hi] (a report ending at lo and one ending at hi differ only on
 * these), among those ever held by `offices` when given (a unit's report).
 */
export function changedCasesCte(w: ChangedWindow, offices: readonly number[] | null = null): RawBuilder<unknown> {
  const lo = sql`${w.lo}::date`;
  const hi = sql`${w.hi}::date`;
  const unit = offices === null ? sql`` : sql`,
  unit_changed AS (SELECT case_id FROM changed WHERE case_id IN (SELECT case_id FROM stat_offices WHERE office_id = ANY(${[...offices]}::int[])))`;
  return sql`changed AS (
    SELECT case_id FROM stat_episodes WHERE start_on > ${lo} AND start_on <= ${hi}
    UNION SELECT case_id FROM stat_episodes WHERE end_on > ${lo} AND end_on <= ${hi}
    UNION SELECT case_id FROM stat_flows WHERE "on" > ${lo} AND "on" <= ${hi}
    UNION SELECT case_id FROM stat_states WHERE bucket_changed AND from_on > ${lo} AND from_on <= ${hi}
    UNION SELECT case_id FROM stat_offices WHERE from_on > ${lo} AND from_on <= ${hi}
  )${unit}`;
}
