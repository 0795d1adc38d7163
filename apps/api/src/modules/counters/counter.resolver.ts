import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Injectable } from '../../platform/container';
import type { GraphQLContext } from '../../platform/graphql/context';
import { DateScalar } from '../../platform/graphql/scalars';
import { OneStopDesk } from '../one-stop-desks/one-stop-desk.entity';
import { Absence, ProcedureField, Staff } from '../staff/staff.entity';
import { StaffService } from '../staff/staff.service';
import { Counter, OpeningException, OpeningHours, Shift, ShiftRevision } from './counter.entity';
import {
  AddOpeningExceptionInput,
  CalendarFeedInput,
  CalendarFeedPayload,
  RevokeCalendarFeedPayload,
  CancelShiftInput,
  CopyWeekInput,
  CopyWeekPayload,
  CounterPayload,
  Coverage,
  CreateCounterInput,
  CreateShiftInput,
  DeskWeekInput,
  MoveShiftInput,
  RosterProposalInput,
  StartRosterAutoFillInput,
  OpeningExceptionPayload,
  OpeningHoursPayload,
  SetOpeningHoursInput,
  ShiftPayload,
  ShiftsPayload,
  SwapShiftsInput,
  UpdateCounterInput,
} from './counter.inputs';
import { CounterService } from './counter.service';
import { AcceptRosterProposalPayload, RosterAutoFillJob, RosterAutoFillPayload } from './autofill.types';
import { RosterAutoFillService, type AutoFillJob } from './roster-autofill.service';
import { CalendarService } from './calendar.service';
import { ShiftService } from './shift.service';

@Injectable()
@Resolver(() => Counter)
export class CounterResolver {
  constructor(
    private readonly counters: CounterService,
    private readonly staff: StaffService,
  ) {}

  @FieldResolver(() => [ProcedureField], { description: 'The procedure fields it serves, in Vietnamese order.' })
  fields(@Root() c: Counter, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.named<string, ProcedureField[]>('counters.fields', async (keys) => {
      const all = await this.staff.fieldsByIds([...new Set(keys.flatMap((k) => k.split(',')).filter(Boolean))]);
      return keys.map((k) => all.filter((f) => k.split(',').includes(f.id)));
    }).load(c.fieldIds.join(','));
  }

  @FieldResolver(() => OneStopDesk, { nullable: true })
  desk(@Root() c: Counter, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.byId(OneStopDesk).load(c.deskId);
  }

  @Mutation(() => CounterPayload, { description: 'Adds a numbered counter to a desk.' })
  async createCounter(@Arg('input', () => CreateCounterInput) input: CreateCounterInput, @Ctx() ctx: GraphQLContext) {
    return { counter: await this.counters.create(ctx.actor, input) };
  }

  @Mutation(() => CounterPayload, { description: 'Renumbers, renames, changes the fields of, closes or retires a counter.' })
  async updateCounter(@Arg('input', () => UpdateCounterInput) input: UpdateCounterInput, @Ctx() ctx: GraphQLContext) {
    return { counter: await this.counters.update(ctx.actor, input) };
  }

  @Mutation(() => OpeningHoursPayload, { description: 'Sets a desk’s weekly opening hours (and demand), replacing the previous ones.' })
  async setOpeningHours(@Arg('input', () => SetOpeningHoursInput) input: SetOpeningHoursInput, @Ctx() ctx: GraphQLContext) {
    return { openingHours: await this.counters.setOpeningHours(ctx.actor, input) };
  }

  @Mutation(() => OpeningExceptionPayload, { description: 'A day a desk is closed or opens differently (a holiday, a special opening).' })
  async addOpeningException(@Arg('input', () => AddOpeningExceptionInput) input: AddOpeningExceptionInput, @Ctx() ctx: GraphQLContext) {
    return { openingException: await this.counters.addException(ctx.actor, input) };
  }
}

/** What a desk's page shows of its counters, hours and roster. */
@Injectable()
@Resolver(() => OneStopDesk)
export class DeskRosterResolver {
  constructor(
    private readonly counterService: CounterService,
    private readonly shiftService: ShiftService,
  ) {}

