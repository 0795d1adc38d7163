import { DataSource, type EntityManager } from 'typeorm';
import { scopeProvince } from '../../platform/authz';
import { Injectable } from '../../platform/container';
import { staleVersion, updateVersioned } from '../../platform/database/versioned';
import { assertTransition, badInput, conflict, illegalTransition, notFound, type StatusMachineLabel } from '../../platform/errors';
import { paginate, type PageArgs } from '../../platform/graphql/connection';
import type { Actor } from '../../platform/graphql/context';
import { shownDay, todayInVietnam } from '../../platform/graphql/scalars';
import { requiredText } from '../../platform/text';
import { AuditService } from '../audit/audit.service';
import { PilotSiteService } from '../rollout/pilot-site.service';
import { findOrNull, pastOrToday, requireWriter } from '../rollout/rollout-access';
import { SiteStatus } from '../rollout/rollout.enums';
import type { HandoverTotals } from '../rollout/rollout.types';
import { FacilityHandover, HandoverRecord, PersonnelHandover } from './handover.entity';
import type {
  CreateFacilityHandoverInput,
  CreatePersonnelHandoverInput,
  HandoverFilter,
  MakeHandoverEffectiveInput,
  ReverseHandoverInput,
  SignHandoverInput,
  UpdateFacilityHandoverInput,
  UpdatePersonnelHandoverInput,
} from './handover.inputs';
import { HANDOVER_TRANSITIONS, HandoverStatus, type EquipmentLine, type PersonRefInput } from './handover.types';
import { groupFor } from '../../platform/graphql/loaders';
import { StaffService } from '../staff/staff.service';
import type { PilotSite } from '../rollout/pilot-site.entity';

/** Who records handovers: the post office's managers as well as the steering committee and administrators. */
export const HANDOVER_WRITERS = ['STEERING_COMMITTEE', 'SYSTEM_ADMIN', 'POST_OFFICE_MANAGER'];

const people = (list: readonly PersonRefInput[], field: string) =>
  list.map((p, i) => ({
    fullName: requiredText(p.fullName, `${field}.${i}.fullName`, { vi: 'Họ tên', en: 'The name' }),
    position: p.position?.trim() || null,
    employer: requiredText(p.employer, `${field}.${i}.employer`, { vi: 'Đơn vị công tác', en: 'The employer' }),
    ...(field === 'deployed' ? { staffId: p.staffId ?? null } : {}),
  }));

const equipmentLines = (list: readonly EquipmentLine[]) =>
  list.map((e, i) => ({
    type: requiredText(e.type, `equipment.${i}.type`, { vi: 'Loại thiết bị', en: 'The type' }),
    quantity: e.quantity,
    value: e.value,
    fundedBy: requiredText(e.fundedBy, `equipment.${i}.fundedBy`, { vi: 'Nguồn kinh phí', en: 'The funder' }),
  }));

const HANDOVER_STATUS_NAMES = {
  DRAFT: { vi: 'Dự thảo', en: 'draft' },
  SIGNED: { vi: 'Đã ký', en: 'signed' },
  EFFECTIVE: { vi: 'Có hiệu lực', en: 'in effect' },
  REVERSED: { vi: 'Đã hủy bỏ', en: 'reversed' },
};

/** How an effective day before the programme reads (notBeforeProgramme, through the site's service). */
const PLANNED_EFFECTIVE = { vi: 'Ngày có hiệu lực không thể', en: 'It cannot take effect' };

/** VND invested by a facility handover: construction plus equipment. */
export const investmentOf = (h: FacilityHandover) => h.constructionCost + h.equipment.reduce((sum, e) => sum + e.value, 0);

/** The status machine and the signed record, shared by personnel and facility handovers. */
abstract class HandoverRecordService<T extends HandoverRecord> {
  protected abstract readonly entity: new () => T;
  protected abstract readonly label: StatusMachineLabel;

  constructor(
    protected readonly dataSource: DataSource,
    protected readonly sites: PilotSiteService,
    protected readonly audit: AuditService,
  ) {}

  private get type(): string {
    return this.entity.name;
  }

  private get auditPrefix(): string {
    return this.type.charAt(0).toLowerCase() + this.type.slice(1);
  }

