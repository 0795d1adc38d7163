import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Injectable } from '../../platform/container';
import { PageArgs } from '../../platform/graphql/connection';
import type { GraphQLContext } from '../../platform/graphql/context';
import { AdministrativeUnit } from '../administrative-units/administrative-unit.entity';
import { OutreachActivity } from './outreach-activity.entity';
import {
  DeleteOutreachActivityInput,
  DeleteOutreachActivityPayload,
  OutreachActivityConnection,
  OutreachActivityFilter,
  OutreachActivityPayload,
  OutreachKindTotal,
  SubmitOutreachActivityInput,
  UpdateOutreachActivityInput,
} from './outreach-activity.inputs';
import { OutreachActivityService, type OutreachActivityPage } from './outreach-activity.service';

@Injectable()
@Resolver(() => OutreachActivity)
export class OutreachActivityResolver {
  constructor(private readonly outreach: OutreachActivityService) {}

  @Query(() => OutreachActivityConnection, {
    description: 'Outreach activities (tuyên truyền) of the caller’s province, latest period first, with totals per kind; rolled up through merged units as of `filter.asOf`.',
  })
  outreachActivities(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => OutreachActivityFilter, { nullable: true }) filter: OutreachActivityFilter | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return this.outreach.list(ctx.actor, filter ?? {}, page);
  }

  @FieldResolver(() => AdministrativeUnit, { description: 'The unit, as recorded (the unit as it was during the period).' })
  administrativeUnit(@Root() activity: OutreachActivity, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.byId(AdministrativeUnit).load(activity.administrativeUnitId);
  }

  @FieldResolver(() => AdministrativeUnit, { description: 'The province that owns it today (after the 2025 merges, the new province).' })
  province(@Root() activity: OutreachActivity, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.byId(AdministrativeUnit).load(activity.provinceId);
  }

  @Mutation(() => OutreachActivityPayload, { description: 'Records an outreach activity of a unit (steering committee and administrators of the province).' })
  async submitOutreachActivity(@Arg('input', () => SubmitOutreachActivityInput) input: SubmitOutreachActivityInput, @Ctx() ctx: GraphQLContext) {
    return { outreachActivity: await this.outreach.submit(ctx.actor, input) };
  }

  @Mutation(() => OutreachActivityPayload, { description: 'Corrects an outreach activity (CONFLICT on a stale version).' })
  async updateOutreachActivity(@Arg('input', () => UpdateOutreachActivityInput) input: UpdateOutreachActivityInput, @Ctx() ctx: GraphQLContext) {
    return { outreachActivity: await this.outreach.update(ctx.actor, input) };
  }

  @Mutation(() => DeleteOutreachActivityPayload, { description: 'Removes an outreach activity (CONFLICT on a stale version).' })
  async deleteOutreachActivity(@Arg('input', () => DeleteOutreachActivityInput) input: DeleteOutreachActivityInput, @Ctx() ctx: GraphQLContext) {
    return { id: await this.outreach.delete(ctx.actor, input) };
  }
}

@Injectable()
@Resolver(() => OutreachActivityConnection)
export class OutreachActivityConnectionResolver {
  @FieldResolver(() => [OutreachKindTotal], { description: 'Per kind, over every activity the filter selects (all pages), in the order of the kinds.' })
  totals(@Root() page: OutreachActivityPage) {
    return page.totals();
  }
}
