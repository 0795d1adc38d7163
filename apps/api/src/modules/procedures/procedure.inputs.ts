import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { BcciMode, OnlineLevel, Procedure, ProcedureLevel, ProcessingTimeUnit } from './procedure.entity';

/**
 * The largest file an import takes: its base64 must fit the request body limit (OSP_MAX_BODY_BYTES,
 * 256 KiB by default); a province's catalogue of a few hundred procedures is well under it.
 */
export const IMPORT_MAX_BYTES = 180 * 1024;
export const COMPONENTS_MAX = 60;
export const FEE_MAX = 100_000_000;

@InputType({ description: 'Filters of the procedure catalogue; all given must hold.' })
export class ProcedureFilter {
  @Field(() => ID, { nullable: true, description: 'The province whose list: a national reader may name one (every province otherwise); others always read their own.' }) @IsOptional() @IsUUID() provinceId?: string | null;
  @Field(() => String, { nullable: true, description: 'The province by its administrative code (e.g. "42" for Hà Tĩnh), as portals name it; the same rules as `provinceId`. A code that is no province in force: BAD_USER_INPUT on `provinceCode`.' })
  @IsOptional()
  @Length(1, 16)
  provinceCode?: string | null;
  @Field(() => String, { nullable: true, description: 'A few letters of the name (diacritics optional) or the start of the code.' }) @IsOptional() @MaxLength(200) search?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() fieldId?: string | null;
  @Field(() => ProcedureLevel, { nullable: true }) @IsOptional() level?: ProcedureLevel | null;
  @Field(() => [BcciMode], { nullable: true }) @IsOptional() @ArrayMaxSize(3) bcciModes?: BcciMode[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Also those withdrawn from the list.' }) @IsOptional() includeRetired?: boolean | null;
}

@InputType()
export class ProcedureComponentInput {
  @Field(() => String) @Length(1, 500) name!: string;
  @Field(() => Int, { defaultValue: 0 }) @IsInt() @Min(0) @Max(99) originals!: number;
  @Field(() => Int, { defaultValue: 0 }) @IsInt() @Min(0) @Max(99) copies!: number;
  @Field(() => Boolean, { defaultValue: true }) @IsBoolean() required!: boolean;
}

@InputType()
export class ProcedureInput {
  @Field(() => String, { description: 'The national catalogue code, e.g. 1.001193.' }) @Length(1, 32) code!: string;
  @Field(() => String) @Length(1, 1000) name!: string;
  @Field(() => ID) @IsUUID() fieldId!: string;
  @Field(() => ProcedureLevel) level!: ProcedureLevel;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() agencyId?: string | null;
  @Field(() => Int) @IsInt() @Min(0) @Max(FEE_MAX) procedureFee!: number;
  @Field(() => Int) @IsInt() @Min(0) @Max(FEE_MAX) postalFee!: number;
  @Field(() => Int) @IsInt() @Min(1) @Max(365) processingTime!: number;
  @Field(() => ProcessingTimeUnit, { defaultValue: ProcessingTimeUnit.WORKING_DAYS }) processingUnit!: ProcessingTimeUnit;
  @Field(() => OnlineLevel, { defaultValue: OnlineLevel.NONE }) onlineLevel!: OnlineLevel;
  @Field(() => BcciMode) bcciMode!: BcciMode;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) legalBasis?: string | null;
  @Field(() => [ProcedureComponentInput], { description: 'The checklist, in order; replaces the stored one.' })
  @ArrayMaxSize(COMPONENTS_MAX)
  @ValidateNested({ each: true })
  components!: ProcedureComponentInput[];
}

@InputType()
export class CreateProcedureInput extends ProcedureInput {
  @Field(() => ID, { nullable: true, description: 'The province whose list; a province’s administrator may leave it out.' }) @IsOptional() @IsUUID() provinceId?: string | null;
}

@InputType()
export class UpdateProcedureInput extends ProcedureInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int) version!: number;
  @Field(() => Boolean, { nullable: true, description: 'True withdraws it from the list today, false puts it back.' }) @IsOptional() retired?: boolean | null;
}

@ObjectType()
export class ProcedurePayload {
  @Field(() => Procedure) procedure!: Procedure;
}

export const IMPORT_FORMATS = ['CSV', 'XLSX'] as const;

@InputType({ description: 'A province’s catalogue as a file: one procedure a row (see the README for the columns).' })
export class ImportProceduresInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() provinceId?: string | null;
  @Field(() => String, { description: 'CSV (UTF-8, comma or semicolon) or XLSX.' }) @IsIn(IMPORT_FORMATS) format!: (typeof IMPORT_FORMATS)[number];
  @Field(() => String, { description: 'The file, base64.' }) @MaxLength(Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 4) contentBase64!: string;
  @Field(() => Boolean, { defaultValue: false, description: 'Check only: report what would happen, write nothing.' }) @IsBoolean() dryRun!: boolean;
}

@ObjectType({ description: 'Why a row of an import was refused.' })
export class ImportProblem {
  @Field(() => Int, { description: 'The row in the file, the header being row 1.' }) row!: number;
  @Field(() => String, { nullable: true, description: 'The column’s header as written in the file; null for the whole row.' }) column!: string | null;
  @Field(() => String, { description: 'In the request’s language.' }) reason!: string;
}

@ObjectType({ description: 'What an import did, or would do: all rows or none.' })
export class ProcedureImportReport {
  @Field(() => Boolean, { description: 'True when the rows were written (no row refused and not a dry run).' }) applied!: boolean;
  @Field(() => Int) rows!: number;
  @Field(() => Int, { description: 'New codes.' }) created!: number;
  @Field(() => Int, { description: 'Codes already in the list, changed.' }) updated!: number;
  @Field(() => Int, { description: 'Codes already in the list, the same.' }) unchanged!: number;
  @Field(() => [ImportProblem]) rejected!: ImportProblem[];
}
