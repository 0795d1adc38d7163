import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, IsUUID, Length, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../platform/graphql/scalars';
import { AdministrativeLevel } from '../administrative-units/administrative-unit.entity';
import { NAME_MAX } from '../administrative-units/administrative-unit.inputs';
import { RECORD_CODE } from '../administrative-units/unit-owned-record';
import { PilotProgramme } from './pilot-programme.entity';
import { PilotSite } from './pilot-site.entity';
import { RolloutPhase } from './rollout-phase.entity';
import { ActionItemState, HandoverModel, MeetingKind, PhaseStatus, ProgrammeStatus, SiteStatus } from './rollout.enums';
import { CommitteeMember, LegalDocument, LevelTargets, ReadinessItem } from './rollout.types';
import { ActionItem, SteeringMeeting } from './steering-meeting.entity';

/** Every change of a versioned record names the version it was read at. */
@InputType('VersionedInput')
export abstract class VersionedInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int, { description: 'The `version` the client read; a record changed since answers CONFLICT.' }) @IsInt() @Min(1) version!: number;
}

@InputType()
export class PilotProgrammeFilter {
  @Field(() => String, { nullable: true, description: 'Programmes of this province (its code today or as it was, e.g. "70" for Bình Phước).' })
  provinceCode?: string | null;
  @Field(() => ProgrammeStatus, { nullable: true }) status?: ProgrammeStatus | null;
}

@InputType()
export class CreatePilotProgrammeInput {
  @Field(() => String) @Matches(RECORD_CODE) code!: string;
  @Field(() => String) @Length(1, NAME_MAX) name!: string;
  @Field(() => String, { description: 'Code of the province (as in force on the first decision’s day).' }) provinceCode!: string;
  @Field(() => [LegalDocument]) @ValidateNested() @ArrayMaxSize(20) legalBasis!: LegalDocument[];
  @Field(() => [CommitteeMember], { defaultValue: [] }) @ValidateNested() @ArrayMaxSize(100) committee!: CommitteeMember[];
  @Field(() => [ReadinessItem], { nullable: true, description: 'Default: agreement signed, staff trained, equipment installed, procedure list published, signage.' })
  @IsOptional()
  @ValidateNested()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  readinessItems?: ReadinessItem[] | null;
}

@InputType({ description: 'Replaces the lists given; fields left out stay as they are.' })
export class UpdatePilotProgrammeInput extends VersionedInput {
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, NAME_MAX) name?: string | null;
  @Field(() => [LegalDocument], { nullable: true }) @IsOptional() @ValidateNested() @ArrayMaxSize(20) legalBasis?: LegalDocument[] | null;
  @Field(() => [CommitteeMember], { nullable: true }) @IsOptional() @ValidateNested() @ArrayMaxSize(100) committee?: CommitteeMember[] | null;
  @Field(() => [ReadinessItem], { nullable: true }) @IsOptional() @ValidateNested() @ArrayMinSize(1) @ArrayMaxSize(30) readinessItems?: ReadinessItem[] | null;
}

@InputType()
export class ChangePilotProgrammeStatusInput extends VersionedInput {
  @Field(() => ProgrammeStatus) status!: ProgrammeStatus;
}

@InputType()
export class AddRolloutPhaseInput {
  @Field(() => ID) @IsUUID() programmeId!: string;
  @Field(() => String) @Length(1, NAME_MAX) name!: string;
  @Field(() => DateScalar) plannedStart!: string;
  @Field(() => DateScalar) plannedEnd!: string;
  @Field(() => LevelTargets) @ValidateNested() targets!: LevelTargets;
  @Field(() => [String], { defaultValue: [] }) @ArrayMaxSize(20) @Length(1, 500, { each: true }) goLiveGates!: string[];
}


@InputType({ description: 'A new plan for a phase; the plan it replaces is kept in `planHistory`.' })
export class ReplanRolloutPhaseInput extends VersionedInput {
  @Field(() => DateScalar) plannedStart!: string;
  @Field(() => DateScalar) plannedEnd!: string;
  @Field(() => LevelTargets, { nullable: true, description: 'Default: the targets stay.' }) @IsOptional() @ValidateNested() targets?: LevelTargets | null;
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(20) @Length(1, 500, { each: true }) goLiveGates?: string[] | null;
  @Field(() => String, { description: 'Why the plan changes.' }) @Length(1, 1000) reason!: string;
}

@InputType()
export class ChangeRolloutPhaseStatusInput extends VersionedInput {
  @Field(() => PhaseStatus) status!: PhaseStatus;
  @Field(() => DateScalar, { nullable: true, description: 'The actual start or end (default today).' }) on?: string | null;
}

