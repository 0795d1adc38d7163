import { DataSource, type EntityManager } from 'typeorm';
import { requireRole } from '../../platform/authz';
import { badInput, conflict } from '../../platform/errors';
import { Injectable } from '../../platform/container';
import type { PageArgs } from '../../platform/graphql/connection';
import type { Actor } from '../../platform/graphql/context';
import { todayInVietnam } from '../../platform/graphql/scalars';
import { AuditService } from '../audit/audit.service';
import { AdministrativeUnitService } from '../administrative-units/administrative-unit.service';
import { trimmedName } from '../../platform/text';
import { ORGANISATION_WRITERS, OrganisationSort, UnitOwnedService, type IdentifierCodeInput, type MoveInput } from '../administrative-units/unit-owned-record';
import type { Agency } from '../agencies/agency.entity';
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
    agencies.onMove((m, agency, provinceId) => this.assertNoDeskLeftBehind(m, agency, provinceId));
  }

  list(actor: Actor, filter: OneStopDeskFilter = {}, page: PageArgs, sort = OrganisationSort.NAME_ASC) {
    const qb = this.filtered(actor, filter);
    if (filter.level) qb.andWhere('r.level = :level', { level: filter.level });
    if (filter.agencyId) qb.andWhere('r.agency_id = :agencyId', { agencyId: filter.agencyId });
    return this.page(qb, page, sort);
  }

  create(actor: Actor, input: CreateOneStopDeskInput): Promise<OneStopDesk> {
    requireRole(actor, ORGANISATION_WRITERS);
    const name = trimmedName(input.name);
    return this.dataSource.transaction(async (m) => {
      const agency = await this.agencies.requireActive(m, input.agencyId, 'agencyId', actor);
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

  /** A desk's own code, or none (its agency's numbers its dossiers); it may equal its own agency's. */
  setIdentifierCode(actor: Actor, input: IdentifierCodeInput): Promise<OneStopDesk> {
    return this.setIdentifierCodeOf(actor, input, (desk) => desk.agencyId);
  }

  /**
   * A desk that moves to a unit of another level serves that level from then on. It stays in its
   * agency's province: a desk is the agency's, and readers of one province must reach both.
   */
  move(actor: Actor, input: MoveInput): Promise<OneStopDesk> {
    return this.moveTo(actor, input, async (unit, desk, m) => {
      const agency = await this.agencies.read(m, desk.agencyId);
      if ((await this.units.provinceIdOf(m, unit.id)) !== agency.provinceId) {
        throw badInput('administrativeUnitCode', {
          vi: `Bộ phận một cửa phải ở cùng tỉnh với cơ quan "${agency.name}".`,
          en: `A one-stop desk stays in the province of its agency, "${agency.name}".`,
        });
      }
      return { level: unit.level };
    });
  }

  private async assertNoDeskLeftBehind(m: EntityManager, agency: Agency, provinceId: string): Promise<void> {
    const [{ count }] = await m.query(
      `SELECT count(*)::int AS count FROM one_stop_desk WHERE agency_id = $1 AND province_id <> $2 AND (retired_on IS NULL OR retired_on > $3)`,
      [agency.id, provinceId, todayInVietnam()],
    );
    if (count > 0) {
      throw conflict({
        vi: `Cơ quan "${agency.name}" còn ${count} bộ phận một cửa đang hoạt động ở tỉnh cũ: hãy chuyển hoặc đóng chúng trước.`,
        en: `"${agency.name}" still has ${count} active one-stop desks in its province: move or retire them first.`,
      });
    }
  }
}
