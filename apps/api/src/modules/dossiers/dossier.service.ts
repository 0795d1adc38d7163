import { isUUID } from 'class-validator';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { forbidden, requireRole, scopeProvince } from '../../platform/authz';
import { citizenId } from '../../platform/citizen-id';
import { Injectable } from '../../platform/container';
import { staleVersion } from '../../platform/database/versioned';
import { AppError, badInput, illegalTransition, notFound, type Bilingual } from '../../platform/errors';
import { paginate, type PageArgs } from '../../platform/graphql/connection';
import { groupFor } from '../../platform/graphql/loaders';
import { SYSTEM, type Actor } from '../../platform/graphql/context';
import { addDays, isIsoDate, todayInVietnam } from '../../platform/graphql/scalars';
import { normalisedPhone } from '../../platform/personal-data';
import { postalItemNumber } from '../../platform/postal-item';
import { likeFragment, requiredText } from '../../platform/text';
import { AgencyService } from '../agencies/agency.service';
import { AuditService } from '../audit/audit.service';
import { UserService } from '../identity/user.service';
import { OneStopDeskService } from '../one-stop-desks/one-stop-desk.service';
import { POST_OFFICE_TREE, PostOfficeService } from '../post-offices/post-office.service';
import { BcciMode, ProcessingTimeUnit, type Procedure } from '../procedures/procedure.entity';
import { ProcedureService } from '../procedures/procedure.service';
import { DossierRollup } from '../reports/dossier-rollup.service';
import { WebhookOutbox } from '../webhooks/webhook-outbox';
import { WorkingDayService } from '../working-days/working-day.service';
import { PickupAppointment, PickupStatus } from './pickup.entity';
import { Dossier, DossierChannel, DossierComponent, DossierEvent, RATING_VALUE, ResultDelivery, type SatisfactionRating } from './dossier.entity';
import { DOSSIER_MACHINE_LABEL, DOSSIER_STEPS, DossierAction, DossierStatus, FINAL_STATUSES, type PostalEventKind, type StepActor } from './dossier-status';
import type { ApologiseInput, ClerkSatisfaction, DeskSatisfaction, DossierFilter, DossierStepInput, OnlineDossierInput, PostalEventInput, RateDossierInput, ReceiveDossierInput, SatisfactionCounts, SatisfactionFilter, SatisfactionSummary } from './dossier.inputs';

export const DOSSIER_LABEL: Bilingual = { vi: 'hồ sơ', en: 'dossier' };
/** Everyone who reads dossiers; each within their reach (see `reach`). */
export const DOSSIER_READERS = ['SYSTEM_ADMIN', 'STEERING_COMMITTEE', 'COUNTER_CLERK', 'AGENCY_OFFICER', 'POST_OFFICE_MANAGER'];
/** Who receives: a desk's clerks, and post office managers for dossiers taken in at a post office or at home. */
const RECEIVERS = ['COUNTER_CLERK', 'POST_OFFICE_MANAGER'];
/** The end of the office day (17:00 in Vietnam, UTC+7): a due day in working days is due then. */
const OFFICE_DAY_END_UTC = '10:00:00.000Z';
/** The sequence of a unit's day has four digits (Article 19). */
const SEQUENCE_MAX = 9999;

/** The postal events of the result's way out (BY_POST results only) and of the dossier's way in (not for dossiers filed at the desk). */
const RESULT_LEG: readonly string[] = ['RESULT_COLLECTED', 'OUT_FOR_DELIVERY', 'DELIVERED', 'DELIVERY_FAILED'];
const INTAKE_LEG: readonly string[] = ['PICKUP_SCHEDULED', 'PICKED_UP', 'HANDED_TO_AGENCY'];

const REASON_REQUIRED: Partial<Record<DossierAction, Bilingual>> = {
  REFUSE: { vi: 'Hãy ghi lý do không tiếp nhận.', en: 'Give the reason for not accepting it.' },
  STOP: { vi: 'Hãy ghi lý do dừng xử lý.', en: 'Give the reason for stopping.' },
  REQUEST_SUPPLEMENT: { vi: 'Hãy ghi lý do yêu cầu bổ sung.', en: 'Give the reason for the supplement request.' },
};

