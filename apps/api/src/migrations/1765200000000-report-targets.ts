import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Targets (chỉ tiêu, issue 13): a share of received dossiers (online, via BCCI) a province assigns one of
 * its units for a period (modules/reports/report-target.service.ts). One target per unit, metric and period.
 */
export class ReportTargets1765200000000 implements MigrationInterface {
  name = 'ReportTargets1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TYPE target_metric AS ENUM ('ONLINE_SHARE', 'BCCI_SHARE');
      CREATE TABLE report_target (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        province_id uuid NOT NULL REFERENCES administrative_unit (id),
        administrative_unit_id uuid NOT NULL REFERENCES administrative_unit (id),
        metric target_metric NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL,
        target_percent numeric(4,1) NOT NULL CHECK (target_percent > 0 AND target_percent <= 100),
        basis text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT report_target_period CHECK (period_start <= period_end),
        CONSTRAINT report_target_once UNIQUE (administrative_unit_id, metric, period_start, period_end)
      );
      CREATE INDEX report_target_province_period ON report_target (province_id, period_start, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE report_target; DROP TYPE target_metric;');
  }
}
