-- The periodic report ending on a snapshot date (a month end, the 8th, 15th or 23rd), from the stored totals (snapshotSql).
-- Rendered by test/integration/statistics-queries.test.ts (UPDATE_SQL=1 rewrites). Example parameters:
--   $1 = "2026-03-31"
--   $2 = [3,5]
SELECT t.office_id AS grp, t.c_carried_over, t.c_new, t.c_transferred_out, t.c_withdrawn, t.c_completed, t.c_terminated, t.c_in_progress, t.c_postponed, t.c_suspended, t.c_other, t.c_without_means, t.m_carried_over, t.m_new, t.m_transferred_out, t.m_withdrawn, t.m_completed, t.m_terminated, t.m_reduced, t.m_in_progress, t.m_postponed, t.m_suspended, t.m_other, t.m_without_means
FROM stat_snapshot_totals t
WHERE t.as_of = $1::date AND t.office_id = ANY($2::int[])
ORDER BY 1
