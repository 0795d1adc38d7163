import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { Loaders } from './loaders';

/**
 * Look-ahead for list pages: the records a page's nodes point to by id (a desk's agency, unit and
 * province; a unit's parent), when the query asks for them, are read in the page's own statement and
 * handed to the request's by-id loaders, so the field resolvers that load them find them there. A
 * page of desks with their agency, unit and province is one statement, not two.
 *
 * A module declares each such relation once, next to its field resolver (`byIdRelation`); a list
 * resolver passes `lookAhead(ctx, info)` down to `paginate`. Nothing else changes: the field resolver
 * still loads through `ctx.loaders.byId`, which applies the same province scope to what it reads.
 */

interface ByIdRelation {
  field: string;
  target: EntityTarget<ObjectLiteral>;
  foreignKey: string;
}

const relations = new Map<unknown, ByIdRelation[]>();

/** Declares that GraphQL field `field` of `source` is the `target` record whose id `source` holds in `foreignKey`. */
export function byIdRelation<S>(source: abstract new () => S, field: string, target: EntityTarget<ObjectLiteral>, foreignKey: keyof S & string): void {
  const list = relations.get(source) ?? [];
  list.push({ field, target, foreignKey });
  relations.set(source, list);
}

/** The declared relations of an entity class (its own and its base classes'). */
export function byIdRelationsOf(source: unknown): ByIdRelation[] {
  const found: ByIdRelation[] = [];
  for (let c = source; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) found.push(...(relations.get(c) ?? []));
  return found;
}

/** What a list passes to `paginate`: the request's loaders and the fields asked for on each node. */
export interface LookAhead {
  loaders: Loaders;
  nodeFields: ReadonlySet<string>;
}

export function lookAhead(ctx: { loaders: Loaders }, info: GraphQLResolveInfo): LookAhead {
  return { loaders: ctx.loaders, nodeFields: selectedFields(info, ['edges', 'node']) };
}

/** The names of the fields selected below a path of the current field (fragments included; @skip/@include not evaluated). */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  const fieldsOf = (sets: readonly SelectionSetNode[]): FieldNode[] => {
    const out: FieldNode[] = [];
    const visit = (set: SelectionSetNode) => {
      for (const selection of set.selections) {
        if (selection.kind === 'Field') out.push(selection);
        else if (selection.kind === 'InlineFragment') visit(selection.selectionSet);
        else {
          const fragment = info.fragments[selection.name.value];
          if (fragment) visit(fragment.selectionSet);
        }
      }
    };
    sets.forEach(visit);
    return out;
  };
  let sets = info.fieldNodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
  for (const name of path) {
    sets = fieldsOf(sets)
      .filter((f) => f.name.value === name)
      .flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
  }
  return new Set(fieldsOf(sets).map((f) => f.name.value));
}
