import { AdministrativeUnitResolver } from './administrative-units/administrative-unit.resolver';
import { AgencyResolver } from './agencies/agency.resolver';
import { ApiClientResolver } from './api-clients/api-client.resolver';
import { PortalResolver } from './portal/portal.resolver';
import { ApiClientWebhooksResolver, WebhookDeliveryResolver, WebhookResolver } from './webhooks/webhook.resolver';
import { AuditResolver } from './audit/audit.resolver';
import { IdentityResolver } from './identity/identity.resolver';
import { OneStopDeskResolver } from './one-stop-desks/one-stop-desk.resolver';
import { PostOfficeResolver } from './post-offices/post-office.resolver';
import { FacilityHandoverResolver, PersonnelHandoverResolver, PersonRefResolver, PhaseHandoverResolver, ProgrammeHandoverResolver, SiteHandoverResolver } from './handover/handover.resolver';
import { DeskPilotSiteResolver, PilotSiteResolver } from './rollout/pilot-site.resolver';
import { PhasePlanRevisionResolver, PilotProgrammeResolver, RolloutPhaseResolver } from './rollout/rollout.resolver';
import { ActionItemResolver, SteeringMeetingResolver } from './rollout/steering.resolver';
import { AbsenceShiftsResolver, CounterResolver, DeskRosterResolver, RosterAutoFillResolver, ShiftResolver, StaffCalendarResolver } from './counters/counter.resolver';
import { ProcedureResolver } from './procedures/procedure.resolver';
import { DossierEventResolver, DossierResolver } from './dossiers/dossier.resolver';
import { DossierPickupResolver, PickupResolver } from './dossiers/pickup.resolver';
import { AbsenceResolver, QualificationResolver, StaffAssignmentResolver, StaffResolver, TrainingSessionResolver } from './staff/staff.resolver';
import { WorkingDayResolver } from './working-days/working-day.resolver';
import { AggregateFigureConnectionResolver, AggregateFigureResolver } from './reports/aggregate-figure.resolver';
import { ReportTargetResolver } from './reports/report-target.resolver';
import { ReportResolver } from './reports/report.resolver';
import { OutreachActivityConnectionResolver, OutreachActivityResolver } from './reports/outreach-activity.resolver';
import { StaffingReportResolver } from './reports/staffing-report.resolver';
import { ServiceQualityResolver } from './reports/quality.resolver';
import { ImportJobResolver } from './reports/imports/import.resolver';
import { DossierForecastResolver } from './reports/dossier-forecast.resolver';

/** Every GraphQL resolver of the application, one per domain module. */
export const resolvers = [AdministrativeUnitResolver, AgencyResolver, OneStopDeskResolver, PostOfficeResolver, IdentityResolver, AuditResolver,
  PilotProgrammeResolver, RolloutPhaseResolver, PhasePlanRevisionResolver, PilotSiteResolver, DeskPilotSiteResolver, SteeringMeetingResolver, ActionItemResolver,
  PersonnelHandoverResolver, FacilityHandoverResolver, SiteHandoverResolver, PhaseHandoverResolver, ProgrammeHandoverResolver, PersonRefResolver,
  StaffResolver, StaffAssignmentResolver, QualificationResolver, TrainingSessionResolver, AbsenceResolver,
  CounterResolver, DeskRosterResolver, ShiftResolver, AbsenceShiftsResolver, RosterAutoFillResolver, StaffCalendarResolver,
  WorkingDayResolver,
  ProcedureResolver,
  DossierResolver, DossierEventResolver, PickupResolver, DossierPickupResolver,
  ApiClientResolver, PortalResolver,
  WebhookResolver, WebhookDeliveryResolver, ApiClientWebhooksResolver,
  AggregateFigureResolver, AggregateFigureConnectionResolver, ReportTargetResolver, ReportResolver, ServiceQualityResolver, ImportJobResolver, DossierForecastResolver,
  OutreachActivityResolver, OutreachActivityConnectionResolver, StaffingReportResolver,
] as const;
