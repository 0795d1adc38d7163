import { ArrayMaxSize, IsEmail, IsInt, IsOptional, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../platform/graphql/scalars';
import { Absence, AbsenceKind, ProcedureField, Qualification, Staff, StaffAssignment, StaffStatus, TrainingSession } from './staff.entity';

@InputType({ description: 'Filters of the staff register; all given must hold.' })
export class StaffFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name, with or without diacritics.' }) @IsOptional() @MaxLength(200) search?: string | null;
  @Field(() => ID, { nullable: true, description: 'Employed by this post office (or one reporting to it).' }) @IsOptional() @IsUUID() postOfficeId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Employed by this agency.' }) @IsOptional() @IsUUID() agencyId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Deployed to this desk today.' }) @IsOptional() @IsUUID() deskId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Qualified for this procedure field today.' }) @IsOptional() @IsUUID() fieldId?: string | null;
  @Field(() => Int, { nullable: true, description: 'Holds a qualification that expires within this many days (or has expired).' })
  @IsOptional() @IsInt() @Min(0) @Max(3650) expiringWithinDays?: number | null;
  @Field(() => [StaffStatus], { nullable: true, description: 'Default: ACTIVE and ON_LEAVE.' }) @IsOptional() status?: StaffStatus[] | null;
}

const PHONE = /^\+?[0-9 .-]{8,20}$/;

@InputType()
export class CreateStaffInput {
  @Field(() => String) @Length(1, 200) fullName!: string;
  @Field(() => ID, { nullable: true, description: 'The employer when a post office; exactly one of postOfficeId and agencyId.' }) @IsOptional() @IsUUID() postOfficeId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The employer when an agency (a civil servant still at a desk).' }) @IsOptional() @IsUUID() agencyId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The administrative unit they live in.' }) @IsOptional() @IsUUID() homeUnitId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The desk they normally work at.' }) @IsOptional() @IsUUID() homeDeskId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(PHONE) phone?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsEmail() @MaxLength(254) email?: string | null;
  @Field(() => String, { nullable: true, description: 'Số định danh cá nhân (12 digits).' }) @IsOptional() @MaxLength(20) nationalId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The user account they sign in with.' }) @IsOptional() @IsUUID() userId?: string | null;
}

@InputType()
export class UpdateStaffInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int) version!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 200) fullName?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() postOfficeId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() agencyId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() homeUnitId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() homeDeskId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(PHONE) phone?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsEmail() @MaxLength(254) email?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(20) nationalId?: string | null;
  @Field(() => StaffStatus, { nullable: true }) @IsOptional() status?: StaffStatus | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() userId?: string | null;
}

@InputType()
export class AssignStaffInput {
  @Field(() => ID) @IsUUID() staffId!: string;
  @Field(() => ID) @IsUUID() deskId!: string;
  @Field(() => DateScalar) startsOn!: string;
  @Field(() => DateScalar, { nullable: true }) @IsOptional() endsOn?: string | null;
}

@InputType()
export class EndAssignmentInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => DateScalar, { description: 'The last day at the desk.' }) endsOn!: string;
}

@InputType()
export class AddQualificationInput {
  @Field(() => ID) @IsUUID() staffId!: string;
  @Field(() => ID) @IsUUID() fieldId!: string;
  @Field(() => DateScalar) trainedOn!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(64) certificateNumber?: string | null;
  @Field(() => DateScalar, { nullable: true }) @IsOptional() expiresOn?: string | null;
}

@InputType()
export class AddAbsenceInput {
  @Field(() => ID) @IsUUID() staffId!: string;
  @Field(() => AbsenceKind) kind!: AbsenceKind;
  @Field(() => DateScalar) startsOn!: string;
  @Field(() => DateScalar) endsOn!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) note?: string | null;
}

@InputType()
export class CreateTrainingSessionInput {
  @Field(() => ID) @IsUUID() fieldId!: string;
  @Field(() => DateScalar) heldOn!: string;
  @Field(() => String) @Length(1, 500) place!: string;
  @Field(() => String) @Length(1, 200) trainer!: string;
  @Field(() => Int, { nullable: true, description: 'Months the certificates stay valid; null: no expiry.' }) @IsOptional() @IsInt() @Min(1) @Max(240) validMonths?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) note?: string | null;
  @Field(() => [ID], { description: 'Who attended: each is qualified for the field from the day of the class.' }) @ArrayMaxSize(1000) attendeeIds!: string[];
}

@ObjectType()
export class StaffPayload {
  @Field(() => Staff) staff!: Staff;
}

@ObjectType()
export class StaffAssignmentPayload {
  @Field(() => StaffAssignment) assignment!: StaffAssignment;
}

@ObjectType()
export class QualificationPayload {
  @Field(() => Qualification) qualification!: Qualification;
}

@ObjectType()
export class AbsencePayload {
  @Field(() => Absence, { description: 'Its `collidingShifts` are the published shifts to cancel or hand to someone else.' }) absence!: Absence;
}

@ObjectType()
export class TrainingSessionPayload {
  @Field(() => TrainingSession) trainingSession!: TrainingSession;
  @Field(() => Int, { description: 'Qualifications created (one per attendee).' }) qualified!: number;
}

@InputType({ description: 'A new procedure field (lĩnh vực) of the managed list.' })
export class CreateProcedureFieldInput {
  @Field(() => String, { description: 'Stable code: uppercase letters, digits and _, 2–32 characters (e.g. HO_TICH).' })
  @MaxLength(64)
  code!: string;
  @Field(() => String) @Length(1, 200) name!: string;
}

@InputType({ description: 'Renames a procedure field, retires it (no new counters, qualifications or classes) or brings it back.' })
export class UpdateProcedureFieldInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 200) name?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'true: retired from today (Vietnam); false: in use again.' }) @IsOptional() retired?: boolean | null;
}

@ObjectType()
export class ProcedureFieldPayload {
  @Field(() => ProcedureField) procedureField!: ProcedureField;
}
