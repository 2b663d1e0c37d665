-- The periodic report ending on a day without stored totals, from those of the nearest snapshot date (correctedReportSql).
-- Rendered by test/integration/statistics-queries.test.ts (UPDATE_SQL=1 rewrites). Example parameters:
--   $1 = "2026-03-15"
--   $2 = "2026-03-15"
--   $3 = "2026-03-15"
--   $4 = "2026-03-15"
--   $5 = "2026-03-15"
--   $6 = "2026-03-15"
--   $7 = "2026-03-15"
--   $8 = "2026-03-15"
--   $9 = "2026-03-15"
--   $10 = "2026-03-15"
--   $11 = [3,5]
--   $12 = "2026-03-15"
--   $13 = "2026-03-15"
--   $14 = "2026-03-15"
--   $15 = "2026-03-15"
--   $16 = "2025-10-01"
--   $17 = [3,5]
--   $18 = "2025-10-01"
--   $19 = "2025-10-01"
--   $20 = "2025-10-01"
--   $21 = "2025-10-01"
--   $22 = ["Điều 48 khoản 1 điểm a"]
--   $23 = "2026-03-15"
--   $24 = "2025-10-01"
--   $25 = "2025-10-01"
--   $26 = "2025-10-01"
--   $27 = "2026-03-15"
--   $28 = "2026-03-15"
--   $29 = "2026-03-15"
--   $30 = "2026-03-15"
--   $31 = "2026-03-15"
--   $32 = "2025-10-01"
--   $33 = [3,5]
--   $34 = "2025-10-01"
--   $35 = "2025-10-01"
--   $36 = "2025-10-01"
--   $37 = "2025-10-01"
--   $38 = ["Điều 48 khoản 1 điểm a"]
--   $39 = "2026-03-15"
--   $40 = "2025-10-01"
--   $41 = "2025-10-01"
--   $42 = "2025-10-01"
--   $43 = "2026-03-15"
--   $44 = "2026-03-15"
--   $45 = [3,5]
WITH changed AS (
    SELECT case_id FROM stat_episodes WHERE start_on > $1::date AND start_on <= $2::date
    UNION SELECT case_id FROM stat_episodes WHERE end_on > $3::date AND end_on <= $4::date
    UNION SELECT case_id FROM stat_flows WHERE "on" > $5::date AND "on" <= $6::date
    UNION SELECT case_id FROM stat_states WHERE bucket_changed AND from_on > $7::date AND from_on <= $8::date
    UNION SELECT case_id FROM stat_offices WHERE from_on > $9::date AND from_on <= $10::date
  ),
  unit_changed AS (SELECT case_id FROM changed WHERE case_id IN (SELECT case_id FROM stat_offices WHERE office_id = ANY($11::int[]))),
pe_chosen AS (
    SELECT e.case_id, e.episode_no, e.start_on, e.end_on, e.end_type, e.partially_performed, e.value_at_start, e.outstanding_at_end,
           e.initiation, e.category, e.commune_code, o.office_id,
           (e.end_on IS NOT NULL AND e.end_on <= $12::date) AS ended
    FROM stat_episodes e
    JOIN LATERAL (SELECT o.office_id FROM stat_offices o WHERE o.case_id = e.case_id AND o.from_on <= $13::date ORDER BY o.from_on DESC LIMIT 1) o ON true
    WHERE e.start_on <= $14::date AND (e.next_start_on IS NULL OR e.next_start_on > $15::date) AND (e.end_on IS NULL OR e.end_on >= $16::date)
      AND o.office_id = ANY($17::int[]) AND e.case_id IN (SELECT case_id FROM unit_changed)
  ),
  
  pe_cases AS (
    SELECT x.case_id, x.office_id, x.initiation, x.category, x.commune_code, x.enforcer_code, x.status, x.start_on, x.end_on, x.end_type,
      (x.start_on < $18::date)::int AS c_carried_over,
      (x.start_on >= $19::date)::int AS c_new,
      (x.ended AND x.end_type = 'transferred_out' AND NOT x.partially_performed)::int AS c_transferred_out,
      (x.ended AND x.end_type = 'withdrawn')::int AS c_withdrawn,
      (x.ended AND (x.end_type = 'completed' OR (x.end_type = 'transferred_out' AND x.partially_performed)))::int AS c_completed,
      (x.ended AND x.end_type = 'terminated')::int AS c_terminated,
      (x.bucket = 'in_progress')::int AS c_in_progress,
      (x.bucket = 'postponed')::int AS c_postponed,
      (x.bucket = 'suspended')::int AS c_suspended,
      (x.bucket = 'other')::int AS c_other,
      (x.bucket = 'without_means' OR (x.ended AND x.end_type IN ('separate_ledger', 'request_returned')))::int AS c_without_means,
      CASE WHEN x.start_on < $20::date THEN x.value_at_start - x.f_before ELSE 0 END AS m_carried_over,
      CASE WHEN x.start_on >= $21::date THEN x.value_at_start ELSE 0 END AS m_new,
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
             WHEN st.status = 'postponed' THEN CASE WHEN st.ground = ANY($22::text[]) THEN 'without_means' ELSE 'postponed' END
             WHEN st.status IN ('suspended', 'other') THEN st.status
             WHEN st.status = 'no_means' THEN 'without_means' ELSE '?' END AS bucket,
        coalesce(f.before_s, 0) AS f_before, coalesce(f.paid, 0) AS f_paid, coalesce(f.reduced, 0) AS f_reduced, coalesce(f.upto, 0) AS f_upto
      FROM pe_chosen c
      LEFT JOIN LATERAL (SELECT st.status, st.ground, st.enforcer_code FROM stat_states st
                 WHERE st.case_id = c.case_id AND st.from_on <= $23::date ORDER BY st.from_on DESC LIMIT 1) st ON true
      CROSS JOIN LATERAL (SELECT coalesce(sum(f.amount) FILTER (WHERE f."on" < $24::date), 0)::bigint AS before_s,
           coalesce(sum(f.amount) FILTER (WHERE f."on" >= $25::date AND f.kind = 'paid'), 0)::bigint AS paid,
           coalesce(sum(f.amount) FILTER (WHERE f."on" >= $26::date AND f.kind = 'reduced'), 0)::bigint AS reduced,
           coalesce(sum(f.amount), 0)::bigint AS upto FROM stat_flows f WHERE f.case_id = c.case_id AND f.episode_no = c.episode_no AND f."on" <= $27::date) f
    ) x
  ),
