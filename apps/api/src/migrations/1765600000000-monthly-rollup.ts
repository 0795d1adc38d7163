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

      CREATE FUNCTION osp_dossier_monthly_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${addToMonthly('SELECT n.*, 1 AS sign FROM new_rows n')};
        ELSIF TG_OP = 'UPDATE' THEN
          ${addToMonthly('SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 FROM old_rows o')};
        ELSE
          ${addToMonthly('SELECT o.*, -1 AS sign FROM old_rows o')};
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER dossier_daily_rollup_monthly_insert AFTER INSERT ON dossier_daily_rollup
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION osp_dossier_monthly_rollup();
      CREATE TRIGGER dossier_daily_rollup_monthly_update AFTER UPDATE ON dossier_daily_rollup
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION osp_dossier_monthly_rollup();
      CREATE TRIGGER dossier_daily_rollup_monthly_delete AFTER DELETE ON dossier_daily_rollup
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION osp_dossier_monthly_rollup();
    `);
    await q.query(addToMonthly('SELECT d.*, 1 AS sign FROM dossier_daily_rollup d'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER dossier_daily_rollup_monthly_insert ON dossier_daily_rollup;
      DROP TRIGGER dossier_daily_rollup_monthly_update ON dossier_daily_rollup;
      DROP TRIGGER dossier_daily_rollup_monthly_delete ON dossier_daily_rollup;
      DROP FUNCTION osp_dossier_monthly_rollup();
      DROP INDEX dossier_daily_rollup_day;
      DROP TABLE dossier_monthly_rollup;
    `);
  }
}
