import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Portals' submissions (issue 12, second slice). A dossier remembers the API client that submitted it
 * (`submitted_by_client_id`): what the client may read back, and its changes polled by (updated_at, id).
 * A client's reference is unique among its dossiers (reading by it finds one). `portal_submission` keeps
 * each idempotency key of a client with the sha256 of the canonical input and the dossier answered, for
 * at least 24 hours (see PortalService.KEY_RETENTION_HOURS); the unique (client, key) makes concurrent
 * retries of one key wait for the first and answer its dossier.
 */
export class PortalSubmissions1764700000000 implements MigrationInterface {
  name = 'PortalSubmissions1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE dossier ADD COLUMN submitted_by_client_id uuid REFERENCES api_client (id);
      CREATE INDEX dossier_client_changes ON dossier (submitted_by_client_id, updated_at, id) WHERE submitted_by_client_id IS NOT NULL;
      CREATE UNIQUE INDEX dossier_client_reference ON dossier (submitted_by_client_id, portal_reference) WHERE submitted_by_client_id IS NOT NULL;
      CREATE TABLE portal_submission (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES api_client (id),
        idempotency_key text NOT NULL,
        request_sha256 char(64) NOT NULL,
        dossier_id uuid REFERENCES dossier (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT portal_submission_key UNIQUE (client_id, idempotency_key)
      );
      CREATE INDEX portal_submission_created ON portal_submission (created_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE portal_submission;
      DROP INDEX dossier_client_reference;
      DROP INDEX dossier_client_changes;
      ALTER TABLE dossier DROP COLUMN submitted_by_client_id;
    `);
  }
}
