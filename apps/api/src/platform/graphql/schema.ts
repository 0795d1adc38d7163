import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, getMetadataStorage } from 'type-graphql';
import type { Container } from '../container';
import { leanFieldResolvers } from './lean-resolvers';
import { validateArgument } from './validation';

/**
 * Builds the executable schema from the resolvers the composition root hands over. Resolvers and the services behind them
 * are created here, once, so that every service is wired (and its listeners registered) before the
 * first request.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export async function createSchema(container: Container, resolvers: readonly Function[]): Promise<GraphQLSchema> {
  for (const resolver of resolvers) container.get(resolver as never);
  plainFieldReads();
  const schema = await buildSchema({
    resolvers: [...resolvers] as never,
    container: { get: (cls) => container.get(cls as never) },
    validateFn: validateArgument,
  });
  leanFieldResolvers(schema, (cls) => container.get(cls as never));
  return schema;
}

export const SDL_HEADER = `# One-Stop Post: the published GraphQL schema.
# Generated from apps/api by \`npm run schema\`; a test fails when it drifts from the code.
# A change here is a change to the public contract: add and deprecate, do not break.
`;

/** The SDL as published in packages/schema/schema.graphql. */
export function printPublishedSchema(schema: GraphQLSchema): string {
  return `${SDL_HEADER}\n${printSchema(lexicographicSortSchema(schema))}\n`;
}

/**
 * A field without a resolver of its own is a property read: type-graphql's "simple resolvers" for every
 * object type, instead of a wrapper per field that builds the resolver data and runs an empty middleware
 * chain (12,000 calls for a page of units with their children). The product declares no field
 * middlewares or roles (authorisation lives in the services, platform/authz.ts); a field that did would
 * need its wrapper, and this refuses to start rather than drop it silently.
 */
function plainFieldReads(): void {
  for (const type of getMetadataStorage().objectTypes) {
    for (const field of type.fields ?? []) {
      if (field.middlewares?.length || field.roles?.length) throw new Error(`${type.name}.${field.schemaName} declares middlewares or roles: plain field reads would drop them`);
      if (field.name !== field.schemaName) throw new Error(`${type.name}.${field.schemaName} reads property ${field.name}: a plain read needs the same name`);
    }
    type.simpleResolvers = true;
  }
}
