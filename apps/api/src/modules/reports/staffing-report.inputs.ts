import { IsOptional, Length } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../platform/graphql/scalars';
import { ReportGranularity, ReportPeriod } from './report.inputs';

@InputType({ description: 'A staffing report: which unit, on which day’s map of units, which periods (see StaffingReportService for the rules).' })
export class StaffingReportFilter {
  @Field(() => String, { nullable: true, description: 'An administrative unit’s id or code (the version in force on `asOf`). Default: the caller’s province; national callers without one get the country.' })
  @IsOptional()
  @Length(1, 64)
  unit?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'The map of units the report is drawn on (default today), as for dossierVolumes.' }) @IsOptional() asOf?: string | null;
  @Field(() => DateScalar, { description: 'First Vietnam day of the report.' }) from!: string;
  @Field(() => DateScalar, { description: 'Last Vietnam day of the report (included).' }) to!: string;
  @Field(() => ReportGranularity, { defaultValue: ReportGranularity.MONTH }) granularity!: ReportGranularity;
}

@ObjectType({ description: 'Staffing of a unit over one period: handovers of desk duties, postal staff at the desks, training.' })
export class StaffingRow {
  @Field(() => ReportPeriod) period!: ReportPeriod;
  @Field(() => Int, { description: 'Personnel handovers that took effect in the period (chuyển giao nhân lực, status EFFECTIVE, by their effective day).' }) handovers!: number;
  @Field(() => Int, { description: 'Civil servants relieved of desk duties by those handovers (each handover’s list; one relieved in two handovers counts twice).' })
  civilServantsRelieved!: number;
  @Field(() => Int, { description: 'Postal staff at the unit’s desks on the period’s last day (distinct people with an assignment covering it).' }) postalStaffDeployed!: number;
  @Field(() => Int, { description: 'Postal staff who started at a desk of the unit in the period, not having been at one the day before.' }) postalStaffNewlyDeployed!: number;
  @Field(() => Int, { description: 'Training classes held in the period with attendees located in the unit.' }) trainingClasses!: number;
  @Field(() => Int, { description: 'Attendances at those classes by people located in the unit (lượt người).' }) trainingAttendees!: number;
}

@ObjectType({ description: 'Staffing of a unit period by period: civil servants relieved, postal staff deployed, training (from the handovers and the staff register).' })
export class StaffingReport {
  @Field(() => ID, { nullable: true, description: 'The unit reported on; null for the country.' }) unitId!: string | null;
  @Field(() => String, { nullable: true, description: 'Its code (what a form names the unit by); null for the country.' }) unitCode!: string | null;
  @Field(() => String) unitName!: string;
  @Field(() => DateScalar) asOf!: string;
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar) to!: string;
  @Field(() => ReportGranularity) granularity!: ReportGranularity;
  @Field(() => [StaffingRow], { description: 'One row per period, every period of the report’s days, in order.' }) rows!: StaffingRow[];
  @Field(() => StaffingRow, { description: 'The whole report’s days as one period: deployed on its last day, the rest over all of it.' }) totals!: StaffingRow;
  @Field(() => String, { nullable: true, description: 'What the figures leave out for this caller (in the request’s language).' }) note!: string | null;
}
