-- The report of a set of offices for [from, to], one row per holding office (reportSql).
-- Rendered by test/integration/statistics-queries.test.ts (UPDATE_SQL=1 rewrites). Example parameters:
--   $1 = "2026-03-15"
--   $2 = "2026-03-15"
--   $3 = "2026-03-15"
--   $4 = "2026-03-15"
--   $5 = "2026-03-15"
--   $6 = "2025-10-01"
--   $7 = [3,5]
--   $8 = "2025-10-01"
--   $9 = "2025-10-01"
--   $10 = "2025-10-01"
--   $11 = "2025-10-01"
--   $12 = ["Điều 48 khoản 1 điểm a"]
--   $13 = "2026-03-15"
--   $14 = "2025-10-01"
--   $15 = "2025-10-01"
--   $16 = "2025-10-01"
--   $17 = "2026-03-15"
WITH pc_chosen AS (
    SELECT e.case_id, e.episode_no, e.start_on, e.end_on, e.end_type, e.partially_performed, e.value_at_start, e.outstanding_at_end,
           e.initiation, e.category, e.commune_code, o.office_id,
           (e.end_on IS NOT NULL AND e.end_on <= $1::date) AS ended
    FROM stat_episodes e
    JOIN stat_offices o ON o.case_id = e.case_id AND o.from_on <= $2::date AND (o.to_on IS NULL OR o.to_on > $3::date)
    WHERE e.start_on <= $4::date AND (e.next_start_on IS NULL OR e.next_start_on > $5::date) AND (e.end_on IS NULL OR e.end_on >= $6::date)
      AND o.office_id = ANY($7::int[]) 
  ),
  
  pc_cases AS (
    SELECT x.case_id, x.office_id, x.initiation, x.category, x.commune_code, x.enforcer_code, x.status, x.start_on, x.end_on, x.end_type,
      (x.start_on < $8::date)::int AS c_carried_over,
      (x.start_on >= $9::date)::int AS c_new,
      (x.ended AND x.end_type = 'transferred_out' AND NOT x.partially_performed)::int AS c_transferred_out,
      (x.ended AND x.end_type = 'withdrawn')::int AS c_withdrawn,
      (x.ended AND (x.end_type = 'completed' OR (x.end_type = 'transferred_out' AND x.partially_performed)))::int AS c_completed,
      (x.ended AND x.end_type = 'terminated')::int AS c_terminated,
      (x.bucket = 'in_progress')::int AS c_in_progress,
      (x.bucket = 'postponed')::int AS c_postponed,
      (x.bucket = 'suspended')::int AS c_suspended,
      (x.bucket = 'other')::int AS c_other,
      (x.bucket = 'without_means' OR (x.ended AND x.end_type IN ('separate_ledger', 'request_returned')))::int AS c_without_means,
      CASE WHEN x.start_on < $10::date THEN x.value_at_start - x.f_before ELSE 0 END AS m_carried_over,
      CASE WHEN x.start_on >= $11::date THEN x.value_at_start ELSE 0 END AS m_new,
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
             WHEN st.status = 'postponed' THEN CASE WHEN st.ground = ANY($12::text[]) THEN 'without_means' ELSE 'postponed' END
             WHEN st.status IN ('suspended', 'other') THEN st.status
             WHEN st.status = 'no_means' THEN 'without_means' ELSE '?' END AS bucket,
        coalesce(f.before_s, 0) AS f_before, coalesce(f.paid, 0) AS f_paid, coalesce(f.reduced, 0) AS f_reduced, coalesce(f.upto, 0) AS f_upto
      FROM pc_chosen c
      LEFT JOIN LATERAL (SELECT st.status, st.ground, st.enforcer_code FROM stat_states st
                 WHERE st.case_id = c.case_id AND st.from_on <= $13::date ORDER BY st.from_on DESC LIMIT 1) st ON true
      CROSS JOIN LATERAL (SELECT coalesce(sum(f.amount) FILTER (WHERE f."on" < $14::date), 0)::bigint AS before_s,
           coalesce(sum(f.amount) FILTER (WHERE f."on" >= $15::date AND f.kind = 'paid'), 0)::bigint AS paid,
           coalesce(sum(f.amount) FILTER (WHERE f."on" >= $16::date AND f.kind = 'reduced'), 0)::bigint AS reduced,
           coalesce(sum(f.amount), 0)::bigint AS upto FROM stat_flows f WHERE f.case_id = c.case_id AND f.episode_no = c.episode_no AND f."on" <= $17::date) f
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
