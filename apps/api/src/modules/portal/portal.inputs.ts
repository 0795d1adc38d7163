import { Length, Matches, MaxLength, ValidateNested, IsOptional } from 'class-validator';
import { Field, GraphQLISODateTime as DateTimeISO, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../platform/graphql/connection';
import { DateScalar } from '../../platform/graphql/scalars';
import { DossierStatus } from '../dossiers/dossier-status';
import { TrackedProcedure } from '../dossiers/tracking.service';

// ── What a portal sends ─────────────────────────────────────────────────────

@InputType({ description: 'The applicant as the portal identified them.' })
export class PortalApplicantInput {
  @Field(() => String) @Length(1, 200) fullName!: string;
  @Field(() => String, { description: 'Số định danh cá nhân: 12 digits, checked as the counter checks it (province of birth, century and year).' }) @Length(1, 20) idNumber!: string;
  @Field(() => String, { description: 'A Vietnamese phone number; spaces, dots and +84 are accepted. The second factor of public tracking.' }) @Length(1, 20) phone!: string;
}

@InputType({ description: 'Where the post collects the paper dossier.' })
export class PortalPickupInput {
  @Field(() => String, { description: 'The street address, as the applicant wrote it.' }) @Length(1, 500) address!: string;
  @Field(() => String, { description: 'The administrative unit (commune or ward, in force today) of the address: it decides the receiving post office and desk, and must be in one of the client’s provinces.' })
  @Length(1, 16)
  administrativeUnitCode!: string;
}

@InputType({ description: 'How the applicant gets the result.' })
export class PortalResultDeliveryInput {
  @Field(() => String, { nullable: true, description: 'Given: the result goes by post to this address. Null: the applicant collects it at the desk.' }) @IsOptional() @MaxLength(500) address?: string | null;
}

@InputType({ description: 'An online dossier whose applicant chose postal pickup (the contract’s SubmitDossier).' })
export class SubmitDossierInput {
  @Field(() => String, { description: 'The portal’s key for this submission: a retry with the same key and content answers the first dossier (for at least 24 hours); other content with the key is a CONFLICT.' })
  @Matches(/^[\x21-\x7e]{1,200}$/)
  idempotencyKey!: string;
  @Field(() => String, { description: 'The national catalogue code of the procedure in the province of the pickup address (PortalProcedures).' }) @Length(1, 32) procedureCode!: string;
  @Field(() => String, { description: 'The portal’s own reference of the dossier, unique among the client’s dossiers.' }) @Length(1, 100) externalReference!: string;
  @Field(() => PortalApplicantInput) @ValidateNested() applicant!: PortalApplicantInput;
  @Field(() => PortalPickupInput) @ValidateNested() pickup!: PortalPickupInput;
  @Field(() => PortalResultDeliveryInput, { nullable: true, description: 'Absent, or without an address: the result is collected at the desk.' }) @IsOptional() @ValidateNested() resultDelivery?: PortalResultDeliveryInput | null;
}

// ── What a portal reads ─────────────────────────────────────────────────────

@ObjectType({ description: 'A post office as portals see it.' })
export class PortalPostOffice {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
}

@ObjectType({ description: 'A step of a dossier’s timeline as its portal sees it: no personal data, no staff names.' })
export class PortalDossierEvent {
  @Field(() => DateTimeISO) at!: Date;
  @Field(() => String, { description: 'A status change’s step (REGISTERED_ONLINE, RECEIVE, FORWARD, RESULT_READY …) or a postal event (PICKUP_SCHEDULED, PICKED_UP, DELIVERED …).' }) kind!: string;
  @Field(() => String, { description: 'The step in the request’s language.' }) label!: string;
  @Field(() => String, { nullable: true, description: 'The postal item number (UPU S10) of a postal event, when it has one.' }) postalItemNumber!: string | null;
}

@ObjectType({ description: 'A dossier as the portal that submitted it reads it: its progress, none of the staff’s data, and of the applicant nothing (the portal has what it sent).' })
export class PortalDossier {
  /** Not fields: what the field resolvers and the keyset need. */
  id!: string;
  procedureId!: string;
  postOfficeId!: string | null;
  /** updated_at to the microsecond, as text: the keyset cursor's value. */
  changeKey!: string;

  @Field(() => String, { description: 'Our code: <receiving unit’s identifier code>-YYMMDD-XXXX.' }) code!: string;
  @Field(() => String, { description: 'The portal’s reference, as submitted.' }) externalReference!: string;
  @Field(() => TrackedProcedure) procedure!: TrackedProcedure;
  @Field(() => DossierStatus) status!: DossierStatus;
  @Field(() => Int, { description: 'The national status code (1 = NEW … 10).' }) nationalStatusCode!: number;
  @Field(() => DateTimeISO, { description: 'When the desk received it; while NEW, when it was submitted.' }) receivedAt!: Date;
  @Field(() => DateScalar, { nullable: true, description: 'The legal due day; null while NEW (the clock starts when the desk receives the collected paper dossier).' }) dueDate!: string | null;
  @Field(() => Boolean, { description: 'Past its legal due moment while open with the clock running, or its result came late; false while NEW.' }) overdue!: boolean;
  @Field(() => DateTimeISO, { description: 'Its last change: a status step, a postal event or a pickup step.' }) updatedAt!: Date;
  @Field(() => PortalPostOffice, { nullable: true, description: 'The post office that collects the paper dossier.' }) receivingPostOffice!: PortalPostOffice | null;
  @Field(() => [PortalDossierEvent], { description: 'Oldest first.' }) timeline!: PortalDossierEvent[];
}

@ObjectType()
export class SubmitDossierPayload {
  @Field(() => PortalDossier) dossier!: PortalDossier;
}

export const PortalDossierConnection = ConnectionType(PortalDossier, 'PortalDossier');
