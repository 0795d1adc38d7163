import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The post office manager's week (issue 10): the staff register (people, the desks they are deployed
 * to, what they are trained for, when they are away), counters and opening hours of each desk, the
 * demand of counters to staff, and shifts.
 *
 * The hard rules that must hold under concurrency are constraints here:
 * - nobody in two places at once, and one person per counter at a time: btree_gist exclusion
 *   constraints on (person or counter, day, minutes) for every shift not cancelled;
 * - a person is deployed to a desk once over any period, a desk's opening intervals of a weekday do
 *   not overlap.
 * Times of day are minutes since midnight, Vietnam time (the country has no daylight saving time):
 * a desk's hours are the same whatever the server's zone.
 */
export class StaffAndRosters1764100000000 implements MigrationInterface {
  name = 'StaffAndRosters1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Lĩnh vực: the procedure fields staff are trained for and counters serve (the procedures of
      -- issue 11 use the same list). National: managed by national administrators.
      CREATE TABLE procedure_field (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(32) NOT NULL UNIQUE,
        name text NOT NULL,
        retired_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX procedure_field_name ON procedure_field (public.osp_sort_key(name), id);
      INSERT INTO procedure_field (code, name) VALUES
        ('HO_TICH', 'Hộ tịch'),
        ('CHUNG_THUC', 'Chứng thực'),
        ('TU_PHAP', 'Tư pháp'),
        ('DAT_DAI', 'Đất đai'),
        ('TAI_NGUYEN_MOI_TRUONG', 'Tài nguyên và môi trường'),
        ('XAY_DUNG', 'Xây dựng'),
        ('LAO_DONG_TBXH', 'Lao động – Thương binh và Xã hội'),
        ('GIAO_DUC', 'Giáo dục và Đào tạo'),
        ('Y_TE', 'Y tế'),
        ('KINH_DOANH', 'Đăng ký kinh doanh'),
        ('GIAO_THONG', 'Giao thông vận tải'),
        ('NONG_NGHIEP', 'Nông nghiệp và Phát triển nông thôn'),
        ('CONG_THUONG', 'Công thương'),
        ('BAO_HIEM_XA_HOI', 'Bảo hiểm xã hội');

      CREATE TYPE staff_status AS ENUM ('ACTIVE', 'ON_LEAVE', 'LEFT');
      CREATE TABLE staff (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        full_name text NOT NULL,
        -- The employer: a post office, or an agency for civil servants still at a desk.
        post_office_id uuid REFERENCES post_office (id),
        agency_id uuid REFERENCES agency (id),
        home_unit_id uuid REFERENCES administrative_unit (id),
        -- The desk they normally work at: auto-fill keeps them there when it can.
        home_desk_id uuid REFERENCES one_stop_desk (id),
        phone varchar(20),
        email varchar(254),
        -- Số định danh cá nhân / CCCD: personal data (readable by the staff's managers and the
        -- province's administrators only; masked in the audit trail).
        national_id char(12),
        status staff_status NOT NULL DEFAULT 'ACTIVE',
        user_id uuid UNIQUE REFERENCES app_user (id),
        province_id uuid NOT NULL REFERENCES administrative_unit (id),
        -- sha-256 of the secret in the person's calendar feed address (null: no feed).
        calendar_secret_hash text UNIQUE,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT staff_one_employer CHECK ((post_office_id IS NULL) <> (agency_id IS NULL))
      );
      -- Unique within a province's register: a number registered elsewhere tells this province nothing.
      CREATE UNIQUE INDEX staff_national_id ON staff (province_id, national_id) WHERE national_id IS NOT NULL;
      CREATE INDEX staff_name ON staff (province_id, public.osp_sort_key(full_name), id);
      CREATE INDEX staff_post_office ON staff (post_office_id);

      -- Which desk a person is deployed to, from when to when (inclusive; open-ended while to is null).
      CREATE TABLE staff_assignment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        staff_id uuid NOT NULL REFERENCES staff (id),
        desk_id uuid NOT NULL REFERENCES one_stop_desk (id),
        starts_on date NOT NULL,
        ends_on date,
        province_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on IS NULL OR ends_on >= starts_on),
        CONSTRAINT staff_assignment_once EXCLUDE USING gist (staff_id WITH =, desk_id WITH =, daterange(starts_on, ends_on, '[]') WITH &&)
      );
      CREATE INDEX staff_assignment_desk ON staff_assignment (desk_id);

      -- A training class (lớp tập huấn): its attendees are qualified for its field.
      CREATE TABLE training_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        field_id uuid NOT NULL REFERENCES procedure_field (id),
        held_on date NOT NULL,
        place text NOT NULL,
        trainer text NOT NULL,
        -- Months a certificate of the class stays valid (null: no expiry).
        valid_months int CHECK (valid_months IS NULL OR valid_months BETWEEN 1 AND 240),
        note text,
        province_id uuid NOT NULL REFERENCES administrative_unit (id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX training_session_province ON training_session (province_id, held_on DESC);

      CREATE TABLE qualification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        staff_id uuid NOT NULL REFERENCES staff (id),
        field_id uuid NOT NULL REFERENCES procedure_field (id),
        trained_on date NOT NULL,
        certificate_number varchar(64),
        expires_on date,
        training_session_id uuid REFERENCES training_session (id),
        province_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (expires_on IS NULL OR expires_on >= trained_on),
        UNIQUE (staff_id, field_id, trained_on)
      );
      CREATE INDEX qualification_expiry ON qualification (province_id, expires_on);
      CREATE INDEX qualification_session ON qualification (training_session_id);

      CREATE TYPE absence_kind AS ENUM ('LEAVE', 'SICK', 'TRAINING', 'OTHER');
      CREATE TABLE absence (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        staff_id uuid NOT NULL REFERENCES staff (id),
        kind absence_kind NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        note text,
        province_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on >= starts_on)
      );
      CREATE INDEX absence_staff ON absence (staff_id, starts_on);

      CREATE TYPE counter_status AS ENUM ('OPEN', 'CLOSED', 'RETIRED');
      CREATE TABLE counter (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        desk_id uuid NOT NULL REFERENCES one_stop_desk (id),
        number int NOT NULL CHECK (number BETWEEN 1 AND 999),
        name text NOT NULL,
        field_ids uuid[] NOT NULL DEFAULT '{}',
        status counter_status NOT NULL DEFAULT 'OPEN',
        province_id uuid NOT NULL,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (desk_id, number)
      );

      -- Opening hours per desk and ISO weekday (1 = Monday … 7 = Sunday): one row per interval.
      CREATE TABLE opening_hours (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        desk_id uuid NOT NULL REFERENCES one_stop_desk (id),
        weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
        opens_at smallint NOT NULL CHECK (opens_at BETWEEN 0 AND 1439),
        closes_at smallint NOT NULL CHECK (closes_at BETWEEN 1 AND 1440),
        -- How many counters must be staffed in this interval (null: every open counter).
        demand smallint CHECK (demand IS NULL OR demand BETWEEN 0 AND 999),
        province_id uuid NOT NULL,
        CHECK (closes_at > opens_at),
        CONSTRAINT opening_hours_no_overlap EXCLUDE USING gist (desk_id WITH =, weekday WITH =, int4range(opens_at, closes_at) WITH &&)
      );

      -- A day that differs: closed (no interval) or special hours (its intervals replace the weekday's).
      CREATE TABLE opening_exception (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        desk_id uuid NOT NULL REFERENCES one_stop_desk (id),
        day date NOT NULL,
        opens_at smallint CHECK (opens_at BETWEEN 0 AND 1439),
        closes_at smallint CHECK (closes_at BETWEEN 1 AND 1440),
        demand smallint CHECK (demand IS NULL OR demand BETWEEN 0 AND 999),
        note text NOT NULL,
        province_id uuid NOT NULL,
        CHECK ((opens_at IS NULL) = (closes_at IS NULL) AND (opens_at IS NULL OR closes_at > opens_at)),
        CONSTRAINT opening_exception_no_overlap EXCLUDE USING gist (desk_id WITH =, day WITH =, int4range(coalesce(opens_at, 0), coalesce(closes_at, 1440)) WITH &&)
      );

      CREATE TYPE shift_status AS ENUM ('PLANNED', 'PUBLISHED', 'CANCELLED');
      CREATE TABLE shift (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        staff_id uuid NOT NULL REFERENCES staff (id),
        counter_id uuid NOT NULL REFERENCES counter (id),
        desk_id uuid NOT NULL REFERENCES one_stop_desk (id),
        day date NOT NULL,
        starts_at smallint NOT NULL CHECK (starts_at BETWEEN 0 AND 1439),
        ends_at smallint NOT NULL CHECK (ends_at BETWEEN 1 AND 1440),
        status shift_status NOT NULL DEFAULT 'PLANNED',
        cancel_reason text,
        province_id uuid NOT NULL,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at),
        CONSTRAINT shift_person_one_place EXCLUDE USING gist (staff_id WITH =, day WITH =, int4range(starts_at, ends_at) WITH &&) WHERE (status <> 'CANCELLED') DEFERRABLE INITIALLY IMMEDIATE,
        CONSTRAINT shift_counter_one_person EXCLUDE USING gist (counter_id WITH =, day WITH =, int4range(starts_at, ends_at) WITH &&) WHERE (status <> 'CANCELLED') DEFERRABLE INITIALLY IMMEDIATE
      );
      -- Deferrable so that a swap of two people's shifts checks the end state, not the step between.
      CREATE INDEX shift_desk_day ON shift (desk_id, day);
      CREATE INDEX shift_staff_day ON shift (staff_id, day);

      -- What a published shift was before each later change (moved, swapped, cancelled).
      CREATE TABLE shift_revision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        shift_id uuid NOT NULL REFERENCES shift (id),
        staff_id uuid NOT NULL,
        counter_id uuid NOT NULL,
        day date NOT NULL,
        starts_at smallint NOT NULL,
        ends_at smallint NOT NULL,
        status shift_status NOT NULL,
        change text NOT NULL,
        reason text,
        changed_by text NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX shift_revision_shift ON shift_revision (shift_id, changed_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE shift_revision; DROP TABLE shift; DROP TYPE shift_status;
      DROP TABLE opening_exception; DROP TABLE opening_hours; DROP TABLE counter; DROP TYPE counter_status;
      DROP TABLE absence; DROP TYPE absence_kind; DROP TABLE qualification; DROP TABLE training_session;
      DROP TABLE staff_assignment; DROP TABLE staff; DROP TYPE staff_status; DROP TABLE procedure_field;
    `);
  }
}
