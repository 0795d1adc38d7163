/**
 * Targets (chỉ tiêu, issue 13): the share of received dossiers a province wants a unit to reach in a
 * period — online (criterion 8 of the new-rural criteria: ≥ 30 % for a new-rural commune, ≥ 50 % for an
 * advanced one) or via BCCI. Reports set the actual share beside it (report.service.ts).
 *
 * Rules, in this one place:
 * - A target is set for a unit as it was during the period (the same rule as aggregate figures:
 *   AggregateFigureService.reportingUnit), in force for the whole period; its province is the one the unit
 *   rolls up to today, and follows the map when units are reorganised.
 * - One target per unit, metric and period (a second is CONFLICT naming `periodStart`). A period starts no
 *   later than it ends; it may lie in the future (targets are set ahead). The share is in per cent,
 *   above 0 and at most 100, with one decimal.
 * - Writers: the province's STEERING_COMMITTEE and SYSTEM_ADMIN (national ones for any province); another
 *   province's target is NOT_FOUND. Each write is one transaction with its audit entry; a change or a
 *   removal names the version read (CONFLICT when stale).
 * - Readers: every signed-in user of the province (national users: all), in SQL; roll-up through merged
 *   units as of a day, as aggregate figures do.
 * - Progress (`progress`, for the readers of volume reports): each target's unit, as it stands on the day
 *   asked, is measured over the target's period so far (its first day to its last, or to today while it
 *   runs) by the volume report (ReportService.dossierVolumes, the one place figures are counted): the
 *   share is online ÷ received or received via BCCI ÷ received of the dossiers held here (units' aggregate
 *   figures state no received total, so they cannot give a share, and are left out of both), in per cent
 *   with one decimal. The light is ON_TARGET at or above the target, CLOSE from 80 % of it, BEHIND below;
 *   NO_DATA when no dossier was received, NOT_STARTED
 *   before the period. Targets come furthest behind first (by the gap in points), then the unmeasured.
 *   One volume report per distinct unit and period (both metrics of a unit share it).
 */
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { requireRole, scopeProvince } from '../../platform/authz';
import { staleVersion, updateVersioned } from '../../platform/database/versioned';
import { badInput, uniquely, type Bilingual } from '../../platform/errors';
import { Injectable } from '../../platform/container';
import { paginate, type Connection, type PageArgs } from '../../platform/graphql/connection';
import type { Actor } from '../../platform/graphql/context';
import { todayInVietnam } from '../../platform/graphql/scalars';
import { AdministrativeUnitService } from '../administrative-units/administrative-unit.service';
import { AuditService } from '../audit/audit.service';
import { findInScope } from '../rollout/rollout-access';
import { AggregateFigureService } from './aggregate-figure.service';
import { ReportTarget } from './report-target.entity';
import { TargetLight, type DeleteReportTargetInput, type ReportTargetFilter, type SetReportTargetInput, type TargetProgress, type UpdateReportTargetInput } from './report-target.inputs';
import { ReportGranularity, VolumeBreakdown } from './report.inputs';
import { REPORT_READERS, ReportService } from './report.service';
import { TargetMetric } from './report-target.entity';

/** At most this many targets in one progress answer. */
export const MAX_PROGRESS = 100;

/** Who assigns a province's targets. */
export const TARGET_WRITERS = ['STEERING_COMMITTEE', 'SYSTEM_ADMIN'];

export const TARGET_LABEL: Bilingual = { vi: 'chỉ tiêu', en: 'target' };

const ONCE: Bilingual = {
  vi: 'Đơn vị này đã có chỉ tiêu cùng loại cho đúng kỳ này: hãy sửa chỉ tiêu đó.',
  en: 'This unit already has a target of this kind for this exact period: change that one.',
};
/** Under the period's first day (the field the CONFLICT names). */
const ONCE_FIELD: Bilingual = { vi: 'Đã có chỉ tiêu cùng loại cho kỳ này.', en: 'A target of this kind exists for this period.' };

@Injectable()
export class ReportTargetService {
  constructor(
    private readonly dataSource: DataSource,
    units: AdministrativeUnitService,
    private readonly figures: AggregateFigureService,
    private readonly reports: ReportService,
    private readonly audit: AuditService,
  ) {
    units.onReorganised((m, unitIds) => this.followReorganisation(m, unitIds));
  }

