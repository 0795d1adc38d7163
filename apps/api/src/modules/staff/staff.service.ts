import { DataSource, type EntityManager } from 'typeorm';
import { forbidden, isNational, requireRole, requireSignedIn, scopeProvince } from '../../platform/authz';
import { citizenId } from '../../platform/citizen-id';
import { staleVersion, updateVersioned } from '../../platform/database/versioned';
import { badInput, conflict, notFound, sqlState, uniquely, type Bilingual } from '../../platform/errors';
import { paginate, type PageArgs } from '../../platform/graphql/connection';
import type { Actor } from '../../platform/graphql/context';
import { addDays, shownDay, todayInVietnam } from '../../platform/graphql/scalars';
import { Injectable } from '../../platform/container';
import { groupFor } from '../../platform/graphql/loaders';
import { likeFragment, requiredText } from '../../platform/text';
import { AuditService } from '../audit/audit.service';
import { Agency } from '../agencies/agency.entity';
import { OneStopDesk } from '../one-stop-desks/one-stop-desk.entity';
import { PostOffice } from '../post-offices/post-office.entity';
import { findInScope } from '../rollout/rollout-access';
import { Absence, ProcedureField, Qualification, Staff, StaffAssignment, StaffStatus, TrainingSession } from './staff.entity';
import type { AddAbsenceInput, AddQualificationInput, AssignStaffInput, CreateProcedureFieldInput, CreateStaffInput, CreateTrainingSessionInput, EndAssignmentInput, StaffFilter, UpdateProcedureFieldInput, UpdateStaffInput } from './staff.inputs';
import { POST_OFFICE_TREE } from '../post-offices/post-office.service';

/** Who keeps the staff register and the rosters: the post office's managers and the province's administrators. */
export const STAFF_WRITERS = ['SYSTEM_ADMIN', 'POST_OFFICE_MANAGER'];
/** Who reads them: also the steering committee (personal data excepted, see `seesPersonalData`). */
export const STAFF_READERS = [...STAFF_WRITERS, 'STEERING_COMMITTEE'];

export const STAFF_LABEL = { vi: 'nhân viên', en: 'staff member' };
const LABEL = {
  desk: { vi: 'bộ phận một cửa', en: 'one-stop desk' },
  postOffice: { vi: 'bưu điện', en: 'post office' },
  agency: { vi: 'cơ quan', en: 'agency' },
  field: { vi: 'lĩnh vực', en: 'procedure field' },
  assignment: { vi: 'phân công', en: 'assignment' },
} satisfies Record<string, Bilingual>;

const trimmedOrNull = (value: string | null | undefined) => value?.trim() || null;

