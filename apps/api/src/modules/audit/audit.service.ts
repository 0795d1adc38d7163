import type { EntityManager } from 'typeorm';
import { Injectable } from '../../platform/container';
import type { Actor } from '../../platform/graphql/context';
import { currentRequest } from '../../platform/request-context';
import { AuditEntry } from './audit-entry.entity';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string;
  before?: object | null;
  after?: object | null;
}

/** Plain JSON of a record's own columns, for the before/after of an audit entry. */
export function snapshot(record: object | null | undefined): Record<string, unknown> | null {
  if (!record) return null;
  return JSON.parse(JSON.stringify(record));
}

@Injectable()
export class AuditService {
  /** Writes the entry with the caller's transaction manager: it commits or rolls back with the change. */
  async record(manager: EntityManager, actor: Actor, entry: AuditRecord): Promise<void> {
    const request = currentRequest();
    const row: Partial<AuditEntry> = {
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      actorKind: actor.kind,
      actorId: actor.id,
      actorLabel: actor.label,
      before: snapshot(entry.before),
      after: snapshot(entry.after),
      requestId: request?.requestId ?? null,
      ip: request?.ip ?? null,
    };
    await manager.insert(AuditEntry, row as never);
  }
}
