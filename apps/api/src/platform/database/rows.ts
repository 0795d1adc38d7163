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
