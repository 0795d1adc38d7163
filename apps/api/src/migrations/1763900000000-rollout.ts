import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rollout (programmes, phases with their plan history, pilot sites with their status history and
 * readiness, steering meetings and action items) and handover (personnel and facilities per site).
 * Every row carries the province that owns it today, copied from its programme.
 */
export class Rollout1763900000000 implements MigrationInterface {
  name = 'Rollout1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TYPE programme_status AS ENUM ('DRAFT', 'ACTIVE', 'CLOSED');
      CREATE TABLE pilot_programme (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(32) NOT NULL CONSTRAINT pilot_programme_code_key UNIQUE,
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        -- The province as the programme was decided (e.g. Bình Phước before 2025) ...
        administrative_unit_id uuid NOT NULL REFERENCES administrative_unit (id),
        -- ... and the province that owns it today (Đồng Nai after the merge).
        province_id uuid NOT NULL REFERENCES administrative_unit (id),
        status programme_status NOT NULL DEFAULT 'DRAFT',
        legal_basis jsonb NOT NULL DEFAULT '[]',
        committee jsonb NOT NULL DEFAULT '[]',
        readiness_items jsonb NOT NULL DEFAULT '[]',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX pilot_programme_province_idx ON pilot_programme (province_id);

      CREATE TYPE phase_status AS ENUM ('PLANNED', 'IN_PROGRESS', 'CLOSED');
      CREATE TABLE rollout_phase (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        programme_id uuid NOT NULL REFERENCES pilot_programme (id),
        province_id uuid NOT NULL REFERENCES administrative_unit (id),
        ordinal integer NOT NULL CHECK (ordinal > 0),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        planned_start date NOT NULL,
        planned_end date NOT NULL,
        actual_start date,
        actual_end date,
        target_province integer NOT NULL DEFAULT 0 CHECK (target_province >= 0),
        target_district integer NOT NULL DEFAULT 0 CHECK (target_district >= 0),
        target_commune integer NOT NULL DEFAULT 0 CHECK (target_commune >= 0),
        go_live_gates jsonb NOT NULL DEFAULT '[]',
        status phase_status NOT NULL DEFAULT 'PLANNED',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT rollout_phase_ordinal_key UNIQUE (programme_id, ordinal),
        CHECK (planned_end >= planned_start)
      );

      -- The plans a re-plan replaced, oldest first.
      CREATE TABLE phase_plan_revision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        phase_id uuid NOT NULL REFERENCES rollout_phase (id),
        province_id uuid NOT NULL REFERENCES administrative_unit (id),
        revision integer NOT NULL,
        planned_start date NOT NULL,
        planned_end date NOT NULL,
        target_province integer NOT NULL,
        target_district integer NOT NULL,
        target_commune integer NOT NULL,
        reason text NOT NULL,
        actor_id uuid,
        actor_label text NOT NULL,
        replaced_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT phase_plan_revision_key UNIQUE (phase_id, revision)
      );

      CREATE TYPE handover_model AS ENUM ('AT_AGENCY', 'AT_POST_OFFICE');
      CREATE TYPE site_status AS ENUM ('PLANNED', 'PREPARING', 'LAUNCHED', 'OPERATING', 'REVIEWED', 'SUSPENDED', 'WITHDRAWN');
      CREATE TABLE pilot_site (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        phase_id uuid NOT NULL REFERENCES rollout_phase (id),
        programme_id uuid NOT NULL REFERENCES pilot_programme (id),
        province_id uuid NOT NULL REFERENCES administrative_unit (id),
        one_stop_desk_id uuid NOT NULL REFERENCES one_stop_desk (id),
        level administrative_level NOT NULL,
        handover_model handover_model NOT NULL,
        post_office_id uuid REFERENCES post_office (id),
        planned_launch date,
        status site_status NOT NULL DEFAULT 'PLANNED',
        status_since date NOT NULL,
        suspended_from site_status,
        launched_on date,
        readiness jsonb NOT NULL DEFAULT '{}',
        note text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Order of enrolment (sites enrolled together share created_at): the grid's sort key.
        seq bigint GENERATED ALWAYS AS IDENTITY,
        CHECK (handover_model = 'AT_AGENCY' OR post_office_id IS NOT NULL),
        CHECK ((status = 'SUSPENDED') = (suspended_from IS NOT NULL))
      );
      -- A desk is in at most one active site (reviewed and withdrawn sites are history).
      CREATE UNIQUE INDEX pilot_site_active_desk_key ON pilot_site (one_stop_desk_id) WHERE status NOT IN ('REVIEWED', 'WITHDRAWN');
      CREATE INDEX pilot_site_phase_idx ON pilot_site (phase_id, seq);
      CREATE INDEX pilot_site_programme_idx ON pilot_site (programme_id);

