import { DataSource, type EntityManager } from 'typeorm';
import { requireRole, scopeProvince } from '../../platform/authz';
import { Injectable } from '../../platform/container';
import { paginate, type PageArgs } from '../../platform/graphql/connection';
import type { Actor } from '../../platform/graphql/context';
import { currentRequest } from '../../platform/request-context';
import { AuditEntry } from './audit-entry.entity';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string;
  before?: object | null;
  after?: object | null;
  /** The province the record belongs to (null: national), for scoping the trail. */
  provinceId?: string | null;
}

/** Plain JSON of a record's own columns, for the before/after of an audit entry. */
export function snapshot(record: object | null | undefined): Record<string, unknown> | null {
  if (!record) return null;
  return JSON.parse(JSON.stringify(record));
}

/** Who may read the trail: the steering committee (its province) and administrators (their scope). */
export const AUDIT_READERS = ['STEERING_COMMITTEE', 'SYSTEM_ADMIN'];

export interface AuditQuery {
  entityType?: string | null;
  entityId?: string | null;
  actorId?: string | null;
  action?: string | null;
  from?: Date | null;
  to?: Date | null;
}

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /** The trail, newest first, confined to the reader's province. */
  list(actor: Actor, filter: AuditQuery, page: PageArgs) {
    requireRole(actor, AUDIT_READERS);
    const qb = this.dataSource.getRepository(AuditEntry).createQueryBuilder('a');
    const scope = scopeProvince(actor);
    if (scope) qb.andWhere('a.province_id = :scope', { scope });
    if (filter.entityType) qb.andWhere('a.entity_type = :entityType', { entityType: filter.entityType });
    if (filter.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: filter.entityId });
    if (filter.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.action) qb.andWhere('a.action = :action', { action: filter.action });
    if (filter.from) qb.andWhere('a.occurred_at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('a.occurred_at < :to', { to: filter.to });
    return paginate(qb, page, { expression: 'a.seq', property: 'seq', direction: 'DESC', kind: 'int' });
  }

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
      provinceId: entry.provinceId ?? null,
      requestId: request?.requestId ?? null,
      ip: request?.ip ?? null,
    };
    await manager.insert(AuditEntry, row as never);
  }
}
