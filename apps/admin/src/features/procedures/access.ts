import { useSession } from '../auth/SessionContext';

/**
 * Who keeps the catalogue (the API's CATALOGUE_WRITERS): a province's administrators, for their own
 * province. Everyone signed in reads it. A national administrator reads every province's list here;
 * the page offers no editing to them, as a write must name the province and the list shown mixes them.
 */
export function useCanKeepCatalogue(): boolean {
  const { user } = useSession();
  return Boolean(user?.roles.includes('SYSTEM_ADMIN') && user.scope);
}
