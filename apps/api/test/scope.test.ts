/**
 * Scope: every query and mutation of the schema, for every kind of caller. Reads and writes are
 * confined on the server, in SQL, to the caller's province; the anonymous get only what is public
 * (the administrative units, national reference data, a dossier's progress to whoever has its code
 * and the applicant's phone). The matrix below is the list of what is
 * covered; a test checks that it has, for EVERY query and mutation of packages/schema/schema.graphql,
 * at least one allowed case and one refused (or hidden) case, and an anonymous case.
 *
 * Callers: anonymous; a revoked token; admin (national SYSTEM_ADMIN); hatinh.bcd (STEERING_COMMITTEE
 * of 42); hatinh.buudien (POST_OFFICE_MANAGER of 42); hatinh.quay (COUNTER_CLERK of 42); hatinh.stttt
 * (AGENCY_OFFICER of 42); hatinh.quantri (SYSTEM_ADMIN of 42); dongnai.bcd (STEERING_COMMITTEE of 75);
 * binhphuoc.buudien (POST_OFFICE_MANAGER of 75, Bình Phước merged into Đồng Nai); dongnai.quantri
 * (SYSTEM_ADMIN of 75, created here); portal (a Hà Tĩnh portal's API client, every scope, created here).
 *
 * Outcomes: A = allowed (an answer with data), H = hidden (no error, nothing of another province:
 * null, false, an empty page or totals of nothing), U = UNAUTHENTICATED, F = FORBIDDEN, N = NOT_FOUND,
 * B = BAD_USER_INPUT (a record of another province is "not found", exactly like an id that does not exist).
 *
 * The vocabulary (callers, outcomes, rows, scenarios) is in scope/matrix.ts; the rows and scenarios of
 * the organisation, the users and the sessions are below, those of the rollout and its handovers in
 * scope/rollout.scope.ts, those of the staff register, the counters and the rosters in
 * scope/staff.scope.ts, those of the working-day calendar in scope/working-days.scope.ts, those of the
 * procedure catalogue in scope/procedures.scope.ts, those of dossiers and public tracking in
 * scope/dossiers.scope.ts, those of portals' API clients in scope/api-clients.scope.ts, those of the
 * portals' own operations (submission, their own dossiers) in scope/portal.scope.ts, those of webhooks
 * (endpoints, the delivery log, replays) in scope/webhooks.scope.ts, those of aggregate submissions in
 * scope/aggregate-figures.scope.ts, those of the volume reports in scope/reports.scope.ts (and of the
 * service-quality index in scope/report-quality.scope.ts), those of
 * targets in scope/report-targets.scope.ts, those of the report downloads in scope/report-exports.scope.ts,
 * those of the demand forecast in scope/report-forecast.scope.ts, those of the staffing report and
 * outreach records in scope/staffing-outreach.scope.ts.
 * Those of report imports are in scope/report-imports.scope.ts.
 *
 * Roles × operations covered (generated from MATRIX; a test keeps it in step):
 * operation                       anon revoked admin ht.bcd ht.buudien ht.quay ht.stttt ht.quantri dn.bcd bp.buudien dn.quantri portal
 * administrativeUnits             A    U       .     .      .          .       .        .          .      A          .          .
 * administrativeUnit              A    U       .     .      .          .       .        .          .      A          .          .
 * agencies                        U    .       A     AH     A          A       A        A          H      AH         .          .
 * agency                          U    .       .     .      .          .       A        H          H      .          .          .
 * oneStopDesks                    U    .       A     AH     A          A       A        A          AH     AH         .          .
 * oneStopDesk                     U    .       .     H      .          A       .        .          H      H          .          .
 * postOffices                     U    .       A     A      AH         A       A        A          .      AH         .          .
 * postOffice                      U    .       .     .      AH         .       .        .          .      H          .          .
 * users                           U    .       A     F      F          F       F        AH         F      F          A          .
 * auditEntries                    U    .       A     AH     F          F       F        AH         AH     F          H          .
 * me                              U    U       A     A      A          A       A        A          A      A          A          .
 * createAgency                    U    .       A     AF     F          F       F        AF         F      F          .          .
 * renameAgency                    U    .       .     AN     F          F       F        .          N      F          .          .
 * moveAgency                      U    .       A     AFN    F          F       F        .          .      F          .          .
 * setAgencyIdentifierCode         U    .       .     AN     F          F       F        A          N      F          .          .
 * retireAgency                    U    .       .     A      F          F       F        .          N      F          .          .
 * createOneStopDesk               U    .       A     ABF    F          F       F        .          .      F          .          .
 * renameOneStopDesk               U    .       .     AN     F          F       F        .          .      F          .          .
 * moveOneStopDesk                 U    .       A     AF     F          F       F        .          N      F          .          .
 * setOneStopDeskIdentifierCode    U    .       A     AN     F          F       F        .          .      F          .          .
 * retireOneStopDesk               U    .       .     AN     F          F       F        .          .      F          .          .
 * createPostOffice                U    .       .     ABF    F          F       F        .          .      F          .          .
 * renamePostOffice                U    .       .     AN     F          F       F        .          .      F          .          .
 * movePostOffice                  U    .       .     AF     F          F       F        .          .      F          .          .
 * retirePostOffice                U    .       .     A      F          F       F        .          N      F          .          .
 * createAdministrativeUnit        U    .       A     F      F          F       F        F          .      F          F          .
 * renameAdministrativeUnit        U    .       A     F      F          F       F        F          .      F          F          .
 * moveAdministrativeUnit          U    .       A     F      F          F       F        F          .      F          F          .
 * retireAdministrativeUnit        U    .       A     F      F          F       F        F          .      F          F          .
 * createUser                      U    .       A     F      F          F       F        ABF        .      F          F          .
 * deactivateUser                  U    .       .     F      F          F       F        AN         .      F          N          .
 * resetUserPassword               U    .       .     F      F          F       F        AN         .      F          N          .
 * signIn                          AU   .       .     .      .          .       .        .          .      .          .          .
 * refreshSession                  AU   .       .     .      .          .       .        .          .      .          .          .
 * signOut                         U    .       .     .      .          A       .        .          .      .          .          .
 * pilotProgrammes                 U    .       A     AH     A          A       A        A          AH     AH         .          .
 * pilotProgramme                  U    U       A     AH     AH         A       .        .          AH     AH         .          .
 * rolloutPhase                    U    U       A     AH     AH         A       .        .          AH     AH         .          .
 * pilotSites                      U    .       A     AH     A          A       A        A          AH     AH         .          .
 * pilotSite                       U    U       A     AH     AH         A       .        .          AH     AH         .          .
 * actionItems                     U    .       A     AH     A          A       A        A          AH     AH         .          .
 * personnelHandovers              U    .       A     AH     A          A       A        A          AH     AH         .          .
 * personnelHandover               U    U       A     AH     AH         A       .        .          AH     AH         .          .
 * facilityHandovers               U    .       A     AH     A          A       A        A          AH     AH         .          .
 * facilityHandover                U    U       A     AH     AH         A       .        .          AH     AH         .          .
 * exportPhaseSites                U    .       .     AH     A          A       .        .          AH     H          .          .
 * exportRolloutProgress           U    .       .     AH     A          A       .        .          AH     H          .          .
 * provinceHandoverTotals          U    .       A     AH     A          A       A        A          AH     AH         .          .
 * createPilotProgramme            U    .       A     AF     F          F       F        A          AF     F          .          .
 * updatePilotProgramme            U    .       .     AN     F          F       F        A          AN     F          .          .
 * changePilotProgrammeStatus      U    .       .     AN     F          F       F        A          AN     F          .          .
 * addRolloutPhase                 U    .       .     AB     F          F       F        A          AB     F          .          .
 * replanRolloutPhase              U    .       .     AN     F          F       F        A          AN     F          .          .
 * changeRolloutPhaseStatus        U    .       .     AN     F          F       F        A          AN     F          .          .
 * enrolPilotSites                 U    .       B     AB     F          F       F        A          AB     F          .          .
 * updatePilotSite                 U    .       .     AN     F          F       F        A          AN     F          .          .
 * movePilotSite                   U    .       .     AN     F          F       F        A          AN     F          .          .
 * setPilotSiteReadiness           U    .       .     A      AN         F       F        .          N      AN         .          .
 * recordSteeringMeeting           U    .       .     AB     F          F       F        A          AB     F          .          .
 * changeActionItemState           U    .       .     AN     F          F       F        A          AN     F          .          .
 * createPersonnelHandover         U    .       .     A      AB         F       F        .          B      AB         .          .
 * updatePersonnelHandover         U    .       .     A      AN         F       F        .          N      AN         .          .
 * signPersonnelHandover           U    .       .     A      AN         F       F        .          N      AN         .          .
 * makePersonnelHandoverEffective  U    .       .     A      AN         F       F        .          N      AN         .          .
 * reversePersonnelHandover        U    .       .     A      AN         F       F        .          N      AN         .          .
 * createFacilityHandover          U    .       .     A      AB         F       F        .          B      AB         .          .
 * updateFacilityHandover          U    .       .     A      AN         F       F        .          N      AN         .          .
 * signFacilityHandover            U    .       .     A      AN         F       F        .          N      AN         .          .
 * makeFacilityHandoverEffective   U    .       .     A      AN         F       F        .          N      AN         .          .
 * reverseFacilityHandover         U    .       .     A      AN         F       F        .          N      AN         .          .
 * procedureFields                 U    U       A     A      A          A       A        A          A      A          A          .
 * createProcedureField            U    U       A     F      F          .       .        F          .      .          F          .
 * updateProcedureField            U    U       A     F      F          .       .        F          .      .          F          .
 * staffMembers                    U    .       A     A      AH         F       F        AH         AH     AH         A          .
 * staffMember                     U    U       A     AH     AH         F       F        AH         AH     AH         AH         .
 * myStaffRecord                   U    U       .     .      .          A       .        .          .      .          .          .
 * myShifts                        U    U       A     A      A          A       .        .          .      A          .          .
 * trainingSessions                U    .       A     A      A          F       F        A          A      A          A          .
 * createStaff                     U    .       AB    F      AB         F       F        A          .      AB         B          .
 * updateStaff                     U    .       AB    F      ABN        F       F        AB         .      AN         N          .
 * assignStaff                     U    .       AB    F      AB         F       F        A          .      AB         B          .
 * endStaffAssignment              U    .       A     F      AN         F       F        A          .      AN         N          .
 * addQualification                U    .       A     F      AB         F       F        A          .      AB         B          .
 * addAbsence                      U    .       A     F      AB         F       F        A          .      AB         B          .
 * createTrainingSession           U    .       AB    F      AB         F       F        A          .      AB         B          .
 * createCounter                   U    .       A     F      AB         F       F        A          .      AB         B          .
 * updateCounter                   U    .       A     F      AN         F       F        A          .      AN         N          .
 * setOpeningHours                 U    .       A     F      AB         F       F        A          .      AB         B          .
 * addOpeningException             U    .       A     F      AB         F       F        A          .      AB         B          .
 * createShift                     U    .       A     F      AB         F       F        A          .      AB         B          .
 * moveShift                       U    .       AB    F      ABN        F       F        A          .      AN         N          .
 * cancelShift                     U    .       A     F      AN         F       F        A          .      AN         N          .
 * swapShifts                      U    .       A     F      AB         F       F        A          .      AB         B          .
 * publishWeek                     U    .       A     F      AB         F       F        A          .      AB         B          .
 * copyWeek                        U    .       A     F      AB         F       F        A          .      AB         B          .
 * startRosterAutoFill             U    .       A     F      AB         F       F        A          .      AB         B          .
 * rosterAutoFillJob               U    .       A     F      A          F       F        A          .      H          H          .
 * acceptRosterProposal            U    .       A     F      AB         F       F        A          .      AB         B          .
 * discardRosterProposal           U    .       A     F      AB         F       F        A          .      AB         B          .
 * issueCalendarFeed               U    .       A     F      AB         AF      F        A          .      AB         B          .
 * revokeCalendarFeed              U    .       A     F      AB         F       F        A          .      AB         B          .
 * workingCalendar                 U    U       A     A      A          AB      A        A          A      A          A          .
 * createCalendarAdjustment        U    U       AB    F      F          .       .        F          .      .          F          .
 * updateCalendarAdjustment        U    U       A     F      F          .       .        F          .      .          F          .
 * deleteCalendarAdjustment        U    U       A     F      F          .       .        F          .      .          F          .
 * procedures                      U    .       A     A      A          AH      AH       A          AH     A          .          AH
 * procedure                       U    .       A     A      A          A       A        AH         AH     H          H          .
 * createProcedure                 U    .       AB    F      F          F       F        ABF        F      F          AF         .
 * updateProcedure                 U    .       A     F      F          F       F        ABN        F      F          AN         .
 * importProcedures                U    .       AB    F      F          F       F        AF         F      F          F          .
 * dossiers                        U    .       A     AH     AH         AH      AH       A          AH     AH         A          .
 * dossierStatusCounts             U    .       A     A      A          AH      A        .          H      A          .          .
 * dossier                         U    .       A     AH     AH         ABH     AH       AH         AH     AH         H          .
 * dossierByCode                   U    .       .     A      .          A       H        .          H      A          .          .
 * dossierDueAt                    U    .       F     F      A          AB      F        F          F      AB         .          .
 * dossierSatisfaction             U    .       A     AB     A          A       A        A          A      A          A          .
 * dossierDocument                 U    .       F     F      AN         A       A        A          N      N          .          .
 * trackDossier                    AH   U       .     .      .          .       .        .          A      .          .          .
 * rateDossierService              AH   U       .     .      .          .       .        .          .      .          .          .
 * receiveDossier                  U    .       F     F      AB         AF      F        F          F      AB         .          .
 * takeDossierStep                 U    .       F     F      N          AFN     AF       F          N      FN         .          .
 * apologiseForDossier             U    .       F     F      N          A       A        F          N      .          .          .
 * recordPostalEvent               U    .       F     F      AN         AN      F        F          .      N          .          .
 * rateDossier                     U    .       F     F      F          AN      F        F          F      .          .          .
 * pickupQueue                     U    .       A     A      A          F       F        A          H      AH         .          .
 * schedulePickup                  U    .       .     F      A          F       .        F          .      N          .          .
 * recordPickupOutcome             U    .       .     .      A          .       F        F          .      N          .          .
 * apiClients                      U    U       A     F      F          F       F        AH         F      F          AH         .
 * apiClient                       U    .       A     F      F          F       F        A          F      F          AH         .
 * createApiClient                 U    .       AB    F      F          F       F        ABF        F      F          AF         .
 * updateApiClient                 U    U       A     F      F          F       F        AF         F      F          N          .
 * rotateApiClientSecret           U    U       A     F      F          F       F        AF         F      F          N          .
 * revokeApiClient                 U    U       A     F      F          F       F        AF         F      F          N          .
 * issueClientToken                AU   .       .     .      .          .       .        .          .      .          .          .
 * submitDossier                   U    U       F     F      F          F       F        F          .      .          F          ABF
 * portalDossier                   U    U       F     F      F          F       F        F          .      .          F          AFH
 * portalDossiersChanged           U    U       F     F      F          F       F        F          .      .          F          AFH
 * webhookEndpoints                U    U       A     F      F          F       F        AB         F      F          .          A
 * webhookDeliveries               U    U       A     F      F          F       F        A          F      F          H          AH
 * createWebhookEndpoint           U    U       A     F      F          F       F        ABF        F      F          N          AN
 * updateWebhookEndpoint           U    U       A     F      F          F       F        AF         F      F          N          AN
 * rotateWebhookEndpointSecret     U    U       A     F      F          F       F        AF         F      F          N          AN
 * deleteWebhookEndpoint           U    U       A     F      F          F       F        AF         F      F          N          AN
 * replayWebhookDelivery           U    U       A     F      F          F       F        A          F      F          N          AN
 * aggregateFigures                U    U       A     AH     .          A       .        .          AH     A          .          F
 * submitAggregateFigure           U    U       A     AB     F          F       F        A          F      F          .          F
 * updateAggregateFigure           U    U       A     A      F          F       F        A          N      F          .          F
 * deleteAggregateFigure           U    U       A     A      F          F       F        A          N      F          .          F
 * dossierVolumes                  U    U       A     AF     A          F       F        A          ABF    A          AF         F
 * serviceQualityIndex             U    U       A     A      A          F       F        A          BF     A          F          F
 * exportServiceQualityIndex       U    .       A     A      A          F       F        A          F      .          .          F
 * reportTargets                   U    U       A     A      A          A       .        .          H      .          .          F
 * setReportTarget                 U    U       A     AB     F          F       F        A          F      F          .          F
 * updateReportTarget              U    U       A     A      F          F       F        A          N      F          .          F
 * deleteReportTarget              U    U       A     A      F          F       F        A          N      F          .          F
 * targetProgress                  U    U       A     A      A          F       F        A          A      .          .          F
 * staffingReport                  U    U       A     AF     A          F       F        A          AF     .          .          F
 * exportStaffingReport            U    .       .     A      A          F       .        .          F      .          .          F
 * outreachActivities              U    U       A     H      .          H       .        .          H      .          .          F
 * submitOutreachActivity          U    U       A     AB     F          F       F        A          F      F          .          F
 * updateOutreachActivity          U    U       A     A      F          F       F        A          N      F          .          F
 * deleteOutreachActivity          U    U       A     A      F          F       F        A          N      F          .          F
 * dossierForecast                 U    U       A     A      A          F       F        A          B      B          .          F
 * exportDossierVolumes            U    .       A     A      .          F       F        A          F      .          .          F
 * exportTargetProgress            U    .       .     A      A          F       .        .          .      .          .          F
 * quarterlyReport                 U    U       A     A      A          F       F        A          F      .          .          F
 * importJobs                      U    U       A     A      F          F       F        A          H      .          .          F
 * importJob                       U    .       A     A      .          F       .        A          N      .          .          F
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, getNamedType, isObjectType, type GraphQLNamedType } from 'graphql';
import { todayInVietnam } from '../src/platform/graphql/scalars';
import { failure, ok, startTestApp, type GqlOptions, type TestApp } from './harness';
import {
  forbiddenToReaders,
  forEachHaTinhUser,
  HATINH_USERS,
  isEmpty,
  sameErrorApartFromIds,
  UNKNOWN_ID,
  type Outcome,
  type Row,
  type Scenario,
  type Scenarios,
  type Who,
} from './scope/matrix';
import { API_CLIENT_ROWS, apiClientScenarios } from './scope/api-clients.scope';
import { DOSSIER_ROWS, dossierScenarios } from './scope/dossiers.scope';
import { PROCEDURE_ROWS, procedureScenarios } from './scope/procedures.scope';
import { PICKUP_ROWS, pickupScenarios } from './scope/pickups.scope';
import { PORTAL_ROWS, portalClientToken, portalScenarios } from './scope/portal.scope';
import { ROLLOUT_ROWS, rolloutScenarios } from './scope/rollout.scope';
import { STAFF_ROWS, staffScenarios } from './scope/staff.scope';
import { WORKING_DAY_ROWS, workingDayScenarios } from './scope/working-days.scope';
import { WEBHOOK_ROWS, webhookScenarios } from './scope/webhooks.scope';
import { AGGREGATE_FIGURE_ROWS, aggregateFigureScenarios } from './scope/aggregate-figures.scope';
import { REPORT_ROWS, reportScenarios } from './scope/reports.scope';
import { REPORT_QUALITY_ROWS, reportQualityScenarios } from './scope/report-quality.scope';
import { REPORT_TARGET_ROWS, reportTargetScenarios } from './scope/report-targets.scope';
import { STAFFING_OUTREACH_ROWS, staffingOutreachScenarios } from './scope/staffing-outreach.scope';
import { REPORT_FORECAST_ROWS, reportForecastScenarios } from './scope/report-forecast.scope';
import { REPORT_EXPORT_ROWS, reportExportScenarios } from './scope/report-exports.scope';
import { REPORT_IMPORT_ROWS, reportImportScenarios } from './scope/report-imports.scope';

// prettier-ignore
const MATRIX: Row[] = [
  // Public reference data: anyone, signed in or not; a token that no longer works is refused even here.
  ['administrativeUnits', 'anonymous', 'ALLOWED', 'the provinces'],
  ['administrativeUnits', 'binhphuoc.buudien', 'ALLOWED', 'the units of Hà Tĩnh'],
  ['administrativeUnits', 'revoked', 'UNAUTHENTICATED', 'the provinces'],
  ['administrativeUnit', 'anonymous', 'ALLOWED', 'Hà Tĩnh and its communes'],
  ['administrativeUnit', 'binhphuoc.buudien', 'ALLOWED', 'Hà Tĩnh and its communes'],
  ['administrativeUnit', 'revoked', 'UNAUTHENTICATED', 'Hà Tĩnh and its communes'],

  // Organisation reads: the caller's province only, whatever the filter.
  ['agencies', 'anonymous', 'UNAUTHENTICATED', 'all'],
  ['agencies', 'admin', 'ALLOWED', 'all: both provinces'],
  ...forEachHaTinhUser('agencies', 'all: Hà Tĩnh only'),
  ['agencies', 'binhphuoc.buudien', 'ALLOWED', 'all: Đồng Nai only'],
  ['agencies', 'binhphuoc.buudien', 'HIDDEN', 'provinceCode 42'],
  ['agencies', 'dongnai.bcd', 'HIDDEN', 'search 42-STTTT'],
  ['agencies', 'hatinh.bcd', 'HIDDEN', 'administrativeUnitCode 693 (a Bình Phước district)'],
  ['agency', 'anonymous', 'UNAUTHENTICATED', 'a Hà Tĩnh agency'],
  ['agency', 'hatinh.stttt', 'ALLOWED', 'a Hà Tĩnh agency'],
  ['agency', 'dongnai.bcd', 'HIDDEN', 'a Hà Tĩnh agency'],
  ['agency', 'hatinh.quantri', 'HIDDEN', 'a Đồng Nai agency'],

  ['oneStopDesks', 'anonymous', 'UNAUTHENTICATED', 'all'],
  ['oneStopDesks', 'admin', 'ALLOWED', 'all: both provinces'],
  ...forEachHaTinhUser('oneStopDesks', 'all: Hà Tĩnh only'),
  ['oneStopDesks', 'binhphuoc.buudien', 'ALLOWED', 'all: Đồng Nai only'],
  ['oneStopDesks', 'dongnai.bcd', 'ALLOWED', 'provinceCode 70: Bình Phước desks, now Đồng Nai’s'],
  ['oneStopDesks', 'binhphuoc.buudien', 'HIDDEN', 'provinceCode 42'],
  ['oneStopDesks', 'dongnai.bcd', 'HIDDEN', 'provinceCode 42'],
  ['oneStopDesks', 'dongnai.bcd', 'HIDDEN', 'agencyId of a Hà Tĩnh agency'],
  ['oneStopDesks', 'hatinh.bcd', 'HIDDEN', 'provinceCode 70'],
  ['oneStopDesk', 'anonymous', 'UNAUTHENTICATED', 'a Hà Tĩnh desk'],
  ['oneStopDesk', 'hatinh.quay', 'ALLOWED', 'a Hà Tĩnh desk'],
  ['oneStopDesk', 'binhphuoc.buudien', 'HIDDEN', 'a Hà Tĩnh desk'],
  ['oneStopDesk', 'dongnai.bcd', 'HIDDEN', 'a Hà Tĩnh desk'],
  ['oneStopDesk', 'hatinh.bcd', 'HIDDEN', 'a Đồng Nai desk'],

  ['postOffices', 'anonymous', 'UNAUTHENTICATED', 'all'],
  ['postOffices', 'admin', 'ALLOWED', 'all: both provinces'],
  ...forEachHaTinhUser('postOffices', 'all: Hà Tĩnh only'),
  ['postOffices', 'binhphuoc.buudien', 'ALLOWED', 'all: Đồng Nai only'],
  ['postOffices', 'binhphuoc.buudien', 'HIDDEN', 'parentId of the Hà Tĩnh provincial office'],
  ['postOffices', 'hatinh.buudien', 'HIDDEN', 'search BD-70'],
  ['postOffice', 'anonymous', 'UNAUTHENTICATED', 'the Hà Tĩnh provincial office'],
  ['postOffice', 'hatinh.buudien', 'ALLOWED', 'the Hà Tĩnh provincial office'],
  ['postOffice', 'binhphuoc.buudien', 'HIDDEN', 'the Hà Tĩnh provincial office'],
  ['postOffice', 'hatinh.buudien', 'HIDDEN', 'the Bình Phước provincial office'],

  // Users: administrators, within their scope.
  ['users', 'anonymous', 'UNAUTHENTICATED', 'all'],
  ['users', 'admin', 'ALLOWED', 'all: everyone'],
  ['users', 'hatinh.quantri', 'ALLOWED', 'all: Hà Tĩnh only'],
  ['users', 'dongnai.quantri', 'ALLOWED', 'all: Đồng Nai only'],
  ['users', 'hatinh.quantri', 'HIDDEN', 'search binhphuoc'],
  ['users', 'hatinh.bcd', 'FORBIDDEN', 'all'],
  ['users', 'dongnai.bcd', 'FORBIDDEN', 'all'],
  ...forbiddenToReaders('users', 'all'),

  // The audit trail: the steering committee and administrators, within their province.
  ['auditEntries', 'anonymous', 'UNAUTHENTICATED', 'all'],
  ['auditEntries', 'admin', 'ALLOWED', 'entries of a Đồng Nai desk'],
  ['auditEntries', 'hatinh.bcd', 'ALLOWED', 'all: Hà Tĩnh only'],
  ['auditEntries', 'hatinh.bcd', 'HIDDEN', 'entries of a Đồng Nai desk'],
  ['auditEntries', 'hatinh.quantri', 'ALLOWED', 'all: Hà Tĩnh only'],
  ['auditEntries', 'hatinh.quantri', 'HIDDEN', 'entries of a Đồng Nai desk'],
  ['auditEntries', 'dongnai.bcd', 'ALLOWED', 'entries of a Đồng Nai desk'],
  ['auditEntries', 'dongnai.bcd', 'HIDDEN', 'entries of a Hà Tĩnh desk'],
  ['auditEntries', 'dongnai.quantri', 'HIDDEN', 'sign-ins of Hà Tĩnh users'],
  ...forbiddenToReaders('auditEntries', 'all'),

  ['me', 'anonymous', 'UNAUTHENTICATED', 'who am I'],
  ['me', 'revoked', 'UNAUTHENTICATED', 'who am I'],
  ...(['admin', ...HATINH_USERS, 'dongnai.bcd', 'binhphuoc.buudien', 'dongnai.quantri'] as Who[]).map((who): Row => ['me', who, 'ALLOWED', 'who am I']),

  // Organisation writes: the steering committee and administrators, within their province.
  ['createAgency', 'anonymous', 'UNAUTHENTICATED', 'in 42'],
  ['createAgency', 'hatinh.bcd', 'ALLOWED', 'in 42'],
  ['createAgency', 'hatinh.bcd', 'FORBIDDEN', 'in 75'],
  ['createAgency', 'hatinh.quantri', 'ALLOWED', 'in 42'],
  ['createAgency', 'hatinh.quantri', 'FORBIDDEN', 'in 75'],
  ['createAgency', 'admin', 'ALLOWED', 'in 75'],
  ['createAgency', 'dongnai.bcd', 'FORBIDDEN', 'in 42'],
  ['renameAgency', 'anonymous', 'UNAUTHENTICATED', 'a Hà Tĩnh agency'],
  ['renameAgency', 'hatinh.bcd', 'ALLOWED', 'a Hà Tĩnh agency'],
  ['renameAgency', 'hatinh.bcd', 'NOT_FOUND', 'a Đồng Nai agency'],
  ['renameAgency', 'dongnai.bcd', 'NOT_FOUND', 'a Hà Tĩnh agency'],
  ['moveAgency', 'anonymous', 'UNAUTHENTICATED', 'a Hà Tĩnh commune agency within 42'],
  ['moveAgency', 'hatinh.bcd', 'ALLOWED', 'a Hà Tĩnh commune agency within 42'],
  ['moveAgency', 'hatinh.bcd', 'FORBIDDEN', 'a Hà Tĩnh commune agency into 75'],
  ['moveAgency', 'hatinh.bcd', 'NOT_FOUND', 'a Đồng Nai commune agency within 75'],
  ['moveAgency', 'admin', 'ALLOWED', 'a Hà Tĩnh commune agency into 75'],
  ['setAgencyIdentifierCode', 'anonymous', 'UNAUTHENTICATED', 'a Hà Tĩnh agency'],
  ['setAgencyIdentifierCode', 'hatinh.bcd', 'ALLOWED', 'a Hà Tĩnh agency'],
  ['setAgencyIdentifierCode', 'hatinh.quantri', 'ALLOWED', 'a Hà Tĩnh agency'],
  ['setAgencyIdentifierCode', 'hatinh.bcd', 'NOT_FOUND', 'a Đồng Nai agency'],
  ['setAgencyIdentifierCode', 'dongnai.bcd', 'NOT_FOUND', 'a Hà Tĩnh agency'],
  ...forbiddenToReaders('setAgencyIdentifierCode', 'a Hà Tĩnh agency'),
  ['retireAgency', 'anonymous', 'UNAUTHENTICATED', 'a Hà Tĩnh agency'],
  ['retireAgency', 'hatinh.bcd', 'ALLOWED', 'a Hà Tĩnh agency'],
  ['retireAgency', 'dongnai.bcd', 'NOT_FOUND', 'a Hà Tĩnh agency'],

  ['createOneStopDesk', 'anonymous', 'UNAUTHENTICATED', 'for a Hà Tĩnh agency in 42'],
  ['createOneStopDesk', 'anonymous', 'UNAUTHENTICATED', 'for an agency that does not exist'],
  ['createOneStopDesk', 'hatinh.bcd', 'ALLOWED', 'for a Hà Tĩnh agency in 42'],
  ['createOneStopDesk', 'hatinh.bcd', 'FORBIDDEN', 'for a Hà Tĩnh agency in 75'],
  ['createOneStopDesk', 'hatinh.bcd', 'BAD_USER_INPUT', 'for a Đồng Nai agency in 42'],
  ['createOneStopDesk', 'admin', 'ALLOWED', 'for a Hà Tĩnh agency in 42'],
  ['renameOneStopDesk', 'anonymous', 'UNAUTHENTICATED', 'a Hà Tĩnh desk'],
  ['renameOneStopDesk', 'hatinh.bcd', 'ALLOWED', 'a Hà Tĩnh desk'],
  ['renameOneStopDesk', 'hatinh.bcd', 'NOT_FOUND', 'a Đồng Nai desk'],
  ['renameOneStopDesk', 'binhphuoc.buudien', 'FORBIDDEN', 'a Đồng Nai desk'],
  ['moveOneStopDesk', 'anonymous', 'UNAUTHENTICATED', 'a Hà Tĩnh desk within 42'],
  ['moveOneStopDesk', 'hatinh.bcd', 'ALLOWED', 'a Hà Tĩnh desk within 42'],
  ['moveOneStopDesk', 'hatinh.bcd', 'FORBIDDEN', 'a Hà Tĩnh desk into 75'],
  ['moveOneStopDesk', 'dongnai.bcd', 'NOT_FOUND', 'a Hà Tĩnh desk within 42'],
  ['moveOneStopDesk', 'admin', 'ALLOWED', 'a Hà Tĩnh desk within 42'],
  ['setOneStopDeskIdentifierCode', 'anonymous', 'UNAUTHENTICATED', 'a Hà Tĩnh desk'],
  ['setOneStopDeskIdentifierCode', 'hatinh.bcd', 'ALLOWED', 'a Hà Tĩnh desk'],
  ['setOneStopDeskIdentifierCode', 'admin', 'ALLOWED', 'a Đồng Nai desk'],
  ['setOneStopDeskIdentifierCode', 'hatinh.bcd', 'NOT_FOUND', 'a Đồng Nai desk'],
  ['setOneStopDeskIdentifierCode', 'binhphuoc.buudien', 'FORBIDDEN', 'a Hà Tĩnh desk'],
  ...forbiddenToReaders('setOneStopDeskIdentifierCode', 'a Hà Tĩnh desk'),
  ['retireOneStopDesk', 'anonymous', 'UNAUTHENTICATED', 'a Hà Tĩnh desk'],
  ['retireOneStopDesk', 'hatinh.bcd', 'ALLOWED', 'a Hà Tĩnh desk'],
  ['retireOneStopDesk', 'hatinh.bcd', 'NOT_FOUND', 'a Đồng Nai desk'],

  ['createPostOffice', 'anonymous', 'UNAUTHENTICATED', 'under BD-42 in 42'],
  ['createPostOffice', 'hatinh.bcd', 'ALLOWED', 'under BD-42 in 42'],
  ['createPostOffice', 'hatinh.bcd', 'FORBIDDEN', 'under BD-70 in 75'],
  ['createPostOffice', 'hatinh.bcd', 'BAD_USER_INPUT', 'under BD-70 in 42'],
  ['renamePostOffice', 'anonymous', 'UNAUTHENTICATED', 'a Hà Tĩnh office'],
  ['renamePostOffice', 'hatinh.bcd', 'ALLOWED', 'a Hà Tĩnh office'],
  ['renamePostOffice', 'hatinh.bcd', 'NOT_FOUND', 'a Đồng Nai office'],
  ['movePostOffice', 'anonymous', 'UNAUTHENTICATED', 'a Hà Tĩnh office within 42'],
  ['movePostOffice', 'hatinh.bcd', 'ALLOWED', 'a Hà Tĩnh office within 42'],
  ['movePostOffice', 'hatinh.bcd', 'FORBIDDEN', 'a Hà Tĩnh office into 75'],
  ['movePostOffice', 'binhphuoc.buudien', 'FORBIDDEN', 'a Đồng Nai office within 75'],
  ['retirePostOffice', 'anonymous', 'UNAUTHENTICATED', 'a Hà Tĩnh office'],
  ['retirePostOffice', 'hatinh.bcd', 'ALLOWED', 'a Hà Tĩnh office'],
  ['retirePostOffice', 'dongnai.bcd', 'NOT_FOUND', 'a Hà Tĩnh office'],

  // Post office managers, counter clerks and agency officers read their province's organisation but never write it.
  ...forbiddenToReaders('createAgency', 'in 42'),
  ...forbiddenToReaders('renameAgency', 'a Hà Tĩnh agency'),
  ...forbiddenToReaders('moveAgency', 'a Hà Tĩnh commune agency within 42'),
  ...forbiddenToReaders('retireAgency', 'a Hà Tĩnh agency'),
  ...forbiddenToReaders('createOneStopDesk', 'for a Hà Tĩnh agency in 42'),
  ...forbiddenToReaders('renameOneStopDesk', 'a Hà Tĩnh desk'),
  ...forbiddenToReaders('moveOneStopDesk', 'a Hà Tĩnh desk within 42'),
  ...forbiddenToReaders('retireOneStopDesk', 'a Hà Tĩnh desk'),
  ...forbiddenToReaders('createPostOffice', 'under BD-42 in 42'),
  ...forbiddenToReaders('renamePostOffice', 'a Hà Tĩnh office'),
  ...forbiddenToReaders('movePostOffice', 'a Hà Tĩnh office within 42'),
  ...forbiddenToReaders('retirePostOffice', 'a Hà Tĩnh office'),

  // The map of administrative units: a national system administrator only.
  ...(['createAdministrativeUnit', 'renameAdministrativeUnit', 'moveAdministrativeUnit', 'retireAdministrativeUnit'] as const).flatMap((operation): Row[] => [
    [operation, 'admin', 'ALLOWED', 'a commune of 42'],
    [operation, 'anonymous', 'UNAUTHENTICATED', 'a commune of 42'],
    [operation, 'hatinh.quantri', 'FORBIDDEN', 'a commune of 42'],
    [operation, 'hatinh.bcd', 'FORBIDDEN', 'a commune of 42'],
    [operation, 'dongnai.quantri', 'FORBIDDEN', 'a commune of 42'],
    ...forbiddenToReaders(operation, 'a commune of 42'),
  ]),

  // Users: administrators, within their scope; another province's users do not exist for them.
  ['createUser', 'anonymous', 'UNAUTHENTICATED', 'in 42'],
  ['createUser', 'admin', 'ALLOWED', 'in 75'],
  ['createUser', 'hatinh.quantri', 'ALLOWED', 'in 42'],
  ['createUser', 'hatinh.quantri', 'FORBIDDEN', 'in 75'],
  ['createUser', 'hatinh.quantri', 'FORBIDDEN', 'a national administrator'],
  ['createUser', 'hatinh.quantri', 'BAD_USER_INPUT', 'in 42, managing a Đồng Nai post office'],
  ['createUser', 'hatinh.bcd', 'FORBIDDEN', 'in 42'],
  ['createUser', 'dongnai.quantri', 'FORBIDDEN', 'in 42'],
  ...forbiddenToReaders('createUser', 'in 42'),
  ...(['deactivateUser', 'resetUserPassword'] as const).flatMap((operation): Row[] => [
    [operation, 'anonymous', 'UNAUTHENTICATED', 'a Hà Tĩnh user'],
    [operation, 'hatinh.quantri', 'ALLOWED', 'a Hà Tĩnh user'],
    [operation, 'hatinh.quantri', 'NOT_FOUND', 'a Đồng Nai user'],
    [operation, 'hatinh.quantri', 'NOT_FOUND', 'the national administrator'],
    [operation, 'dongnai.quantri', 'NOT_FOUND', 'a Hà Tĩnh user'],
    [operation, 'hatinh.bcd', 'FORBIDDEN', 'a Hà Tĩnh user'],
    ...forbiddenToReaders(operation, 'a Hà Tĩnh user'),
  ]),

  // Sessions.
  ['signIn', 'anonymous', 'ALLOWED', 'the right password'],
  ['signIn', 'anonymous', 'UNAUTHENTICATED', 'a wrong password'],
  ['signIn', 'anonymous', 'UNAUTHENTICATED', 'a deactivated user'],
  ['refreshSession', 'anonymous', 'ALLOWED', 'a refresh token'],
  ['refreshSession', 'anonymous', 'UNAUTHENTICATED', 'a refresh token already exchanged'],
  ['signOut', 'hatinh.quay', 'ALLOWED', 'the session of the access token'],
  ['signOut', 'anonymous', 'UNAUTHENTICATED', 'the session of the access token'],

  // The rollout and its handovers: programmes, phases, pilot sites, meetings, handovers, totals, spreadsheets.
  ...ROLLOUT_ROWS,

  // The staff register, counters and opening hours, shifts and one's own roster.
  ...STAFF_ROWS,

  // The working-day calendar: read by every signed-in user, kept by national administrators.
  ...WORKING_DAY_ROWS,

  // The procedure catalogue: read by the province's users, kept by its administrators.
  ...PROCEDURE_ROWS,

  // Dossiers: read within the caller's reach (province, desk, agency, post office tree), the applicant
  // masked to those who do not handle them; steps by their owners; public tracking by code and phone.
  ...DOSSIER_ROWS,

  // Pickup appointments: the post office's queue, kept by its manager.
  ...PICKUP_ROWS,

  // Portals' API clients: kept by administrators (a province's, for its province); the token exchange is public.
  ...API_CLIENT_ROWS,

  // The portals' own operations: a client's token with the scope, for its provinces and its own dossiers.
  ...PORTAL_ROWS,

  // Webhooks: endpoints, the delivery log and replays, kept as the client is, or by the client for its own.
  ...WEBHOOK_ROWS,

  // Aggregate submissions: read within the province, kept by its steering committee and administrators.
  ...AGGREGATE_FIGURE_ROWS,
  ...REPORT_ROWS,
  ...REPORT_QUALITY_ROWS,
  ...REPORT_TARGET_ROWS,
  ...STAFFING_OUTREACH_ROWS,
  // The demand forecast: one desk of the province, for those who read the reports and staff the rosters.
  ...REPORT_FORECAST_ROWS,
  ...REPORT_EXPORT_ROWS,
  // Imports: the province's committee and administrators follow them (uploads: test/report-imports.test.ts).
  ...REPORT_IMPORT_ROWS,
];

/** The published schema: every one of its queries and mutations must be in the matrix. */
const sdl = buildSchema(readFileSync(resolve(__dirname, '../../../packages/schema/schema.graphql'), 'utf8'));
const QUERIES = Object.keys(sdl.getQueryType()!.getFields());
const MUTATIONS = Object.keys(sdl.getMutationType()!.getFields());

