import { AdministrativeUnit } from './administrative-units/administrative-unit.entity';
import { Agency } from './agencies/agency.entity';
import { ApiClient } from './api-clients/api-client.entity';
import { PortalSubmission } from './portal/portal.entity';
import { WebhookAttempt, WebhookDelivery, WebhookEndpoint } from './webhooks/webhook.entity';
import { AuditEntry } from './audit/audit-entry.entity';
import { User } from './identity/user.entity';
import { UserSession } from './identity/user-session.entity';
import { OneStopDesk } from './one-stop-desks/one-stop-desk.entity';
import { PostOffice } from './post-offices/post-office.entity';
import { FacilityHandover, PersonnelHandover } from './handover/handover.entity';
import { PilotProgramme } from './rollout/pilot-programme.entity';
import { PilotSite, SiteStatusChange } from './rollout/pilot-site.entity';
import { PhasePlanRevision, RolloutPhase } from './rollout/rollout-phase.entity';
import { ActionItem, SteeringMeeting } from './rollout/steering-meeting.entity';
import { Counter, OpeningException, OpeningHours, Shift, ShiftRevision } from './counters/counter.entity';
import { Procedure, ProcedureComponent } from './procedures/procedure.entity';
import { Dossier, DossierComponent, DossierEvent } from './dossiers/dossier.entity';
import { PickupAppointment } from './dossiers/pickup.entity';
import { Absence, ProcedureField, Qualification, Staff, StaffAssignment, TrainingSession } from './staff/staff.entity';
import { CalendarAdjustment } from './working-days/working-day.entity';
import { AggregateFigure } from './reports/aggregate-figure.entity';
import { ReportTarget } from './reports/report-target.entity';
import { OutreachActivity } from './reports/outreach-activity.entity';
import { DossierDailyRollup } from './reports/dossier-rollup.entity';
import { ImportJob } from './reports/imports/import-job.entity';

/** Every TypeORM entity of the application. */
export const entities = [AdministrativeUnit, Agency, OneStopDesk, PostOffice, AuditEntry, User, UserSession,
  PilotProgramme, RolloutPhase, PhasePlanRevision, PilotSite, SiteStatusChange, SteeringMeeting, ActionItem,
  PersonnelHandover, FacilityHandover,
  ProcedureField, Staff, StaffAssignment, TrainingSession, Qualification, Absence,
  Counter, OpeningHours, OpeningException, Shift, ShiftRevision,
  CalendarAdjustment,
  Procedure, ProcedureComponent,
  Dossier, DossierComponent, DossierEvent, PickupAppointment,
  ApiClient, PortalSubmission,
  WebhookEndpoint, WebhookDelivery, WebhookAttempt,
  DossierDailyRollup,
  AggregateFigure,
  ReportTarget,
  OutreachActivity,
  ImportJob,
];
