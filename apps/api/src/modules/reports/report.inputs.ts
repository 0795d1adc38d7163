import { IsOptional, Length } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../platform/graphql/scalars';
import { DossierChannel } from '../dossiers/dossier.entity';
import { AggregateFigure } from './aggregate-figure.entity';

export enum ReportGranularity {
  DAY = 'DAY',
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}
registerEnumType(ReportGranularity, { name: 'ReportGranularity', description: 'The periods of a report: Vietnam calendar days, months, quarters or years.' });

export enum VolumeBreakdown {
  NONE = 'NONE',
  CHILD_UNIT = 'CHILD_UNIT',
  DESK = 'DESK',
  POST_OFFICE = 'POST_OFFICE',
}
registerEnumType(VolumeBreakdown, {
  name: 'VolumeBreakdown',
  description: 'How a volume report splits its unit: not at all, by the units directly under it (as of the report’s day), by one-stop desk, or by post office.',
});

export enum VolumeRowKind {
  /** The chosen unit as a whole (breakdown NONE, and the totals). */
  UNIT = 'UNIT',
  /** A unit directly under the chosen one. */
  CHILD_UNIT = 'CHILD_UNIT',
  /** What is located at the chosen unit itself, under none of its children (a provincial centre's desk, the province's own figures). */
  UNIT_ITSELF = 'UNIT_ITSELF',
  DESK = 'DESK',
  POST_OFFICE = 'POST_OFFICE',
  /** Figures not split that way: dossiers without a desk or post office, units' aggregate figures in a desk or post office breakdown. */
  UNATTRIBUTED = 'UNATTRIBUTED',
}
registerEnumType(VolumeRowKind, { name: 'VolumeRowKind', description: 'What a row of a volume report stands for.' });

export enum VolumeSource {
  /** Counted from the dossiers held here (the daily rollups). */
  DOSSIERS = 'DOSSIERS',
  /** Reported by the unit (submitted aggregate figures). */
  AGGREGATE_FIGURES = 'AGGREGATE_FIGURES',
}
registerEnumType(VolumeSource, { name: 'VolumeSource', description: 'Where a report’s figures come from: dossiers held here, or figures reported by the unit.' });

@InputType({ description: 'A volume report: which unit, on which day’s map of units, which periods, split how (see ReportService for the rules).' })
export class DossierVolumeFilter {
  @Field(() => String, {
    nullable: true,
    description: 'An administrative unit’s id or code (the version in force on `asOf`). Default: the caller’s province; national callers without one get the country, by province with CHILD_UNIT.',
  })
  @IsOptional()
  @Length(1, 64)
  unit?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'The map of units the report is drawn on (default today): a 2024 Bình Phước desk counts for Đồng Nai as of 2026, for Bình Phước as of 2019.' })
  @IsOptional()
  asOf?: string | null;
  @Field(() => DateScalar, { description: 'First Vietnam day of the report.' }) from!: string;
  @Field(() => DateScalar, { description: 'Last Vietnam day of the report (included).' }) to!: string;
  @Field(() => ReportGranularity, { defaultValue: ReportGranularity.MONTH }) granularity!: ReportGranularity;
  @Field(() => VolumeBreakdown, { defaultValue: VolumeBreakdown.NONE }) breakdown!: VolumeBreakdown;
  @Field(() => [DossierChannel], {
    nullable: true,
    description: 'Only the dossiers of these channels. Aggregate figures are not split by channel: with this filter they are left out (the note says so).',
  })
  @IsOptional()
  channels?: DossierChannel[] | null;
}

@ObjectType({ description: 'A period of a report, within the report’s days.' })
export class ReportPeriod {
  @Field(() => DateScalar) start!: string;
  @Field(() => DateScalar, { description: 'Last day, included.' }) end!: string;
  @Field(() => String, { description: 'As officials write it: "Ngày 05/12/2026", "Tháng 7/2026", "Quý 3/2026", "Năm 2023"; a period cut by the report’s days as "dd/MM/yyyy – dd/MM/yyyy".' })
  label!: string;
}

@ObjectType({ description: 'An aggregate figure a row draws on.' })
export class VolumeAggregateFigure {
  @Field(() => AggregateFigure) figure!: AggregateFigure;
  @Field(() => Boolean, {
    description: 'Whether its figures are added into this row. A desk’s own figure ("of which … at the provincial centre") is a part of its unit’s figure: listed in its desk’s row, never added twice.',
  })
  countedHere!: boolean;
}

