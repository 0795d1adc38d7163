import { IsOptional, Length } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../platform/graphql/scalars';
import { ReportGranularity, ReportPeriod, VolumeBreakdown, VolumeRowKind } from './report.inputs';

export enum QualityIndicator {
  ON_TIME = 'ON_TIME',
  ONLINE = 'ONLINE',
  DIGITISED = 'DIGITISED',
  SATISFACTION = 'SATISFACTION',
}
registerEnumType(QualityIndicator, {
  name: 'QualityIndicator',
  description: 'The figures of the service-quality index of Decision 766/QĐ-TTg (2022) the data here allows: results on time, dossiers received online, dossiers digitised, applicants satisfied.',
});

@InputType({ description: 'A service-quality index report: which unit, on which day’s map of units, which periods, split how (as dossierVolumes; see ServiceQualityService).' })
export class ServiceQualityFilter {
  @Field(() => String, { nullable: true, description: 'An administrative unit’s id or code (in force on `asOf`). Default: the caller’s province; national callers without one get the country.' })
  @IsOptional()
  @Length(1, 64)
  unit?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'The map of units the report is drawn on (default today).' }) @IsOptional() asOf?: string | null;
  @Field(() => DateScalar, { description: 'First Vietnam day.' }) from!: string;
  @Field(() => DateScalar, { description: 'Last Vietnam day (included).' }) to!: string;
  @Field(() => ReportGranularity, { defaultValue: ReportGranularity.MONTH, description: 'The periods (months by default).' }) granularity!: ReportGranularity;
  @Field(() => VolumeBreakdown, { defaultValue: VolumeBreakdown.NONE, description: 'Also per child unit, desk or post office.' }) breakdown!: VolumeBreakdown;
}

@ObjectType({ description: 'One figure of the index for one row: the share, what it is a share of, and its reference points.' })
export class ServiceQualityFigure {
  @Field(() => QualityIndicator) indicator!: QualityIndicator;
  @Field(() => Int, { description: 'What is counted (e.g. results ready on time).' }) numerator!: number;
  @Field(() => Int, { description: 'What it is counted out of (e.g. results ready).' }) denominator!: number;
  @Field(() => Float, { nullable: true, description: 'numerator / denominator (0–1); null when the denominator is 0.' }) share!: number | null;
  @Field(() => Float, { nullable: true, description: 'Reference points: share × the maximum points of its group in Decision 766 (one decimal); null without a share.' }) points!: number | null;
  @Field(() => Int, { description: 'The maximum points of the decision’s group this figure stands for.' }) maxPoints!: number;
}

@ObjectType({ description: 'The index of one unit, desk or post office over one period (from the dossiers held here only).' })
export class ServiceQualityRow {
  @Field(() => VolumeRowKind) kind!: VolumeRowKind;
  @Field(() => ID, { nullable: true, description: 'The unit, desk or post office; null for what no desk or post office holds.' }) id!: string | null;
  @Field(() => String, { nullable: true }) code!: string | null;
  @Field(() => String) name!: string;
  @Field(() => ReportPeriod, { description: 'The period; for a row over the whole report, the report’s days.' }) period!: ReportPeriod;
  @Field(() => Int) received!: number;
  @Field(() => Int) online!: number;
  @Field(() => Int) digitised!: number;
  @Field(() => Int) resolvedOnTime!: number;
  @Field(() => Int) resolvedLate!: number;
  @Field(() => Int) ratedSatisfied!: number;
  @Field(() => Int) ratedNeutral!: number;
  @Field(() => Int) ratedDissatisfied!: number;
  @Field(() => [ServiceQualityFigure], { description: 'One per indicator, in the order of `methods`.' }) figures!: ServiceQualityFigure[];
  @Field(() => Float, { nullable: true, description: 'Sum of the figures’ reference points (those with a share); null when none has one. Never the decision’s 100-point index.' })
  points!: number | null;
  @Field(() => Int, { description: 'Sum of the maximum points of the figures with a share: what `points` is out of.' }) maxPoints!: number;
}

@ObjectType({ description: 'How one figure of the index is computed, written beside it (in the request’s language).' })
export class ServiceQualityMethod {
  @Field(() => QualityIndicator) indicator!: QualityIndicator;
  @Field(() => String, { description: 'Its name.' }) name!: string;
  @Field(() => String, { description: 'What it counts, and on which day.' }) counts!: string;
  @Field(() => String, { description: 'The formula.' }) formula!: string;
  @Field(() => String, { description: 'Which part of Decision 766/QĐ-TTg it stands for.' }) decisionPart!: string;
  @Field(() => Int, { description: 'The maximum points of that group in the decision.' }) maxPoints!: number;
  @Field(() => String, { description: 'What of that group the data here cannot cover.' }) notCovered!: string;
}

@ObjectType({ description: 'A group of Decision 766/QĐ-TTg that the data here cannot measure at all.' })
export class ServiceQualityGap {
  @Field(() => String) name!: string;
  @Field(() => Int) maxPoints!: number;
  @Field(() => String, { description: 'Why it is left out.' }) reason!: string;
}

@ObjectType({ description: 'The service-quality index of Decision 766/QĐ-TTg (2022) as far as the data here allows, per period and per child unit, desk or post office, each figure with its method.' })
export class ServiceQualityReport {
  @Field(() => ID, { nullable: true }) unitId!: string | null;
  @Field(() => String) unitName!: string;
  @Field(() => DateScalar) asOf!: string;
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar) to!: string;
  @Field(() => ReportGranularity) granularity!: ReportGranularity;
  @Field(() => VolumeBreakdown) breakdown!: VolumeBreakdown;
  @Field(() => [ServiceQualityMethod], { description: 'How each figure is computed, in the order of the rows’ figures.' }) methods!: ServiceQualityMethod[];
  @Field(() => [ServiceQualityGap], { description: 'The decision’s groups left out.' }) notCovered!: ServiceQualityGap[];
  @Field(() => String, { description: 'How the reference points are made, and that they are not the decision’s 100-point index.' }) scoring!: string;
  @Field(() => [ServiceQualityRow], { description: 'The unit as a whole, period by period (periods with nothing to show are left out).' }) periods!: ServiceQualityRow[];
  @Field(() => [ServiceQualityRow], { description: 'Each child unit, desk or post office over the report’s days, in Vietnamese order (empty with breakdown NONE).' }) rows!: ServiceQualityRow[];
  @Field(() => [ServiceQualityRow], { description: 'Each child unit, desk or post office period by period (empty with breakdown NONE).' }) cells!: ServiceQualityRow[];
  @Field(() => ServiceQualityRow, { description: 'The unit over the report’s days.' }) totals!: ServiceQualityRow;
  @Field(() => String, { nullable: true, description: 'What the report leaves out for this reader (a post office manager: their tree only), in the request’s language.' }) note!: string | null;
}
