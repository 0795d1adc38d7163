import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Injectable } from '../../platform/container';
import { ConnectionType, PageArgs } from '../../platform/graphql/connection';
import type { GraphQLContext } from '../../platform/graphql/context';
import { AdministrativeUnit } from '../administrative-units/administrative-unit.entity';
import { Agency } from '../agencies/agency.entity';
import { ApiClient, ApiClientUsageDay, MAX_USAGE_DAYS } from './api-client.entity';
import {
  ApiClientFilter,
  ApiClientPayload,
  ApiClientSecretPayload,
  ClientToken,
  CreateApiClientInput,
  IssueClientTokenInput,
  RevokeApiClientInput,
  RotateApiClientSecretInput,
  UpdateApiClientInput,
} from './api-client.inputs';
import { ApiClientService } from './api-client.service';

export const ApiClientConnection = ConnectionType(ApiClient, 'ApiClient');

@Injectable()
@Resolver(() => ApiClient)
export class ApiClientResolver {
  constructor(private readonly clients: ApiClientService) {}

  @Query(() => ApiClientConnection, { description: 'Portals’ API clients acting for your province (all for a national administrator), by name (SYSTEM_ADMIN).' })
  apiClients(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => ApiClientFilter, { nullable: true }) filter: ApiClientFilter | null, @Ctx() ctx: GraphQLContext) {
    return this.clients.list(ctx.actor, filter ?? {}, page);
  }

  @Query(() => ApiClient, { nullable: true })
  apiClient(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return this.clients.find(ctx.actor, id);
  }

  @Mutation(() => ApiClientSecretPayload, { description: 'Registers a portal’s client (a province’s administrators, for their province). The secret is in the answer, this once.' })
  createApiClient(@Arg('input', () => CreateApiClientInput) input: CreateApiClientInput, @Ctx() ctx: GraphQLContext) {
    return this.clients.create(ctx.actor, input);
  }

  @Mutation(() => ApiClientPayload, { description: 'Changes a client’s name, owner, contact, provinces, agencies, scopes or limits (the fields given).' })
  async updateApiClient(@Arg('input', () => UpdateApiClientInput) input: UpdateApiClientInput, @Ctx() ctx: GraphQLContext) {
    return { apiClient: await this.clients.update(ctx.actor, input) };
  }

  @Mutation(() => ApiClientSecretPayload, { description: 'A new secret, in the answer this once; the previous secret is still accepted for 24 hours, then no more.' })
  rotateApiClientSecret(@Arg('input', () => RotateApiClientSecretInput) input: RotateApiClientSecretInput, @Ctx() ctx: GraphQLContext) {
    return this.clients.rotate(ctx.actor, input);
  }

  @Mutation(() => ApiClientPayload, { description: 'Revokes a client at once: it gets no new token and the tokens it holds are refused from now on. Final.' })
  async revokeApiClient(@Arg('input', () => RevokeApiClientInput) input: RevokeApiClientInput, @Ctx() ctx: GraphQLContext) {
    return { apiClient: await this.clients.revoke(ctx.actor, input) };
  }

  @Mutation(() => ClientToken, {
    description: 'A portal’s credentials for a token of at most one hour carrying its scopes. A wrong id or secret, or a revoked client: UNAUTHENTICATED (without saying which of id and secret); repeated failures: TOO_MANY_REQUESTS.',
  })
  issueClientToken(@Arg('input', () => IssueClientTokenInput) input: IssueClientTokenInput, @Ctx() ctx: GraphQLContext) {
    return this.clients.issueToken(input, ctx.ip);
  }

  @FieldResolver(() => [ApiClientUsageDay], {
    description: `Its usage over the last \`days\` days (Vietnam dates, today included; 1 to ${MAX_USAGE_DAYS}), oldest first, every day present (zeros when nothing happened). Read by whoever may read the client.`,
  })
  async usage(@Root() c: ApiClient, @Arg('days', () => Int, { defaultValue: 30 }) days: number, @Ctx() ctx: GraphQLContext): Promise<ApiClientUsageDay[]> {
    const loader = ctx.loaders.named<ApiClient, ApiClientUsageDay[]>(
      `apiClient.usage.${days}`,
      async (clients) => {
        const byId = await this.clients.usage(ctx.actor, clients, days);
        return clients.map((client) => byId.get(client.id) ?? []);
      },
      (client) => client.id,
    );
    return loader.load(c);
  }

  @FieldResolver(() => [AdministrativeUnit], { description: 'The provinces it acts for.' })
  async provinces(@Root() c: ApiClient, @Ctx() ctx: GraphQLContext) {
    const units = await ctx.loaders.byId(AdministrativeUnit).loadMany(c.provinceIds);
    return units.filter((u): u is AdministrativeUnit => u !== null && !(u instanceof Error));
  }

  @FieldResolver(() => [Agency], { description: 'The agencies it acts for, when restricted to some (those outside your province left out).' })
  async agencies(@Root() c: ApiClient, @Ctx() ctx: GraphQLContext) {
    const agencies = await ctx.loaders.byId(Agency).loadMany(c.agencyIds);
    return agencies.filter((a): a is Agency => a !== null && !(a instanceof Error));
  }
}
