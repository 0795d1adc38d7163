import type { EntityManager } from 'typeorm';
import { Injectable } from '../../platform/container';

/**
 * Dossier rollups (issue 13, "Speed at scale"): `dossier_daily_rollup` holds, per province, desk, post
 * office, deciding agency, Vietnam day and channel, the counters the reports add up, so that dashboards
 * never COUNT over all dossiers on the request path. It is maintained incrementally in the transaction of
 * the dossier change: DossierService.event (the one place every status change and postal event is
 * recorded) calls `dossierEvent`, which adds the event's delta with one INSERT … ON CONFLICT DO UPDATE
 * SET x = x + EXCLUDED.x. The migration backfills it from the dossiers and events already there, the demo
 * seed adds the dossiers it writes in bulk; both run the very same statement (`ROLLUP_DELTA_SQL`).
 *
 * Every counter counts one kind of event of the dossier's timeline, on the Vietnam day (UTC+7) of that
 * event (`dossier_event.at`), in the row of the dossier's province, desk, post office, agency and
 * channel (none of which change after reception):
 * - `received`: the dossier entered RECEIVED (event `to_status = RECEIVED`): received at the desk, at a
 *   post office or at home (RECEIVED_AT_DESK), or an online dossier's collected paper dossier received
 *   by the desk (RECEIVE). An online dossier refused before that (NEW → NOT_ACCEPTED) was never received;
 *   a dossier refused after reception stays counted on its reception day.
 * - `received_via_bcci`: of those, channel AT_POST_OFFICE, ONLINE_WITH_POSTAL_PICKUP or HOME_APPOINTMENT
 *   (the post office took the dossier in: Decision 45/2016/QĐ-TTg).
 * - `online`: of those, channel ONLINE_* (today ONLINE_WITH_POSTAL_PICKUP).
 * - `at_desk`: of those, channel AT_DESK (filed in person at the one-stop desk).
 * - `digitised`: of those, dossiers with at least one component, all of them digitised (components are
 *   fixed at reception: nothing updates them afterwards).
 * - `results_returned`: the dossier entered RESULT_RETURNED (step RETURN_RESULT).
 * - `results_returned_via_bcci`: of those, result delivery BY_POST (the post office delivered the result).
 * - `resolved_on_time` / `resolved_late`: the dossier entered RESULT_READY (the agency's result is there),
 *   on time when `result_ready_at <= due_at` (the legal due moment, clock stops included; the apology's
 *   new date does not make a late result on time), late otherwise: the same rule as `isOverdue`.
 *   Dossiers ended without a result (NOT_ACCEPTED, STOPPED) are not resolved.
 * - `rated_satisfied` / `rated_neutral` / `rated_dissatisfied` (migration 1765400000000, for the service
 *   quality index of Decision 766/QĐ-TTg, quality.service.ts): the applicant rated the dossier (event
 *   `kind = RATED`, once per dossier, never changed), on the Vietnam day of `dossier.rated_at`, the day
 *   dossierSatisfaction counts it on. Kept here rather than read from `dossier.rating` on the request path:
 *   the index is asked for a province over months, by desk and by unit through the merges, exactly what this
 *   table is keyed for, and a rating is one more event of the same transaction (recordRating → event).
 */
export const ROLLUP_COUNTERS = [
  'received',
  'received_via_bcci',
  'online',
  'at_desk',
  'digitised',
  'results_returned',
  'results_returned_via_bcci',
  'resolved_on_time',
  'resolved_late',
  'rated_satisfied',
  'rated_neutral',
  'rated_dissatisfied',
] as const;
/** The counters of the first migration (1765000000000), whose backfill runs before the rating columns exist. */
export const ROLLUP_COUNTERS_1765000000000 = ROLLUP_COUNTERS.slice(0, 9);
export type RollupCounter = (typeof ROLLUP_COUNTERS)[number];

/** The Vietnam day (UTC+7, no daylight saving) of a timestamptz column, as todayInVietnam counts it. */
export const vietnamDaySql = (column: string) => `((${column} AT TIME ZONE 'UTC') + interval '7 hours')::date`;

const KEY = 'province_id, desk_id, post_office_id, agency_id, day, channel';

