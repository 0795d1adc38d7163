import { ArrayMaxSize, IsBoolean, IsEmail, IsInt, IsOptional, IsUUID, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLISODateTime as DateTimeISO } from 'type-graphql';
import { DateScalar } from '../../platform/graphql/scalars';
import { Dossier, DossierChannel, ResultDelivery, SatisfactionRating } from './dossier.entity';
import { DossierAction, DossierStatus, PostalEventKind } from './dossier-status';

export const NOTE_MAX = 2000;

@InputType({ description: 'The applicant (người nộp hồ sơ). Personal data: shown only to those who handle the dossier.' })
export class ApplicantInput {
  @Field(() => String) @Length(1, 200) fullName!: string;
  @Field(() => String, { nullable: true, description: 'Số định danh cá nhân (12 digits).' }) @IsOptional() @MaxLength(20) nationalId?: string | null;
  @Field(() => String, { description: 'A Vietnamese phone number; spaces, dots and +84 are accepted. The second factor of public tracking.' }) @Length(9, 20) phone!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsEmail() @MaxLength(254) email?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) address?: string | null;
}

@InputType({ description: 'A component received: by default the procedure’s checklist, each as it came.' })
export class ReceivedComponentInput {
  @Field(() => String) @Length(1, 500) name!: string;
  @Field(() => Int, { defaultValue: 0 }) @IsInt() @Min(0) @Max(99) originals!: number;
  @Field(() => Int, { defaultValue: 0 }) @IsInt() @Min(0) @Max(99) copies!: number;
  @Field(() => Boolean, { defaultValue: false }) @IsBoolean() digitised!: boolean;
}

@InputType()
export class ReceiveDossierInput {
  @Field(() => ID) @IsUUID() procedureId!: string;
  @Field(() => ID, { nullable: true, description: 'The receiving desk; a counter clerk’s own by default.' }) @IsOptional() @IsUUID() deskId?: string | null;
  @Field(() => DossierChannel, { defaultValue: DossierChannel.AT_DESK, description: 'AT_DESK, AT_POST_OFFICE or HOME_APPOINTMENT (online dossiers come from portals).' }) channel!: DossierChannel;
  @Field(() => ID, { nullable: true, description: 'The post office that received it (AT_POST_OFFICE, HOME_APPOINTMENT); a manager’s own by default.' }) @IsOptional() @IsUUID() postOfficeId?: string | null;
  @Field(() => ApplicantInput) @ValidateNested() applicant!: ApplicantInput;
  @Field(() => [ReceivedComponentInput], { description: 'What was received; at least one.' }) @ArrayMaxSize(60) @ValidateNested({ each: true }) components!: ReceivedComponentInput[];
  @Field(() => ResultDelivery, { defaultValue: ResultDelivery.AT_DESK }) resultDelivery!: ResultDelivery;
  @Field(() => String, { nullable: true, description: 'Where the result goes when BY_POST.' }) @IsOptional() @MaxLength(500) deliveryAddress?: string | null;
}

/** An online dossier with postal pickup, as a portal submits it (issue 12 exposes it). */
export interface OnlineDossierInput {
  procedureId: string;
  deskId: string;
  postOfficeId: string;
  applicant: ApplicantInput;
  pickupAddress: string;
  components: ReceivedComponentInput[];
  resultDelivery: ResultDelivery;
  deliveryAddress?: string | null;
  portalReference?: string | null;
  /** The portal's API client that submits it. */
  submittedByClientId?: string | null;
}

@InputType({ description: 'A step of the status machine (see DossierAction and `allowedActions`).' })
export class DossierStepInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int, { description: 'The version read: a dossier changed since is a CONFLICT.' }) version!: number;
  @Field(() => DossierAction) action!: DossierAction;
  @Field(() => String, { nullable: true, description: 'The reason (required to refuse, stop or request a supplement).' }) @IsOptional() @MaxLength(NOTE_MAX) note?: string | null;
  @Field(() => [String], { nullable: true, description: 'REQUEST_SUPPLEMENT: what to supplement, one item a line.' }) @IsOptional() @ArrayMaxSize(30) @MaxLength(500, { each: true }) items?: string[] | null;
}

@InputType({ description: 'Form 04: the apology for a dossier that is late (or will be), with the new date.' })
export class ApologiseInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int) version!: number;
  @Field(() => DateScalar, { description: 'The new day the result will be returned.' }) newDate!: string;
  @Field(() => String) @Length(1, NOTE_MAX) reason!: string;
}

@InputType({ description: 'An event of the postal leg, beside the status.' })
export class PostalEventInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => PostalEventKind) kind!: PostalEventKind;
  @Field(() => DateTimeISO, { nullable: true, description: 'When it happened; now by default (not in the future).' }) @IsOptional() at?: Date | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) place?: string | null;
  @Field(() => String, { nullable: true, description: 'The postal item number (UPU S10, e.g. EE123456785VN).' }) @IsOptional() @MaxLength(20) postalItem?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(NOTE_MAX) note?: string | null;
}

