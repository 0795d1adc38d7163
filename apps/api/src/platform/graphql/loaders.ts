import DataLoader from 'dataloader';
import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import { jsonRowSql, recordsFromJsonRows } from '../database/rows';
import type { Actor } from './context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ByIdRequest {
  metadata: EntityMetadata;
  ids: readonly string[];
  resolve(rows: Map<string, ObjectLiteral>): void;
  reject(error: unknown): void;
}

/**
 * Per-request DataLoaders: every relation a resolver follows goes through one of these, so a page of
 * N records with nested relations costs a fixed number of statements, not N.
 */
export class Loaders {
  private readonly byIdLoaders = new Map<EntityTarget<ObjectLiteral>, DataLoader<string, ObjectLiteral | null>>();
  private readonly custom = new Map<string, DataLoader<unknown, unknown>>();
  private pendingById: ByIdRequest[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly actor: Actor,
  ) {}

  /**
   * Loads records of an entity by primary key, batched and cached for the request. Records that belong
   * to a province (a `provinceId` column) outside the actor's scope load as null, so no nested
   * relation reaches across provinces; the anonymous see none of them.
   *
   * The by-id loads of every entity asked for in the same tick (a desk's agency, unit and province)
   * go to the database in one statement (`flushById`).
   */
  byId<T extends ObjectLiteral & { id: string }>(entity: EntityTarget<T>): DataLoader<string, T | null> {
    let loader = this.byIdLoaders.get(entity);
    if (!loader) {
      const metadata = this.dataSource.getMetadata(entity);
      const provinceOwned = Boolean(metadata.findColumnWithPropertyName('provinceId'));
      loader = new DataLoader<string, ObjectLiteral | null>(async (ids) => {
        // The anonymous and portals' clients reach no province's record through a relation.
        if (provinceOwned && (this.actor.kind === 'anonymous' || this.actor.kind === 'client')) return ids.map(() => null);
        const found = await new Promise<Map<string, ObjectLiteral>>((resolve, reject) => {
          if (this.pendingById.length === 0) process.nextTick(() => this.flushById());
          this.pendingById.push({ metadata, ids, resolve, reject });
        });
        return ids.map((id) => found.get(id) ?? null);
      });
      this.byIdLoaders.set(entity, loader);
    }
    return loader as unknown as DataLoader<string, T | null>;
  }

  /** One statement for every by-id batch of the tick: a UNION ALL of one branch per entity, rows as JSON. */
  private async flushById(): Promise<void> {
    const batch = this.pendingById;
    this.pendingById = [];
    const params: unknown[] = [];
    const branches = batch.map((request, i) => {
      params.push([...new Set(request.ids)].filter((id) => UUID.test(id)));
      const table = `"${request.metadata.tablePath.replace(/"/g, '')}"`;
      let where = `t.id = ANY($${params.length}::uuid[])`;
      if (request.metadata.findColumnWithPropertyName('provinceId') && this.actor.provinceId !== null) {
        params.push(this.actor.provinceId);
        where += ` AND t.province_id = $${params.length}::uuid`;
      }
      // Each row as a compact JSON array of its columns (no key names to write, send and parse: jsonRowSql).
      return `SELECT ${i} AS b, ${jsonRowSql(this.dataSource, request.metadata.target, 't')} AS r FROM ${table} t WHERE ${where}`;
    });
    try {
      const rows: Array<{ b: number; r: unknown[] }> = await this.dataSource.query(branches.join(' UNION ALL '), params);
      const found = batch.map(() => new Map<string, ObjectLiteral>());
      const byBranch = batch.map((): unknown[][] => []);
      for (const row of rows) byBranch[row.b].push(row.r);
      batch.forEach((request, i) => {
        for (const record of recordsFromJsonRows<ObjectLiteral>(this.dataSource, request.metadata.target, byBranch[i])) found[i].set(record.id as string, record);
      });
      batch.forEach((request, i) => request.resolve(found[i]));
    } catch (error) {
      for (const request of batch) request.reject(error);
    }
  }

  /** A named loader a module defines (e.g. children of a unit); created once per request. */
  named<K, V>(name: string, batch: (keys: readonly K[]) => Promise<(V | Error)[]>, cacheKeyFn?: (key: K) => string): DataLoader<K, V> {
    let loader = this.custom.get(name);
    if (!loader) {
      loader = new DataLoader<K, V, string>(batch, cacheKeyFn ? { cacheKeyFn } : undefined) as unknown as DataLoader<unknown, unknown>;
      this.custom.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/** A loader's answer for one-to-many: the rows of each key, in the order the keys came and the rows were read. */
export function groupFor<K, T>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K): T[][] {
  const groups = new Map<K, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}
