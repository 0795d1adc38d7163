import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLISODateTime as DateTimeISO } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar } from '../../platform/graphql/scalars';
import { DossierStatus, NATIONAL_STATUS_CODE } from './dossier-status';

export { DossierStatus, NATIONAL_STATUS_CODE };

export enum DossierChannel {
  AT_DESK = 'AT_DESK',
  AT_POST_OFFICE = 'AT_POST_OFFICE',
  ONLINE_WITH_POSTAL_PICKUP = 'ONLINE_WITH_POSTAL_PICKUP',
  HOME_APPOINTMENT = 'HOME_APPOINTMENT',
}
registerEnumType(DossierChannel, {
  name: 'DossierChannel',
  description: 'How the dossier reached the desk.',
  valuesConfig: {
    AT_DESK: { description: 'Nộp trực tiếp tại Bộ phận Một cửa' },
    AT_POST_OFFICE: { description: 'Nộp tại bưu cục (BCCI)' },
    ONLINE_WITH_POSTAL_PICKUP: { description: 'Nộp trực tuyến, bưu điện thu gom hồ sơ giấy' },
    HOME_APPOINTMENT: { description: 'Bưu điện đến nhà tiếp nhận theo hẹn' },
  },
});

export enum ResultDelivery {
  AT_DESK = 'AT_DESK',
  BY_POST = 'BY_POST',
}
registerEnumType(ResultDelivery, {
  name: 'ResultDelivery',
  valuesConfig: { AT_DESK: { description: 'Nhận kết quả tại Bộ phận Một cửa' }, BY_POST: { description: 'Nhận kết quả qua dịch vụ bưu chính công ích, tại địa chỉ' } },
});

export enum SatisfactionRating {
  SATISFIED = 'SATISFIED',
  NEUTRAL = 'NEUTRAL',
  DISSATISFIED = 'DISSATISFIED',
}
registerEnumType(SatisfactionRating, {
  name: 'SatisfactionRating',
  valuesConfig: { SATISFIED: { description: 'Hài lòng' }, NEUTRAL: { description: 'Bình thường' }, DISSATISFIED: { description: 'Không hài lòng' } },
});
/** Stored as 1 (satisfied), 2, 3 (dissatisfied). */
export const RATING_VALUE: Record<SatisfactionRating, number> = { SATISFIED: 1, NEUTRAL: 2, DISSATISFIED: 3 };

@ObjectType({ description: 'Hồ sơ: one application for a procedure, from reception to the result returned.' })
@Entity('dossier')
export class Dossier {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Field(() => String, { description: 'Mã hồ sơ: <receiving unit’s identifier code>-YYMMDD-XXXX (Circular 01/2018/TT-VPCP, Article 19).' }) @Column('varchar') code!: string;
  @Column('uuid') provinceId!: string;
  @Column('uuid') procedureId!: string;
  @Column('uuid') deskId!: string;
  @Column('uuid') agencyId!: string;
  @Column('uuid', { nullable: true }) postOfficeId!: string | null;
  @Column('uuid', { nullable: true }) clerkId!: string | null;
  @Field(() => DossierChannel) @Column({ type: 'enum', enum: DossierChannel, enumName: 'dossier_channel' }) channel!: DossierChannel;
  @Field(() => DossierStatus) @Column({ type: 'enum', enum: DossierStatus, enumName: 'dossier_status' }) status!: DossierStatus;
  /** Personal data: served through field resolvers that mask it for readers who do not handle the dossier. */
  @Column('text') applicantName!: string;
  @Column('char', { length: 12, nullable: true }) applicantNationalId!: string | null;
  @Column('varchar') applicantPhone!: string;
  @Column('varchar', { nullable: true }) applicantEmail!: string | null;
  @Column('text', { nullable: true }) applicantAddress!: string | null;
  @Field(() => DateTimeISO) @Column('timestamptz') receivedAt!: Date;
  @Field(() => DateTimeISO, { description: 'The legal due moment: working days (17:00 of the due day) or working hours after reception, the clock stopped while a supplement was awaited.' })
  @Column('timestamptz')
  dueAt!: Date;
  @Field(() => DateScalar, { nullable: true, description: 'The new date promised in the apology letter (Form 04), kept beside the legal one.' }) @Column('date', { nullable: true }) promisedOn!: string | null;
  @Field(() => DateTimeISO, { nullable: true, description: 'Set while the clock is stopped by a supplement request.' }) @Column('timestamptz', { nullable: true }) clockStoppedAt!: Date | null;
  @Field(() => Int, { description: 'Phí, lệ phí collected, VND.' }) @Column('bigint', { transformer: { from: Number, to: (v: number) => v } }) procedureFee!: number;
  @Field(() => Int, { description: 'Cước bưu chính collected, VND (0 when nothing goes by post).' }) @Column('bigint', { transformer: { from: Number, to: (v: number) => v } }) postalFee!: number;
  @Field(() => ResultDelivery) @Column({ type: 'enum', enum: ResultDelivery, enumName: 'result_delivery' }) resultDelivery!: ResultDelivery;
  @Column('text', { nullable: true }) deliveryAddress!: string | null;
  @Field(() => DateTimeISO, { nullable: true }) @Column('timestamptz', { nullable: true }) resultReadyAt!: Date | null;
  @Field(() => DateTimeISO, { nullable: true }) @Column('timestamptz', { nullable: true }) resultReturnedAt!: Date | null;
  @Column('smallint', { nullable: true }) rating!: number | null;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) ratingComment!: string | null;
  @Field(() => DateTimeISO, { nullable: true }) @Column('timestamptz', { nullable: true }) ratedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'The sending portal’s own reference.' }) @Column('varchar', { nullable: true }) portalReference!: string | null;
  /** The portal's API client that submitted it (modules/portal): the client reads it back and polls its changes. */
  @Column('uuid', { nullable: true }) submittedByClientId!: string | null;
  @Field(() => Int) @Column('int') version!: number;
  @Field(() => DateTimeISO) @Column('timestamptz') createdAt!: Date;
  @Field(() => DateTimeISO) @Column('timestamptz') updatedAt!: Date;
}