@ObjectType({ description: 'The figures of one unit, desk or post office over one period: dossiers held here plus figures reported by units (each figure null when no source states it).' })
export class DossierVolumeRow {
  @Field(() => VolumeRowKind) kind!: VolumeRowKind;
  @Field(() => ID, { nullable: true, description: 'The unit, desk or post office; null for unattributed figures.' }) id!: string | null;
  @Field(() => String, { nullable: true }) code!: string | null;
  @Field(() => String, { description: 'Its name (a unit’s as of the report’s day).' }) name!: string;
  @Field(() => ReportPeriod) period!: ReportPeriod;
  @Field(() => Int, { nullable: true, description: 'Dossiers received (from dossiers only: units do not report it).' }) received!: number | null;
  @Field(() => Int, { nullable: true, description: 'Dossiers received via BCCI (the post office took them in).' }) receivedViaBcci!: number | null;
  @Field(() => Int, { nullable: true, description: 'Results returned via BCCI (delivered by post).' }) resultsReturnedViaBcci!: number | null;
  @Field(() => Int, { nullable: true, description: 'Dossiers received and returned via BCCI, both legs (as units report it; dossiers held here count each leg above).' })
  receivedAndReturnedViaBcci!: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Via BCCI in all: dossiers here count received via BCCI + results returned via BCCI (each leg); a unit’s figure its stated total, else the sum of its stated parts.',
  })
  totalViaBcci!: number | null;
  @Field(() => Int, { nullable: true, description: 'Received online.' }) online!: number | null;
  @Field(() => Int, { nullable: true, description: 'Received in person at the desk.' }) atDesk!: number | null;
  @Field(() => Int, { nullable: true, description: 'Received with every component digitised.' }) digitised!: number | null;
  @Field(() => Int, { nullable: true, description: 'Results returned (any way).' }) resultsReturned!: number | null;
  @Field(() => Int, { nullable: true, description: 'Results ready on time (by the legal due moment).' }) resolvedOnTime!: number | null;
  @Field(() => Int, { nullable: true, description: 'Results ready late.' }) resolvedLate!: number | null;
  @Field(() => Int, { nullable: true, description: 'Applicants’ ratings given in the period: satisfied (from dossiers only).' }) ratedSatisfied!: number | null;
  @Field(() => Int, { nullable: true, description: 'Ratings given: neutral (from dossiers only).' }) ratedNeutral!: number | null;
  @Field(() => Int, { nullable: true, description: 'Ratings given: dissatisfied (from dossiers only).' }) ratedDissatisfied!: number | null;
  @Field(() => Float, { nullable: true, description: 'resolvedOnTime / (resolvedOnTime + resolvedLate); null when nothing was resolved.' }) onTimeRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'resolvedLate / (resolvedOnTime + resolvedLate); null when nothing was resolved.' }) overdueRate!: number | null;
  @Field(() => [VolumeSource], { description: 'Where the figures come from: DOSSIERS (counted here) and/or AGGREGATE_FIGURES (reported by the unit).' }) sources!: VolumeSource[];
  @Field(() => [VolumeAggregateFigure], { description: 'The aggregate figures drawn on, each with its source text.' }) aggregateFigures!: VolumeAggregateFigure[];
}

@ObjectType({ description: 'Dossier volumes of a unit, period by period, from the daily rollups and the submitted aggregate figures.' })
export class DossierVolumeReport {
  @Field(() => ID, { nullable: true, description: 'The unit reported on; null for the country.' }) unitId!: string | null;
  @Field(() => String) unitName!: string;
  @Field(() => DateScalar) asOf!: string;
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar) to!: string;
  @Field(() => ReportGranularity) granularity!: ReportGranularity;
  @Field(() => VolumeBreakdown) breakdown!: VolumeBreakdown;
  @Field(() => [DossierVolumeRow], { description: 'One row per unit, desk or post office and period with something to show, in Vietnamese order, then by period.' }) rows!: DossierVolumeRow[];
  @Field(() => DossierVolumeRow, { description: 'The whole report: every row, plus the aggregate figures that no single period holds.' }) totals!: DossierVolumeRow;
  @Field(() => [AggregateFigure], {
    description: 'Aggregate figures within the report’s days whose period spans more than one of its periods (a year’s figure in a monthly report): counted in the totals only, never split.',
  })
  unsplitAggregateFigures!: AggregateFigure[];
  @Field(() => String, { nullable: true, description: 'Why the rows do not add up to the totals, when they do not (in the request’s language).' }) note!: string | null;
}
