import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Injectable } from '../../platform/container';
import { PageArgs } from '../../platform/graphql/connection';
import type { GraphQLContext } from '../../platform/graphql/context';
import { ApiClient } from '../api-clients/api-client.entity';
import { WebhookAttempt, WebhookDelivery, WebhookEndpoint } from './webhook.entity';
import {
  CreateWebhookEndpointInput,
  DeleteWebhookEndpointPayload,
  ReplayWebhookDeliveryInput,
  UpdateWebhookEndpointInput,
  WebhookDeliveryConnection,
  WebhookDeliveryFilter,
  WebhookDeliveryPayload,
  WebhookEndpointIdInput,
  WebhookEndpointPayload,
  WebhookEndpointSecretPayload,
} from './webhook.inputs';
import { WebhookService } from './webhook.service';

const WHO = 'Administrators who keep the client (SYSTEM_ADMIN of its province), or the client’s own token (scope READ_OWN_DOSSIERS).';

@Injectable()
@Resolver(() => WebhookEndpoint)
export class WebhookResolver {
  constructor(private readonly webhooks: WebhookService) {}

  @Query(() => [WebhookEndpoint], { description: `A client’s webhook endpoints, oldest first. ${WHO} A client’s token leaves clientId out.` })
  webhookEndpoints(@Arg('clientId', () => ID, { nullable: true }) clientId: string | null, @Ctx() ctx: GraphQLContext) {
    return this.webhooks.endpointsOf(ctx.actor, clientId);
  }

  @Query(() => WebhookDeliveryConnection, { description: `The webhook delivery log, newest first. ${WHO} A client sees its own deliveries only.` })
  webhookDeliveries(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => WebhookDeliveryFilter, { nullable: true }) filter: WebhookDeliveryFilter | null, @Ctx() ctx: GraphQLContext) {
    return this.webhooks.deliveries(ctx.actor, filter ?? {}, page);
  }

  @Mutation(() => WebhookEndpointSecretPayload, { description: `Registers a webhook endpoint (https://; http:// to loopback only in development). Its signing secret is in the answer, this once. ${WHO}` })
  createWebhookEndpoint(@Arg('input', () => CreateWebhookEndpointInput) input: CreateWebhookEndpointInput, @Ctx() ctx: GraphQLContext) {
    return this.webhooks.create(ctx.actor, input);
  }

  @Mutation(() => WebhookEndpointPayload, { description: `Changes an endpoint’s url, description or active (the fields given). ${WHO}` })
  async updateWebhookEndpoint(@Arg('input', () => UpdateWebhookEndpointInput) input: UpdateWebhookEndpointInput, @Ctx() ctx: GraphQLContext) {
    return { endpoint: await this.webhooks.update(ctx.actor, input) };
  }

  @Mutation(() => WebhookEndpointSecretPayload, { description: `A new signing secret, in the answer this once; for 24 hours messages are signed with the previous one too. ${WHO}` })
  rotateWebhookEndpointSecret(@Arg('input', () => WebhookEndpointIdInput) input: WebhookEndpointIdInput, @Ctx() ctx: GraphQLContext) {
    return this.webhooks.rotate(ctx.actor, input.id);
  }

  @Mutation(() => DeleteWebhookEndpointPayload, { description: `Deletes an endpoint with its deliveries and their log (set active: false to keep them). ${WHO}` })
  deleteWebhookEndpoint(@Arg('input', () => WebhookEndpointIdInput) input: WebhookEndpointIdInput, @Ctx() ctx: GraphQLContext) {
    return this.webhooks.delete(ctx.actor, input.id);
  }

  @Mutation(() => WebhookDeliveryPayload, { description: `Sends a delivery again now, with the same webhook-id. ${WHO}` })
  async replayWebhookDelivery(@Arg('input', () => ReplayWebhookDeliveryInput) input: ReplayWebhookDeliveryInput, @Ctx() ctx: GraphQLContext) {
    return { delivery: await this.webhooks.replay(ctx.actor, input.id) };
  }
}

@Injectable()
@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  constructor(private readonly webhooks: WebhookService) {}

  @FieldResolver(() => WebhookEndpoint)
  endpoint(@Root() d: WebhookDelivery, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.named<string, WebhookEndpoint | null>('webhooks.endpoint', (ids) => this.webhooks.endpointsById(ids)).load(d.endpointId);
  }

  @FieldResolver(() => [WebhookAttempt], { description: 'Oldest first.' })
  attempts(@Root() d: WebhookDelivery, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.named<string, WebhookAttempt[]>('webhooks.attempts', (ids) => this.webhooks.attemptsOf(ids)).load(d.id);
  }
}

/** ApiClient.webhookEndpoints, kept here so the api-clients module knows nothing of webhooks. */
@Injectable()
@Resolver(() => ApiClient)
export class ApiClientWebhooksResolver {
  constructor(private readonly webhooks: WebhookService) {}

  @FieldResolver(() => [WebhookEndpoint], { description: 'Its webhook endpoints, oldest first.' })
  webhookEndpoints(@Root() c: ApiClient, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.named<string, WebhookEndpoint[]>('webhooks.endpointsOfClient', (ids) => this.webhooks.endpointsOfClients(ids)).load(c.id);
  }
}
