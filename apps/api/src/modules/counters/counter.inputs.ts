import { ArrayMaxSize, IsInt, IsOptional, IsUUID, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateScalar, TimeOfDayScalar } from '../../platform/graphql/scalars';
import { Staff } from '../staff/staff.entity';
import { Counter, CounterStatus, OpeningException, OpeningHours, Shift } from './counter.entity';
import { RosterDemandSource } from './autofill.types';

@InputType()
export class CreateCounterInput {
  @Field(() => ID) @IsUUID() deskId!: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(999) number!: number;
  @Field(() => String) @Length(1, 200) name!: string;
  @Field(() => [ID], { description: 'Procedure fields it serves; whoever staffs it must be qualified for every one.' }) @ArrayMaxSize(50) fieldIds!: string[];
}

@InputType()
export class UpdateCounterInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int) version!: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(999) number?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 200) name?: string | null;
  @Field(() => [ID], { nullable: true }) @IsOptional() @ArrayMaxSize(50) fieldIds?: string[] | null;
  @Field(() => CounterStatus, { nullable: true }) @IsOptional() status?: CounterStatus | null;
}

@InputType()
export class OpeningIntervalInput {
  @Field(() => Int, { description: '1 = Monday … 7 = Sunday.' }) @IsInt() @Min(1) @Max(7) weekday!: number;
  @Field(() => TimeOfDayScalar) opensAt!: number;
  @Field(() => TimeOfDayScalar) closesAt!: number;
  @Field(() => Int, { nullable: true, description: 'Counters to staff; null: every open counter.' }) @IsOptional() @IsInt() @Min(0) @Max(999) demand?: number | null;
}

@InputType({ description: 'A desk’s whole week of opening hours, replacing the one before.' })
export class SetOpeningHoursInput {
  @Field(() => ID) @IsUUID() deskId!: string;
  @Field(() => [OpeningIntervalInput]) @ArrayMaxSize(70) @ValidateNested({ each: true }) intervals!: OpeningIntervalInput[];
}

@InputType({ description: 'A day that differs: closed (no times) or special hours that replace its weekday’s.' })
export class AddOpeningExceptionInput {
  @Field(() => ID) @IsUUID() deskId!: string;
  @Field(() => DateScalar) day!: string;
  @Field(() => TimeOfDayScalar, { nullable: true }) @IsOptional() opensAt?: number | null;
  @Field(() => TimeOfDayScalar, { nullable: true }) @IsOptional() closesAt?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(999) demand?: number | null;
  @Field(() => String) @Length(1, 500) note!: string;
}

@InputType()
export class CreateShiftInput {
  @Field(() => ID) @IsUUID() staffId!: string;
  @Field(() => ID) @IsUUID() counterId!: string;
  @Field(() => DateScalar) day!: string;
  @Field(() => TimeOfDayScalar) startsAt!: number;
  @Field(() => TimeOfDayScalar) endsAt!: number;
}

@InputType({ description: 'Moves a shift to another person, counter, day or time; what is not given stays.' })
export class MoveShiftInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int) version!: number;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() staffId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() counterId?: string | null;
  @Field(() => DateScalar, { nullable: true }) @IsOptional() day?: string | null;
  @Field(() => TimeOfDayScalar, { nullable: true }) @IsOptional() startsAt?: number | null;
  @Field(() => TimeOfDayScalar, { nullable: true }) @IsOptional() endsAt?: number | null;
  @Field(() => String, { nullable: true, description: 'Why a published shift changes (kept in its history).' }) @IsOptional() @MaxLength(2000) reason?: string | null;
}

@InputType()
export class CancelShiftInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int) version!: number;
  @Field(() => String) @Length(1, 2000) reason!: string;
}

@InputType({ description: 'Two people exchange their shifts in one step.' })
export class SwapShiftsInput {
  @Field(() => ID) @IsUUID() firstId!: string;
  @Field(() => ID) @IsUUID() secondId!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) reason?: string | null;
}

