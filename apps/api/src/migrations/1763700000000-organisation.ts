import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The organisation of a province: administrative units (effective-dated, with successors across a
 * reorganisation), agencies, one-stop desks and the postal network; the audit trail; app metadata.
 */
export class Organisation1763700000000 implements MigrationInterface {
  name = 'Organisation1763700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE EXTENSION IF NOT EXISTS pgcrypto;
      CREATE EXTENSION IF NOT EXISTS unaccent;
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      CREATE EXTENSION IF NOT EXISTS ltree;
      CREATE EXTENSION IF NOT EXISTS btree_gist;

      -- Case- and diacritic-insensitive form of a name: "Kỳ Bắc" -> "ky bac". unaccent() itself is
      -- only STABLE; naming the dictionary makes this wrapper safe to index.
      CREATE FUNCTION osp_fold(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

      CREATE TABLE app_meta (
        key text PRIMARY KEY,
        value jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TYPE administrative_level AS ENUM ('PROVINCE', 'DISTRICT', 'COMMUNE');

      CREATE TABLE administrative_unit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(16) NOT NULL CHECK (code ~ '^[0-9]{2,8}$'),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        level administrative_level NOT NULL,
        parent_id uuid REFERENCES administrative_unit (id),
        path ltree NOT NULL,
        valid_from date NOT NULL,
        valid_to date,
        successor_id uuid REFERENCES administrative_unit (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (valid_to IS NULL OR valid_to >= valid_from),
        CHECK (successor_id IS NULL OR valid_to IS NOT NULL),
        CHECK (successor_id IS DISTINCT FROM id),
        CHECK ((level = 'PROVINCE') = (parent_id IS NULL)),
        -- Official codes are reused: a 2025 commune takes the code of one it replaced. A row is one
        -- version of a unit; versions of a code never overlap in time.
        CONSTRAINT administrative_unit_code_from_key UNIQUE (code, valid_from),
        CONSTRAINT administrative_unit_code_versions_excl
          EXCLUDE USING gist (code WITH =, daterange(valid_from, valid_to, '[]') WITH &&)
      );
      CREATE INDEX administrative_unit_path_idx ON administrative_unit USING gist (path);
      CREATE INDEX administrative_unit_parent_idx ON administrative_unit (parent_id);
      CREATE INDEX administrative_unit_level_idx ON administrative_unit (level, code);
      CREATE INDEX administrative_unit_successor_idx ON administrative_unit (successor_id);
      CREATE INDEX administrative_unit_name_fold_idx ON administrative_unit USING gin (osp_fold(name) gin_trgm_ops);

      -- The unit in force on a day that a unit rolls up to: itself while in force, else its successor's
      -- successor ... (a commune merged in 2025 rolls up to the new commune; an abolished district to
      -- its province).
      CREATE FUNCTION osp_unit_as_of(unit uuid, day date) RETURNS uuid
        LANGUAGE sql STABLE PARALLEL SAFE
        AS $$
          WITH RECURSIVE chain AS (
            SELECT id, successor_id, valid_to, 0 AS depth FROM administrative_unit WHERE id = unit
            UNION ALL
            SELECT u.id, u.successor_id, u.valid_to, c.depth + 1
              FROM chain c JOIN administrative_unit u ON u.id = c.successor_id
             WHERE c.valid_to < day AND c.depth < 32
          )
          SELECT id FROM chain ORDER BY depth DESC LIMIT 1
        $$;

      -- The province a unit belongs to: the root of its chain of parents.
      CREATE FUNCTION osp_province_of(unit uuid) RETURNS uuid
        LANGUAGE sql STABLE PARALLEL SAFE
        AS $$
          WITH RECURSIVE up AS (
            SELECT id, parent_id, 0 AS depth FROM administrative_unit WHERE id = unit
            UNION ALL
            SELECT p.id, p.parent_id, up.depth + 1 FROM up JOIN administrative_unit p ON p.id = up.parent_id WHERE up.depth < 8
          )
          SELECT id FROM up WHERE parent_id IS NULL
        $$;

      CREATE TYPE agency_kind AS ENUM (
        'PROVINCIAL_DEPARTMENT', 'PUBLIC_ADMINISTRATION_CENTRE', 'DISTRICT_PEOPLES_COMMITTEE', 'COMMUNE_PEOPLES_COMMITTEE'
      );
      CREATE TYPE post_office_kind AS ENUM ('PROVINCIAL', 'DISTRICT', 'POST_OFFICE', 'COMMUNE_CULTURAL');

      CREATE TABLE agency (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(32) NOT NULL CONSTRAINT agency_code_key UNIQUE,
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        kind agency_kind NOT NULL,
        administrative_unit_id uuid NOT NULL REFERENCES administrative_unit (id),
        province_id uuid NOT NULL REFERENCES administrative_unit (id),
        retired_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX agency_unit_idx ON agency (administrative_unit_id);
      CREATE INDEX agency_province_idx ON agency (province_id, name);
      CREATE INDEX agency_name_fold_idx ON agency USING gin (osp_fold(name) gin_trgm_ops);

      CREATE TABLE one_stop_desk (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(32) NOT NULL CONSTRAINT one_stop_desk_code_key UNIQUE,
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        level administrative_level NOT NULL,
        agency_id uuid NOT NULL REFERENCES agency (id),
        administrative_unit_id uuid NOT NULL REFERENCES administrative_unit (id),
        province_id uuid NOT NULL REFERENCES administrative_unit (id),
        address text,
        retired_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX one_stop_desk_agency_idx ON one_stop_desk (agency_id);
      CREATE INDEX one_stop_desk_unit_idx ON one_stop_desk (administrative_unit_id);
      CREATE INDEX one_stop_desk_province_idx ON one_stop_desk (province_id, level, name);
      CREATE INDEX one_stop_desk_name_fold_idx ON one_stop_desk USING gin (osp_fold(name) gin_trgm_ops);

      CREATE TABLE post_office (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(32) NOT NULL CONSTRAINT post_office_code_key UNIQUE,
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        kind post_office_kind NOT NULL,
        parent_id uuid REFERENCES post_office (id),
        administrative_unit_id uuid NOT NULL REFERENCES administrative_unit (id),
        province_id uuid NOT NULL REFERENCES administrative_unit (id),
        address text,
        retired_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (parent_id IS DISTINCT FROM id)
      );
      CREATE INDEX post_office_parent_idx ON post_office (parent_id);
      CREATE INDEX post_office_unit_idx ON post_office (administrative_unit_id);
      CREATE INDEX post_office_province_idx ON post_office (province_id, kind, name);
      CREATE INDEX post_office_name_fold_idx ON post_office USING gin (osp_fold(name) gin_trgm_ops);

      CREATE TABLE audit_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        occurred_at timestamptz NOT NULL DEFAULT now(),
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id uuid NOT NULL,
        actor_kind text NOT NULL,
        actor_id uuid,
        actor_label text NOT NULL,
        before jsonb,
        after jsonb,
        request_id text,
        ip text
      );
      CREATE INDEX audit_entry_entity_idx ON audit_entry (entity_type, entity_id, occurred_at);
      CREATE INDEX audit_entry_actor_idx ON audit_entry (actor_id, occurred_at);

      CREATE FUNCTION osp_audit_append_only() RETURNS trigger
        LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_entry is append-only'; END $$;
      CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
        FOR EACH ROW EXECUTE FUNCTION osp_audit_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE audit_entry;
      DROP FUNCTION osp_audit_append_only();
      DROP TABLE post_office;
      DROP TABLE one_stop_desk;
      DROP TABLE agency;
      DROP TYPE post_office_kind;
      DROP TYPE agency_kind;
      DROP FUNCTION osp_province_of(uuid);
      DROP FUNCTION osp_unit_as_of(uuid, date);
      DROP TABLE administrative_unit;
      DROP TYPE administrative_level;
      DROP TABLE app_meta;
      DROP FUNCTION osp_fold(text);
    `);
  }
}