  list(actor: Actor, filter: HandoverFilter, page: PageArgs) {
    const qb = this.dataSource.getRepository(this.entity).createQueryBuilder('h');
    const scope = scopeProvince(actor);
    if (scope) qb.andWhere('h.province_id = :scope', { scope });
    if (filter.programmeId) qb.andWhere('h.programme_id = :programmeId', { programmeId: filter.programmeId });
    if (filter.phaseId) qb.andWhere('h.phase_id = :phaseId', { phaseId: filter.phaseId });
    if (filter.siteId) qb.andWhere('h.site_id = :siteId', { siteId: filter.siteId });
    if (filter.status?.length) qb.andWhere('h.status IN (:...statuses)', { statuses: filter.status });
    return paginate(qb as never, page, { expression: 'h.seq', property: 'seq', direction: 'DESC', kind: 'int' });
  }

  find(actor: Actor, id: string): Promise<T | null> {
    return findOrNull(this.dataSource.manager, actor, this.entity, id);
  }

  /** Handovers of many sites, oldest first, in one statement. */
  async ofSites(siteIds: readonly string[]): Promise<T[][]> {
    const rows = await this.dataSource.getRepository(this.entity).createQueryBuilder('h')
      .where('h.site_id = ANY(:ids)', { ids: [...siteIds] })
      .orderBy('h.seq', 'ASC')
      .getMany();
    return groupFor(siteIds, rows, (r) => r.siteId);
  }

  /** A module's own completion of what is written, inside the write (e.g. staff records of the people deployed). */
  protected async complete(_m: EntityManager, _actor: Actor, _site: PilotSite, values: Partial<T>, _before?: T): Promise<Partial<T>> {
    return values;
  }

  protected async insertDraft(actor: Actor, siteId: string, values: Partial<T>): Promise<T> {
    requireWriter(actor, HANDOVER_WRITERS);
    return this.dataSource.transaction(async (m) => {
      const site = await this.sites.requireSite(m, actor, siteId, 'siteId');
      if (site.status === SiteStatus.WITHDRAWN) throw conflict({ vi: 'Đơn vị đã rút khỏi thí điểm.', en: 'The site was withdrawn from the pilot.' });
      await this.sites.checkNotBeforeProgramme(m, site, values.effectiveOn as string | null | undefined, 'effectiveOn', PLANNED_EFFECTIVE);
      const repo = m.getRepository(this.entity);
      const record = repo.create({
        ...(await this.complete(m, actor, site, values)),
        siteId: site.id,
        phaseId: site.phaseId,
        programmeId: site.programmeId,
        provinceId: site.provinceId,
        status: HandoverStatus.DRAFT,
        statusSince: todayInVietnam(),
        recordNumber: null,
        recordSignedOn: null,
        signatories: [],
        reversalReason: null,
        version: 1,
      } as never) as unknown as T;
      await repo.insert(record as never);
      const saved = await repo.findOneByOrFail({ id: record.id } as never);
      await this.audit.record(m, actor, { action: `${this.auditPrefix}.create`, entityType: this.type, entityId: saved.id, after: saved, provinceId: saved.provinceId });
      return saved;
    });
  }

  protected change(actor: Actor, id: string, version: number, action: string, apply: (before: T, m: EntityManager) => Partial<T> | Promise<Partial<T>>): Promise<T> {
    requireWriter(actor, HANDOVER_WRITERS);
    return this.dataSource.transaction(async (m) => {
      const before = await findOrNull(m, actor, this.entity, id);
      if (!before) throw notFound(this.label, id);
      if (before.version !== version) throw staleVersion(this.label);
      const patch = await apply(before, m);
      await updateVersioned(m, this.entity, id, version, patch, this.label);
      const after = await m.getRepository(this.entity).findOneByOrFail({ id } as never);
      await this.audit.record(m, actor, { action: `${this.auditPrefix}.${action}`, entityType: this.type, entityId: id, before, after, provinceId: after.provinceId });
      return after;
    });
  }

  protected editDraft(actor: Actor, id: string, version: number, apply: (before: T) => Partial<T>): Promise<T> {
    return this.change(actor, id, version, 'update', async (before, m) => {
      if (before.status !== HandoverStatus.DRAFT) {
        throw conflict({ vi: 'Chỉ sửa được biên bản ở trạng thái dự thảo.', en: 'Only a DRAFT handover can be changed.' });
      }
      const values = apply(before);
      await this.sites.checkNotBeforeProgramme(m, before, values.effectiveOn as string | null | undefined, 'effectiveOn', PLANNED_EFFECTIVE);
      return this.complete(m, actor, await this.sites.requireSite(m, actor, before.siteId, 'siteId'), values, before);
    });
  }

