import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * The lean read path: rows read with plain SQL become records of the entity's class without
 * TypeORM's query building and hydration (a fifth of the CPU of a list page in the profile of the
 * outside review). A record is the entity's prototype with its column properties set, so type-graphql
 * field resolvers and getters work on it as on an entity TypeORM loaded.
 */

type Convert = (value: unknown) => unknown;

interface ColumnPlan {
  property: string;
  column: string;
  /** What TypeORM's driver does to a value node-postgres parsed (enum arrays, transformers, …); null: nothing. */
  fromDriver: Convert | null;
  fromJson: Convert | null;
}

const plans = new WeakMap<EntityMetadata, ColumnPlan[]>();

const toDate: Convert = (v) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(v as string));
const toText: Convert = (v) => (v === null || v === undefined ? null : String(v));

function planOf(dataSource: DataSource, metadata: EntityMetadata): ColumnPlan[] {
  let plan = plans.get(metadata);
  if (!plan) {
    const driver = dataSource.driver;
    plan = metadata.columns.map((c) => {
      const type = String(typeof c.type === 'function' ? c.type.name : c.type).toLowerCase();
      const transformer = c.transformer && !Array.isArray(c.transformer) ? c.transformer : null;
      const transform: Convert | null = transformer ? (v) => transformer.from(v) : null;
      // to_jsonb writes timestamps as ISO text, bigint/numeric as JSON numbers and arrays as JSON
      // arrays; node-postgres gives Date objects, strings and (for enum arrays) '{A,B}' text.
      let json: Convert | null = null;
      if (/timestamp|datetime/.test(type) || c.isCreateDate || c.isUpdateDate) json = toDate;
      else if (/bigint|int8|numeric|decimal/.test(type)) json = toText;
      const fromJson = json && transform ? (v: unknown) => transform(json!(v)) : (json ?? transform);
      // node-postgres already gives what the entity holds for text, uuid, numbers, booleans, json and
      // timestamps (and DATE stays text: data-source.ts); TypeORM's driver only has work to do for enum
      // arrays ('{A,B}' text), its simple-* and exotic types, and transformers.
      const driverWork = Boolean(transformer) || (c.isArray && /enum/.test(type)) || /simple-|hstore|cube|vector|^time$/.test(type);
      return { property: c.propertyName, column: c.databaseName, fromDriver: driverWork ? (v) => driver.prepareHydratedValue(v, c) : null, fromJson };
    });
    plans.set(metadata, plan);
  }
  return plan;
}

function build<T>(dataSource: DataSource, metadata: EntityMetadata, row: Record<string, unknown>, json: boolean): T {
  const record = Object.create((metadata.target as { prototype: object }).prototype) as Record<string, unknown>;
  for (const c of planOf(dataSource, metadata)) {
    const value = row[c.column] ?? null;
    const convert = json ? c.fromJson : c.fromDriver;
    record[c.property] = convert ? convert(value) : value;
  }
  return record as T;
}

/** Records from rows whose keys are the table's column names, as node-postgres parsed them (`SELECT t.*`). */
export function recordsFromRows<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, rows: readonly Record<string, unknown>[]): T[] {
  const metadata = dataSource.getMetadata(entity);
  return rows.map((row) => build<T>(dataSource, metadata, row, false));
}

/** A record from a row serialised by `to_jsonb(t)` (used to read several tables in one statement). */
export function recordFromJson<T extends ObjectLiteral>(dataSource: DataSource, metadata: EntityMetadata, row: Record<string, unknown>): T {
  return build<T>(dataSource, metadata, row, true);
}

/** Records from rows serialised as JSON by PostgreSQL (`to_jsonb(t)`, `json_agg(t)`): many records in one value. */
export function recordsFromJson<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, rows: readonly Record<string, unknown>[]): T[] {
  const metadata = dataSource.getMetadata(entity);
  return rows.map((row) => build<T>(dataSource, metadata, row, true));
}

/**
 * Compact JSON rows, for a statement that reads many records of a table as one JSON value (a page of
 * children per parent, say): `json_build_array(t.a, t.b, …)` writes each record as an array of its
 * column values, without the column names `to_jsonb(t)` repeats in every record (a third of the bytes
 * PostgreSQL writes and node-postgres parses for a unit). `omit` leaves columns out: the creation and
 * change timestamps that nothing of the request reads (see `unaskedTimestamps`); their properties stay
 * unset on the records. `jsonRowSql` and `recordsFromJsonRows` must get the same `omit`.
 */
export function jsonRowSql(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>, alias: string, omit: ReadonlySet<string> = NONE): string {
  const plan = planOf(dataSource, dataSource.getMetadata(entity)).filter((c) => !omit.has(c.column));
  return `json_build_array(${plan.map((c) => `${alias}.${c.column}`).join(', ')})`;
}

/** Records from the arrays `jsonRowSql` wrote, with the same `omit`. */
export function recordsFromJsonRows<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, rows: readonly unknown[][], omit: ReadonlySet<string> = NONE): T[] {
  const metadata = dataSource.getMetadata(entity);
  const plan = planOf(dataSource, metadata).filter((c) => !omit.has(c.column));
  const prototype = (metadata.target as { prototype: object }).prototype;
  return rows.map((row) => {
    const record = Object.create(prototype) as Record<string, unknown>;
    for (let i = 0; i < plan.length; i++) {
      const value = row[i] ?? null;
      const convert = plan[i].fromJson;
      record[plan[i].property] = convert ? convert(value) : value;
    }
    return record as T;
  });
}

const NONE: ReadonlySet<string> = new Set();

/**
 * The creation and change timestamp columns of an entity (`@CreateDateColumn`, `@UpdateDateColumn`)
 * whose GraphQL fields (`createdAt`, `updatedAt`) `asked` does not hold: what a read of many records may
 * leave out (parsing two timestamps into Date objects per record was a tenth of a units page's CPU).
 * `asked` is every field name the operation selects anywhere (`fieldNamesOf` in graphql/lookahead.ts),
 * so a timestamp any part of the request could read is always there; null (not known): nothing is left out.
 */
export function unaskedTimestamps(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>, asked: ReadonlySet<string> | null): ReadonlySet<string> {
  const omit = new Set<string>();
  if (!asked) return omit;
  for (const c of dataSource.getMetadata(entity).columns) {
    if ((c.isCreateDate || c.isUpdateDate) && !asked.has(c.propertyName)) omit.add(c.databaseName);
  }
  return omit;
}
