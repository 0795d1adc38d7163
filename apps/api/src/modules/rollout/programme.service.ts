import { DataSource, type EntityManager } from 'typeorm';
import { assertProvince, scopeProvince } from '../../platform/authz';
import { Injectable } from '../../platform/container';
import { updateVersioned, staleVersion } from '../../platform/database/versioned';
import { assertTransition, badInput, conflict, illegalTransition, uniquely } from '../../platform/errors';
import { paginate, type PageArgs } from '../../platform/graphql/connection';
import type { Actor } from '../../platform/graphql/context';
import { todayInVietnam } from '../../platform/graphql/scalars';
import { requiredText } from '../../platform/text';
import { AdministrativeLevel } from '../administrative-units/administrative-unit.entity';
import { AdministrativeUnitService } from '../administrative-units/administrative-unit.service';
import { AuditService } from '../audit/audit.service';
import { PilotProgramme } from './pilot-programme.entity';
import { PhasePlanRevision, RolloutPhase } from './rollout-phase.entity';
import { LABELS, cleanList, findInScope, findOrNull, notBeforeProgramme, pastOrToday, requireWriter } from './rollout-access';
import { PHASE_TRANSITIONS, PhaseStatus, PROGRAMME_TRANSITIONS, ProgrammeStatus } from './rollout.enums';
import type {
  AddRolloutPhaseInput,
  ChangePilotProgrammeStatusInput,
  ChangeRolloutPhaseStatusInput,
  CreatePilotProgrammeInput,
  PilotProgrammeFilter,
  ReplanRolloutPhaseInput,
  UpdatePilotProgrammeInput,
} from './rollout.inputs';
import { DEFAULT_READINESS_ITEMS, type CommitteeMember, type LegalDocument, type LevelTargets, type ReadinessItem } from './rollout.types';
import { groupFor } from '../../platform/graphql/loaders';

/** Tables of the rollout and handover modules whose rows carry their programme's province. */
const PROVINCE_FOLLOWERS = ['rollout_phase', 'phase_plan_revision', 'pilot_site', 'site_status_change', 'steering_meeting', 'action_item', 'personnel_handover', 'facility_handover'];

