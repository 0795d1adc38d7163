import type { Role } from '../../graphql/generated';

/** The API's roles, in the order the UI lists them (labels: roles.*). */
export const ROLES: readonly Role[] = ['SYSTEM_ADMIN', 'STEERING_COMMITTEE', 'POST_OFFICE_MANAGER', 'COUNTER_CLERK', 'AGENCY_OFFICER'];

/** The workplace each role needs (the API refuses it for the other roles). */
export const WORKPLACE_OF = {
  POST_OFFICE_MANAGER: 'postOfficeId',
  COUNTER_CLERK: 'oneStopDeskId',
  AGENCY_OFFICER: 'agencyId',
} as const;

/**
 * What the audit trail records: each entity type with the verbs written for it. An action is
 * `<entity type, first letter lower-cased>.<verb>` ("oneStopDesk.rename"). The labels of the trail,
 * for every module, are in i18n/audit.*.json: entityTypes.*, verbs.*, fields.<EntityType>.<field>
 * (falling back to fields.shared.<field>); enum values use the app's own labels (ENUM_LABELS).
 */
export const AUDIT_ENTITY_TYPES = {
  OneStopDesk: ['create', 'rename', 'move', 'retire', 'setIdentifierCode', 'set', 'publishWeek', 'copyWeek', 'autoFill'],
  PostOffice: ['create', 'rename', 'move', 'retire'],
  Agency: ['create', 'rename', 'move', 'retire', 'setIdentifierCode'],
  AdministrativeUnit: ['create', 'rename', 'move', 'retire'],
  User: ['create', 'deactivate', 'resetPassword', 'signIn', 'signOut'],
  PilotProgramme: ['create', 'update', 'status'],
  RolloutPhase: ['create', 'replan', 'status'],
  PilotSite: ['enrol', 'update', 'move', 'readiness'],
  SteeringMeeting: ['create'],
  ActionItem: ['state'],
  PersonnelHandover: ['create', 'update', 'sign', 'effective', 'reverse'],
  FacilityHandover: ['create', 'update', 'sign', 'effective', 'reverse'],
  Staff: ['create', 'update', 'calendarFeed', 'calendarFeedRevoked'],
  StaffAssignment: ['create', 'end'],
  Qualification: ['create'],
  Absence: ['create'],
  TrainingSession: ['create'],
  ProcedureField: ['create', 'update'],
  Counter: ['create', 'update'],
  OpeningException: ['create'],
  Shift: ['create', 'move', 'cancel', 'swap'],
  CalendarAdjustment: ['create', 'update', 'delete'],
  Procedure: ['create', 'update'],
  Dossier: ['receive', 'registerOnline', 'forward', 'refuse', 'requestSupplement', 'supplementReceived', 'awaitFinancialObligation', 'financialObligationMet', 'requestWithdrawal', 'stop', 'resume', 'resultReady', 'returnResult', 'apologise', 'postalEvent', 'rate'],
  PickupAppointment: ['schedule', 'pickedUp', 'missed', 'cancel'],
  ApiClient: ['create', 'update', 'rotateSecret', 'revoke', 'issueToken'],
  WebhookEndpoint: ['create', 'update', 'rotateSecret', 'delete'],
  WebhookDelivery: ['replay'],
  AggregateFigure: ['submit', 'update', 'delete'],
  ReportTarget: ['set', 'update', 'delete'],
  OutreachActivity: ['submit', 'update', 'delete'],
  ImportJob: ['create', 'finish', 'repeat'],
} as const;

/**
 * Actions written under another record's name than their own: a desk's opening hours are set on the
 * desk, and a week of a desk's roster is published or copied on the desk.
 */
const ACTION_OF: Readonly<Record<string, string>> = {
  'OneStopDesk.set': 'openingHours.set',
  'OneStopDesk.publishWeek': 'shift.publishWeek',
  'OneStopDesk.copyWeek': 'shift.copyWeek',
  'OneStopDesk.autoFill': 'shift.autoFill',
};

export type AuditEntityType = keyof typeof AUDIT_ENTITY_TYPES;
export type AuditVerb = (typeof AUDIT_ENTITY_TYPES)[AuditEntityType][number];

export const isAuditEntityType = (value: string): value is AuditEntityType => Object.hasOwn(AUDIT_ENTITY_TYPES, value);

const VERBS: ReadonlySet<string> = new Set(Object.values(AUDIT_ENTITY_TYPES).flat());
export const isAuditVerb = (value: string): value is AuditVerb => VERBS.has(value);

/** "OneStopDesk" + "rename" → "oneStopDesk.rename". */
export function actionOf(entityType: AuditEntityType, verb: AuditVerb): string {
  return ACTION_OF[`${entityType}.${verb}`] ?? `${entityType.charAt(0).toLowerCase()}${entityType.slice(1)}.${verb}`;
}

