import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Injectable } from '../../platform/container';
import { ConnectionType, PageArgs } from '../../platform/graphql/connection';
import type { GraphQLContext } from '../../platform/graphql/context';
import { OrganisationSort, UnitOwnedFieldResolvers } from '../administrative-units/unit-owned-record';
import { Agency } from '../agencies/agency.entity';
import { OneStopDesk } from './one-stop-desk.entity';
import {
  CreateOneStopDeskInput,
  MoveOneStopDeskInput,
  OneStopDeskFilter,
  OneStopDeskPayload,
  SetOneStopDeskIdentifierCodeInput,
  RenameOneStopDeskInput,
  RetireOneStopDeskInput,
} from './one-stop-desk.inputs';
import { OneStopDeskService } from './one-stop-desk.service';

export const OneStopDeskConnection = ConnectionType(OneStopDesk, 'OneStopDesk');

@Injectable()
@Resolver(() => OneStopDesk)
export class OneStopDeskResolver extends UnitOwnedFieldResolvers(OneStopDesk) {
  constructor(private readonly desks: OneStopDeskService) {
    super();
  }

  @Query(() => OneStopDeskConnection)
  oneStopDesks(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => OneStopDeskFilter, { nullable: true }) filter: OneStopDeskFilter | null,
    @Arg('sort', () => OrganisationSort, { defaultValue: OrganisationSort.NAME_ASC }) sort: OrganisationSort,
    @Ctx() ctx: GraphQLContext,
  ) {
    return this.desks.list(ctx.actor, filter ?? {}, page, sort);
  }

  @Query(() => OneStopDesk, { nullable: true })
  oneStopDesk(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return this.desks.findById(ctx.actor, id);
  }

  @FieldResolver(() => Agency)
  agency(@Root() desk: OneStopDesk, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.byId(Agency).load(desk.agencyId);
  }

  @Mutation(() => OneStopDeskPayload)
  async createOneStopDesk(@Arg('input', () => CreateOneStopDeskInput) input: CreateOneStopDeskInput, @Ctx() ctx: GraphQLContext) {
    return { oneStopDesk: await this.desks.create(ctx.actor, input) };
  }

  @Mutation(() => OneStopDeskPayload)
  async renameOneStopDesk(@Arg('input', () => RenameOneStopDeskInput) input: InstanceType<typeof RenameOneStopDeskInput>, @Ctx() ctx: GraphQLContext) {
    return { oneStopDesk: await this.desks.rename(ctx.actor, input) };
  }

  @Mutation(() => OneStopDeskPayload, { description: 'Moves a desk to another unit; its level follows the unit.' })
  async moveOneStopDesk(@Arg('input', () => MoveOneStopDeskInput) input: InstanceType<typeof MoveOneStopDeskInput>, @Ctx() ctx: GraphQLContext) {
    return { oneStopDesk: await this.desks.move(ctx.actor, input) };
  }

  @Mutation(() => OneStopDeskPayload, { description: 'Sets or removes the desk’s own mã định danh điện tử; without one, its agency’s is the prefix of its dossier codes.' })
  async setOneStopDeskIdentifierCode(@Arg('input', () => SetOneStopDeskIdentifierCodeInput) input: InstanceType<typeof SetOneStopDeskIdentifierCodeInput>, @Ctx() ctx: GraphQLContext) {
    return { oneStopDesk: await this.desks.setIdentifierCode(ctx.actor, input) };
  }

  @Mutation(() => OneStopDeskPayload)
  async retireOneStopDesk(@Arg('input', () => RetireOneStopDeskInput) input: InstanceType<typeof RetireOneStopDeskInput>, @Ctx() ctx: GraphQLContext) {
    return { oneStopDesk: await this.desks.retire(ctx.actor, input) };
  }
}
