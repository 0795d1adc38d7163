import { AdministrativeUnitResolver } from './administrative-units/administrative-unit.resolver';
import { AgencyResolver } from './agencies/agency.resolver';
import { AuditResolver } from './audit/audit.resolver';
import { IdentityResolver } from './identity/identity.resolver';
import { OneStopDeskResolver } from './one-stop-desks/one-stop-desk.resolver';
import { PostOfficeResolver } from './post-offices/post-office.resolver';

/** Every GraphQL resolver of the application, one per domain module. */
export const resolvers = [AdministrativeUnitResolver, AgencyResolver, OneStopDeskResolver, PostOfficeResolver, IdentityResolver, AuditResolver] as const;
