import { DataSource, type EntityManager } from 'typeorm';
import { assertProvince, requireRole } from '../../platform/authz';
import { Injectable } from '../../platform/container';
import { badInput, conflict } from '../../platform/errors';
import type { PageArgs } from '../../platform/graphql/connection';
import type { Actor } from '../../platform/graphql/context';
import { todayInVietnam } from '../../platform/graphql/scalars';
import { AuditService } from '../audit/audit.service';
import { AdministrativeLevel, type AdministrativeUnit } from '../administrative-units/administrative-unit.entity';
import { AdministrativeUnitService } from '../administrative-units/administrative-unit.service';
import { trimmedName } from '../../platform/text';
import { ORGANISATION_WRITERS, OrganisationSort, UnitOwnedService, type MoveInput } from '../administrative-units/unit-owned-record';
import { POST_OFFICE_PARENT_KINDS, PostOffice, PostOfficeKind } from './post-office.entity';
import type { CreatePostOfficeInput, PostOfficeFilter } from './post-office.inputs';

/**
 * The post office named by the SQL parameter :office and every one reporting to it, at any depth: a
 * subquery for `… IN (${POST_OFFICE_TREE})`. What a post office's manager reaches.
 */
export const POST_OFFICE_TREE = `WITH RECURSIVE office AS (SELECT id FROM post_office WHERE id = :office
  UNION SELECT p.id FROM post_office p JOIN office o ON p.parent_id = o.id) SELECT id FROM office`;

@Injectable()
export class PostOfficeService extends UnitOwnedService<PostOffice> {
  protected readonly entity = PostOffice;
  protected readonly table = 'post_office';
  protected readonly label = { vi: 'bưu điện', en: 'post office' };

  constructor(dataSource: DataSource, units: AdministrativeUnitService, audit: AuditService) {
    super(dataSource, units, audit);
  }

  list(actor: Actor, filter: PostOfficeFilter = {}, page: PageArgs, sort = OrganisationSort.NAME_ASC) {
    const qb = this.filtered(actor, filter);
    if (filter.kind) qb.andWhere('r.kind = :kind', { kind: filter.kind });
    if (filter.parentId) qb.andWhere('r.parent_id = :parentId', { parentId: filter.parentId });
    return this.page(qb, page, sort);
  }

  create(actor: Actor, input: CreatePostOfficeInput): Promise<PostOffice> {
    requireRole(actor, ORGANISATION_WRITERS);
    const name = trimmedName(input.name);
    return this.dataSource.transaction(async (m) => {
      const unit = await this.unitForWrite(m, input.administrativeUnitCode, 'administrativeUnitCode');
      assertUnitFits(input.kind, unit);
      assertProvince(actor, await this.units.provinceIdOf(m, unit.id));
      const parent = await this.parentFor(m, actor, input.kind, input.parentId ?? null, unit);
      return this.insert(m, actor, {
        code: input.code,
        name,
        kind: input.kind,
        parentId: parent?.id ?? null,
        administrativeUnitId: unit.id,
        address: input.address?.trim() || null,
      });
    });
  }

  move(actor: Actor, input: MoveInput): Promise<PostOffice> {
    return this.moveTo(actor, input, async (unit, office, m) => {
      assertUnitFits(office.kind, unit);
      await this.assertNetworkStaysInProvince(m, office, unit);
    });
  }

  /**
   * An office reports within its province (as `parentFor` requires at creation): a move may not take
   * it away from the province of the office it reports to, nor from that of the active offices
   * reporting to it.
   */
  private async assertNetworkStaysInProvince(m: EntityManager, office: PostOffice, unit: AdministrativeUnit): Promise<void> {
    const provinceId = await this.units.provinceIdOf(m, unit.id);
    if (office.parentId) {
      const parent = await m.getRepository(PostOffice).findOneByOrFail({ id: office.parentId });
      if (parent.provinceId !== provinceId) {
        throw badInput('administrativeUnitCode', {
          vi: `Bưu điện cấp trên "${parent.name}" thuộc tỉnh khác.`,
          en: `The post office it reports to, "${parent.name}", is in another province.`,
        });
      }
    }
    const [{ count }] = await m.query(
      'SELECT count(*)::int AS count FROM post_office WHERE parent_id = $1 AND province_id <> $2 AND (retired_on IS NULL OR retired_on > $3)',
      [office.id, provinceId, todayInVietnam()],
    );
    if (count > 0) {
      throw badInput('administrativeUnitCode', {
        vi: `Còn ${count} bưu điện trực thuộc "${office.name}" đang hoạt động ở tỉnh khác.`,
        en: `${count} active post offices reporting to "${office.name}" are in another province.`,
      });
    }
  }

  /** A post office cannot close while offices still report to it. */
  protected override async beforeRetire(m: EntityManager, office: PostOffice): Promise<void> {
    const [{ count }] = await m.query(
      'SELECT count(*)::int AS count FROM post_office WHERE parent_id = $1 AND (retired_on IS NULL OR retired_on > $2)',
      [office.id, todayInVietnam()],
    );
    if (count > 0) {
      throw conflict({
        vi: `Còn ${count} bưu điện trực thuộc "${office.name}" đang hoạt động.`,
        en: `${count} active post offices still report to "${office.name}".`,
      });
    }
  }

  private async parentFor(m: EntityManager, actor: Actor, kind: PostOfficeKind, parentId: string | null, unit: AdministrativeUnit): Promise<PostOffice | null> {
    const allowed = POST_OFFICE_PARENT_KINDS[kind];
    if (!parentId) {
      if (allowed.length) throw badInput('parentId', { vi: 'Cần chọn bưu điện cấp trên.', en: 'The post office it reports to is required.' });
      return null;
    }
    const parent = await this.requireActive(m, parentId, 'parentId', actor);
    if (!allowed.includes(parent.kind)) {
      throw badInput('parentId', {
        vi: `Bưu điện loại ${kind} không thể trực thuộc bưu điện loại ${parent.kind}.`,
        en: `A ${kind} post office cannot report to a ${parent.kind} one.`,
      });
    }
    if (parent.provinceId !== (await this.units.provinceIdOf(m, unit.id))) {
      throw badInput('parentId', { vi: 'Bưu điện cấp trên thuộc tỉnh khác.', en: 'The parent post office is in another province.' });
    }
    return parent;
  }
}

function assertUnitFits(kind: PostOfficeKind, unit: AdministrativeUnit): void {
  const required = kind === PostOfficeKind.PROVINCIAL ? AdministrativeLevel.PROVINCE : kind === PostOfficeKind.COMMUNE_CULTURAL ? AdministrativeLevel.COMMUNE : null;
  if (required && unit.level !== required) {
    throw badInput('administrativeUnitCode', {
      vi: `Bưu điện loại ${kind} phải đặt tại đơn vị cấp ${required}, không phải "${unit.name}".`,
      en: `A ${kind} post office must be in a ${required} unit, not "${unit.name}".`,
    });
  }
}