/** The types of records (and figures) that belong to a province: no public path may lead to them. */
const PROVINCE_RECORD_TYPES = [
  'Agency', 'OneStopDesk', 'PostOffice', 'User', 'AuditEntry',
  'PilotProgramme', 'RolloutPhase', 'PhasePlanRevision', 'PilotSite', 'SiteStatusChange', 'ReadinessCheck', 'LevelProgress',
  'AggregateFigure', 'AggregateFigureTotals',
  'SteeringMeeting', 'ActionItem', 'PersonnelHandover', 'FacilityHandover', 'HandoverTotals', 'ExportedFile',
  'Staff', 'StaffAssignment', 'Qualification', 'TrainingSession', 'Absence', 'Counter', 'OpeningHours', 'OpeningException',
  'Shift', 'ShiftRevision', 'Coverage', 'RosterAutoFillJob',
  'Procedure', 'ProcedureComponent', 'ProcedureImportReport', 'Dossier', 'DossierApplicant', 'DossierComponent', 'DossierEvent', 'DossierStatusCount', 'DocumentFile',
  'ApiClient', 'ApiClientContact',
];

/** The operations that answer the anonymous: public reference data, getting a session (a user's, a portal client's), and public tracking by code and phone. */
const PUBLIC_OPERATIONS = ['administrativeUnits', 'administrativeUnit', 'signIn', 'refreshSession', 'issueClientToken', 'trackDossier', 'rateDossierService'];