@InputType({ description: 'The applicant’s rating when the result is returned, entered at the counter.' })
export class RateDossierInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => SatisfactionRating) rating!: SatisfactionRating;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(NOTE_MAX) comment?: string | null;
}

@InputType({ description: 'Filters of the dossier grid; all given must hold.' })
export class DossierFilter {
  @Field(() => String, { nullable: true, description: 'A dossier code, the applicant’s name (diacritics optional), phone or ID number.' }) @IsOptional() @MaxLength(200) search?: string | null;
  @Field(() => [DossierStatus], { nullable: true }) @IsOptional() @ArrayMaxSize(10) statuses?: DossierStatus[] | null;
  @Field(() => [DossierChannel], { nullable: true }) @IsOptional() @ArrayMaxSize(4) channels?: DossierChannel[] | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() procedureId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() fieldId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() deskId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() agencyId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Received through this post office (or one reporting to it).' }) @IsOptional() @IsUUID() postOfficeId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'True: past the legal due moment (or returned late); false: not.' }) @IsOptional() overdue?: boolean | null;
  @Field(() => DateScalar, { nullable: true, description: 'Received on or after this day (Vietnam time).' }) @IsOptional() receivedFrom?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Received on or before this day.' }) @IsOptional() receivedTo?: string | null;
}

@ObjectType()
export class DossierPayload {
  @Field(() => Dossier) dossier!: Dossier;
}

@ObjectType()
export class DossierStatusCount {
  @Field(() => DossierStatus) status!: DossierStatus;
  @Field(() => Int) count!: number;
}

export enum DossierForm {
  RECEIPT = 'RECEIPT',
  SUPPLEMENT_REQUEST = 'SUPPLEMENT_REQUEST',
  REFUSAL = 'REFUSAL',
  APOLOGY = 'APOLOGY',
  CONTROL_SHEET = 'CONTROL_SHEET',
}
registerEnumType(DossierForm, {
  name: 'DossierForm',
  description: 'The forms of Circular 01/2018/TT-VPCP.',
  valuesConfig: {
    RECEIPT: { description: 'Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả' },
    SUPPLEMENT_REQUEST: { description: 'Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ' },
    REFUSAL: { description: 'Mẫu 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ' },
    APOLOGY: { description: 'Mẫu 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả' },
    CONTROL_SHEET: { description: 'Mẫu 05: Phiếu kiểm soát quá trình giải quyết hồ sơ' },
  },
});

@ObjectType({ description: 'A generated file.' })
export class DocumentFile {
  @Field(() => String) fileName!: string;
  @Field(() => String) contentType!: string;
  @Field(() => String) contentBase64!: string;
}

@InputType({ description: 'The ratings to summarise: given between two days (Vietnam time, both included), optionally at one desk.' })
export class SatisfactionFilter {
  @Field(() => DateScalar, { description: 'Rated on or after this day.' }) from!: string;
  @Field(() => DateScalar, { description: 'Rated on or before this day.' }) to!: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() deskId?: string | null;
}

@ObjectType({ description: 'How many ratings of each kind, and the share satisfied.' })
export class SatisfactionCounts {
  @Field(() => Int) satisfied!: number;
  @Field(() => Int) neutral!: number;
  @Field(() => Int) dissatisfied!: number;
  @Field(() => Int) total!: number;
  @Field(() => Float, { nullable: true, description: 'satisfied / total, 0–1; null when nothing was rated.' }) satisfiedShare!: number | null;
}

@ObjectType({ description: 'The ratings of the dossiers a desk received.' })
export class DeskSatisfaction extends SatisfactionCounts {
  @Field(() => ID) deskId!: string;
  @Field(() => String) deskName!: string;
}

@ObjectType({ description: 'The ratings of the dossiers one person received at a desk (clerkId null: received by no one recorded, e.g. an online dossier).' })
export class ClerkSatisfaction extends SatisfactionCounts {
  @Field(() => ID, { nullable: true }) clerkId!: string | null;
  @Field(() => String, { nullable: true, description: 'The receiving clerk’s display name.' }) clerkName!: string | null;
  @Field(() => ID) deskId!: string;
  @Field(() => String) deskName!: string;
}

@ObjectType({ description: 'Satisfaction ratings within your reach over a period: in all, per desk and per receiving clerk (most rated first).' })
export class SatisfactionSummary {
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar) to!: string;
  @Field(() => SatisfactionCounts) total!: SatisfactionCounts;
  @Field(() => [DeskSatisfaction]) desks!: DeskSatisfaction[];
  @Field(() => [ClerkSatisfaction]) clerks!: ClerkSatisfaction[];
}
