import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { conflict, type Bilingual } from '../errors';

/** A record changed by someone else since the caller read it. */
export const staleVersion = (what: Bilingual) =>
  conflict({
    vi: `${what.vi.charAt(0).toUpperCase()}${what.vi.slice(1)} vừa được người khác thay đổi. Hãy tải lại và thử lại.`,
    en: `The ${what.en} was changed by someone else in the meantime. Reload it and try again.`,
  });

/**
 * Optimistic locking, explicitly: `UPDATE … SET …, version = version + 1 WHERE id = :id AND version = :version`.
 * TypeORM's @VersionColumn does not check the version on save, so this is the one way versioned rows
 * change. Two writers holding the same version: the first commits, the second updates no row and gets
 * CONFLICT (on PostgreSQL the second waits for the first's row lock, then re-checks the version).
 */
export async function updateVersioned<T extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<T>,
  id: string,
  version: number,
  patch: Partial<T>,
  what: Bilingual,
): Promise<void> {
  const result = await m
    .createQueryBuilder()
    .update(entity)
    .set({ ...patch, version: () => 'version + 1', updatedAt: () => 'now()' } as never)
    .where('id = :id AND version = :version', { id, version })
    .execute();
  if (!result.affected) throw staleVersion(what);
}
