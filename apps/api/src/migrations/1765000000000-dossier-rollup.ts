import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ROLLUP_COUNTERS_1765000000000, ROLLUP_DELTA_SQL } from '../modules/reports/dossier-rollup.service';

/**
 * Dossier rollups (issue 13): `dossier_daily_rollup`, one row per province, desk, post office, agency,
 * Vietnam day and channel with the reports' counters (modules/reports/dossier-rollup.service.ts says what
 * each counts), kept up to date in each dossier change's transaction; backfilled here from the dossiers
 * and events already recorded, in one INSERT … SELECT … GROUP BY. Keys may be null (figures without a
 * desk, post office or agency): NULLS NOT DISTINCT keeps one row per key all the same (PostgreSQL 15+).
 */
export class DossierRollup1765000000000 implements MigrationInterface {
  name = 'DossierRollup1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dossier_daily_rollup (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        province_id uuid NOT NULL,
        desk_id uuid,
        post_office_id uuid,
        agency_id uuid,
        day date NOT NULL,
        channel dossier_channel NOT NULL,
        received integer NOT NULL DEFAULT 0,
        received_via_bcci integer NOT NULL DEFAULT 0,
        online integer NOT NULL DEFAULT 0,
        at_desk integer NOT NULL DEFAULT 0,
        digitised integer NOT NULL DEFAULT 0,
        results_returned integer NOT NULL DEFAULT 0,
        results_returned_via_bcci integer NOT NULL DEFAULT 0,
        resolved_on_time integer NOT NULL DEFAULT 0,
        resolved_late integer NOT NULL DEFAULT 0,
        CONSTRAINT dossier_daily_rollup_key UNIQUE NULLS NOT DISTINCT (province_id, desk_id, post_office_id, agency_id, day, channel)
      );
      CREATE INDEX dossier_daily_rollup_province_day ON dossier_daily_rollup (province_id, day);
    `);
    await q.query(ROLLUP_DELTA_SQL('true', ROLLUP_COUNTERS_1765000000000));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dossier_daily_rollup`);
  }
}
