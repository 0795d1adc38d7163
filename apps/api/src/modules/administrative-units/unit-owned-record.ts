/**
 * What agencies, one-stop desks and post offices have in common: each is a record of a province's
 * organisation, located in an administrative unit, owned by the province that unit rolls up to today,
 * and retired rather than deleted. The rules for these live here once; each module adds its own.
 */
import { IsOptional, isUUID, IsUUID, Length, MaxLength } from 'class-validator';
import { Arg, Field, FieldResolver, ID, InputType, ObjectType, registerEnumType, Resolver, Root, Ctx } from 'type-graphql';
import { GraphQLISODateTime as DateTimeISO } from 'type-graphql';
import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn, type DataSource, type EntityManager, type EntityTarget, type SelectQueryBuilder } from 'typeorm';
import { assertProvince, requireRole, scopeProvince } from '../../platform/authz';
import { badInput, conflict, notFound, uniquely, type Bilingual } from '../../platform/errors';
import { recordsFromRows } from '../../platform/database/rows';
import { paginate, type Connection, type PageArgs, type SortKey } from '../../platform/graphql/connection';
import type { Actor, GraphQLContext } from '../../platform/graphql/context';
import { DateScalar, shownDay, todayInVietnam } from '../../platform/graphql/scalars';
import type { AuditService } from '../audit/audit.service';
import { AdministrativeUnit } from './administrative-unit.entity';
import { likeFragment, trimmedName } from '../../platform/text';
import type { AdministrativeUnitService } from './administrative-unit.service';
import { NAME_MAX } from './administrative-unit.inputs';

export const RECORD_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

@ObjectType('UnitOwnedRecord')
export abstract class UnitOwnedRecord {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => String, { description: 'Stable code, unique among records of this kind.' })
  @Column('varchar', { length: 32 })
  code!: string;

  @Field(() => String)
  @Column('text')
  name!: string;

  @Column('uuid')
  administrativeUnitId!: string;

  /** The province that owns the record today (the unit it is in, rolled up through merges). */
  @Column('uuid')
  provinceId!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The day it stopped operating; null while active.' })
  @Column('date', { nullable: true })
  retiredOn!: string | null;

  @Field(() => DateTimeISO)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => DateTimeISO)
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

export enum OrganisationSort {
  NAME_ASC = 'NAME_ASC',
  CODE_ASC = 'CODE_ASC',
}
registerEnumType(OrganisationSort, { name: 'OrganisationSort', description: 'Sort order of agencies, desks and post offices.' });

@InputType('UnitOwnedFilter')
export abstract class UnitOwnedFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name, ignoring case and diacritics, or an exact code.' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Records of this province: owned by it today, or located under it when it was in force (a Bình Phước desk answers to "70" and, after the 2025 merge, to Đồng Nai "75").',
  })
  provinceCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Records located in this unit or anywhere under it.' })
  administrativeUnitCode?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Also retired records.' })
  includeRetired?: boolean | null;
}

@InputType('RecordIdInput')
export abstract class RecordIdInput {
  @Field(() => ID) @IsUUID() id!: string;
}

export function renameInputType(typeName: string) {
  @InputType(`Rename${typeName}Input`)
  class RenameInput extends RecordIdInput {
    @Field(() => String) @Length(1, NAME_MAX) name!: string;
  }
  return RenameInput;
}

export function moveInputType(typeName: string) {
  @InputType(`Move${typeName}Input`)
  class MoveInput extends RecordIdInput {
    @Field(() => String, { description: 'Code of the administrative unit it moves to.' }) administrativeUnitCode!: string;
  }
  return MoveInput;
}

export function retireInputType(typeName: string) {
  @InputType(`Retire${typeName}Input`)
  class RetireInput extends RecordIdInput {
    @Field(() => DateScalar, { nullable: true, description: 'The day it stops operating (default: today).' }) retiredOn?: string | null;
  }
  return RetireInput;
}

/**
 * Mã định danh điện tử (Circular 10/2016/TT-BTTTT): four groups, the last a letter and two digits
 * (000.00.00.H27 is Hà Tĩnh's provincial people's committee). Dossier codes start with it (Article 19
 * of Circular 01/2018/TT-VPCP), so no two units may share one.
 */
export const IDENTIFIER_CODE = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;

export function identifierCodeInputType(typeName: string) {
  @InputType(`Set${typeName}IdentifierCodeInput`)
  class SetIdentifierCodeInput extends RecordIdInput {
    @Field(() => String, { nullable: true, description: 'Mã định danh điện tử, e.g. 000.00.00.H27; null removes it.' })
    @IsOptional()
    @MaxLength(24)
    identifierCode?: string | null;
  }
  return SetIdentifierCodeInput;
}

