-- The national report (every office): whole-table joins instead of lookups (reportSql, offices = null).
-- Rendered by test/integration/statistics-queries.test.ts (UPDATE_SQL=1 rewrites). Example parameters:
--   $1 = "2026-03-15"
--   $2 = "2026-03-15"
--   $3 = "2026-03-15"
--   $4 = "2026-03-15"
--   $5 = "2026-03-15"
--   $6 = "2025-10-01"
--   $7 = "2025-10-01"
--   $8 = "2025-10-01"
--   $9 = "2025-10-01"
--   $10 = "2026-03-15"
--   $11 = "2025-10-01"
--   $12 = "2025-10-01"
--   $13 = "2025-10-01"
--   $14 = "2025-10-01"
--   $15 = ["Điều 48 khoản 1 điểm a"]
--   $16 = "2026-03-15"
--   $17 = "2026-03-15"
WITH pc_chosen AS (
    SELECT e.case_id, e.episode_no, e.start_on, e.end_on, e.end_type, e.partially_performed, e.value_at_start, e.outstanding_at_end,
           e.initiation, e.category, e.commune_code, o.office_id,
           (e.end_on IS NOT NULL AND e.end_on <= $1::date) AS ended
    FROM stat_episodes e
    JOIN stat_offices o ON o.case_id = e.case_id AND o.from_on <= $2::date AND (o.to_on IS NULL OR o.to_on > $3::date)
    WHERE e.start_on <= $4::date AND (e.next_start_on IS NULL OR e.next_start_on > $5::date) AND (e.end_on IS NULL OR e.end_on >= $6::date)
       
  ),
  pc_flows AS (
    SELECT f.case_id, f.episode_no, coalesce(sum(f.amount) FILTER (WHERE f."on" < $7::date), 0)::bigint AS before_s,
           coalesce(sum(f.amount) FILTER (WHERE f."on" >= $8::date AND f.kind = 'paid'), 0)::bigint AS paid,
           coalesce(sum(f.amount) FILTER (WHERE f."on" >= $9::date AND f.kind = 'reduced'), 0)::bigint AS reduced,
           coalesce(sum(f.amount), 0)::bigint AS upto
    FROM stat_flows f
    WHERE f."on" <= $10::date
    GROUP BY f.case_id, f.episode_no
  ),
  pc_cases AS (
    SELECT x.case_id, x.office_id, x.initiation, x.category, x.commune_code, x.enforcer_code, x.status, x.start_on, x.end_on, x.end_type,
      (x.start_on < $11::date)::int AS c_carried_over,
      (x.start_on >= $12::date)::int AS c_new,
      (x.ended AND x.end_type = 'transferred_out' AND NOT x.partially_performed)::int AS c_transferred_out,
      (x.ended AND x.end_type = 'withdrawn')::int AS c_withdrawn,
      (x.ended AND (x.end_type = 'completed' OR (x.end_type = 'transferred_out' AND x.partially_performed)))::int AS c_completed,
      (x.ended AND x.end_type = 'terminated')::int AS c_terminated,
      (x.bucket = 'in_progress')::int AS c_in_progress,
      (x.bucket = 'postponed')::int AS c_postponed,
      (x.bucket = 'suspended')::int AS c_suspended,
      (x.bucket = 'other')::int AS c_other,
      (x.bucket = 'without_means' OR (x.ended AND x.end_type IN ('separate_ledger', 'request_returned')))::int AS c_without_means,
      CASE WHEN x.start_on < $13::date THEN x.value_at_start - x.f_before ELSE 0 END AS m_carried_over,
      CASE WHEN x.start_on >= $14::date THEN x.value_at_start ELSE 0 END AS m_new,
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
             WHEN st.status = 'postponed' THEN CASE WHEN st.ground = ANY($15::text[]) THEN 'without_means' ELSE 'postponed' END
             WHEN st.status IN ('suspended', 'other') THEN st.status
             WHEN st.status = 'no_means' THEN 'without_means' ELSE '?' END AS bucket,
        coalesce(f.before_s, 0) AS f_before, coalesce(f.paid, 0) AS f_paid, coalesce(f.reduced, 0) AS f_reduced, coalesce(f.upto, 0) AS f_upto
      FROM pc_chosen c
      LEFT JOIN stat_states st ON st.case_id = c.case_id AND st.from_on <= $16::date AND (st.to_on IS NULL OR st.to_on > $17::date)
      LEFT JOIN pc_flows f ON f.case_id = c.case_id AND f.episode_no = c.episode_no
    ) x
  )
SELECT pc_cases.office_id AS grp,
  sum(pc_cases.c_carried_over)::bigint AS c_carried_over,
  sum(pc_cases.c_new)::bigint AS c_new,
  sum(pc_cases.c_transferred_out)::bigint AS c_transferred_out,
  sum(pc_cases.c_withdrawn)::bigint AS c_withdrawn,
  sum(pc_cases.c_completed)::bigint AS c_completed,
  sum(pc_cases.c_terminated)::bigint AS c_terminated,
  sum(pc_cases.c_in_progress)::bigint AS c_in_progress,
  sum(pc_cases.c_postponed)::bigint AS c_postponed,
  sum(pc_cases.c_suspended)::bigint AS c_suspended,
  sum(pc_cases.c_other)::bigint AS c_other,
  sum(pc_cases.c_without_means)::bigint AS c_without_means,
  sum(pc_cases.m_carried_over)::bigint AS m_carried_over,
  sum(pc_cases.m_new)::bigint AS m_new,
  sum(pc_cases.m_transferred_out)::bigint AS m_transferred_out,
  sum(pc_cases.m_withdrawn)::bigint AS m_withdrawn,
  sum(pc_cases.m_completed)::bigint AS m_completed,
  sum(pc_cases.m_terminated)::bigint AS m_terminated,
  sum(pc_cases.m_reduced)::bigint AS m_reduced,
  sum(pc_cases.m_in_progress)::bigint AS m_in_progress,
  sum(pc_cases.m_postponed)::bigint AS m_postponed,
  sum(pc_cases.m_suspended)::bigint AS m_suspended,
  sum(pc_cases.m_other)::bigint AS m_other,
  sum(pc_cases.m_without_means)::bigint AS m_without_means
FROM pc_cases
GROUP BY pc_cases.office_id
ORDER BY 1
