import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLISODateTime as DateTimeISO } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DateScalar } from '../../platform/graphql/scalars';

export enum StaffStatus {
  ACTIVE = 'ACTIVE',
  ON_LEAVE = 'ON_LEAVE',
  LEFT = 'LEFT',
}
registerEnumType(StaffStatus, {
  name: 'StaffStatus',
  valuesConfig: {
    ACTIVE: { description: 'Đang làm việc' },
    ON_LEAVE: { description: 'Tạm nghỉ (long leave): not rostered' },
    LEFT: { description: 'Đã nghỉ việc: kept for the history, never rostered' },
  },
});

export enum AbsenceKind {
  LEAVE = 'LEAVE',
  SICK = 'SICK',
  TRAINING = 'TRAINING',
  OTHER = 'OTHER',
}
registerEnumType(AbsenceKind, {
  name: 'AbsenceKind',
  valuesConfig: {
    LEAVE: { description: 'Nghỉ phép' },
    SICK: { description: 'Nghỉ ốm' },
    TRAINING: { description: 'Đi tập huấn, đào tạo' },
    OTHER: { description: 'Lý do khác' },
  },
});

@ObjectType({ description: 'Lĩnh vực: a field of administrative procedures (hộ tịch, đất đai, …) that staff are trained for and counters serve.' })
@Entity('procedure_field')
export class ProcedureField {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Field(() => String, { description: 'Stable code, e.g. HO_TICH.' }) @Column('varchar', { length: 32 }) code!: string;
  @Field(() => String) @Column('text') name!: string;
  @Field(() => DateScalar, { nullable: true, description: 'The day it was retired (no new counters, qualifications or classes); null while in use.' }) @Column('date', { nullable: true }) retiredOn!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

@ObjectType({ description: 'Nhân viên / công chức: a person who works at one-stop desks. Employed by a post office, or by an agency for civil servants still at a desk.' })
@Entity('staff')
export class Staff {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'bigint', insert: false, update: false }) seq!: string;
  @Field(() => String) @Column('text') fullName!: string;
  @Column('uuid', { nullable: true }) postOfficeId!: string | null;
  @Column('uuid', { nullable: true }) agencyId!: string | null;
  @Column('uuid', { nullable: true }) homeUnitId!: string | null;
  @Column('uuid', { nullable: true }) homeDeskId!: string | null;
  @Field(() => String, { nullable: true }) @Column('varchar', { nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true }) @Column('varchar', { nullable: true }) email!: string | null;
  /** Personal data: served through a field resolver that shows it to the staff's managers and the province's administrators only. */
  @Column('char', { length: 12, nullable: true }) nationalId!: string | null;
  @Field(() => StaffStatus) @Column({ type: 'enum', enum: StaffStatus, enumName: 'staff_status' }) status!: StaffStatus;
  @Column('uuid', { nullable: true }) userId!: string | null;
  @Column('uuid') provinceId!: string;
  @Column('text', { nullable: true, select: false }) calendarSecretHash!: string | null;
  @Field(() => Int) @Column('int') version!: number;
  @Field(() => DateTimeISO) @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Field(() => DateTimeISO) @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

@ObjectType({ description: 'A person deployed to a desk from one day to another (inclusive; open-ended while `endsOn` is null).' })
@Entity('staff_assignment')
export class StaffAssignment {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') staffId!: string;
  @Column('uuid') deskId!: string;
  @Field(() => DateScalar) @Column('date') startsOn!: string;
  @Field(() => DateScalar, { nullable: true }) @Column('date', { nullable: true }) endsOn!: string | null;
  @Column('uuid') provinceId!: string;
}

@ObjectType({ description: 'Lớp tập huấn: a training class; everyone who attended is qualified for its field.' })
@Entity('training_session')
export class TrainingSession {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'bigint', insert: false, update: false }) seq!: string;
  @Column('uuid') fieldId!: string;
  @Field(() => DateScalar) @Column('date') heldOn!: string;
  @Field(() => String) @Column('text') place!: string;
  @Field(() => String) @Column('text') trainer!: string;
  @Field(() => Int, { nullable: true, description: 'Months the certificates stay valid; null: no expiry.' }) @Column('int', { nullable: true }) validMonths!: number | null;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) note!: string | null;
  @Column('uuid') provinceId!: string;
}

@ObjectType({ description: 'Trained for a procedure field (tập huấn, chứng nhận), valid from the training day to the expiry (inclusive).' })
@Entity('qualification')
export class Qualification {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') staffId!: string;
  @Column('uuid') fieldId!: string;
  @Field(() => DateScalar) @Column('date') trainedOn!: string;
  @Field(() => String, { nullable: true }) @Column('varchar', { nullable: true }) certificateNumber!: string | null;
  @Field(() => DateScalar, { nullable: true }) @Column('date', { nullable: true }) expiresOn!: string | null;
  @Column('uuid', { nullable: true }) trainingSessionId!: string | null;
  @Column('uuid') provinceId!: string;
}

@ObjectType({ description: 'Days a person is away (inclusive): never rostered then.' })
@Entity('absence')
export class Absence {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') staffId!: string;
  @Field(() => AbsenceKind) @Column({ type: 'enum', enum: AbsenceKind, enumName: 'absence_kind' }) kind!: AbsenceKind;
  @Field(() => DateScalar) @Column('date') startsOn!: string;
  @Field(() => DateScalar) @Column('date') endsOn!: string;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) note!: string | null;
  @Column('uuid') provinceId!: string;
}
