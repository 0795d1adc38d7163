import { isUUID } from 'class-validator';
import { DataSource, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { forbidden, requireRole } from '../../platform/authz';
import { Injectable } from '../../platform/container';
import { likeFragment, trimmedName } from '../../platform/text';
import { badInput, conflict, notFound, uniquely } from '../../platform/errors';
import { jsonRowSql, recordsFromJsonRows, unaskedTimestamps } from '../../platform/database/rows';
import { connectionFrom, paginate, type Connection, type PageArgs, type PageExtras, type SortKey } from '../../platform/graphql/connection';
import type { Actor } from '../../platform/graphql/context';
import { addDays, shownDay, todayInVietnam } from '../../platform/graphql/scalars';
import { AuditService } from '../audit/audit.service';
import { AdministrativeLevel, AdministrativeUnit, inForceOn, PARENT_LEVELS } from './administrative-unit.entity';
import {
  AdministrativeUnitSort,
  type AdministrativeUnitFilter,
  type CreateAdministrativeUnitInput,
  type MoveAdministrativeUnitInput,
  type RenameAdministrativeUnitInput,
  type RetireAdministrativeUnitInput,
} from './administrative-unit.inputs';

const UNIT = { vi: 'đơn vị hành chính', en: 'administrative unit' };

const SORTS: Record<AdministrativeUnitSort, SortKey> = {
  CODE_ASC: { expression: 'u.code', property: 'code', direction: 'ASC' },
  NAME_ASC: { expression: 'u.name', property: 'name', direction: 'ASC', kind: 'name' },
};

/** What a list reads for its units besides the units (AdministrativeUnitService.list), and where it goes. */
export interface UnitListPrefetch {
  /** Each unit's parent (not called for a unit without one). */
  parent?: (unit: AdministrativeUnit, parent: AdministrativeUnit) => void;
  /** The first page of each unit's children in force on the list's day. */
  children?: { first: number; each: (unit: AdministrativeUnit, asOf: string, page: Connection<AdministrativeUnit>) => void };
  /** Columns of the parents and children left out (`unaskedColumns`). */
  omit: ReadonlySet<string>;
}

/** Something owned by a unit (an agency, a desk, a post office) whose province may change with the map. */
export type ReorganisationListener = (manager: EntityManager, unitIds: string[]) => Promise<void>;


@Injectable()
export class AdministrativeUnitService {
  private readonly listeners: ReorganisationListener[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Modules that keep a province per record register here to follow merges and moves. */
  onReorganised(listener: ReorganisationListener): void {
    this.listeners.push(listener);
  }

  /** The columns a read of many units may leave out when the request's operation selects `asked` (null: not known). */
  unaskedColumns(asked: ReadonlySet<string> | null): ReadonlySet<string> {
    return unaskedTimestamps(this.dataSource, AdministrativeUnit, asked);
  }

  private query(manager: EntityManager = this.dataSource.manager): SelectQueryBuilder<AdministrativeUnit> {
    return manager.getRepository(AdministrativeUnit).createQueryBuilder('u');
  }

  /**
   * A page of units. `prefetch` reads, in the same statement, each unit's parent and the first page of
   * its children in force that day, when the request asks for them (the resolver primes the request's
   * loaders with them, so `parent` and `children` cost no statement of their own).
   */
  async list(filter: AdministrativeUnitFilter = {}, page: PageArgs, sort = AdministrativeUnitSort.CODE_ASC, prefetch?: UnitListPrefetch): Promise<Connection<AdministrativeUnit>> {
    const asOf = filter.asOf ?? todayInVietnam();
    const qb = this.query();
    const extras = prefetch ? this.prefetchExtras(qb, asOf, prefetch) : undefined;
    if (!filter.includeNotInForce) qb.andWhere('u.valid_from <= :asOf AND (u.valid_to IS NULL OR u.valid_to >= :asOf)', { asOf });
    if (filter.level) qb.andWhere('u.level = :level', { level: filter.level });
    if (filter.parentCode) qb.andWhere('u.parent_id IN (SELECT id FROM administrative_unit WHERE code = :parentCode)', { parentCode: filter.parentCode });
    if (filter.provinceCode) {
      qb.andWhere(`u.path <@ ARRAY(SELECT path FROM administrative_unit WHERE code = :provinceCode AND level = 'PROVINCE')`, { provinceCode: filter.provinceCode });
    }
    const search = filter.search?.trim();
    if (search) qb.andWhere(`(osp_fold(u.name) LIKE osp_fold(:search) OR u.code = :code)`, { search: likeFragment(search), code: search });
    const connection = await paginate(qb, page, SORTS[sort], extras);
    for (const edge of connection.edges) edge.node.viewAsOf = asOf;
    return connection;
  }

  private prefetchExtras(qb: SelectQueryBuilder<AdministrativeUnit>, asOf: string, prefetch: UnitListPrefetch): PageExtras<AdministrativeUnit> {
    const select: Record<string, string> = {};
    const { children, omit } = prefetch;
    if (prefetch.parent) select.__parent = `(SELECT ${jsonRowSql(this.dataSource, AdministrativeUnit, 'p', omit)} FROM administrative_unit p WHERE p.id = u.parent_id)`;
    if (children) {
      // As childrenFirstPages reads them: in force on the list's day, by code, one more than the page.
      const inForce = 'c.valid_from <= :prefetchAsOf AND (c.valid_to IS NULL OR c.valid_to >= :prefetchAsOf)';
      qb.setParameter('prefetchAsOf', asOf).setParameter('prefetchLimit', children.first + 1);
      // One scan of each unit's children gives both the count and the page (two subqueries scanned them twice).
      select.__children = `(SELECT json_build_object('total', count(*)::int, 'nodes', json_agg(${jsonRowSql(this.dataSource, AdministrativeUnit, 'c', omit)} ORDER BY c.code, c.id) FILTER (WHERE c.rn <= :prefetchLimit))
          FROM (SELECT c.*, row_number() OVER (ORDER BY c.code, c.id) AS rn FROM administrative_unit c WHERE c.parent_id = u.id AND ${inForce}) c)`;
    }
    return {
      select,
      each: (unit, row) => {
        if (prefetch.parent && row.__parent) {
          const [parent] = recordsFromJsonRows(this.dataSource, AdministrativeUnit, [row.__parent as unknown[]], omit);
          prefetch.parent(unit, parent);
        }
        if (children) {
          const page = row.__children as { total: number; nodes: unknown[][] | null };
          const nodes = recordsFromJsonRows(this.dataSource, AdministrativeUnit, page.nodes ?? [], omit);
          for (const node of nodes) node.viewAsOf = asOf;
          children.each(unit, asOf, connectionFrom(nodes, children.first, page.total, 'code'));
        }
      },
    };
  }

  /**
   * The version of a code for a day: the one in force that day; else the latest that began before it
   * (a unit since merged away); else the first one (a unit not yet created).
   */
  async findByCode(code: string, asOf?: string | null, manager?: EntityManager): Promise<AdministrativeUnit | null> {
    const day = asOf ?? todayInVietnam();
    const unit = await this.query(manager)
      .where('u.code = :code', { code })
      .orderBy('(u.valid_from <= :day AND (u.valid_to IS NULL OR u.valid_to >= :day))', 'DESC')
      .addOrderBy('(u.valid_from <= :day)', 'DESC')
      .addOrderBy('u.valid_from', 'DESC')
      .setParameter('day', day)
      .limit(1)
      .getOne();
    if (unit) unit.viewAsOf = day;
    return unit;
  }

  /** The version of a code in force on a day (default today), or a field error. */
  async requireByCode(code: string, field: string, manager?: EntityManager, day = todayInVietnam()): Promise<AdministrativeUnit> {
    const unit = await this.query(manager)
      .where('u.code = :code', { code })
      .andWhere('u.valid_from <= :day AND (u.valid_to IS NULL OR u.valid_to >= :day)', { day })
      .getOne();
    if (!unit) {
      throw badInput(field, {
        vi: `Không có đơn vị hành chính mã "${code}" có hiệu lực ngày ${shownDay(day)}.`,
        en: `No administrative unit with code "${code}" is in force on ${shownDay(day)}.`,
      });
    }
    return unit;
  }

  async requireById(manager: EntityManager, id: string): Promise<AdministrativeUnit> {
    return manager.getRepository(AdministrativeUnit).findOneByOrFail({ id });
  }

  /**
   * Children in force on a day, for many parents at once: the first `first` of each parent (by code)
   * with each parent's total, in one statement. Each parent's page comes back as one JSON array (one
   * row per parent, not one per child): node-postgres decodes one value instead of a dozen columns
   * for each of up to 2,000 children, and the records are built from it as the by-id loader builds
   * its own (platform/database/rows.ts), each child a compact array without the columns in `omit`.
   */
  async childrenFirstPages(parentIds: readonly string[], asOf: string, first: number, omit?: ReadonlySet<string>): Promise<Map<string, Connection<AdministrativeUnit>>> {
    const inForce = 'c.valid_from <= $2 AND (c.valid_to IS NULL OR c.valid_to >= $2)';
    const raw: Array<{ parent: string; total: number; nodes: unknown[][] | null }> = await this.dataSource.query(
      // One scan of each parent's children gives both the total and the page.
      `SELECT p.id AS parent, page.total, page.nodes
         FROM unnest($1::uuid[]) AS p(id)
         CROSS JOIN LATERAL (
           SELECT count(*)::int AS total, json_agg(${jsonRowSql(this.dataSource, AdministrativeUnit, 'c', omit)} ORDER BY c.code, c.id) FILTER (WHERE c.rn <= $3) AS nodes
             FROM (SELECT c.*, row_number() OVER (ORDER BY c.code, c.id) AS rn FROM administrative_unit c WHERE c.parent_id = p.id AND ${inForce}) c
         ) page`,
      [parentIds, asOf, first + 1],
    );
    const pages = new Map<string, Connection<AdministrativeUnit>>();
    for (const row of raw) {
      const units = recordsFromJsonRows(this.dataSource, AdministrativeUnit, row.nodes ?? [], omit);
      for (const unit of units) unit.viewAsOf = asOf;
      pages.set(row.parent, connectionFrom(units, first, row.total, 'code'));
    }
    return new Map(parentIds.map((id) => [id, pages.get(id) ?? connectionFrom<AdministrativeUnit>([], first, 0, 'code')]));
  }

  /** Children of one parent from a cursor on (the first page goes through `childrenFirstPages`). */
  async childrenPage(parentId: string, asOf: string, page: PageArgs): Promise<Connection<AdministrativeUnit>> {
    const qb = this.query()
      .where('u.parent_id = :parentId', { parentId })
      .andWhere('u.valid_from <= :asOf AND (u.valid_to IS NULL OR u.valid_to >= :asOf)', { asOf });
    const connection = await paginate(qb, page, SORTS.CODE_ASC);
    for (const edge of connection.edges) edge.node.viewAsOf = asOf;
    return connection;
  }

  /** For each unit, the unit in force on `asOf` it rolls up to (itself while in force), in one statement. */
  async rollUp(unitIds: readonly string[], asOf: string): Promise<Map<string, string>> {
    const rows: Array<{ id: string; target: string }> = await this.dataSource.query(
      'SELECT u.id, osp_unit_as_of(u.id, $2) AS target FROM unnest($1::uuid[]) AS u(id)',
      [unitIds, asOf],
    );
    return new Map(rows.map((r) => [r.id, r.target]));
  }

  /**
   * Narrows a list of records located at units (`column`, e.g. `f.administrative_unit_id`) to those that
   * roll up, on `asOf`, to the unit `unitId` (with `includeSubunits`, to it or any unit under it): the
   * filter of the reports' record lists (aggregate figures, outreach). The unit must be in force that day;
   * a malformed or unknown id, or one not in force, is a BAD_USER_INPUT on `unitId`.
   */
  async whereRollsUpTo(qb: SelectQueryBuilder<ObjectLiteral>, column: string, unitId: string, asOf: string, includeSubunits: boolean): Promise<void> {
    if (!isUUID(unitId)) throw badInput('unitId', { vi: 'Không phải mã định danh hợp lệ.', en: 'Is not a valid id.' });
    const [unit]: Array<{ id: string; name: string; path: string; valid_from: string; valid_to: string | null }> = await this.dataSource.query(
      `SELECT id, name, path::text AS path, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to FROM administrative_unit WHERE id = $1`,
      [unitId],
    );
    if (!unit) throw badInput('unitId', { vi: `Không tìm thấy đơn vị hành chính "${unitId}".`, en: `No administrative unit "${unitId}" was found.` });
    if (!inForceOn({ validFrom: unit.valid_from, validTo: unit.valid_to }, asOf)) {
      throw badInput('unitId', {
        vi: `${unit.name} không có hiệu lực ngày ${shownDay(asOf)}: hãy hỏi theo một ngày đơn vị còn hiệu lực, hoặc theo đơn vị kế thừa.`,
        en: `${unit.name} is not in force on ${shownDay(asOf)}: ask as of a day it was, or for the unit that succeeded it.`,
      });
    }
    if (includeSubunits) {
      qb.andWhere(`(SELECT ru.path FROM administrative_unit ru WHERE ru.id = osp_unit_as_of(${column}, :asOf)) <@ CAST(:unitPath AS ltree)`, { asOf, unitPath: unit.path });
    } else {
      qb.andWhere(`osp_unit_as_of(${column}, :asOf) = :unitId`, { asOf, unitId: unit.id });
    }
  }

  /** The province that owns a unit's records on a day: the root of the unit it rolls up to. */
  async provinceIdOf(manager: EntityManager, unitId: string, asOf = todayInVietnam()): Promise<string> {
    const [row] = await manager.query('SELECT osp_province_of(osp_unit_as_of($1, $2)) AS id', [unitId, asOf]);
    return row.id;
  }

  /** Reorganising the map of units is a national act: only a national system administrator does it. */
  private authorize(actor: Actor): void {
    requireRole(actor, ['SYSTEM_ADMIN']);
    if (actor.provinceId !== null) throw forbidden();
  }

  async create(actor: Actor, input: CreateAdministrativeUnitInput): Promise<AdministrativeUnit> {
    this.authorize(actor);
    const name = trimmedName(input.name);
    return this.dataSource.transaction(async (m) => {
      let path = input.code;
      let parentId: string | null = null;
      if (input.level === AdministrativeLevel.PROVINCE) {
        if (input.parentCode) throw badInput('parentCode', { vi: 'Tỉnh không có đơn vị cấp trên.', en: 'A province has no parent unit.' });
      } else {
        if (!input.parentCode) throw badInput('parentCode', { vi: 'Cần chọn đơn vị cấp trên.', en: 'A parent unit is required.' });
        const parent = await this.requireByCode(input.parentCode, 'parentCode', m, input.validFrom);
        this.assertParentFits(input.level, parent, input.validFrom, null);
        path = `${parent.path}.${input.code}`;
        parentId = parent.id;
      }
      const repo = m.getRepository(AdministrativeUnit);
      const unit = repo.create({ code: input.code, name, level: input.level, parentId, path, validFrom: input.validFrom, validTo: null, successorId: null });
      await uniquely(() => repo.insert(unit), 'code', {
        vi: `Mã "${input.code}" đang được một đơn vị khác dùng trong cùng thời gian.`,
        en: `The code "${input.code}" is used by another unit over the same period.`,
      });
      const saved = await repo.findOneByOrFail({ id: unit.id });
      const provinceId = await this.provinceIdOf(m, saved.id);
      await this.audit.record(m, actor, { action: 'administrativeUnit.create', entityType: 'AdministrativeUnit', entityId: saved.id, after: saved, provinceId });
      return saved;
    });
  }

  async rename(actor: Actor, input: RenameAdministrativeUnitInput): Promise<AdministrativeUnit> {
    this.authorize(actor);
    const name = trimmedName(input.name);
    return this.dataSource.transaction(async (m) => {
      const before = await this.lockByCode(m, input.code);
      await m.update(AdministrativeUnit, { id: before.id }, { name });
      return this.finish(m, actor, 'administrativeUnit.rename', before);
    });
  }

  async move(actor: Actor, input: MoveAdministrativeUnitInput): Promise<AdministrativeUnit> {
    this.authorize(actor);
    return this.dataSource.transaction(async (m) => {
      const before = await this.lockByCode(m, input.code);
      const today = todayInVietnam();
      if (before.level === AdministrativeLevel.PROVINCE) {
        throw badInput('code', { vi: 'Không thể chuyển một tỉnh.', en: 'A province cannot be moved.' });
      }
      const parent = await this.requireByCode(input.parentCode, 'parentCode', m);
      if (parent.path === before.path || parent.path.startsWith(`${before.path}.`)) {
        throw badInput('parentCode', { vi: 'Không thể chuyển một đơn vị vào chính nó.', en: 'A unit cannot be moved under itself.' });
      }
      this.assertParentFits(before.level, parent, today, before.validTo);
      // The unit and the units under it that are still in force move with it (their paths keep
      // everything from the unit's own code down); past versions keep the path they had.
      // (Selected first: TypeORM answers an UPDATE … RETURNING with [rows, count], not the rows.)
      const moved: Array<{ id: string }> = await m.query(
        'SELECT id FROM administrative_unit WHERE path <@ $1::ltree AND (valid_to IS NULL OR valid_to >= $2)',
        [before.path, today],
      );
      const movedIds = moved.map((r) => r.id);
      await m.query(
        `UPDATE administrative_unit SET path = $1::ltree || subpath(path, nlevel($2::ltree) - 1), updated_at = now() WHERE id = ANY($3::uuid[])`,
        [parent.path, before.path, movedIds],
      );
      await m.update(AdministrativeUnit, { id: before.id }, { parentId: parent.id });
      await this.notify(m, movedIds);
      return this.finish(m, actor, 'administrativeUnit.move', before);
    });
  }

  async retire(actor: Actor, input: RetireAdministrativeUnitInput): Promise<AdministrativeUnit> {
    this.authorize(actor);
    return this.dataSource.transaction(async (m) => {
      const before = await this.lockByCode(m, input.code);
      if (before.validTo !== null) {
        throw conflict({ vi: `Đơn vị "${before.name}" đã hết hiệu lực từ ${shownDay(before.validTo)}.`, en: `"${before.name}" was already retired on ${shownDay(before.validTo)}.` });
      }
      if (input.validTo < before.validFrom) {
        throw badInput('validTo', { vi: 'Ngày hết hiệu lực trước ngày bắt đầu hiệu lực.', en: 'The last day in force is before the first.' });
      }
      const nextDay = addDays(input.validTo, 1);
      let successorId: string | null = null;
      if (input.successorCode) {
        const successor = await this.findByCode(input.successorCode, nextDay, m);
        if (!successor) throw badInput('successorCode', { vi: `Không có đơn vị hành chính mã "${input.successorCode}".`, en: `There is no administrative unit with code "${input.successorCode}".` });
        const levels = Object.values(AdministrativeLevel);
        if (successor.id === before.id) throw badInput('successorCode', { vi: 'Đơn vị không thể kế thừa chính nó.', en: 'A unit cannot succeed itself.' });
        if (levels.indexOf(successor.level) > levels.indexOf(before.level)) {
          throw badInput('successorCode', { vi: 'Đơn vị kế thừa không được ở cấp thấp hơn.', en: 'The successor cannot be at a lower level.' });
        }
        if (!inForceOn(successor, nextDay)) {
          throw badInput('successorCode', { vi: `Đơn vị kế thừa không có hiệu lực ngày ${shownDay(nextDay)}.`, en: `The successor is not in force on ${shownDay(nextDay)}.` });
        }
        successorId = successor.id;
      }
      const [{ count }] = await m.query(
        `SELECT count(*)::int AS count FROM administrative_unit WHERE parent_id = $1 AND (valid_to IS NULL OR valid_to > $2)`,
        [before.id, input.validTo],
      );
      if (count > 0) {
        throw conflict({
          vi: `Còn ${count} đơn vị trực thuộc có hiệu lực sau ngày ${shownDay(input.validTo)}: hãy sắp xếp chúng trước.`,
          en: `${count} units under it stay in force after ${shownDay(input.validTo)}: reorganise them first.`,
        });
      }
      await m.update(AdministrativeUnit, { id: before.id }, { validTo: input.validTo, successorId });
      const subtree: Array<{ id: string }> = await m.query('SELECT id FROM administrative_unit WHERE path <@ $1::ltree', [before.path]);
      await this.notify(m, subtree.map((r) => r.id));
      return this.finish(m, actor, 'administrativeUnit.retire', before);
    });
  }

  /** `lastDay` is the last day the unit under `parent` is in force (null: open-ended). */
  private assertParentFits(level: AdministrativeLevel, parent: AdministrativeUnit, day: string, lastDay: string | null): void {
    if (!PARENT_LEVELS[level].includes(parent.level)) {
      throw badInput('parentCode', {
        vi: `Đơn vị cấp ${level} không thể trực thuộc đơn vị cấp ${parent.level}.`,
        en: `A ${level} unit cannot belong to a ${parent.level} unit.`,
      });
    }
    if (!inForceOn(parent, day)) {
      throw badInput('parentCode', { vi: `Đơn vị cấp trên không có hiệu lực ngày ${shownDay(day)}.`, en: `The parent unit is not in force on ${shownDay(day)}.` });
    }
    // A unit never outlives its parent: retire() refuses a parent whose children stay in force.
    if (parent.validTo !== null && (lastDay === null || lastDay > parent.validTo)) {
      throw badInput('parentCode', {
        vi: `Đơn vị cấp trên chỉ có hiệu lực đến hết ngày ${shownDay(parent.validTo)}; đơn vị trực thuộc không thể còn hiệu lực sau ngày đó.`,
        en: `The parent unit ends on ${shownDay(parent.validTo)}; a unit under it cannot stay in force after that day.`,
      });
    }
  }

  /** The version of a code in force today, locked for a change. */
  private async lockByCode(m: EntityManager, code: string): Promise<AdministrativeUnit> {
    const unit = await m
      .getRepository(AdministrativeUnit)
      .createQueryBuilder('u')
      .setLock('pessimistic_write')
      .where('u.code = :code', { code })
      .andWhere('(u.valid_to IS NULL OR u.valid_to >= :today)', { today: todayInVietnam() })
      .orderBy('u.valid_from', 'ASC')
      .limit(1)
      .getOne();
    if (!unit) throw notFound(UNIT, code);
    return unit;
  }

  private async finish(m: EntityManager, actor: Actor, action: string, before: AdministrativeUnit): Promise<AdministrativeUnit> {
    const after = await m.getRepository(AdministrativeUnit).findOneByOrFail({ id: before.id });
    const provinceId = await this.provinceIdOf(m, after.id);
    await this.audit.record(m, actor, { action, entityType: 'AdministrativeUnit', entityId: before.id, before, after, provinceId });
    return after;
  }

  private async notify(m: EntityManager, unitIds: string[]): Promise<void> {
    for (const listener of this.listeners) await listener(m, unitIds);
  }
}
