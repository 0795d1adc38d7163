import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Max, Min } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { Injectable } from '../../platform/container';
import { ConnectionType, MAX_PAGE_SIZE, PageArgs } from '../../platform/graphql/connection';
import type { GraphQLContext } from '../../platform/graphql/context';
import { DateScalar, todayInVietnam } from '../../platform/graphql/scalars';
import { AdministrativeUnit, inForceOn } from './administrative-unit.entity';
import {
  AdministrativeUnitFilter,
  AdministrativeUnitPayload,
  AdministrativeUnitSort,
  CreateAdministrativeUnitInput,
  MoveAdministrativeUnitInput,
  RenameAdministrativeUnitInput,
  RetireAdministrativeUnitInput,
} from './administrative-unit.inputs';
import { loadChildrenFirstPage, loadRollUpId, unitListPrefetch } from './administrative-unit.loaders';
import { AdministrativeUnitService } from './administrative-unit.service';

export const AdministrativeUnitConnection = ConnectionType(AdministrativeUnit, 'AdministrativeUnit');

@ArgsType()
class ChildrenArgs extends PageArgs {
  @Field(() => Int, { defaultValue: 20 })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  override first: number = 20;
}

@Injectable()
@Resolver(() => AdministrativeUnit)
export class AdministrativeUnitResolver {
  constructor(private readonly units: AdministrativeUnitService) {}

  @Query(() => AdministrativeUnitConnection, { description: 'Administrative units in force on a day (default today), filtered and paginated.' })
  administrativeUnits(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AdministrativeUnitFilter, { nullable: true }) filter: AdministrativeUnitFilter | null,
    @Arg('sort', () => AdministrativeUnitSort, { defaultValue: AdministrativeUnitSort.CODE_ASC }) sort: AdministrativeUnitSort,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.units.list(filter ?? {}, page, sort, unitListPrefetch(info, ctx.loaders, this.units));
  }

  @Query(() => AdministrativeUnit, { nullable: true, description: 'One unit by its official code; `asOf` is the day its children and roll-ups are read for.' })
  administrativeUnit(
    @Arg('code', () => String) code: string,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
  ) {
    return this.units.findByCode(code, asOf);
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true, description: 'The unit it belonged to (for a commune before 1/7/2025, its district).' })
  parent(@Root() unit: AdministrativeUnit, @Ctx() ctx: GraphQLContext) {
    return unit.parentId ? ctx.loaders.byId(AdministrativeUnit).load(unit.parentId) : null;
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true, description: 'The unit that took this one over when it was merged or abolished.' })
  successor(@Root() unit: AdministrativeUnit, @Ctx() ctx: GraphQLContext) {
    return unit.successorId ? ctx.loaders.byId(AdministrativeUnit).load(unit.successorId) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the unit is in force on the day it was read for.' })
  inForce(@Root() unit: AdministrativeUnit): boolean {
    return inForceOn(unit, unit.viewAsOf ?? todayInVietnam());
  }

  @FieldResolver(() => AdministrativeUnit, {
    description: 'The unit in force on `asOf` (default: the day it was read for) that this one rolls up to: itself while in force, else its successor, followed through every merge.',
  })
  async inForceUnit(@Root() unit: AdministrativeUnit, @Ctx() ctx: GraphQLContext, @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null) {
    const day = asOf ?? unit.viewAsOf ?? todayInVietnam();
    const targetId = await loadRollUpId(ctx.loaders, this.units, unit.id, day);
    const target = await ctx.loaders.byId(AdministrativeUnit).load(targetId);
    // A copy: the cached record may be read for another day elsewhere in the same request.
    return target && Object.assign(new AdministrativeUnit(), target, { viewAsOf: day });
  }

  @FieldResolver(() => AdministrativeUnitConnection, { description: 'Units directly under this one, in force on the day it was read for.' })
  children(@Root() unit: AdministrativeUnit, @Args(() => ChildrenArgs) page: ChildrenArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    const asOf = unit.viewAsOf ?? todayInVietnam();
    if (page.after) return this.units.childrenPage(unit.id, asOf, page);
    return loadChildrenFirstPage(ctx.loaders, this.units, { parentId: unit.id, asOf, first: page.first }, info);
  }

  @Mutation(() => AdministrativeUnitPayload, { description: 'Creates a unit (e.g. a commune formed in a reorganisation).' })
  async createAdministrativeUnit(@Arg('input', () => CreateAdministrativeUnitInput) input: CreateAdministrativeUnitInput, @Ctx() ctx: GraphQLContext) {
    return { administrativeUnit: await this.units.create(ctx.actor, input) };
  }

  @Mutation(() => AdministrativeUnitPayload)
  async renameAdministrativeUnit(@Arg('input', () => RenameAdministrativeUnitInput) input: RenameAdministrativeUnitInput, @Ctx() ctx: GraphQLContext) {
    return { administrativeUnit: await this.units.rename(ctx.actor, input) };
  }

  @Mutation(() => AdministrativeUnitPayload, { description: 'Moves a unit (and everything under it) to another parent.' })
  async moveAdministrativeUnit(@Arg('input', () => MoveAdministrativeUnitInput) input: MoveAdministrativeUnitInput, @Ctx() ctx: GraphQLContext) {
    return { administrativeUnit: await this.units.move(ctx.actor, input) };
  }

  @Mutation(() => AdministrativeUnitPayload, { description: 'Ends a unit on a day, optionally naming the unit that takes it over (a merge).' })
  async retireAdministrativeUnit(@Arg('input', () => RetireAdministrativeUnitInput) input: RetireAdministrativeUnitInput, @Ctx() ctx: GraphQLContext) {
    return { administrativeUnit: await this.units.retire(ctx.actor, input) };
  }
}
