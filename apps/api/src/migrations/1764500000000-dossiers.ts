import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dossiers (issue 11): one application each, received at a desk (or through a post office, or picked
 * up at home for an online application), coded `<unit identifier>-YYMMDD-XXXX` (Circular 01/2018/TT-VPCP,
 * Article 19) from a per-unit, per-day counter that the reception's transaction increments (so the
 * numbers are gapless: a reception that rolls back gives its number back), with the national status
 * codes 1–10, the components received, fees, due date, and a timeline of events (status changes and the
 * postal leg). Applicants' personal data lives in the dossier row only; the audit trail masks it.
 */
export class Dossiers1764500000000 implements MigrationInterface {
  name = 'Dossiers1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TYPE dossier_status AS ENUM ('NEW', 'RECEIVED', 'NOT_ACCEPTED', 'PROCESSING', 'SUPPLEMENT_REQUESTED',
        'AWAITING_FINANCIAL_OBLIGATION', 'WITHDRAWAL_REQUESTED', 'STOPPED', 'RESULT_READY', 'RESULT_RETURNED');
      CREATE TYPE dossier_channel AS ENUM ('AT_DESK', 'AT_POST_OFFICE', 'ONLINE_WITH_POSTAL_PICKUP', 'HOME_APPOINTMENT');
      CREATE TYPE result_delivery AS ENUM ('AT_DESK', 'BY_POST');

      CREATE TABLE dossier_sequence (
        unit_code varchar(24) NOT NULL,
        day date NOT NULL,
        last integer NOT NULL,
        PRIMARY KEY (unit_code, day)
      );

      CREATE TABLE dossier (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(40) NOT NULL UNIQUE,
        province_id uuid NOT NULL REFERENCES administrative_unit (id),
        procedure_id uuid NOT NULL REFERENCES procedure (id),
        desk_id uuid NOT NULL REFERENCES one_stop_desk (id),
        agency_id uuid NOT NULL REFERENCES agency (id),
        post_office_id uuid REFERENCES post_office (id),
        clerk_id uuid REFERENCES app_user (id),
        channel dossier_channel NOT NULL,
        status dossier_status NOT NULL,
        applicant_name text NOT NULL,
        applicant_national_id char(12),
        applicant_phone varchar(20) NOT NULL,
        applicant_email varchar(254),
        applicant_address text,
        received_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        -- Form 04: the new date promised in the apology, kept beside the legal one.
        promised_on date,
        -- A supplement request stops the clock; set while it is stopped.
        clock_stopped_at timestamptz,
        procedure_fee bigint NOT NULL DEFAULT 0,
        postal_fee bigint NOT NULL DEFAULT 0,
        result_delivery result_delivery NOT NULL DEFAULT 'AT_DESK',
        delivery_address text,
        result_ready_at timestamptz,
        result_returned_at timestamptz,
        rating smallint CHECK (rating BETWEEN 1 AND 3),
        rating_comment text,
        rated_at timestamptz,
        portal_reference varchar(100),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (result_delivery = 'AT_DESK' OR delivery_address IS NOT NULL)
      );
      CREATE INDEX dossier_province_received ON dossier (province_id, received_at DESC, id);
      CREATE INDEX dossier_desk_received ON dossier (desk_id, received_at DESC, id);
      CREATE INDEX dossier_agency_status ON dossier (agency_id, status);
      CREATE INDEX dossier_status_due ON dossier (province_id, status, due_at);
      CREATE INDEX dossier_phone ON dossier (applicant_phone);
      CREATE INDEX dossier_national_id ON dossier (applicant_national_id);
      CREATE INDEX dossier_name_folded ON dossier USING gin (osp_fold(applicant_name) gin_trgm_ops);

      CREATE TABLE dossier_component (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dossier_id uuid NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
        position integer NOT NULL,
        name text NOT NULL,
        originals integer NOT NULL DEFAULT 0,
        copies integer NOT NULL DEFAULT 0,
        digitised boolean NOT NULL DEFAULT false,
        UNIQUE (dossier_id, position)
      );

      CREATE TABLE dossier_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dossier_id uuid NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        at timestamptz NOT NULL DEFAULT now(),
        kind varchar(40) NOT NULL,
        from_status dossier_status,
        to_status dossier_status,
        actor_id uuid,
        actor_label text NOT NULL,
        unit_name text,
        place text,
        postal_item varchar(13),
        note text,
        due_at timestamptz
      );
      CREATE INDEX dossier_event_dossier ON dossier_event (dossier_id, at, seq);

      CREATE TABLE tracking_throttle (
        key text PRIMARY KEY,
        misses integer NOT NULL,
        window_started_at timestamptz NOT NULL
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE tracking_throttle; DROP TABLE dossier_event; DROP TABLE dossier_component; DROP TABLE dossier; DROP TABLE dossier_sequence;
      DROP TYPE result_delivery; DROP TYPE dossier_channel; DROP TYPE dossier_status;
    `);
  }
}
