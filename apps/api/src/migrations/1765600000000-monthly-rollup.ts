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
const KEY = 'place_id, month, desk_id, post_office_id, channel';

/**
 * The daily rollup's rows (`source`, with `sign` +1 or -1 per row) added to `dossier_monthly_rollup`: the
 * place of each row (its desk's unit, else its post office's, its agency's, its province: the rule of
 * report.service.ts), its desk, its post office, its month and its channel.
 */
const addToMonthly = (source: string) => `
  INSERT INTO dossier_monthly_rollup AS r (${KEY}, ${COUNTERS.join(', ')})
  SELECT coalesce(kd.administrative_unit_id, po.administrative_unit_id, ag.administrative_unit_id, x.province_id),
         date_trunc('month', x.day)::date, x.desk_id, x.post_office_id, x.channel,
         ${COUNTERS.map((c) => `sum(x.sign * x.${c})`).join(', ')}
    FROM (${source}) x
    LEFT JOIN one_stop_desk kd ON kd.id = x.desk_id
    LEFT JOIN post_office po ON po.id = x.post_office_id
    LEFT JOIN agency ag ON ag.id = x.agency_id
   GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (${KEY}) DO UPDATE SET ${COUNTERS.map((c) => `${c} = r.${c} + EXCLUDED.${c}`).join(', ')}`;

/**
 * The monthly rollup (issue 13, "Speed at scale"): `dossier_daily_rollup` hardly aggregates at a national
 * scale (one row per province, desk, post office, agency, day and channel: with 19,000 desks, about as many
 * rows as events), and every report summed all its days' rows of the whole country before keeping its
 * unit's. `dossier_monthly_rollup` holds the same counters per place (the administrative unit a figure is
 * located in), desk, post office, calendar month and channel, so a report reads its whole months there, by
 * place, and only the days of a month it covers in part from the daily table (report.service.ts).
 *
 * The daily table stays the one the product writes (ROLLUP_DELTA_SQL, in each dossier change's
 * transaction); statement-level triggers with transition tables carry each statement's inserted, updated or
 * deleted daily rows into the monthly one, in the same statement and transaction, whoever wrote them.
 * The place is read once, when the row is added: desks, post offices and agencies never change their
 * administrative unit (no mutation does; mergers are followed by osp_unit_as_of at read time).
 * Backfilled here from the daily rows already there. `dossier_daily_rollup_day` serves the part months.
 */
export class MonthlyRollup1765600000000 implements MigrationInterface {
  name = 'MonthlyRollup1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dossier_monthly_rollup (
        place_id uuid NOT NULL,
        month date NOT NULL,
        desk_id uuid,
        post_office_id uuid,
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
