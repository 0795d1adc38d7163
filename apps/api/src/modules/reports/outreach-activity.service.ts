/**
 * Outreach (tuyên truyền, issue 13): what a unit did over a period to make the service known —
 * reports and articles, handbooks, leaflets, broadcasts, Zalo groups, conferences and classes (the
 * kinds: outreach-activity.entity.ts) — each with a quantity, the people reached when known, and the
 * document the figures come from. Tánh Linh, 2022 (seed 003): 2 reports, 750 handbooks, 300 leaflets,
 * 6 classes for about 400 people.
 *
 * Rules, in this one place (the same as aggregate figures', aggregate-figure.service.ts):
 * - An activity belongs to its unit as recorded (the unit as it was during the period, in force for the
 *   whole period); its province is the one that unit rolls up to today, and follows reorganisations.
 * - The period starts no later than it ends and has started (an activity still running may be recorded);
 *   the quantity is a whole number ≥ 1, the people reached ≥ 0 or unknown; the source is required.
 *   Anything else is BAD_USER_INPUT naming the field.
 * - Writers: the province's STEERING_COMMITTEE and SYSTEM_ADMIN (national ones for any province); a unit
 *   of another province is FORBIDDEN, another province's activity NOT_FOUND. Each write is one transaction
 *   with its audit entry; a change or a removal names the version read (CONFLICT when stale).
 * - Readers: every signed-in user of the province (national users: all), in SQL; rolled up through
 *   merges as of a day (`osp_unit_as_of`), with the units under it on request; a period filter keeps the
 *   activities whose period meets [from, to].
 */
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { requireRole, scopeProvince } from '../../platform/authz';
import { Injectable } from '../../platform/container';
import { staleVersion, updateVersioned } from '../../platform/database/versioned';
import { badInput, type Bilingual } from '../../platform/errors';
import { paginate, type Connection, type PageArgs } from '../../platform/graphql/connection';
import type { Actor } from '../../platform/graphql/context';
import { isIsoDate, todayInVietnam } from '../../platform/graphql/scalars';
import { requiredText } from '../../platform/text';
import { AdministrativeUnitService } from '../administrative-units/administrative-unit.service';
import { AuditService } from '../audit/audit.service';
import { findInScope } from '../rollout/rollout-access';
import { AGGREGATE_WRITERS, AggregateFigureService } from './aggregate-figure.service';
import { OUTREACH_KINDS, OutreachActivity, type OutreachKind } from './outreach-activity.entity';
import type { DeleteOutreachActivityInput, OutreachActivityFilter, OutreachKindTotal, SubmitOutreachActivityInput, UpdateOutreachActivityInput } from './outreach-activity.inputs';

/** Who records a province's outreach: as for aggregate figures. */
export const OUTREACH_WRITERS = AGGREGATE_WRITERS;

export const LABEL: Bilingual = { vi: 'hoạt động tuyên truyền', en: 'outreach activity' };
const SOURCE: Bilingual = { vi: 'Nguồn số liệu', en: 'The source' };

/** A connection of activities with the totals per kind of the whole selection (read only when asked for). */
export type OutreachActivityPage = Connection<OutreachActivity> & { totals: () => Promise<OutreachKindTotal[]> };

