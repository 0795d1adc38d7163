import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ROLLUP_DELTA_SQL } from '../modules/reports/dossier-rollup.service';

/**
 * The applicants' ratings in the dossier rollup (issue 13, the service-quality index of Decision
 * 766/QĐ-TTg): `rated_satisfied`, `rated_neutral`, `rated_dissatisfied` per province, desk, post office,
 * agency, Vietnam day of the rating and channel (modules/reports/dossier-rollup.service.ts), kept in the
 * rating's transaction from now on and backfilled here from the RATED events already recorded (their
 * other counters are zero: a RATED event changes no status).
 */
export class RollupRatings1765400000000 implements MigrationInterface {
  name = 'RollupRatings1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE dossier_daily_rollup
        ADD COLUMN rated_satisfied integer NOT NULL DEFAULT 0,
        ADD COLUMN rated_neutral integer NOT NULL DEFAULT 0,
        ADD COLUMN rated_dissatisfied integer NOT NULL DEFAULT 0
    `);
    await q.query(ROLLUP_DELTA_SQL(`e.kind = 'RATED'`));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dossier_daily_rollup DROP COLUMN rated_satisfied, DROP COLUMN rated_neutral, DROP COLUMN rated_dissatisfied`);
  }
}