// ---------------------------------------------------------------------------------------------

let t: TestApp;
const today = todayInVietnam();
/** Communes in force today: two of Hà Tĩnh, one of Đồng Nai (formerly Bình Phước). */
const HT_COMMUNE = '18766';
const HT_COMMUNE_2 = '18775';
const DN_COMMUNE = '25390';

/** Ids of the demo records, by code (agencies, desks, post offices) and username, read by `admin`. */
const ids = { agency: {} as Record<string, string>, desk: {} as Record<string, string>, office: {} as Record<string, string>, user: {} as Record<string, string> };
/** A token whose session has ended. */
let revokedToken = '';
/** The token of a Hà Tĩnh portal's API client with every scope. */
let portalToken = '';
let provinceIdOf42 = '';
let provinceIdOf75 = '';

let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}`;
const uniqueUnitCode = () => String(91_000_000 + ++counter);

function callerOptions(who: Who): GqlOptions {
  if (who === 'anonymous') return { as: null };
  if (who === 'revoked') return { token: revokedToken };
  if (who === 'portal') return { token: portalToken };
  return { as: who };
}

/** An operation run as the national administrator, which must succeed. */
async function asAdmin(query: string, variables?: Record<string, unknown>) {
  return ok(await t.gql(query, variables, { as: 'admin' }));
}

beforeAll(async () => {
  // The matrix checks the scopes in the resolvers, beneath the portals' allow-list: a client's token sends
  // ad-hoc documents here (the allow-list itself: test/portal-limits.test.ts).
  t = await startTestApp({ env: { OSP_CLIENT_PERSISTED_ONLY: 'off' } });
  const all = await asAdmin(`{
    agencies(first: 100, filter: { includeRetired: true }) { edges { node { id code } } }
    oneStopDesks(first: 100, filter: { includeRetired: true }) { edges { node { id code } } }
    postOffices(first: 100, filter: { includeRetired: true }) { edges { node { id code } } }
  }`);
  for (const [kind, connection] of [['agency', all.agencies], ['desk', all.oneStopDesks], ['office', all.postOffices]] as const) {
    for (const { node } of connection.edges) ids[kind][node.code] = node.id;
  }
  // A system administrator of Đồng Nai, to see that the user register and the trail stop at the province.
  await asAdmin(`mutation { createUser(input: { username: "dongnai.quantri", displayName: "Quản trị Đồng Nai", password: "Demo@2026", roles: [SYSTEM_ADMIN], scopeUnitCode: "75" }) { user { id } } }`);
  const users = await asAdmin(`{ users(first: 100) { edges { node { id username } } } }`);
  for (const { node } of users.users.edges) ids.user[node.username] = node.id;
  const provinces = await t.sql(`SELECT id, code FROM administrative_unit WHERE code IN ('42', '75') AND level = 'PROVINCE'`);
  provinceIdOf42 = provinces.find((p) => p.code === '42').id;
  provinceIdOf75 = provinces.find((p) => p.code === '75').id;
  revokedToken = await t.signIn('hatinh.bcd');
  ok(await t.gql('mutation { signOut { ok } }', {}, { token: revokedToken }));
  portalToken = await portalClientToken(t);
});
afterAll(() => t.close());

// --- Fixtures, made by the national administrator: one of its own for every case. ---------------

async function newAgency(unitCode: string, kind = 'PROVINCIAL_DEPARTMENT'): Promise<string> {
  const data = await asAdmin(`mutation($input: CreateAgencyInput!) { createAgency(input: $input) { agency { id } } }`, {
    input: { code: unique('SC-AG'), name: `Cơ quan thử ${counter}`, kind, administrativeUnitCode: unitCode },
  });
  return data.createAgency.agency.id;
}

async function newDesk(unitCode: string, agencyCode: string): Promise<string> {
  const data = await asAdmin(`mutation($input: CreateOneStopDeskInput!) { createOneStopDesk(input: $input) { oneStopDesk { id } } }`, {
    input: { code: unique('SC-MC'), name: `Bộ phận một cửa thử ${counter}`, agencyId: ids.agency[agencyCode], administrativeUnitCode: unitCode },
  });
  return data.createOneStopDesk.oneStopDesk.id;
}

async function newOffice(unitCode: string, parentCode: string): Promise<string> {
  const data = await asAdmin(`mutation($input: CreatePostOfficeInput!) { createPostOffice(input: $input) { postOffice { id } } }`, {
    input: { code: unique('SC-BC'), name: `Bưu cục thử ${counter}`, kind: 'POST_OFFICE', administrativeUnitCode: unitCode, parentId: ids.office[parentCode] },
  });
  return data.createPostOffice.postOffice.id;
}

async function newCommune(parentCode = '42'): Promise<string> {
  const code = uniqueUnitCode();
  await asAdmin(`mutation($input: CreateAdministrativeUnitInput!) { createAdministrativeUnit(input: $input) { administrativeUnit { id } } }`, {
    input: { code, name: `Xã Thử ${code}`, level: 'COMMUNE', parentCode, validFrom: '2025-07-01' },
  });
  return code;
}

async function newUser(scopeUnitCode: string): Promise<string> {
  const data = await asAdmin(`mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`, {
    input: { username: unique('sc.user'), displayName: 'Người dùng thử', password: 'Demo@2026', roles: ['STEERING_COMMITTEE'], scopeUnitCode },
  });
  return data.createUser.user.id;
}

// --- What each case sends, and what it checks beyond the outcome. ------------------------------


const ORG_FIELDS = 'id code name retiredOn province { code } administrativeUnit { code }';
const PROVINCE_OF_WHO: Partial<Record<Who, string>> = {
  'hatinh.bcd': '42',
  'hatinh.buudien': '42',
  'hatinh.quay': '42',
  'hatinh.stttt': '42',
  'hatinh.quantri': '42',
  'dongnai.bcd': '75',
  'binhphuoc.buudien': '75',
  'dongnai.quantri': '75',
};

/** Every node of a list read belongs to the caller's province, and the list has all of them. */
function listScenarios(operation: 'agencies' | 'oneStopDesks' | 'postOffices', filterType: string, extraFields = '') {
  const query = `query($filter: ${filterType}) { ${operation}(first: 100, filter: $filter) { totalCount edges { node { ${ORG_FIELDS} ${extraFields} } } } }`;
  const send = (filter: Record<string, unknown> | null) => async (caller: GqlOptions) => ({ res: await t.gql(query, { filter }, caller) });
  const onlyProvince = (province: string) => async (caller: GqlOptions) => {
    const res = await t.gql(query, { filter: null }, caller);
    return {
      res,
      async verify(data: any) {
        expect(data.edges.map((e: any) => e.node.province.code)).toEqual(data.edges.map(() => province));
        // Everything of the province is there: what the national administrator finds for it.
        const national = await asAdmin(query, { filter: { provinceCode: province } });
        expect(data.totalCount).toBe(national[operation].totalCount);
        expect(data.edges.map((e: any) => e.node.id).sort()).toEqual(national[operation].edges.map((e: any) => e.node.id).sort());
      },
    };
  };
  return {
    all: send(null),
    'all: both provinces': async (caller: GqlOptions) => ({
      res: await t.gql(query, { filter: null }, caller),
      verify: (data: any) => expect(data.edges.map((e: any) => e.node.province.code)).toEqual(expect.arrayContaining(['42', '75'])),
    }),
    'all: Hà Tĩnh only': onlyProvince('42'),
    'all: Đồng Nai only': onlyProvince('75'),
    'provinceCode 42': send({ provinceCode: '42' }),
    'provinceCode 70': send({ provinceCode: '70' }),
    'administrativeUnitCode 693 (a Bình Phước district)': send({ administrativeUnitCode: '693' }),
  } satisfies Record<string, Scenario>;
}

/** A record of a kind, renamed / moved / retired: the admin reads it back to see what happened. */
const RECORD_QUERY: Record<string, string> = {
  agency: `query($id: ID!) { record: agency(id: $id) { name retiredOn identifierCode administrativeUnit { code } province { code } } }`,
  oneStopDesk: `query($id: ID!) { record: oneStopDesk(id: $id) { name retiredOn level identifierCode administrativeUnit { code } province { code } } }`,
  postOffice: `query($id: ID!) { record: postOffice(id: $id) { name retiredOn administrativeUnit { code } province { code } } }`,
};

/**
 * A write to a record made for the case: allowed, the record changed as asked; refused, it did not
 * change at all.
 */
function recordWrite(kind: 'agency' | 'oneStopDesk' | 'postOffice', make: () => Promise<string>, mutation: string, input: (id: string) => Record<string, unknown>, expectAfter: (record: any) => void): Scenario {
  return async (caller) => {
    const id = await make();
    const read = async () => (await asAdmin(RECORD_QUERY[kind], { id })).record;
    const before = await read();
    const res = await t.gql(mutation, { input: input(id) }, caller);
    return {
      res,
      async verify(_data, outcome) {
        const after = await read();
        if (outcome === 'ALLOWED') expectAfter(after);
        else expect(after).toEqual(before);
      },
    };
  };
}

/** A record created for the case: allowed, it exists (in the province asked for); refused, no record has its code. */
function recordCreate(kind: 'agency' | 'oneStopDesk' | 'postOffice', mutation: string, input: (code: string) => Record<string, unknown>, province: string): Scenario {
  const list = { agency: 'agencies', oneStopDesk: 'oneStopDesks', postOffice: 'postOffices' }[kind];
  return async (caller) => {
    const code = unique('SC-NEW');
    const res = await t.gql(mutation, { input: input(code) }, caller);
    return {
      res,
      async verify(data, outcome) {
        const found = await asAdmin(`query($code: String!) { ${list}(filter: { search: $code, includeRetired: true }) { edges { node { id province { code } } } } }`, { code });
        if (outcome === 'ALLOWED') {
          expect(found[list].edges).toEqual([{ node: { id: data[kind].id, province: { code: province } } }]);
        } else {
          expect(found[list].edges).toEqual([]);
        }
      },
    };
  };
}

/** A change to a commune made for the case: allowed, it happened; refused, the unit is as it was. */
function unitWrite(mutation: string, input: (code: string) => Record<string, unknown>, expectAfter: (unit: any) => void): Scenario {
  return async (caller) => {
    const code = await newCommune();
    const read = async () => (await asAdmin(`query($code: String!) { administrativeUnit(code: $code) { name validTo path parent { code } } }`, { code })).administrativeUnit;
    const before = await read();
    const res = await t.gql(mutation, { input: input(code) }, caller);
    return {
      res,
      async verify(_data, outcome) {
        const after = await read();
        if (outcome === 'ALLOWED') expectAfter(after);
        else expect(after).toEqual(before);
      },
    };
  };
}

/** A change to a user made for the case: allowed, it happened; refused, the user is as it was. */
function userWrite(mutation: string, target: () => Promise<string>, input: (id: string) => Record<string, unknown>, expectAfter: (before: any, after: any) => void): Scenario {
  return async (caller) => {
    const id = await target();
    const read = async () => (await t.sql(`SELECT active, password_hash AS "passwordHash" FROM app_user WHERE id = $1`, [id]))[0];
    const before = await read();
    const res = await t.gql(mutation, { input: input(id) }, caller);
    return {
      res,
      async verify(_data, outcome) {
        const after = await read();
        if (outcome === 'ALLOWED') expectAfter(before, after);
        else expect(after).toEqual(before);
      },
    };
  };
}

const DESK_BY_ID = `query($id: ID!) { oneStopDesk(id: $id) { ${ORG_FIELDS} agency { id code province { code } } } }`;
const AGENCY_BY_ID = `query($id: ID!) { agency(id: $id) { ${ORG_FIELDS} } }`;
const OFFICE_BY_ID = `query($id: ID!) { postOffice(id: $id) { ${ORG_FIELDS} parent { code } } }`;
const AUDIT = `query($filter: AuditEntryFilter) { auditEntries(first: 100, filter: $filter) { totalCount edges { node { id action entityType entityId actorLabel } } } }`;
const UNIT_TREE = `query($code: String!) {
  administrativeUnit(code: $code) {
    __typename code name level
    parent { __typename code }
    inForceUnit { __typename code }
    children(first: 100) { totalCount edges { node { __typename code name children(first: 5) { totalCount edges { node { __typename code } } } } } }
  }
}`;
const ME = `{ me { username roles scope { code } postOffice { code } oneStopDesk { code } agency { code } } }`;
let identifierCodes = 0;
/** Sets a fresh record's identifier code (a new one each run: no two units may share one). */
function identifierCodeWrite(kind: 'agency' | 'oneStopDesk', make: () => Promise<string>): Scenario {
  const type = kind === 'agency' ? 'Agency' : 'OneStopDesk';
  let code = '';
  const input = (id: string) => {
    code = `000.${String(++identifierCodes).padStart(2, '0')}.96.H27`;
    return { id, identifierCode: code };
  };
  return recordWrite(kind, make, `mutation($input: Set${type}IdentifierCodeInput!) { set${type}IdentifierCode(input: $input) { ${kind} { id identifierCode } } }`, input, (r) => expect(r.identifierCode).toBe(code));
}

const RENAME = (type: string, field: string) => `mutation($input: Rename${type}Input!) { rename${type}(input: $input) { ${field} { id name } } }`;
const MOVE = (type: string, field: string) => `mutation($input: Move${type}Input!) { move${type}(input: $input) { ${field} { id administrativeUnit { code } } } }`;
const RETIRE = (type: string, field: string) => `mutation($input: Retire${type}Input!) { retire${type}(input: $input) { ${field} { id retiredOn } } }`;
const CREATE = (type: string, field: string) => `mutation($input: Create${type}Input!) { create${type}(input: $input) { ${field} { id } } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { token refreshToken user { username } } }`;

/** Audit entries about one record, made for the case by the national administrator. */
async function auditedDesk(unitCode: string, agencyCode: string): Promise<string> {
  const id = await newDesk(unitCode, agencyCode);
  await asAdmin(RENAME('OneStopDesk', 'oneStopDesk'), { input: { id, name: `Đổi tên ${counter}` } });
  return id;
}

const SCENARIOS: Scenarios = {
  administrativeUnits: {
    'the provinces': async (caller) => ({
      res: await t.gql(`{ administrativeUnits(first: 100, filter: { level: PROVINCE }) { totalCount edges { node { code } } } }`, {}, caller),
      verify: (data) => expect(data.edges.map((e: any) => e.node.code)).toEqual(expect.arrayContaining(['42', '75'])),
    }),
    'the units of Hà Tĩnh': async (caller) => ({
      res: await t.gql(`{ administrativeUnits(first: 100, filter: { provinceCode: "42" }) { totalCount edges { node { code } } } }`, {}, caller),
      verify: (data) => expect(data.totalCount).toBeGreaterThan(60),
    }),
  },
  administrativeUnit: {
    // Public reference data, fully readable; no field of a unit leads to a desk, an agency or a post office.
    'Hà Tĩnh and its communes': async (caller) => ({
      res: await t.gql(UNIT_TREE, { code: '42' }, caller),
      verify(data) {
        expect(data).toMatchObject({ code: '42', level: 'PROVINCE' });
        expect(data.children.totalCount).toBeGreaterThanOrEqual(69);
        const typenames = new Set(JSON.stringify(data).match(/"__typename":"\w+"/g));
        expect([...typenames]).toEqual(['"__typename":"AdministrativeUnit"']);
      },
    }),
  },
  agencies: { ...listScenarios('agencies', 'AgencyFilter'), 'search 42-STTTT': async (caller) => ({ res: await t.gql(`{ agencies(filter: { search: "42-STTTT" }) { totalCount edges { node { id } } } }`, {}, caller) }) },
  agency: {
    'a Hà Tĩnh agency': async (caller) => ({ res: await t.gql(AGENCY_BY_ID, { id: ids.agency['42-STTTT'] }, caller), verify: (data) => expect(data.province.code).toBe('42') }),
    'a Đồng Nai agency': async (caller) => ({ res: await t.gql(AGENCY_BY_ID, { id: ids.agency['70-TTPVHCC'] }, caller) }),
  },
  oneStopDesks: {
    // Nested relations of every desk stay in the province too (the agency of a desk is loaded through the scoped loader).
    ...listScenarios('oneStopDesks', 'OneStopDeskFilter', 'agency { id province { code } }'),
    'provinceCode 70: Bình Phước desks, now Đồng Nai’s': async (caller) => ({
      res: await t.gql(`{ oneStopDesks(first: 100, filter: { provinceCode: "70" }) { totalCount edges { node { code province { code } agency { province { code } } } } } }`, {}, caller),
      verify(data) {
        expect(data.edges.map((e: any) => e.node.code)).toContain('70-UBND-693-MC');
        for (const { node } of data.edges) expect([node.province.code, node.agency.province.code]).toEqual(['75', '75']);
      },
    }),
    'agencyId of a Hà Tĩnh agency': async (caller) => ({
      res: await t.gql(`query($agencyId: ID!) { oneStopDesks(filter: { agencyId: $agencyId }) { totalCount edges { node { id } } } }`, { agencyId: ids.agency['42-STTTT'] }, caller),
    }),
  },
  oneStopDesk: {
    'a Hà Tĩnh desk': async (caller) => ({
      res: await t.gql(DESK_BY_ID, { id: ids.desk['42-TTPVHCC-MC'] }, caller),
      verify: (data) => expect(data).toMatchObject({ code: '42-TTPVHCC-MC', province: { code: '42' }, agency: { code: '42-TTPVHCC', province: { code: '42' } } }),
    }),
    'a Đồng Nai desk': async (caller) => ({ res: await t.gql(DESK_BY_ID, { id: ids.desk['70-UBND-693-MC'] }, caller) }),
  },
  postOffices: {
    ...listScenarios('postOffices', 'PostOfficeFilter', 'parent { id province { code } }'),
    'parentId of the Hà Tĩnh provincial office': async (caller) => ({
      res: await t.gql(`query($parentId: ID!) { postOffices(filter: { parentId: $parentId }) { totalCount edges { node { id } } } }`, { parentId: ids.office['BD-42'] }, caller),
    }),
    'search BD-70': async (caller) => ({ res: await t.gql(`{ postOffices(filter: { search: "BD-70" }) { totalCount edges { node { id } } } }`, {}, caller) }),
  },
  postOffice: {
    'the Hà Tĩnh provincial office': async (caller) => ({ res: await t.gql(OFFICE_BY_ID, { id: ids.office['BD-42'] }, caller), verify: (data) => expect(data).toMatchObject({ code: 'BD-42', parent: null }) }),
    'the Bình Phước provincial office': async (caller) => ({ res: await t.gql(OFFICE_BY_ID, { id: ids.office['BD-70'] }, caller) }),
  },
  users: (() => {
    const query = `query($filter: UserFilter) { users(first: 100, filter: $filter) { totalCount edges { node { id username scope { code } postOffice { code } oneStopDesk { code } agency { code } } } } }`;
    const only = (province: string) => async (caller: GqlOptions) => {
      const res = await t.gql(query, { filter: null }, caller);
      return {
        res,
        async verify(data: any) {
          const expected = await t.sql(`SELECT id FROM app_user WHERE province_id = $1 AND active`, [province === '42' ? provinceIdOf42 : provinceIdOf75]);
          expect(data.edges.map((e: any) => e.node.id).sort()).toEqual(expected.map((u) => u.id).sort());
          for (const { node } of data.edges) expect(node.scope.code).toBe(province);
        },
      };
    };
    return {
      all: async (caller: GqlOptions) => ({ res: await t.gql(query, { filter: null }, caller) }),
      'all: everyone': async (caller: GqlOptions) => ({
        res: await t.gql(query, { filter: null }, caller),
        verify: (data: any) => expect(data.edges.map((e: any) => e.node.username)).toEqual(expect.arrayContaining(['admin', 'hatinh.quay', 'binhphuoc.buudien'])),
      }),
      'all: Hà Tĩnh only': only('42'),
      'all: Đồng Nai only': only('75'),
      'search binhphuoc': async (caller: GqlOptions) => ({ res: await t.gql(query, { filter: { search: 'binhphuoc' } }, caller) }),
    };
  })(),
  auditEntries: {
    all: async (caller) => ({ res: await t.gql(AUDIT, { filter: null }, caller) }),
    'all: Hà Tĩnh only': async (caller) => {
      await auditedDesk(HT_COMMUNE, '42-STTTT');
      await auditedDesk(DN_COMMUNE, '70-TTPVHCC');
      const res = await t.gql(AUDIT, { filter: null }, caller);
      return {
        res,
        async verify(data) {
          const visible = data.edges.map((e: any) => e.node.id);
          const provinces = await t.sql(`SELECT DISTINCT province_id AS id FROM audit_entry WHERE id = ANY($1::uuid[])`, [visible]);
          expect(provinces).toEqual([{ id: provinceIdOf42 }]);
        },
      };
    },
    'entries of a Đồng Nai desk': async (caller) => {
      const id = await auditedDesk(DN_COMMUNE, '70-TTPVHCC');
      return { res: await t.gql(AUDIT, { filter: { entityId: id } }, caller), verify: (data) => expect(data.edges.map((e: any) => e.node.action)).toEqual(['oneStopDesk.rename', 'oneStopDesk.create']) };
    },
    'entries of a Hà Tĩnh desk': async (caller) => {
      const id = await auditedDesk(HT_COMMUNE, '42-STTTT');
      return { res: await t.gql(AUDIT, { filter: { entityId: id } }, caller) };
    },
    'sign-ins of Hà Tĩnh users': async (caller) => {
      await t.signIn('hatinh.quay');
      return { res: await t.gql(AUDIT, { filter: { action: 'user.signIn', entityId: ids.user['hatinh.quay'] } }, caller) };
    },
  },
  me: {
    'who am I': async (caller, who) => ({
      res: await t.gql(ME, {}, caller),
      verify(data) {
        expect(data.username).toBe(who);
        expect(data.scope?.code ?? null).toBe(PROVINCE_OF_WHO[who] ?? null);
        if (who === 'binhphuoc.buudien') expect(data.postOffice).toEqual({ code: 'BD-70' });
        if (who === 'hatinh.quay') expect(data.oneStopDesk).toEqual({ code: '42-TTPVHCC-MC' });
        if (who === 'hatinh.stttt') expect(data.agency).toEqual({ code: '42-STTTT' });
      },
    }),
  },

  createAgency: {
    'in 42': recordCreate('agency', CREATE('Agency', 'agency'), (code) => ({ code, name: `Sở thử ${code}`, kind: 'PROVINCIAL_DEPARTMENT', administrativeUnitCode: '42' }), '42'),
    'in 75': recordCreate('agency', CREATE('Agency', 'agency'), (code) => ({ code, name: `Sở thử ${code}`, kind: 'PROVINCIAL_DEPARTMENT', administrativeUnitCode: '75' }), '75'),
  },
  renameAgency: {
    'a Hà Tĩnh agency': recordWrite('agency', () => newAgency('42'), RENAME('Agency', 'agency'), (id) => ({ id, name: 'Sở đổi tên' }), (a) => expect(a.name).toBe('Sở đổi tên')),
    'a Đồng Nai agency': recordWrite('agency', () => newAgency('75'), RENAME('Agency', 'agency'), (id) => ({ id, name: 'Sở đổi tên' }), () => undefined),
  },
  moveAgency: {
    'a Hà Tĩnh commune agency within 42': recordWrite('agency', () => newAgency(HT_COMMUNE, 'COMMUNE_PEOPLES_COMMITTEE'), MOVE('Agency', 'agency'), (id) => ({ id, administrativeUnitCode: HT_COMMUNE_2 }), (a) =>
      expect(a).toMatchObject({ administrativeUnit: { code: HT_COMMUNE_2 }, province: { code: '42' } }),
    ),
    'a Hà Tĩnh commune agency into 75': recordWrite('agency', () => newAgency(HT_COMMUNE, 'COMMUNE_PEOPLES_COMMITTEE'), MOVE('Agency', 'agency'), (id) => ({ id, administrativeUnitCode: DN_COMMUNE }), (a) =>
      expect(a).toMatchObject({ administrativeUnit: { code: DN_COMMUNE }, province: { code: '75' } }),
    ),
    'a Đồng Nai commune agency within 75': recordWrite('agency', () => newAgency(DN_COMMUNE, 'COMMUNE_PEOPLES_COMMITTEE'), MOVE('Agency', 'agency'), (id) => ({ id, administrativeUnitCode: '25333' }), () => undefined),
  },
  retireAgency: {
    'a Hà Tĩnh agency': recordWrite('agency', () => newAgency('42'), RETIRE('Agency', 'agency'), (id) => ({ id }), (a) => expect(a.retiredOn).toBe(today)),
  },

  createOneStopDesk: {
    'for a Hà Tĩnh agency in 42': recordCreate('oneStopDesk', CREATE('OneStopDesk', 'oneStopDesk'), (code) => ({ code, name: `Một cửa ${code}`, agencyId: ids.agency['42-STTTT'], administrativeUnitCode: HT_COMMUNE }), '42'),
    'for a Hà Tĩnh agency in 75': recordCreate('oneStopDesk', CREATE('OneStopDesk', 'oneStopDesk'), (code) => ({ code, name: `Một cửa ${code}`, agencyId: ids.agency['42-STTTT'], administrativeUnitCode: DN_COMMUNE }), '75'),
    'for an agency that does not exist': recordCreate('oneStopDesk', CREATE('OneStopDesk', 'oneStopDesk'), (code) => ({ code, name: `Một cửa ${code}`, agencyId: UNKNOWN_ID }), '42'),
    // Another province's agency does not exist for the caller: the same answer as an unknown id.
    'for a Đồng Nai agency in 42': async (caller, who) => {
      const attempt = await recordCreate('oneStopDesk', CREATE('OneStopDesk', 'oneStopDesk'), (code) => ({ code, name: `Một cửa ${code}`, agencyId: ids.agency['70-TTPVHCC'], administrativeUnitCode: HT_COMMUNE }), '42')(caller, who);
      const unknown = await t.gql(CREATE('OneStopDesk', 'oneStopDesk'), { input: { code: unique('SC-NEW'), name: 'Một cửa', agencyId: UNKNOWN_ID, administrativeUnitCode: HT_COMMUNE } }, caller);
      return {
        ...attempt,
        async verify(data, outcome) {
          await attempt.verify?.(data, outcome);
          expect(sameErrorApartFromIds(attempt.res, unknown)).toBe(true);
        },
      };
    },
  },
  setAgencyIdentifierCode: {
    'a Hà Tĩnh agency': identifierCodeWrite('agency', () => newAgency('42')),
    'a Đồng Nai agency': identifierCodeWrite('agency', () => newAgency('75')),
  },
  setOneStopDeskIdentifierCode: {
    'a Hà Tĩnh desk': identifierCodeWrite('oneStopDesk', () => newDesk(HT_COMMUNE, '42-STTTT')),
    'a Đồng Nai desk': identifierCodeWrite('oneStopDesk', () => newDesk(DN_COMMUNE, '70-TTPVHCC')),
  },
  renameOneStopDesk: {
    'a Hà Tĩnh desk': recordWrite('oneStopDesk', () => newDesk(HT_COMMUNE, '42-STTTT'), RENAME('OneStopDesk', 'oneStopDesk'), (id) => ({ id, name: 'Một cửa đổi tên' }), (d) => expect(d.name).toBe('Một cửa đổi tên')),
    'a Đồng Nai desk': recordWrite('oneStopDesk', () => newDesk(DN_COMMUNE, '70-TTPVHCC'), RENAME('OneStopDesk', 'oneStopDesk'), (id) => ({ id, name: 'Một cửa đổi tên' }), () => undefined),
  },
  moveOneStopDesk: {
    'a Hà Tĩnh desk within 42': recordWrite('oneStopDesk', () => newDesk('42', '42-STTTT'), MOVE('OneStopDesk', 'oneStopDesk'), (id) => ({ id, administrativeUnitCode: HT_COMMUNE_2 }), (d) =>
      expect(d).toMatchObject({ level: 'COMMUNE', administrativeUnit: { code: HT_COMMUNE_2 }, province: { code: '42' } }),
    ),
    'a Hà Tĩnh desk into 75': recordWrite('oneStopDesk', () => newDesk(HT_COMMUNE, '42-STTTT'), MOVE('OneStopDesk', 'oneStopDesk'), (id) => ({ id, administrativeUnitCode: DN_COMMUNE }), () => undefined),
  },
  retireOneStopDesk: {
    'a Hà Tĩnh desk': recordWrite('oneStopDesk', () => newDesk(HT_COMMUNE, '42-STTTT'), RETIRE('OneStopDesk', 'oneStopDesk'), (id) => ({ id }), (d) => expect(d.retiredOn).toBe(today)),
    'a Đồng Nai desk': recordWrite('oneStopDesk', () => newDesk(DN_COMMUNE, '70-TTPVHCC'), RETIRE('OneStopDesk', 'oneStopDesk'), (id) => ({ id }), () => undefined),
  },

  createPostOffice: {
    'under BD-42 in 42': recordCreate('postOffice', CREATE('PostOffice', 'postOffice'), (code) => ({ code, name: `Bưu cục ${code}`, kind: 'POST_OFFICE', administrativeUnitCode: HT_COMMUNE, parentId: ids.office['BD-42'] }), '42'),
    'under BD-70 in 75': recordCreate('postOffice', CREATE('PostOffice', 'postOffice'), (code) => ({ code, name: `Bưu cục ${code}`, kind: 'POST_OFFICE', administrativeUnitCode: DN_COMMUNE, parentId: ids.office['BD-70'] }), '75'),
    // Another province's office does not exist for the caller: the same answer as an unknown id.
    'under BD-70 in 42': async (caller, who) => {
      const input = (code: string, parentId: string) => ({ code, name: `Bưu cục ${code}`, kind: 'POST_OFFICE', administrativeUnitCode: HT_COMMUNE, parentId });
      const attempt = await recordCreate('postOffice', CREATE('PostOffice', 'postOffice'), (code) => input(code, ids.office['BD-70']), '42')(caller, who);
      const unknown = await t.gql(CREATE('PostOffice', 'postOffice'), { input: input(unique('SC-NEW'), UNKNOWN_ID) }, caller);
      return {
        ...attempt,
        async verify(data, outcome) {
          await attempt.verify?.(data, outcome);
          expect(sameErrorApartFromIds(attempt.res, unknown)).toBe(true);
        },
      };
    },
  },
  renamePostOffice: {
    'a Hà Tĩnh office': recordWrite('postOffice', () => newOffice(HT_COMMUNE, 'BD-42'), RENAME('PostOffice', 'postOffice'), (id) => ({ id, name: 'Bưu cục đổi tên' }), (o) => expect(o.name).toBe('Bưu cục đổi tên')),
    'a Đồng Nai office': recordWrite('postOffice', () => newOffice(DN_COMMUNE, 'BD-70'), RENAME('PostOffice', 'postOffice'), (id) => ({ id, name: 'Bưu cục đổi tên' }), () => undefined),
  },
  movePostOffice: {
    'a Hà Tĩnh office within 42': recordWrite('postOffice', () => newOffice(HT_COMMUNE, 'BD-42'), MOVE('PostOffice', 'postOffice'), (id) => ({ id, administrativeUnitCode: HT_COMMUNE_2 }), (o) =>
      expect(o).toMatchObject({ administrativeUnit: { code: HT_COMMUNE_2 }, province: { code: '42' } }),
    ),
    'a Hà Tĩnh office into 75': recordWrite('postOffice', () => newOffice(HT_COMMUNE, 'BD-42'), MOVE('PostOffice', 'postOffice'), (id) => ({ id, administrativeUnitCode: DN_COMMUNE }), () => undefined),
    'a Đồng Nai office within 75': recordWrite('postOffice', () => newOffice(DN_COMMUNE, 'BD-70'), MOVE('PostOffice', 'postOffice'), (id) => ({ id, administrativeUnitCode: '25333' }), () => undefined),
  },
  retirePostOffice: {
    'a Hà Tĩnh office': recordWrite('postOffice', () => newOffice(HT_COMMUNE, 'BD-42'), RETIRE('PostOffice', 'postOffice'), (id) => ({ id }), (o) => expect(o.retiredOn).toBe(today)),
  },

  createAdministrativeUnit: {
    'a commune of 42': async (caller) => {
      const code = uniqueUnitCode();
      const res = await t.gql(`mutation($input: CreateAdministrativeUnitInput!) { createAdministrativeUnit(input: $input) { administrativeUnit { code path } } }`, { input: { code, name: `Xã Mới ${code}`, level: 'COMMUNE', parentCode: '42', validFrom: today } }, caller);
      return {
        res,
        async verify(data, outcome) {
          const found = (await asAdmin(`query($code: String!) { administrativeUnit(code: $code) { path } }`, { code })).administrativeUnit;
          expect(found).toEqual(outcome === 'ALLOWED' ? { path: `42.${code}` } : null);
        },
      };
    },
  },
  renameAdministrativeUnit: {
    'a commune of 42': unitWrite(`mutation($input: RenameAdministrativeUnitInput!) { renameAdministrativeUnit(input: $input) { administrativeUnit { name } } }`, (code) => ({ code, name: 'Xã Đổi Tên' }), (u) => expect(u.name).toBe('Xã Đổi Tên')),
  },
  moveAdministrativeUnit: {
    'a commune of 42': unitWrite(`mutation($input: MoveAdministrativeUnitInput!) { moveAdministrativeUnit(input: $input) { administrativeUnit { path } } }`, (code) => ({ code, parentCode: '75' }), (u) => expect(u.parent).toEqual({ code: '75' })),
  },
  retireAdministrativeUnit: {
    'a commune of 42': unitWrite(`mutation($input: RetireAdministrativeUnitInput!) { retireAdministrativeUnit(input: $input) { administrativeUnit { validTo } } }`, (code) => ({ code, validTo: today }), (u) => expect(u.validTo).toBe(today)),
  },

  createUser: (() => {
    const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id username scope { code } } } }`;
    const attempt = (input: (username: string) => Record<string, unknown>, province: string | null): Scenario => async (caller) => {
      const username = unique('sc.new');
      const res = await t.gql(CREATE_USER, { input: { displayName: 'Người dùng mới', password: 'Demo@2026', ...input(username), username } }, caller);
      return {
        res,
        async verify(data, outcome) {
          const rows = await t.sql(`SELECT u.id, p.code FROM app_user u LEFT JOIN administrative_unit p ON p.id = u.province_id WHERE u.username = $1`, [username]);
          expect(rows).toEqual(outcome === 'ALLOWED' ? [{ id: data.user.id, code: province }] : []);
        },
      };
    };
    return {
      'in 42': attempt(() => ({ roles: ['STEERING_COMMITTEE'], scopeUnitCode: '42' }), '42'),
      'in 75': attempt(() => ({ roles: ['STEERING_COMMITTEE'], scopeUnitCode: '75' }), '75'),
      'a national administrator': attempt(() => ({ roles: ['SYSTEM_ADMIN'] }), null),
      // Another province's post office does not exist for the caller: the same answer as an unknown id.
      'in 42, managing a Đồng Nai post office': async (caller, who) => {
        const input = (postOfficeId: string) => () => ({ roles: ['POST_OFFICE_MANAGER'], scopeUnitCode: '42', postOfficeId });
        const first = await attempt(input(ids.office['BD-70']), '42')(caller, who);
        const unknown = await attempt(input(UNKNOWN_ID), '42')(caller, who);
        return {
          ...first,
          async verify(data, outcome) {
            await first.verify?.(data, outcome);
            expect(sameErrorApartFromIds(first.res, unknown.res)).toBe(true);
          },
        };
      },
    };
  })(),
  deactivateUser: {
    'a Hà Tĩnh user': userWrite(`mutation($input: DeactivateUserInput!) { deactivateUser(input: $input) { user { id active } } }`, () => newUser('42'), (id) => ({ id }), (_b, a) => expect(a.active).toBe(false)),
    'a Đồng Nai user': userWrite(`mutation($input: DeactivateUserInput!) { deactivateUser(input: $input) { user { id active } } }`, () => newUser('75'), (id) => ({ id }), () => undefined),
    'the national administrator': userWrite(`mutation($input: DeactivateUserInput!) { deactivateUser(input: $input) { user { id active } } }`, async () => ids.user.admin, (id) => ({ id }), () => undefined),
  },
  resetUserPassword: {
    'a Hà Tĩnh user': userWrite(`mutation($input: ResetUserPasswordInput!) { resetUserPassword(input: $input) { user { id } } }`, () => newUser('42'), (id) => ({ id, password: 'Moi@2026x' }), (b, a) => expect(a.passwordHash).not.toBe(b.passwordHash)),
    'a Đồng Nai user': userWrite(`mutation($input: ResetUserPasswordInput!) { resetUserPassword(input: $input) { user { id } } }`, () => newUser('75'), (id) => ({ id, password: 'Moi@2026x' }), () => undefined),
    'the national administrator': userWrite(`mutation($input: ResetUserPasswordInput!) { resetUserPassword(input: $input) { user { id } } }`, async () => ids.user.admin, (id) => ({ id, password: 'Moi@2026x' }), () => undefined),
  },

  signIn: {
    'the right password': async (caller) => ({ res: await t.gql(SIGN_IN, { input: { username: 'hatinh.stttt', password: 'Demo@2026' } }, caller), verify: (data) => expect(data.user.username).toBe('hatinh.stttt') }),
    'a wrong password': async (caller) => ({ res: await t.gql(SIGN_IN, { input: { username: 'dongnai.bcd', password: 'Sai@2026' } }, caller) }),
    'a deactivated user': async (caller) => {
      const id = await newUser('42');
      const [{ username }] = await t.sql(`SELECT username FROM app_user WHERE id = $1`, [id]);
      await asAdmin(`mutation($id: ID!) { deactivateUser(input: { id: $id }) { user { id } } }`, { id });
      return { res: await t.gql(SIGN_IN, { input: { username, password: 'Demo@2026' } }, caller) };
    },
  },
  refreshSession: (() => {
    const REFRESH = `mutation($token: String!) { refreshSession(input: { refreshToken: $token }) { token refreshToken user { username } } }`;
    const refreshToken = async () => ok(await t.gql(SIGN_IN, { input: { username: 'hatinh.buudien', password: 'Demo@2026' } }, { as: null })).signIn.refreshToken as string;
    return {
      'a refresh token': async (caller: GqlOptions) => ({ res: await t.gql(REFRESH, { token: await refreshToken() }, caller), verify: (data: any) => expect(data.user.username).toBe('hatinh.buudien') }),
      'a refresh token already exchanged': async (caller: GqlOptions) => {
        const token = await refreshToken();
        ok(await t.gql(REFRESH, { token }, { as: null }));
        return { res: await t.gql(REFRESH, { token }, caller) };
      },
    };
  })(),
  signOut: {
    // A session of its own: the harness's cached token of the caller must keep working for other cases.
    'the session of the access token': async (caller, who) => {
      const token = who === 'anonymous' ? undefined : await t.signIn(who);
      const res = await t.gql('mutation { signOut { ok } }', {}, token ? { token } : caller);
      return {
        res,
        async verify(_data, outcome) {
          if (outcome === 'ALLOWED') expect(failure(await t.gql('{ me { id } }', {}, { token })).extensions.code).toBe('UNAUTHENTICATED');
        },
      };
    },
  },

  ...rolloutScenarios({ app: () => t }),
  ...staffScenarios({ app: () => t }),
  ...workingDayScenarios({ app: () => t }),
  ...procedureScenarios({ app: () => t }),
  ...dossierScenarios({ app: () => t }),
  ...pickupScenarios({ app: () => t }),
  ...apiClientScenarios({ app: () => t }),
  ...portalScenarios({ app: () => t }),
  ...webhookScenarios({ app: () => t }),
  ...aggregateFigureScenarios({ app: () => t }),
  ...reportScenarios({ app: () => t }),
  ...reportQualityScenarios({ app: () => t }),
  ...reportTargetScenarios({ app: () => t }),
  ...staffingOutreachScenarios({ app: () => t }),
  ...reportForecastScenarios({ app: () => t }),
  ...reportExportScenarios({ app: () => t }),
  ...reportImportScenarios({ app: () => t }),
};