  @FieldResolver(() => [Counter], { description: 'Its counters by number (retired ones included).' })
  counters(@Root() desk: OneStopDesk, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.named<string, Counter[]>('counters.ofDesk', (ids) => this.counterService.countersOf(ids)).load(desk.id);
  }

  @FieldResolver(() => [OpeningHours], { description: 'Weekly opening hours, by weekday and time.' })
  openingHours(@Root() desk: OneStopDesk, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.named<string, OpeningHours[]>('counters.hoursOfDesk', (ids) => this.counterService.hoursOf(ids)).load(desk.id);
  }

  @FieldResolver(() => [OpeningException], { description: 'Days that open differently, from one day to another.' })
  async openingExceptions(@Root() desk: OneStopDesk, @Arg('from', () => DateScalar) from: string, @Arg('to', () => DateScalar) to: string) {
    return (await this.counterService.exceptionsOf([desk.id], from, to))[0];
  }

  @FieldResolver(() => [Shift], { description: 'Its shifts from one day to another (at most 93 days), by day and time.' })
  shifts(
    @Root() desk: OneStopDesk,
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Arg('includeCancelled', () => Boolean, { defaultValue: false }) includeCancelled: boolean,
    @Ctx() ctx: GraphQLContext,
  ) {
    return this.shiftService.ofDesk(ctx.actor, desk.id, from, to, includeCancelled);
  }

  @FieldResolver(() => Coverage, { description: 'Staffed vs demanded counters per opening slot (at most 93 days).' })
  coverage(@Root() desk: OneStopDesk, @Arg('from', () => DateScalar) from: string, @Arg('to', () => DateScalar) to: string, @Ctx() ctx: GraphQLContext) {
    return this.shiftService.coverage(ctx.actor, desk.id, from, to);
  }
}

@Injectable()
@Resolver(() => Shift)
export class ShiftResolver {
  constructor(private readonly shifts: ShiftService) {}

  @Query(() => [Shift], { description: '"Lịch trực của tôi": your own published shifts (at most 93 days).' })
  myShifts(@Arg('from', () => DateScalar) from: string, @Arg('to', () => DateScalar) to: string, @Ctx() ctx: GraphQLContext) {
    return this.shifts.mine(ctx.actor, from, to);
  }

  @FieldResolver(() => Staff, { nullable: true })
  staff(@Root() s: Shift, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.byId(Staff).load(s.staffId);
  }

  @FieldResolver(() => Counter, { nullable: true })
  counter(@Root() s: Shift, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.byId(Counter).load(s.counterId);
  }

  @FieldResolver(() => OneStopDesk, { nullable: true })
  desk(@Root() s: Shift, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.byId(OneStopDesk).load(s.deskId);
  }

  @FieldResolver(() => [ShiftRevision], { description: 'What it was before each change made after it was published, oldest first.' })
  revisions(@Root() s: Shift, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.named<string, ShiftRevision[]>('shifts.revisions', (ids) => this.shifts.revisionsOf(ids)).load(s.id);
  }

  @Mutation(() => ShiftPayload, { description: 'Plans a shift; refused (CONFLICT, extensions.rule) when it breaks a hard rule of the roster.' })
  async createShift(@Arg('input', () => CreateShiftInput) input: CreateShiftInput, @Ctx() ctx: GraphQLContext) {
    return { shift: await this.shifts.create(ctx.actor, input) };
  }

  @Mutation(() => ShiftPayload, { description: 'Moves a shift (person, counter, day or times), checked like a new one.' })
  async moveShift(@Arg('input', () => MoveShiftInput) input: MoveShiftInput, @Ctx() ctx: GraphQLContext) {
    return { shift: await this.shifts.move(ctx.actor, input) };
  }

  @Mutation(() => ShiftPayload)
  async cancelShift(@Arg('input', () => CancelShiftInput) input: CancelShiftInput, @Ctx() ctx: GraphQLContext) {
    return { shift: await this.shifts.cancel(ctx.actor, input) };
  }

  @Mutation(() => ShiftsPayload, { description: 'Two people exchange their shifts in one step.' })
  async swapShifts(@Arg('input', () => SwapShiftsInput) input: SwapShiftsInput, @Ctx() ctx: GraphQLContext) {
    return { shifts: await this.shifts.swap(ctx.actor, input) };
  }

