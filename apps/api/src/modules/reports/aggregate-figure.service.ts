/**
 * Aggregate submissions (số liệu tổng hợp, issue 13): units that keep no dossier-level data here
 * (another one-stop system, a paper register, a news article's figures) submit period totals, by a
 * form or a file. Reports add them beside the figures counted from the dossiers held here, and say which
 * is which: an AggregateFigure always carries its `source`.
 *
 * Rules, in this one place:
 * - A figure belongs to its reporting unit as recorded (the unit as it was during the period: Tỉnh Bình
 *   Phước in 2017, Huyện Tánh Linh in 2022), in force for the whole period, and optionally to a desk of
 *   that unit (the desk's own figure, a part of its unit's: "of which 42,854 returned at the provincial
 *   centre"). Its province is the one that unit rolls up to today (Bình Phước's figures are Đồng Nai's),
 *   and follows the map when units are reorganised.
 * - Figures are whole numbers ≥ 0, at least one is stated, and a stated `totalViaBcci` equals the sum of
 *   the parts stated with it (received + results returned + received and returned): 262,725 = 45,757 +
 *   216,968. Anything else is BAD_USER_INPUT naming the field. The period is over and starts no later
 *   than it ends.
 * - Writers: the province's STEERING_COMMITTEE and SYSTEM_ADMIN (national ones for any province); a unit
 *   of another province is FORBIDDEN; another province's figure is NOT_FOUND. Each write is one
 *   transaction with its audit entry; a change or a removal names the version read (CONFLICT when stale).
 * - Readers: every signed-in user of the province (national users: all), in SQL.
 * - Roll-up across merges, "as of" a day (default today): a figure counts for the unit that stands on
 *   that day for the unit it was recorded for, `osp_unit_as_of` (the organisation module's rule: the
 *   unit itself while in force, else its successor's successor…). So a 2017 figure of Bình Phước counts
 *   for Đồng Nai when asked as of 2026, and for Bình Phước when asked as of 2019; the unit asked for must
 *   be in force on that day. With `includeSubunits`, figures of the units under it on that day count too
 *   (Huyện Tánh Linh's under Tỉnh Bình Thuận as of 2022, under Tỉnh Lâm Đồng today).
 * - The period filter selects figures whose whole period lies within [from, to]; totals add the unit
 *   figures selected (desks' own figures only when the filter names the desk), each figure as stated:
 *   nothing is derived or estimated.
 */
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { assertProvince, requireRole, scopeProvince } from '../../platform/authz';
import { staleVersion, updateVersioned } from '../../platform/database/versioned';
import { badInput, type Bilingual } from '../../platform/errors';
import { Injectable } from '../../platform/container';
import { paginate, type Connection, type PageArgs } from '../../platform/graphql/connection';
import type { Actor } from '../../platform/graphql/context';
import { shownDay, todayInVietnam } from '../../platform/graphql/scalars';
import { requiredText } from '../../platform/text';
import { inForceOn } from '../administrative-units/administrative-unit.entity';
import { AdministrativeUnitService } from '../administrative-units/administrative-unit.service';
import { AuditService } from '../audit/audit.service';
import { findInScope } from '../rollout/rollout-access';
import { AggregateFigure, BCCI_PARTS, FIGURE_FIELDS, type FigureField } from './aggregate-figure.entity';
import type { AggregateFigureFilter, AggregateFigureTotals, DeleteAggregateFigureInput, SubmitAggregateFigureInput, UpdateAggregateFigureInput } from './aggregate-figure.inputs';

/** Who submits and corrects a province's aggregate figures. */
export const AGGREGATE_WRITERS = ['STEERING_COMMITTEE', 'SYSTEM_ADMIN'];

export const LABEL: Bilingual = { vi: 'số liệu tổng hợp', en: 'aggregate figure' };

const FIGURE_LABELS: Record<FigureField, Bilingual> = {
  receivedViaBcci: { vi: 'tiếp nhận qua BCCI', en: 'received via BCCI' },
  resultsReturnedViaBcci: { vi: 'trả kết quả qua BCCI', en: 'results returned via BCCI' },
  receivedAndReturnedViaBcci: { vi: 'tiếp nhận và trả kết quả qua BCCI', en: 'received and returned via BCCI' },
  totalViaBcci: { vi: 'tổng số qua BCCI', en: 'total via BCCI' },
  online: { vi: 'trực tuyến', en: 'online' },
  atDesk: { vi: 'trực tiếp tại bộ phận một cửa', en: 'at the desk' },
};