// ---------------------------------------------------------------------------------------------

describe('scope matrix: every query and mutation, for every kind of caller', () => {
  it.each(MATRIX)('%s as %s: %s (%s)', async (operation, who, outcome, scenario) => {
    const run = SCENARIOS[operation]?.[scenario];
    if (!run) throw new Error(`no scenario "${scenario}" for ${operation}`);
    const attempt = await run(callerOptions(who), who);
    const { res } = attempt;
    if (outcome === 'ALLOWED' || outcome === 'HIDDEN') {
      const data = ok(res)[operation];
      expect(isEmpty(data)).toBe(outcome === 'HIDDEN');
      // Hidden, not missing: the same read by the national administrator (or the scenario's control) does find something.
      if (outcome === 'HIDDEN') expect(isEmpty(ok(attempt.control ? await attempt.control() : (await run(callerOptions('admin'), 'admin')).res)[operation])).toBe(false);
    } else {
      expect(failure(res).extensions.code).toBe(outcome);
      expect(res.data?.[operation] ?? null).toBeNull();
    }
    // A read's own checks are of what it answered; a write's also of what it left behind when refused.
    if (outcome === 'ALLOWED' || MUTATIONS.includes(operation)) await attempt.verify?.(res.data?.[operation] ?? null, outcome);
  });
});

