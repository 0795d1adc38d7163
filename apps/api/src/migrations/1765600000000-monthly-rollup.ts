import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The counters of `dossier_daily_rollup` when this migration was written (frozen here: a later counter needs a migration of its own). */
const COUNTERS = [
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
];
const KEY = 'province_id, desk_id, post_office_id, agency_id, month, channel';

/** The daily rollup's rows (`source`, with `sign` +1 or -1 per row) added to `dossier_monthly_rollup`, by month. */
const addToMonthly = (source: string) => `
  INSERT INTO dossier_monthly_rollup AS r (${KEY}, ${COUNTERS.join(', ')})
  SELECT x.province_id, x.desk_id, x.post_office_id, x.agency_id, date_trunc('month', x.day)::date, x.channel,
         ${COUNTERS.map((c) => `sum(x.sign * x.${c})`).join(', ')}
    FROM (${source}) x
   GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (${KEY}) DO UPDATE SET ${COUNTERS.map((c) => `${c} = r.${c} + EXCLUDED.${c}`).join(', ')}`;

/** The place of a rollup row `x`: its desk's unit, else its post office's, its agency's, its province (report.service.ts). */
const PLACE = 'coalesce(kd.administrative_unit_id, po.administrative_unit_id, ag.administrative_unit_id, x.province_id)';
const PLACE_KEY = 'place_id, month, channel';

/** The same rows added to `dossier_place_rollup`, by place, month and channel. */
const addToPlaces = (source: string) => `
  INSERT INTO dossier_place_rollup AS r (${PLACE_KEY}, ${COUNTERS.join(', ')})
  SELECT ${PLACE}, date_trunc('month', x.day)::date, x.channel, ${COUNTERS.map((c) => `sum(x.sign * x.${c})`).join(', ')}
    FROM (${source}) x
    LEFT JOIN one_stop_desk kd ON kd.id = x.desk_id
    LEFT JOIN post_office po ON po.id = x.post_office_id
    LEFT JOIN agency ag ON ag.id = x.agency_id
   GROUP BY 1, 2, 3
  ON CONFLICT (${PLACE_KEY}) DO UPDATE SET ${COUNTERS.map((c) => `${c} = r.${c} + EXCLUDED.${c}`).join(', ')}`;

/**
 * Before placing new rows: share-lock their desks, post offices and agencies, so that a move of one of them
 * (osp_rollup_place_follows_move) either waits for this transaction and then re-places what it added, or
 * commits first and this statement's placing (a later statement: a fresh snapshot) reads the new unit.
 */
const LOCK_PLACES = `
  PERFORM 1 FROM one_stop_desk WHERE id IN (SELECT desk_id FROM new_rows) ORDER BY id FOR SHARE;
  PERFORM 1 FROM post_office WHERE id IN (SELECT post_office_id FROM new_rows) ORDER BY id FOR SHARE;
  PERFORM 1 FROM agency WHERE id IN (SELECT agency_id FROM new_rows) ORDER BY id FOR SHARE`;

/** Both rollups from one source of daily rows. */
const addToBoth = (source: string) => `${addToMonthly(source)};
${addToPlaces(source)}`;

/**
 * The monthly rollup (issue 13, "Speed at scale"): `dossier_daily_rollup` hardly aggregates at a national
 * scale (one row per province, desk, post office, agency, day and channel: with 19,000 desks, about as many
 * rows as events: 1,515,971 rows for 1,000,000 generated dossiers), and every report summed all its days'
 * rows. `dossier_monthly_rollup` holds the same counters under the same key by calendar month (428,405 rows
 * for those dossiers), so a report reads its whole months there and only the days of a month it covers in
 * part from the daily table (report.service.ts, rollupRanges). Same key, so a report locates both kinds of
 * row alike, at read time: a desk, post office or agency moved to another unit takes its past dossiers
 * along in both.
 *
 * The daily table stays the one the product writes (ROLLUP_DELTA_SQL, in each dossier change's
 * transaction); statement-level triggers with transition tables carry each statement's inserted, updated or
 * deleted daily rows into the monthly one, in the same statement and transaction, whoever wrote them.
 * Backfilled here from the daily rows already there. `dossier_daily_rollup_day` serves the part months.
 *
 * `dossier_place_rollup` is coarser still, for the reports that need neither desk nor post office (the
 * country by province, a province by unit, the chart's periods, targets): the same counters per place (the
 * unit a row is located in, at the time of writing), month and channel (43,538 places × months for those
 * 1,000,000 dossiers, before channels). Its place is kept current: the same triggers place new rows (having
 * share-locked their desks, post offices and agencies, so a concurrent move cannot slip between), and a
 * desk, post office or agency moved to another unit moves its months from the old place to the new one
 * (osp_rollup_place_follows_move, from the monthly rollup's rows of that desk, of that post office without
 * a desk, of that agency without either) in the move's transaction. Units merging need nothing: places
 * roll up through osp_unit_as_of when read.
 */
