import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { AppError, type FieldProblem } from '../errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './connection';

/**
 * What one GraphQL document may ask for. Checked after parsing and validation and before any
 * resolver runs (see `analyseOperation`), for every caller; the parser itself stops at `maxTokens`.
 */
export interface QueryLimits {
  /** Nesting of selection sets (a connection adds two levels: `edges { node { … } }`). */
  maxDepth: number;
  /** Aliased fields in the operation, fragments expanded. */
  maxAliases: number;
  /** Directives in the operation, fragments expanded. */
  maxDirectives: number;
  /** Lexical tokens in the document (Apollo's parser option `maxTokens`). */
  maxTokens: number;
  /** Objects the operation may return at most: see `analyseOperation`. */
  maxCost: number;
}

export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 30, maxDirectives: 20, maxTokens: 5000, maxCost: 20_000 };
/**
 * A portal's client (a client token): stricter. Every persisted operation passes with its largest page
 * (test/portal-limits.test.ts checks it); a client cannot send anything else anyway, but these bound
 * what variables can make of one (e.g. `first: 100`), and hold should the allow-list be switched off.
 */
export const CLIENT_LIMITS: QueryLimits = { maxDepth: 8, maxAliases: 5, maxDirectives: 5, maxTokens: DEFAULT_LIMITS.maxTokens, maxCost: 2_500 };

/** A plain list (not a connection) counts as this many elements in the cost. */
export const LIST_COST_FACTOR = 10;
/** Fields visited while analysing; past it the document is refused (nested fragment spreads multiply). */
const MAX_VISITS = 20_000;

export interface OperationAnalysis {
  depth: number;
  aliases: number;
  directives: number;
  cost: number;
}

type Variables = Record<string, unknown> | undefined;

export const tooComplex = (what: string, found: number, limit: number) =>
  new AppError(
    'QUERY_TOO_COMPLEX',
    {
      vi: `Truy vấn quá phức tạp: ${labelsVi[what] ?? what} là ${found}, vượt giới hạn ${limit}.`,
      en: `The query is too complex: its ${what} is ${found}, over the limit of ${limit}.`,
    },
    [],
    { limit: what, found, max: limit },
  ).withHttp(400);

const labelsVi: Record<string, string> = {
  depth: 'độ sâu',
  aliases: 'số bí danh',
  directives: 'số chỉ thị',
  cost: 'chi phí',
  tokens: 'số token',
  fields: 'số trường cần phân tích',
};

const NUL_IN_STRING = { vi: 'Không được chứa ký tự NUL (\\u0000).', en: 'Must not contain a NUL character (\\u0000).' };

/**
 * Measures an operation before it runs and refuses it (QUERY_TOO_COMPLEX, or BAD_USER_INPUT for a NUL
 * character in any string argument) when it is over a limit.
 *
 * The cost is the number of objects the operation can return: every field of an object type counts
 * once for each time its parent can occur, and a field with a `first` argument multiplies what lies
 * below it by that page size (the variable's value, else the argument's default), a plain list by
 * `LIST_COST_FACTOR`. `units(first: 100) { edges { node { children(first: 100) { … } } } }` costs
 * 1 + 100 + 100 × (1 + 100) …, so an amplification query is refused before it touches the database.
 */
