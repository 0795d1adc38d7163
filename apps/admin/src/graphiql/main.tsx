// The workers must be registered before GraphiQL (and Monaco) load.
import './monacoWorkers';
import 'graphiql/style.css';
import './vietnamese-mono.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import { GRAPHQL_PATH } from '../config';

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

createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} defaultHeaders={'{\n  "Accept-Language": "vi"\n}'} />
  </StrictMode>,
);