  /** What a module does when a handover takes effect (e.g. deploy its people to the desk). */
  protected async onEffective(_m: EntityManager, _actor: Actor, _record: T): Promise<void> {}

  /** A handover of a site withdrawn from the pilot is not signed or put into effect (it can still be reversed). */
  private async assertSiteNotWithdrawn(m: EntityManager, record: T): Promise<void> {
    const [site] = await m.query('SELECT status FROM pilot_site WHERE id = $1', [record.siteId]);
    if (site?.status === SiteStatus.WITHDRAWN) throw conflict({ vi: 'Đơn vị đã rút khỏi thí điểm.', en: 'The site was withdrawn from the pilot.' });
  }

  /** A module's own condition for signing (e.g. someone takes over). */
  protected beforeSign(_record: T): void {}

  sign(actor: Actor, input: SignHandoverInput): Promise<T> {
    requireWriter(actor, HANDOVER_WRITERS); // who may, before what they sent
    const signedOn = pastOrToday(input.signedOn, 'signedOn');
    const recordNumber = requiredText(input.recordNumber, 'recordNumber', { vi: 'Số biên bản', en: 'The record number' });
    const signatories = input.signatories.map((s, i) => ({
      fullName: requiredText(s.fullName, `signatories.${i}.fullName`, { vi: 'Họ tên', en: 'The name' }),
      position: requiredText(s.position, `signatories.${i}.position`, { vi: 'Chức vụ', en: 'The position' }),
      organisation: requiredText(s.organisation, `signatories.${i}.organisation`, { vi: 'Đơn vị', en: 'The organisation' }),
    }));
    return this.change(actor, input.id, input.version, 'sign', async (before, m) => {
      assertTransition(HANDOVER_TRANSITIONS, this.label, before.status, HandoverStatus.SIGNED);
      await this.assertSiteNotWithdrawn(m, before);
      this.beforeSign(before);
      await this.sites.checkNotBeforeProgramme(m, before, signedOn, 'signedOn', { vi: 'Ngày ký biên bản không thể', en: 'The record cannot be signed' });
      return { status: HandoverStatus.SIGNED, statusSince: signedOn, recordNumber, recordSignedOn: signedOn, signatories } as Partial<T>;
    });
  }

  makeEffective(actor: Actor, input: MakeHandoverEffectiveInput): Promise<T> {
    requireWriter(actor, HANDOVER_WRITERS); // who may, before what they sent
    return this.change(actor, input.id, input.version, 'effective', async (before, m) => {
      assertTransition(HANDOVER_TRANSITIONS, this.label, before.status, HandoverStatus.EFFECTIVE);
      await this.assertSiteNotWithdrawn(m, before);
      const on = pastOrToday(input.effectiveOn ?? (before.effectiveOn && before.effectiveOn <= todayInVietnam() ? before.effectiveOn : null), 'effectiveOn');
      if (before.recordSignedOn && on < before.recordSignedOn) {
        throw badInput('effectiveOn', { vi: `Ngày hiệu lực phải từ ngày ký (${shownDay(before.recordSignedOn)}).`, en: `It cannot take effect before it was signed (${shownDay(before.recordSignedOn)}).` });
      }
      await this.sites.checkNotBeforeProgramme(m, before, on, 'effectiveOn', PLANNED_EFFECTIVE);
      await this.onEffective(m, actor, { ...before, effectiveOn: on });
      return { status: HandoverStatus.EFFECTIVE, statusSince: on, effectiveOn: on } as Partial<T>;
    });
  }

  reverse(actor: Actor, input: ReverseHandoverInput): Promise<T> {
    requireWriter(actor, HANDOVER_WRITERS); // who may, before what they sent
    const reason = requiredText(input.reason, 'reason', { vi: 'Lý do', en: 'The reason' });
    return this.change(actor, input.id, input.version, 'reverse', (before) => {
      assertTransition(HANDOVER_TRANSITIONS, this.label, before.status, HandoverStatus.REVERSED);
      return { status: HandoverStatus.REVERSED, statusSince: todayInVietnam(), reversalReason: reason } as Partial<T>;
    });
  }
}

@Injectable()
export class PersonnelHandoverService extends HandoverRecordService<PersonnelHandover> {
  protected readonly entity = PersonnelHandover;
  protected readonly label = { vi: 'biên bản chuyển giao nhân lực', en: 'personnel handover', statuses: HANDOVER_STATUS_NAMES };