export function analyseOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables,
  limits: QueryLimits,
): OperationAnalysis {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const root = schema.getRootType(operation.operation);
  if (!root) return { depth: 0, aliases: 0, directives: 0, cost: 0 };

  const result: OperationAnalysis = { depth: 0, aliases: 0, directives: (operation.directives ?? []).length, cost: 0 };
  const nulFields: FieldProblem[] = [];
  let visits = 0;

  const check = () => {
    if (result.depth > limits.maxDepth) throw tooComplex('depth', result.depth, limits.maxDepth);
    if (result.aliases > limits.maxAliases) throw tooComplex('aliases', result.aliases, limits.maxAliases);
    if (result.directives > limits.maxDirectives) throw tooComplex('directives', result.directives, limits.maxDirectives);
    if (result.cost > limits.maxCost) throw tooComplex('cost', result.cost, limits.maxCost);
    if (visits > MAX_VISITS) throw tooComplex('fields', visits, MAX_VISITS);
  };

  const walk = (parent: GraphQLCompositeType, selectionSet: SelectionSetNode, multiplier: number, depth: number) => {
    for (const selection of selectionSet.selections) {
      result.directives += selection.directives?.length ?? 0;
      if (selection.kind === Kind.FIELD) {
        visits++;
        if (selection.alias) result.aliases++;
        const field = fieldOf(parent, selection.name.value);
        for (const arg of selection.arguments ?? []) findNul(arg.value, arg.name.value, variables, nulFields);
        if (field && selection.selectionSet) {
          const type = field.type;
          const named = getNamedType(type);
          result.cost += multiplier;
          result.depth = Math.max(result.depth, depth + 1);
          check();
          if (isCompositeType(named)) walk(named, selection.selectionSet, multiplier * factorOf(field, parent, selection.arguments ?? [], variables), depth + 1);
        } else {
          check();
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        walk(isCompositeType(on) ? on : parent, selection.selectionSet, multiplier, depth);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment) continue;
        result.directives += fragment.directives?.length ?? 0;
        const on = schema.getType(fragment.typeCondition.name.value);
        walk(isCompositeType(on) ? on : parent, fragment.selectionSet, multiplier, depth);
      }
    }
  };
  walk(root, operation.selectionSet, 1, 0);
  check();
  if (nulFields.length) {
    throw new AppError('BAD_USER_INPUT', { vi: 'Dữ liệu nhập không hợp lệ.', en: 'The input is not valid.' }, nulFields).withHttp(400);
  }
  return result;
}

function fieldOf(parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (isObjectType(parent) || isInterfaceType(parent)) return parent.getFields()[name];
  return undefined; // a union has only __typename directly
}

/** How many times what is below this field can occur per occurrence of the field. */
function factorOf(
  field: GraphQLField<unknown, unknown>,
  parent: GraphQLCompositeType,
  args: readonly { name: { value: string }; value: ValueNode }[],
  variables: Variables,
): number {
  const firstDef = field.args.find((a) => a.name === 'first');
  if (firstDef) {
    const given = args.find((a) => a.name.value === 'first');
    const raw = given ? valueOf(given.value, variables) : firstDef.defaultValue;
    const n = typeof raw === 'number' && Number.isFinite(raw) ? raw : typeof firstDef.defaultValue === 'number' ? firstDef.defaultValue : DEFAULT_PAGE_SIZE;
    return Math.min(Math.max(Math.trunc(n), 1), MAX_PAGE_SIZE);
  }
  // A connection's `edges` list is the page its field already counted.
  if (isListType(getNullableType(field.type))) return parent.name.endsWith('Connection') ? 1 : LIST_COST_FACTOR;
  return 1;
}

function valueOf(node: ValueNode, variables: Variables): unknown {
  if (node.kind === Kind.VARIABLE) return variables?.[node.name.value];
  if (node.kind === Kind.INT) return Number(node.value);
  return undefined;
}

/** Collects every string reachable from an argument (literal or variable) that holds a NUL character. */
function findNul(node: ValueNode, path: string, variables: Variables, out: FieldProblem[]): void {
  switch (node.kind) {
    case Kind.STRING:
      if (node.value.includes('\0')) out.push({ field: path, message: NUL_IN_STRING });
      return;
    case Kind.LIST:
      node.values.forEach((v, i) => findNul(v, `${path}.${i}`, variables, out));
      return;
    case Kind.OBJECT:
      for (const f of node.fields) findNul(f.value, `${path}.${f.name.value}`, variables, out);
      return;
    case Kind.VARIABLE:
      findNulInValue(variables?.[node.name.value], path, out);
      return;
    default:
      return;
  }
}

function findNulInValue(value: unknown, path: string, out: FieldProblem[], depth = 0): void {
  if (depth > 32) return;
  if (typeof value === 'string') {
    if (value.includes('\0')) out.push({ field: path, message: NUL_IN_STRING });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => findNulInValue(v, `${path}.${i}`, out, depth + 1));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) findNulInValue(v, `${path}.${k}`, out, depth + 1);
  }
}
