import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Injectable } from '../../platform/container';
import { ConnectionType, PageArgs } from '../../platform/graphql/connection';
import type { GraphQLContext } from '../../platform/graphql/context';
import { OrganisationSort, UnitOwnedFieldResolvers } from '../administrative-units/unit-owned-record';
import { PostOffice } from './post-office.entity';
import {
  CreatePostOfficeInput,
  MovePostOfficeInput,
  PostOfficeFilter,
  PostOfficePayload,
  RenamePostOfficeInput,
  RetirePostOfficeInput,
} from './post-office.inputs';
import { PostOfficeService } from './post-office.service';

export const PostOfficeConnection = ConnectionType(PostOffice, 'PostOffice');

@Injectable()
@Resolver(() => PostOffice)
export class PostOfficeResolver extends UnitOwnedFieldResolvers(PostOffice) {
  constructor(private readonly offices: PostOfficeService) {
    super();
  }

  @Query(() => PostOfficeConnection)
  postOffices(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => PostOfficeFilter, { nullable: true }) filter: PostOfficeFilter | null,
    @Arg('sort', () => OrganisationSort, { defaultValue: OrganisationSort.NAME_ASC }) sort: OrganisationSort,
    @Ctx() ctx: GraphQLContext,
  ) {
    return this.offices.list(ctx.actor, filter ?? {}, page, sort);
  }

  @Query(() => PostOffice, { nullable: true })
  postOffice(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return this.offices.findById(ctx.actor, id);
  }

  @FieldResolver(() => PostOffice, { nullable: true, description: 'The post office it reports to.' })
  parent(@Root() office: PostOffice, @Ctx() ctx: GraphQLContext) {
    return office.parentId ? ctx.loaders.byId(PostOffice).load(office.parentId) : null;
  }

  @Mutation(() => PostOfficePayload)
  async createPostOffice(@Arg('input', () => CreatePostOfficeInput) input: CreatePostOfficeInput, @Ctx() ctx: GraphQLContext) {
    return { postOffice: await this.offices.create(ctx.actor, input) };
  }

  @Mutation(() => PostOfficePayload)
  async renamePostOffice(@Arg('input', () => RenamePostOfficeInput) input: InstanceType<typeof RenamePostOfficeInput>, @Ctx() ctx: GraphQLContext) {
    return { postOffice: await this.offices.rename(ctx.actor, input) };
  }

  @Mutation(() => PostOfficePayload)
  async movePostOffice(@Arg('input', () => MovePostOfficeInput) input: InstanceType<typeof MovePostOfficeInput>, @Ctx() ctx: GraphQLContext) {
    return { postOffice: await this.offices.move(ctx.actor, input) };
  }

  @Mutation(() => PostOfficePayload, { description: 'Closes a post office; refused while offices still report to it.' })
  async retirePostOffice(@Arg('input', () => RetirePostOfficeInput) input: InstanceType<typeof RetirePostOfficeInput>, @Ctx() ctx: GraphQLContext) {
    return { postOffice: await this.offices.retire(ctx.actor, input) };
  }
}
