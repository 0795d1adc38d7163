import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLISODateTime as DateTimeISO } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DateScalar } from '../../platform/graphql/scalars';
import { OFFICE_HOURS_PER_DAY } from '../working-days/working-day.entity';

export enum ProcedureLevel {
  PROVINCE = 'PROVINCE',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
}
registerEnumType(ProcedureLevel, {
  name: 'ProcedureLevel',
  description: 'The level whose agency decides the procedure.',
  valuesConfig: { PROVINCE: { description: 'Cấp tỉnh' }, DISTRICT: { description: 'Cấp huyện (before 1 July 2025)' }, COMMUNE: { description: 'Cấp xã' } },
});

export enum OnlineLevel {
  NONE = 'NONE',
  PARTIAL = 'PARTIAL',
  FULL = 'FULL',
}
registerEnumType(OnlineLevel, {
  name: 'OnlineLevel',
  description: 'How far the procedure is provided online (Decree 42/2022/NĐ-CP).',
  valuesConfig: { NONE: { description: 'Không cung cấp trực tuyến' }, PARTIAL: { description: 'Dịch vụ công trực tuyến một phần' }, FULL: { description: 'Dịch vụ công trực tuyến toàn trình' } },
});

export enum BcciMode {
  RECEIVE_AND_RETURN = 'RECEIVE_AND_RETURN',
  RETURN_ONLY = 'RETURN_ONLY',
  NOT_ELIGIBLE = 'NOT_ELIGIBLE',
}
registerEnumType(BcciMode, {
  name: 'BcciMode',
  description: 'What the public postal service (BCCI, Decision 45/2016/QĐ-TTg) may do for the procedure, as the province publishes it.',
  valuesConfig: {
    RECEIVE_AND_RETURN: { description: 'Tiếp nhận hồ sơ và trả kết quả qua BCCI' },
    RETURN_ONLY: { description: 'Chỉ trả kết quả qua BCCI: the applicant files in person' },
    NOT_ELIGIBLE: { description: 'Không thực hiện qua BCCI' },
  },
});

export enum ProcessingTimeUnit {
  WORKING_DAYS = 'WORKING_DAYS',
  WORKING_HOURS = 'WORKING_HOURS',
}
registerEnumType(ProcessingTimeUnit, {
  name: 'ProcessingTimeUnit',
  valuesConfig: { WORKING_DAYS: { description: 'Ngày làm việc' }, WORKING_HOURS: { description: 'Giờ làm việc (same-day procedures)' } },
});

@ObjectType({ description: 'Thủ tục hành chính: a procedure of the province’s published list.' })
@Entity('procedure')
export class Procedure {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') provinceId!: string;
  @Field(() => String, { description: 'The national catalogue code (mã thủ tục), e.g. 1.001193; unique within the province.' }) @Column('varchar', { length: 32 }) code!: string;
  @Field(() => String) @Column('text') name!: string;
  @Column('uuid') fieldId!: string;
  @Field(() => ProcedureLevel) @Column({ type: 'enum', enum: ProcedureLevel, enumName: 'procedure_level' }) level!: ProcedureLevel;
  /** The deciding agency, when the province names one (else the agency of the level that receives it). */
  @Column('uuid', { nullable: true }) agencyId!: string | null;
  @Field(() => Int, { description: 'Phí, lệ phí: the procedure fee in VND.' }) @Column('bigint', { transformer: { from: Number, to: (v: number) => v } }) procedureFee!: number;
  @Field(() => Int, { description: 'Cước dịch vụ bưu chính: the postal fee in VND for one leg through the post (pickup or delivery), apart from the procedure fee.' })
  @Column('bigint', { transformer: { from: Number, to: (v: number) => v } })
  postalFee!: number;
  @Field(() => Int, { description: 'The legal processing time, in `processingUnit`.' }) @Column('int') processingTime!: number;
  @Field(() => ProcessingTimeUnit) @Column({ type: 'enum', enum: ProcessingTimeUnit, enumName: 'processing_time_unit' }) processingUnit!: ProcessingTimeUnit;
  /** The legal time in working days, as portals show it: a time in working hours spans ⌈hours ÷ 7.5⌉ (office hours 07:30–11:30, 13:30–17:00) working days (a same-day procedure is 1). */
  @Field(() => Int, { description: 'The legal processing time in working days, as portals show it: `processingTime` when counted in working days; a time counted in working hours spans ⌈hours ÷ 7.5⌉ (office hours 07:30–11:30, 13:30–17:00) working days (a same-day procedure: 1).' })
  get processingDays(): number {
    return this.processingUnit === ProcessingTimeUnit.WORKING_HOURS ? Math.ceil(this.processingTime / OFFICE_HOURS_PER_DAY) : this.processingTime;
  }
  @Field(() => OnlineLevel) @Column({ type: 'enum', enum: OnlineLevel, enumName: 'procedure_online_level' }) onlineLevel!: OnlineLevel;
  @Field(() => BcciMode) @Column({ type: 'enum', enum: BcciMode, enumName: 'procedure_bcci_mode' }) bcciMode!: BcciMode;
  @Field(() => String, { nullable: true, description: 'Căn cứ pháp lý: the decision that publishes it, e.g. 591/QĐ-UBND of 3/5/2017.' }) @Column('text', { nullable: true }) legalBasis!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'The day it was withdrawn from the list; null while in force.' }) @Column('date', { nullable: true }) retiredOn!: string | null;
  @Field(() => Int) @Column('int') version!: number;
  @Field(() => DateTimeISO) @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Field(() => DateTimeISO) @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

@ObjectType({ description: 'Thành phần hồ sơ: a document the dossier of a procedure contains.' })
@Entity('procedure_component')
export class ProcedureComponent {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') procedureId!: string;
  @Field(() => Int, { description: 'Its place in the checklist, from 1.' }) @Column('int') position!: number;
  @Field(() => String) @Column('text') name!: string;
  @Field(() => Int, { description: 'Bản chính: originals to bring.' }) @Column('int') originals!: number;
  @Field(() => Int, { description: 'Bản sao: copies to bring.' }) @Column('int') copies!: number;
  @Field(() => Boolean, { description: 'False for a document needed only in some cases (nếu có).' }) @Column('boolean') required!: boolean;
}
