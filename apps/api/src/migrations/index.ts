import { Organisation1763700000000 } from './1763700000000-organisation';
import { Identity1763800000000 } from './1763800000000-identity';
import { Rollout1763900000000 } from './1763900000000-rollout';
import { SignInThrottle1763960000000 } from './1763960000000-sign-in-throttle';
import { VietnameseOrder1764000000000 } from './1764000000000-vietnamese-order';
import { StaffAndRosters1764100000000 } from './1764100000000-staff-and-rosters';
import { DeployedStaff1764200000000 } from './1764200000000-deployed-staff';
import { WorkingCalendar1764300000000 } from './1764300000000-working-calendar';
import { Procedures1764400000000 } from './1764400000000-procedures';
import { Dossiers1764500000000 } from './1764500000000-dossiers';
import { Pickups1764550000000 } from './1764550000000-pickups';
import { InformationField1764560000000 } from './1764560000000-information-field';
import { DossierGridIndexes1764580000000 } from './1764580000000-dossier-grid-indexes';
import { ApiClients1764600000000 } from './1764600000000-api-clients';
import { PortalSubmissions1764700000000 } from './1764700000000-portal-submissions';
import { Webhooks1764800000000 } from './1764800000000-webhooks';
import { ClientBudgets1764900000000 } from './1764900000000-client-budgets';
import { AggregateFigures1765100000000 } from './1765100000000-aggregate-figures';
import { ReportTargets1765200000000 } from './1765200000000-report-targets';
import { OutreachActivities1765500000000 } from './1765500000000-outreach-activities';
import { ReportImports1765300000000 } from './1765300000000-report-imports';
import { RollupRatings1765400000000 } from './1765400000000-rollup-ratings';
import { DossierRollup1765000000000 } from './1765000000000-dossier-rollup';
import { MonthlyRollup1765600000000 } from './1765600000000-monthly-rollup';

/** Every migration, in order. A schema change is a new file here, never an edit of an applied one. */
export const migrations = [Organisation1763700000000, Identity1763800000000, Rollout1763900000000, SignInThrottle1763960000000, VietnameseOrder1764000000000, StaffAndRosters1764100000000, DeployedStaff1764200000000, WorkingCalendar1764300000000, Procedures1764400000000, Dossiers1764500000000, Pickups1764550000000, InformationField1764560000000, DossierGridIndexes1764580000000, ApiClients1764600000000, PortalSubmissions1764700000000, Webhooks1764800000000, ClientBudgets1764900000000, DossierRollup1765000000000, AggregateFigures1765100000000, ReportTargets1765200000000, ReportImports1765300000000, RollupRatings1765400000000, OutreachActivities1765500000000, MonthlyRollup1765600000000];