export type IdentifierCodeInput = { id: string; identifierCode?: string | null };

/**
 * Refuses an identifier code another agency or desk already has (their dossier codes would collide);
 * `twin` is the one record that may share it (a desk and its own agency number from one sequence).
 */
export async function assertIdentifierCodeFree(m: EntityManager, code: string, self: string, twin: string | null): Promise<void> {
  // Two tables, no one unique index: writers of codes take turns for the rest of their transaction.
  await m.query(`SELECT pg_advisory_xact_lock(hashtext('osp.identifier_code'))`);
  const [taken] = await m.query(
    `SELECT name FROM agency WHERE identifier_code = $1 AND id <> $2 AND id IS DISTINCT FROM $3
     UNION ALL SELECT name FROM one_stop_desk WHERE identifier_code = $1 AND id <> $2 LIMIT 1`,
    [code, self, twin],
  );
  if (taken) {
    const message = { vi: `Mã định danh "${code}" đã là của "${taken.name}": mỗi đơn vị tiếp nhận có một mã riêng.`, en: `The identifier code "${code}" already belongs to "${taken.name}": each receiving unit has its own.` };
    throw conflict(message, [{ field: 'identifierCode', message }]);
  }
}

export type RenameInput = { id: string; name: string };
export type MoveInput = { id: string; administrativeUnitCode: string };
export type RetireInput = { id: string; retiredOn?: string | null };

/** Who may create and change agencies, desks and post offices (within their province). */
export const ORGANISATION_WRITERS = ['SYSTEM_ADMIN', 'STEERING_COMMITTEE'];

const SORTS: Record<OrganisationSort, SortKey> = {
  NAME_ASC: { expression: 'r.name', property: 'name', direction: 'ASC', kind: 'name' },
  CODE_ASC: { expression: 'r.code', property: 'code', direction: 'ASC' },
};

/** Rules shared by the services of unit-owned records. */
export abstract class UnitOwnedService<T extends UnitOwnedRecord> {
  protected abstract readonly entity: EntityTarget<T> & (new () => T);
  protected abstract readonly table: string;
  protected abstract readonly label: Bilingual;

  constructor(
    protected readonly dataSource: DataSource,
    protected readonly units: AdministrativeUnitService,
    protected readonly audit: AuditService,
  ) {
    units.onReorganised((m, unitIds) => this.followReorganisation(m, unitIds));
  }

  protected get entityType(): string {
    return this.entity.name;
  }

