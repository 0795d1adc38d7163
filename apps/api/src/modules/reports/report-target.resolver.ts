import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Injectable } from '../../platform/container';
import { PageArgs } from '../../platform/graphql/connection';
import type { GraphQLContext } from '../../platform/graphql/context';
import { ExportedFile } from '../../platform/graphql/exported-file';
import { AdministrativeUnit } from '../administrative-units/administrative-unit.entity';
import { ReportTarget } from './report-target.entity';
import {
  DeleteReportTargetInput,
  DeleteReportTargetPayload,
  ReportTargetConnection,
  ReportTargetFilter,
  ReportTargetPayload,
  SetReportTargetInput,
  TargetProgress,
  UpdateReportTargetInput,
} from './report-target.inputs';
import { ReportTargetService } from './report-target.service';
import { ReportExportService } from './report-export.service';

@Injectable()
@Resolver(() => ReportTarget)
export class ReportTargetResolver {
  constructor(
    private readonly targets: ReportTargetService,
    private readonly exports: ReportExportService,
  ) {}

  @Query(() => ReportTargetConnection, { description: 'Targets (chỉ tiêu) of the caller’s province by period start; rolled up through merged units as of `filter.asOf`.' })
  reportTargets(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ReportTargetFilter, { nullable: true }) filter: ReportTargetFilter | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return this.targets.list(ctx.actor, filter ?? {}, page);
  }

  @Query(() => [TargetProgress], {
    description: 'Targets beside the actual share of their unit over their period so far, with traffic lights, furthest behind first (steering committee and administrators; post office managers: their post office tree’s dossiers).',
  })
  targetProgress(@Arg('filter', () => ReportTargetFilter, { nullable: true }) filter: ReportTargetFilter | null, @Ctx() ctx: GraphQLContext) {
    return this.targets.progress(ctx.actor, filter ?? {});
  }

  @Query(() => ExportedFile, { description: 'The targets grid of `targetProgress(filter)` as an .xlsx spreadsheet, Vietnamese headers; the same readers.' })
  exportTargetProgress(@Arg('filter', () => ReportTargetFilter, { nullable: true }) filter: ReportTargetFilter | null, @Ctx() ctx: GraphQLContext) {
    return this.exports.targetProgress(ctx.actor, filter ?? {});
  }

  @FieldResolver(() => AdministrativeUnit, { description: 'The unit the target is set for, as it was during the period.' })
  administrativeUnit(@Root() target: ReportTarget, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.byId(AdministrativeUnit).load(target.administrativeUnitId);
  }

  @FieldResolver(() => AdministrativeUnit, { description: 'The province that owns it today.' })
  province(@Root() target: ReportTarget, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.byId(AdministrativeUnit).load(target.provinceId);
  }

  @Mutation(() => ReportTargetPayload, { description: 'Assigns a unit a target for a period (steering committee and administrators of the province).' })
  async setReportTarget(@Arg('input', () => SetReportTargetInput) input: SetReportTargetInput, @Ctx() ctx: GraphQLContext) {
    return { reportTarget: await this.targets.set(ctx.actor, input) };
  }

  @Mutation(() => ReportTargetPayload, { description: 'Changes a target (CONFLICT on a stale version).' })
  async updateReportTarget(@Arg('input', () => UpdateReportTargetInput) input: UpdateReportTargetInput, @Ctx() ctx: GraphQLContext) {
    return { reportTarget: await this.targets.update(ctx.actor, input) };
  }

  @Mutation(() => DeleteReportTargetPayload, { description: 'Removes a target (CONFLICT on a stale version).' })
  async deleteReportTarget(@Arg('input', () => DeleteReportTargetInput) input: DeleteReportTargetInput, @Ctx() ctx: GraphQLContext) {
    return { id: await this.targets.delete(ctx.actor, input) };
  }
}