/** Every action the trail writes, with its entity type and verb. */
export const AUDIT_ACTIONS = (Object.keys(AUDIT_ENTITY_TYPES) as AuditEntityType[]).flatMap((entityType) =>
  AUDIT_ENTITY_TYPES[entityType].map((verb: AuditVerb) => ({ entityType, verb, action: actionOf(entityType, verb) })),
);

/** The verb of an action ("oneStopDesk.rename" → "rename"), when the UI knows it. */
export function verbOf(action: string): AuditVerb | null {
  const verb = action.slice(action.lastIndexOf('.') + 1);
  return isAuditVerb(verb) ? verb : null;
}

/**
 * The labels of enum values, by field: the keys the rest of the app uses (roles.*, levels.*,
 * rollout.labels.*…). A field of one entity type first (`status` differs by record), then any.
 */
const ENUM_LABELS_OF: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Agency: { kind: 'agencyKinds' },
  PostOffice: { kind: 'postOfficeKinds' },
  PilotProgramme: { status: 'rollout.labels.programmeStatus' },
  RolloutPhase: { status: 'rollout.labels.phaseStatus' },
  PilotSite: { status: 'rollout.labels.siteStatus' },
  SteeringMeeting: { kind: 'rollout.labels.meetingKind' },
  PersonnelHandover: { status: 'rollout.labels.handoverStatus' },
  FacilityHandover: { status: 'rollout.labels.handoverStatus' },
  Staff: { status: 'staff.labels.staffStatus' },
  Absence: { kind: 'staff.labels.absenceKind' },
  Counter: { status: 'staff.labels.counterStatus' },
  Shift: { status: 'staff.labels.shiftStatus' },
  CalendarAdjustment: { kind: 'calendar.kinds' },
  Procedure: { level: 'procedures.levels', bcciMode: 'procedures.bcciModes', onlineLevel: 'procedures.onlineLevels', processingUnit: 'procedures.units' },
  Dossier: { status: 'dossiers.status', channel: 'dossiers.channel', resultDelivery: 'dossiers.delivery', fromStatus: 'dossiers.status', toStatus: 'dossiers.status', kind: 'dossiers.postalKind' },
  PickupAppointment: { status: 'dossiers.pickupStatus' },
  ApiClient: { scopes: 'administration.apiClients.scopesShort' },
  WebhookDelivery: { status: 'apiClient.deliveries.statuses', eventType: 'apiClient.deliveries.events' },
  ReportTarget: { metric: 'reports.targetMetric' },
  OutreachActivity: { kind: 'reports.outreachKind' },
  ImportJob: { kind: 'reports.imports.kinds', status: 'reports.imports.statuses' },
};
const ENUM_LABELS: Readonly<Record<string, string>> = {
  level: 'levels',
  roles: 'roles',
  handoverModel: 'rollout.labels.handoverModel',
  suspendedFrom: 'rollout.labels.siteStatus',
  state: 'rollout.labels.actionItemState',
  tasks: 'rollout.labels.handoverTask',
  committeeRole: 'rollout.labels.committeeRole',
  weekday: 'staff.labels.weekday',
};

/** The i18n prefix of a field's enum values ("rollout.labels.siteStatus"), or null for a field that holds no enum. */
export function enumLabelsOf(entityType: string, field: string): string | null {
  return ENUM_LABELS_OF[entityType]?.[field] ?? ENUM_LABELS[field] ?? null;
}

/**
 * A name the UI has no label for, made readable: "plannedEnd" → "Planned end",
 * "IN_PROGRESS" → "In progress", "rolloutPhase" → "Rollout phase". Never shown raw.
 */
export function humanise(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : name;
}

/** The actor label the demo seed writes in the histories it loads (a system actor, not a person). */
export const DEMO_SEED_LABEL = 'seed';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The admin page of an audited record, for the kinds that have one. */
export function recordHref(entityType: string, entityId: string): string | null {
  switch (entityType) {
    case 'OneStopDesk':
      return `/organisation/desks/${entityId}`;
    case 'PostOffice':
      return `/organisation/post-offices/${entityId}`;
    case 'Agency':
      return `/organisation/agencies/${entityId}`;
    case 'PilotProgramme':
      return `/rollout/programmes/${entityId}`;
    case 'RolloutPhase':
      return `/rollout/phases/${entityId}`;
    case 'PilotSite':
      return `/rollout/sites/${entityId}`;
    case 'Staff':
      return `/staff/people/${entityId}`;
    case 'TrainingSession':
      return `/staff/training/${entityId}`;
    default:
      return null;
  }
}

/** The audit trail of one record ("Lịch sử thay đổi"). */
export function historyHref(entityType: AuditEntityType, entityId: string): string {
  return `/administration/audit?${new URLSearchParams({ type: entityType, entity: entityId }).toString()}`;
}
