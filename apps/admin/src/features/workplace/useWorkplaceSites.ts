import { useEffect, useState } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { AgencySitesDocument, DeskSiteDocument, PostOfficeSitesDocument, type PostOfficeSitesQuery, type WorkplaceSiteFragment } from '../../graphql/generated';

/** The record the sites hang on. */
export type Workplace = { kind: 'desk' | 'agency' | 'postOffice'; id: string };

export interface WorkplaceSites {
  sites: WorkplaceSiteFragment[];
  loading: boolean;
  error: unknown;
}

/**
 * The pilot sites that hang on a desk (its active site), an agency (the active sites of its desks) or a
 * post office (the sites it partners, itself or through a post office reporting to it).
 */
export function useWorkplaceSites(workplace: Workplace | null): WorkplaceSites {
  const desk = useQuery(DeskSiteDocument, { variables: { id: workplace?.id ?? '' }, skip: workplace?.kind !== 'desk' });
  const agency = useQuery(AgencySitesDocument, { variables: { agencyId: workplace?.id ?? '' }, skip: workplace?.kind !== 'agency' });
  const office = usePostOfficeSites(workplace?.kind === 'postOffice' ? workplace.id : null);
  if (workplace?.kind === 'desk') {
    const site = desk.data?.oneStopDesk?.activePilotSite;
    return { sites: site ? [site] : [], loading: desk.loading, error: desk.error };
  }
  if (workplace?.kind === 'agency') {
    const sites = (agency.data?.oneStopDesks.edges ?? []).flatMap(({ node }) => (node.activePilotSite ? [node.activePilotSite] : []));
    return { sites, loading: agency.loading, error: agency.error };
  }
  if (workplace?.kind === 'postOffice') return office;
  return { sites: [], loading: false, error: undefined };
}

/**
 * The sites a post office serves (the API's `postOfficeId` filter: its own and those of the post offices
 * reporting to it), every page of them: a provincial post office answers for the whole province's network.
 */
function usePostOfficeSites(postOfficeId: string | null): WorkplaceSites {
  const client = useApolloClient();
  const [state, setState] = useState<WorkplaceSites>({ sites: [], loading: Boolean(postOfficeId), error: undefined });
  useEffect(() => {
    if (!postOfficeId) return;
    let cancelled = false;
    setState({ sites: [], loading: true, error: undefined });
    (async () => {
      const sites: WorkplaceSiteFragment[] = [];
      let after: string | null = null;
      for (let page = 0; page < 20; page += 1) {
        const { data }: { data?: PostOfficeSitesQuery } = await client.query({ query: PostOfficeSitesDocument, variables: { postOfficeId, after } });
        if (!data) break;
        sites.push(...data.pilotSites.edges.map(({ node }) => node));
        if (!data.pilotSites.pageInfo.hasNextPage) break;
        after = data.pilotSites.pageInfo.endCursor ?? null;
      }
      if (!cancelled) setState({ sites, loading: false, error: undefined });
    })().catch((error: unknown) => {
      if (!cancelled) setState({ sites: [], loading: false, error });
    });
    return () => {
      cancelled = true;
    };
  }, [client, postOfficeId]);
  return state;
}
