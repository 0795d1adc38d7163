import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Injectable } from '../../platform/container';
import { PageArgs } from '../../platform/graphql/connection';
import type { GraphQLContext } from '../../platform/graphql/context';
import { OneStopDesk } from '../one-stop-desks/one-stop-desk.entity';
import { PostOffice } from '../post-offices/post-office.entity';
import { PilotProgramme } from './pilot-programme.entity';
import { PilotSite, SiteStatusChange } from './pilot-site.entity';
import { isLate, PilotSiteService, readinessOf } from './pilot-site.service';
import { RolloutPhase } from './rollout-phase.entity';
import { PilotSiteConnection } from './rollout.resolver';
import { rolloutLoaders } from './rollout.loaders';
import { siteMovesFrom, SiteStatus } from './rollout.enums';
import { EnrolPilotSitesInput, EnrolPilotSitesPayload, MovePilotSiteInput, PilotSiteFilter, PilotSitePayload, SetReadinessInput, UpdatePilotSiteInput } from './rollout.inputs';
import { ReadinessCheck } from './rollout.types';
import { SteeringMeeting } from './steering-meeting.entity';
import { SteeringService } from './steering.service';

@Injectable()
@Resolver(() => PilotSite)
export class PilotSiteResolver {
  constructor(
    private readonly sites: PilotSiteService,
    private readonly steering: SteeringService,
  ) {}

  @Query(() => PilotSiteConnection, { description: 'Pilot sites within your province, in the order they were enrolled.' })
  pilotSites(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => PilotSiteFilter, { nullable: true }) filter: PilotSiteFilter | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return this.sites.list(ctx.actor, filter ?? {}, page);
  }

  @Query(() => PilotSite, { nullable: true })
  pilotSite(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return this.sites.find(ctx.actor, id);
  }

  @FieldResolver(() => RolloutPhase)
  phase(@Root() site: PilotSite, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.byId(RolloutPhase).load(site.phaseId);
  }

  @FieldResolver(() => PilotProgramme)
  programme(@Root() site: PilotSite, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.byId(PilotProgramme).load(site.programmeId);
  }

  @FieldResolver(() => OneStopDesk)
  oneStopDesk(@Root() site: PilotSite, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.byId(OneStopDesk).load(site.oneStopDeskId);
  }

  @FieldResolver(() => PostOffice, { nullable: true, description: 'The partner post office.' })
  postOffice(@Root() site: PilotSite, @Ctx() ctx: GraphQLContext) {
    return site.postOfficeId ? ctx.loaders.byId(PostOffice).load(site.postOfficeId) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Past its planned launch and not launched.' })
  late(@Root() site: PilotSite): boolean {
    return isLate(site);
  }

  @FieldResolver(() => [ReadinessCheck], { description: 'The programme’s checklist with this site’s progress on each item.' })
  async readiness(@Root() site: PilotSite, @Ctx() ctx: GraphQLContext) {
    const programme = await ctx.loaders.byId(PilotProgramme).load(site.programmeId);
    return programme ? readinessOf(site, programme.readinessItems) : [];
  }

  @FieldResolver(() => [SiteStatus], { description: 'The statuses it may move to now.' })
  allowedMoves(@Root() site: PilotSite): SiteStatus[] {
    return siteMovesFrom(site.status, site.suspendedFrom);
  }

  @FieldResolver(() => [SiteStatusChange], { description: 'Its enrolment and every status move, oldest first.' })
  history(@Root() site: PilotSite, @Ctx() ctx: GraphQLContext) {
    return rolloutLoaders.history(ctx, this.sites).load(site.id);
  }

  @FieldResolver(() => [SteeringMeeting], { description: 'Steering meetings that touched it, newest first.' })
  meetings(@Root() site: PilotSite, @Ctx() ctx: GraphQLContext) {
    return rolloutLoaders.meetingsOfSite(ctx, this.steering).load(site.id);
  }

  @Mutation(() => EnrolPilotSitesPayload, { description: 'Enrols desks in a phase: all or none.' })
  async enrolPilotSites(@Arg('input', () => EnrolPilotSitesInput) input: EnrolPilotSitesInput, @Ctx() ctx: GraphQLContext) {
    return { pilotSites: await this.sites.enrol(ctx.actor, input) };
  }

  @Mutation(() => PilotSitePayload, { description: 'Changes the handover model, partner post office, planned launch or note of a site not launched yet.' })
  async updatePilotSite(@Arg('input', () => UpdatePilotSiteInput) input: UpdatePilotSiteInput, @Ctx() ctx: GraphQLContext) {
    return { pilotSite: await this.sites.update(ctx.actor, input) };
  }

  @Mutation(() => PilotSitePayload, { description: 'Moves a site along PLANNED → PREPARING → LAUNCHED → OPERATING → REVIEWED (SUSPENDED and back; WITHDRAWN).' })
  async movePilotSite(@Arg('input', () => MovePilotSiteInput) input: MovePilotSiteInput, @Ctx() ctx: GraphQLContext) {
    return { pilotSite: await this.sites.move(ctx.actor, input) };
  }

  @Mutation(() => PilotSitePayload, { description: 'Ticks or unticks an item of the site’s readiness checklist (before launch).' })
  async setPilotSiteReadiness(@Arg('input', () => SetReadinessInput) input: SetReadinessInput, @Ctx() ctx: GraphQLContext) {
    return { pilotSite: await this.sites.setReadiness(ctx.actor, input) };
  }
}

/** The rollout side of a one-stop desk: the pilot site that holds it now. */
@Injectable()
@Resolver(() => OneStopDesk)
export class DeskPilotSiteResolver {
  constructor(private readonly sites: PilotSiteService) {}

  @FieldResolver(() => PilotSite, { nullable: true, description: 'The active pilot site it is enrolled in (not reviewed, not withdrawn), if any.' })
  activePilotSite(@Root() desk: OneStopDesk, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.named<string, PilotSite | null>('rollout.activeSiteByDesk', (ids) => this.sites.activeOfDesks(ctx.actor, ids)).load(desk.id);
  }
}