/** A step's audit verb: REQUEST_SUPPLEMENT → requestSupplement (actions are `<entity>.<camelCase verb>` everywhere). */
const camelVerb = (action: string) => action.toLowerCase().replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** Reads a procedure of any province (a portal's submission names the desk, whose province decides). */
const SYSTEM_READER: Actor = SYSTEM;

/** How an actor without a user record reads on a timeline. */
const actorName = (actor: Actor) => (actor.kind === 'system' ? 'Hệ thống' : actor.label === 'applicant' ? 'Người nộp hồ sơ' : actor.label);

/** The day of a moment in Vietnam (UTC+7, no daylight saving). */
export const vietnamDayOf = (at: Date) => todayInVietnam(at);

/** A stored dossier's overdue flag: past its legal due moment while open (the clock running), or its result came late. */
export function isOverdue(d: Pick<Dossier, 'status' | 'dueAt' | 'clockStoppedAt' | 'resultReadyAt'>, now = new Date()): boolean {
  if (d.resultReadyAt) return d.resultReadyAt.getTime() > d.dueAt.getTime();
  if (FINAL_STATUSES.includes(d.status)) return false;
  return d.clockStoppedAt === null && now.getTime() > d.dueAt.getTime();
}
const OVERDUE_SQL = `(CASE WHEN d.result_ready_at IS NOT NULL THEN d.result_ready_at > d.due_at
  WHEN d.status IN ('NOT_ACCEPTED', 'STOPPED', 'RESULT_RETURNED') THEN false ELSE d.clock_stopped_at IS NULL AND d.due_at < now() END)`;

@Injectable()
export class DossierService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly procedures: ProcedureService,
    private readonly desks: OneStopDeskService,
    private readonly agencies: AgencyService,
    private readonly postOffices: PostOfficeService,
    private readonly workingDays: WorkingDayService,
    private readonly users: UserService,
    private readonly webhooks: WebhookOutbox,
    private readonly rollup: DossierRollup,
  ) {}

  // ── Reach ────────────────────────────────────────────────────────────────

  /**
   * Narrows a query on `d` (dossier) to what the actor may read: the province for its administrators and
   * steering committee (all provinces for national ones), the desk for a counter clerk, the agency for an
   * agency officer, the post office and those reporting to it for a post office manager.
   */
  private reach(qb: SelectQueryBuilder<Dossier>, actor: Actor): SelectQueryBuilder<Dossier> {
    requireRole(actor, DOSSIER_READERS);
    const scope = scopeProvince(actor);
    if (scope) qb.andWhere('d.province_id = :scope', { scope });
    if (actor.kind !== 'user' || actor.roles.some((r) => r === 'SYSTEM_ADMIN' || r === 'STEERING_COMMITTEE')) return qb;
    const parts: string[] = [];
    if (actor.roles.includes('COUNTER_CLERK') && actor.oneStopDeskId) parts.push('d.desk_id = :reachDesk');
    if (actor.roles.includes('AGENCY_OFFICER') && actor.agencyId) parts.push('d.agency_id = :reachAgency');
    if (actor.roles.includes('POST_OFFICE_MANAGER') && actor.postOfficeId) parts.push(`d.post_office_id IN (${POST_OFFICE_TREE.replace(/:office/g, ':reachOffice')})`);
    qb.andWhere(parts.length ? `(${parts.join(' OR ')})` : 'false', { reachDesk: actor.oneStopDeskId, reachAgency: actor.agencyId, reachOffice: actor.postOfficeId });
    return qb;
  }

  /** Whether the actor handles the dossier (and sees the applicant's personal data): its desk, its agency, its post office, or the province's administrators. */
  handles(actor: Actor, d: Dossier): boolean {
    if (actor.kind === 'system') return true;
    if (actor.kind !== 'user') return false;
    if (actor.roles.includes('SYSTEM_ADMIN') && actor.provinceId === d.provinceId) return true;
    if (actor.roles.includes('COUNTER_CLERK') && actor.oneStopDeskId === d.deskId) return true;
    if (actor.roles.includes('AGENCY_OFFICER') && actor.agencyId === d.agencyId) return true;
    // A manager reads only dossiers of their post office's tree (see `reach`).
    return actor.roles.includes('POST_OFFICE_MANAGER') && d.postOfficeId !== null && actor.provinceId === d.provinceId;
  }

  /** The steps of the machine this actor may take on the dossier now. */
  stepsFor(actor: Actor, d: Dossier): DossierAction[] {
    const roles = this.stepRoles(actor, d);
    return (Object.entries(DOSSIER_STEPS[d.status]) as Array<[DossierAction, { by: readonly StepActor[] }]>).filter(([, step]) => step.by.some((r) => roles.has(r))).map(([action]) => action);
  }

  private stepRoles(actor: Actor, d: Dossier): Set<StepActor> {
    const roles = new Set<StepActor>();
    if (actor.kind === 'system') return new Set(['DESK', 'AGENCY']);
    if (actor.kind !== 'user') return roles;
    if (actor.roles.includes('COUNTER_CLERK') && actor.oneStopDeskId === d.deskId) roles.add('DESK');
    if (actor.roles.includes('AGENCY_OFFICER') && actor.agencyId === d.agencyId) roles.add('AGENCY');
    return roles;
  }

  // ── Reads ────────────────────────────────────────────────────────────────

  private filtered(actor: Actor, filter: DossierFilter): SelectQueryBuilder<Dossier> {
    const qb = this.reach(this.dataSource.getRepository(Dossier).createQueryBuilder('d'), actor);
    if (filter.statuses?.length) qb.andWhere('d.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.channels?.length) qb.andWhere('d.channel IN (:...channels)', { channels: filter.channels });
    if (filter.procedureId) qb.andWhere('d.procedure_id = :procedure', { procedure: filter.procedureId });
    if (filter.fieldId) qb.andWhere('d.procedure_id IN (SELECT p.id FROM procedure p WHERE p.field_id = :field)', { field: filter.fieldId });
    if (filter.deskId) qb.andWhere('d.desk_id = :desk', { desk: filter.deskId });
    if (filter.agencyId) qb.andWhere('d.agency_id = :agency', { agency: filter.agencyId });
    if (filter.postOfficeId) qb.andWhere(`d.post_office_id IN (${POST_OFFICE_TREE})`, { office: filter.postOfficeId });
    if (filter.overdue != null) qb.andWhere(filter.overdue ? OVERDUE_SQL : `NOT ${OVERDUE_SQL}`);
    if (filter.receivedFrom) qb.andWhere(`d.received_at >= (:from::date - interval '7 hours')`, { from: filter.receivedFrom });
    if (filter.receivedTo) qb.andWhere(`d.received_at < (:to::date + interval '17 hours')`, { to: filter.receivedTo });
    const search = filter.search?.trim();
    if (search) {
      const phone = normalisedPhone(search);
      const id = /^\d{12}$/.test(search) ? search : null;
      if (/^[\w.]+-\d{6}-\d{4}$/i.test(search)) qb.andWhere('d.code = :code', { code: search.toUpperCase() });
      else if (phone) qb.andWhere('d.applicant_phone = :phone', { phone });
      else if (id) qb.andWhere('d.applicant_national_id = :nid', { nid: id });
      // A name has no digit, a fragment of a code always has one: one condition, so that its trigram index serves it (an OR of both read every row).
      else if (/\d/.test(search)) qb.andWhere('d.code LIKE :codePart', { codePart: likeFragment(search.toUpperCase()) });
      else qb.andWhere('osp_fold(d.applicant_name) LIKE osp_fold(:name)', { name: likeFragment(search) });
    }
    return qb;
  }

  list(actor: Actor, filter: DossierFilter, page: PageArgs) {
    return paginate(this.filtered(actor, filter), page, { expression: 'd.received_at', property: 'receivedAt', direction: 'DESC', kind: 'text' });
  }

  /** Counts per status of the filter (the status filter itself left out), one statement. */
  async statusCounts(actor: Actor, filter: DossierFilter): Promise<Array<{ status: DossierStatus; count: number }>> {
    const rows: Array<{ status: DossierStatus; count: string }> = await this.filtered(actor, { ...filter, statuses: null })
      .select('d.status', 'status')
      .addSelect('count(*)', 'count')
      .groupBy('d.status')
      .getRawMany();
    const counts = new Map(rows.map((r) => [r.status, Number(r.count)]));
    return Object.values(DossierStatus).map((status) => ({ status, count: counts.get(status) ?? 0 }));
  }

  /**
   * Satisfaction ratings given over a period (Vietnam days, both included) on the dossiers within the
   * actor's reach, as the grid's (a clerk's desk, an officer's agency, a post office manager's tree, the
   * province for its administrators and committee): in all, per receiving desk, per receiving clerk at
   * each desk (by their account, or by the name the reception's event gives, for history received by
   * staff without one). One statement.
   */
  async satisfaction(actor: Actor, filter: SatisfactionFilter): Promise<SatisfactionSummary> {
    if (!isIsoDate(filter.from)) throw badInput('from', { vi: 'Ngày không hợp lệ.', en: 'Not a valid day.' });
    if (!isIsoDate(filter.to)) throw badInput('to', { vi: 'Ngày không hợp lệ.', en: 'Not a valid day.' });
    if (filter.to < filter.from) throw badInput('to', { vi: 'Ngày kết thúc phải từ ngày bắt đầu trở đi.', en: 'The end must not be before the start.' });
    if (filter.to > addDays(filter.from, 366 * 5)) throw badInput('to', { vi: 'Khoảng thời gian tối đa 5 năm.', en: 'The period is at most 5 years.' });
    const qb = this.reach(this.dataSource.getRepository(Dossier).createQueryBuilder('d'), actor)
      .leftJoin('one_stop_desk', 'k', 'k.id = d.desk_id')
      .leftJoin('app_user', 'u', 'u.id = d.clerk_id')
      .andWhere('d.rating IS NOT NULL')
      .andWhere(`d.rated_at >= (:from::date - interval '7 hours')`, { from: filter.from })
      .andWhere(`d.rated_at < (:to::date + interval '17 hours')`, { to: filter.to });
    if (filter.deskId) qb.andWhere('d.desk_id = :desk', { desk: filter.deskId });
    const rows: Array<{ deskId: string; deskName: string | null; clerkId: string | null; clerkName: string | null; satisfied: string; neutral: string; dissatisfied: string }> = await qb
      .select('d.desk_id', 'deskId')
      .addSelect('k.name', 'deskName')
      .addSelect('d.clerk_id', 'clerkId')
      // Who received it: the user, or as the reception's event names them (staff without an account, in imported history).
      .addSelect(`coalesce(u.display_name, (SELECT e.actor_label FROM dossier_event e WHERE e.dossier_id = d.id AND e.kind IN ('RECEIVED_AT_DESK', 'RECEIVE') ORDER BY e.at DESC LIMIT 1))`, 'clerkName')
      .addSelect(`count(*) FILTER (WHERE d.rating = ${RATING_VALUE.SATISFIED})`, 'satisfied')
      .addSelect(`count(*) FILTER (WHERE d.rating = ${RATING_VALUE.NEUTRAL})`, 'neutral')
      .addSelect(`count(*) FILTER (WHERE d.rating = ${RATING_VALUE.DISSATISFIED})`, 'dissatisfied')
      .groupBy('d.desk_id')
      .addGroupBy('k.name')
      .addGroupBy('d.clerk_id')
      .addGroupBy('"clerkName"')
      .getRawMany();
    const counts = (satisfied: number, neutral: number, dissatisfied: number): SatisfactionCounts => {
      const total = satisfied + neutral + dissatisfied;
      return { satisfied, neutral, dissatisfied, total, satisfiedShare: total ? satisfied / total : null };
    };
    const add = (a: SatisfactionCounts, b: SatisfactionCounts) => counts(a.satisfied + b.satisfied, a.neutral + b.neutral, a.dissatisfied + b.dissatisfied);
    const clerks: ClerkSatisfaction[] = rows.map((r) => ({ ...counts(Number(r.satisfied), Number(r.neutral), Number(r.dissatisfied)), clerkId: r.clerkId, clerkName: r.clerkName, deskId: r.deskId, deskName: r.deskName ?? '' }));
    const desks = new Map<string, DeskSatisfaction>();
    for (const c of clerks) {
      const seen = desks.get(c.deskId);
      desks.set(c.deskId, { ...(seen ? add(seen, c) : counts(c.satisfied, c.neutral, c.dissatisfied)), deskId: c.deskId, deskName: c.deskName });
    }
    const byVolume = <T extends SatisfactionCounts & { deskName: string }>(a: T, b: T) => b.total - a.total || a.deskName.localeCompare(b.deskName, 'vi');
    return {
      from: filter.from,
      to: filter.to,
      total: clerks.reduce<SatisfactionCounts>((sum, c) => add(sum, c), counts(0, 0, 0)),
      desks: [...desks.values()].sort(byVolume),
      clerks: clerks.sort((a, b) => byVolume(a, b) || (a.clerkName ?? '').localeCompare(b.clerkName ?? '', 'vi')),
    };
  }

  async find(actor: Actor, id: string): Promise<Dossier | null> {
    if (!isUUID(id)) throw badInput('id', { vi: 'Không phải mã định danh hợp lệ.', en: 'Is not a valid id.' });
    return this.reach(this.dataSource.getRepository(Dossier).createQueryBuilder('d'), actor).andWhere('d.id = :id', { id }).getOne();
  }

  async byCode(actor: Actor, code: string): Promise<Dossier | null> {
    return this.reach(this.dataSource.getRepository(Dossier).createQueryBuilder('d'), actor).andWhere('d.code = :code', { code: code.trim().toUpperCase() }).getOne();
  }

  async componentsOf(ids: readonly string[]): Promise<DossierComponent[][]> {
    const rows = await this.dataSource.getRepository(DossierComponent).createQueryBuilder('c').where('c.dossier_id = ANY(:ids)', { ids: [...ids] }).orderBy('c.position').getMany();
    return groupFor(ids, rows, (r) => r.dossierId);
  }

  async eventsOf(ids: readonly string[], manager?: EntityManager): Promise<DossierEvent[][]> {
    const rows = await (manager ?? this.dataSource.manager).getRepository(DossierEvent).createQueryBuilder('e').where('e.dossier_id = ANY(:ids)', { ids: [...ids] }).orderBy('e.at').addOrderBy('e.seq').getMany();
    return groupFor(ids, rows, (r) => r.dossierId);
  }

  // ── Reception ────────────────────────────────────────────────────────────

  /** The legal due moment of a procedure's dossier received (or supplemented) at `from`. */
  async dueFrom(m: EntityManager, procedure: Pick<Procedure, 'processingTime' | 'processingUnit'>, from: Date): Promise<Date> {
    if (procedure.processingUnit === ProcessingTimeUnit.WORKING_HOURS) return this.workingDays.addWorkingHours(from, procedure.processingTime, m);
    const day = await this.workingDays.addWorkingDays(vietnamDayOf(from), procedure.processingTime, m);
    return new Date(`${day}T${OFFICE_DAY_END_UTC}`);
  }

  /**
   * The due moment a dossier of the procedure would get if received now: the reception screen shows it
   * as the clerk fills the form. The very computation `receive` makes (`dueFrom` at this moment), for
   * those who receive, on a procedure of their province.
   */
  dueIfReceivedNow(actor: Actor, procedureId: string): Promise<Date> {
    requireRole(actor, RECEIVERS);
    if (!isUUID(procedureId)) throw badInput('procedureId', { vi: 'Không phải mã định danh hợp lệ.', en: 'Is not a valid id.' });
    const m = this.dataSource.manager;
    return this.procedures.inScope(m, actor, procedureId, 'procedureId').then((procedure) => this.dueFrom(m, procedure, new Date()));
  }

  /**
   * The next code of a unit's day, `<unit>-YYMMDD-XXXX`: the counter row is incremented inside the
   * reception's transaction and stays locked until it commits, so concurrent receptions wait in turn
   * and a reception that rolls back gives its number back (no gaps, no duplicates).
   */
  async nextCode(m: EntityManager, unitCode: string, receivedAt: Date): Promise<string> {
    const day = vietnamDayOf(receivedAt);
    const [row] = await m.query(
      `INSERT INTO dossier_sequence (unit_code, day, last) VALUES ($1, $2, 1)
       ON CONFLICT (unit_code, day) DO UPDATE SET last = dossier_sequence.last + 1 RETURNING last`,
      [unitCode, day],
    );
    const last = Number(row.last);
    if (last > SEQUENCE_MAX) throw new AppError('CONFLICT', { vi: `Đơn vị ${unitCode} đã tiếp nhận đủ ${SEQUENCE_MAX} hồ sơ trong ngày.`, en: `The unit ${unitCode} has received ${SEQUENCE_MAX} dossiers today, the most a day's codes allow.` });
    return `${unitCode}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${String(last).padStart(4, '0')}`;
  }

  receive(actor: Actor, input: ReceiveDossierInput): Promise<Dossier> {
    requireRole(actor, RECEIVERS);
    if (input.channel === DossierChannel.ONLINE_WITH_POSTAL_PICKUP) {
      throw badInput('channel', { vi: 'Hồ sơ trực tuyến do cổng dịch vụ công gửi đến, không nhập tại quầy.', en: 'Online dossiers come from portals, not from the counter.' });
    }
    const applicant = this.applicant(input);
    return this.dataSource.transaction(async (m) => {
      const isClerk = actor.kind === 'user' && actor.roles.includes('COUNTER_CLERK');
      const deskId = input.deskId ?? (isClerk ? actor.oneStopDeskId : null);
      if (!deskId) throw badInput('deskId', { vi: 'Hãy chọn Bộ phận Một cửa tiếp nhận.', en: 'Choose the receiving desk.' });
      if (isClerk && actor.kind === 'user' && !actor.roles.includes('POST_OFFICE_MANAGER') && deskId !== actor.oneStopDeskId) throw forbidden();
      const desk = await this.desks.requireActive(m, deskId, 'deskId', actor);
      const procedure = await this.procedures.inScope(m, actor, input.procedureId, 'procedureId');
      if (procedure.provinceId !== desk.provinceId) throw badInput('procedureId', { vi: 'Thủ tục không thuộc danh mục của tỉnh có Bộ phận Một cửa này.', en: 'The procedure is not in the list of the desk’s province.' });
      if (procedure.retiredOn && procedure.retiredOn <= todayInVietnam()) throw badInput('procedureId', { vi: `Thủ tục "${procedure.name}" đã bãi bỏ.`, en: `The procedure "${procedure.name}" has been withdrawn.` });

      let postOfficeId: string | null = null;
      if (input.channel !== DossierChannel.AT_DESK) {
        if (procedure.bcciMode !== BcciMode.RECEIVE_AND_RETURN) {
          throw badInput('channel', { vi: 'Thủ tục này không tiếp nhận hồ sơ qua dịch vụ bưu chính công ích: công dân nộp trực tiếp.', en: 'This procedure does not take dossiers through the post: the applicant files in person.' });
        }
        postOfficeId = input.postOfficeId ?? (actor.kind === 'user' ? actor.postOfficeId : null);
        if (!postOfficeId) throw badInput('postOfficeId', { vi: 'Hãy chọn bưu cục tiếp nhận.', en: 'Choose the receiving post office.' });
        const office = await this.postOffices.requireActive(m, postOfficeId, 'postOfficeId', actor);
        if (office.provinceId !== desk.provinceId) throw badInput('postOfficeId', { vi: 'Bưu cục không thuộc tỉnh của Bộ phận Một cửa.', en: 'The post office is not in the desk’s province.' });
      } else if (!isClerk) {
        throw badInput('channel', { vi: 'Hồ sơ nộp tại quầy do nhân viên quầy tiếp nhận.', en: 'A counter clerk receives dossiers at the desk.' });
      }
      if (input.resultDelivery === ResultDelivery.BY_POST && procedure.bcciMode === BcciMode.NOT_ELIGIBLE) {
        throw badInput('resultDelivery', { vi: 'Kết quả của thủ tục này không trả qua bưu điện.', en: 'This procedure’s result is not returned by post.' });
      }
      const deliveryAddress = input.resultDelivery === ResultDelivery.BY_POST ? requiredText(input.deliveryAddress ?? '', 'deliveryAddress', { vi: 'Địa chỉ nhận kết quả', en: 'The delivery address' }) : null;
      if (input.components.length === 0) throw badInput('components', { vi: 'Hãy đánh dấu ít nhất một thành phần hồ sơ đã nhận.', en: 'Tick at least one component received.' });
      const components = input.components.map((c, i) => ({ name: requiredText(c.name, `components.${i}.name`, { vi: 'Tên giấy tờ', en: 'The document’s name' }), originals: c.originals ?? 0, copies: c.copies ?? 0, digitised: c.digitised ?? false }));

      const unitCode = desk.identifierCode ?? (await this.agencies.read(m, desk.agencyId)).identifierCode;
      if (!unitCode) throw badInput('deskId', { vi: `"${desk.name}" chưa có mã định danh điện tử: quản trị viên cần khai báo trước khi tiếp nhận.`, en: `"${desk.name}" has no identifier code yet: an administrator must set it before receiving.` });
      const receivedAt = new Date();
      const legs = (input.channel === DossierChannel.AT_DESK ? 0 : 1) + (input.resultDelivery === ResultDelivery.BY_POST ? 1 : 0);
      const repo = m.getRepository(Dossier);
      const dossier = repo.create({
        code: await this.nextCode(m, unitCode, receivedAt),
        provinceId: desk.provinceId,
        procedureId: procedure.id,
        deskId: desk.id,
        agencyId: procedure.agencyId ?? desk.agencyId,
        postOfficeId,
        clerkId: actor.kind === 'user' ? actor.id : null,
        channel: input.channel,
        status: DossierStatus.RECEIVED,
        ...applicant,
        receivedAt,
        dueAt: await this.dueFrom(m, procedure, receivedAt),
        promisedOn: null,
        clockStoppedAt: null,
        procedureFee: procedure.procedureFee,
        postalFee: legs * procedure.postalFee,
        resultDelivery: input.resultDelivery,
        deliveryAddress,
        portalReference: null,
        submittedByClientId: null,
        version: 1,
        createdAt: receivedAt,
        updatedAt: receivedAt,
      });
      await repo.insert(dossier);
      await m.getRepository(DossierComponent).insert(components.map((c, i) => ({ ...c, dossierId: dossier.id, position: i + 1 })));
      await this.event(m, actor, dossier, { kind: 'RECEIVED_AT_DESK', fromStatus: null, toStatus: DossierStatus.RECEIVED, unitName: desk.name, dueAt: dossier.dueAt });
      await this.audit.record(m, actor, { action: 'dossier.receive', entityType: 'Dossier', entityId: dossier.id, after: { ...dossier, components }, provinceId: dossier.provinceId });
      return repo.findOneByOrFail({ id: dossier.id });
    });
  }

  /**
   * An online dossier whose applicant chose postal pickup (the portals' submission, issue 12): NEW
   * (national code 1), coded at once by the receiving desk's unit, its pickup appointment put in the
   * receiving post office's queue in the same transaction. Its clock starts when the desk receives the
   * collected paper dossier (step RECEIVE); until then `dueAt` is the due moment as if received now.
   */
  async registerOnline(m: EntityManager, actor: Actor, input: OnlineDossierInput): Promise<Dossier> {
    const desk = await this.desks.requireActive(m, input.deskId, 'deskId');
    const procedure = await this.procedures.inScope(m, SYSTEM_READER, input.procedureId, 'procedureId');
    if (procedure.provinceId !== desk.provinceId) throw badInput('procedureId', { vi: 'Thủ tục không thuộc danh mục của tỉnh có Bộ phận Một cửa này.', en: 'The procedure is not in the list of the desk’s province.' });
    if (procedure.bcciMode !== BcciMode.RECEIVE_AND_RETURN) throw badInput('procedureId', { vi: 'Thủ tục này không tiếp nhận hồ sơ qua dịch vụ bưu chính công ích.', en: 'This procedure does not take dossiers through the post.' });
    const office = await this.postOffices.requireActive(m, input.postOfficeId, 'postOfficeId');
    if (office.provinceId !== desk.provinceId) throw badInput('postOfficeId', { vi: 'Bưu cục không thuộc tỉnh của Bộ phận Một cửa.', en: 'The post office is not in the desk’s province.' });
    const pickupAddress = requiredText(input.pickupAddress, 'pickupAddress', { vi: 'Địa chỉ thu gom', en: 'The pickup address' });
    const deliveryAddress = input.resultDelivery === ResultDelivery.BY_POST ? requiredText(input.deliveryAddress ?? pickupAddress, 'deliveryAddress', { vi: 'Địa chỉ nhận kết quả', en: 'The delivery address' }) : null;
    const unitCode = desk.identifierCode ?? (await this.agencies.read(m, desk.agencyId)).identifierCode;
    if (!unitCode) throw badInput('deskId', { vi: `"${desk.name}" chưa có mã định danh điện tử.`, en: `"${desk.name}" has no identifier code yet.` });
    const now = new Date();
    const repo = m.getRepository(Dossier);
    const dossier = repo.create({
      code: await this.nextCode(m, unitCode, now),
      provinceId: desk.provinceId,
      procedureId: procedure.id,
      deskId: desk.id,
      agencyId: procedure.agencyId ?? desk.agencyId,
      postOfficeId: office.id,
      clerkId: null,
      channel: DossierChannel.ONLINE_WITH_POSTAL_PICKUP,
      status: DossierStatus.NEW,
      ...this.applicant({ applicant: input.applicant } as ReceiveDossierInput),
      receivedAt: now,
      dueAt: await this.dueFrom(m, procedure, now),
      promisedOn: null,
      clockStoppedAt: null,
      procedureFee: procedure.procedureFee,
      postalFee: (input.resultDelivery === ResultDelivery.BY_POST ? 2 : 1) * procedure.postalFee,
      resultDelivery: input.resultDelivery,
      deliveryAddress,
      portalReference: input.portalReference ?? null,
      submittedByClientId: input.submittedByClientId ?? null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    await repo.insert(dossier);
    if (input.components.length) await m.getRepository(DossierComponent).insert(input.components.map((c, i) => ({ name: c.name.trim(), originals: c.originals ?? 0, copies: c.copies ?? 0, digitised: c.digitised ?? false, dossierId: dossier.id, position: i + 1 })));
    await m.getRepository(PickupAppointment).insert({ dossierId: dossier.id, postOfficeId: office.id, provinceId: dossier.provinceId, address: pickupAddress, status: PickupStatus.TO_CALL, attempts: 0, version: 1 });
    await this.event(m, actor, dossier, { kind: 'REGISTERED_ONLINE', toStatus: DossierStatus.NEW, unitName: desk.name });
    await this.audit.record(m, actor, { action: 'dossier.registerOnline', entityType: 'Dossier', entityId: dossier.id, after: dossier, provinceId: dossier.provinceId });
    return repo.findOneByOrFail({ id: dossier.id });
  }

  private applicant(input: ReceiveDossierInput) {
    const a = input.applicant;
    const applicantPhone = normalisedPhone(a.phone);
    if (!applicantPhone) throw badInput('applicant.phone', { vi: 'Số điện thoại không hợp lệ (ví dụ 0912 345 678).', en: 'Not a valid phone number (e.g. 0912 345 678).' });
    return {
      applicantName: requiredText(a.fullName, 'applicant.fullName', { vi: 'Họ và tên', en: 'The full name' }),
      applicantNationalId: a.nationalId?.trim() ? citizenId(a.nationalId.trim(), 'applicant.nationalId', todayInVietnam()) : null,
      applicantPhone,
      applicantEmail: a.email?.trim() || null,
      applicantAddress: a.address?.trim() || null,
    };
  }

  // ── Steps ────────────────────────────────────────────────────────────────

  /**
   * Takes a step of the status machine: the dossier must be where the step starts, the actor one who
   * may take it, and the version the one read. Written with `UPDATE … WHERE id AND version AND status`,
   * so of two simultaneous steps on one dossier exactly one wins (the other gets CONFLICT).
   */
  step(actor: Actor, input: DossierStepInput): Promise<Dossier> {
    requireRole(actor, DOSSIER_READERS);
    return this.dataSource.transaction(async (m) => {
      const before = await this.readForWrite(m, actor, input.id);
      const step = DOSSIER_STEPS[before.status][input.action];
      if (!step) {
        const allowed = Object.values(DOSSIER_STEPS[before.status]).map((s) => s!.to);
        throw illegalTransition(DOSSIER_MACHINE_LABEL, before.status, Object.values(DOSSIER_STEPS).map((s) => s[input.action]?.to).find(Boolean) ?? before.status, allowed);
      }
      if (!step.by.some((r) => this.stepRoles(actor, before).has(r))) throw forbidden();
      const note = input.note?.trim() || null;
      const reasonNeeded = REASON_REQUIRED[input.action];
      if (reasonNeeded && !note) throw badInput('note', reasonNeeded);
      const now = new Date();
      const patch: Partial<Dossier> = { status: step.to };
      if (input.action === DossierAction.REQUEST_SUPPLEMENT) patch.clockStoppedAt = now;
      if (input.action === DossierAction.SUPPLEMENT_RECEIVED) {
        // Decree 61/2018: once the dossier is complete, the processing time counts again from the day it is.
        const procedure = await this.procedures.inScope(m, actor, before.procedureId, 'procedureId');
        patch.clockStoppedAt = null;
        patch.dueAt = await this.dueFrom(m, procedure, now);
        patch.promisedOn = null;
      }
      if (input.action === DossierAction.RECEIVE) {
        // An online dossier's clock starts when the desk holds the paper dossier the post collected.
        const procedure = await this.procedures.inScope(m, actor, before.procedureId, 'procedureId');
        patch.receivedAt = now;
        patch.dueAt = await this.dueFrom(m, procedure, now);
        if (actor.kind === 'user') patch.clerkId = actor.id;
      }
      if (step.to === DossierStatus.RESULT_READY) patch.resultReadyAt = now;
      if (step.to === DossierStatus.RESULT_RETURNED) patch.resultReturnedAt = now;
      await this.writeVersioned(m, before, input.version, patch);
      const after = await m.getRepository(Dossier).findOneByOrFail({ id: before.id });
      const items = input.items?.map((s) => s.trim()).filter(Boolean) ?? [];
      await this.event(m, actor, after, {
        kind: input.action,
        fromStatus: before.status,
        toStatus: after.status,
        note: items.length ? [note, ...items.map((s) => `- ${s}`)].filter(Boolean).join('\n') : note,
        dueAt: patch.dueAt ?? null,
      });
      await this.audit.record(m, actor, { action: `dossier.${camelVerb(input.action)}`, entityType: 'Dossier', entityId: after.id, before, after, provinceId: after.provinceId });
      return after;
    });
  }

  /** Form 04: a late dossier (or one that will be) gets a new date, kept beside the legal one. */
  apologise(actor: Actor, input: ApologiseInput): Promise<Dossier> {
    requireRole(actor, DOSSIER_READERS);
    if (!isIsoDate(input.newDate)) throw badInput('newDate', { vi: 'Ngày không hợp lệ.', en: 'Not a valid day.' });
    const reason = requiredText(input.reason, 'reason', { vi: 'Lý do', en: 'The reason' });
    return this.dataSource.transaction(async (m) => {
      const before = await this.readForWrite(m, actor, input.id);
      const roles = this.stepRoles(actor, before);
      if (!roles.has('AGENCY') && !roles.has('DESK')) throw forbidden();
      if (FINAL_STATUSES.includes(before.status) || before.status === DossierStatus.RESULT_READY) {
        throw illegalTransition(DOSSIER_MACHINE_LABEL, before.status, before.status, [], { vi: 'Hồ sơ đã có kết quả hoặc đã kết thúc: không cần hẹn lại.', en: 'The dossier has its result or has ended: there is nothing to reschedule.' });
      }
      if (input.newDate <= vietnamDayOf(before.dueAt) || input.newDate < todayInVietnam()) {
        throw badInput('newDate', { vi: 'Ngày hẹn mới phải sau ngày hẹn trả theo quy định và không ở quá khứ.', en: 'The new date must be after the legal due day and not in the past.' });
      }
      await this.writeVersioned(m, before, input.version, { promisedOn: input.newDate });
      const after = await m.getRepository(Dossier).findOneByOrFail({ id: before.id });
      await this.event(m, actor, after, { kind: 'APOLOGY', note: reason, dueAt: new Date(`${input.newDate}T${OFFICE_DAY_END_UTC}`) });
      await this.audit.record(m, actor, { action: 'dossier.apologise', entityType: 'Dossier', entityId: after.id, before, after, provinceId: after.provinceId });
      return after;
    });
  }

  /** An event of the postal leg, by the post office (its manager) or the desk. */
  postalEvent(actor: Actor, input: PostalEventInput): Promise<Dossier> {
    requireRole(actor, ['POST_OFFICE_MANAGER', 'COUNTER_CLERK']);
    const postalItem = input.postalItem?.trim() ? postalItemNumber(input.postalItem, 'postalItem') : null;
    const at = input.at ?? new Date();
    if (at.getTime() > Date.now() + 60_000) throw badInput('at', { vi: 'Thời điểm không được ở tương lai.', en: 'It cannot be in the future.' });
    return this.dataSource.transaction(async (m) => {
      const dossier = await this.readForWrite(m, actor, input.id);
      if (!this.handles(actor, dossier) || (actor.kind === 'user' && actor.roles.includes('SYSTEM_ADMIN') && !actor.roles.includes('POST_OFFICE_MANAGER') && !actor.roles.includes('COUNTER_CLERK'))) throw forbidden();
      if (at.getTime() < dossier.receivedAt.getTime() - 30 * 24 * 3600_000) throw badInput('at', { vi: 'Thời điểm trước khi có hồ sơ.', en: 'Before the dossier existed.' });
      // The result's leg is for a result that goes by post; the dossier's own way in, for one that came through the post.
      if (RESULT_LEG.includes(input.kind) && dossier.resultDelivery !== ResultDelivery.BY_POST) {
        throw badInput('kind', { vi: 'Kết quả của hồ sơ này nhận tại Bộ phận Một cửa, không phát qua bưu điện.', en: 'This dossier’s result is collected at the desk, not delivered by post.' });
      }
      if (INTAKE_LEG.includes(input.kind) && dossier.channel === DossierChannel.AT_DESK) {
        throw badInput('kind', { vi: 'Hồ sơ này nộp trực tiếp tại Bộ phận Một cửa, không qua bưu điện.', en: 'This dossier was filed at the desk, not through the post.' });
      }
      await m.query('UPDATE dossier SET updated_at = now() WHERE id = $1', [dossier.id]);
      const event = await this.event(m, actor, dossier, { kind: input.kind as PostalEventKind, at, place: input.place?.trim() || null, postalItem, note: input.note?.trim() || null });
      await this.audit.record(m, actor, { action: 'dossier.postalEvent', entityType: 'Dossier', entityId: dossier.id, after: event, provinceId: dossier.provinceId });
      return m.getRepository(Dossier).findOneByOrFail({ id: dossier.id });
    });
  }

  /** The applicant's rating at the counter once the result is returned. */
  rate(actor: Actor, input: RateDossierInput): Promise<Dossier> {
    requireRole(actor, ['COUNTER_CLERK']);
    return this.dataSource.transaction(async (m) => {
      const dossier = await this.readForWrite(m, actor, input.id);
      if (!this.stepRoles(actor, dossier).has('DESK')) throw forbidden();
      return this.recordRating(m, actor, dossier, input.rating, input.comment ?? null);
    });
  }

  /** Records a rating (once per dossier, after its result is returned); also used by public tracking. */
  async recordRating(m: EntityManager, actor: Actor, dossier: Dossier, rating: SatisfactionRating, comment: string | null): Promise<Dossier> {
    if (dossier.status !== DossierStatus.RESULT_RETURNED) {
      throw illegalTransition(DOSSIER_MACHINE_LABEL, dossier.status, dossier.status, [], { vi: 'Chỉ đánh giá khi đã nhận kết quả.', en: 'A dossier is rated once its result is returned.' });
    }
    if (dossier.rating !== null) throw new AppError('CONFLICT', { vi: 'Hồ sơ này đã được đánh giá.', en: 'This dossier has already been rated.' });
    await m.query('UPDATE dossier SET rating = $2, rating_comment = $3, rated_at = now(), updated_at = now(), version = version + 1 WHERE id = $1 AND rating IS NULL', [dossier.id, RATING_VALUE[rating], comment?.trim() || null]);
    const after = await m.getRepository(Dossier).findOneByOrFail({ id: dossier.id });
    await this.event(m, actor, after, { kind: 'RATED' });
    await this.audit.record(m, actor, { action: 'dossier.rate', entityType: 'Dossier', entityId: after.id, before: dossier, after, provinceId: after.provinceId });
    return after;
  }

  // ── Helpers ──────────────────────────────────────────────────────────────

  /** The dossier within the actor's reach, locked for the write; NOT_FOUND otherwise. */
  private async readForWrite(m: EntityManager, actor: Actor, id: string): Promise<Dossier> {
    const qb = this.reach(m.getRepository(Dossier).createQueryBuilder('d'), actor).andWhere('d.id = :id', { id });
    const row = await qb.setLock('pessimistic_write').getOne();
    if (!row) throw notFound(DOSSIER_LABEL, id);
    return row;
  }

  private async writeVersioned(m: EntityManager, before: Dossier, version: number, patch: Partial<Dossier>): Promise<void> {
    const result = await m
      .createQueryBuilder()
      .update(Dossier)
      .set({ ...patch, version: () => 'version + 1', updatedAt: () => 'now()' } as never)
      .where('id = :id AND version = :version AND status = :status', { id: before.id, version, status: before.status })
      .execute();
    if (!result.affected) throw staleVersion(DOSSIER_LABEL);
  }

  /** Records a step of the timeline (every status change and postal event goes through here), in the caller's transaction. */
  async event(m: EntityManager, actor: Actor, d: Dossier, e: Partial<DossierEvent> & { kind: string }): Promise<DossierEvent> {
    const repo = m.getRepository(DossierEvent);
    const row = repo.create({
      dossierId: d.id,
      at: e.at ?? new Date(),
      kind: e.kind,
      fromStatus: e.fromStatus ?? null,
      toStatus: e.toStatus ?? null,
      actorId: actor.kind === 'user' ? actor.id : null,
      actorLabel: (actor.kind === 'user' ? await this.users.displayNameIn(m, actor.id) : null) ?? actorName(actor),
      unitName: e.unitName ?? null,
      place: e.place ?? null,
      postalItem: e.postalItem ?? null,
      note: e.note ?? null,
      dueAt: e.dueAt ?? null,
    });
    await repo.insert(row);
    // The one place every status change and postal event is recorded: the portal that sent the dossier
    // hears of it by webhook, queued in this transaction (modules/webhooks).
    await this.webhooks.dossierEvent(m, d, row);
    // … and the reports' daily rollup takes the step's delta, in this transaction too (modules/reports).
    await this.rollup.dossierEvent(m, row);
    return row;
  }
}