  constructor(
    dataSource: DataSource,
    sites: PilotSiteService,
    audit: AuditService,
    private readonly staff: StaffService,
  ) {
    super(dataSource, sites, audit);
  }

  /** Every postal employee taking over is a record of the staff register: the one named, or one made from the name. */
  protected async complete(m: EntityManager, actor: Actor, site: PilotSite, values: Partial<PersonnelHandover>, before?: PersonnelHandover): Promise<Partial<PersonnelHandover>> {
    if (!values.deployed) return values;
    const deployed = [];
    for (const [i, sent] of values.deployed.entries()) {
      // A draft edited without the ids keeps the records its people already have (same name).
      const person = sent.staffId ? sent : { ...sent, staffId: before?.deployed.find((p) => p.staffId && p.fullName === sent.fullName)?.staffId ?? null };
      deployed.push(await this.staff.deployedPerson(m, actor, { provinceId: site.provinceId, postOfficeId: site.postOfficeId, deskId: site.oneStopDeskId }, person, `deployed.${i}.staffId`));
    }
    return { ...values, deployed };
  }

  /** The people taking over are deployed to the site's desk from the day it takes effect. */
  protected async onEffective(m: EntityManager, actor: Actor, record: PersonnelHandover): Promise<void> {
    const [site] = await m.query('SELECT one_stop_desk_id FROM pilot_site WHERE id = $1', [record.siteId]);
    for (const person of record.deployed) {
      if (person.staffId) await this.staff.deployFromHandover(m, actor, person.staffId, site.one_stop_desk_id, record.effectiveOn as string);
    }
  }

  create(actor: Actor, input: CreatePersonnelHandoverInput): Promise<PersonnelHandover> {
    requireWriter(actor, HANDOVER_WRITERS); // who may, before what they sent
    return this.insertDraft(actor, input.siteId, {
      tasks: [...new Set(input.tasks)],
      relieved: people(input.relieved, 'relieved'),
      deployed: people(input.deployed, 'deployed'),
      effectiveOn: input.effectiveOn ?? null,
      note: input.note?.trim() || null,
    });
  }

  update(actor: Actor, input: UpdatePersonnelHandoverInput): Promise<PersonnelHandover> {
    requireWriter(actor, HANDOVER_WRITERS); // who may, before what they sent
    return this.editDraft(actor, input.id, input.version, () => ({
      ...(input.tasks ? { tasks: [...new Set(input.tasks)] } : {}),
      ...(input.relieved ? { relieved: people(input.relieved, 'relieved') } : {}),
      ...(input.deployed ? { deployed: people(input.deployed, 'deployed') } : {}),
      ...(input.effectiveOn !== undefined ? { effectiveOn: input.effectiveOn } : {}),
      ...(input.note !== undefined ? { note: input.note?.trim() || null } : {}),
    }));
  }

  protected beforeSign(record: PersonnelHandover): void {
    if (record.deployed.length === 0) {
      throw illegalTransition(this.label, record.status, HandoverStatus.SIGNED, HANDOVER_TRANSITIONS[record.status], {
        vi: 'Biên bản cần ít nhất một nhân viên bưu điện tiếp nhận nhiệm vụ.',
        en: 'A personnel handover needs at least one postal employee taking over.',
      });
    }
  }
}

@Injectable()
export class FacilityHandoverService extends HandoverRecordService<FacilityHandover> {
  protected readonly entity = FacilityHandover;
  protected readonly label = { vi: 'biên bản chuyển giao cơ sở vật chất', en: 'facility handover', statuses: HANDOVER_STATUS_NAMES };

  constructor(dataSource: DataSource, sites: PilotSiteService, audit: AuditService) {
    super(dataSource, sites, audit);
  }

  create(actor: Actor, input: CreateFacilityHandoverInput): Promise<FacilityHandover> {
    requireWriter(actor, HANDOVER_WRITERS); // who may, before what they sent
    return this.insertDraft(actor, input.siteId, {
      premisesBefore: input.premisesBefore ?? null,
      premisesAfter: input.premisesAfter ?? null,
      equipment: equipmentLines(input.equipment),
      constructionCost: input.constructionCost,
      relocationOn: input.relocationOn ?? null,
      conditionNotes: input.conditionNotes?.trim() || null,
      effectiveOn: input.effectiveOn ?? null,
      note: input.note?.trim() || null,
    });
  }