pm_chosen AS (
    SELECT e.case_id, e.episode_no, e.start_on, e.end_on, e.end_type, e.partially_performed, e.value_at_start, e.outstanding_at_end,
           e.initiation, e.category, e.commune_code, o.office_id,
           (e.end_on IS NOT NULL AND e.end_on <= $28::date) AS ended
    FROM stat_episodes e
    JOIN LATERAL (SELECT o.office_id FROM stat_offices o WHERE o.case_id = e.case_id AND o.from_on <= $29::date ORDER BY o.from_on DESC LIMIT 1) o ON true
    WHERE e.start_on <= $30::date AND (e.next_start_on IS NULL OR e.next_start_on > $31::date) AND (e.end_on IS NULL OR e.end_on >= $32::date)
      AND o.office_id = ANY($33::int[]) AND e.case_id IN (SELECT case_id FROM unit_changed)
  ),
  
  pm_cases AS (
    SELECT x.case_id, x.office_id, x.initiation, x.category, x.commune_code, x.enforcer_code, x.status, x.start_on, x.end_on, x.end_type,
      (x.start_on < $34::date)::int AS c_carried_over,
      (x.start_on >= $35::date)::int AS c_new,
      (x.ended AND x.end_type = 'transferred_out' AND NOT x.partially_performed)::int AS c_transferred_out,
      (x.ended AND x.end_type = 'withdrawn')::int AS c_withdrawn,
      (x.ended AND (x.end_type = 'completed' OR (x.end_type = 'transferred_out' AND x.partially_performed)))::int AS c_completed,
      (x.ended AND x.end_type = 'terminated')::int AS c_terminated,
      (x.bucket = 'in_progress')::int AS c_in_progress,
      (x.bucket = 'postponed')::int AS c_postponed,
      (x.bucket = 'suspended')::int AS c_suspended,
      (x.bucket = 'other')::int AS c_other,
      (x.bucket = 'without_means' OR (x.ended AND x.end_type IN ('separate_ledger', 'request_returned')))::int AS c_without_means,
      CASE WHEN x.start_on < $36::date THEN x.value_at_start - x.f_before ELSE 0 END AS m_carried_over,
      CASE WHEN x.start_on >= $37::date THEN x.value_at_start ELSE 0 END AS m_new,
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
             WHEN st.status = 'postponed' THEN CASE WHEN st.ground = ANY($38::text[]) THEN 'without_means' ELSE 'postponed' END
             WHEN st.status IN ('suspended', 'other') THEN st.status
             WHEN st.status = 'no_means' THEN 'without_means' ELSE '?' END AS bucket,
        coalesce(f.before_s, 0) AS f_before, coalesce(f.paid, 0) AS f_paid, coalesce(f.reduced, 0) AS f_reduced, coalesce(f.upto, 0) AS f_upto
      FROM pm_chosen c
      LEFT JOIN LATERAL (SELECT st.status, st.ground, st.enforcer_code FROM stat_states st
                 WHERE st.case_id = c.case_id AND st.from_on <= $39::date ORDER BY st.from_on DESC LIMIT 1) st ON true
      CROSS JOIN LATERAL (SELECT coalesce(sum(f.amount) FILTER (WHERE f."on" < $40::date), 0)::bigint AS before_s,
           coalesce(sum(f.amount) FILTER (WHERE f."on" >= $41::date AND f.kind = 'paid'), 0)::bigint AS paid,
           coalesce(sum(f.amount) FILTER (WHERE f."on" >= $42::date AND f.kind = 'reduced'), 0)::bigint AS reduced,
           coalesce(sum(f.amount), 0)::bigint AS upto FROM stat_flows f WHERE f.case_id = c.case_id AND f.episode_no = c.episode_no AND f."on" <= $43::date) f
    ) x
  )
