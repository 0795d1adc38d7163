import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The procedure catalogue (issue 11): each province publishes its list of administrative procedures
 * (thủ tục hành chính) with the national catalogue code, the field, the level and agency that decide
 * it, the fees, the legal processing time and whether it can go through the post office (BCCI), and
 * the components (giấy tờ) of its dossier. Agencies and desks get their identifier code in the
 * national electronic-document scheme (Circular 10/2016/TT-BTTTT), the prefix of every dossier code
 * they receive (Circular 01/2018/TT-VPCP, Article 19).
 */
export class Procedures1764400000000 implements MigrationInterface {
  name = 'Procedures1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE agency ADD COLUMN identifier_code varchar(24);
      ALTER TABLE one_stop_desk ADD COLUMN identifier_code varchar(24);
      CREATE UNIQUE INDEX agency_identifier_code ON agency (identifier_code) WHERE identifier_code IS NOT NULL;
      CREATE UNIQUE INDEX one_stop_desk_identifier_code ON one_stop_desk (identifier_code) WHERE identifier_code IS NOT NULL;

      CREATE TYPE procedure_level AS ENUM ('PROVINCE', 'DISTRICT', 'COMMUNE');
      CREATE TYPE procedure_online_level AS ENUM ('NONE', 'PARTIAL', 'FULL');
      CREATE TYPE procedure_bcci_mode AS ENUM ('RECEIVE_AND_RETURN', 'RETURN_ONLY', 'NOT_ELIGIBLE');
      CREATE TYPE processing_time_unit AS ENUM ('WORKING_DAYS', 'WORKING_HOURS');
      CREATE TABLE procedure (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        province_id uuid NOT NULL REFERENCES administrative_unit (id),
        code varchar(32) NOT NULL,
        name text NOT NULL,
        field_id uuid NOT NULL REFERENCES procedure_field (id),
        level procedure_level NOT NULL,
        agency_id uuid REFERENCES agency (id),
        procedure_fee bigint NOT NULL DEFAULT 0 CHECK (procedure_fee >= 0),
        postal_fee bigint NOT NULL DEFAULT 0 CHECK (postal_fee >= 0),
        processing_time integer NOT NULL CHECK (processing_time BETWEEN 1 AND 365),
        processing_unit processing_time_unit NOT NULL DEFAULT 'WORKING_DAYS',
        online_level procedure_online_level NOT NULL DEFAULT 'NONE',
        bcci_mode procedure_bcci_mode NOT NULL,
        legal_basis text,
        retired_on date,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT procedure_code_per_province UNIQUE (province_id, code)
      );
      CREATE INDEX procedure_province_sort ON procedure (province_id, public.osp_sort_key(name), id);
      CREATE INDEX procedure_field_idx ON procedure (field_id);
      CREATE TABLE procedure_component (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        procedure_id uuid NOT NULL REFERENCES procedure (id) ON DELETE CASCADE,
        position integer NOT NULL,
        name text NOT NULL,
        originals integer NOT NULL DEFAULT 0 CHECK (originals BETWEEN 0 AND 99),
        copies integer NOT NULL DEFAULT 0 CHECK (copies BETWEEN 0 AND 99),
        required boolean NOT NULL DEFAULT true,
        CONSTRAINT procedure_component_position UNIQUE (procedure_id, position)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE procedure_component; DROP TABLE procedure;
      DROP TYPE processing_time_unit; DROP TYPE procedure_bcci_mode; DROP TYPE procedure_online_level; DROP TYPE procedure_level;
      DROP INDEX one_stop_desk_identifier_code; DROP INDEX agency_identifier_code;
      ALTER TABLE one_stop_desk DROP COLUMN identifier_code; ALTER TABLE agency DROP COLUMN identifier_code;
    `);
  }
}
