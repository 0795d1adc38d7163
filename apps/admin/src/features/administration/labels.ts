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
 * `<entity type, first letter lower-cased>.<verb>` ("oneStopDesk.rename"); labels are
 * audit.entityTypes.* and audit.verbs.*.
 */
export const AUDIT_ENTITY_TYPES = {
  OneStopDesk: ['create', 'rename', 'move', 'retire'],
  PostOffice: ['create', 'rename', 'move', 'retire'],
  Agency: ['create', 'rename', 'move', 'retire'],
  AdministrativeUnit: ['create', 'rename', 'move', 'retire'],
  User: ['create', 'deactivate', 'resetPassword', 'signIn', 'signOut'],
  PilotProgramme: ['create', 'update', 'status'],
  RolloutPhase: ['create', 'replan', 'status'],
  PilotSite: ['enrol', 'update', 'move', 'readiness'],
  SteeringMeeting: ['create'],
  ActionItem: ['state'],
  PersonnelHandover: ['create', 'update', 'sign', 'effective', 'reverse'],
  FacilityHandover: ['create', 'update', 'sign', 'effective', 'reverse'],
} as const;

export type AuditEntityType = keyof typeof AUDIT_ENTITY_TYPES;
export type AuditVerb = (typeof AUDIT_ENTITY_TYPES)[AuditEntityType][number];

export const isAuditEntityType = (value: string): value is AuditEntityType => Object.hasOwn(AUDIT_ENTITY_TYPES, value);

const VERBS: ReadonlySet<string> = new Set(Object.values(AUDIT_ENTITY_TYPES).flat());
export const isAuditVerb = (value: string): value is AuditVerb => VERBS.has(value);

/** "OneStopDesk" + "rename" → "oneStopDesk.rename". */
export function actionOf(entityType: AuditEntityType, verb: AuditVerb): string {
  return `${entityType.charAt(0).toLowerCase()}${entityType.slice(1)}.${verb}`;
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
    default:
      return null;
  }
}

/** The audit trail of one record ("Lịch sử thay đổi"). */
export function historyHref(entityType: AuditEntityType, entityId: string): string {
  return `/administration/audit?${new URLSearchParams({ type: entityType, entity: entityId }).toString()}`;
}
