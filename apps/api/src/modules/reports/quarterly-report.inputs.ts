import { IsIn, IsInt, IsOptional, Length, Max, Min } from 'class-validator';
import { Field, InputType, Int, registerEnumType } from 'type-graphql';

export enum ReportFileFormat {
  XLSX = 'XLSX',
  PDF = 'PDF',
}
registerEnumType(ReportFileFormat, { name: 'ReportFileFormat', description: 'The file a report is made as: an .xlsx workbook or a PDF.' });

@InputType({ description: 'The quarterly report (báo cáo quý) of a unit: which unit, which quarter of which year (or the whole year), as which file.' })
export class QuarterlyReportInput {
  @Field(() => String, { nullable: true, description: 'An administrative unit’s id or code (in force today). Default: the caller’s province (national callers: the country).' })
  @IsOptional()
  @Length(1, 64)
  unit?: string | null;
  @Field(() => Int) @IsInt() @Min(2000) @Max(2100) year!: number;
  @Field(() => Int, { nullable: true, description: '1 to 4; null: the whole year.' }) @IsOptional() @IsInt() @IsIn([1, 2, 3, 4]) quarter?: number | null;
  @Field(() => ReportFileFormat) format!: ReportFileFormat;
}
