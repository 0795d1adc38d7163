/**
 * The naive answer the dossier rollups must equal (test/report-rollups.test.ts) and the volume reports'
 * dossier part too (test/report-volumes.test.ts), written independently of the rollup's statement: every
 * dossier joined to the events that entered RECEIVED, RESULT_READY or RESULT_RETURNED, grouped by the
 * dossier's units, the event's Vietnam day (UTC+7) and the channel, each counter a count of its own kind;
 * the ratings from the dossier's own `rating` and `rated_at` (not from its events).
 * A full scan of the raw tables: for tests and the reports bench (scripts/bench-reports.ts), never on a request path.
 */
export const NAIVE_ROLLUP_SQL = `
  SELECT d.province_id::text, d.desk_id::text, d.post_office_id::text, d.agency_id::text, to_char(x.day, 'YYYY-MM-DD') AS day, d.channel::text AS channel,
         count(*) FILTER (WHERE x.what = 'received')::int AS received,
         count(*) FILTER (WHERE x.what = 'received' AND d.channel <> 'AT_DESK')::int AS received_via_bcci,
         count(*) FILTER (WHERE x.what = 'received' AND d.channel = 'ONLINE_WITH_POSTAL_PICKUP')::int AS online,
         count(*) FILTER (WHERE x.what = 'received' AND d.channel = 'AT_DESK')::int AS at_desk,
         count(*) FILTER (WHERE x.what = 'received' AND coalesce((SELECT bool_and(c.digitised) FROM dossier_component c WHERE c.dossier_id = d.id), false))::int AS digitised,
         count(*) FILTER (WHERE x.what = 'returned')::int AS results_returned,
         count(*) FILTER (WHERE x.what = 'returned' AND d.result_delivery = 'BY_POST')::int AS results_returned_via_bcci,
         count(*) FILTER (WHERE x.what = 'ready' AND d.result_ready_at <= d.due_at)::int AS resolved_on_time,
         count(*) FILTER (WHERE x.what = 'ready' AND d.result_ready_at > d.due_at)::int AS resolved_late,
         count(*) FILTER (WHERE x.what = 'rated' AND d.rating = 1)::int AS rated_satisfied,
         count(*) FILTER (WHERE x.what = 'rated' AND d.rating = 2)::int AS rated_neutral,
         count(*) FILTER (WHERE x.what = 'rated' AND d.rating = 3)::int AS rated_dissatisfied
    FROM dossier d
    JOIN (SELECT e.dossier_id, ((e.at AT TIME ZONE 'UTC') + interval '7 hours')::date AS day,
                 CASE e.to_status WHEN 'RECEIVED' THEN 'received' WHEN 'RESULT_READY' THEN 'ready' ELSE 'returned' END AS what
            FROM dossier_event e WHERE e.to_status IN ('RECEIVED', 'RESULT_READY', 'RESULT_RETURNED')
          UNION ALL
          SELECT r.id, ((r.rated_at AT TIME ZONE 'UTC') + interval '7 hours')::date, 'rated' FROM dossier r WHERE r.rating IS NOT NULL) x ON x.dossier_id = d.id
   GROUP BY d.province_id, d.desk_id, d.post_office_id, d.agency_id, x.day, d.channel`;
