import { DataSource, type EntityManager } from 'typeorm';
import { requireRole } from '../../platform/authz';
import { Injectable } from '../../platform/container';
import { badInput } from '../../platform/errors';
import type { PageArgs } from '../../platform/graphql/connection';
import type { Actor } from '../../platform/graphql/context';
import { AuditService } from '../audit/audit.service';
import type { AdministrativeUnit } from '../administrative-units/administrative-unit.entity';
import { AdministrativeUnitService } from '../administrative-units/administrative-unit.service';
import { trimmedName } from '../../platform/text';
import { ORGANISATION_WRITERS, OrganisationSort, UnitOwnedService, type IdentifierCodeInput, type MoveInput } from '../administrative-units/unit-owned-record';
import { Agency, AGENCY_KIND_LEVEL, type AgencyKind } from './agency.entity';
import type { AgencyFilter, CreateAgencyInput } from './agency.inputs';

/** Throws when an agency may not move to `provinceId`. */
export type AgencyMoveCheck = (m: EntityManager, agency: Agency, provinceId: string) => Promise<void>;

@Injectable()
export class AgencyService extends UnitOwnedService<Agency> {
  protected readonly entity = Agency;
  protected readonly table = 'agency';
  protected readonly label = { vi: 'cơ quan', en: 'agency' };

  constructor(dataSource: DataSource, units: AdministrativeUnitService, audit: AuditService) {
    super(dataSource, units, audit);
  }

  list(actor: Actor, filter: AgencyFilter = {}, page: PageArgs, sort = OrganisationSort.NAME_ASC) {
    const qb = this.filtered(actor, filter);
    if (filter.kind) qb.andWhere('r.kind = :kind', { kind: filter.kind });
    return this.page(qb, page, sort);
  }

  create(actor: Actor, input: CreateAgencyInput): Promise<Agency> {
    requireRole(actor, ORGANISATION_WRITERS);
    const name = trimmedName(input.name);
    return this.dataSource.transaction(async (m) => {
      const unit = await this.unitForWrite(m, input.administrativeUnitCode, 'administrativeUnitCode');
      assertKindFits(input.kind, unit);
      return this.insert(m, actor, { code: input.code, name, kind: input.kind, administrativeUnitId: unit.id });
    });
  }

  /** An agency's code is its own; its desks without one number their dossiers from it. */
  setIdentifierCode(actor: Actor, input: IdentifierCodeInput): Promise<Agency> {
    return this.setIdentifierCodeOf(actor, input, () => null);
  }

  private readonly moveChecks: AgencyMoveCheck[] = [];

  /** Modules whose records hang off an agency (desks) may refuse a move that would strand them. */
  onMove(check: AgencyMoveCheck): void {
    this.moveChecks.push(check);
  }

  move(actor: Actor, input: MoveInput): Promise<Agency> {
    return this.moveTo(actor, input, async (unit, agency, m) => {
      assertKindFits(agency.kind, unit);
      const provinceId = await this.units.provinceIdOf(m, unit.id);
      for (const check of this.moveChecks) await check(m, agency, provinceId);
    });
  }
}

function assertKindFits(kind: AgencyKind, unit: AdministrativeUnit): void {
  if (AGENCY_KIND_LEVEL[kind] !== unit.level) {
    throw badInput('administrativeUnitCode', {
      vi: `Cơ quan loại ${kind} phải thuộc đơn vị cấp ${AGENCY_KIND_LEVEL[kind]}, không phải "${unit.name}".`,
      en: `An agency of kind ${kind} belongs to a ${AGENCY_KIND_LEVEL[kind]} unit, not "${unit.name}".`,
    });
  }
}