/** Programmes and their phases: the plan of the rollout. */
@Injectable()
export class ProgrammeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly units: AdministrativeUnitService,
    private readonly audit: AuditService,
  ) {
    units.onReorganised((m, unitIds) => this.followReorganisation(m, unitIds));
  }

  list(actor: Actor, filter: PilotProgrammeFilter, page: PageArgs) {
    const qb = this.dataSource.getRepository(PilotProgramme).createQueryBuilder('p');
    const scope = scopeProvince(actor);
    if (scope) qb.andWhere('p.province_id = :scope', { scope });
    if (filter.status) qb.andWhere('p.status = :status', { status: filter.status });
    if (filter.provinceCode) {
      qb.andWhere('(p.province_id IN (SELECT id FROM administrative_unit WHERE code = :pc) OR p.administrative_unit_id IN (SELECT id FROM administrative_unit WHERE code = :pc))', {
        pc: filter.provinceCode,
      });
    }
    return paginate(qb, page, { expression: 'p.code', property: 'code', direction: 'ASC' });
  }

  findProgramme(actor: Actor, id: string): Promise<PilotProgramme | null> {
    return findOrNull(this.dataSource.manager, actor, PilotProgramme, id);
  }

  findPhase(actor: Actor, id: string): Promise<RolloutPhase | null> {
    return findOrNull(this.dataSource.manager, actor, RolloutPhase, id);
  }

  /** Phases of many programmes, in order, in one statement. */
  async phasesOf(programmeIds: readonly string[]): Promise<RolloutPhase[][]> {
    const rows = await this.dataSource.getRepository(RolloutPhase).createQueryBuilder('ph')
      .where('ph.programme_id = ANY(:ids)', { ids: [...programmeIds] })
      .orderBy('ph.ordinal', 'ASC')
      .getMany();
    return groupFor(programmeIds, rows, (r) => r.programmeId);
  }

  /** Replaced plans of many phases, oldest first, in one statement. */
  async planHistoryOf(phaseIds: readonly string[]): Promise<PhasePlanRevision[][]> {
    const rows = await this.dataSource.getRepository(PhasePlanRevision).createQueryBuilder('r')
      .where('r.phase_id = ANY(:ids)', { ids: [...phaseIds] })
      .orderBy('r.revision', 'ASC')
      .getMany();
    return groupFor(phaseIds, rows, (r) => r.phaseId);
  }

  create(actor: Actor, input: CreatePilotProgrammeInput): Promise<PilotProgramme> {
    requireWriter(actor);
    const name = requiredText(input.name, 'name');
    const legalBasis = documents(input.legalBasis);
    const readinessItems = checklist(input.readinessItems ?? DEFAULT_READINESS_ITEMS);
    const firstDay = legalBasis.map((d) => d.signedOn).sort()[0] ?? todayInVietnam();
    return this.dataSource.transaction(async (m) => {
      const province = await this.units.requireByCode(input.provinceCode, 'provinceCode', m, firstDay);
      if (province.level !== AdministrativeLevel.PROVINCE) {
        throw badInput('provinceCode', { vi: `"${province.name}" không phải cấp tỉnh.`, en: `"${province.name}" is not a province.` });
      }
      const provinceId = await this.units.provinceIdOf(m, province.id);
      assertProvince(actor, provinceId);
      const repo = m.getRepository(PilotProgramme);
      const programme = repo.create({
        code: input.code,
        name,
        administrativeUnitId: province.id,
        provinceId,
        status: ProgrammeStatus.DRAFT,
        legalBasis,
        committee: members(input.committee),
        readinessItems,
        version: 1,
      });
      await uniquely(() => repo.insert(programme), 'code', { vi: `Mã "${input.code}" đã được dùng.`, en: `The code "${input.code}" is already in use.` });
      const saved = await repo.findOneByOrFail({ id: programme.id });
      await this.audit.record(m, actor, { action: 'pilotProgramme.create', entityType: 'PilotProgramme', entityId: saved.id, after: saved, provinceId });
      return saved;
    });
  }

  update(actor: Actor, input: UpdatePilotProgrammeInput): Promise<PilotProgramme> {
    requireWriter(actor);
    return this.changeProgramme(actor, input.id, input.version, 'update', async (before) => {
      if (before.status === ProgrammeStatus.CLOSED) throw conflict({ vi: 'Đề án đã kết thúc.', en: 'The programme is closed.' });
      const patch: Partial<PilotProgramme> = {};
      if (input.name != null) patch.name = requiredText(input.name, 'name');
      if (input.legalBasis) {
        if (input.legalBasis.length === 0 && before.status !== ProgrammeStatus.DRAFT) {
          throw badInput('legalBasis', { vi: 'Đề án đang triển khai phải có ít nhất một văn bản pháp lý.', en: 'An active programme keeps at least one legal document.' });
        }
        patch.legalBasis = documents(input.legalBasis);
      }
      if (input.committee) patch.committee = members(input.committee);
      if (input.readinessItems) patch.readinessItems = checklist(input.readinessItems);
      return patch;
    });
  }

  changeStatus(actor: Actor, input: ChangePilotProgrammeStatusInput): Promise<PilotProgramme> {
    requireWriter(actor);
    return this.changeProgramme(actor, input.id, input.version, 'status', async (before, m) => {
      assertTransition(PROGRAMME_TRANSITIONS, LABELS.programme, before.status, input.status);
      if (input.status === ProgrammeStatus.ACTIVE && before.legalBasis.length === 0) {
        throw illegalTransition(LABELS.programme, before.status, input.status, PROGRAMME_TRANSITIONS[before.status], {
          vi: 'Đề án cần ít nhất một văn bản pháp lý trước khi triển khai.',
          en: 'A programme needs at least one legal document before it becomes active.',
        });
      }
      if (input.status === ProgrammeStatus.CLOSED) {
        const [{ open }] = await m.query(`SELECT count(*)::int AS open FROM rollout_phase WHERE programme_id = $1 AND status <> 'CLOSED'`, [before.id]);
        if (open > 0) {
          throw illegalTransition(LABELS.programme, before.status, input.status, PROGRAMME_TRANSITIONS[before.status], {
            vi: `Còn ${open} giai đoạn chưa kết thúc.`,
            en: `${open} phases are not closed yet.`,
          });
        }
      }
      return { status: input.status };
    });
  }

  addPhase(actor: Actor, input: AddRolloutPhaseInput): Promise<RolloutPhase> {
    requireWriter(actor);
    const name = requiredText(input.name, 'name');
    checkPlan(input.plannedStart, input.plannedEnd);
    return this.dataSource.transaction(async (m) => {
      const programme = await findInScope(m, actor, PilotProgramme, input.programmeId, LABELS.programme, 'programmeId');
      await m.query('SELECT 1 FROM pilot_programme WHERE id = $1 FOR UPDATE', [programme.id]); // one ordinal at a time
      if (programme.status === ProgrammeStatus.CLOSED) throw conflict({ vi: 'Đề án đã kết thúc.', en: 'The programme is closed.' });
      checkWithinProgramme(programme, input.plannedStart);
      const [{ next }] = await m.query('SELECT coalesce(max(ordinal), 0) + 1 AS next FROM rollout_phase WHERE programme_id = $1', [programme.id]);
      const repo = m.getRepository(RolloutPhase);
      const phase = repo.create({
        programmeId: programme.id,
        provinceId: programme.provinceId,
        ordinal: next,
        name,
        plannedStart: input.plannedStart,
        plannedEnd: input.plannedEnd,
        actualStart: null,
        actualEnd: null,
        ...targetColumns(input.targets),
        goLiveGates: cleanList(input.goLiveGates),
        status: PhaseStatus.PLANNED,
        version: 1,
      });
      await repo.insert(phase);
      const saved = await repo.findOneByOrFail({ id: phase.id });
      await this.audit.record(m, actor, { action: 'rolloutPhase.create', entityType: 'RolloutPhase', entityId: saved.id, after: saved, provinceId: saved.provinceId });
      return saved;
    });
  }

  /** A new plan; the one it replaces goes to the phase's plan history with the reason. */
  replanPhase(actor: Actor, input: ReplanRolloutPhaseInput): Promise<RolloutPhase> {
    requireWriter(actor);
    checkPlan(input.plannedStart, input.plannedEnd);
    const reason = requiredText(input.reason, 'reason', { vi: 'Lý do', en: 'The reason' });
    return this.changePhase(actor, input.id, input.version, 'replan', async (before, m) => {
      if (before.status === PhaseStatus.CLOSED) throw conflict({ vi: 'Giai đoạn đã kết thúc.', en: 'The phase is closed.' });
      checkWithinProgramme(await m.getRepository(PilotProgramme).findOneByOrFail({ id: before.programmeId }), input.plannedStart);
      const [{ revision }] = await m.query('SELECT coalesce(max(revision), 0) + 1 AS revision FROM phase_plan_revision WHERE phase_id = $1', [before.id]);
      await m.getRepository(PhasePlanRevision).insert({
        phaseId: before.id,
        provinceId: before.provinceId,
        revision,
        plannedStart: before.plannedStart,
        plannedEnd: before.plannedEnd,
        targetProvince: before.targetProvince,
        targetDistrict: before.targetDistrict,
        targetCommune: before.targetCommune,
        reason,
        actorId: actor.id,
        actorLabel: actor.label,
        replacedAt: new Date(),
      });
      return {
        plannedStart: input.plannedStart,
        plannedEnd: input.plannedEnd,
        ...(input.targets ? targetColumns(input.targets) : {}),
        ...(input.goLiveGates ? { goLiveGates: cleanList(input.goLiveGates) } : {}),
      };
    });
  }

  /** PLANNED → IN_PROGRESS (the programme must be active) → CLOSED (no site left waiting to launch). */
  changePhaseStatus(actor: Actor, input: ChangeRolloutPhaseStatusInput): Promise<RolloutPhase> {
    requireWriter(actor);
    const on = pastOrToday(input.on, 'on');
    return this.changePhase(actor, input.id, input.version, 'status', async (before, m) => {
      assertTransition(PHASE_TRANSITIONS, LABELS.phase, before.status, input.status);
      const refuse = (reason: { vi: string; en: string }) => illegalTransition(LABELS.phase, before.status, input.status, PHASE_TRANSITIONS[before.status], reason);
      if (input.status === PhaseStatus.IN_PROGRESS) {
        const programme = await m.getRepository(PilotProgramme).findOneByOrFail({ id: before.programmeId });
        if (programme.status !== ProgrammeStatus.ACTIVE) throw refuse({ vi: 'Đề án chưa được triển khai (ACTIVE).', en: 'The programme is not active.' });
        return { status: input.status, actualStart: on };
      }
      if (before.actualStart && on < before.actualStart) throw badInput('on', { vi: 'Ngày kết thúc trước ngày bắt đầu.', en: 'The end is before the start.' });
      // Waiting to launch: enrolled or preparing, or suspended before it ever launched.
      const [{ waiting }] = await m.query(
        `SELECT count(*)::int AS waiting FROM pilot_site WHERE phase_id = $1 AND launched_on IS NULL AND status IN ('PLANNED', 'PREPARING', 'SUSPENDED')`,
        [before.id],
      );
      if (waiting > 0) {
        throw refuse({
          vi: `Còn ${waiting} đơn vị chưa khai trương: hãy khai trương hoặc rút chúng khỏi giai đoạn trước.`,
          en: `${waiting} sites have not launched: launch or withdraw them first.`,
        });
      }
      return { status: input.status, actualEnd: on };
    });
  }

  private async changeProgramme(
    actor: Actor,
    id: string,
    version: number,
    action: string,
    apply: (before: PilotProgramme, m: EntityManager) => Promise<Partial<PilotProgramme>>,
  ): Promise<PilotProgramme> {
    return this.dataSource.transaction(async (m) => {
      const before = await findInScope(m, actor, PilotProgramme, id, LABELS.programme);
      if (before.version !== version) throw staleVersion(LABELS.programme);
      const patch = await apply(before, m);
      await updateVersioned(m, PilotProgramme, id, version, patch, LABELS.programme);
      const after = await m.getRepository(PilotProgramme).findOneByOrFail({ id });
      await this.audit.record(m, actor, { action: `pilotProgramme.${action}`, entityType: 'PilotProgramme', entityId: id, before, after, provinceId: after.provinceId });
      return after;
    });
  }

  private async changePhase(
    actor: Actor,
    id: string,
    version: number,
    action: string,
    apply: (before: RolloutPhase, m: EntityManager) => Promise<Partial<RolloutPhase>>,
  ): Promise<RolloutPhase> {
    return this.dataSource.transaction(async (m) => {
      const before = await findInScope(m, actor, RolloutPhase, id, LABELS.phase);
      if (before.version !== version) throw staleVersion(LABELS.phase);
      const patch = await apply(before, m);
      await updateVersioned(m, RolloutPhase, id, version, patch, LABELS.phase);
      const after = await m.getRepository(RolloutPhase).findOneByOrFail({ id });
      await this.audit.record(m, actor, { action: `rolloutPhase.${action}`, entityType: 'RolloutPhase', entityId: id, before, after, provinceId: after.provinceId });
      return after;
    });
  }

  /** When the map changes (the 2025 merges), programmes and everything under them follow their province. */
  private async followReorganisation(m: EntityManager, unitIds: string[]): Promise<void> {
    const moved: Array<{ id: string; province_id: string }> = await m.query(
      `UPDATE pilot_programme SET province_id = osp_province_of(osp_unit_as_of(administrative_unit_id, $2)), updated_at = now()
        WHERE administrative_unit_id = ANY($1::uuid[])
          AND province_id IS DISTINCT FROM osp_province_of(osp_unit_as_of(administrative_unit_id, $2))
        RETURNING id, province_id`,
      [unitIds, todayInVietnam()],
    );
    for (const table of PROVINCE_FOLLOWERS) {
      const via = table === 'phase_plan_revision' ? '(SELECT programme_id FROM rollout_phase WHERE id = t.phase_id)'
        : table === 'site_status_change' ? '(SELECT programme_id FROM pilot_site WHERE id = t.site_id)'
        : 't.programme_id';
      for (const row of moved) {
        await m.query(`UPDATE ${table} t SET province_id = $2 WHERE ${via} = $1`, [row.id, row.province_id]);
      }
    }
  }
}

