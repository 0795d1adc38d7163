import type { Role } from '../../graphql/generated';
import { useSession } from '../auth/SessionContext';

/**
 * Who does what with rosters (the API decides; this spares people buttons that would be refused).
 * Keep in step with the API's STAFF_WRITERS and STAFF_READERS (apps/api/src/modules/staff/staff.service.ts).
 */
const ROSTER_WRITERS: readonly Role[] = ['SYSTEM_ADMIN', 'POST_OFFICE_MANAGER'];
const ROSTER_READERS: readonly Role[] = [...ROSTER_WRITERS, 'STEERING_COMMITTEE'];

const holdsAny = (roles: readonly Role[] | undefined, allowed: readonly Role[]) => Boolean(roles?.some((role) => allowed.includes(role)));

export const canReadRosters = (roles: readonly Role[] | undefined) => holdsAny(roles, ROSTER_READERS);
export const canWriteRosters = (roles: readonly Role[] | undefined) => holdsAny(roles, ROSTER_WRITERS);

export function useRosterAccess() {
  const { user } = useSession();
  return { read: canReadRosters(user?.roles), write: canWriteRosters(user?.roles) };
}