const COLUMNS: Record<FigureField, string> = {
  receivedViaBcci: 'received_via_bcci',
  resultsReturnedViaBcci: 'results_returned_via_bcci',
  receivedAndReturnedViaBcci: 'received_and_returned_via_bcci',
  totalViaBcci: 'total_via_bcci',
  online: 'online',
  atDesk: 'at_desk',
};

type Figures = Record<FigureField, number | null>;

/** A connection of figures with the totals of the whole selection (read only when asked for). */
export type AggregateFigurePage = Connection<AggregateFigure> & { totals: () => Promise<AggregateFigureTotals> };

const vnNumber = (n: number) => n.toLocaleString('vi-VN');
const enNumber = (n: number) => n.toLocaleString('en-US');

/** The figure rules (see the module comment): at least one, whole and ≥ 0, a total equal to its stated parts. */
export function checkFigures(figures: Figures): void {
  for (const field of FIGURE_FIELDS) {
    const value = figures[field];
    if (value !== null && (!Number.isInteger(value) || value < 0)) {
      throw badInput(field, { vi: `Số liệu "${FIGURE_LABELS[field].vi}" phải là số nguyên không âm.`, en: `The figure "${FIGURE_LABELS[field].en}" must be a whole number, 0 or more.` });
    }
  }
  if (FIGURE_FIELDS.every((field) => figures[field] === null)) {
    throw badInput('totalViaBcci', { vi: 'Cần ít nhất một số liệu.', en: 'State at least one figure.' });
  }
  const parts = BCCI_PARTS.filter((field) => figures[field] !== null);
  const total = figures.totalViaBcci;
  if (total !== null && parts.length) {
    const sum = parts.reduce((s, field) => s + (figures[field] as number), 0);
    if (sum !== total) {
      throw badInput('totalViaBcci', {
        vi: `Tổng số qua BCCI (${vnNumber(total)}) phải bằng tổng các số liệu thành phần (${parts.map((f) => FIGURE_LABELS[f].vi).join(' + ')} = ${vnNumber(sum)}).`,
        en: `The total via BCCI (${enNumber(total)}) must equal the sum of its parts (${parts.map((f) => FIGURE_LABELS[f].en).join(' + ')} = ${enNumber(sum)}).`,
      });
    }
  }
}

