import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Injectable } from '../../platform/container';
import { ConnectionType, PageArgs } from '../../platform/graphql/connection';
import type { GraphQLContext } from '../../platform/graphql/context';
import { AdministrativeUnit } from '../administrative-units/administrative-unit.entity';
import { PilotProgramme } from './pilot-programme.entity';
import { PilotSite } from './pilot-site.entity';
import { PilotSiteService } from './pilot-site.service';
import { ProgrammeService } from './programme.service';
import { ProgressService, totalOf } from './progress.service';
import { PhasePlanRevision, RolloutPhase } from './rollout-phase.entity';
import { rolloutLoaders } from './rollout.loaders';
import {
  AddRolloutPhaseInput,
  ChangePilotProgrammeStatusInput,
  ChangeRolloutPhaseStatusInput,
  CreatePilotProgrammeInput,
  PilotProgrammeFilter,
  PilotProgrammePayload,
  PilotSiteFilter,
  ReplanRolloutPhaseInput,
  RolloutPhasePayload,
  UpdatePilotProgrammeInput,
} from './rollout.inputs';
import { ExportedFile, LevelProgress, LevelTargets } from './rollout.types';
import { SteeringMeeting } from './steering-meeting.entity';
import { SteeringService } from './steering.service';

export const PilotProgrammeConnection = ConnectionType(PilotProgramme, 'PilotProgramme');
export const PilotSiteConnection = ConnectionType(PilotSite, 'PilotSite');

@Injectable()
@Resolver(() => PilotProgramme)
export class PilotProgrammeResolver {
  constructor(
    private readonly programmes: ProgrammeService,
    private readonly progressService: ProgressService,
    private readonly steering: SteeringService,
  ) {}

  @Query(() => PilotProgrammeConnection, { description: 'Programmes within your province (all, for national users).' })
  pilotProgrammes(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => PilotProgrammeFilter, { nullable: true }) filter: PilotProgrammeFilter | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return this.programmes.list(ctx.actor, filter ?? {}, page);
  }

  @Query(() => PilotProgramme, { nullable: true })
  pilotProgramme(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return this.programmes.findProgramme(ctx.actor, id);
  }

  @Query(() => ExportedFile, { nullable: true, description: 'The progress table (per phase and level) as an .xlsx spreadsheet.' })
  exportRolloutProgress(@Arg('programmeId', () => ID) programmeId: string, @Ctx() ctx: GraphQLContext) {
    return this.progressService.exportProgress(ctx.actor, programmeId);
  }

  @FieldResolver(() => AdministrativeUnit, { description: 'The province that owns it today.' })
  province(@Root() p: PilotProgramme, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.byId(AdministrativeUnit).load(p.provinceId);
  }

  @FieldResolver(() => AdministrativeUnit, { description: 'The province as it was when the programme was decided.' })
  administrativeUnit(@Root() p: PilotProgramme, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.byId(AdministrativeUnit).load(p.administrativeUnitId);
  }

  @FieldResolver(() => [RolloutPhase], { description: 'Its phases in order.' })
  phases(@Root() p: PilotProgramme, @Ctx() ctx: GraphQLContext) {
    return rolloutLoaders.phases(ctx, this.programmes).load(p.id);
  }

  @FieldResolver(() => [LevelProgress], { description: 'Progress over all its phases: one row per level, then the total (level null).' })
  async progress(@Root() p: PilotProgramme, @Ctx() ctx: GraphQLContext) {
    const phases = await rolloutLoaders.phases(ctx, this.programmes).load(p.id);
    const perPhase = await rolloutLoaders.progress(ctx, this.progressService).loadMany(phases);
    return ProgressService.overPhases(perPhase.filter((r): r is LevelProgress[] => !(r instanceof Error)));
  }

  @FieldResolver(() => [PilotSite], { description: 'Sites past their planned launch that have not launched, most overdue first.' })
  lateSites(@Root() p: PilotProgramme, @Ctx() ctx: GraphQLContext) {
    return rolloutLoaders.lateSites(ctx, this.progressService).load(p.id);
  }

  @FieldResolver(() => [SteeringMeeting], { description: 'Meetings of its steering committee, newest first.' })
  meetings(@Root() p: PilotProgramme, @Ctx() ctx: GraphQLContext) {
    return rolloutLoaders.meetings(ctx, this.steering).load(p.id);
  }

  @Mutation(() => PilotProgrammePayload)
  async createPilotProgramme(@Arg('input', () => CreatePilotProgrammeInput) input: CreatePilotProgrammeInput, @Ctx() ctx: GraphQLContext) {
    return { pilotProgramme: await this.programmes.create(ctx.actor, input) };
  }

  @Mutation(() => PilotProgrammePayload)
  async updatePilotProgramme(@Arg('input', () => UpdatePilotProgrammeInput) input: UpdatePilotProgrammeInput, @Ctx() ctx: GraphQLContext) {
    return { pilotProgramme: await this.programmes.update(ctx.actor, input) };
  }

  @Mutation(() => PilotProgrammePayload, { description: 'DRAFT → ACTIVE (needs a legal basis) → CLOSED (needs every phase closed).' })
  async changePilotProgrammeStatus(@Arg('input', () => ChangePilotProgrammeStatusInput) input: ChangePilotProgrammeStatusInput, @Ctx() ctx: GraphQLContext) {
    return { pilotProgramme: await this.programmes.changeStatus(ctx.actor, input) };
  }
}