@InputType()
export class DeskWeekInput {
  @Field(() => ID) @IsUUID() deskId!: string;
  @Field(() => DateScalar, { description: 'Any day of the week (Monday to Sunday).' }) week!: string;
}

@InputType()
export class CopyWeekInput {
  @Field(() => ID) @IsUUID() deskId!: string;
  @Field(() => DateScalar, { description: 'A day of the week to copy.' }) fromWeek!: string;
  @Field(() => DateScalar, { description: 'A day of the week to fill.' }) toWeek!: string;
}

@ObjectType()
export class CounterPayload {
  @Field(() => Counter) counter!: Counter;
}

@ObjectType()
export class OpeningHoursPayload {
  @Field(() => [OpeningHours]) openingHours!: OpeningHours[];
}

@ObjectType()
export class OpeningExceptionPayload {
  @Field(() => OpeningException) openingException!: OpeningException;
}

@ObjectType()
export class ShiftPayload {
  @Field(() => Shift) shift!: Shift;
}

@ObjectType()
export class ShiftsPayload {
  @Field(() => [Shift]) shifts!: Shift[];
}

@ObjectType({ description: 'A shift of the source week that was not copied, and why.' })
export class SkippedShift {
  @Field(() => Shift) shift!: Shift;
  @Field(() => String, { description: 'The rule it would break (e.g. ABSENT, NOT_QUALIFIED).' }) rule!: string;
  @Field(() => String, { description: 'In the language of the request.' }) message!: string;
}

@ObjectType()
export class CopyWeekPayload {
  @Field(() => [Shift], { description: 'The new PLANNED shifts.' }) shifts!: Shift[];
  @Field(() => [SkippedShift]) skipped!: SkippedShift[];
}

@ObjectType({ description: 'One opening slot of a desk: how many counters must be staffed, how many are.' })
export class CoverageSlot {
  @Field(() => DateScalar) day!: string;
  @Field(() => TimeOfDayScalar) opensAt!: number;
  @Field(() => TimeOfDayScalar) closesAt!: number;
  @Field(() => Int) demanded!: number;
  @Field(() => Int, { description: 'Counters staffed for the whole slot (shifts not cancelled).' }) staffed!: number;
  @Field(() => Int, { description: 'Of which published.' }) published!: number;
  @Field(() => Int, { description: 'demanded − staffed, at least 0.' }) gap!: number;
}

@ObjectType()
export class Coverage {
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar) to!: string;
  @Field(() => Int) demanded!: number;
  @Field(() => Int) staffed!: number;
  @Field(() => Int) gaps!: number;
  @Field(() => [CoverageSlot]) slots!: CoverageSlot[];
}

@InputType({ description: 'What to fill: one desk, or (without deskId) every desk of your province with open counters, over at most 32 days.' })
export class StartRosterAutoFillInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() deskId?: string | null;
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar) to!: string;
  @Field(() => RosterDemandSource, { nullable: true, description: 'OPENING_HOURS (default) or FORECAST (one desk: the counters its demand forecast asks for).' }) @IsOptional() demandSource?: RosterDemandSource | null;
  @Field(() => Float, { nullable: true, description: 'With FORECAST: dossiers one counter receives per hour (default 4).' }) @IsOptional() @Min(0.5) @Max(60) dossiersPerCounterHour?: number | null;
}

@InputType()
export class RosterProposalInput {
  @Field(() => ID) @IsUUID() jobId!: string;
}

@InputType()
export class CalendarFeedInput {
  @Field(() => ID) @IsUUID() staffId!: string;
}

@ObjectType()
export class CalendarFeedPayload {
  @Field(() => String, { description: 'The feed’s path on this server (e.g. /calendar/….ics): shown once; subscribe to it from a phone’s calendar. Issuing a new one revokes the old.' }) path!: string;
  @Field(() => Staff) staff!: Staff;
}

@ObjectType()
export class RevokeCalendarFeedPayload {
  @Field(() => Staff) staff!: Staff;
}
