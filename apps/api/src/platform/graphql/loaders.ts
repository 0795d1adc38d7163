import DataLoader from 'dataloader';
import { In, type DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { Actor } from './context';

/**
 * Per-request DataLoaders: every relation a resolver follows goes through one of these, so a page of
 * N records with nested relations costs a fixed number of statements, not N.
 */
export class Loaders {
  private readonly byIdLoaders = new Map<EntityTarget<ObjectLiteral>, DataLoader<string, ObjectLiteral | null>>();
  private readonly custom = new Map<string, DataLoader<unknown, unknown>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly actor: Actor,
  ) {}

  /**
   * Loads records of an entity by primary key, batched and cached for the request. Records that belong
   * to a province (a `provinceId` column) outside the actor's scope load as null, so no nested
   * relation reaches across provinces; the anonymous see none of them.
   */
  byId<T extends ObjectLiteral & { id: string }>(entity: EntityTarget<T>): DataLoader<string, T | null> {
    let loader = this.byIdLoaders.get(entity);
    if (!loader) {
      const provinceOwned = Boolean(this.dataSource.getMetadata(entity).findColumnWithPropertyName('provinceId'));
      loader = new DataLoader<string, ObjectLiteral | null>(async (ids) => {
        if (provinceOwned && this.actor.kind === 'anonymous') return ids.map(() => null);
        const where: Record<string, unknown> = { id: In([...ids]) };
        if (provinceOwned && this.actor.provinceId !== null) where.provinceId = this.actor.provinceId;
        const rows = await this.dataSource.getRepository(entity).findBy(where as never);
        const found = new Map(rows.map((r) => [r.id as string, r]));
        return ids.map((id) => found.get(id) ?? null);
      });
      this.byIdLoaders.set(entity, loader);
    }
    return loader as unknown as DataLoader<string, T | null>;
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