@Injectable()
@Resolver(() => RolloutPhase)
export class RolloutPhaseResolver {
  constructor(
    private readonly programmes: ProgrammeService,
    private readonly siteService: PilotSiteService,
    private readonly progressService: ProgressService,
  ) {}

  @Query(() => RolloutPhase, { nullable: true })
  rolloutPhase(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return this.programmes.findPhase(ctx.actor, id);
  }

  @Query(() => ExportedFile, { nullable: true, description: 'The phase’s site list as an .xlsx spreadsheet.' })
  exportPhaseSites(@Arg('phaseId', () => ID) phaseId: string, @Ctx() ctx: GraphQLContext) {
    return this.progressService.exportPhaseSites(ctx.actor, phaseId);
  }

  @FieldResolver(() => PilotProgramme)
  programme(@Root() phase: RolloutPhase, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.byId(PilotProgramme).load(phase.programmeId);
  }

  @FieldResolver(() => LevelTargets, { description: 'How many desks of each level the phase plans to bring in.' })
  targets(@Root() phase: RolloutPhase): LevelTargets {
    return { province: phase.targetProvince, district: phase.targetDistrict, commune: phase.targetCommune };
  }

  @FieldResolver(() => [PhasePlanRevision], { description: 'The plans re-plans replaced, oldest first.' })
  planHistory(@Root() phase: RolloutPhase, @Ctx() ctx: GraphQLContext) {
    return rolloutLoaders.planHistory(ctx, this.programmes).load(phase.id);
  }

  @FieldResolver(() => [LevelProgress], { description: 'One row per level (province, district, commune), then the total (level null).' })
  async progress(@Root() phase: RolloutPhase, @Ctx() ctx: GraphQLContext) {
    const rows = await rolloutLoaders.progress(ctx, this.progressService).load(phase);
    return [...rows, totalOf(rows)];
  }

  @FieldResolver(() => PilotSiteConnection, { description: 'Its sites, in the order they were enrolled. A page per phase (one query each): for one phase at a time, not for long lists of phases.' })
  sites(
    @Root() phase: RolloutPhase,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => PilotSiteFilter, { nullable: true }) filter: PilotSiteFilter | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return this.siteService.list(ctx.actor, { ...(filter ?? {}), phaseId: phase.id }, page);
  }

  @Mutation(() => RolloutPhasePayload, { description: 'Adds the next phase to a programme.' })
  async addRolloutPhase(@Arg('input', () => AddRolloutPhaseInput) input: AddRolloutPhaseInput, @Ctx() ctx: GraphQLContext) {
    return { rolloutPhase: await this.programmes.addPhase(ctx.actor, input) };
  }

  @Mutation(() => RolloutPhasePayload, { description: 'Changes a phase’s plan; the earlier plan stays in `planHistory`.' })
  async replanRolloutPhase(@Arg('input', () => ReplanRolloutPhaseInput) input: ReplanRolloutPhaseInput, @Ctx() ctx: GraphQLContext) {
    return { rolloutPhase: await this.programmes.replanPhase(ctx.actor, input) };
  }

  @Mutation(() => RolloutPhasePayload, { description: 'PLANNED → IN_PROGRESS → CLOSED.' })
  async changeRolloutPhaseStatus(@Arg('input', () => ChangeRolloutPhaseStatusInput) input: ChangeRolloutPhaseStatusInput, @Ctx() ctx: GraphQLContext) {
    return { rolloutPhase: await this.programmes.changePhaseStatus(ctx.actor, input) };
  }
}

@Resolver(() => PhasePlanRevision)
export class PhasePlanRevisionResolver {
  @FieldResolver(() => LevelTargets)
  targets(@Root() r: PhasePlanRevision): LevelTargets {
    return { province: r.targetProvince, district: r.targetDistrict, commune: r.targetCommune };
  }
}
