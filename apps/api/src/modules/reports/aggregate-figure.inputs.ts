import { IsInt, IsOptional, IsUUID, Length, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../platform/graphql/connection';
import { DateScalar } from '../../platform/graphql/scalars';
import { AggregateFigure } from './aggregate-figure.entity';

export const SOURCE_MAX = 500;
export const NOTE_MAX = 2000;

@InputType('AggregateFigureValues', { description: 'The figures of a submission: at least one; a stated total equals the sum of the parts stated with it.' })
abstract class FigureValues {
  @Field(() => Int, { nullable: true, description: 'Dossiers received via BCCI.' }) @IsOptional() @IsInt() @Min(0) receivedViaBcci?: number | null;
  @Field(() => Int, { nullable: true, description: 'Dossiers whose results were returned via BCCI (result leg only).' }) @IsOptional() @IsInt() @Min(0) resultsReturnedViaBcci?: number | null;
  @Field(() => Int, { nullable: true, description: 'Dossiers received and returned via BCCI (both legs).' }) @IsOptional() @IsInt() @Min(0) receivedAndReturnedViaBcci?: number | null;
  @Field(() => Int, { nullable: true, description: 'Dossiers via BCCI in all; with parts stated, their sum.' }) @IsOptional() @IsInt() @Min(0) totalViaBcci?: number | null;
  @Field(() => Int, { nullable: true, description: 'Dossiers received online.' }) @IsOptional() @IsInt() @Min(0) online?: number | null;
  @Field(() => Int, { nullable: true, description: 'Dossiers received in person at the desk.' }) @IsOptional() @IsInt() @Min(0) atDesk?: number | null;
}

@InputType({ description: 'Period totals of a unit that keeps its dossiers elsewhere (a form, or a row of a file).' })
export class SubmitAggregateFigureInput extends FigureValues {
  @Field(() => String, { description: 'Code of the reporting unit as it was during the period (e.g. "70" Bình Phước in 2017, "599" huyện Tánh Linh in 2022).' })
  @Length(1, 16)
  administrativeUnitCode!: string;
  @Field(() => ID, { nullable: true, description: 'A desk of that unit whose own figure this is (e.g. results returned at the provincial centre).' })
  @IsOptional()
  @IsUUID()
  deskId?: string | null;
  @Field(() => DateScalar) periodStart!: string;
  @Field(() => DateScalar, { description: 'Last day of the period; the period must be over.' }) periodEnd!: string;
  @Field(() => String, { description: 'The document or article the figures come from.' }) @Length(1, SOURCE_MAX) source!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(NOTE_MAX) note?: string | null;
}

@InputType({ description: 'Fields left out stay as they are; a figure given as null is removed.' })
export class UpdateAggregateFigureInput extends FigureValues {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int, { description: 'The `version` the client read; a record changed since answers CONFLICT.' }) @IsInt() @Min(1) version!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 16) administrativeUnitCode?: string | null;
  @Field(() => ID, { nullable: true, description: 'Null: the unit’s own figure.' }) @IsOptional() @IsUUID() deskId?: string | null;
  @Field(() => DateScalar, { nullable: true }) @IsOptional() periodStart?: string | null;
  @Field(() => DateScalar, { nullable: true }) @IsOptional() periodEnd?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, SOURCE_MAX) source?: string | null;
  @Field(() => String, { nullable: true, description: 'An empty string clears it.' }) @IsOptional() @MaxLength(NOTE_MAX) note?: string | null;
}

@InputType()
export class DeleteAggregateFigureInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int, { description: 'The version read: a stale one is CONFLICT.' }) @IsInt() @Min(1) version!: number;
}

@InputType({ description: 'Which submitted figures to read (see AggregateFigureService for the roll-up rule).' })
export class AggregateFigureFilter {
  @Field(() => ID, { nullable: true, description: 'Figures that count for this unit on `asOf`: recorded for it, or for a unit since merged into it.' })
  @IsOptional()
  @IsUUID()
  unitId?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'The map of units the question is asked on (default today): "as of 2019" Bình Phước is a province; today its figures count for Đồng Nai.' })
  @IsOptional()
  asOf?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Also figures of units under `unitId` (districts, communes) on `asOf`.' }) @IsOptional() includeSubunits?: boolean | null;
  @Field(() => DateScalar, { nullable: true, description: 'Figures whose period starts on or after this day.' }) @IsOptional() from?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Figures whose period ends on or before this day.' }) @IsOptional() to?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only this desk’s own figures.' }) @IsOptional() @IsUUID() deskId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Also desks’ own figures (parts of their unit’s: never added to the totals).' }) @IsOptional() includeDeskFigures?: boolean | null;
}

@ObjectType({ description: 'Sums of the figures a filter selects, as stated (a figure no submission stated is null, never guessed from the others).' })
export class AggregateFigureTotals {
  @Field(() => Int, { description: 'How many submissions were added up (desks’ own figures are not, unless the filter names the desk).' }) figures!: number;
  @Field(() => Int, { nullable: true }) receivedViaBcci!: number | null;
  @Field(() => Int, { nullable: true }) resultsReturnedViaBcci!: number | null;
  @Field(() => Int, { nullable: true }) receivedAndReturnedViaBcci!: number | null;
  @Field(() => Int, { nullable: true }) totalViaBcci!: number | null;
  @Field(() => Int, { nullable: true }) online!: number | null;
  @Field(() => Int, { nullable: true }) atDesk!: number | null;
}

export const AggregateFigureConnection = ConnectionType(AggregateFigure, 'AggregateFigure');

@ObjectType()
export class AggregateFigurePayload {
  @Field(() => AggregateFigure) aggregateFigure!: AggregateFigure;
}

@ObjectType()
export class DeleteAggregateFigurePayload {
  @Field(() => ID, { description: 'The id of the figure removed.' }) id!: string;
}
