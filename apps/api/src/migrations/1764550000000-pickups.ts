import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pickup appointments (issue 11): an online dossier whose applicant chose postal pickup waits in the
 * receiving post office's queue until a postman has collected the paper dossier: the address to call
 * at, the agreed window, the postman, the outcome (picked up / not at home / cancelled) and the
 * attempts, rescheduled as often as needed.
 */
export class Pickups1764550000000 implements MigrationInterface {
  name = 'Pickups1764550000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TYPE pickup_status AS ENUM ('TO_CALL', 'SCHEDULED', 'PICKED_UP', 'CANCELLED');
      CREATE TABLE pickup_appointment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dossier_id uuid NOT NULL UNIQUE REFERENCES dossier (id) ON DELETE CASCADE,
        post_office_id uuid NOT NULL REFERENCES post_office (id),
        province_id uuid NOT NULL REFERENCES administrative_unit (id),
        address text NOT NULL,
        status pickup_status NOT NULL DEFAULT 'TO_CALL',
        window_from timestamptz,
        window_to timestamptz,
        postman_id uuid REFERENCES staff (id),
        attempts integer NOT NULL DEFAULT 0,
        last_outcome_note text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((window_from IS NULL) = (window_to IS NULL) AND (window_to IS NULL OR window_to > window_from))
      );
      CREATE INDEX pickup_queue ON pickup_appointment (post_office_id, status, window_from);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE pickup_appointment; DROP TYPE pickup_status;');
  }
}