@Injectable()
export class AggregateFigureService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly units: AdministrativeUnitService,
    private readonly audit: AuditService,
  ) {
    units.onReorganised((m, unitIds) => this.followReorganisation(m, unitIds));
  }

  async list(actor: Actor, filter: AggregateFigureFilter, page: PageArgs): Promise<AggregateFigurePage> {
    const scope = scopeProvince(actor);
    const asOf = filter.asOf ?? todayInVietnam();
    const qb = this.dataSource.getRepository(AggregateFigure).createQueryBuilder('f');
    if (scope) qb.andWhere('f.province_id = :scope', { scope });
    if (filter.unitId) await this.units.whereRollsUpTo(qb, 'f.administrative_unit_id', filter.unitId, asOf, Boolean(filter.includeSubunits));
    if (filter.from) qb.andWhere('f.period_start >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('f.period_end <= :to', { to: filter.to });
    if (filter.deskId) qb.andWhere('f.desk_id = :deskId', { deskId: filter.deskId });
    else if (!filter.includeDeskFigures) qb.andWhere('f.desk_id IS NULL');
    const totalsQuery = qb.clone();
    if (!filter.deskId) totalsQuery.andWhere('f.desk_id IS NULL');
    const connection = await paginate(qb, page, { expression: 'f.period_start', property: 'periodStart', direction: 'ASC', kind: 'date' });
    return { ...connection, totals: () => this.totals(totalsQuery) };
  }

  private async totals(qb: SelectQueryBuilder<AggregateFigure>): Promise<AggregateFigureTotals> {
    const sums = qb.select('COUNT(1)', 'figures');
    for (const field of FIGURE_FIELDS) sums.addSelect(`SUM(f.${COLUMNS[field]})`, field);
    const row: Record<string, string | null> = (await sums.getRawOne()) ?? {};
    const num = (v: string | null | undefined) => (v === null || v === undefined ? null : Number(v));
    return {
      figures: Number(row.figures ?? 0),
      receivedViaBcci: num(row.receivedViaBcci),
      resultsReturnedViaBcci: num(row.resultsReturnedViaBcci),
      receivedAndReturnedViaBcci: num(row.receivedAndReturnedViaBcci),
      totalViaBcci: num(row.totalViaBcci),
      online: num(row.online),
      atDesk: num(row.atDesk),
    };
  }

  submit(actor: Actor, input: SubmitAggregateFigureInput): Promise<AggregateFigure> {
    requireRole(actor, AGGREGATE_WRITERS);
    const figures = figuresOf(input, null);
    checkFigures(figures);
    const source = requiredText(input.source, 'source', { vi: 'Nguồn số liệu', en: 'The source' });
    checkPeriod(input.periodStart, input.periodEnd);
    return this.dataSource.transaction(async (m) => {
      const { unitId, provinceId } = await this.reportingUnit(m, actor, input.administrativeUnitCode, input.periodStart, input.periodEnd);
      const deskId = input.deskId ? await this.deskOf(m, input.deskId, unitId, provinceId, input.periodStart) : null;
      const repo = m.getRepository(AggregateFigure);
      const figure = repo.create({
        ...figures,
        provinceId,
        administrativeUnitId: unitId,
        deskId,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        source,
        note: input.note?.trim() || null,
        version: 1,
      });
      await repo.insert(figure);
      const saved = await repo.findOneByOrFail({ id: figure.id });
      await this.audit.record(m, actor, { action: 'aggregateFigure.submit', entityType: 'AggregateFigure', entityId: saved.id, after: saved, provinceId });
      return saved;
    });
  }

  update(actor: Actor, input: UpdateAggregateFigureInput): Promise<AggregateFigure> {
    requireRole(actor, AGGREGATE_WRITERS);
    return this.dataSource.transaction(async (m) => {
      const before = await findInScope(m, actor, AggregateFigure, input.id, LABEL);
      if (before.version !== input.version) throw staleVersion(LABEL);
      const figures = figuresOf(input, before);
      checkFigures(figures);
      const periodStart = input.periodStart ?? before.periodStart;
      const periodEnd = input.periodEnd ?? before.periodEnd;
      checkPeriod(periodStart, periodEnd);
      const source = input.source === undefined || input.source === null ? before.source : requiredText(input.source, 'source', { vi: 'Nguồn số liệu', en: 'The source' });
      const note = input.note === undefined || input.note === null ? before.note : input.note.trim() || null;
      let unitId = before.administrativeUnitId;
      let provinceId = before.provinceId;
      if (input.administrativeUnitCode || periodStart !== before.periodStart || periodEnd !== before.periodEnd) {
        const code = input.administrativeUnitCode ?? (await m.query('SELECT code FROM administrative_unit WHERE id = $1', [before.administrativeUnitId]))[0].code;
        ({ unitId, provinceId } = await this.reportingUnit(m, actor, code, periodStart, periodEnd));
      }
      const wantedDesk = input.deskId === undefined ? before.deskId : input.deskId;
      const deskId = wantedDesk ? await this.deskOf(m, wantedDesk, unitId, provinceId, periodStart) : null;
      await updateVersioned(m, AggregateFigure, before.id, input.version, { ...figures, administrativeUnitId: unitId, provinceId, deskId, periodStart, periodEnd, source, note }, LABEL);
      const after = await m.getRepository(AggregateFigure).findOneByOrFail({ id: before.id });
      await this.audit.record(m, actor, { action: 'aggregateFigure.update', entityType: 'AggregateFigure', entityId: after.id, before, after, provinceId: after.provinceId });
      return after;
    });
  }

  delete(actor: Actor, input: DeleteAggregateFigureInput): Promise<string> {
    requireRole(actor, AGGREGATE_WRITERS);
    return this.dataSource.transaction(async (m) => {
      const before = await findInScope(m, actor, AggregateFigure, input.id, LABEL);
      if (before.version !== input.version) throw staleVersion(LABEL);
      const result = await m.getRepository(AggregateFigure).delete({ id: before.id, version: input.version });
      if (!result.affected) throw staleVersion(LABEL);
      await this.audit.record(m, actor, { action: 'aggregateFigure.delete', entityType: 'AggregateFigure', entityId: before.id, before, provinceId: before.provinceId });
      return before.id;
    });
  }

  // --- Inside ------------------------------------------------------------------------------------

  /**
   * The reporting unit: the version of the code in force when the period starts, in force to its end,
   * within the actor's province (targets name their unit by the same rule: report-target.service.ts).
   */
  async reportingUnit(m: EntityManager, actor: Actor, code: string, periodStart: string, periodEnd: string): Promise<{ unitId: string; provinceId: string }> {
    const unit = await this.units.requireByCode(code.trim(), 'administrativeUnitCode', m, periodStart);
    if (!inForceOn(unit, periodEnd)) {
      throw badInput('administrativeUnitCode', {
        vi: `${unit.name} chỉ có hiệu lực đến ngày ${shownDay(unit.validTo)}: số liệu của một kỳ phải thuộc một đơn vị có hiệu lực trong cả kỳ.`,
        en: `${unit.name} was in force only until ${shownDay(unit.validTo)}: a period's figures belong to a unit in force for the whole period.`,
      });
    }
    const provinceId = await this.units.provinceIdOf(m, unit.id);
    assertProvince(actor, provinceId);
    return { unitId: unit.id, provinceId };
  }

  /**
   * A desk whose own figure this is: a desk of the figure's province, located (on the period's first day)
   * in the reporting unit or under it. The desk may have closed since: figures are of the past.
   */
  private async deskOf(m: EntityManager, deskId: string, unitId: string, provinceId: string, periodStart: string): Promise<string> {
    const [desk]: Array<{ id: string; inside: boolean }> = await m.query(
      `SELECT d.id,
              (SELECT du.path FROM administrative_unit du WHERE du.id = osp_unit_as_of(d.administrative_unit_id, $3::date))
                <@ (SELECT u.path FROM administrative_unit u WHERE u.id = $2) AS inside
         FROM one_stop_desk d WHERE d.id = $1 AND d.province_id = $4`,
      [deskId, unitId, periodStart, provinceId],
    );
    if (!desk) throw badInput('deskId', { vi: `Không tìm thấy bộ phận một cửa "${deskId}".`, en: `No one-stop desk "${deskId}" was found.` });
    if (!desk.inside) throw badInput('deskId', { vi: 'Bộ phận một cửa không thuộc đơn vị báo cáo.', en: 'The desk is not in the reporting unit.' });
    return desk.id;
  }

  /** When units merge or move, figures follow to the province their unit rolls up to now. */
  private async followReorganisation(m: EntityManager, unitIds: string[]): Promise<void> {
    await m.query(
      `UPDATE aggregate_figure SET province_id = osp_province_of(osp_unit_as_of(administrative_unit_id, $2)), updated_at = now()
        WHERE administrative_unit_id = ANY($1::uuid[])
          AND province_id IS DISTINCT FROM osp_province_of(osp_unit_as_of(administrative_unit_id, $2))`,
      [unitIds, todayInVietnam()],
    );
  }

  /**
   * Who last wrote each figure: the display name of the user of its latest audit entry (one statement for
   * a page, on the audit trail's (entity_type, entity_id) index); null when no user did. The caller read
   * the figures within their scope already.
   */
  async changedBy(ids: readonly string[]): Promise<Array<string | null>> {
    const rows: Array<{ id: string; name: string | null }> = await this.dataSource.query(
      `SELECT DISTINCT ON (a.entity_id) a.entity_id::text AS id, u.display_name AS name
         FROM audit_entry a LEFT JOIN app_user u ON u.id = a.actor_id AND a.actor_kind = 'user'
        WHERE a.entity_type = 'AggregateFigure' AND a.entity_id = ANY($1::uuid[])
        ORDER BY a.entity_id, a.occurred_at DESC, a.seq DESC`,
      [[...ids]],
    );
    const byId = new Map(rows.map((r) => [r.id, r.name]));
    return ids.map((id) => byId.get(id) ?? null);
  }
}

/** The figures of an input; for a change, those left out (undefined) keep their value, null removes one. */
function figuresOf(input: Partial<Record<FigureField, number | null>>, before: Figures | null): Figures {
  const out = {} as Figures;
  for (const field of FIGURE_FIELDS) {
    const given = input[field];
    out[field] = given === undefined ? (before?.[field] ?? null) : given;
  }
  return out;
}

/** A period starts no later than it ends, and is over. */
function checkPeriod(periodStart: string, periodEnd: string): void {
  if (periodStart > periodEnd) throw badInput('periodEnd', { vi: 'Ngày cuối kỳ không được trước ngày đầu kỳ.', en: 'The period cannot end before it starts.' });
  if (periodEnd >= todayInVietnam()) {
    throw badInput('periodEnd', { vi: 'Kỳ báo cáo phải đã kết thúc (ngày cuối kỳ trước hôm nay).', en: 'The period must be over (its last day before today).' });
  }
}
