import { DataSource, type EntityManager } from 'typeorm';
import { badInput, conflict, notFound, uniquely, type Bilingual } from '../../platform/errors';
import { forbidden, isNational, requireClientScope, requireRole, requireSignedIn, scopeProvince } from '../../platform/authz';
import { Injectable } from '../../platform/container';
import { updateVersioned } from '../../platform/database/versioned';
import { paginate, type PageArgs } from '../../platform/graphql/connection';
import type { Actor } from '../../platform/graphql/context';
import { groupFor } from '../../platform/graphql/loaders';
import { todayInVietnam } from '../../platform/graphql/scalars';
import { likeFragment, requiredText } from '../../platform/text';
import { AdministrativeLevel } from '../administrative-units/administrative-unit.entity';
import { AdministrativeUnitService } from '../administrative-units/administrative-unit.service';
import { Agency } from '../agencies/agency.entity';
import { AuditService } from '../audit/audit.service';
import { findInScope } from '../rollout/rollout-access';
import { StaffService } from '../staff/staff.service';
import { Procedure, ProcedureComponent } from './procedure.entity';
import type { CreateProcedureInput, ProcedureComponentInput, ProcedureFilter, ProcedureInput, UpdateProcedureInput } from './procedure.inputs';

/** Who keeps a province's catalogue: its administrators (a national administrator for any province). */
export const CATALOGUE_WRITERS = ['SYSTEM_ADMIN'];
export const PROCEDURE_LABEL: Bilingual = { vi: 'thủ tục', en: 'procedure' };
const AGENCY_LABEL: Bilingual = { vi: 'cơ quan', en: 'agency' };

/** A procedure as the catalogue keeps it, checked: what create, update and import write. */
export interface ProcedureValues {
  code: string;
  name: string;
  fieldId: string;
  level: Procedure['level'];
  agencyId: string | null;
  procedureFee: number;
  postalFee: number;
  processingTime: number;
  processingUnit: Procedure['processingUnit'];
  onlineLevel: Procedure['onlineLevel'];
  bcciMode: Procedure['bcciMode'];
  legalBasis: string | null;
  components: Array<Pick<ProcedureComponent, 'name' | 'originals' | 'copies' | 'required'>>;
}

const CODE = /^[0-9A-Za-z][0-9A-Za-z.\-_]{0,31}$/;

