import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API clients of third-party portals (issue 12, first slice): the credentials a portal exchanges for a
 * short-lived token. The secret is stored only as its argon2id hash; after a rotation the previous
 * hash stays valid for a grace period (24 hours from `rotated_at`); a revoked client (`revoked_at`)
 * gets no token and its tokens stop working. The limits are stored for the rate limiting to come.
 */
export class ApiClients1764600000000 implements MigrationInterface {
  name = 'ApiClients1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TYPE api_client_scope AS ENUM ('SUBMIT_DOSSIERS', 'READ_OWN_DOSSIERS', 'READ_CATALOGUE');
      CREATE TABLE api_client (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id text NOT NULL UNIQUE,
        name text NOT NULL,
        owner_organisation text NOT NULL,
        contact_name text NOT NULL,
        contact_email text NOT NULL,
        contact_phone text,
        province_ids uuid[] NOT NULL CHECK (cardinality(province_ids) >= 1),
        agency_ids uuid[] NOT NULL DEFAULT '{}',
        scopes api_client_scope[] NOT NULL CHECK (cardinality(scopes) >= 1),
        secret_hash text NOT NULL,
        previous_secret_hash text,
        rotated_at timestamptz,
        revoked_at timestamptz,
        last_used_at timestamptz,
        requests_per_hour integer NOT NULL CHECK (requests_per_hour > 0),
        cost_per_hour integer NOT NULL CHECK (cost_per_hour > 0),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX api_client_provinces ON api_client USING gin (province_ids);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE api_client; DROP TYPE api_client_scope;');
  }
}
