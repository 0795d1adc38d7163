import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLISODateTime as DateTimeISO } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum PickupStatus {
  TO_CALL = 'TO_CALL',
  SCHEDULED = 'SCHEDULED',
  PICKED_UP = 'PICKED_UP',
  CANCELLED = 'CANCELLED',
}
registerEnumType(PickupStatus, {
  name: 'PickupStatus',
  valuesConfig: {
    TO_CALL: { description: 'Cần gọi hẹn (mới, hoặc lần trước người nộp vắng nhà)' },
    SCHEDULED: { description: 'Đã hẹn giờ thu gom' },
    PICKED_UP: { description: 'Đã thu gom hồ sơ' },
    CANCELLED: { description: 'Đã hủy thu gom' },
  },
});

export enum PickupOutcome {
  PICKED_UP = 'PICKED_UP',
  NOT_AT_HOME = 'NOT_AT_HOME',
  CANCELLED = 'CANCELLED',
}
registerEnumType(PickupOutcome, {
  name: 'PickupOutcome',
  valuesConfig: {
    PICKED_UP: { description: 'Đã thu gom' },
    NOT_AT_HOME: { description: 'Người nộp vắng nhà: gọi hẹn lại' },
    CANCELLED: { description: 'Hủy thu gom (người nộp không nộp nữa, sai địa chỉ…)' },
  },
});

@ObjectType({ description: 'Hẹn thu gom hồ sơ tại nhà: an online dossier’s paper dossier, to collect at the applicant’s address.' })
@Entity('pickup_appointment')
export class PickupAppointment {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') dossierId!: string;
  @Column('uuid') postOfficeId!: string;
  @Column('uuid') provinceId!: string;
  /** Personal data: served through a field resolver (null to those who do not handle the dossier). */
  @Column('text') address!: string;
  @Field(() => PickupStatus) @Column({ type: 'enum', enum: PickupStatus, enumName: 'pickup_status' }) status!: PickupStatus;
  @Field(() => DateTimeISO, { nullable: true, description: 'The agreed window’s start.' }) @Column('timestamptz', { nullable: true }) windowFrom!: Date | null;
  @Field(() => DateTimeISO, { nullable: true }) @Column('timestamptz', { nullable: true }) windowTo!: Date | null;
  @Column('uuid', { nullable: true }) postmanId!: string | null;
  @Field(() => Int, { description: 'Visits that found no one at home.' }) @Column('int') attempts!: number;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) lastOutcomeNote!: string | null;
  @Field(() => Int) @Column('int') version!: number;
  @Field(() => DateTimeISO) @Column('timestamptz') createdAt!: Date;
  @Field(() => DateTimeISO) @Column('timestamptz') updatedAt!: Date;
}