describe('the matrix covers the schema', () => {
  const operations = [...QUERIES, ...MUTATIONS];

  it.each(operations)('%s has an allowed case, a refused or hidden case and an anonymous case', (operation) => {
    const rows = MATRIX.filter(([op]) => op === operation);
    expect(rows.some(([, , outcome]) => outcome === 'ALLOWED')).toBe(true);
    expect(rows.some(([, , outcome]) => outcome !== 'ALLOWED')).toBe(true);
    const anonymous = rows.filter(([, who]) => who === 'anonymous').map(([, , outcome]) => outcome);
    expect(anonymous.length).toBeGreaterThan(0);
    // The anonymous are refused everything that is not explicitly public.
    if (!PUBLIC_OPERATIONS.includes(operation)) expect(new Set(anonymous)).toEqual(new Set(['UNAUTHENTICATED']));
    else expect(anonymous).toContain('ALLOWED');
  });

  it('has no case for an operation the schema does not have', () => {
    expect(MATRIX.map(([op]) => op).filter((op) => !operations.includes(op))).toEqual([]);
  });

  // The public answers: an administrative unit, a dossier as public tracking shows it, and as its portal reads it.
  it.each(['AdministrativeUnit', 'TrackedDossier', 'PortalDossier'])('no field of %s (public) leads to a province’s records', (publicType) => {
    const reachable = new Set<string>();
    const visit = (type: GraphQLNamedType) => {
      if (reachable.has(type.name)) return;
      reachable.add(type.name);
      if (isObjectType(type)) for (const field of Object.values(type.getFields())) visit(getNamedType(field.type));
    };
    visit(sdl.getType(publicType)!);
    expect(PROVINCE_RECORD_TYPES.filter((name) => !sdl.getType(name))).toEqual([]);
    expect([...reachable].filter((name) => PROVINCE_RECORD_TYPES.includes(name))).toEqual([]);
  });

  it('the grid at the top of this file is the matrix', () => {
    expect(sourceGrid()).toBe(grid());
  });
});

