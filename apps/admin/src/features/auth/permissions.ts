import type { Role } from '../../graphql/generated';
import { useSession } from './SessionContext';

/**
 * What the UI offers to whom. The API decides (and answers FORBIDDEN); this only spares people
 * buttons that would be refused. Keep in step with the API's rules (ORGANISATION_WRITERS).
 */
const ORGANISATION_WRITERS: readonly Role[] = ['SYSTEM_ADMIN', 'STEERING_COMMITTEE'];

export function useCanEditOrganisation(): boolean {
  const { user } = useSession();
  return Boolean(user?.roles.some((role) => ORGANISATION_WRITERS.includes(role)));
}
