import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Injectable } from '../../platform/container';
import { ConnectionType, PageArgs } from '../../platform/graphql/connection';
import type { GraphQLContext } from '../../platform/graphql/context';
import { todayInVietnam } from '../../platform/graphql/scalars';
import { PilotProgramme } from './pilot-programme.entity';
import { PilotSite } from './pilot-site.entity';
import { rolloutLoaders } from './rollout.loaders';
import { ActionItemFilter, ActionItemPayload, ChangeActionItemStateInput, RecordSteeringMeetingInput, SteeringMeetingPayload } from './rollout.inputs';
import { ActionItemState } from './rollout.enums';
import { ActionItem, SteeringMeeting } from './steering-meeting.entity';
import { SteeringService } from './steering.service';

export const ActionItemConnection = ConnectionType(ActionItem, 'ActionItem');

@Injectable()
@Resolver(() => SteeringMeeting)
export class SteeringMeetingResolver {
  constructor(private readonly steering: SteeringService) {}

  @FieldResolver(() => PilotProgramme)
  programme(@Root() meeting: SteeringMeeting, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.byId(PilotProgramme).load(meeting.programmeId);
  }

  @FieldResolver(() => [PilotSite], { description: 'The sites it touched.' })
  async sites(@Root() meeting: SteeringMeeting, @Ctx() ctx: GraphQLContext) {
    const sites = await ctx.loaders.byId(PilotSite).loadMany(meeting.siteIds);
    return sites.filter((s): s is PilotSite => s !== null && !(s instanceof Error));
  }

  @FieldResolver(() => [ActionItem])
  actionItems(@Root() meeting: SteeringMeeting, @Ctx() ctx: GraphQLContext) {
    return rolloutLoaders.actionItems(ctx, this.steering).load(meeting.id);
  }

  @Mutation(() => SteeringMeetingPayload, { description: 'Records a meeting with its decisions and action items.' })
  async recordSteeringMeeting(@Arg('input', () => RecordSteeringMeetingInput) input: RecordSteeringMeetingInput, @Ctx() ctx: GraphQLContext) {
    return { steeringMeeting: await this.steering.record(ctx.actor, input) };
  }
}

@Injectable()
@Resolver(() => ActionItem)
export class ActionItemResolver {
  constructor(private readonly steering: SteeringService) {}

  @Query(() => ActionItemConnection, { description: 'Action items by due date; by default the open ones (OPEN, IN_PROGRESS).' })
  actionItems(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ActionItemFilter, { nullable: true }) filter: ActionItemFilter | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return this.steering.listActionItems(ctx.actor, filter ?? {}, page);
  }

  @FieldResolver(() => SteeringMeeting)
  meeting(@Root() item: ActionItem, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.byId(SteeringMeeting).load(item.meetingId);
  }

  @FieldResolver(() => PilotSite, { nullable: true })
  site(@Root() item: ActionItem, @Ctx() ctx: GraphQLContext) {
    return item.siteId ? ctx.loaders.byId(PilotSite).load(item.siteId) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Still open after its due date.' })
  overdue(@Root() item: ActionItem): boolean {
    return (item.state === ActionItemState.OPEN || item.state === ActionItemState.IN_PROGRESS) && item.dueOn < todayInVietnam();
  }

  @Mutation(() => ActionItemPayload, { description: 'OPEN → IN_PROGRESS → DONE; CANCELLED; DONE and CANCELLED reopen to OPEN.' })
  async changeActionItemState(@Arg('input', () => ChangeActionItemStateInput) input: ChangeActionItemStateInput, @Ctx() ctx: GraphQLContext) {
    return { actionItem: await this.steering.changeActionItemState(ctx.actor, input) };
  }
}