const COLUMNS: Array<[Who, string]> = [
  ['anonymous', 'anon'],
  ['revoked', 'revoked'],
  ['admin', 'admin'],
  ['hatinh.bcd', 'ht.bcd'],
  ['hatinh.buudien', 'ht.buudien'],
  ['hatinh.quay', 'ht.quay'],
  ['hatinh.stttt', 'ht.stttt'],
  ['hatinh.quantri', 'ht.quantri'],
  ['dongnai.bcd', 'dn.bcd'],
  ['binhphuoc.buudien', 'bp.buudien'],
  ['dongnai.quantri', 'dn.quantri'],
  ['portal', 'portal'],
];
const LETTER: Record<Outcome, string> = { ALLOWED: 'A', HIDDEN: 'H', UNAUTHENTICATED: 'U', FORBIDDEN: 'F', NOT_FOUND: 'N', BAD_USER_INPUT: 'B' };

const OPERATION_WIDTH = 32;

/** The coverage grid: a header, then one line per operation, one column per caller, the outcomes tested. */
function grid(): string {
  const operations = [...new Set(MATRIX.map(([op]) => op))];
  const header = ` * ${'operation'.padEnd(OPERATION_WIDTH)}${COLUMNS.map(([, title]) => title).join(' ')}`;
  const lines = operations.map((op) => {
    const cells = COLUMNS.map(([who, title]) => {
      const letters = [...new Set(MATRIX.filter(([o, w]) => o === op && w === who).map(([, , outcome]) => LETTER[outcome]))].sort().join('');
      return (letters || '.').padEnd(title.length + 1);
    });
    return ` * ${op.padEnd(OPERATION_WIDTH)}${cells.join('')}`.trimEnd();
  });
  return [header, ...lines].join('\n');
}

/** The grid as written in the comment at the top of this file: from its header to the end of the comment. */
function sourceGrid(): string {
  const source = readFileSync(__filename, 'utf8');
  const start = source.indexOf(' * operation ');
  return source.slice(start, source.indexOf('\n */', start));
}
