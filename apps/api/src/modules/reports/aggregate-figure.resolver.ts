import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Injectable } from '../../platform/container';
import { PageArgs } from '../../platform/graphql/connection';
import type { GraphQLContext } from '../../platform/graphql/context';
import { AdministrativeUnit } from '../administrative-units/administrative-unit.entity';
import { OneStopDesk } from '../one-stop-desks/one-stop-desk.entity';
import { AggregateFigure } from './aggregate-figure.entity';
import {
  AggregateFigureConnection,
  AggregateFigureFilter,
  AggregateFigurePayload,
  AggregateFigureTotals,
  DeleteAggregateFigureInput,
  DeleteAggregateFigurePayload,
  SubmitAggregateFigureInput,
  UpdateAggregateFigureInput,
} from './aggregate-figure.inputs';
import { AggregateFigureService, type AggregateFigurePage } from './aggregate-figure.service';

@Injectable()
@Resolver(() => AggregateFigure)
export class AggregateFigureResolver {
  constructor(private readonly figures: AggregateFigureService) {}

  @Query(() => AggregateFigureConnection, {
    description: 'Submitted period totals (số liệu tổng hợp) of the caller’s province, by period start, with their totals; rolled up through merged units as of `filter.asOf`.',
  })
  aggregateFigures(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AggregateFigureFilter, { nullable: true }) filter: AggregateFigureFilter | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return this.figures.list(ctx.actor, filter ?? {}, page);
  }

  @FieldResolver(() => AdministrativeUnit, { description: 'The reporting unit, as recorded (the unit as it was during the period).' })
  administrativeUnit(@Root() figure: AggregateFigure, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.byId(AdministrativeUnit).load(figure.administrativeUnitId);
  }

  @FieldResolver(() => AdministrativeUnit, { description: 'The province that owns it today (after the 2025 merges, the new province).' })
  province(@Root() figure: AggregateFigure, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.byId(AdministrativeUnit).load(figure.provinceId);
  }

  @FieldResolver(() => OneStopDesk, { nullable: true, description: 'The desk whose own figure this is; null for the unit’s figure.' })
  desk(@Root() figure: AggregateFigure, @Ctx() ctx: GraphQLContext) {
    return figure.deskId ? ctx.loaders.byId(OneStopDesk).load(figure.deskId) : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Who submitted it or last corrected it (a user’s display name, from the audit trail; null when no user did, e.g. the demo seed). When: `updatedAt`.',
  })
  changedBy(@Root() figure: AggregateFigure, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.named<string, string | null>('aggregateFigure.changedBy', (ids) => this.figures.changedBy(ids)).load(figure.id);
  }

  @Mutation(() => AggregateFigurePayload, { description: 'Submits a unit’s period totals (steering committee and administrators of the province).' })
  async submitAggregateFigure(@Arg('input', () => SubmitAggregateFigureInput) input: SubmitAggregateFigureInput, @Ctx() ctx: GraphQLContext) {
    return { aggregateFigure: await this.figures.submit(ctx.actor, input) };
  }

  @Mutation(() => AggregateFigurePayload, { description: 'Corrects submitted totals (CONFLICT on a stale version).' })
  async updateAggregateFigure(@Arg('input', () => UpdateAggregateFigureInput) input: UpdateAggregateFigureInput, @Ctx() ctx: GraphQLContext) {
    return { aggregateFigure: await this.figures.update(ctx.actor, input) };
  }

  @Mutation(() => DeleteAggregateFigurePayload, { description: 'Removes submitted totals (CONFLICT on a stale version).' })
  async deleteAggregateFigure(@Arg('input', () => DeleteAggregateFigureInput) input: DeleteAggregateFigureInput, @Ctx() ctx: GraphQLContext) {
    return { id: await this.figures.delete(ctx.actor, input) };
  }
}

@Injectable()
@Resolver(() => AggregateFigureConnection)
export class AggregateFigureConnectionResolver {
  @FieldResolver(() => AggregateFigureTotals, { description: 'Sums over every figure the filter selects (all pages), desks’ own figures left out unless the filter names the desk.' })
  totals(@Root() page: AggregateFigurePage) {
    return page.totals();
  }
}
