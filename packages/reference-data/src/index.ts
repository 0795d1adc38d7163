export type {
  AdministrativeLevel,
  AgencyKind,
  AgencyRecord,
  DeskRecord,
  PilotProgrammeRecord,
  PilotSiteRecord,
  PostOfficeKind,
  PostOfficeRecord,
  Source,
  UnitRecord,
} from './types';
export { administrativeUnits, DATA_START, REFORM_FIRST_DAY, REFORM_LAST_DAY } from './units';
export { agencies } from './agencies';
export { desks } from './desks';
export { postOffices } from './post-offices';
export { pilotProgrammes } from './pilots';
export { sources } from './sources';
export { procedureCatalogue, parseComponent, type ProcedureRecord } from './procedures';
export { findUnit, isInForce, nextDay, unitKey } from './lookup';
