import { maskedCitizenId, maskedName, maskedPhone } from '../../platform/personal-data';
import { DataSource, type EntityManager } from 'typeorm';
import { requireRole, scopeProvince } from '../../platform/authz';
import { Injectable } from '../../platform/container';
import { paginate, type PageArgs } from '../../platform/graphql/connection';
import type { Actor } from '../../platform/graphql/context';
import { currentRequest } from '../../platform/request-context';
import { AuditEntry } from './audit-entry.entity';
import { AUDIT_NAMES, isUuid, keyOf, type RecordKey } from './audit-references';
import { SIGN_IN_ACTIONS } from './audit.inputs';

/** The actor label of the demo seed's records (a system actor): the trail shows it as "Dữ liệu mẫu". */
export const DEMO_SEED_LABEL = 'seed';

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
  return JSON.parse(JSON.stringify(record, (key, value) => (key in PERSONAL ? PERSONAL[key](value) : value)));
}

/**
 * Personal data and secrets never reach the trail in full: a column named here is written as its
 * mask (undefined: left out). One list for every module.
 */
const PERSONAL: Record<string, (value: unknown) => unknown> = {
  nationalId: (value) => maskedCitizenId(typeof value === 'string' ? value : null),
  applicantNationalId: (value) => maskedCitizenId(typeof value === 'string' ? value : null),
  applicantName: (value) => maskedName(typeof value === 'string' ? value : null),
  applicantPhone: (value) => maskedPhone(typeof value === 'string' ? value : null),
  applicantEmail: () => undefined,
  applicantAddress: () => undefined,
  deliveryAddress: () => undefined,
  calendarSecretHash: () => undefined,
  passwordHash: () => undefined,
  secretHash: () => undefined,
  previousSecretHash: () => undefined,
  secretCiphertext: () => undefined,
  previousSecretCiphertext: () => undefined,
};

/** Who may read the trail: the steering committee (its province) and administrators (their scope). */
export const AUDIT_READERS = ['STEERING_COMMITTEE', 'SYSTEM_ADMIN'];

export interface AuditQuery {
  entityType?: string | null;
  entityId?: string | null;
  actorId?: string | null;
  action?: string | null;
  from?: Date | null;
  to?: Date | null;
  /** false: no sign-ins and sign-outs, unless `action` names one. Default true. */
  includeSignIns?: boolean | null;
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
    if (filter.includeSignIns === false && !filter.action) qb.andWhere('a.action NOT IN (:...signIns)', { signIns: [...SIGN_IN_ACTIONS] });
    return paginate(qb, page, { expression: 'a.seq', property: 'seq', direction: 'DESC', kind: 'int' });
  }

  /**
   * The names of records the trail names by id, in one statement whatever the number of entries
   * (a UNION ALL with one branch per entity type). Records of another province than the reader's,
   * and records that are gone, have no name (null), as the loaders treat them.
   */
  async namesOf(actor: Actor, keys: readonly RecordKey[]): Promise<Array<string | null>> {
    requireRole(actor, AUDIT_READERS);
    const scope = scopeProvince(actor);
    const idsByType = new Map<string, Set<string>>();
    for (const key of keys) {
      if (!Object.hasOwn(AUDIT_NAMES, key.entityType) || !isUuid(key.id)) continue;
      const ids = idsByType.get(key.entityType) ?? new Set<string>();
      ids.add(key.id.toLowerCase());
      idsByType.set(key.entityType, ids);
    }
    const names = new Map<string, string>();
    if (idsByType.size > 0) {
      const params: unknown[] = [];
      const branches = [...idsByType].map(([entityType, ids]) => {
        const { table, name, provinceOwned } = AUDIT_NAMES[entityType];
        params.push(entityType);
        const type = `$${params.length}::text`;
        params.push([...ids]);
        let where = `t.id = ANY($${params.length}::uuid[])`;
        if (provinceOwned && scope !== null) {
          params.push(scope);
          where += provinceOwned === 'provinceIds' ? ` AND $${params.length}::uuid = ANY(t.province_ids)` : ` AND t.province_id = $${params.length}::uuid`;
        }
        return `SELECT ${type} AS type, t.id::text AS id, ${name} AS name FROM ${table} t WHERE ${where}`;
      });
      const rows: Array<{ type: string; id: string; name: string | null }> = await this.dataSource.query(branches.join(' UNION ALL '), params);
      for (const row of rows) if (row.name) names.set(keyOf({ entityType: row.type, id: row.id }), row.name);
    }
    return keys.map((key) => names.get(keyOf({ entityType: key.entityType, id: key.id.toLowerCase() })) ?? null);
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