@Injectable()
export class OutreachActivityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly units: AdministrativeUnitService,
    private readonly figures: AggregateFigureService,
    private readonly audit: AuditService,
  ) {
    units.onReorganised((m, unitIds) => this.followReorganisation(m, unitIds));
  }

  async list(actor: Actor, filter: OutreachActivityFilter, page: PageArgs): Promise<OutreachActivityPage> {
    const scope = scopeProvince(actor);
    const asOf = filter.asOf ?? todayInVietnam();
    const qb = this.dataSource.getRepository(OutreachActivity).createQueryBuilder('o');
    if (scope) qb.andWhere('o.province_id = :scope', { scope });
    if (filter.unitId) await this.units.whereRollsUpTo(qb, 'o.administrative_unit_id', filter.unitId, asOf, Boolean(filter.includeSubunits));
    if (filter.from) qb.andWhere('o.period_end >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('o.period_start <= :to', { to: filter.to });
    if (filter.kinds?.length) qb.andWhere('o.kind::text IN (:...kinds)', { kinds: filter.kinds });
    const totalsQuery = qb.clone();
    const connection = await paginate(qb, page, { expression: 'o.period_start', property: 'periodStart', direction: 'DESC', kind: 'date' });
    return { ...connection, totals: () => this.totals(totalsQuery) };
  }

  private async totals(qb: SelectQueryBuilder<OutreachActivity>): Promise<OutreachKindTotal[]> {
    const rows: Array<{ kind: OutreachKind; activities: string; quantity: string; people: string | null }> = await qb
      .select('o.kind', 'kind')
      .addSelect('COUNT(1)', 'activities')
      .addSelect('SUM(o.quantity)', 'quantity')
      .addSelect('SUM(o.people_reached)', 'people')
      .groupBy('o.kind')
      .getRawMany();
    const byKind = new Map(rows.map((r) => [r.kind, r]));
    return OUTREACH_KINDS.filter((k) => byKind.has(k)).map((kind) => {
      const r = byKind.get(kind)!;
      return { kind, activities: Number(r.activities), quantity: Number(r.quantity), peopleReached: r.people === null ? null : Number(r.people) };
    });
  }

  submit(actor: Actor, input: SubmitOutreachActivityInput): Promise<OutreachActivity> {
    requireRole(actor, OUTREACH_WRITERS);
    checkPeriod(input.periodStart, input.periodEnd);
    checkCounts(input.quantity, input.peopleReached ?? null);
    const source = requiredText(input.source, 'source', SOURCE);
    return this.dataSource.transaction(async (m) => {
      const { unitId, provinceId } = await this.figures.reportingUnit(m, actor, input.administrativeUnitCode, input.periodStart, input.periodEnd);
      const repo = m.getRepository(OutreachActivity);
      const activity = repo.create({
        provinceId,
        administrativeUnitId: unitId,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        kind: input.kind,
        quantity: input.quantity,
        peopleReached: input.peopleReached ?? null,
        source,
        note: input.note?.trim() || null,
        version: 1,
      });
      await repo.insert(activity);
      const saved = await repo.findOneByOrFail({ id: activity.id });
      await this.audit.record(m, actor, { action: 'outreachActivity.submit', entityType: 'OutreachActivity', entityId: saved.id, after: saved, provinceId });
      return saved;
    });
  }

  update(actor: Actor, input: UpdateOutreachActivityInput): Promise<OutreachActivity> {
    requireRole(actor, OUTREACH_WRITERS);
    return this.dataSource.transaction(async (m) => {
      const before = await findInScope(m, actor, OutreachActivity, input.id, LABEL);
      if (before.version !== input.version) throw staleVersion(LABEL);
      const periodStart = input.periodStart ?? before.periodStart;
      const periodEnd = input.periodEnd ?? before.periodEnd;
      checkPeriod(periodStart, periodEnd);
      const quantity = input.quantity ?? before.quantity;
      const peopleReached = input.peopleReached === undefined ? before.peopleReached : input.peopleReached;
      checkCounts(quantity, peopleReached);
      const kind = input.kind ?? before.kind;
      const source = input.source === undefined || input.source === null ? before.source : requiredText(input.source, 'source', SOURCE);
      const note = input.note === undefined || input.note === null ? before.note : input.note.trim() || null;
      let unitId = before.administrativeUnitId;
      let provinceId = before.provinceId;
      if (input.administrativeUnitCode || periodStart !== before.periodStart || periodEnd !== before.periodEnd) {
        const code = input.administrativeUnitCode ?? (await m.query('SELECT code FROM administrative_unit WHERE id = $1', [before.administrativeUnitId]))[0].code;
        ({ unitId, provinceId } = await this.figures.reportingUnit(m, actor, code, periodStart, periodEnd));
      }
      await updateVersioned(m, OutreachActivity, before.id, input.version, { administrativeUnitId: unitId, provinceId, periodStart, periodEnd, kind, quantity, peopleReached, source, note }, LABEL);
      const after = await m.getRepository(OutreachActivity).findOneByOrFail({ id: before.id });
      await this.audit.record(m, actor, { action: 'outreachActivity.update', entityType: 'OutreachActivity', entityId: after.id, before, after, provinceId: after.provinceId });
      return after;
    });
  }

  delete(actor: Actor, input: DeleteOutreachActivityInput): Promise<string> {
    requireRole(actor, OUTREACH_WRITERS);
    return this.dataSource.transaction(async (m) => {
      const before = await findInScope(m, actor, OutreachActivity, input.id, LABEL);
      if (before.version !== input.version) throw staleVersion(LABEL);
      const result = await m.getRepository(OutreachActivity).delete({ id: before.id, version: input.version });
      if (!result.affected) throw staleVersion(LABEL);
      await this.audit.record(m, actor, { action: 'outreachActivity.delete', entityType: 'OutreachActivity', entityId: before.id, before, provinceId: before.provinceId });
      return before.id;
    });
  }

  /** When units merge or move, activities follow to the province their unit rolls up to now. */
  private async followReorganisation(m: EntityManager, unitIds: string[]): Promise<void> {
    await m.query(
      `UPDATE outreach_activity SET province_id = osp_province_of(osp_unit_as_of(administrative_unit_id, $2)), updated_at = now()
        WHERE administrative_unit_id = ANY($1::uuid[])
          AND province_id IS DISTINCT FROM osp_province_of(osp_unit_as_of(administrative_unit_id, $2))`,
      [unitIds, todayInVietnam()],
    );
  }
}

/** A period starts no later than it ends, and has started. */
function checkPeriod(periodStart: string, periodEnd: string): void {
  if (!isIsoDate(periodStart)) throw badInput('periodStart', { vi: 'Ngày không hợp lệ.', en: 'Not a valid day.' });
  if (!isIsoDate(periodEnd)) throw badInput('periodEnd', { vi: 'Ngày không hợp lệ.', en: 'Not a valid day.' });
  if (periodStart > periodEnd) throw badInput('periodEnd', { vi: 'Ngày cuối kỳ không được trước ngày đầu kỳ.', en: 'The period cannot end before it starts.' });
  if (periodStart > todayInVietnam()) throw badInput('periodStart', { vi: 'Hoạt động chưa bắt đầu: ngày đầu kỳ không được ở tương lai.', en: 'The activity has not started: the first day cannot be in the future.' });
}

/** A quantity is a whole number ≥ 1; the people reached ≥ 0 or unknown. */
function checkCounts(quantity: number, peopleReached: number | null): void {
  if (!Number.isInteger(quantity) || quantity < 1) throw badInput('quantity', { vi: 'Số lượng phải là số nguyên từ 1 trở lên.', en: 'The quantity must be a whole number, 1 or more.' });
  if (peopleReached !== null && (!Number.isInteger(peopleReached) || peopleReached < 0)) {
    throw badInput('peopleReached', { vi: 'Số lượt người phải là số nguyên không âm.', en: 'People reached must be a whole number, 0 or more.' });
  }
}