@InputType()
export class PilotSiteFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() programmeId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() phaseId?: string | null;
  @Field(() => AdministrativeLevel, { nullable: true }) level?: AdministrativeLevel | null;
  @Field(() => [SiteStatus], { nullable: true }) status?: SiteStatus[] | null;
  @Field(() => HandoverModel, { nullable: true }) handoverModel?: HandoverModel | null;
  @Field(() => ID, { nullable: true, description: 'Sites whose partner post office is this one or reports to it, at any depth (a provincial post office answers for its district and commune post offices).' })
  @IsOptional()
  @IsUUID()
  postOfficeId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Only sites past their planned launch and not launched.' }) late?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Part of the desk’s name, ignoring case and diacritics, or its exact code.' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;
}

@InputType({ description: 'A desk to enrol.' })
export class EnrolmentInput {
  @Field(() => ID) @IsUUID() oneStopDeskId!: string;
  @Field(() => HandoverModel) handoverModel!: HandoverModel;
  @Field(() => ID, { nullable: true, description: 'The partner post office; required for AT_POST_OFFICE.' }) @IsOptional() @IsUUID() postOfficeId?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Default: the phase’s planned end.' }) plannedLaunch?: string | null;
}

@InputType({ description: 'Enrols desks in a phase: all of them or, on any problem, none.' })
export class EnrolPilotSitesInput {
  @Field(() => ID) @IsUUID() phaseId!: string;
  @Field(() => [EnrolmentInput]) @ValidateNested() @ArrayMinSize(1) @ArrayMaxSize(200) sites!: EnrolmentInput[];
  @Field(() => DateScalar, { nullable: true, description: 'The day of enrolment (default today).' }) on?: string | null;
}

@InputType()
export class UpdatePilotSiteInput extends VersionedInput {
  @Field(() => HandoverModel, { nullable: true }) handoverModel?: HandoverModel | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() postOfficeId?: string | null;
  @Field(() => DateScalar, { nullable: true }) plannedLaunch?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) note?: string | null;
}

@InputType({ description: 'Moves a site along its status machine.' })
export class MovePilotSiteInput extends VersionedInput {
  @Field(() => SiteStatus) to!: SiteStatus;
  @Field(() => DateScalar, { nullable: true, description: 'The day it takes effect (default today; not in the future).' }) on?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) note?: string | null;
}

@InputType({ description: 'Ticks or unticks one item of a site’s readiness checklist.' })
export class SetReadinessInput extends VersionedInput {
  @Field(() => String) key!: string;
  @Field(() => Boolean) done!: boolean;
  @Field(() => DateScalar, { nullable: true, description: 'Default today.' }) on?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000) note?: string | null;
}

@InputType()
export class ActionItemInput {
  @Field(() => String) @Length(1, 1000) title!: string;
  @Field(() => String) @Length(1, 200) owner!: string;
  @Field(() => DateScalar) dueOn!: string;
  @Field(() => ID, { nullable: true, description: 'The site it concerns, if one.' }) @IsOptional() @IsUUID() siteId?: string | null;
}

@InputType()
export class RecordSteeringMeetingInput {
  @Field(() => ID) @IsUUID() programmeId!: string;
  @Field(() => MeetingKind) kind!: MeetingKind;
  @Field(() => DateScalar) heldOn!: string;
  @Field(() => String) @Length(1, 500) title!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) location?: string | null;
  @Field(() => [String], { defaultValue: [] }) @ArrayMaxSize(50) @Length(1, 2000, { each: true }) decisions!: string[];
  @Field(() => [ID], { defaultValue: [], description: 'The sites it touched.' }) @ArrayMaxSize(200) @IsUUID('all', { each: true }) siteIds!: string[];
  @Field(() => [ActionItemInput], { defaultValue: [] }) @ValidateNested() @ArrayMaxSize(100) actionItems!: ActionItemInput[];
}

@InputType()
export class ChangeActionItemStateInput extends VersionedInput {
  @Field(() => ActionItemState) state!: ActionItemState;
  @Field(() => DateScalar, { nullable: true, description: 'Day it was done or cancelled (default today).' }) on?: string | null;
}

@InputType()
export class ActionItemFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() programmeId?: string | null;
  @Field(() => [ActionItemState], { nullable: true, description: 'Default: OPEN and IN_PROGRESS.' }) states?: ActionItemState[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Only those past their due date.' }) overdue?: boolean | null;
}

@ObjectType()
export class PilotProgrammePayload {
  @Field(() => PilotProgramme) pilotProgramme!: PilotProgramme;
}
@ObjectType()
export class RolloutPhasePayload {
  @Field(() => RolloutPhase) rolloutPhase!: RolloutPhase;
}
@ObjectType()
export class PilotSitePayload {
  @Field(() => PilotSite) pilotSite!: PilotSite;
}
@ObjectType()
export class EnrolPilotSitesPayload {
  @Field(() => [PilotSite]) pilotSites!: PilotSite[];
}
@ObjectType()
export class SteeringMeetingPayload {
  @Field(() => SteeringMeeting) steeringMeeting!: SteeringMeeting;
}
@ObjectType()
export class ActionItemPayload {
  @Field(() => ActionItem) actionItem!: ActionItem;
}
