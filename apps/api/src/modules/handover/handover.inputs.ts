import { ArrayMaxSize, ArrayMinSize, IsOptional, IsUUID, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateScalar } from '../../platform/graphql/scalars';
import { VersionedInput } from '../rollout/rollout.inputs';
import { FacilityHandover, PersonnelHandover } from './handover.entity';
import { EquipmentLine, HandoverStatus, HandoverTask, PersonRefInput, Premises, Signatory } from './handover.types';

@InputType()
export class HandoverFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() programmeId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() phaseId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() siteId?: string | null;
  @Field(() => [HandoverStatus], { nullable: true }) status?: HandoverStatus[] | null;
}

@InputType()
export class CreatePersonnelHandoverInput {
  @Field(() => ID) @IsUUID() siteId!: string;
  @Field(() => [HandoverTask]) @ArrayMinSize(1) tasks!: HandoverTask[];
  @Field(() => [PersonRefInput], { defaultValue: [] }) @ValidateNested() @ArrayMaxSize(200) relieved!: PersonRefInput[];
  @Field(() => [PersonRefInput], { defaultValue: [] }) @ValidateNested() @ArrayMaxSize(200) deployed!: PersonRefInput[];
  @Field(() => DateScalar, { nullable: true, description: 'The planned effective date.' }) effectiveOn?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) note?: string | null;
}

@InputType({ description: 'Changes a DRAFT; fields left out stay.' })
export class UpdatePersonnelHandoverInput extends VersionedInput {
  @Field(() => [HandoverTask], { nullable: true }) @IsOptional() @ArrayMinSize(1) tasks?: HandoverTask[] | null;
  @Field(() => [PersonRefInput], { nullable: true }) @IsOptional() @ValidateNested() @ArrayMaxSize(200) relieved?: PersonRefInput[] | null;
  @Field(() => [PersonRefInput], { nullable: true }) @IsOptional() @ValidateNested() @ArrayMaxSize(200) deployed?: PersonRefInput[] | null;
  @Field(() => DateScalar, { nullable: true }) effectiveOn?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) note?: string | null;
}

@InputType()
export class CreateFacilityHandoverInput {
  @Field(() => ID) @IsUUID() siteId!: string;
  @Field(() => Premises, { nullable: true }) @IsOptional() @ValidateNested() premisesBefore?: Premises | null;
  @Field(() => Premises, { nullable: true }) @IsOptional() @ValidateNested() premisesAfter?: Premises | null;
  @Field(() => [EquipmentLine], { defaultValue: [] }) @ValidateNested() @ArrayMaxSize(200) equipment!: EquipmentLine[];
  @Field(() => Number, { defaultValue: 0, description: 'VND spent building or refitting the premises.' }) @Min(0) @Max(1e13) constructionCost!: number;
  @Field(() => DateScalar, { nullable: true }) relocationOn?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) conditionNotes?: string | null;
  @Field(() => DateScalar, { nullable: true }) effectiveOn?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) note?: string | null;
}

@InputType({ description: 'Changes a DRAFT; fields left out stay.' })
export class UpdateFacilityHandoverInput extends VersionedInput {
  @Field(() => Premises, { nullable: true }) @IsOptional() @ValidateNested() premisesBefore?: Premises | null;
  @Field(() => Premises, { nullable: true }) @IsOptional() @ValidateNested() premisesAfter?: Premises | null;
  @Field(() => [EquipmentLine], { nullable: true }) @IsOptional() @ValidateNested() @ArrayMaxSize(200) equipment?: EquipmentLine[] | null;
  @Field(() => Number, { nullable: true }) @IsOptional() @Min(0) @Max(1e13) constructionCost?: number | null;
  @Field(() => DateScalar, { nullable: true }) relocationOn?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) conditionNotes?: string | null;
  @Field(() => DateScalar, { nullable: true }) effectiveOn?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) note?: string | null;
}

@InputType({ description: 'Records the signed handover record (biên bản): DRAFT → SIGNED.' })
export class SignHandoverInput extends VersionedInput {
  @Field(() => String) @Length(1, 64) recordNumber!: string;
  @Field(() => DateScalar) signedOn!: string;
  @Field(() => [Signatory], { description: 'At least the handing and the receiving side.' }) @ValidateNested() @ArrayMinSize(2) @ArrayMaxSize(20) signatories!: Signatory[];
}

@InputType({ description: 'SIGNED → EFFECTIVE.' })
export class MakeHandoverEffectiveInput extends VersionedInput {
  @Field(() => DateScalar, { nullable: true, description: 'Default: the planned effective date, else today. Not in the future.' }) effectiveOn?: string | null;
}

@InputType({ description: 'Undoes a handover (→ REVERSED) with the reason.' })
export class ReverseHandoverInput extends VersionedInput {
  @Field(() => String) @Length(1, 2000) reason!: string;
}

@ObjectType()
export class PersonnelHandoverPayload {
  @Field(() => PersonnelHandover) personnelHandover!: PersonnelHandover;
}

@ObjectType()
export class FacilityHandoverPayload {
  @Field(() => FacilityHandover) facilityHandover!: FacilityHandover;
}
