import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Report imports (issue 13, "Import and export"): `import_job`, one upload of another one-stop system's
 * export (dossiers or aggregate figures, CSV or XLSX) and its live progress; `import_staging_row`, the
 * file's rows as text, written by COPY (PostgreSQL) or batched INSERT (the embedded database) before
 * the job validates them; `import_rejection`, the rows the job refused (row, column, reason). A file is
 * imported once per province and kind (`import_job_file_key` on its SHA-256). modules/reports/imports
 * says how it runs.
 */
export class ReportImports1765300000000 implements MigrationInterface {
  name = 'ReportImports1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TYPE import_kind AS ENUM ('DOSSIERS', 'AGGREGATE_FIGURES');
      CREATE TYPE import_status AS ENUM ('UPLOADING', 'QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');
      CREATE TABLE import_job (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        province_id uuid NOT NULL REFERENCES administrative_unit (id),
        kind import_kind NOT NULL,
        status import_status NOT NULL,
        file_name text NOT NULL,
        format varchar(4) NOT NULL CHECK (format IN ('CSV', 'XLSX')),
        size_bytes bigint NOT NULL DEFAULT 0,
        sha256 char(64),
        total_rows integer NOT NULL DEFAULT 0,
        processed_rows integer NOT NULL DEFAULT 0,
        accepted_rows integer NOT NULL DEFAULT 0,
        rejected_rows integer NOT NULL DEFAULT 0,
        skipped_rows integer NOT NULL DEFAULT 0,
        -- The checkpoint: the last staged row whose batch committed; a resumed job goes on after it.
        last_row_no integer NOT NULL DEFAULT 0,
        -- Who runs it and until when (renewed with each batch); a lapsed lease is taken over.
        lease_until timestamptz,
        error text,
        created_by_id uuid REFERENCES app_user (id),
        created_by_label text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT import_job_file_key UNIQUE (province_id, kind, sha256)
      );
      CREATE INDEX import_job_province_created ON import_job (province_id, created_at DESC, id);
      CREATE INDEX import_job_pending ON import_job (status) WHERE status IN ('UPLOADING', 'QUEUED', 'RUNNING');

      CREATE TABLE import_staging_row (
        job_id uuid NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
        row_no integer NOT NULL,
        c1 text, c2 text, c3 text, c4 text, c5 text, c6 text, c7 text, c8 text,
        c9 text, c10 text, c11 text, c12 text, c13 text, c14 text, c15 text, c16 text,
        PRIMARY KEY (job_id, row_no)
      );

      CREATE TABLE import_rejection (
        job_id uuid NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
        row_no integer NOT NULL,
        column_name text,
        reason text NOT NULL,
        value text
      );
      CREATE INDEX import_rejection_job ON import_rejection (job_id, row_no);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE import_rejection; DROP TABLE import_staging_row; DROP TABLE import_job; DROP TYPE import_status; DROP TYPE import_kind;`);
  }
}
