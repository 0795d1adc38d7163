import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Injectable } from '../../platform/container';
import { ConnectionType, PageArgs } from '../../platform/graphql/connection';
import type { GraphQLContext } from '../../platform/graphql/context';
import { PilotProgramme } from '../rollout/pilot-programme.entity';
import { PilotSite } from '../rollout/pilot-site.entity';
import { RolloutPhase } from '../rollout/rollout-phase.entity';
import { HandoverTotals } from '../rollout/rollout.types';
import { FacilityHandover, PersonnelHandover } from './handover.entity';
import { PersonRef } from './handover.types';
import { Staff } from '../staff/staff.entity';
import {
  CreateFacilityHandoverInput,
  CreatePersonnelHandoverInput,
  FacilityHandoverPayload,
  HandoverFilter,
  MakeHandoverEffectiveInput,
  PersonnelHandoverPayload,
  ReverseHandoverInput,
  SignHandoverInput,
  UpdateFacilityHandoverInput,
  UpdatePersonnelHandoverInput,
} from './handover.inputs';
import { FacilityHandoverService, HandoverTotalsService, investmentOf, PersonnelHandoverService } from './handover.service';

export const PersonnelHandoverConnection = ConnectionType(PersonnelHandover, 'PersonnelHandover');
export const FacilityHandoverConnection = ConnectionType(FacilityHandover, 'FacilityHandover');

const totalsLoader = (ctx: GraphQLContext, totals: HandoverTotalsService, column: 'site_id' | 'phase_id' | 'programme_id') =>
  ctx.loaders.named<string, HandoverTotals>(`handover.totalsBy.${column}`, (ids) => totals.by(column, ids));

@Injectable()
@Resolver(() => PersonnelHandover)
export class PersonnelHandoverResolver {
  constructor(private readonly handovers: PersonnelHandoverService) {}

  @Query(() => PersonnelHandoverConnection, { description: 'Personnel handovers within your province, newest first.' })
  personnelHandovers(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => HandoverFilter, { nullable: true }) filter: HandoverFilter | null, @Ctx() ctx: GraphQLContext) {
    return this.handovers.list(ctx.actor, filter ?? {}, page);
  }

  @Query(() => PersonnelHandover, { nullable: true })
  personnelHandover(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return this.handovers.find(ctx.actor, id);
  }

  @FieldResolver(() => PilotSite)
  site(@Root() h: PersonnelHandover, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.byId(PilotSite).load(h.siteId);
  }

  @Mutation(() => PersonnelHandoverPayload, { description: 'Drafts a personnel handover for a site.' })
  async createPersonnelHandover(@Arg('input', () => CreatePersonnelHandoverInput) input: CreatePersonnelHandoverInput, @Ctx() ctx: GraphQLContext) {
    return { personnelHandover: await this.handovers.create(ctx.actor, input) };
  }

  @Mutation(() => PersonnelHandoverPayload)
  async updatePersonnelHandover(@Arg('input', () => UpdatePersonnelHandoverInput) input: UpdatePersonnelHandoverInput, @Ctx() ctx: GraphQLContext) {
    return { personnelHandover: await this.handovers.update(ctx.actor, input) };
  }

  @Mutation(() => PersonnelHandoverPayload)
  async signPersonnelHandover(@Arg('input', () => SignHandoverInput) input: SignHandoverInput, @Ctx() ctx: GraphQLContext) {
    return { personnelHandover: await this.handovers.sign(ctx.actor, input) };
  }

  @Mutation(() => PersonnelHandoverPayload)
  async makePersonnelHandoverEffective(@Arg('input', () => MakeHandoverEffectiveInput) input: MakeHandoverEffectiveInput, @Ctx() ctx: GraphQLContext) {
    return { personnelHandover: await this.handovers.makeEffective(ctx.actor, input) };
  }

  @Mutation(() => PersonnelHandoverPayload)
  async reversePersonnelHandover(@Arg('input', () => ReverseHandoverInput) input: ReverseHandoverInput, @Ctx() ctx: GraphQLContext) {
    return { personnelHandover: await this.handovers.reverse(ctx.actor, input) };
  }
}

@Injectable()
@Resolver(() => FacilityHandover)
export class FacilityHandoverResolver {
  constructor(private readonly handovers: FacilityHandoverService) {}