@Injectable()
export class ProcedureService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly units: AdministrativeUnitService,
    private readonly staff: StaffService,
  ) {}

  /**
   * The province a reader reads: their own, or the one a national reader names (all provinces when none).
   * A portal's client with READ_CATALOGUE reads the lists of the provinces it acts for, like a reader of
   * several provinces: naming another province answers an empty page, as it does to a province's staff.
   */
  async list(actor: Actor, filter: ProcedureFilter, page: PageArgs) {
    const provinces = this.readableProvinces(actor);
    const byCode = filter.provinceCode ? await this.provinceByCode(filter.provinceCode) : null;
    const qb = this.dataSource.getRepository(Procedure).createQueryBuilder('p');
    if (provinces) qb.andWhere('p.province_id = ANY(:provinces)', { provinces });
    if (filter.provinceId) qb.andWhere('p.province_id = :province', { province: filter.provinceId });
    if (byCode) qb.andWhere('p.province_id = :byCode', { byCode });
    if (!filter.includeRetired) qb.andWhere('p.retired_on IS NULL');
    if (filter.fieldId) qb.andWhere('p.field_id = :field', { field: filter.fieldId });
    if (filter.level) qb.andWhere('p.level = :level', { level: filter.level });
    if (filter.bcciModes?.length) qb.andWhere('p.bcci_mode IN (:...modes)', { modes: filter.bcciModes });
    const search = filter.search?.trim();
    if (search) {
      qb.andWhere('(osp_fold(p.name) LIKE osp_fold(:search) OR p.code LIKE :codePrefix)', { search: likeFragment(search), codePrefix: `${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    }
    return paginate(qb, page, { expression: 'p.name', property: 'name', direction: 'ASC', kind: 'name' });
  }

  /** The provinces whose catalogue the actor reads (null: every province): the catalogue's one reading rule. */
  private readableProvinces(actor: Actor): readonly string[] | null {
    if (actor.kind === 'client') return requireClientScope(actor, 'READ_CATALOGUE').provinceIds;
    const scope = scopeProvince(actor);
    return scope ? [scope] : null;
  }

  /** The id of the province in force today with an administrative code (portals name provinces by code). */
  private async provinceByCode(code: string): Promise<string> {
    const unit = await this.units.requireByCode(code, 'provinceCode');
    if (unit.level !== AdministrativeLevel.PROVINCE) throw badInput('provinceCode', { vi: `Mã "${code}" không phải mã của một tỉnh, thành phố.`, en: `Code "${code}" is not a province's.` });
    return unit.id;
  }

  async find(actor: Actor, id: string): Promise<Procedure | null> {
    requireSignedIn(actor);
    return this.dataSource.transaction((m) => findInScope(m, actor, Procedure, id, PROCEDURE_LABEL)).catch((error) => {
      if ((error as { code?: string }).code === 'NOT_FOUND') return null;
      throw error;
    });
  }

  /** A procedure of the actor's reach, read inside a caller's transaction (the dossiers module receives against it). */
  inScope(m: EntityManager, actor: Actor, id: string, field: string): Promise<Procedure> {
    return findInScope(m, actor, Procedure, id, PROCEDURE_LABEL, field);
  }

  /** A procedure's code and name, public facts (tracking shows them to anyone with a dossier's code and phone). */
  async codeAndName(id: string): Promise<{ code: string; name: string }> {
    const { code, name } = await this.dataSource.getRepository(Procedure).findOneByOrFail({ id });
    return { code, name };
  }

  async componentsOf(procedureIds: readonly string[]): Promise<ProcedureComponent[][]> {
    const rows = await this.dataSource.getRepository(ProcedureComponent).createQueryBuilder('c').where('c.procedure_id = ANY(:ids)', { ids: [...procedureIds] }).orderBy('c.position').getMany();
    return groupFor(procedureIds, rows, (c) => c.procedureId);
  }

  componentsIn(m: EntityManager, procedureId: string): Promise<ProcedureComponent[]> {
    return m.getRepository(ProcedureComponent).find({ where: { procedureId }, order: { position: 'ASC' } });
  }

  /** The province a writer writes to: their own, or the one a national administrator names. */
  async writableProvince(m: EntityManager, actor: Actor, provinceId: string | null | undefined): Promise<string> {
    requireRole(actor, CATALOGUE_WRITERS);
    if (!isNational(actor)) {
      if (provinceId && provinceId !== actor.provinceId) throw forbidden();
      return actor.provinceId!;
    }
    const missing = { vi: 'Hãy chọn tỉnh, thành phố.', en: 'Choose the province.' };
    if (!provinceId) throw badInput('provinceId', missing);
    const root = await this.units.provinceIdOf(m, provinceId).catch(() => null);
    if (root !== provinceId) throw badInput('provinceId', { vi: 'Không phải một tỉnh, thành phố đang có hiệu lực.', en: 'Not a province in force.' });
    return provinceId;
  }

  /** Checks a procedure's values against the rules; `at` prefixes the field names (e.g. for an import's row). */
  async checked(m: EntityManager, actor: Actor, provinceId: string, input: ProcedureInput): Promise<ProcedureValues> {
    const code = input.code.trim();
    if (!CODE.test(code)) throw badInput('code', { vi: 'Mã thủ tục gồm chữ, số, dấu chấm hoặc gạch, tối đa 32 ký tự (ví dụ 1.001193).', en: 'The code is letters, digits, dots or dashes, at most 32 characters (e.g. 1.001193).' });
    const name = requiredText(input.name, 'name', { vi: 'Tên thủ tục', en: 'The procedure’s name' });
    await this.staff.fieldInUse(m, input.fieldId, 'fieldId');
    let agencyId: string | null = null;
    if (input.agencyId) {
      const agency = await findInScope(m, actor, Agency, input.agencyId, AGENCY_LABEL, 'agencyId');
      if (agency.provinceId !== provinceId) throw badInput('agencyId', { vi: 'Cơ quan không thuộc tỉnh của danh mục.', en: 'The agency is not of the catalogue’s province.' });
      agencyId = agency.id;
    }
    const components = (input.components ?? []).map((c: ProcedureComponentInput, i) => ({
      name: requiredText(c.name, `components.${i}.name`, { vi: 'Tên giấy tờ', en: 'The document’s name' }),
      originals: c.originals ?? 0,
      copies: c.copies ?? 0,
      required: c.required ?? true,
    }));
    return {
      code,
      name,
      fieldId: input.fieldId,
      level: input.level,
      agencyId,
      procedureFee: input.procedureFee,
      postalFee: input.postalFee,
      processingTime: input.processingTime,
      processingUnit: input.processingUnit,
      onlineLevel: input.onlineLevel,
      bcciMode: input.bcciMode,
      legalBasis: input.legalBasis?.trim() || null,
      components,
    };
  }

  create(actor: Actor, input: CreateProcedureInput): Promise<Procedure> {
    requireRole(actor, CATALOGUE_WRITERS);
    return this.duplicateCodeIsConflict(input.code, () =>
      this.dataSource.transaction(async (m) => {
        const provinceId = await this.writableProvince(m, actor, input.provinceId);
        const values = await this.checked(m, actor, provinceId, input);
        return this.insert(m, actor, provinceId, values);
      }),
    );
  }

  /** Writes a new procedure and its checklist, with its audit record, in the caller's transaction. */
  async insert(m: EntityManager, actor: Actor, provinceId: string, values: ProcedureValues): Promise<Procedure> {
    const { components, ...row } = values;
    const repo = m.getRepository(Procedure);
    const entity = repo.create({ ...row, provinceId, retiredOn: null, version: 1 });
    await repo.insert(entity);
    await this.writeComponents(m, entity.id, components);
    const saved = await repo.findOneByOrFail({ id: entity.id });
    await this.audit.record(m, actor, { action: 'procedure.create', entityType: 'Procedure', entityId: saved.id, after: { ...saved, components }, provinceId });
    return saved;
  }

  update(actor: Actor, input: UpdateProcedureInput): Promise<Procedure> {
    requireRole(actor, CATALOGUE_WRITERS);
    return this.duplicateCodeIsConflict(input.code, () =>
      this.dataSource.transaction(async (m) => {
        const before = await findInScope(m, actor, Procedure, input.id, PROCEDURE_LABEL);
        await this.writableProvince(m, actor, before.provinceId);
        const values = await this.checked(m, actor, before.provinceId, input);
        let retiredOn = before.retiredOn;
        if (input.retired === true && !retiredOn) retiredOn = todayInVietnam();
        if (input.retired === false) retiredOn = null;
        return this.change(m, actor, before, input.version, values, retiredOn);
      }),
    );
  }

  /** Changes a stored procedure to `values` (optimistic on `version`), in the caller's transaction. */
  async change(m: EntityManager, actor: Actor, before: Procedure, version: number, values: ProcedureValues, retiredOn = before.retiredOn): Promise<Procedure> {
    const { components, ...row } = values;
    const beforeComponents = await this.componentsIn(m, before.id);
    await updateVersioned(m, Procedure, before.id, version, { ...row, retiredOn }, PROCEDURE_LABEL);
    await m.getRepository(ProcedureComponent).delete({ procedureId: before.id });
    await this.writeComponents(m, before.id, components);
    const after = await m.getRepository(Procedure).findOneByOrFail({ id: before.id });
    const plain = (list: ProcedureValues['components']) => list.map(({ name, originals, copies, required }) => ({ name, originals, copies, required }));
    await this.audit.record(m, actor, {
      action: 'procedure.update',
      entityType: 'Procedure',
      entityId: after.id,
      before: { ...before, components: plain(beforeComponents) },
      after: { ...after, components: plain(components) },
      provinceId: after.provinceId,
    });
    return after;
  }

  /** Whether a stored procedure already says what `values` say (an import leaves it alone then). */
  async same(m: EntityManager, stored: Procedure, values: ProcedureValues): Promise<boolean> {
    const { components, ...row } = values;
    for (const [key, value] of Object.entries(row)) if ((stored as unknown as Record<string, unknown>)[key] !== value) return false;
    const current = await this.componentsIn(m, stored.id);
    return (
      current.length === components.length &&
      current.every((c, i) => c.name === components[i].name && c.originals === components[i].originals && c.copies === components[i].copies && c.required === components[i].required)
    );
  }

  private async writeComponents(m: EntityManager, procedureId: string, components: ProcedureValues['components']): Promise<void> {
    if (components.length === 0) return;
    await m.getRepository(ProcedureComponent).insert(components.map((c, i) => ({ ...c, procedureId, position: i + 1 })));
  }

  private duplicateCodeIsConflict<T>(code: string, write: () => Promise<T>): Promise<T> {
    return uniquely(write, 'code', { vi: `Mã thủ tục "${code.trim()}" đã có trong danh mục của tỉnh.`, en: `The procedure code "${code.trim()}" is already in the province’s list.` });
  }

  /** Read by code within a province (imports match rows on it). */
  byCode(m: EntityManager, provinceId: string, codes: string[]): Promise<Procedure[]> {
    if (codes.length === 0) return Promise.resolve([]);
    return m.getRepository(Procedure).createQueryBuilder('p').where('p.province_id = :provinceId AND p.code IN (:...codes)', { provinceId, codes }).getMany();
  }

  notFound(id: string) {
    return notFound(PROCEDURE_LABEL, id);
  }

  conflict(message: Bilingual) {
    return conflict(message);
  }
}
