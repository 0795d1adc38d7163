import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Injectable } from '../../platform/container';
import { ConnectionType, PageArgs } from '../../platform/graphql/connection';
import type { GraphQLContext } from '../../platform/graphql/context';
import type { AuditEntry } from './audit-entry.entity';
import { keyOf, referencedRecords, type RecordKey } from './audit-references';
import { AuditActorKind, AuditEntryFilter, AuditEntryType, AuditReference } from './audit.inputs';
import { AuditService, DEMO_SEED_LABEL } from './audit.service';

export const AuditEntryConnection = ConnectionType(AuditEntryType, 'AuditEntry');

@Injectable()
@Resolver(() => AuditEntryType)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditEntryConnection, { description: 'The audit trail, newest first (STEERING_COMMITTEE and SYSTEM_ADMIN, within their province). Read-only: no operation edits it.' })
  auditEntries(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => AuditEntryFilter, { nullable: true }) filter: AuditEntryFilter | null, @Ctx() ctx: GraphQLContext) {
    return this.audit.list(ctx.actor, filter ?? {}, page);
  }

  /** Names of the records of a page's entries: one loader, one statement for the whole page. */
  private names(ctx: GraphQLContext) {
    return ctx.loaders.named<RecordKey, string | null>('audit.names', (keys) => this.audit.namesOf(ctx.actor, keys), keyOf);
  }

  @FieldResolver(() => AuditActorKind)
  actorKind(@Root() entry: AuditEntry): AuditActorKind {
    if (entry.actorKind === 'user') return AuditActorKind.USER;
    if (entry.actorKind === 'anonymous') return AuditActorKind.ANONYMOUS;
    if (entry.actorKind === 'client') return AuditActorKind.API_CLIENT;
    return entry.actorLabel === DEMO_SEED_LABEL ? AuditActorKind.DEMO_SEED : AuditActorKind.SYSTEM;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The display name of the user (or the name of the portal’s client) who wrote it (null for the system, or one the reader cannot see).' })
  actorName(@Root() entry: AuditEntry, @Ctx() ctx: GraphQLContext): Promise<string | null> | null {
    if (!entry.actorId) return null;
    if (entry.actorKind === 'user') return this.names(ctx).load({ entityType: 'User', id: entry.actorId });
    if (entry.actorKind === 'client') return this.names(ctx).load({ entityType: 'ApiClient', id: entry.actorId });
    return null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The name of the record today (null when it is gone or outside the reader’s province).' })
  entityName(@Root() entry: AuditEntry, @Ctx() ctx: GraphQLContext): Promise<string | null> {
    return this.names(ctx).load({ entityType: entry.entityType, id: entry.entityId });
  }

  @FieldResolver(() => [AuditReference], {
    description: 'The records the entry names by id (its own, and ids in `before` and `after` such as `agencyId`), with their names; those the reader cannot see are left out.',
  })
  async references(@Root() entry: AuditEntry, @Ctx() ctx: GraphQLContext): Promise<AuditReference[]> {
    const keys = referencedRecords(entry);
    const names = await this.names(ctx).loadMany(keys);
    return keys.flatMap((key, i) => {
      const name = names[i];
      return typeof name === 'string' ? [{ ...key, name }] : [];
    });
  }
}
