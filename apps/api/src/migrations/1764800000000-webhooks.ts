import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks of portals' API clients (issue 12). `webhook_endpoint`: a client's receiver, with its
 * signing secret encrypted (AES-256-GCM, see modules/webhooks/webhook-secrets.ts: the server must read
 * it back to sign). `webhook_delivery`: the outbox, one row per event and active endpoint, written in
 * the transaction of the dossier's change; its `seq` orders a dossier's events to an endpoint, its
 * lease (`lease_until`, `lease_token`) lets one worker send it at a time without holding a row lock
 * during the HTTP call. `webhook_attempt`: each attempt, for the delivery log. Deleting an endpoint
 * deletes its deliveries and their log (deactivate it to keep them).
 */
export class Webhooks1764800000000 implements MigrationInterface {
  name = 'Webhooks1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TYPE webhook_event_type AS ENUM ('DOSSIER_STATUS_CHANGED', 'DOSSIER_POSTAL_EVENT');
      CREATE TYPE webhook_delivery_status AS ENUM ('PENDING', 'RETRYING', 'DELIVERED', 'FAILED');
      CREATE TYPE webhook_attempt_trigger AS ENUM ('SCHEDULED', 'REPLAY');
      CREATE TABLE webhook_endpoint (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES api_client (id),
        url text NOT NULL,
        description text,
        active boolean NOT NULL DEFAULT true,
        secret_ciphertext text NOT NULL,
        previous_secret_ciphertext text,
        secret_rotated_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX webhook_endpoint_client ON webhook_endpoint (client_id, created_at);
      CREATE TABLE webhook_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigserial NOT NULL UNIQUE,
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
        client_id uuid NOT NULL REFERENCES api_client (id),
        dossier_id uuid NOT NULL REFERENCES dossier (id),
        dossier_code text NOT NULL,
        event_type webhook_event_type NOT NULL,
        message_id text NOT NULL UNIQUE,
        payload text NOT NULL,
        status webhook_delivery_status NOT NULL DEFAULT 'PENDING',
        attempt_count int NOT NULL DEFAULT 0,
        scheduled_attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        replay_pending boolean NOT NULL DEFAULT false,
        lease_until timestamptz,
        lease_token uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz
      );
      CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at, seq) WHERE status IN ('PENDING', 'RETRYING');
      CREATE INDEX webhook_delivery_order ON webhook_delivery (endpoint_id, dossier_id, seq) WHERE status IN ('PENDING', 'RETRYING');
      CREATE INDEX webhook_delivery_client ON webhook_delivery (client_id, seq);
      CREATE INDEX webhook_delivery_endpoint ON webhook_delivery (endpoint_id, seq);
      CREATE TABLE webhook_attempt (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        delivery_id uuid NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
        number int NOT NULL,
        at timestamptz NOT NULL,
        trigger webhook_attempt_trigger NOT NULL,
        http_status int,
        duration_ms int NOT NULL,
        error text,
        response_snippet text,
        CONSTRAINT webhook_attempt_number UNIQUE (delivery_id, number)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE webhook_attempt;
      DROP TABLE webhook_delivery;
      DROP TABLE webhook_endpoint;
      DROP TYPE webhook_attempt_trigger;
      DROP TYPE webhook_delivery_status;
      DROP TYPE webhook_event_type;
    `);
  }
}
