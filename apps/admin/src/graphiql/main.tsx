// The workers must be registered before GraphiQL (and Monaco) load.
import './monacoWorkers';
import 'graphiql/style.css';
import './vietnamese-mono.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import { GRAPHQL_PATH } from '../config';
import { SESSION_KEY } from '../features/auth/session';
import portalContract from '../../../../packages/schema/contract/portal.graphql?raw';
import trackingContract from '../../../../packages/schema/contract/tracking.graphql?raw';
import { contractTabs } from './contractTabs';

/** Plain JSON POSTs to our API: Apollo Server's CSRF prevention accepts them. */
const fetcher: GraphiQLProps['fetcher'] = async (params, opts) => {
  const response = await fetch(GRAPHQL_PATH, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      Accept: 'application/graphql-response+json, application/json',
      'Content-Type': 'application/json',
      ...opts?.headers,
    },
    body: JSON.stringify(params),
  });
  return response.json();
};

const DEFAULT_QUERY = `# One-Stop Post GraphQL API
#
# Ctrl+Enter runs the query, Ctrl+Space completes,
# the book icon on the left opens the schema docs.
# Error messages come in the language of the
# Accept-Language header (vi or en), see Headers below.

query HomeSummary {
  administrativeUnits(filter: { level: PROVINCE }, first: 100) {
    totalCount
    edges {
      node {
        id
        code
        name
      }
    }
  }
}
`;

/**
 * Opened from the admin app in the same tab, GraphiQL starts with the signed-in user's access
 * token (the admin keeps it in this tab's sessionStorage), so queries that need sign-in just run.
 */
function defaultHeaders(): string {
  const headers: Record<string, string> = { 'Accept-Language': 'vi' };
  try {
    const stored = JSON.parse(window.sessionStorage.getItem(SESSION_KEY) ?? 'null') as { token?: unknown; expiresAt?: unknown } | null;
    if (stored && typeof stored.token === 'string' && typeof stored.expiresAt === 'string' && Date.parse(stored.expiresAt) > Date.now()) {
      headers.Authorization = `Bearer ${stored.token}`;
    }
  } catch {
    // No usable session: anonymous, as for a portal developer.
  }
  return JSON.stringify(headers, null, 2);
}

/** The first tab, then the portals' contract operations as saved tabs (used while the browser has none of its own). */
const headers = defaultHeaders();
const DEFAULT_TABS = [{ query: DEFAULT_QUERY, headers }, ...contractTabs(portalContract), ...contractTabs(trackingContract)];

createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultTabs={DEFAULT_TABS} defaultHeaders={headers} />
  </StrictMode>,
);
