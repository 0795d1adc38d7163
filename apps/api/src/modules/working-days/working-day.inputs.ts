import { IsInt, IsOptional, IsUUID, Length, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../platform/graphql/scalars';
import { CalendarAdjustment, CalendarAdjustmentKind } from './working-day.entity';

@InputType({ description: 'A new adjustment of the working calendar: one day, off or worked.' })
export class CreateCalendarAdjustmentInput {
  @Field(() => DateScalar, { description: '2019-01-01 to 2100-12-31.' }) date!: string;
  @Field(() => CalendarAdjustmentKind, { description: 'DAY_OFF on a day that is a working day of the plain calendar; WORKING_DAY on a weekend day or a public holiday.' })
  kind!: CalendarAdjustmentKind;
  @Field(() => String, { description: 'In Vietnamese.' }) @Length(1, 200) name!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) legalBasis?: string | null;
}

@InputType({ description: 'Changes an adjustment; the fields left out stay as they are.' })
export class UpdateCalendarAdjustmentInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int, { description: 'The version read: a stale one is CONFLICT.' }) @IsInt() @Min(1) version!: number;
  @Field(() => DateScalar, { nullable: true }) @IsOptional() date?: string | null;
  @Field(() => CalendarAdjustmentKind, { nullable: true }) @IsOptional() kind?: CalendarAdjustmentKind | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 200) name?: string | null;
  @Field(() => String, { nullable: true, description: 'An empty string clears it.' }) @IsOptional() @MaxLength(500) legalBasis?: string | null;
}

@InputType()
export class DeleteCalendarAdjustmentInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int, { description: 'The version read: a stale one is CONFLICT.' }) @IsInt() @Min(1) version!: number;
}

@ObjectType()
export class CalendarAdjustmentPayload {
  @Field(() => CalendarAdjustment) calendarAdjustment!: CalendarAdjustment;
}

@ObjectType()
export class DeleteCalendarAdjustmentPayload {
  @Field(() => ID, { description: 'The id of the adjustment removed.' }) id!: string;
}