export class MonthlyRollup1765600000000 implements MigrationInterface {
  name = 'MonthlyRollup1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dossier_monthly_rollup (
        province_id uuid NOT NULL,
        desk_id uuid,
        post_office_id uuid,
        agency_id uuid,
        month date NOT NULL,
        channel dossier_channel NOT NULL,
        ${COUNTERS.map((c) => `${c} integer NOT NULL DEFAULT 0`).join(',\n        ')},
        CONSTRAINT dossier_monthly_rollup_key UNIQUE NULLS NOT DISTINCT (${KEY})
      );
      CREATE INDEX dossier_daily_rollup_day ON dossier_daily_rollup (day);
      CREATE TABLE dossier_place_rollup (
        place_id uuid NOT NULL,
        month date NOT NULL,
        channel dossier_channel NOT NULL,
        ${COUNTERS.map((c) => `${c} integer NOT NULL DEFAULT 0`).join(',\n        ')},
        PRIMARY KEY (${PLACE_KEY})
      );

      CREATE FUNCTION osp_dossier_monthly_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${LOCK_PLACES};
          ${addToBoth('SELECT n.*, 1 AS sign FROM new_rows n')};
        ELSIF TG_OP = 'UPDATE' THEN
          ${LOCK_PLACES};
          ${addToBoth('SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 FROM old_rows o')};
        ELSE
          ${addToBoth('SELECT o.*, -1 AS sign FROM old_rows o')};
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER dossier_daily_rollup_monthly_insert AFTER INSERT ON dossier_daily_rollup
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION osp_dossier_monthly_rollup();
      CREATE TRIGGER dossier_daily_rollup_monthly_update AFTER UPDATE ON dossier_daily_rollup
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION osp_dossier_monthly_rollup();
      CREATE TRIGGER dossier_daily_rollup_monthly_delete AFTER DELETE ON dossier_daily_rollup
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION osp_dossier_monthly_rollup();

      CREATE FUNCTION osp_rollup_place_follows_move() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO dossier_place_rollup AS r (${PLACE_KEY}, ${COUNTERS.join(', ')})
        SELECT x.place, m.month, m.channel, ${COUNTERS.map((c) => `sum(x.sign * m.${c})`).join(', ')}
          FROM dossier_monthly_rollup m
          CROSS JOIN (VALUES (OLD.administrative_unit_id, -1), (NEW.administrative_unit_id, 1)) AS x (place, sign)
         WHERE CASE TG_TABLE_NAME
                 WHEN 'one_stop_desk' THEN m.desk_id = NEW.id
                 WHEN 'post_office' THEN m.desk_id IS NULL AND m.post_office_id = NEW.id
                 ELSE m.desk_id IS NULL AND m.post_office_id IS NULL AND m.agency_id = NEW.id
               END
         GROUP BY 1, 2, 3
        ON CONFLICT (${PLACE_KEY}) DO UPDATE SET ${COUNTERS.map((c) => `${c} = r.${c} + EXCLUDED.${c}`).join(', ')};
        RETURN NULL;
      END $$;
      CREATE TRIGGER one_stop_desk_rollup_place AFTER UPDATE OF administrative_unit_id ON one_stop_desk
        FOR EACH ROW WHEN (OLD.administrative_unit_id IS DISTINCT FROM NEW.administrative_unit_id) EXECUTE FUNCTION osp_rollup_place_follows_move();
      CREATE TRIGGER post_office_rollup_place AFTER UPDATE OF administrative_unit_id ON post_office
        FOR EACH ROW WHEN (OLD.administrative_unit_id IS DISTINCT FROM NEW.administrative_unit_id) EXECUTE FUNCTION osp_rollup_place_follows_move();
      CREATE TRIGGER agency_rollup_place AFTER UPDATE OF administrative_unit_id ON agency
        FOR EACH ROW WHEN (OLD.administrative_unit_id IS DISTINCT FROM NEW.administrative_unit_id) EXECUTE FUNCTION osp_rollup_place_follows_move();
    `);
    await q.query(addToBoth('SELECT d.*, 1 AS sign FROM dossier_daily_rollup d'));
    // The planner's statistics of the backfilled tables at once, not when autovacuum comes round.
    await q.query('ANALYZE dossier_monthly_rollup; ANALYZE dossier_place_rollup');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER dossier_daily_rollup_monthly_insert ON dossier_daily_rollup;
      DROP TRIGGER dossier_daily_rollup_monthly_update ON dossier_daily_rollup;
      DROP TRIGGER dossier_daily_rollup_monthly_delete ON dossier_daily_rollup;
      DROP TRIGGER one_stop_desk_rollup_place ON one_stop_desk;
      DROP TRIGGER post_office_rollup_place ON post_office;
      DROP TRIGGER agency_rollup_place ON agency;
      DROP FUNCTION osp_rollup_place_follows_move();
      DROP FUNCTION osp_dossier_monthly_rollup();
      DROP TABLE dossier_place_rollup;
      DROP INDEX dossier_daily_rollup_day;
      DROP TABLE dossier_monthly_rollup;
    `);
  }
}