SELECT grp,
  sum(u.c_carried_over)::bigint AS c_carried_over,
  sum(u.c_new)::bigint AS c_new,
  sum(u.c_transferred_out)::bigint AS c_transferred_out,
  sum(u.c_withdrawn)::bigint AS c_withdrawn,
  sum(u.c_completed)::bigint AS c_completed,
  sum(u.c_terminated)::bigint AS c_terminated,
  sum(u.c_in_progress)::bigint AS c_in_progress,
  sum(u.c_postponed)::bigint AS c_postponed,
  sum(u.c_suspended)::bigint AS c_suspended,
  sum(u.c_other)::bigint AS c_other,
  sum(u.c_without_means)::bigint AS c_without_means,
  sum(u.m_carried_over)::bigint AS m_carried_over,
  sum(u.m_new)::bigint AS m_new,
  sum(u.m_transferred_out)::bigint AS m_transferred_out,
  sum(u.m_withdrawn)::bigint AS m_withdrawn,
  sum(u.m_completed)::bigint AS m_completed,
  sum(u.m_terminated)::bigint AS m_terminated,
  sum(u.m_reduced)::bigint AS m_reduced,
  sum(u.m_in_progress)::bigint AS m_in_progress,
  sum(u.m_postponed)::bigint AS m_postponed,
  sum(u.m_suspended)::bigint AS m_suspended,
  sum(u.m_other)::bigint AS m_other,
  sum(u.m_without_means)::bigint AS m_without_means
FROM (
  SELECT t.office_id AS grp, t.c_carried_over, t.c_new, t.c_transferred_out, t.c_withdrawn, t.c_completed, t.c_terminated, t.c_in_progress, t.c_postponed, t.c_suspended, t.c_other, t.c_without_means, t.m_carried_over, t.m_new, t.m_transferred_out, t.m_withdrawn, t.m_completed, t.m_terminated, t.m_reduced, t.m_in_progress, t.m_postponed, t.m_suspended, t.m_other, t.m_without_means FROM stat_snapshot_totals t WHERE t.as_of = $44::date AND t.office_id = ANY($45::int[])
  UNION ALL SELECT pe_cases.office_id, pe_cases.c_carried_over, pe_cases.c_new, pe_cases.c_transferred_out, pe_cases.c_withdrawn, pe_cases.c_completed, pe_cases.c_terminated, pe_cases.c_in_progress, pe_cases.c_postponed, pe_cases.c_suspended, pe_cases.c_other, pe_cases.c_without_means, pe_cases.m_carried_over, pe_cases.m_new, pe_cases.m_transferred_out, pe_cases.m_withdrawn, pe_cases.m_completed, pe_cases.m_terminated, pe_cases.m_reduced, pe_cases.m_in_progress, pe_cases.m_postponed, pe_cases.m_suspended, pe_cases.m_other, pe_cases.m_without_means FROM pe_cases
  UNION ALL SELECT pm_cases.office_id, -pm_cases.c_carried_over, -pm_cases.c_new, -pm_cases.c_transferred_out, -pm_cases.c_withdrawn, -pm_cases.c_completed, -pm_cases.c_terminated, -pm_cases.c_in_progress, -pm_cases.c_postponed, -pm_cases.c_suspended, -pm_cases.c_other, -pm_cases.c_without_means, -pm_cases.m_carried_over, -pm_cases.m_new, -pm_cases.m_transferred_out, -pm_cases.m_withdrawn, -pm_cases.m_completed, -pm_cases.m_terminated, -pm_cases.m_reduced, -pm_cases.m_in_progress, -pm_cases.m_postponed, -pm_cases.m_suspended, -pm_cases.m_other, -pm_cases.m_without_means FROM pm_cases
) u
GROUP BY grp
ORDER BY 1