  @Mutation(() => ShiftsPayload, { description: 'Publishes every planned shift of a desk’s week, all or nothing.' })
  async publishWeek(@Arg('input', () => DeskWeekInput) input: DeskWeekInput, @Ctx() ctx: GraphQLContext) {
    return { shifts: await this.shifts.publishWeek(ctx.actor, input) };
  }

  @Mutation(() => CopyWeekPayload, { description: 'Copies a desk’s week to another as planned shifts; those breaking a rule are listed, not copied.' })
  copyWeek(@Arg('input', () => CopyWeekInput) input: CopyWeekInput, @Ctx() ctx: GraphQLContext) {
    return this.shifts.copyWeek(ctx.actor, input);
  }
}

@Injectable()
@Resolver(() => Absence)
export class AbsenceShiftsResolver {
  constructor(private readonly shifts: ShiftService) {}

  @FieldResolver(() => [Shift], { description: 'The person’s published shifts during the absence: to cancel or hand to someone else.' })
  collidingShifts(@Root() a: Absence, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.named<Absence, Shift[]>('shifts.duringAbsence', (absences) => this.shifts.publishedDuring(absences), (a) => a.id).load(a);
  }
}

@Injectable()
@Resolver(() => RosterAutoFillJob)
export class RosterAutoFillResolver {
  constructor(private readonly autoFill: RosterAutoFillService) {}

  @Query(() => RosterAutoFillJob, { nullable: true, description: 'An auto-fill request of your province (kept an hour): poll it until DONE.' })
  rosterAutoFillJob(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    const job = this.autoFill.find(ctx.actor, id);
    return job && this.autoFill.view(job);
  }

  @Mutation(() => RosterAutoFillPayload, { description: 'Asks the solver for a roster proposal (computed in the background: poll rosterAutoFillJob).' })
  async startRosterAutoFill(@Arg('input', () => StartRosterAutoFillInput) input: StartRosterAutoFillInput, @Ctx() ctx: GraphQLContext) {
    return { job: this.autoFill.view(await this.autoFill.start(ctx.actor, input)) };
  }

  @Mutation(() => AcceptRosterProposalPayload, { description: 'Saves a proposal as planned shifts, all or nothing, each checked against the roster as it is now.' })
  async acceptRosterProposal(@Arg('input', () => RosterProposalInput) input: RosterProposalInput, @Ctx() ctx: GraphQLContext) {
    const shifts = await this.autoFill.accept(ctx.actor, input.jobId);
    return { shifts, job: this.autoFill.view(this.autoFill.find(ctx.actor, input.jobId) as AutoFillJob) };
  }

  @Mutation(() => RosterAutoFillPayload, { description: 'Drops a proposal.' })
  discardRosterProposal(@Arg('input', () => RosterProposalInput) input: RosterProposalInput, @Ctx() ctx: GraphQLContext) {
    return { job: this.autoFill.view(this.autoFill.discard(ctx.actor, input.jobId)) };
  }
}

/** A person's calendar feed (iCalendar): issued and revoked by their managers or themself. */
@Injectable()
@Resolver(() => Staff)
export class StaffCalendarResolver {
  constructor(private readonly calendar: CalendarService) {}

  @FieldResolver(() => Boolean, { description: 'Whether the person has a calendar feed address (its secret is shown only when issued).' })
  hasCalendarFeed(@Root() s: Staff, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.named<string, boolean>('calendar.hasFeed', (ids) => this.calendar.hasFeed(ids)).load(s.id);
  }

  @Mutation(() => CalendarFeedPayload, { description: 'A new address of the person’s calendar feed (published shifts, iCalendar); the old one stops working.' })
  async issueCalendarFeed(@Arg('input', () => CalendarFeedInput) input: CalendarFeedInput, @Ctx() ctx: GraphQLContext) {
    return this.calendar.issue(ctx.actor, input.staffId);
  }

  @Mutation(() => RevokeCalendarFeedPayload, { description: 'Stops the person’s calendar feed.' })
  async revokeCalendarFeed(@Arg('input', () => CalendarFeedInput) input: CalendarFeedInput, @Ctx() ctx: GraphQLContext) {
    return { staff: await this.calendar.revoke(ctx.actor, input.staffId) };
  }
}
