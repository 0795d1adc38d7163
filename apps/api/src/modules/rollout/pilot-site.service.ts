import { DataSource, type EntityManager } from 'typeorm';
import { scopeProvince } from '../../platform/authz';
import { Injectable } from '../../platform/container';
import { staleVersion, updateVersioned } from '../../platform/database/versioned';
import { AppError, badInput, conflict, illegalTransition, sqlState, type Bilingual, type FieldProblem } from '../../platform/errors';
import { paginate, type PageArgs } from '../../platform/graphql/connection';
import type { Actor } from '../../platform/graphql/context';
import { shownDay, todayInVietnam } from '../../platform/graphql/scalars';
import { likeFragment } from '../../platform/text';
import { AuditService } from '../audit/audit.service';
import { OneStopDeskService } from '../one-stop-desks/one-stop-desk.service';
import { POST_OFFICE_TREE, PostOfficeService } from '../post-offices/post-office.service';
import { PilotProgramme } from './pilot-programme.entity';
import { PilotSite, SiteStatusChange } from './pilot-site.entity';
import { RolloutPhase } from './rollout-phase.entity';
import { LABELS, READINESS_WRITERS, findInScope, findOrNull, notBeforeProgramme, pastOrToday, requireWriter } from './rollout-access';
import { ACTIVE_SITE_STATUSES, HandoverModel, PhaseStatus, ProgrammeStatus, siteMovesFrom, SiteStatus } from './rollout.enums';
import type { EnrolPilotSitesInput, MovePilotSiteInput, PilotSiteFilter, SetReadinessInput, UpdatePilotSiteInput } from './rollout.inputs';
import type { ReadinessCheck, ReadinessItem, ReadinessState } from './rollout.types';
import { groupFor } from '../../platform/graphql/loaders';

/** SQL: the site (alias s) is past its planned launch and has not launched. */
export const LATE_SITE_SQL = `(s.planned_launch < :today AND s.launched_on IS NULL AND s.status IN ('PLANNED', 'PREPARING', 'SUSPENDED'))`;

/** A site is late when its planned launch has passed and it has not launched. */
export function isLate(site: PilotSite, today = todayInVietnam()): boolean {
  return site.plannedLaunch !== null && site.plannedLaunch < today && site.launchedOn === null && [SiteStatus.PLANNED, SiteStatus.PREPARING, SiteStatus.SUSPENDED].includes(site.status);
}

/** The checklist of a site against its programme's items. */
export function readinessOf(site: PilotSite, items: readonly ReadinessItem[]): ReadinessCheck[] {
  return items.map((item) => {
    const state = site.readiness[item.key];
    return { key: item.key, label: item.label, done: Boolean(state), doneOn: state?.doneOn ?? null, doneBy: state?.doneBy ?? null, note: state?.note ?? null };
  });
}

/** How a planned launch before the programme reads (notBeforeProgramme). */
const PLANNED_LAUNCH = { vi: 'Ngày dự kiến khai trương không thể', en: 'The planned launch cannot be' };

