import type { Role } from '../../graphql/generated';
import { useSession } from '../auth/SessionContext';

/**
 * Who keeps the staff register, counters and opening hours (the API decides; this spares people
 * buttons it would refuse). Keep in step with the API's STAFF_WRITERS and STAFF_READERS
 * (apps/api/src/modules/staff/staff.service.ts): the steering committee reads only.
 */
const STAFF_WRITERS: readonly Role[] = ['SYSTEM_ADMIN', 'POST_OFFICE_MANAGER'];

const holdsAny = (roles: readonly Role[] | undefined, allowed: readonly Role[]) => Boolean(roles?.some((role) => allowed.includes(role)));

export const canManageStaff = (roles: readonly Role[] | undefined) => holdsAny(roles, STAFF_WRITERS);

export function useCanManageStaff(): boolean {
  return canManageStaff(useSession().user?.roles);
}

/** Links a user account to a person (the users list is the administrators'). */
export function useCanLinkUserAccount(): boolean {
  return holdsAny(useSession().user?.roles, ['SYSTEM_ADMIN']);
}

/** The province a provincial user works in (its code), which the pickers keep to; null for a national user. */
export function useProvinceCode(): string | null {
  const scope = useSession().user?.scope;
  return scope?.level === 'PROVINCE' ? scope.code : null;
}