/** Each counter's delta over the selected events (`e`) of their dossiers (`d`). */
const DELTA: Record<RollupCounter, string> = {
  received: `count(*) FILTER (WHERE e.to_status = 'RECEIVED')`,
  received_via_bcci: `count(*) FILTER (WHERE e.to_status = 'RECEIVED' AND d.channel IN ('AT_POST_OFFICE', 'ONLINE_WITH_POSTAL_PICKUP', 'HOME_APPOINTMENT'))`,
  online: `count(*) FILTER (WHERE e.to_status = 'RECEIVED' AND d.channel::text LIKE 'ONLINE%')`,
  at_desk: `count(*) FILTER (WHERE e.to_status = 'RECEIVED' AND d.channel = 'AT_DESK')`,
  digitised: `count(*) FILTER (WHERE e.to_status = 'RECEIVED'
                            AND EXISTS (SELECT 1 FROM dossier_component c WHERE c.dossier_id = d.id)
                            AND NOT EXISTS (SELECT 1 FROM dossier_component c WHERE c.dossier_id = d.id AND NOT c.digitised))`,
  results_returned: `count(*) FILTER (WHERE e.to_status = 'RESULT_RETURNED')`,
  results_returned_via_bcci: `count(*) FILTER (WHERE e.to_status = 'RESULT_RETURNED' AND d.result_delivery = 'BY_POST')`,
  resolved_on_time: `count(*) FILTER (WHERE e.to_status = 'RESULT_READY' AND d.result_ready_at <= d.due_at)`,
  resolved_late: `count(*) FILTER (WHERE e.to_status = 'RESULT_READY' AND NOT (d.result_ready_at <= d.due_at))`,
  rated_satisfied: `count(*) FILTER (WHERE e.kind = 'RATED' AND d.rating = 1)`,
  rated_neutral: `count(*) FILTER (WHERE e.kind = 'RATED' AND d.rating = 2)`,
  rated_dissatisfied: `count(*) FILTER (WHERE e.kind = 'RATED' AND d.rating = 3)`,
};

/**
 * The rollup's delta of the events that `where` selects (`e` the event, `d` its dossier), added to the
 * table: the events of one step in DossierService.event, all events in the migration's backfill, the
 * seeded dossiers' events in the demo seed. `counters`: the columns to fill (all but in the first
 * migration's backfill, which runs before the later columns exist).
 */
export const ROLLUP_DELTA_SQL = (where: string, counters: readonly RollupCounter[] = ROLLUP_COUNTERS) => `
  INSERT INTO dossier_daily_rollup AS r (${KEY}, ${counters.join(', ')})
  SELECT d.province_id, d.desk_id, d.post_office_id, d.agency_id, ${vietnamDaySql("CASE WHEN e.kind = 'RATED' THEN coalesce(d.rated_at, e.at) ELSE e.at END")}, d.channel,
         ${counters.map((c) => DELTA[c]).join(',\n         ')}
    FROM dossier_event e JOIN dossier d ON d.id = e.dossier_id
   WHERE (e.to_status IN ('RECEIVED', 'RESULT_READY', 'RESULT_RETURNED')${counters.includes('rated_satisfied') ? " OR e.kind = 'RATED'" : ''}) AND (${where})
   GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (${KEY}) DO UPDATE SET ${counters.map((c) => `${c} = r.${c} + EXCLUDED.${c}`).join(', ')}`;

/** Statuses whose entry moves a counter; any other event leaves the rollup alone without a query. */
const COUNTED = new Set(['RECEIVED', 'RESULT_READY', 'RESULT_RETURNED']);

@Injectable()
export class DossierRollup {
  /** Adds one recorded event's delta, in the caller's transaction (DossierService.event). */
  async dossierEvent(m: EntityManager, event: { id: string; kind: string; toStatus: string | null }): Promise<void> {
    if (event.kind !== 'RATED' && (!event.toStatus || !COUNTED.has(event.toStatus))) return;
    await m.query(ROLLUP_DELTA_SQL('e.id = $1'), [event.id]);
  }

}

/** Adds dossiers written in bulk outside DossierService (the demo seed), with all their events, in the caller's transaction. */
export async function addDossiersToRollup(m: EntityManager, dossierIds: readonly string[]): Promise<void> {
  if (dossierIds.length) await m.query(ROLLUP_DELTA_SQL('d.id = ANY($1::uuid[])'), [[...dossierIds]]);
}
