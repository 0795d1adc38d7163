import type { Role } from '../../graphql/generated';
import { useSession } from './SessionContext';

/**
 * What the UI offers to whom. The API decides (and answers FORBIDDEN); this only spares people
 * buttons, links and pages that would be refused. Keep in step with the API's rules
 * (ORGANISATION_WRITERS, ROLLOUT_WRITERS, READINESS_WRITERS, HANDOVER_WRITERS, the user service's ADMINS, AUDIT_READERS).
 */
const ORGANISATION_WRITERS: readonly Role[] = ['SYSTEM_ADMIN', 'STEERING_COMMITTEE'];
/** Plans the rollout and moves sites (the API's ROLLOUT_WRITERS). */
const ROLLOUT_WRITERS: readonly Role[] = ['SYSTEM_ADMIN', 'STEERING_COMMITTEE'];
/** Ticks a site's readiness checklist (READINESS_WRITERS). */
const READINESS_WRITERS: readonly Role[] = [...ROLLOUT_WRITERS, 'POST_OFFICE_MANAGER'];
/** Records personnel and facility handovers (HANDOVER_WRITERS). */
const HANDOVER_WRITERS: readonly Role[] = [...ROLLOUT_WRITERS, 'POST_OFFICE_MANAGER'];
/** Users (Quản trị → Người dùng). */
const USER_ADMINS: readonly Role[] = ['SYSTEM_ADMIN'];
/** The audit trail (Quản trị → Nhật ký). */
const AUDIT_READERS: readonly Role[] = ['STEERING_COMMITTEE', 'SYSTEM_ADMIN'];

const holdsAny = (roles: readonly Role[] | undefined, allowed: readonly Role[]) => Boolean(roles?.some((role) => allowed.includes(role)));

export const canManageUsers = (roles: readonly Role[] | undefined) => holdsAny(roles, USER_ADMINS);
export const canReadAudit = (roles: readonly Role[] | undefined) => holdsAny(roles, AUDIT_READERS);
/** The national list of procedure fields (Quản trị → Lĩnh vực thủ tục): national administrators only (a province's get FORBIDDEN). */
export const canManageProcedureFields = (roles: readonly Role[] | undefined, national: boolean) => national && holdsAny(roles, USER_ADMINS);
/** The working-day calendar's adjustments (Quản trị → Lịch làm việc): national administrators only; everyone else reads it. */
export const canKeepWorkingCalendar = (roles: readonly Role[] | undefined, national: boolean) => national && holdsAny(roles, USER_ADMINS);
/** The administration area shows to whoever may use one of its pages. */
export const canOpenAdministration = (roles: readonly Role[] | undefined) => canManageUsers(roles) || canReadAudit(roles);

export function useCanEditOrganisation(): boolean {
  const { user } = useSession();
  return holdsAny(user?.roles, ORGANISATION_WRITERS);
}

export function useCanManageUsers(): boolean {
  return canManageUsers(useSession().user?.roles);
}

export function useCanReadAudit(): boolean {
  return canReadAudit(useSession().user?.roles);
}

export function useCanPlanRollout(): boolean {
  return holdsAny(useSession().user?.roles, ROLLOUT_WRITERS);
}

export function useCanTickReadiness(): boolean {
  return holdsAny(useSession().user?.roles, READINESS_WRITERS);
}

export function useCanRecordHandover(): boolean {
  return holdsAny(useSession().user?.roles, HANDOVER_WRITERS);
}