  @Query(() => FacilityHandoverConnection, { description: 'Facility handovers within your province, newest first.' })
  facilityHandovers(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => HandoverFilter, { nullable: true }) filter: HandoverFilter | null, @Ctx() ctx: GraphQLContext) {
    return this.handovers.list(ctx.actor, filter ?? {}, page);
  }

  @Query(() => FacilityHandover, { nullable: true })
  facilityHandover(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return this.handovers.find(ctx.actor, id);
  }

  @FieldResolver(() => PilotSite)
  site(@Root() h: FacilityHandover, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.byId(PilotSite).load(h.siteId);
  }

  @FieldResolver(() => Number, { description: 'VND: construction plus equipment.' })
  investmentTotal(@Root() h: FacilityHandover): number {
    return investmentOf(h);
  }

  @FieldResolver(() => Number, { description: 'VND spent building or refitting the premises.' })
  constructionCost(@Root() h: FacilityHandover): number {
    return h.constructionCost;
  }

  @Mutation(() => FacilityHandoverPayload, { description: 'Drafts a facility handover for a site.' })
  async createFacilityHandover(@Arg('input', () => CreateFacilityHandoverInput) input: CreateFacilityHandoverInput, @Ctx() ctx: GraphQLContext) {
    return { facilityHandover: await this.handovers.create(ctx.actor, input) };
  }

  @Mutation(() => FacilityHandoverPayload)
  async updateFacilityHandover(@Arg('input', () => UpdateFacilityHandoverInput) input: UpdateFacilityHandoverInput, @Ctx() ctx: GraphQLContext) {
    return { facilityHandover: await this.handovers.update(ctx.actor, input) };
  }

  @Mutation(() => FacilityHandoverPayload)
  async signFacilityHandover(@Arg('input', () => SignHandoverInput) input: SignHandoverInput, @Ctx() ctx: GraphQLContext) {
    return { facilityHandover: await this.handovers.sign(ctx.actor, input) };
  }

  @Mutation(() => FacilityHandoverPayload)
  async makeFacilityHandoverEffective(@Arg('input', () => MakeHandoverEffectiveInput) input: MakeHandoverEffectiveInput, @Ctx() ctx: GraphQLContext) {
    return { facilityHandover: await this.handovers.makeEffective(ctx.actor, input) };
  }

  @Mutation(() => FacilityHandoverPayload)
  async reverseFacilityHandover(@Arg('input', () => ReverseHandoverInput) input: ReverseHandoverInput, @Ctx() ctx: GraphQLContext) {
    return { facilityHandover: await this.handovers.reverse(ctx.actor, input) };
  }
}

/** The handover side of rollout records: a site's handovers, and totals per site, phase and programme. */
@Injectable()
@Resolver(() => PilotSite)
export class SiteHandoverResolver {
  constructor(
    private readonly personnel: PersonnelHandoverService,
    private readonly facilities: FacilityHandoverService,
    private readonly totals: HandoverTotalsService,
  ) {}

  @FieldResolver(() => [PersonnelHandover], { description: 'Its personnel handovers, oldest first.' })
  personnelHandovers(@Root() site: PilotSite, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.named<string, PersonnelHandover[]>('handover.personnelBySite', (ids) => this.personnel.ofSites(ids)).load(site.id);
  }

  @FieldResolver(() => [FacilityHandover], { description: 'Its facility handovers, oldest first.' })
  facilityHandovers(@Root() site: PilotSite, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.named<string, FacilityHandover[]>('handover.facilityBySite', (ids) => this.facilities.ofSites(ids)).load(site.id);
  }

  @FieldResolver(() => HandoverTotals, { description: 'Totals of its handovers in effect.' })
  handoverTotals(@Root() site: PilotSite, @Ctx() ctx: GraphQLContext) {
    return totalsLoader(ctx, this.totals, 'site_id').load(site.id);
  }
}

@Injectable()
@Resolver(() => RolloutPhase)
export class PhaseHandoverResolver {
  constructor(private readonly totals: HandoverTotalsService) {}

  @FieldResolver(() => HandoverTotals, { description: 'Totals of handovers in effect at its sites.' })
  handoverTotals(@Root() phase: RolloutPhase, @Ctx() ctx: GraphQLContext) {
    return totalsLoader(ctx, this.totals, 'phase_id').load(phase.id);
  }
}

@Injectable()
@Resolver(() => PilotProgramme)
export class ProgrammeHandoverResolver {
  constructor(private readonly totals: HandoverTotalsService) {}

  @Query(() => HandoverTotals, {
    description: 'Totals of handovers in effect in a province: yours; a national user names one (provinceCode as of today) or gets the whole country.',
  })
  provinceHandoverTotals(@Arg('provinceCode', () => String, { nullable: true }) provinceCode: string | null, @Ctx() ctx: GraphQLContext) {
    return this.totals.ofProvince(ctx.actor, provinceCode);
  }

  @FieldResolver(() => HandoverTotals, { description: 'Totals of handovers in effect in the programme (its province).' })
  handoverTotals(@Root() programme: PilotProgramme, @Ctx() ctx: GraphQLContext) {
    return totalsLoader(ctx, this.totals, 'programme_id').load(programme.id);
  }
}

/** A deployed person's staff record (issue 10: every postal employee taking over is one). */
@Injectable()
@Resolver(() => PersonRef)
export class PersonRefResolver {
  @FieldResolver(() => Staff, { nullable: true })
  staff(@Root() person: PersonRef, @Ctx() ctx: GraphQLContext) {
    return person.staffId ? ctx.loaders.byId(Staff).load(person.staffId) : null;
  }
}
