import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Aggregate submissions (issue 13): period totals of units that keep their dossiers elsewhere, with
 * their source (modules/reports/aggregate-figure.service.ts). The reporting unit is kept as recorded;
 * `province_id` is the province it rolls up to today (follows reorganisations).
 */
export class AggregateFigures1765100000000 implements MigrationInterface {
  name = 'AggregateFigures1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE aggregate_figure (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        province_id uuid NOT NULL REFERENCES administrative_unit (id),
        administrative_unit_id uuid NOT NULL REFERENCES administrative_unit (id),
        desk_id uuid REFERENCES one_stop_desk (id),
        period_start date NOT NULL,
        period_end date NOT NULL,
        received_via_bcci integer CHECK (received_via_bcci >= 0),
        results_returned_via_bcci integer CHECK (results_returned_via_bcci >= 0),
        received_and_returned_via_bcci integer CHECK (received_and_returned_via_bcci >= 0),
        total_via_bcci integer CHECK (total_via_bcci >= 0),
        online integer CHECK (online >= 0),
        at_desk integer CHECK (at_desk >= 0),
        source text NOT NULL CHECK (length(btrim(source)) > 0),
        note text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT aggregate_figure_period CHECK (period_start <= period_end),
        CONSTRAINT aggregate_figure_some_figure CHECK (num_nonnulls(received_via_bcci, results_returned_via_bcci, received_and_returned_via_bcci, total_via_bcci, online, at_desk) > 0)
      );
      CREATE INDEX aggregate_figure_province_period ON aggregate_figure (province_id, period_start, id);
      CREATE INDEX aggregate_figure_unit ON aggregate_figure (administrative_unit_id);
      CREATE INDEX aggregate_figure_desk ON aggregate_figure (desk_id) WHERE desk_id IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE aggregate_figure;');
  }
}
