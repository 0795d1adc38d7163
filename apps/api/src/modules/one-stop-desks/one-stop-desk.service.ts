import { DataSource } from 'typeorm';
import { Injectable } from '../../platform/container';
import type { PageArgs } from '../../platform/graphql/connection';
import type { Actor } from '../../platform/graphql/context';
import { AuditService } from '../audit/audit.service';
import { AdministrativeUnitService } from '../administrative-units/administrative-unit.service';
import { OrganisationSort, trimmedName, UnitOwnedService, type MoveInput } from '../administrative-units/unit-owned-record';
import { AgencyService } from '../agencies/agency.service';
import { OneStopDesk } from './one-stop-desk.entity';
import type { CreateOneStopDeskInput, OneStopDeskFilter } from './one-stop-desk.inputs';

@Injectable()
export class OneStopDeskService extends UnitOwnedService<OneStopDesk> {
  protected readonly entity = OneStopDesk;
  protected readonly table = 'one_stop_desk';
  protected readonly label = { vi: 'bộ phận một cửa', en: 'one-stop desk' };

  constructor(
    dataSource: DataSource,
    units: AdministrativeUnitService,
    audit: AuditService,
    private readonly agencies: AgencyService,
  ) {
    super(dataSource, units, audit);
  }

  list(actor: Actor, filter: OneStopDeskFilter = {}, page: PageArgs, sort = OrganisationSort.NAME_ASC) {
    const qb = this.filtered(actor, filter);
    if (filter.level) qb.andWhere('r.level = :level', { level: filter.level });
    if (filter.agencyId) qb.andWhere('r.agency_id = :agencyId', { agencyId: filter.agencyId });
    return this.page(qb, page, sort);
  }

  create(actor: Actor, input: CreateOneStopDeskInput): Promise<OneStopDesk> {
    const name = trimmedName(input.name);
    return this.dataSource.transaction(async (m) => {
      const agency = await this.agencies.requireActive(m, input.agencyId, 'agencyId');
      const unit = input.administrativeUnitCode
        ? await this.unitForWrite(m, input.administrativeUnitCode, 'administrativeUnitCode')
        : await this.units.requireById(m, agency.administrativeUnitId);
      return this.insert(m, actor, {
        code: input.code,
        name,
        level: unit.level,
        agencyId: agency.id,
        administrativeUnitId: unit.id,
        address: input.address?.trim() || null,
      });
    });
  }

  /** A desk that moves to a unit of another level serves that level from then on. */
  move(actor: Actor, input: MoveInput): Promise<OneStopDesk> {
    return this.moveTo(actor, input, (unit) => ({ level: unit.level }));
  }
}
