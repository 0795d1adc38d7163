import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import type { Container } from '../container';
import { validateArgument } from './validation';

/**
 * Builds the executable schema from the resolvers the composition root hands over. Resolvers and the services behind them
 * are created here, once, so that every service is wired (and its listeners registered) before the
 * first request.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export async function createSchema(container: Container, resolvers: readonly Function[]): Promise<GraphQLSchema> {
  for (const resolver of resolvers) container.get(resolver as never);
  return buildSchema({
    resolvers: [...resolvers] as never,
    container: { get: (cls) => container.get(cls as never) },
    validateFn: validateArgument,
  });
}

export const SDL_HEADER = `# One-Stop Post: the published GraphQL schema.
# Generated from apps/api by \`npm run schema\`; a test fails when it drifts from the code.
# A change here is a change to the public contract: add and deprecate, do not break.
`;

/** The SDL as published in packages/schema/schema.graphql. */
export function printPublishedSchema(schema: GraphQLSchema): string {
  return `${SDL_HEADER}\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
