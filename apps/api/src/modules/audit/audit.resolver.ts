import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { Injectable } from '../../platform/container';
import { ConnectionType, PageArgs } from '../../platform/graphql/connection';
import type { GraphQLContext } from '../../platform/graphql/context';
import { AuditEntryFilter, AuditEntryType } from './audit.inputs';
import { AuditService } from './audit.service';

export const AuditEntryConnection = ConnectionType(AuditEntryType, 'AuditEntry');

@Injectable()
@Resolver(() => AuditEntryType)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditEntryConnection, { description: 'The audit trail, newest first (STEERING_COMMITTEE and SYSTEM_ADMIN, within their province). Read-only: no operation edits it.' })
  auditEntries(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => AuditEntryFilter, { nullable: true }) filter: AuditEntryFilter | null, @Ctx() ctx: GraphQLContext) {
    return this.audit.list(ctx.actor, filter ?? {}, page);
  }
}
