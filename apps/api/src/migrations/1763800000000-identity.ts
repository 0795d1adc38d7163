import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users with roles and a scope, sign-in sessions, sign-in throttling, and the province of audit entries. */
export class Identity1763800000000 implements MigrationInterface {
  name = 'Identity1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TYPE role AS ENUM ('STEERING_COMMITTEE', 'POST_OFFICE_MANAGER', 'COUNTER_CLERK', 'AGENCY_OFFICER', 'SYSTEM_ADMIN');

      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username varchar(64) NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
        display_name text NOT NULL CHECK (length(btrim(display_name)) > 0),
        password_hash text NOT NULL,
        roles role[] NOT NULL CHECK (cardinality(roles) > 0),
        -- The unit the user works for; null only for a national system administrator.
        scope_unit_id uuid REFERENCES administrative_unit (id),
        -- The province of that unit today (null = national): what every query is filtered by.
        province_id uuid REFERENCES administrative_unit (id),
        post_office_id uuid REFERENCES post_office (id),
        one_stop_desk_id uuid REFERENCES one_stop_desk (id),
        agency_id uuid REFERENCES agency (id),
        active boolean NOT NULL DEFAULT true,
        password_changed_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT app_user_username_key UNIQUE (username),
        CHECK (scope_unit_id IS NOT NULL OR roles = ARRAY['SYSTEM_ADMIN']::role[]),
        CHECK ((scope_unit_id IS NULL) = (province_id IS NULL))
      );
      CREATE INDEX app_user_province_idx ON app_user (province_id, username);

      CREATE TABLE user_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id),
        refresh_token_hash text NOT NULL CONSTRAINT user_session_refresh_key UNIQUE,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz NOT NULL DEFAULT now(),
        ip text,
        user_agent text
      );
      CREATE INDEX user_session_user_idx ON user_session (user_id);

      -- Failed sign-ins per key ("user:<name>", "ip:<address>") in a sliding window.
      CREATE TABLE sign_in_throttle (
        key text PRIMARY KEY,
        failures integer NOT NULL,
        window_started_at timestamptz NOT NULL,
        locked_until timestamptz
      );

      ALTER TABLE audit_entry ADD COLUMN province_id uuid;
      ALTER TABLE audit_entry ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
      CREATE INDEX audit_entry_province_idx ON audit_entry (province_id, seq);
      CREATE INDEX audit_entry_seq_idx ON audit_entry (seq);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX audit_entry_seq_idx;
      DROP INDEX audit_entry_province_idx;
      ALTER TABLE audit_entry DROP COLUMN seq;
      ALTER TABLE audit_entry DROP COLUMN province_id;
      DROP TABLE sign_in_throttle;
      DROP TABLE user_session;
      DROP TABLE app_user;
      DROP TYPE role;
    `);
  }
}
