import { ArrayMaxSize, IsInt, IsOptional, IsUUID, Length, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../platform/graphql/connection';
import { DateScalar } from '../../platform/graphql/scalars';
import { NOTE_MAX, SOURCE_MAX } from './aggregate-figure.inputs';
import { OutreachActivity, OutreachKind } from './outreach-activity.entity';

@InputType({ description: 'An outreach activity of a unit over a period, with the document its figures come from.' })
export class SubmitOutreachActivityInput {
  @Field(() => String, { description: 'Code of the unit as it was during the period (e.g. "599" huyện Tánh Linh in 2022).' }) @Length(1, 16) administrativeUnitCode!: string;
  @Field(() => DateScalar) periodStart!: string;
  @Field(() => DateScalar, { description: 'Last day of the period (it may still be running; it must have started).' }) periodEnd!: string;
  @Field(() => OutreachKind) kind!: OutreachKind;
  @Field(() => Int, { description: 'How many (1 or more): copies, leaflets, articles, broadcasts, groups, classes.' }) @IsInt() @Min(1) quantity!: number;
  @Field(() => Int, { nullable: true, description: 'People reached (lượt người), when known.' }) @IsOptional() @IsInt() @Min(0) peopleReached?: number | null;
  @Field(() => String, { description: 'The document or article the figures come from.' }) @Length(1, SOURCE_MAX) source!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(NOTE_MAX) note?: string | null;
}

@InputType({ description: 'Fields left out stay as they are; peopleReached given as null is removed, a note given as "" is cleared.' })
export class UpdateOutreachActivityInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int, { description: 'The `version` the client read; a record changed since answers CONFLICT.' }) @IsInt() @Min(1) version!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 16) administrativeUnitCode?: string | null;
  @Field(() => DateScalar, { nullable: true }) @IsOptional() periodStart?: string | null;
  @Field(() => DateScalar, { nullable: true }) @IsOptional() periodEnd?: string | null;
  @Field(() => OutreachKind, { nullable: true }) @IsOptional() kind?: OutreachKind | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) quantity?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) peopleReached?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, SOURCE_MAX) source?: string | null;
  @Field(() => String, { nullable: true, description: 'An empty string clears it.' }) @IsOptional() @MaxLength(NOTE_MAX) note?: string | null;
}

@InputType()
export class DeleteOutreachActivityInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int, { description: 'The version read: a stale one is CONFLICT.' }) @IsInt() @Min(1) version!: number;
}

@InputType({ description: 'Which outreach activities to read (rolled up through merged units as aggregate figures are).' })
export class OutreachActivityFilter {
  @Field(() => ID, { nullable: true, description: 'Activities that count for this unit on `asOf`: recorded for it, or for a unit since merged into it.' })
  @IsOptional()
  @IsUUID()
  unitId?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'The map of units the question is asked on (default today).' }) @IsOptional() asOf?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Also activities of units under `unitId` on `asOf`.' }) @IsOptional() includeSubunits?: boolean | null;
  @Field(() => DateScalar, { nullable: true, description: 'Activities whose period ends on or after this day.' }) @IsOptional() from?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Activities whose period starts on or before this day.' }) @IsOptional() to?: string | null;
  @Field(() => [OutreachKind], { nullable: true }) @IsOptional() @ArrayMaxSize(10) kinds?: OutreachKind[] | null;
}

@ObjectType({ description: 'The activities of one kind a filter selects, added up.' })
export class OutreachKindTotal {
  @Field(() => OutreachKind) kind!: OutreachKind;
  @Field(() => Int, { description: 'How many records.' }) activities!: number;
  @Field(() => Int) quantity!: number;
  @Field(() => Int, { nullable: true, description: 'People reached, over the records that state it; null when none does.' }) peopleReached!: number | null;
}

export const OutreachActivityConnection = ConnectionType(OutreachActivity, 'OutreachActivity');

@ObjectType()
export class OutreachActivityPayload {
  @Field(() => OutreachActivity) outreachActivity!: OutreachActivity;
}

@ObjectType()
export class DeleteOutreachActivityPayload {
  @Field(() => ID, { description: 'The id of the activity removed.' }) id!: string;
}
