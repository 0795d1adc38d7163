import { randomUUID } from 'node:crypto';
import * as reference from '@osp/reference-data';
import type { DataSource, EntityManager } from 'typeorm';
import { AdministrativeUnit } from '../modules/administrative-units/administrative-unit.entity';
import { Agency } from '../modules/agencies/agency.entity';
import { OneStopDesk } from '../modules/one-stop-desks/one-stop-desk.entity';
import { PostOffice } from '../modules/post-offices/post-office.entity';
import { todayInVietnam } from '../platform/graphql/scalars';
import { loadDemoUsers } from './demo-users';
import { loadPilotProgrammes } from './rollout-seed';
import { loadRosterDemo } from './roster-seed';
import { loadProcedureCatalogue } from './procedure-seed';
import { demoDossiersWanted, loadDossierDemo } from './dossier-seed';
import { loadPortalDemo } from './portal-seed';
import { loadAggregateDemo, loadOutreachDemo } from './aggregate-seed';

export const DEMO_SEED_KEY = 'demo_seed';
export const DEMO_USERS_KEY = 'demo_users';
export const DEMO_PILOTS_KEY = 'demo_pilots';
export const DEMO_ROSTERS_KEY = 'demo_rosters';
export const DEMO_PROCEDURES_KEY = 'demo_procedures';
export const DEMO_DOSSIERS_KEY = 'demo_dossiers';
export const DEMO_PORTAL_KEY = 'demo_portal';
export const DEMO_AGGREGATES_KEY = 'demo_aggregates';
export const DEMO_OUTREACH_KEY = 'demo_outreach';
export const DEMO_SEED_VERSION = 1;

export interface SeedCounts {
  units?: number;
  agencies?: number;
  desks?: number;
  postOffices?: number;
  users?: number;
  programmes?: number;
  sites?: number;
  staff?: number;
  counters?: number;
  shifts?: number;
  procedures?: number;
  dossiers?: number;
  dossierEvents?: number;
  apiClients?: number;
  clientDossiers?: number;
  usageDays?: number;
  webhookDeliveries?: number;
  webhookAttempts?: number;
  aggregateFigures?: number;
  outreachActivities?: number;
}

/**
 * Loads the demo data of packages/reference-data (the provinces, agencies, desks and post offices of
 * the source articles) in one transaction, once: a second start finds the marker and does nothing.
 * Returns what was loaded, or null when the data was already there.
 */
export async function seedDemoData(dataSource: DataSource): Promise<SeedCounts | null> {
  return dataSource.transaction(async (m) => {
    await m.query('LOCK TABLE app_meta IN EXCLUSIVE MODE');
    const done = new Set<string>((await m.query('SELECT key FROM app_meta')).map((r: { key: string }) => r.key));
    let counts: SeedCounts | null = null;
    // Each part is loaded once, marked in app_meta: a database seeded before a part existed gets it on its next start.
    const part = async (key: string, load: () => Promise<SeedCounts>) => {
      if (done.has(key)) return;
      const loaded = await load();
      await m.query('INSERT INTO app_meta (key, value) VALUES ($1, $2)', [key, JSON.stringify({ version: DEMO_SEED_VERSION, at: new Date().toISOString(), ...loaded })]);
      counts = { ...counts, ...loaded };
    };
    await part(DEMO_SEED_KEY, () => loadReferenceData(m));
    await part(DEMO_USERS_KEY, async () => ({ users: await loadDemoUsers(m) }));
    await part(DEMO_PILOTS_KEY, () => loadPilotProgrammes(m));
    await part(DEMO_ROSTERS_KEY, () => loadRosterDemo(m));
    await part(DEMO_PROCEDURES_KEY, () => loadProcedureCatalogue(m));
    // The seed articles' period totals, as the units would submit them (aggregate-seed.ts).
    await part(DEMO_AGGREGATES_KEY, () => loadAggregateDemo(m));
    // The seed articles' outreach (Tánh Linh 2022: reports, handbooks, leaflets, classes), in the same place (aggregate-seed.ts).
    await part(DEMO_OUTREACH_KEY, () => loadOutreachDemo(m));
    // A year of dossiers at the pilot desks; left out of test databases unless asked for (dossier-seed.ts).
    if (demoDossiersWanted()) {
      await part(DEMO_DOSSIERS_KEY, () => loadDossierDemo(m));
      // A portal's client sending Hà Tĩnh's recent online dossiers, its traffic and a paused endpoint's delivery log (portal-seed.ts).
      await part(DEMO_PORTAL_KEY, () => loadPortalDemo(m));
    }
    return counts;
  });
}

