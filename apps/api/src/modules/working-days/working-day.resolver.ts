import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Injectable } from '../../platform/container';
import type { GraphQLContext } from '../../platform/graphql/context';
import { CalendarAdjustment, CalendarDay } from './working-day.entity';
import { CalendarAdjustmentPayload, CreateCalendarAdjustmentInput, DeleteCalendarAdjustmentInput, DeleteCalendarAdjustmentPayload, UpdateCalendarAdjustmentInput } from './working-day.inputs';
import { WorkingDayService } from './working-day.service';

@Injectable()
@Resolver(() => CalendarAdjustment)
export class WorkingDayResolver {
  constructor(private readonly workingDays: WorkingDayService) {}

  @Query(() => [CalendarDay], {
    description: 'The working-day calendar of a year (2019–2100): the days that differ from the plain week (Monday–Friday working), in order: public holidays, extra days off and swapped working days. Every signed-in user.',
  })
  workingCalendar(@Arg('year', () => Int) year: number, @Ctx() ctx: GraphQLContext) {
    return this.workingDays.calendar(ctx.actor, year);
  }

  @Mutation(() => CalendarAdjustmentPayload, { description: 'Adds an adjustment of the working calendar (national administrators only).' })
  async createCalendarAdjustment(@Arg('input', () => CreateCalendarAdjustmentInput) input: CreateCalendarAdjustmentInput, @Ctx() ctx: GraphQLContext) {
    return { calendarAdjustment: await this.workingDays.create(ctx.actor, input) };
  }

  @Mutation(() => CalendarAdjustmentPayload, { description: 'Changes an adjustment of the working calendar (national administrators only; CONFLICT on a stale version).' })
  async updateCalendarAdjustment(@Arg('input', () => UpdateCalendarAdjustmentInput) input: UpdateCalendarAdjustmentInput, @Ctx() ctx: GraphQLContext) {
    return { calendarAdjustment: await this.workingDays.update(ctx.actor, input) };
  }

  @Mutation(() => DeleteCalendarAdjustmentPayload, { description: 'Removes an adjustment of the working calendar (national administrators only; CONFLICT on a stale version).' })
  async deleteCalendarAdjustment(@Arg('input', () => DeleteCalendarAdjustmentInput) input: DeleteCalendarAdjustmentInput, @Ctx() ctx: GraphQLContext) {
    return { id: await this.workingDays.delete(ctx.actor, input) };
  }
}