/** Pilot sites: enrolment, the status machine with its readiness gate, and their history. */
@Injectable()
export class PilotSiteService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly desks: OneStopDeskService,
    private readonly postOffices: PostOfficeService,
    private readonly audit: AuditService,
  ) {}

  list(actor: Actor, filter: PilotSiteFilter, page: PageArgs) {
    const qb = this.dataSource.getRepository(PilotSite).createQueryBuilder('s');
    const scope = scopeProvince(actor);
    if (scope) qb.andWhere('s.province_id = :scope', { scope });
    if (filter.programmeId) qb.andWhere('s.programme_id = :programmeId', { programmeId: filter.programmeId });
    if (filter.phaseId) qb.andWhere('s.phase_id = :phaseId', { phaseId: filter.phaseId });
    if (filter.level) qb.andWhere('s.level = :level', { level: filter.level });
    if (filter.status?.length) qb.andWhere('s.status IN (:...statuses)', { statuses: filter.status });
    if (filter.handoverModel) qb.andWhere('s.handover_model = :model', { model: filter.handoverModel });
    if (filter.postOfficeId) {
      // The post office and those reporting to it, at any depth (within the sites' province scope above).
      qb.andWhere(`s.post_office_id IN (${POST_OFFICE_TREE})`, { office: filter.postOfficeId });
    }
    if (filter.late) qb.andWhere(LATE_SITE_SQL, { today: todayInVietnam() });
    const search = filter.search?.trim();
    if (search) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM one_stop_desk d WHERE d.id = s.one_stop_desk_id AND (osp_fold(d.name) LIKE osp_fold(:search) OR d.code = :code))`,
        { search: likeFragment(search), code: search },
      );
    }
    // Sites list in the order they were enrolled.
    return paginate(qb, page, { expression: 's.seq', property: 'seq', direction: 'ASC', kind: 'int' });
  }

  find(actor: Actor, id: string): Promise<PilotSite | null> {
    return findOrNull(this.dataSource.manager, actor, PilotSite, id);
  }

  /** A site by id inside the caller's transaction, within the actor's province (for the handover module). */
  requireSite(m: EntityManager, actor: Actor, id: string, field: string): Promise<PilotSite> {
    return findInScope(m, actor, PilotSite, id, LABELS.site, field);
  }

  /**
   * A day of a record that hangs on a site (a handover's effective or signing day) is not before the
   * site's programme starts (notBeforeProgramme, the rule of phases and planned launches).
   */
  async checkNotBeforeProgramme(m: EntityManager, site: Pick<PilotSite, 'programmeId'>, day: string | null | undefined, field: string, what: Bilingual): Promise<void> {
    if (!day) return;
    notBeforeProgramme(await m.getRepository(PilotProgramme).findOneByOrFail({ id: site.programmeId }), day, field, what);
  }

  /** The active site (if any) of each of many desks, within the actor's province, in one statement. */
  async activeOfDesks(actor: Actor, deskIds: readonly string[]): Promise<(PilotSite | null)[]> {
    const qb = this.dataSource.getRepository(PilotSite).createQueryBuilder('s')
      .where('s.one_stop_desk_id = ANY(:ids)', { ids: [...deskIds] })
      .andWhere('s.status IN (:...active)', { active: ACTIVE_SITE_STATUSES });
    const scope = scopeProvince(actor);
    if (scope) qb.andWhere('s.province_id = :scope', { scope });
    const rows = await qb.getMany();
    return deskIds.map((id) => rows.find((r) => r.oneStopDeskId === id) ?? null);
  }

  /** Status history of many sites, oldest first, in one statement. */
  async historyOf(siteIds: readonly string[]): Promise<SiteStatusChange[][]> {
    const rows = await this.dataSource.getRepository(SiteStatusChange).createQueryBuilder('c')
      .where('c.site_id = ANY(:ids)', { ids: [...siteIds] })
      .orderBy('c.seq', 'ASC')
      .getMany();
    return groupFor(siteIds, rows, (r) => r.siteId);
  }

  /** Enrols desks in a phase in one transaction: every desk is checked, and any problem enrols none. */
  enrol(actor: Actor, input: EnrolPilotSitesInput): Promise<PilotSite[]> {
    requireWriter(actor);
    const on = pastOrToday(input.on, 'on');
    return this.dataSource.transaction(async (m) => {
      const phase = await findInScope(m, actor, RolloutPhase, input.phaseId, LABELS.phase, 'phaseId');
      const programme = await m.getRepository(PilotProgramme).findOneByOrFail({ id: phase.programmeId });
      if (phase.status === PhaseStatus.CLOSED || programme.status === ProgrammeStatus.CLOSED) {
        throw conflict({ vi: `Giai đoạn "${phase.name}" đã kết thúc.`, en: `The phase "${phase.name}" is closed.` });
      }
      const problems: FieldProblem[] = [];
      const taken: FieldProblem[] = [];
      const seen = new Set<string>();
      const rows: Partial<PilotSite>[] = [];
      for (const [i, entry] of input.sites.entries()) {
        const at = (field: string) => `sites.${i}.${field}`;
        if (seen.has(entry.oneStopDeskId)) {
          problems.push({ field: at('oneStopDeskId'), message: { vi: 'Bộ phận này đã có trong danh sách.', en: 'This desk is already in the list.' } });
          continue;
        }
        seen.add(entry.oneStopDeskId);
        try {
          const desk = await this.desks.requireActive(m, entry.oneStopDeskId, at('oneStopDeskId'), actor);
          if (desk.provinceId !== programme.provinceId) {
            throw badInput(at('oneStopDeskId'), { vi: `"${desk.name}" không thuộc tỉnh của đề án.`, en: `"${desk.name}" is not in the programme's province.` });
          }
          notBeforeProgramme(programme, entry.plannedLaunch, at('plannedLaunch'), PLANNED_LAUNCH);
          if (entry.handoverModel === HandoverModel.AT_POST_OFFICE && !entry.postOfficeId) {
            throw badInput(at('postOfficeId'), { vi: 'Phương án chuyển về bưu điện cần chọn bưu điện.', en: 'Moving into a post office needs the post office.' });
          }
          if (entry.postOfficeId) {
            const office = await this.postOffices.requireActive(m, entry.postOfficeId, at('postOfficeId'), actor);
            if (office.provinceId !== programme.provinceId) {
              throw badInput(at('postOfficeId'), { vi: `"${office.name}" không thuộc tỉnh của đề án.`, en: `"${office.name}" is not in the programme's province.` });
            }
          }
          const active = await m.query(`SELECT 1 FROM pilot_site WHERE one_stop_desk_id = $1 AND status NOT IN ('REVIEWED', 'WITHDRAWN')`, [desk.id]);
          if (active.length) {
            taken.push({ field: at('oneStopDeskId'), message: { vi: `"${desk.name}" đang thuộc một đơn vị thí điểm khác.`, en: `"${desk.name}" is already in an active pilot site.` } });
            continue;
          }
          rows.push({
            phaseId: phase.id,
            programmeId: programme.id,
            provinceId: programme.provinceId,
            oneStopDeskId: desk.id,
            level: desk.level,
            handoverModel: entry.handoverModel,
            postOfficeId: entry.postOfficeId ?? null,
            plannedLaunch: entry.plannedLaunch ?? phase.plannedEnd,
            status: SiteStatus.PLANNED,
            statusSince: on,
            suspendedFrom: null,
            launchedOn: null,
            readiness: {},
            note: null,
            version: 1,
          });
        } catch (error) {
          const fields = (error as { fields?: FieldProblem[] }).fields;
          if (!fields?.length) throw error;
          problems.push(...fields);
        }
      }
      // A desk taken by another site is a conflict with the record as it stands; the rest is bad input.
      if (taken.length) throw conflict({ vi: 'Có bộ phận đã thuộc đơn vị thí điểm khác.', en: 'Some desks are already in an active pilot site.' }, [...taken, ...problems]);
      if (problems.length) throw new AppError('BAD_USER_INPUT', { vi: 'Dữ liệu nhập không hợp lệ.', en: 'The input is not valid.' }, problems);
      const repo = m.getRepository(PilotSite);
      const sites: PilotSite[] = [];
      for (const row of rows) {
        const site = repo.create(row);
        try {
          await repo.insert(site);
        } catch (error) {
          if (sqlState(error) === '23505') throw conflict({ vi: 'Có bộ phận vừa được đăng ký ở nơi khác.', en: 'A desk was enrolled elsewhere in the meantime.' });
          throw error;
        }
        const saved = await repo.findOneByOrFail({ id: site.id });
        await this.history(m, actor, saved, null, on, null);
        await this.audit.record(m, actor, { action: 'pilotSite.enrol', entityType: 'PilotSite', entityId: saved.id, after: saved, provinceId: saved.provinceId });
        sites.push(saved);
      }
      return sites;
    });
  }

  update(actor: Actor, input: UpdatePilotSiteInput): Promise<PilotSite> {
    requireWriter(actor);
    return this.change(actor, input.id, input.version, 'update', async (site, m) => {
      if (![SiteStatus.PLANNED, SiteStatus.PREPARING, SiteStatus.SUSPENDED].includes(site.status) || site.launchedOn !== null) {
        throw conflict({ vi: 'Chỉ sửa được đơn vị chưa khai trương.', en: 'Only a site that has not launched can be changed.' });
      }
      const model = input.handoverModel ?? site.handoverModel;
      const postOfficeId = input.postOfficeId !== undefined ? input.postOfficeId : site.postOfficeId;
      if (model === HandoverModel.AT_POST_OFFICE && !postOfficeId) {
        throw badInput('postOfficeId', { vi: 'Phương án chuyển về bưu điện cần chọn bưu điện.', en: 'Moving into a post office needs the post office.' });
      }
      if (input.plannedLaunch) notBeforeProgramme(await m.getRepository(PilotProgramme).findOneByOrFail({ id: site.programmeId }), input.plannedLaunch, 'plannedLaunch', PLANNED_LAUNCH);
      if (postOfficeId && postOfficeId !== site.postOfficeId) {
        const office = await this.postOffices.requireActive(m, postOfficeId, 'postOfficeId', actor);
        if (office.provinceId !== site.provinceId) throw badInput('postOfficeId', { vi: `"${office.name}" không thuộc tỉnh của đề án.`, en: `"${office.name}" is not in the programme's province.` });
      }
      return {
        handoverModel: model,
        postOfficeId: postOfficeId ?? null,
        ...(input.plannedLaunch !== undefined ? { plannedLaunch: input.plannedLaunch } : {}),
        ...(input.note !== undefined ? { note: input.note?.trim() || null } : {}),
      };
    });
  }

  /**
   * Moves a site along its machine. The client names the version it saw: of two people moving the
   * same site at once, one wins and the other gets CONFLICT. LAUNCHED needs its phase under way and
   * every readiness item done.
   */
  move(actor: Actor, input: MovePilotSiteInput): Promise<PilotSite> {
    requireWriter(actor);
    const on = pastOrToday(input.on, 'on');
    return this.change(actor, input.id, input.version, 'move', async (site, m) => {
      const allowed = siteMovesFrom(site.status, site.suspendedFrom);
      if (!allowed.includes(input.to)) throw illegalTransition(LABELS.site, site.status, input.to, allowed);
      if (on < site.statusSince) {
        throw badInput('on', { vi: `Ngày phải từ ${shownDay(site.statusSince)} trở đi.`, en: `The day must be on or after ${shownDay(site.statusSince)}.` });
      }
      // The launch itself (not a resume after a suspension) needs its phase under way and the checklist done.
      if (input.to === SiteStatus.LAUNCHED && site.launchedOn === null) {
        const phase = await m.getRepository(RolloutPhase).findOneByOrFail({ id: site.phaseId });
        if (phase.status !== PhaseStatus.IN_PROGRESS) {
          throw illegalTransition(LABELS.site, site.status, input.to, allowed, {
            vi: `Giai đoạn "${phase.name}" chưa bắt đầu hoặc đã kết thúc.`,
            en: `The phase "${phase.name}" is not in progress.`,
          });
        }
        const programme = await m.getRepository(PilotProgramme).findOneByOrFail({ id: site.programmeId });
        const missing = readinessOf(site, programme.readinessItems).filter((c) => !c.done);
        if (missing.length) {
          const error = illegalTransition(LABELS.site, site.status, input.to, allowed, {
            vi: `Chưa hoàn thành danh mục sẵn sàng: ${missing.map((c) => c.label).join('; ')}.`,
            en: `The readiness checklist is not complete: ${missing.map((c) => c.label).join('; ')}.`,
          });
          Object.assign(error.details, { unmetReadiness: missing.map((c) => c.key) });
          throw error;
        }
      }
      await this.history(m, actor, site, input.to, on, input.note?.trim() || null);
      const patch: Partial<PilotSite> = { status: input.to, statusSince: on };
      if (input.to === SiteStatus.SUSPENDED) patch.suspendedFrom = site.status;
      else patch.suspendedFrom = null;
      if (input.to === SiteStatus.LAUNCHED && site.launchedOn === null) patch.launchedOn = on;
      return patch;
    });
  }

  setReadiness(actor: Actor, input: SetReadinessInput): Promise<PilotSite> {
    requireWriter(actor, READINESS_WRITERS);
    const on = pastOrToday(input.on, 'on');
    return this.change(actor, input.id, input.version, 'readiness', async (site, m) => {
      if (![SiteStatus.PLANNED, SiteStatus.PREPARING, SiteStatus.SUSPENDED].includes(site.status) || site.launchedOn) {
        throw conflict({ vi: 'Danh mục sẵn sàng đã khóa sau khai trương.', en: 'The readiness checklist is closed once the site has launched.' });
      }
      const programme = await m.getRepository(PilotProgramme).findOneByOrFail({ id: site.programmeId });
      if (!programme.readinessItems.some((item) => item.key === input.key)) {
        throw badInput('key', { vi: `Danh mục của đề án không có mục "${input.key}".`, en: `The programme's checklist has no item "${input.key}".` });
      }
      const readiness: ReadinessState = { ...site.readiness };
      if (input.done) readiness[input.key] = { doneOn: on, doneBy: actor.label, note: input.note?.trim() || null };
      else delete readiness[input.key];
      return { readiness };
    });
  }

  private async history(m: EntityManager, actor: Actor, site: PilotSite, to: SiteStatus | null, on: string, note: string | null): Promise<void> {
    await m.getRepository(SiteStatusChange).insert({
      siteId: site.id,
      provinceId: site.provinceId,
      fromStatus: to === null ? null : site.status,
      toStatus: to ?? site.status,
      on,
      note,
      actorId: actor.id,
      actorLabel: actor.label,
      recordedAt: new Date(),
    });
  }

  private change(actor: Actor, id: string, version: number, action: string, apply: (site: PilotSite, m: EntityManager) => Promise<Partial<PilotSite>>): Promise<PilotSite> {
    return this.dataSource.transaction(async (m) => {
      const before = await findInScope(m, actor, PilotSite, id, LABELS.site);
      if (before.version !== version) throw staleVersion(LABELS.site);
      const patch = await apply(before, m);
      await updateVersioned(m, PilotSite, id, version, patch, LABELS.site);
      const after = await m.getRepository(PilotSite).findOneByOrFail({ id });
      await this.audit.record(m, actor, { action: `pilotSite.${action}`, entityType: 'PilotSite', entityId: id, before, after, provinceId: after.provinceId });
      return after;
    });
  }
}