@ObjectType({ description: 'A component (giấy tờ) received with the dossier.' })
@Entity('dossier_component')
export class DossierComponent {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') dossierId!: string;
  @Field(() => Int) @Column('int') position!: number;
  @Field(() => String) @Column('text') name!: string;
  @Field(() => Int) @Column('int') originals!: number;
  @Field(() => Int) @Column('int') copies!: number;
  @Field(() => Boolean, { description: 'Đã số hóa: scanned into the electronic dossier.' }) @Column('boolean') digitised!: boolean;
}

@ObjectType({ description: 'A step of the dossier’s timeline: a status change or an event of the postal leg.' })
@Entity('dossier_event')
export class DossierEvent {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') dossierId!: string;
  @Column({ type: 'bigint', insert: false, update: false }) seq!: string;
  @Field(() => DateTimeISO) @Column('timestamptz') at!: Date;
  @Field(() => String, { description: 'STATUS_CHANGED, or a postal event (PICKUP_SCHEDULED, PICKED_UP, HANDED_TO_AGENCY, RESULT_COLLECTED, OUT_FOR_DELIVERY, DELIVERED, DELIVERY_FAILED), or APOLOGY, RATED.' })
  @Column('varchar')
  kind!: string;
  @Field(() => DossierStatus, { nullable: true }) @Column({ type: 'enum', enum: DossierStatus, enumName: 'dossier_status', nullable: true }) fromStatus!: DossierStatus | null;
  @Field(() => DossierStatus, { nullable: true }) @Column({ type: 'enum', enum: DossierStatus, enumName: 'dossier_status', nullable: true }) toStatus!: DossierStatus | null;
  @Column('uuid', { nullable: true }) actorId!: string | null;
  @Field(() => String, { description: 'Who did it (a person’s display name, or the system).' }) @Column('text') actorLabel!: string;
  @Field(() => String, { nullable: true, description: 'The unit that did it (desk, agency or post office).' }) @Column('text', { nullable: true }) unitName!: string | null;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) place!: string | null;
  @Field(() => String, { nullable: true, description: 'The postal item number (UPU S10).' }) @Column('varchar', { nullable: true }) postalItem!: string | null;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) note!: string | null;
  @Field(() => DateTimeISO, { nullable: true, description: 'The due moment after this step, when it changed it.' }) @Column('timestamptz', { nullable: true }) dueAt!: Date | null;
}
