import { AdministrativeUnit } from './administrative-units/administrative-unit.entity';
import { Agency } from './agencies/agency.entity';
import { AuditEntry } from './audit/audit-entry.entity';
import { User } from './identity/user.entity';
import { UserSession } from './identity/user-session.entity';
import { OneStopDesk } from './one-stop-desks/one-stop-desk.entity';
import { PostOffice } from './post-offices/post-office.entity';

/** Every TypeORM entity of the application. */
export const entities = [AdministrativeUnit, Agency, OneStopDesk, PostOffice, AuditEntry, User, UserSession];