      CREATE TABLE site_status_change (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        site_id uuid NOT NULL REFERENCES pilot_site (id),
        province_id uuid NOT NULL REFERENCES administrative_unit (id),
        from_status site_status,
        to_status site_status NOT NULL,
        on_date date NOT NULL,
        note text,
        actor_id uuid,
        actor_label text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        seq bigint GENERATED ALWAYS AS IDENTITY
      );
      CREATE INDEX site_status_change_site_idx ON site_status_change (site_id, seq);

      CREATE TYPE meeting_kind AS ENUM ('QUARTERLY_REVIEW', 'PRELIMINARY_REVIEW', 'INSPECTION', 'OTHER');
      CREATE TABLE steering_meeting (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        programme_id uuid NOT NULL REFERENCES pilot_programme (id),
        province_id uuid NOT NULL REFERENCES administrative_unit (id),
        kind meeting_kind NOT NULL,
        held_on date NOT NULL,
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        location text,
        decisions jsonb NOT NULL DEFAULT '[]',
        site_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX steering_meeting_programme_idx ON steering_meeting (programme_id, held_on);
      CREATE INDEX steering_meeting_sites_idx ON steering_meeting USING gin (site_ids);

      CREATE TYPE action_item_state AS ENUM ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED');
      CREATE TABLE action_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES steering_meeting (id),
        programme_id uuid NOT NULL REFERENCES pilot_programme (id),
        province_id uuid NOT NULL REFERENCES administrative_unit (id),
        site_id uuid REFERENCES pilot_site (id),
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        owner text NOT NULL CHECK (length(btrim(owner)) > 0),
        due_on date NOT NULL,
        state action_item_state NOT NULL DEFAULT 'OPEN',
        closed_on date,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX action_item_programme_idx ON action_item (programme_id, state, due_on);

      CREATE TYPE handover_status AS ENUM ('DRAFT', 'SIGNED', 'EFFECTIVE', 'REVERSED');
      CREATE TYPE handover_task AS ENUM ('ON_DUTY', 'GUIDANCE', 'RECEIVING', 'DIGITISING', 'RETURNING_RESULTS');
      CREATE TABLE personnel_handover (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        site_id uuid NOT NULL REFERENCES pilot_site (id),
        phase_id uuid NOT NULL REFERENCES rollout_phase (id),
        programme_id uuid NOT NULL REFERENCES pilot_programme (id),
        province_id uuid NOT NULL REFERENCES administrative_unit (id),
        tasks handover_task[] NOT NULL CHECK (cardinality(tasks) > 0),
        relieved jsonb NOT NULL DEFAULT '[]',
        deployed jsonb NOT NULL DEFAULT '[]',
        effective_on date,
        record_number text,
        record_signed_on date,
        signatories jsonb NOT NULL DEFAULT '[]',
        status handover_status NOT NULL DEFAULT 'DRAFT',
        status_since date NOT NULL,
        reversal_reason text,
        note text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        CHECK (status IN ('DRAFT', 'REVERSED') OR (record_number IS NOT NULL AND record_signed_on IS NOT NULL)),
        CHECK ((status = 'REVERSED') = (reversal_reason IS NOT NULL))
      );
      CREATE INDEX personnel_handover_site_idx ON personnel_handover (site_id);
      CREATE INDEX personnel_handover_programme_idx ON personnel_handover (programme_id, status);

      CREATE TABLE facility_handover (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        site_id uuid NOT NULL REFERENCES pilot_site (id),
        phase_id uuid NOT NULL REFERENCES rollout_phase (id),
        programme_id uuid NOT NULL REFERENCES pilot_programme (id),
        province_id uuid NOT NULL REFERENCES administrative_unit (id),
        premises_before jsonb,
        premises_after jsonb,
        equipment jsonb NOT NULL DEFAULT '[]',
        construction_cost numeric(16, 0) NOT NULL DEFAULT 0 CHECK (construction_cost >= 0),
        relocation_on date,
        condition_notes text,
        effective_on date,
        record_number text,
        record_signed_on date,
        signatories jsonb NOT NULL DEFAULT '[]',
        status handover_status NOT NULL DEFAULT 'DRAFT',
        status_since date NOT NULL,
        reversal_reason text,
        note text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        CHECK (status IN ('DRAFT', 'REVERSED') OR (record_number IS NOT NULL AND record_signed_on IS NOT NULL)),
        CHECK ((status = 'REVERSED') = (reversal_reason IS NOT NULL))
      );
      CREATE INDEX facility_handover_site_idx ON facility_handover (site_id);
      CREATE INDEX facility_handover_programme_idx ON facility_handover (programme_id, status);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE facility_handover, personnel_handover, action_item, steering_meeting, site_status_change,
        pilot_site, phase_plan_revision, rollout_phase, pilot_programme;
      DROP TYPE handover_task, handover_status, action_item_state, meeting_kind, site_status, handover_model, phase_status, programme_status;
    `);
  }
}
