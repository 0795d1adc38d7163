import { IsInt, IsOptional, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../platform/graphql/connection';
import { DateScalar } from '../../platform/graphql/scalars';
import { ReportTarget, TargetMetric } from './report-target.entity';

export const BASIS_MAX = 500;

@InputType({ description: 'A target a province assigns one of its units for a period.' })
export class SetReportTargetInput {
  @Field(() => String, { description: 'Code of the unit as it was during the period (e.g. a commune\'s code).' }) @Length(1, 16) administrativeUnitCode!: string;
  @Field(() => TargetMetric) metric!: TargetMetric;
  @Field(() => DateScalar) periodStart!: string;
  @Field(() => DateScalar) periodEnd!: string;
  @Field(() => Float, { description: 'Per cent, above 0 and at most 100, one decimal.' }) @Min(0) @Max(100) targetPercent!: number;
  @Field(() => String, { nullable: true, description: 'The decision or criterion the share comes from.' }) @IsOptional() @MaxLength(BASIS_MAX) basis?: string | null;
}

@InputType({ description: 'Fields left out stay as they are.' })
export class UpdateReportTargetInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int, { description: 'The `version` the client read; a record changed since answers CONFLICT.' }) @IsInt() @Min(1) version!: number;
  @Field(() => DateScalar, { nullable: true }) @IsOptional() periodStart?: string | null;
  @Field(() => DateScalar, { nullable: true }) @IsOptional() periodEnd?: string | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0) @Max(100) targetPercent?: number | null;
  @Field(() => String, { nullable: true, description: 'An empty string clears it.' }) @IsOptional() @MaxLength(BASIS_MAX) basis?: string | null;
}

@InputType()
export class DeleteReportTargetInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int, { description: 'The version read: a stale one is CONFLICT.' }) @IsInt() @Min(1) version!: number;
}

@InputType({ description: 'Which targets to read.' })
export class ReportTargetFilter {
  @Field(() => ID, { nullable: true, description: 'Targets that count for this unit on `asOf`: set for it, or for a unit since merged into it.' })
  @IsOptional()
  @IsUUID()
  unitId?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'The map of units the question is asked on (default today).' }) @IsOptional() asOf?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Also targets of the units under `unitId` on `asOf`.' }) @IsOptional() includeSubunits?: boolean | null;
  @Field(() => TargetMetric, { nullable: true }) @IsOptional() metric?: TargetMetric | null;
  @Field(() => DateScalar, { nullable: true, description: 'Targets whose period ends on or after this day.' }) @IsOptional() from?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Targets whose period starts on or before this day.' }) @IsOptional() to?: string | null;
}

export const ReportTargetConnection = ConnectionType(ReportTarget, 'ReportTarget');

@ObjectType()
export class ReportTargetPayload {
  @Field(() => ReportTarget) reportTarget!: ReportTarget;
}

@ObjectType()
export class DeleteReportTargetPayload {
  @Field(() => ID, { description: 'The id of the target removed.' }) id!: string;
}

/** How far a unit is from its target: the traffic light of report-target.service.ts. */
export enum TargetLight {
  ON_TARGET = 'ON_TARGET',
  CLOSE = 'CLOSE',
  BEHIND = 'BEHIND',
  NO_DATA = 'NO_DATA',
  NOT_STARTED = 'NOT_STARTED',
}
registerEnumType(TargetLight, {
  name: 'TargetLight',
  description: 'Traffic light of a target: ON_TARGET (green, at or above it), CLOSE (amber, at least 80 % of it), BEHIND (red), NO_DATA (no dossier received to measure), NOT_STARTED (its period has not begun).',
});

@ObjectType({ description: 'A target beside the actual share of its unit over its period so far, with its traffic light.' })
export class TargetProgress {
  @Field(() => ReportTarget) target!: ReportTarget;
  @Field(() => ID, { nullable: true, description: 'The unit measured: the target’s unit as it stands on the day asked (merged units roll up).' }) unitId!: string | null;
  @Field(() => String, { description: 'Its name on that day.' }) unitName!: string;
  @Field(() => DateScalar, { nullable: true, description: 'First day measured (the period’s first); null before the period begins.' }) measuredFrom!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Last day measured: the period’s last, or today while it runs.' }) measuredTo!: string | null;
  @Field(() => Int, { nullable: true, description: 'Dossiers received over the days measured (the share’s denominator).' }) received!: number | null;
  @Field(() => Int, { nullable: true, description: 'Of them, those received online (ONLINE_SHARE) or via BCCI (BCCI_SHARE).' }) counted!: number | null;
  @Field(() => Float, { nullable: true, description: 'counted ÷ received, in per cent (one decimal); null without dossiers received.' }) actualPercent!: number | null;
  @Field(() => Float, { nullable: true, description: 'actualPercent − the target, in percentage points (negative: behind).' }) gapPoints!: number | null;
  @Field(() => TargetLight) light!: TargetLight;
}
