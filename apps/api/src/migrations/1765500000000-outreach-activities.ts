import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outreach (tuyên truyền, issue 13): what a unit did over a period to make the service known, with its
 * source (modules/reports/outreach-activity.service.ts). The unit is kept as recorded; `province_id` is
 * the province it rolls up to today (follows reorganisations).
 */
export class OutreachActivities1765500000000 implements MigrationInterface {
  name = 'OutreachActivities1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TYPE outreach_kind AS ENUM ('REPORTAGE', 'HANDBOOK', 'LEAFLET', 'BROADCAST', 'SOCIAL_GROUP', 'CONFERENCE_OR_CLASS', 'OTHER');
      CREATE TABLE outreach_activity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        province_id uuid NOT NULL REFERENCES administrative_unit (id),
        administrative_unit_id uuid NOT NULL REFERENCES administrative_unit (id),
        period_start date NOT NULL,
        period_end date NOT NULL,
        kind outreach_kind NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        people_reached integer CHECK (people_reached >= 0),
        source text NOT NULL CHECK (length(btrim(source)) > 0),
        note text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT outreach_activity_period CHECK (period_start <= period_end)
      );
      CREATE INDEX outreach_activity_province_period ON outreach_activity (province_id, period_start, id);
      CREATE INDEX outreach_activity_unit ON outreach_activity (administrative_unit_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE outreach_activity; DROP TYPE outreach_kind;');
  }
}