  async list(actor: Actor, filter: ReportTargetFilter, page: PageArgs): Promise<Connection<ReportTarget>> {
    const scope = scopeProvince(actor);
    const asOf = filter.asOf ?? todayInVietnam();
    const qb = this.dataSource.getRepository(ReportTarget).createQueryBuilder('t');
    if (scope) qb.andWhere('t.province_id = :scope', { scope });
    if (filter.unitId) {
      if (!isUUID(filter.unitId)) throw badInput('unitId', { vi: 'Không phải mã định danh hợp lệ.', en: 'Is not a valid id.' });
      if (filter.includeSubunits) {
        qb.andWhere(
          '(SELECT ru.path FROM administrative_unit ru WHERE ru.id = osp_unit_as_of(t.administrative_unit_id, :asOf)) <@ (SELECT u.path FROM administrative_unit u WHERE u.id = :unitId)',
          { asOf, unitId: filter.unitId },
        );
      } else {
        qb.andWhere('osp_unit_as_of(t.administrative_unit_id, :asOf) = :unitId', { asOf, unitId: filter.unitId });
      }
    }
    if (filter.metric) qb.andWhere('t.metric = :metric', { metric: filter.metric });
    // Targets whose period meets [from, to] (a year's target shows in a report of one of its quarters).
    if (filter.from) qb.andWhere('t.period_end >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('t.period_start <= :to', { to: filter.to });
    return paginate(qb, page, { expression: 't.period_start', property: 'periodStart', direction: 'ASC', kind: 'date' });
  }

  /** Targets beside their unit's actual share so far, furthest behind first (see the module comment). */
  async progress(actor: Actor, filter: ReportTargetFilter): Promise<TargetProgress[]> {
    requireRole(actor, REPORT_READERS);
    const asOf = filter.asOf ?? todayInVietnam();
    const today = todayInVietnam();
    const page = await this.list(actor, filter, { first: MAX_PROGRESS });
    const targets = page.edges.map((e) => e.node);
    if (page.totalCount > targets.length) {
      throw badInput('filter', { vi: `Có ${page.totalCount} chỉ tiêu: hãy chọn đơn vị hoặc kỳ hẹp hơn (tối đa ${MAX_PROGRESS}).`, en: `${page.totalCount} targets: choose a narrower unit or period (at most ${MAX_PROGRESS}).` });
    }
    // Each target's unit as it stands on `asOf`, with its name, in one statement.
    const measured: Array<{ id: string; unit_id: string; unit_name: string }> = targets.length
      ? await this.dataSource.query(
          `SELECT t.id, u.id AS unit_id, u.name AS unit_name
             FROM report_target t JOIN administrative_unit u ON u.id = osp_unit_as_of(t.administrative_unit_id, $2::date)
            WHERE t.id = ANY($1::uuid[])`,
          [targets.map((t) => t.id), asOf],
        )
      : [];
    const unitOf = new Map(measured.map((r) => [r.id, r]));
    const reports = new Map<string, ReturnType<ReportService['dossierVolumes']>>();
    const out: TargetProgress[] = [];
    for (const target of targets) {
      const unit = unitOf.get(target.id)!;
      const unitId = unit.unit_id;
      const to = target.periodEnd < today ? target.periodEnd : today;
      const base = { target, unitId, measuredFrom: null, measuredTo: null, received: null, counted: null, actualPercent: null, gapPoints: null };
      if (target.periodStart > today) {
        out.push({ ...base, unitName: unit.unit_name, light: TargetLight.NOT_STARTED });
        continue;
      }
      const key = `${unitId}|${target.periodStart}|${to}`;
      if (!reports.has(key)) {
        // The dossiers held here only: a unit's aggregate figure states no received total, so its online or
        // via-BCCI count has no denominator, and added to the dossiers' it gave shares over 100 %.
        reports.set(
          key,
          this.reports.dossierVolumes(actor, { unit: unitId, asOf, from: target.periodStart, to, granularity: ReportGranularity.YEAR, breakdown: VolumeBreakdown.NONE }, { dossiersOnly: true }),
        );
      }
      const report = await reports.get(key)!;
      const { received } = report.totals;
      const counted = target.metric === TargetMetric.ONLINE_SHARE ? report.totals.online : report.totals.receivedViaBcci;
      const measuredDays = { measuredFrom: target.periodStart, measuredTo: to, unitName: report.unitName };
      if (!received || counted === null) {
        out.push({ ...base, ...measuredDays, received, counted, light: TargetLight.NO_DATA });
        continue;
      }
      const actualPercent = Math.round((1000 * counted) / received) / 10;
      const gapPoints = Math.round(10 * (actualPercent - target.targetPercent)) / 10;
      const light = actualPercent >= target.targetPercent ? TargetLight.ON_TARGET : actualPercent >= 0.8 * target.targetPercent ? TargetLight.CLOSE : TargetLight.BEHIND;
      out.push({ ...base, ...measuredDays, received, counted, actualPercent, gapPoints, light });
    }
    return out.sort((a, b) => (a.gapPoints === null ? 1 : 0) - (b.gapPoints === null ? 1 : 0) || (a.gapPoints ?? 0) - (b.gapPoints ?? 0));
  }

  set(actor: Actor, input: SetReportTargetInput): Promise<ReportTarget> {
    requireRole(actor, TARGET_WRITERS);
    checkPeriod(input.periodStart, input.periodEnd);
    const targetPercent = checkPercent(input.targetPercent);
    return this.dataSource.transaction(async (m) => {
      const { unitId, provinceId } = await this.figures.reportingUnit(m, actor, input.administrativeUnitCode, input.periodStart, input.periodEnd);
      const repo = m.getRepository(ReportTarget);
      const target = repo.create({
        provinceId,
        administrativeUnitId: unitId,
        metric: input.metric,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        targetPercent,
        basis: input.basis?.trim() || null,
        version: 1,
      });
      await uniquely(() => repo.insert(target), 'periodStart', ONCE, ONCE_FIELD);
      const saved = await repo.findOneByOrFail({ id: target.id });
      await this.audit.record(m, actor, { action: 'reportTarget.set', entityType: 'ReportTarget', entityId: saved.id, after: saved, provinceId });
      return saved;
    });
  }

  update(actor: Actor, input: UpdateReportTargetInput): Promise<ReportTarget> {
    requireRole(actor, TARGET_WRITERS);
    return this.dataSource.transaction(async (m) => {
      const before = await findInScope(m, actor, ReportTarget, input.id, TARGET_LABEL);
      if (before.version !== input.version) throw staleVersion(TARGET_LABEL);
      const periodStart = input.periodStart ?? before.periodStart;
      const periodEnd = input.periodEnd ?? before.periodEnd;
      checkPeriod(periodStart, periodEnd);
      const targetPercent = input.targetPercent === undefined || input.targetPercent === null ? before.targetPercent : checkPercent(input.targetPercent);
      const basis = input.basis === undefined || input.basis === null ? before.basis : input.basis.trim() || null;
      let { administrativeUnitId: unitId, provinceId } = before;
      if (periodStart !== before.periodStart || periodEnd !== before.periodEnd) {
        const [{ code }] = await m.query('SELECT code FROM administrative_unit WHERE id = $1', [before.administrativeUnitId]);
        ({ unitId, provinceId } = await this.figures.reportingUnit(m, actor, code, periodStart, periodEnd));
      }
      await uniquely(
        () => updateVersioned(m, ReportTarget, before.id, input.version, { administrativeUnitId: unitId, provinceId, periodStart, periodEnd, targetPercent, basis }, TARGET_LABEL),
        'periodStart',
        ONCE,
        ONCE_FIELD,
      );
      const after = await m.getRepository(ReportTarget).findOneByOrFail({ id: before.id });
      await this.audit.record(m, actor, { action: 'reportTarget.update', entityType: 'ReportTarget', entityId: after.id, before, after, provinceId: after.provinceId });
      return after;
    });
  }

  delete(actor: Actor, input: DeleteReportTargetInput): Promise<string> {
    requireRole(actor, TARGET_WRITERS);
    return this.dataSource.transaction(async (m) => {
      const before = await findInScope(m, actor, ReportTarget, input.id, TARGET_LABEL);
      if (before.version !== input.version) throw staleVersion(TARGET_LABEL);
      const result = await m.getRepository(ReportTarget).delete({ id: before.id, version: input.version });
      if (!result.affected) throw staleVersion(TARGET_LABEL);
      await this.audit.record(m, actor, { action: 'reportTarget.delete', entityType: 'ReportTarget', entityId: before.id, before, provinceId: before.provinceId });
      return before.id;
    });
  }

  /** When units merge or move, targets follow to the province their unit rolls up to now. */
  private async followReorganisation(m: EntityManager, unitIds: string[]): Promise<void> {
    await m.query(
      `UPDATE report_target SET province_id = osp_province_of(osp_unit_as_of(administrative_unit_id, $2)), updated_at = now()
        WHERE administrative_unit_id = ANY($1::uuid[])
          AND province_id IS DISTINCT FROM osp_province_of(osp_unit_as_of(administrative_unit_id, $2))`,
      [unitIds, todayInVietnam()],
    );
  }
}

/** A period starts no later than it ends (a target may be set for a period to come). */
function checkPeriod(periodStart: string, periodEnd: string): void {
  if (periodStart > periodEnd) throw badInput('periodEnd', { vi: 'Ngày cuối kỳ không được trước ngày đầu kỳ.', en: 'The period cannot end before it starts.' });
}

/** A share in per cent: above 0, at most 100, one decimal. */
function checkPercent(value: number): number {
  if (!Number.isFinite(value) || value <= 0 || value > 100) {
    throw badInput('targetPercent', { vi: 'Chỉ tiêu là một tỷ lệ phần trăm lớn hơn 0 và không quá 100.', en: 'A target is a percentage above 0 and at most 100.' });
  }
  if (Math.abs(Math.round(value * 10) - value * 10) > 1e-9) {
    throw badInput('targetPercent', { vi: 'Chỉ tiêu ghi tối đa một chữ số thập phân (ví dụ 32,5).', en: 'A target has at most one decimal (e.g. 32.5).' });
  }
  return value;
}
