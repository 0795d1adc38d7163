import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Injectable } from '../../platform/container';
import { ConnectionType, PageArgs } from '../../platform/graphql/connection';
import type { GraphQLContext } from '../../platform/graphql/context';
import { OrganisationSort, UnitOwnedFieldResolvers } from '../administrative-units/unit-owned-record';
import { Agency } from './agency.entity';
import { AgencyFilter, AgencyPayload, CreateAgencyInput, MoveAgencyInput, RenameAgencyInput, RetireAgencyInput, SetAgencyIdentifierCodeInput } from './agency.inputs';
import { AgencyService } from './agency.service';

export const AgencyConnection = ConnectionType(Agency, 'Agency');

@Injectable()
@Resolver(() => Agency)
export class AgencyResolver extends UnitOwnedFieldResolvers(Agency) {
  constructor(private readonly service: AgencyService) {
    super();
  }

  @Query(() => AgencyConnection)
  agencies(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AgencyFilter, { nullable: true }) filter: AgencyFilter | null,
    @Arg('sort', () => OrganisationSort, { defaultValue: OrganisationSort.NAME_ASC }) sort: OrganisationSort,
    @Ctx() ctx: GraphQLContext,
  ) {
    return this.service.list(ctx.actor, filter ?? {}, page, sort);
  }

  @Query(() => Agency, { nullable: true })
  agency(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return this.service.findById(ctx.actor, id);
  }

  @Mutation(() => AgencyPayload)
  async createAgency(@Arg('input', () => CreateAgencyInput) input: CreateAgencyInput, @Ctx() ctx: GraphQLContext) {
    return { agency: await this.service.create(ctx.actor, input) };
  }

  @Mutation(() => AgencyPayload)
  async renameAgency(@Arg('input', () => RenameAgencyInput) input: InstanceType<typeof RenameAgencyInput>, @Ctx() ctx: GraphQLContext) {
    return { agency: await this.service.rename(ctx.actor, input) };
  }

  @Mutation(() => AgencyPayload)
  async moveAgency(@Arg('input', () => MoveAgencyInput) input: InstanceType<typeof MoveAgencyInput>, @Ctx() ctx: GraphQLContext) {
    return { agency: await this.service.move(ctx.actor, input) };
  }

  @Mutation(() => AgencyPayload, { description: 'Sets or removes the agency’s mã định danh điện tử, the prefix of the dossier codes it (and its desks without their own) gives.' })
  async setAgencyIdentifierCode(@Arg('input', () => SetAgencyIdentifierCodeInput) input: InstanceType<typeof SetAgencyIdentifierCodeInput>, @Ctx() ctx: GraphQLContext) {
    return { agency: await this.service.setIdentifierCode(ctx.actor, input) };
  }

  @Mutation(() => AgencyPayload)
  async retireAgency(@Arg('input', () => RetireAgencyInput) input: InstanceType<typeof RetireAgencyInput>, @Ctx() ctx: GraphQLContext) {
    return { agency: await this.service.retire(ctx.actor, input) };
  }
}