/** The day the organisation records of the seeds (agencies, desks, post offices) are dated: the pilots. */
const PILOT_DAY = '2019-01-01';

async function loadReferenceData(m: EntityManager): Promise<SeedCounts> {
  const units = reference.administrativeUnits;
  // A code names a unit only on a given day (the 2025 reform reused codes): key versions by code@validFrom.
  const unitIds = new Map(units.map((u) => [reference.unitKey(u), randomUUID()]));
  const version = (code: string, day: string, what: string): reference.UnitRecord => {
    const found = reference.findUnit(units, code, day) ?? units.filter((u) => u.code === code).at(-1);
    if (!found) throw new Error(`reference data: no unit ${code} (${what})`);
    return found;
  };
  const unitId = (unit: reference.UnitRecord) => unitIds.get(reference.unitKey(unit)) as string;
  const parentOf = (u: reference.UnitRecord) => (u.parentCode ? version(u.parentCode, u.validFrom, `parent of ${u.code}`) : null);
  const pathOf = (u: reference.UnitRecord): string => {
    const parent = parentOf(u);
    return parent ? `${pathOf(parent)}.${u.code}` : u.code;
  };
  const organisationUnit = (code: string) => unitId(version(code, PILOT_DAY, 'organisation record'));
  const lookup = (code: string | null, map: Map<string, string>, what: string): string => {
    const found = code === null ? undefined : map.get(code);
    if (!found) throw new Error(`reference data: unknown ${what} ${code}`);
    return found;
  };

  // One statement per table: foreign keys inside a multi-row INSERT are checked at its end.
  await m.getRepository(AdministrativeUnit).insert(
    units.map((u) => {
      const parent = parentOf(u);
      return {
        id: unitId(u),
        code: u.code,
        name: u.name,
        level: u.level as AdministrativeUnit['level'],
        parentId: parent ? unitId(parent) : null,
        path: pathOf(u),
        validFrom: u.validFrom,
        validTo: u.validTo,
        successorId: u.successorCode && u.validTo ? unitId(version(u.successorCode, reference.nextDay(u.validTo), `successor of ${u.code}`)) : null,
      };
    }),
  );
  // The owner province is first the recorded unit; the UPDATEs below roll it up through the merges.
  const agencyIds = new Map(reference.agencies.map((a) => [a.code, randomUUID()]));
  await m.getRepository(Agency).insert(
    reference.agencies.map((a) => {
      const unit = organisationUnit(a.unitCode);
      return { id: agencyIds.get(a.code), code: a.code, name: a.name, kind: a.kind as Agency['kind'], administrativeUnitId: unit, provinceId: unit };
    }),
  );
  await m.getRepository(OneStopDesk).insert(
    reference.desks.map((d) => {
      const unit = organisationUnit(d.unitCode);
      return {
        code: d.code,
        name: d.name,
        level: d.level as OneStopDesk['level'],
        agencyId: lookup(d.agencyCode, agencyIds, 'agency'),
        administrativeUnitId: unit,
        provinceId: unit,
        address: d.address,
      };
    }),
  );
  const officeIds = new Map(reference.postOffices.map((p) => [p.code, randomUUID()]));
  await m.getRepository(PostOffice).insert(
    reference.postOffices.map((p) => {
      const unit = organisationUnit(p.unitCode);
      return {
        id: officeIds.get(p.code),
        code: p.code,
        name: p.name,
        kind: p.kind as PostOffice['kind'],
        parentId: p.parentCode ? lookup(p.parentCode, officeIds, 'post office') : null,
        administrativeUnitId: unit,
        provinceId: unit,
        address: p.address,
      };
    }),
  );
  for (const table of ['agency', 'one_stop_desk', 'post_office']) {
    await m.query(`UPDATE ${table} SET province_id = osp_province_of(osp_unit_as_of(administrative_unit_id, $1))`, [todayInVietnam()]);
  }
  return { units: units.length, agencies: reference.agencies.length, desks: reference.desks.length, postOffices: reference.postOffices.length };
}
