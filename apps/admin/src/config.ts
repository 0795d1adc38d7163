/** Where the API serves GraphQL (same origin; the Vite dev server proxies it). */
export const GRAPHQL_PATH = '/graphql';
