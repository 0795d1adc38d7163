import { Kind, type FieldNode, type OperationDefinitionNode, type GraphQLField, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';

/**
 * What the rest of the document asks below a field, for a resolver that reads a list to fetch, in the
 * same statement, what its items' field resolvers would otherwise ask for in statements of their own
 * (and prime the request's loaders with it: platform/graphql/loaders.ts). Only a shortcut: a field
 * resolver still runs for every item and answers from the loader; whatever the lookahead does not
 * recognise is simply not prefetched.
 */

function fieldsOf(set: SelectionSetNode | undefined, info: GraphQLResolveInfo, into: FieldNode[]): FieldNode[] {
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FIELD) into.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fieldsOf(selection.selectionSet, info, into);
    else fieldsOf(info.fragments[selection.name.value]?.selectionSet, info, into);
  }
  return into;
}

/** The fields selected at `path` below the resolver's field (e.g. ['edges', 'node'] of a connection), by field name. */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[]): FieldNode[] {
  let nodes: FieldNode[] = [...info.fieldNodes];
  for (const name of path) nodes = nodes.flatMap((n) => fieldsOf(n.selectionSet, info, [])).filter((f) => f.name.value === name);
  return nodes.flatMap((n) => fieldsOf(n.selectionSet, info, []));
}

/** The arguments of a selected field as its resolver will get them (defaults and variables applied); null if they cannot be read. */
export function argumentsOf(field: GraphQLField<unknown, unknown>, node: FieldNode, info: GraphQLResolveInfo): Record<string, unknown> | null {
  try {
    return getArgumentValues(field, node, info.variableValues);
  } catch {
    return null;
  }
}

const namesByOperation = new WeakMap<OperationDefinitionNode, ReadonlySet<string>>();

/**
 * Every field name the request's operation selects, at any depth and in any fragment, whatever the
 * type: a superset of what any resolver of the request can be asked for. Computed once per parsed
 * operation (the document cache hands the same operation node to every request that sends it).
 */
export function fieldNamesOf(info: GraphQLResolveInfo): ReadonlySet<string> | null {
  if (!info.operation) return null; // not known: the caller reads everything
  let names = namesByOperation.get(info.operation);
  if (!names) {
    const found = new Set<string>();
    const seen = new Set<string>();
    const walk = (set: SelectionSetNode | undefined): void => {
      for (const selection of set?.selections ?? []) {
        if (selection.kind === Kind.FIELD) {
          found.add(selection.name.value);
          walk(selection.selectionSet);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
        else if (!seen.has(selection.name.value)) {
          seen.add(selection.name.value);
          walk(info.fragments[selection.name.value]?.selectionSet);
        }
      }
    };
    walk(info.operation.selectionSet);
    names = found;
    namesByOperation.set(info.operation, names);
  }
  return names;
}
