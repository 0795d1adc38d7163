import { gql, type TypedDocumentNode } from '@apollo/client';

// Hand-written result types until graphql-codegen generates them from packages/schema.
export interface HomeSummaryQuery {
  administrativeUnits: {
    totalCount: number;
    edges: Array<{ node: { id: string; code: string; name: string } }>;
  };
}

export type HomeSummaryQueryVariables = Record<string, never>;

/** The provinces in force today (the API's default `asOf`). */
export const HOME_SUMMARY: TypedDocumentNode<HomeSummaryQuery, HomeSummaryQueryVariables> = gql`
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