  /** The shared part of a list query, on alias `r`, confined to the actor's province; a module adds its own filters. */
  protected filtered(actor: Actor, filter: UnitOwnedFilter): SelectQueryBuilder<T> {
    const qb = this.dataSource.getRepository(this.entity).createQueryBuilder('r');
    const scope = scopeProvince(actor);
    if (scope) qb.andWhere('r.province_id = :scope', { scope });
    if (!filter.includeRetired) qb.andWhere('(r.retired_on IS NULL OR r.retired_on > :today)', { today: todayInVietnam() });
    if (filter.provinceCode) {
      qb.andWhere(
        `(r.province_id IN (SELECT id FROM administrative_unit WHERE code = :provinceCode AND level = 'PROVINCE')
          OR EXISTS (SELECT 1 FROM administrative_unit fu WHERE fu.id = r.administrative_unit_id
                     AND fu.path <@ ARRAY(SELECT path FROM administrative_unit WHERE code = :provinceCode AND level = 'PROVINCE')))`,
        { provinceCode: filter.provinceCode },
      );
    }
    if (filter.administrativeUnitCode) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM administrative_unit fu WHERE fu.id = r.administrative_unit_id
                 AND fu.path <@ ARRAY(SELECT path FROM administrative_unit WHERE code = :unitCode))`,
        { unitCode: filter.administrativeUnitCode },
      );
    }
    const search = filter.search?.trim();
    if (search) qb.andWhere('(osp_fold(r.name) LIKE osp_fold(:search) OR r.code = :code)', { search: likeFragment(search), code: search });
    return qb;
  }

  protected page(qb: SelectQueryBuilder<T>, page: PageArgs, sort: OrganisationSort): Promise<Connection<T>> {
    return paginate(qb, page, SORTS[sort]);
  }

  /** A record by id, or null; an id that is not a uuid is the caller's mistake, not a missing record. */
  /** A record known to exist (a foreign key points at it), read inside the caller's transaction. */
  read(m: EntityManager, id: string): Promise<T> {
    return m.getRepository(this.entity).findOneByOrFail({ id } as never);
  }

  /** A record by id within the actor's province; null when there is none there. */
  async findById(actor: Actor, id: string): Promise<T | null> {
    const scope = scopeProvince(actor);
    if (!isUUID(id)) throw badInput('id', { vi: 'Không phải mã định danh hợp lệ.', en: 'Is not a valid id.' });
    // The lean read path (platform/database/rows.ts): one plain statement, no query builder.
    const rows = await this.dataSource.query(
      `SELECT * FROM ${this.table} WHERE id = $1${scope ? ' AND province_id = $2' : ''}`,
      scope ? [id, scope] : [id],
    );
    return recordsFromRows(this.dataSource, this.entity, rows)[0] ?? null;
  }

  /** Reads a record by id inside a transaction, locked against concurrent changes; one outside the actor's province is not found. */
  protected async lock(m: EntityManager, actor: Actor, id: string): Promise<T> {
    const row = await m.getRepository(this.entity).createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id', { id }).getOne();
    const scope = scopeProvince(actor);
    if (!row || (scope !== null && row.provinceId !== scope)) throw notFound(this.label, id);
    return row;
  }

  /**
   * A record of this kind that another record refers to: it must exist and still operate. Given the
   * actor, one outside the actor's province is not found, exactly like an id that does not exist.
   */
  async requireActive(m: EntityManager, id: string, field: string, actor?: Actor): Promise<T> {
    const scope = actor ? scopeProvince(actor) : null;
    const row = await m.getRepository(this.entity).findOneBy((scope ? { id, provinceId: scope } : { id }) as never);
    if (!row) throw badInput(field, { vi: `Không tìm thấy ${this.label.vi} "${id}".`, en: `No ${this.label.en} "${id}" was found.` });
    if (row.retiredOn !== null && row.retiredOn <= todayInVietnam()) {
      throw badInput(field, { vi: `${this.label.vi} "${row.name}" đã ngừng hoạt động.`, en: `The ${this.label.en} "${row.name}" is retired.` });
    }
    return row;
  }

  /** The province's records of these codes still operating (an import matches its rows on them), in the caller's transaction. */
  byCodes(m: EntityManager, provinceId: string, codes: readonly string[]): Promise<T[]> {
    if (codes.length === 0) return Promise.resolve([]);
    return m
      .getRepository(this.entity)
      .createQueryBuilder('r')
      .where('r.province_id = :provinceId AND r.code IN (:...codes) AND (r.retired_on IS NULL OR r.retired_on > :today)', { provinceId, codes: [...codes], today: todayInVietnam() })
      .getMany();
  }

  /** The unit a record goes into: the version of the code in force today. */
  protected unitForWrite(m: EntityManager, code: string, field: string): Promise<AdministrativeUnit> {
    return this.units.requireByCode(code, field, m);
  }

  /** Inserts a new record with its province and audit entry. */
  protected async insert(m: EntityManager, actor: Actor, values: Partial<T> & { code: string; administrativeUnitId: string }): Promise<T> {
    requireRole(actor, ORGANISATION_WRITERS);
    const repo = m.getRepository(this.entity);
    const provinceId = await this.units.provinceIdOf(m, values.administrativeUnitId);
    assertProvince(actor, provinceId);
    const record = repo.create({ ...values, provinceId, retiredOn: null } as never) as unknown as T;
    await uniquely(() => repo.insert(record as never), 'code', { vi: `Mã "${values.code}" đã được dùng.`, en: `The code "${values.code}" is already in use.` });
    const saved = await repo.findOneByOrFail({ id: record.id } as never);
    await this.audit.record(m, actor, { action: `${this.auditPrefix}.create`, entityType: this.entityType, entityId: saved.id, after: saved, provinceId });
    return saved;
  }

  /** Applies a change to a locked record and writes the audit entry with before and after. */
  protected async change(actor: Actor, id: string, action: string, apply: (m: EntityManager, before: T) => Promise<Partial<T>>): Promise<T> {
    requireRole(actor, ORGANISATION_WRITERS);
    return this.dataSource.transaction(async (m) => {
      const before = await this.lock(m, actor, id);
      if (before.retiredOn !== null && action !== 'retire') {
        throw conflict({ vi: `${this.label.vi} "${before.name}" đã ngừng hoạt động.`, en: `The ${this.label.en} "${before.name}" is retired.` });
      }
      const patch = await apply(m, before);
      await m.getRepository(this.entity).update({ id } as never, patch as never);
      const after = await m.getRepository(this.entity).findOneByOrFail({ id } as never);
      await this.audit.record(m, actor, { action: `${this.auditPrefix}.${action}`, entityType: this.entityType, entityId: id, before, after, provinceId: after.provinceId });
      return after;
    });
  }

  private get auditPrefix(): string {
    return this.entityType.charAt(0).toLowerCase() + this.entityType.slice(1);
  }

  /**
   * Sets or removes the record's mã định danh điện tử (agencies and desks have one): the format of
   * Circular 10/2016/TT-BTTTT, and no other receiving unit's (bar `twin`, see assertIdentifierCodeFree).
   */
  protected setIdentifierCodeOf(actor: Actor, input: IdentifierCodeInput, twin: (record: T) => string | null): Promise<T> {
    const code = input.identifierCode?.trim().toUpperCase() || null;
    if (code && !IDENTIFIER_CODE.test(code)) {
      throw badInput('identifierCode', {
        vi: `"${code}" không đúng dạng mã định danh điện tử: bốn nhóm như 000.00.00.H27 (Thông tư 10/2016/TT-BTTTT).`,
        en: `"${code}" is not an electronic identifier code: four groups such as 000.00.00.H27 (Circular 10/2016/TT-BTTTT).`,
      });
    }
    return this.change(actor, input.id, 'setIdentifierCode', async (m, record) => {
      if (code) await assertIdentifierCodeFree(m, code, record.id, twin(record));
      return { identifierCode: code } as unknown as Partial<T>;
    });
  }

  rename(actor: Actor, input: RenameInput): Promise<T> {
    const name = trimmedName(input.name);
    return this.change(actor, input.id, 'rename', async () => ({ name }) as Partial<T>);
  }

  /**
   * Moves a record to another unit. `fit` lets a module refuse a unit that does not suit the record
   * (by throwing) or change more fields with it (by returning them).
   */
  protected moveTo(
    actor: Actor,
    input: MoveInput,
    fit?: (unit: AdministrativeUnit, record: T, m: EntityManager) => Partial<T> | void | Promise<Partial<T> | void>,
  ): Promise<T> {
    return this.change(actor, input.id, 'move', async (m, record) => {
      const unit = await this.unitForWrite(m, input.administrativeUnitCode, 'administrativeUnitCode');
      const provinceId = await this.units.provinceIdOf(m, unit.id);
      assertProvince(actor, provinceId);
      const extra = (await fit?.(unit, record, m)) ?? {};
      return { ...extra, administrativeUnitId: unit.id, provinceId } as Partial<T>;
    });
  }

  retire(actor: Actor, input: RetireInput): Promise<T> {
    return this.change(actor, input.id, 'retire', async (m, record) => {
      if (record.retiredOn !== null) {
        throw conflict({ vi: `${this.label.vi} "${record.name}" đã ngừng hoạt động từ ${shownDay(record.retiredOn)}.`, en: `The ${this.label.en} "${record.name}" was retired on ${shownDay(record.retiredOn)}.` });
      }
      await this.beforeRetire(m, record);
      return { retiredOn: input.retiredOn ?? todayInVietnam() } as Partial<T>;
    });
  }

  /** A module refuses retirement while active records depend on this one. */
  protected async beforeRetire(_m: EntityManager, _record: T): Promise<void> {}

  /** When units merge or move, records located in them follow to the province that owns them now. */
  private async followReorganisation(m: EntityManager, unitIds: string[]): Promise<void> {
    await m.query(
      `UPDATE ${this.table} SET province_id = osp_province_of(osp_unit_as_of(administrative_unit_id, $2)), updated_at = now()
        WHERE administrative_unit_id = ANY($1::uuid[])
          AND province_id IS DISTINCT FROM osp_province_of(osp_unit_as_of(administrative_unit_id, $2))`,
      [unitIds, todayInVietnam()],
    );
  }
}

/** `administrativeUnit`, `province` and `active` on every unit-owned type, through the request's loaders. */
export function UnitOwnedFieldResolvers<T extends UnitOwnedRecord>(type: new () => T) {
  @Resolver(() => type)
  abstract class UnitOwnedFields {
    @FieldResolver(() => AdministrativeUnit, { description: 'The unit it is located in, as recorded.' })
    administrativeUnit(@Root() record: T, @Ctx() ctx: GraphQLContext) {
      return ctx.loaders.byId(AdministrativeUnit).load(record.administrativeUnitId);
    }

    @FieldResolver(() => AdministrativeUnit, { description: 'The province that owns it today (after the 2025 merges, the new province).' })
    province(@Root() record: T, @Ctx() ctx: GraphQLContext) {
      return ctx.loaders.byId(AdministrativeUnit).load(record.provinceId);
    }

    @FieldResolver(() => Boolean, { description: 'Operating on `on` (default today).' })
    active(@Root() record: T, @Arg('on', () => DateScalar, { nullable: true }) on: string | null): boolean {
      return record.retiredOn === null || record.retiredOn > (on ?? todayInVietnam());
    }
  }
  return UnitOwnedFields;
}