  update(actor: Actor, input: UpdateFacilityHandoverInput): Promise<FacilityHandover> {
    requireWriter(actor, HANDOVER_WRITERS); // who may, before what they sent
    return this.editDraft(actor, input.id, input.version, () => ({
      ...(input.premisesBefore !== undefined ? { premisesBefore: input.premisesBefore } : {}),
      ...(input.premisesAfter !== undefined ? { premisesAfter: input.premisesAfter } : {}),
      ...(input.equipment ? { equipment: equipmentLines(input.equipment) } : {}),
      ...(input.constructionCost != null ? { constructionCost: input.constructionCost } : {}),
      ...(input.relocationOn !== undefined ? { relocationOn: input.relocationOn } : {}),
      ...(input.conditionNotes !== undefined ? { conditionNotes: input.conditionNotes?.trim() || null } : {}),
      ...(input.effectiveOn !== undefined ? { effectiveOn: input.effectiveOn } : {}),
      ...(input.note !== undefined ? { note: input.note?.trim() || null } : {}),
    }));
  }
}

/** Totals of handovers in effect, grouped by site, phase or programme (= the province's programme). */
@Injectable()
export class HandoverTotalsService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Totals of a province: the actor's own, or for a national user the province given (else the whole
   * country). A province code outside the actor's scope gives zeros, like a province with none.
   */
  async ofProvince(actor: Actor, provinceCode: string | null): Promise<HandoverTotals> {
    const scope = scopeProvince(actor);
    const rows: Array<{ id: string }> = provinceCode
      ? await this.dataSource.query(`SELECT id FROM administrative_unit WHERE code = $1 AND level = 'PROVINCE'`, [provinceCode])
      : [];
    let ids = scope ? [scope] : rows.map((r) => r.id);
    if (scope && provinceCode) ids = rows.some((r) => r.id === scope) ? [scope] : [];
    if (!scope && !provinceCode) {
      ids = (await this.dataSource.query(`SELECT DISTINCT province_id AS id FROM pilot_programme`)).map((r: { id: string }) => r.id);
    }
    const totals = await this.by('province_id', ids);
    return totals.reduce(
      (sum, t) => ({
        civilServantsRelieved: sum.civilServantsRelieved + t.civilServantsRelieved,
        postalStaffDeployed: sum.postalStaffDeployed + t.postalStaffDeployed,
        personnelHandovers: sum.personnelHandovers + t.personnelHandovers,
        facilityHandovers: sum.facilityHandovers + t.facilityHandovers,
        investmentTotal: sum.investmentTotal + t.investmentTotal,
      }),
      { civilServantsRelieved: 0, postalStaffDeployed: 0, personnelHandovers: 0, facilityHandovers: 0, investmentTotal: 0 },
    );
  }

  async by(column: 'site_id' | 'phase_id' | 'programme_id' | 'province_id', ids: readonly string[]): Promise<HandoverTotals[]> {
    const personnel: Array<{ key: string; relieved: number; deployed: number; n: number }> = await this.dataSource.query(
      `SELECT ${column} AS key, sum(jsonb_array_length(relieved))::int AS relieved, sum(jsonb_array_length(deployed))::int AS deployed, count(*)::int AS n
         FROM personnel_handover WHERE status = 'EFFECTIVE' AND ${column} = ANY($1::uuid[]) GROUP BY ${column}`,
      [ids],
    );
    const facility: Array<{ key: string; investment: string; n: number }> = await this.dataSource.query(
      `SELECT ${column} AS key, count(*)::int AS n,
              sum(construction_cost + coalesce((SELECT sum((e->>'value')::numeric) FROM jsonb_array_elements(equipment) e), 0))::text AS investment
         FROM facility_handover WHERE status = 'EFFECTIVE' AND ${column} = ANY($1::uuid[]) GROUP BY ${column}`,
      [ids],
    );
    return ids.map((id) => {
      const p = personnel.find((r) => r.key === id);
      const f = facility.find((r) => r.key === id);
      return {
        civilServantsRelieved: p?.relieved ?? 0,
        postalStaffDeployed: p?.deployed ?? 0,
        personnelHandovers: p?.n ?? 0,
        facilityHandovers: f?.n ?? 0,
        investmentTotal: Number(f?.investment ?? 0),
      };
    });
  }
}