/** A phase starts no earlier than the programme's legal basis: its earliest document's signing day. */
function checkWithinProgramme(programme: PilotProgramme, plannedStart: string): void {
  notBeforeProgramme(programme, plannedStart, 'plannedStart', { vi: 'Giai đoạn không thể bắt đầu', en: 'A phase cannot start' });
}

function checkPlan(start: string, end: string): void {
  if (end < start) throw badInput('plannedEnd', { vi: 'Ngày kết thúc dự kiến trước ngày bắt đầu.', en: 'The planned end is before the planned start.' });
}

function targetColumns(t: LevelTargets) {
  return { targetProvince: t.province, targetDistrict: t.district, targetCommune: t.commune };
}

/** Legal documents, trimmed and none empty, in the order given. */
function documents(list: readonly LegalDocument[]): LegalDocument[] {
  return list.map((d, i) => ({
    number: requiredText(d.number, `legalBasis.${i}.number`, { vi: 'Số hiệu', en: 'The number' }),
    signedOn: d.signedOn,
    issuer: requiredText(d.issuer, `legalBasis.${i}.issuer`, { vi: 'Cơ quan ban hành', en: 'The issuer' }),
    title: requiredText(d.title, `legalBasis.${i}.title`, { vi: 'Trích yếu', en: 'The title' }),
  }));
}

function members(list: readonly CommitteeMember[]): CommitteeMember[] {
  return list.map((c, i) => ({
    fullName: requiredText(c.fullName, `committee.${i}.fullName`, { vi: 'Họ tên', en: 'The name' }),
    position: requiredText(c.position, `committee.${i}.position`, { vi: 'Chức vụ', en: 'The position' }),
    committeeRole: c.committeeRole,
  }));
}

/** A checklist: trimmed labels, keys unique. */
function checklist(items: readonly ReadinessItem[]): ReadinessItem[] {
  const seen = new Set<string>();
  return items.map((item, i) => {
    if (seen.has(item.key)) throw badInput(`readinessItems.${i}.key`, { vi: `Mã "${item.key}" bị trùng.`, en: `The key "${item.key}" is repeated.` });
    seen.add(item.key);
    return { key: item.key, label: requiredText(item.label, `readinessItems.${i}.label`, { vi: 'Nội dung', en: 'The label' }) };
  });
}
