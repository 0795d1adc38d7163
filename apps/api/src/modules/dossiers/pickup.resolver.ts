import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Injectable } from '../../platform/container';
import { ConnectionType, PageArgs } from '../../platform/graphql/connection';
import type { GraphQLContext } from '../../platform/graphql/context';
import { PostOffice } from '../post-offices/post-office.entity';
import { Staff } from '../staff/staff.entity';
import { Dossier } from './dossier.entity';
import { DossierService } from './dossier.service';
import { PickupAppointment } from './pickup.entity';
import { PickupOutcomeInput, PickupPayload, PickupQueueFilter, PickupService, SchedulePickupInput } from './pickup.service';

export const PickupConnection = ConnectionType(PickupAppointment, 'PickupAppointment');

@Injectable()
@Resolver(() => PickupAppointment)
export class PickupResolver {
  constructor(
    private readonly pickups: PickupService,
    private readonly dossiers: DossierService,
  ) {}

  @Query(() => PickupConnection, { description: 'The pickup queue of your post office (and those reporting to it): to call and scheduled, longest waiting first.' })
  pickupQueue(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => PickupQueueFilter, { nullable: true }) filter: PickupQueueFilter | null, @Ctx() ctx: GraphQLContext) {
    return this.pickups.queue(ctx.actor, filter ?? {}, page);
  }

  @Mutation(() => PickupPayload, { description: 'Agrees a window (and a postman) with the applicant.' })
  async schedulePickup(@Arg('input', () => SchedulePickupInput) input: SchedulePickupInput, @Ctx() ctx: GraphQLContext) {
    return { pickup: await this.pickups.schedule(ctx.actor, input) };
  }

  @Mutation(() => PickupPayload, { description: 'Records how the visit went: picked up, no one at home (to call again), or cancelled.' })
  async recordPickupOutcome(@Arg('input', () => PickupOutcomeInput) input: PickupOutcomeInput, @Ctx() ctx: GraphQLContext) {
    return { pickup: await this.pickups.recordOutcome(ctx.actor, input) };
  }

  @FieldResolver(() => Dossier, { nullable: true })
  dossier(@Root() a: PickupAppointment, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.byId(Dossier).load(a.dossierId);
  }

  @FieldResolver(() => PostOffice)
  postOffice(@Root() a: PickupAppointment, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.byId(PostOffice).load(a.postOfficeId);
  }

  @FieldResolver(() => Staff, { nullable: true })
  postman(@Root() a: PickupAppointment, @Ctx() ctx: GraphQLContext) {
    return a.postmanId ? ctx.loaders.byId(Staff).load(a.postmanId) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Where to collect (personal data: null to those who do not handle the dossier).' })
  async address(@Root() a: PickupAppointment, @Ctx() ctx: GraphQLContext) {
    // The dossier through the request's batched loader (one statement for a page of the queue), then the one rule of who handles it.
    const dossier = await ctx.loaders.byId(Dossier).load(a.dossierId);
    return dossier && this.dossiers.handles(ctx.actor, dossier) ? a.address : null;
  }
}

@Injectable()
@Resolver(() => Dossier)
export class DossierPickupResolver {
  constructor(private readonly pickups: PickupService) {}

  @FieldResolver(() => PickupAppointment, { nullable: true, description: 'The pickup appointment of an online dossier with postal pickup.' })
  pickup(@Root() d: Dossier, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.named<string, PickupAppointment | null>('dossier.pickup', (ids) => this.pickups.ofDossiers(ids)).load(d.id);
  }
}