@Injectable()
export class StaffService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  fields(actor: Actor, includeRetired = false): Promise<ProcedureField[]> {
    requireSignedIn(actor);
    const qb = this.dataSource.getRepository(ProcedureField).createQueryBuilder('f');
    if (!includeRetired) qb.where('f.retired_on IS NULL');
    return qb.orderBy('osp_sort_key(f.name)').addOrderBy('f.id').getMany();
  }

  /** The list of procedure fields is national: only a national administrator keeps it. */
  private requireFieldKeeper(actor: Actor): void {
    requireRole(actor, ['SYSTEM_ADMIN']);
    if (!isNational(actor)) throw forbidden();
  }

  createField(actor: Actor, input: CreateProcedureFieldInput): Promise<ProcedureField> {
    this.requireFieldKeeper(actor);
    const code = input.code.trim();
    if (!/^[A-Z0-9_]{2,32}$/.test(code)) {
      throw badInput('code', { vi: 'Mã chỉ gồm chữ in hoa không dấu, chữ số và dấu _, từ 2 đến 32 ký tự.', en: 'The code is uppercase letters, digits and _, 2 to 32 characters.' });
    }
    const name = requiredText(input.name, 'name');
    return uniquely(
      () =>
        this.dataSource.transaction(async (m) => {
          const repo = m.getRepository(ProcedureField);
          const row = repo.create({ code, name, retiredOn: null });
          await repo.insert(row);
          const saved = await repo.findOneByOrFail({ id: row.id });
          await this.audit.record(m, actor, { action: 'procedureField.create', entityType: 'ProcedureField', entityId: saved.id, after: saved });
          return saved;
        }),
      'code',
      { vi: `Mã lĩnh vực "${code}" đã có.`, en: `The procedure field code "${code}" is already in use.` },
    );
  }

  updateField(actor: Actor, input: UpdateProcedureFieldInput): Promise<ProcedureField> {
    this.requireFieldKeeper(actor);
    const name = input.name != null ? requiredText(input.name, 'name') : undefined;
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(ProcedureField);
      const before = await repo.createQueryBuilder('f').setLock('pessimistic_write').where('f.id = :id', { id: input.id }).getOne();
      if (!before) throw notFound(LABEL.field, input.id);
      const patch: Partial<ProcedureField> = {};
      if (name !== undefined && name !== before.name) patch.name = name;
      if (input.retired === true && before.retiredOn === null) patch.retiredOn = todayInVietnam();
      if (input.retired === false && before.retiredOn !== null) patch.retiredOn = null;
      if (Object.keys(patch).length === 0) return before;
      await repo.update({ id: before.id }, patch);
      const after = await repo.findOneByOrFail({ id: before.id });
      await this.audit.record(m, actor, { action: 'procedureField.update', entityType: 'ProcedureField', entityId: after.id, before, after });
      return after;
    });
  }

  async fieldsByIds(ids: readonly string[]): Promise<ProcedureField[]> {
    if (ids.length === 0) return [];
    return this.dataSource.getRepository(ProcedureField).createQueryBuilder('f').where('f.id = ANY(:ids)', { ids: [...ids] }).orderBy('osp_sort_key(f.name)').getMany();
  }

  list(actor: Actor, filter: StaffFilter, page: PageArgs) {
    requireRole(actor, STAFF_READERS);
    const qb = this.dataSource.getRepository(Staff).createQueryBuilder('s');
    const scope = scopeProvince(actor);
    if (scope) qb.andWhere('s.province_id = :scope', { scope });
    qb.andWhere('s.status IN (:...statuses)', { statuses: filter.status?.length ? filter.status : [StaffStatus.ACTIVE, StaffStatus.ON_LEAVE] });
    const search = filter.search?.trim();
    if (search) qb.andWhere('osp_fold(s.full_name) LIKE osp_fold(:search)', { search: likeFragment(search) });
    if (filter.postOfficeId) qb.andWhere(`s.post_office_id IN (${POST_OFFICE_TREE})`, { office: filter.postOfficeId });
    if (filter.agencyId) qb.andWhere('s.agency_id = :agency', { agency: filter.agencyId });
    const today = todayInVietnam();
    if (filter.deskId) {
      qb.andWhere(`EXISTS (SELECT 1 FROM staff_assignment a WHERE a.staff_id = s.id AND a.desk_id = :desk AND a.starts_on <= :today AND (a.ends_on IS NULL OR a.ends_on >= :today))`, { desk: filter.deskId, today });
    }
    if (filter.fieldId) {
      qb.andWhere(`EXISTS (SELECT 1 FROM qualification q WHERE q.staff_id = s.id AND q.field_id = :field AND q.trained_on <= :today AND (q.expires_on IS NULL OR q.expires_on >= :today))`, { field: filter.fieldId, today });
    }
    if (filter.expiringWithinDays != null) {
      qb.andWhere(`EXISTS (SELECT 1 FROM qualification q WHERE q.staff_id = s.id AND q.expires_on <= :until)`, { until: addDays(today, filter.expiringWithinDays) });
    }
    return paginate(qb, page, { expression: 's.full_name', property: 'fullName', direction: 'ASC', kind: 'name' });
  }

  async find(actor: Actor, id: string): Promise<Staff | null> {
    requireRole(actor, STAFF_READERS);
    return this.dataSource.transaction((m) => findInScope(m, actor, Staff, id, STAFF_LABEL)).catch((error) => {
      if ((error as { code?: string }).code === 'NOT_FOUND') return null;
      throw error;
    });
  }

  /** The staff record of a signed-in user, if they have one. */
  async ofUser(actor: Actor): Promise<Staff | null> {
    requireSignedIn(actor);
    if (!actor.id) return null;
    return this.dataSource.getRepository(Staff).findOneBy({ userId: actor.id });
  }

  /**
   * Whether the actor may read a person's personal data (national ID): the administrators of the
   * person's province (or national ones), and the managers of the post office that employs them or
   * of a post office above it.
   */
  async seesPersonalData(actor: Actor, staff: Staff): Promise<boolean> {
    if (actor.kind === 'system') return true;
    if (actor.kind !== 'user') return false;
    if (actor.provinceId !== null && actor.provinceId !== staff.provinceId) return false;
    if (actor.roles.includes('SYSTEM_ADMIN')) return true;
    if (!actor.roles.includes('POST_OFFICE_MANAGER') || !actor.postOfficeId || !staff.postOfficeId) return false;
    const rows = await this.dataSource.query(
      `WITH RECURSIVE office AS (SELECT id FROM post_office WHERE id = $1 UNION SELECT p.id FROM post_office p JOIN office o ON p.parent_id = o.id)
       SELECT 1 FROM office WHERE id = $2`,
      [actor.postOfficeId, staff.postOfficeId],
    );
    return rows.length > 0;
  }

  private async employer(m: EntityManager, actor: Actor, postOfficeId: string | null | undefined, agencyId: string | null | undefined): Promise<{ postOfficeId: string | null; agencyId: string | null; provinceId: string }> {
    if (!!postOfficeId === !!agencyId) {
      throw badInput(postOfficeId ? 'agencyId' : 'postOfficeId', { vi: 'Chọn đúng một đơn vị sử dụng: một bưu điện hoặc một cơ quan.', en: 'Give exactly one employer: a post office or an agency.' });
    }
    if (postOfficeId) {
      const office = await findInScope(m, actor, PostOffice, postOfficeId, LABEL.postOffice, 'postOfficeId');
      return { postOfficeId: office.id, agencyId: null, provinceId: office.provinceId };
    }
    const agency = await findInScope(m, actor, Agency, agencyId as string, LABEL.agency, 'agencyId');
    return { postOfficeId: null, agencyId: agency.id, provinceId: agency.provinceId };
  }

  private async personalFields(m: EntityManager, actor: Actor, input: CreateStaffInput | UpdateStaffInput, provinceId: string) {
    const values: Partial<Staff> = {};
    if (input.homeDeskId !== undefined) {
      values.homeDeskId = input.homeDeskId ? (await findInScope(m, actor, OneStopDesk, input.homeDeskId, LABEL.desk, 'homeDeskId')).id : null;
      if (values.homeDeskId) await this.sameProvince(m, 'one_stop_desk', values.homeDeskId, provinceId, 'homeDeskId');
    }
    if (input.homeUnitId !== undefined) {
      if (input.homeUnitId) {
        const [unit] = await m.query('SELECT id FROM administrative_unit WHERE id = $1', [input.homeUnitId]);
        if (!unit) throw badInput('homeUnitId', { vi: 'Không tìm thấy đơn vị hành chính.', en: 'No such administrative unit.' });
      }
      values.homeUnitId = input.homeUnitId ?? null;
    }
    if (input.phone !== undefined) values.phone = trimmedOrNull(input.phone);
    if (input.email !== undefined) values.email = trimmedOrNull(input.email)?.toLowerCase() ?? null;
    if (input.nationalId !== undefined) values.nationalId = input.nationalId?.trim() ? citizenId(input.nationalId, 'nationalId', todayInVietnam()) : null;
    if (input.userId !== undefined) {
      if (input.userId) {
        // An account of the person's own province only: a national account is nobody's staff record, and
        // another province's account is not looked at (nothing to tell about it).
        const [user] = await m.query('SELECT province_id FROM app_user WHERE id = $1', [input.userId]);
        if (!user || user.province_id !== provinceId) {
          throw badInput('userId', { vi: 'Không tìm thấy tài khoản trong tỉnh của nhân viên.', en: 'No such user account in the person’s province.' });
        }
      }
      values.userId = input.userId ?? null;
    }
    return values;
  }

  private async sameProvince(m: EntityManager, table: 'one_stop_desk', id: string, provinceId: string, field: string) {
    const [row] = await m.query(`SELECT province_id FROM ${table} WHERE id = $1`, [id]);
    if (row?.province_id !== provinceId) throw badInput(field, { vi: 'Bộ phận một cửa phải thuộc tỉnh của nhân viên.', en: 'The desk must be in the person’s province.' });
  }

  /** The register's unique keys, each named: a citizen ID number within the province, a user account. */
  private async unique<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      const constraint = (error as { driverError?: { constraint?: string } }).driverError?.constraint;
      if (sqlState(error) === '23505' && constraint === 'staff_national_id') {
        throw conflict({ vi: 'Số định danh cá nhân đã có trong danh sách nhân viên của tỉnh.', en: 'This citizen ID number is already in the province’s staff register.' }, [
          { field: 'nationalId', message: { vi: 'Đã có người mang số này.', en: 'Someone already has this number.' } },
        ]);
      }
      if (sqlState(error) === '23505' && constraint === 'staff_user_id_key') {
        throw conflict({ vi: 'Tài khoản đã gắn với một nhân viên khác.', en: 'This user account already belongs to another person in the register.' }, [
          { field: 'userId', message: { vi: 'Tài khoản đã được dùng.', en: 'The account is taken.' } },
        ]);
      }
      throw error;
    }
  }

  create(actor: Actor, input: CreateStaffInput): Promise<Staff> {
    requireRole(actor, STAFF_WRITERS);
    const fullName = requiredText(input.fullName, 'fullName', { vi: 'Họ tên', en: 'The name' });
    return this.unique(() =>
      this.dataSource.transaction(async (m) => {
        const employer = await this.employer(m, actor, input.postOfficeId, input.agencyId);
        const values = await this.personalFields(m, actor, input, employer.provinceId);
        const repo = m.getRepository(Staff);
        const row = repo.create({ fullName, ...employer, homeUnitId: null, homeDeskId: null, phone: null, email: null, nationalId: null, userId: null, ...values, status: StaffStatus.ACTIVE, version: 1 });
        await repo.insert(row);
        const saved = await repo.findOneByOrFail({ id: row.id });
        await this.audit.record(m, actor, { action: 'staff.create', entityType: 'Staff', entityId: saved.id, after: saved, provinceId: saved.provinceId });
        return saved;
      }),
    );
  }

  update(actor: Actor, input: UpdateStaffInput): Promise<Staff> {
    requireRole(actor, STAFF_WRITERS);
    return this.unique(() =>
      this.dataSource.transaction(async (m) => {
        const before = await findInScope(m, actor, Staff, input.id, STAFF_LABEL);
        if (before.version !== input.version) throw staleVersion(STAFF_LABEL);
        const patch: Partial<Staff> = {};
        if (input.fullName != null) patch.fullName = requiredText(input.fullName, 'fullName', { vi: 'Họ tên', en: 'The name' });
        if (input.postOfficeId || input.agencyId) {
          const employer = await this.employer(m, actor, input.postOfficeId, input.agencyId);
          if (employer.provinceId !== before.provinceId) throw badInput(input.postOfficeId ? 'postOfficeId' : 'agencyId', { vi: 'Đơn vị sử dụng phải thuộc tỉnh của nhân viên.', en: 'The employer must be in the person’s province.' });
          Object.assign(patch, { postOfficeId: employer.postOfficeId, agencyId: employer.agencyId });
        }
        Object.assign(patch, await this.personalFields(m, actor, input, before.provinceId));
        if (input.status) patch.status = input.status;
        await updateVersioned(m, Staff, before.id, input.version, patch, STAFF_LABEL);
        const after = await m.getRepository(Staff).findOneByOrFail({ id: before.id });
        await this.audit.record(m, actor, { action: 'staff.update', entityType: 'Staff', entityId: after.id, before, after, provinceId: after.provinceId });
        return after;
      }),
    );
  }

  /** A person of the actor's reach, read in the caller's transaction; BAD_USER_INPUT on `field` otherwise. */
  inScope(m: EntityManager, actor: Actor, id: string, field = 'staffId'): Promise<Staff> {
    return findInScope(m, actor, Staff, id, STAFF_LABEL, field);
  }

  /** A person by id inside a write, locked against concurrent writes of their shifts (see ShiftService). */
  async lockStaff(m: EntityManager, actor: Actor, id: string, field = 'staffId'): Promise<Staff> {
    const person = await findInScope(m, actor, Staff, id, STAFF_LABEL, field);
    await m.query('SELECT 1 FROM staff WHERE id = $1 FOR UPDATE', [person.id]);
    return person;
  }

  /**
   * A postal employee taking over a site's tasks in a personnel handover, as a record of the register:
   * the staff record named (within the site's province; its name and employer replace what was sent),
   * or, for a name alone, a new record employed by the site's post office (else the province's post
   * office), at home at the site's desk. A province with no post office keeps the name alone.
   * Inside the handover's write; the handover's own rule says who may.
   */
  async deployedPerson(
    m: EntityManager,
    actor: Actor,
    site: { provinceId: string; postOfficeId: string | null; deskId: string },
    person: { fullName: string; position?: string | null; employer: string; staffId?: string | null },
    field: string,
  ): Promise<{ fullName: string; position: string | null; employer: string; staffId: string | null }> {
    const position = person.position?.trim() || null;
    if (person.staffId) {
      const record = await findInScope(m, actor, Staff, person.staffId, STAFF_LABEL, field);
      if (record.provinceId !== site.provinceId) throw badInput(field, { vi: 'Nhân viên phải thuộc tỉnh của đơn vị thí điểm.', en: 'The person must be of the site’s province.' });
      const [employer] = await m.query('SELECT coalesce((SELECT name FROM post_office WHERE id = $1), (SELECT name FROM agency WHERE id = $2)) AS name', [record.postOfficeId, record.agencyId]);
      return { fullName: record.fullName, position, employer: employer.name, staffId: record.id };
    }
    const [office] = site.postOfficeId
      ? await m.query('SELECT id FROM post_office WHERE id = $1', [site.postOfficeId])
      : await m.query(`SELECT id FROM post_office WHERE province_id = $1 AND kind = 'PROVINCIAL' AND retired_on IS NULL ORDER BY code LIMIT 1`, [site.provinceId]);
    if (!office) return { fullName: person.fullName, position, employer: person.employer, staffId: null };
    const repo = m.getRepository(Staff);
    const row = repo.create({
      fullName: person.fullName, postOfficeId: office.id, agencyId: null, homeUnitId: null, homeDeskId: site.deskId, phone: null, email: null,
      nationalId: null, status: StaffStatus.ACTIVE, userId: null, provinceId: site.provinceId, version: 1,
    });
    await repo.insert(row);
    await this.audit.record(m, actor, { action: 'staff.create', entityType: 'Staff', entityId: row.id, after: row, provinceId: row.provinceId });
    return { fullName: person.fullName, position, employer: person.employer, staffId: row.id };
  }

  /** Deploys a person to a desk from the day a handover takes effect, unless they already are then. */
  async deployFromHandover(m: EntityManager, actor: Actor, staffId: string, deskId: string, from: string): Promise<void> {
    const [covered] = await m.query(
      `SELECT 1 FROM staff_assignment WHERE staff_id = $1 AND desk_id = $2 AND daterange(starts_on, ends_on, '[]') && daterange($3::date, NULL, '[]')`,
      [staffId, deskId, from],
    );
    if (covered) return;
    const [person] = await m.query('SELECT province_id FROM staff WHERE id = $1', [staffId]);
    const row = m.getRepository(StaffAssignment).create({ staffId, deskId, startsOn: from, endsOn: null, provinceId: person.province_id });
    await m.getRepository(StaffAssignment).insert(row);
    await this.audit.record(m, actor, { action: 'staffAssignment.create', entityType: 'StaffAssignment', entityId: row.id, after: row, provinceId: row.provinceId });
  }

  /** Sets (or clears) the hash of a person's calendar feed secret (counters module's CalendarService owns the rule). */
  async setCalendarSecretHash(m: EntityManager, staffId: string, hash: string | null): Promise<void> {
    await m.update(Staff, { id: staffId }, { calendarSecretHash: hash });
  }

  assign(actor: Actor, input: AssignStaffInput): Promise<StaffAssignment> {
    requireRole(actor, STAFF_WRITERS);
    if (input.endsOn && input.endsOn < input.startsOn) throw badInput('endsOn', { vi: 'Ngày kết thúc phải từ ngày bắt đầu trở đi.', en: 'The end cannot be before the start.' });
    return uniquely(
      () =>
        this.dataSource.transaction(async (m) => {
          const person = await this.lockStaff(m, actor, input.staffId);
          if (person.status === StaffStatus.LEFT) throw conflict({ vi: 'Nhân viên đã nghỉ việc.', en: 'The person has left.' });
          const desk = await findInScope(m, actor, OneStopDesk, input.deskId, LABEL.desk, 'deskId');
          if (desk.provinceId !== person.provinceId) throw badInput('deskId', { vi: 'Bộ phận một cửa phải thuộc tỉnh của nhân viên.', en: 'The desk must be in the person’s province.' });
          const repo = m.getRepository(StaffAssignment);
          const row = repo.create({ staffId: person.id, deskId: desk.id, startsOn: input.startsOn, endsOn: input.endsOn ?? null, provinceId: person.provinceId });
          await repo.insert(row);
          await this.audit.record(m, actor, { action: 'staffAssignment.create', entityType: 'StaffAssignment', entityId: row.id, after: row, provinceId: row.provinceId });
          return row;
        }),
      'startsOn',
      { vi: 'Nhân viên đã được phân công tới bộ phận này trong khoảng thời gian đó.', en: 'The person is already assigned to this desk over that period.' },
      { vi: 'Trùng với một phân công khác tới cùng bộ phận.', en: 'Overlaps another assignment to the same desk.' },
    );
  }

  endAssignment(actor: Actor, input: EndAssignmentInput): Promise<StaffAssignment> {
    requireRole(actor, STAFF_WRITERS);
    return this.dataSource.transaction(async (m) => {
      const before = await findInScope(m, actor, StaffAssignment, input.id, LABEL.assignment);
      if (input.endsOn < before.startsOn) throw badInput('endsOn', { vi: `Ngày kết thúc phải từ ngày bắt đầu (${shownDay(before.startsOn)}) trở đi.`, en: `The end cannot be before the start (${shownDay(before.startsOn)}).` });
      const [later] = await m.query(
        `SELECT day FROM shift WHERE staff_id = $1 AND desk_id = $2 AND day > $3 AND status <> 'CANCELLED' ORDER BY day LIMIT 1`,
        [before.staffId, before.deskId, input.endsOn],
      );
      if (later) {
        throw conflict({ vi: `Nhân viên còn ca trực tại bộ phận này ngày ${shownDay(later.day)}: hãy hủy hoặc chuyển ca trước.`, en: `The person still has a shift at this desk on ${shownDay(later.day)}: cancel or move it first.` }, [
          { field: 'endsOn', message: { vi: 'Còn ca trực sau ngày này.', en: 'Shifts remain after this day.' } },
        ]);
      }
      await m.update(StaffAssignment, { id: before.id }, { endsOn: input.endsOn });
      const after = await m.getRepository(StaffAssignment).findOneByOrFail({ id: before.id });
      await this.audit.record(m, actor, { action: 'staffAssignment.end', entityType: 'StaffAssignment', entityId: after.id, before, after, provinceId: after.provinceId });
      return after;
    });
  }

  /** A procedure field in use (not retired), read in the caller's transaction; BAD_USER_INPUT on `name` otherwise. */
  async fieldInUse(m: EntityManager, id: string, name = 'fieldId'): Promise<ProcedureField> {
    const [row] = await m.query('SELECT id FROM procedure_field WHERE id = $1 AND retired_on IS NULL', [id]);
    if (!row) throw badInput(name, { vi: `Không tìm thấy ${LABEL.field.vi}.`, en: `No such ${LABEL.field.en}.` });
    return m.getRepository(ProcedureField).findOneByOrFail({ id });
  }

  addQualification(actor: Actor, input: AddQualificationInput): Promise<Qualification> {
    requireRole(actor, STAFF_WRITERS);
    if (input.expiresOn && input.expiresOn < input.trainedOn) throw badInput('expiresOn', { vi: 'Ngày hết hạn phải từ ngày tập huấn trở đi.', en: 'It cannot expire before the training.' });
    if (input.trainedOn > todayInVietnam()) throw badInput('trainedOn', { vi: 'Ngày tập huấn không được ở tương lai.', en: 'The training day cannot be in the future.' });
    return uniquely(
      () =>
        this.dataSource.transaction(async (m) => {
          const person = await findInScope(m, actor, Staff, input.staffId, STAFF_LABEL, 'staffId');
          const field = await this.fieldInUse(m, input.fieldId);
          const repo = m.getRepository(Qualification);
          const row = repo.create({ staffId: person.id, fieldId: field.id, trainedOn: input.trainedOn, certificateNumber: trimmedOrNull(input.certificateNumber), expiresOn: input.expiresOn ?? null, trainingSessionId: null, provinceId: person.provinceId });
          await repo.insert(row);
          await this.audit.record(m, actor, { action: 'qualification.create', entityType: 'Qualification', entityId: row.id, after: row, provinceId: row.provinceId });
          return row;
        }),
      'trainedOn',
      { vi: 'Chứng nhận này đã được ghi.', en: 'This qualification is already recorded.' },
    );
  }

  /** Records an absence. The shifts it collides with are a field of the absence (counters module). */
  addAbsence(actor: Actor, input: AddAbsenceInput): Promise<Absence> {
    requireRole(actor, STAFF_WRITERS);
    if (input.endsOn < input.startsOn) throw badInput('endsOn', { vi: 'Ngày kết thúc phải từ ngày bắt đầu trở đi.', en: 'The end cannot be before the start.' });
    return this.dataSource.transaction(async (m) => {
      const person = await this.lockStaff(m, actor, input.staffId);
      const repo = m.getRepository(Absence);
      const row = repo.create({ staffId: person.id, kind: input.kind, startsOn: input.startsOn, endsOn: input.endsOn, note: trimmedOrNull(input.note), provinceId: person.provinceId });
      await repo.insert(row);
      await this.audit.record(m, actor, { action: 'absence.create', entityType: 'Absence', entityId: row.id, after: row, provinceId: row.provinceId });
      return row;
    });
  }

  createTrainingSession(actor: Actor, input: CreateTrainingSessionInput): Promise<{ trainingSession: TrainingSession; qualified: number }> {
    requireRole(actor, STAFF_WRITERS);
    const place = requiredText(input.place, 'place', { vi: 'Địa điểm', en: 'The place' });
    const trainer = requiredText(input.trainer, 'trainer', { vi: 'Người giảng dạy', en: 'The trainer' });
    if (input.heldOn > todayInVietnam()) throw badInput('heldOn', { vi: 'Ngày tập huấn không được ở tương lai.', en: 'The training day cannot be in the future.' });
    const attendees = [...new Set(input.attendeeIds)];
    if (attendees.length === 0) throw badInput('attendeeIds', { vi: 'Cần ít nhất một người tham dự.', en: 'At least one attendee is needed.' });
    return this.dataSource.transaction(async (m) => {
      const field = await this.fieldInUse(m, input.fieldId);
      const people: Staff[] = [];
      for (const [i, id] of attendees.entries()) people.push(await findInScope(m, actor, Staff, id, STAFF_LABEL, `attendeeIds.${i}`));
      const provinceId = people[0].provinceId;
      const other = people.findIndex((p) => p.provinceId !== provinceId);
      if (other >= 0) throw badInput(`attendeeIds.${other}`, { vi: 'Người tham dự phải cùng một tỉnh.', en: 'Attendees must be of one province.' });
      const session = m.getRepository(TrainingSession).create({ fieldId: field.id, heldOn: input.heldOn, place, trainer, validMonths: input.validMonths ?? null, note: trimmedOrNull(input.note), provinceId });
      await m.getRepository(TrainingSession).insert(session);
      const expiresOn = input.validMonths ? addMonthsMinusDay(input.heldOn, input.validMonths) : null;
      const rows = people.map((p) => ({ staffId: p.id, fieldId: field.id, trainedOn: input.heldOn, certificateNumber: null, expiresOn, trainingSessionId: session.id, provinceId }));
      // Someone already recorded as trained in this field that day keeps that record.
      const inserted = await m.createQueryBuilder().insert().into(Qualification).values(rows).orIgnore().returning('id').execute();
      const saved = await m.getRepository(TrainingSession).findOneByOrFail({ id: session.id });
      await this.audit.record(m, actor, { action: 'trainingSession.create', entityType: 'TrainingSession', entityId: saved.id, after: { ...saved, attendeeIds: people.map((p) => p.id) }, provinceId });
      return { trainingSession: saved, qualified: inserted.identifiers.length };
    });
  }

  trainingSessions(actor: Actor, page: PageArgs) {
    requireRole(actor, STAFF_READERS);
    const qb = this.dataSource.getRepository(TrainingSession).createQueryBuilder('t');
    const scope = scopeProvince(actor);
    if (scope) qb.andWhere('t.province_id = :scope', { scope });
    return paginate(qb, page, { expression: 't.seq', property: 'seq', direction: 'DESC', kind: 'int' });
  }

  // ---- batched reads for field resolvers (the parent was read within the actor's scope); `m`: inside a transaction ----

  async assignmentsOf(staffIds: readonly string[], m: EntityManager = this.dataSource.manager): Promise<StaffAssignment[][]> {
    const rows = await m.getRepository(StaffAssignment).createQueryBuilder('a').where('a.staff_id = ANY(:ids)', { ids: [...staffIds] }).orderBy('a.starts_on', 'DESC').getMany();
    return groupFor(staffIds, rows, (r) => r.staffId);
  }

  async qualificationsOf(staffIds: readonly string[], m: EntityManager = this.dataSource.manager): Promise<Qualification[][]> {
    const rows = await m.getRepository(Qualification).createQueryBuilder('q').where('q.staff_id = ANY(:ids)', { ids: [...staffIds] }).orderBy('q.trained_on', 'DESC').getMany();
    return groupFor(staffIds, rows, (r) => r.staffId);
  }

  async absencesOf(staffIds: readonly string[], m: EntityManager = this.dataSource.manager): Promise<Absence[][]> {
    const rows = await m.getRepository(Absence).createQueryBuilder('a').where('a.staff_id = ANY(:ids)', { ids: [...staffIds] }).orderBy('a.starts_on', 'DESC').getMany();
    return groupFor(staffIds, rows, (r) => r.staffId);
  }

  async attendeesOf(sessionIds: readonly string[]): Promise<Staff[][]> {
    const links: Array<{ staff_id: string; session_id: string }> = await this.dataSource.query(
      'SELECT staff_id, training_session_id AS session_id FROM qualification WHERE training_session_id = ANY($1::uuid[])',
      [[...sessionIds]],
    );
    const people = links.length
      ? await this.dataSource.getRepository(Staff).createQueryBuilder('s').where('s.id = ANY(:ids)', { ids: [...new Set(links.map((l) => l.staff_id))] }).orderBy('osp_sort_key(s.full_name)').getMany()
      : [];
    return sessionIds.map((id) => people.filter((p) => links.some((l) => l.session_id === id && l.staff_id === p.id)));
  }

}

/** The day before the same day `months` later: a certificate valid 24 months from 15/03/2024 ends on 14/03/2026. */
export function addMonthsMinusDay(day: string, months: number): string {
  const [y, mo, d] = day.split('-').map(Number);
  const target = new Date(Date.UTC(y, mo - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return addDays(target.toISOString().slice(0, 10), -1);
}

