import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { Max, Min } from 'class-validator';
import type { ObjectLiteral, QueryRunner, SelectQueryBuilder } from 'typeorm';
import { recordsFromRows } from '../database/rows';
import { badInput } from '../errors';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => Boolean) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  after?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  totalCount: number;
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

/** Declares `<Name>Connection` and `<Name>Edge` for a node type. */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => String) cursor!: string;
    @Field(() => nodeType) node!: T;
  }
  @ObjectType(`${name}Connection`, { description: `A page of ${name} records (keyset pagination).` })
  class ConnectionClass {
    @Field(() => Int, { description: 'How many records match the filter, over all pages.' }) totalCount!: number;
    @Field(() => [EdgeType]) edges!: EdgeType[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
  }
  return ConnectionClass;
}

/** A sort order: an SQL expression over the query's alias (never user input) and a direction. */
export interface SortKey {
  expression: string;
  /** The entity property that holds the expression's value, for the cursor. */
  property: string;
  direction: 'ASC' | 'DESC';
  /**
   * What the sort value is, to check a cursor's value before it reaches SQL (default `text`). A `name`
   * is ordered in Vietnamese alphabetical order: by `osp_sort_key(expression)` (platform/vietnamese-order.ts).
   */
  kind?: CursorKind;
}

export type CursorKind = 'text' | 'name' | 'int' | 'date';

/** The SQL a sort orders and compares cursors by. */
const ordered = (kind: CursorKind | undefined, sql: string) => (kind === 'name' ? `osp_sort_key(${sql})` : sql);

type CursorValue = string | number | null;

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** An edge whose cursor is encoded only if someone asks for it (a page of children rarely does). */
class KeysetEdge<T extends { id: string }> implements Edge<T> {
  constructor(
    readonly node: T,
    private readonly sortProperty: keyof T,
  ) {}

  get cursor(): string {
    return encodeCursor([(this.node[this.sortProperty] as CursorValue) ?? null, this.node.id]);
  }
}

/** Page information whose cursors, too, are encoded only if asked for (a page of children rarely is). */
class KeysetPageInfo<T extends { id: string }> implements PageInfo {
  constructor(
    private readonly edges: readonly KeysetEdge<T>[],
    readonly hasNextPage: boolean,
    readonly hasPreviousPage: boolean,
  ) {}

  get startCursor(): string | null {
    return this.edges[0]?.cursor ?? null;
  }

  get endCursor(): string | null {
    return this.edges.at(-1)?.cursor ?? null;
  }
}

function keysetConnection<T extends { id: string }>(nodes: T[], sortProperty: keyof T, totalCount: number, hasNextPage: boolean, hasPreviousPage: boolean): Connection<T> {
  const edges = nodes.map((node) => new KeysetEdge(node, sortProperty));
  return { totalCount, edges, pageInfo: new KeysetPageInfo(edges, hasNextPage, hasPreviousPage) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VALUE_CHECKS: Record<CursorKind, (v: unknown) => boolean> = {
  text: (v) => typeof v === 'string' && v.length <= 1000 && !v.includes('\0'),
  name: (v) => VALUE_CHECKS.text(v),
  int: (v) => (typeof v === 'number' && Number.isSafeInteger(v)) || (typeof v === 'string' && /^-?\d{1,18}$/.test(v)),
  date: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)),
};

/**
 * The values a cursor carries: [sort value, id]. Whatever a client sends is checked here, once for
 * every list, before it reaches SQL: the id must be a UUID and the value of the sort key's kind (or
 * null); anything else is BAD_USER_INPUT on `after`.
 */
export function decodeCursor(cursor: string, kind: CursorKind = 'text'): CursorValue[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === 2) {
      const [value, id] = values;
      if (typeof id === 'string' && UUID.test(id) && (value === null || VALUE_CHECKS[kind](value))) return values;
    }
  } catch {
    // fall through
  }
  throw badInput('after', { vi: 'Con trỏ trang không hợp lệ.', en: 'The page cursor is not valid.' });
}

/**
 * More columns for each row of a page, read by the same statement: SQL expressions over the query's
 * alias (never user input), by column name, e.g. a to-one relation as `to_jsonb` or the first page of a
 * to-many one as JSON; `each` receives every record with its row (to prime the request's loaders).
 */
export interface PageExtras<T> {
  select?: Record<string, string>;
  each?: (node: T, row: Record<string, unknown>) => void;
}

/**
 * Keyset pagination in one statement: orders by (sort key, id), reads one row more than asked to know
 * whether a next page exists, and counts the whole filtered set in an uncorrelated subquery of the same
 * statement. Rows come back as plain records of the entity (platform/database/rows.ts), without
 * TypeORM's hydration.
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  qb: SelectQueryBuilder<T>,
  args: PageArgs,
  sort: SortKey,
  extras?: PageExtras<T>,
): Promise<Connection<T>> {
  const first = Math.min(Math.max(args.first ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
  const alias = qb.alias;
  const count = qb.clone().select('COUNT(1)').orderBy();
  const page = qb.clone().select(`${alias}.*`).addSelect(`(${count.getQuery()})`, '__total');
  for (const [name, sql] of Object.entries(extras?.select ?? {})) page.addSelect(sql, name);
  if (args.after) {
    const [value, id] = decodeCursor(args.after, sort.kind);
    const op = sort.direction === 'ASC' ? '>' : '<';
    page.andWhere(`(${ordered(sort.kind, sort.expression)}, ${alias}.id) ${op} (${ordered(sort.kind, ':cursorValue')}, :cursorId)`, { cursorValue: value, cursorId: id });
  }
  page.orderBy(ordered(sort.kind, sort.expression), sort.direction).addOrderBy(`${alias}.id`, sort.direction).limit(first + 1);
  const [sql, params] = page.getQueryAndParameters();
  // Inside a transaction, on the transaction's own connection (the embedded database has only one).
  const rows: Array<Record<string, unknown>> = await ((qb as unknown as { queryRunner?: QueryRunner }).queryRunner ?? qb.connection).query(sql, params);
  // Past the last page no row carries the total: count on its own then (the rare case).
  const totalCount = rows.length ? Number(rows[0].__total) : args.after ? await qb.clone().getCount() : 0;
  const shown = rows.slice(0, first);
  const nodes = recordsFromRows<T>(qb.connection, qb.expressionMap.mainAlias!.target, shown);
  if (extras?.each) for (let i = 0; i < nodes.length; i++) extras.each(nodes[i], shown[i]);
  return keysetConnection(nodes, sort.property as keyof T, totalCount, rows.length > first, Boolean(args.after));
}

/** Builds a connection from rows already read (first + 1 of them) and a known total. */
export function connectionFrom<T extends { id: string }>(rows: T[], first: number, totalCount: number, sortProperty: keyof T): Connection<T> {
  return keysetConnection(rows.slice(0, first), sortProperty, totalCount, rows.length > first, false);
}
