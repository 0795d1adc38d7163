import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLISODateTime as DateTimeISO } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DateScalar } from '../../platform/graphql/scalars';
import { EquipmentLine, HandoverStatus, HandoverTask, PersonRef, Premises, Signatory } from './handover.types';

/** What personnel and facility handovers share: their site, the signed record and the status machine. */
@ObjectType('HandoverRecord')
export abstract class HandoverRecord {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') siteId!: string;
  @Column('uuid') phaseId!: string;
  @Column('uuid') programmeId!: string;
  @Column('uuid') provinceId!: string;
  @Field(() => DateScalar, { nullable: true, description: 'The day it takes (took) effect.' }) @Column('date', { nullable: true }) effectiveOn!: string | null;
  @Field(() => String, { nullable: true, description: 'Số biên bản bàn giao.' }) @Column('text', { nullable: true }) recordNumber!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'The day the record was signed.' }) @Column('date', { nullable: true }) recordSignedOn!: string | null;
  @Field(() => [Signatory]) @Column('jsonb') signatories!: Signatory[];
  @Field(() => HandoverStatus) @Column({ type: 'enum', enum: HandoverStatus, enumName: 'handover_status' }) status!: HandoverStatus;
  @Field(() => DateScalar) @Column('date') statusSince!: string;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) reversalReason!: string | null;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) note!: string | null;
  @Field(() => Int) @Column('int') version!: number;
  @Field(() => DateTimeISO) @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Field(() => DateTimeISO) @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  /** Order of creation (an identity column): the lists' sort key. */
  @Column({ type: 'bigint', insert: false, update: false }) seq!: string;
}

@ObjectType({ description: 'Chuyển giao nhân lực: tasks of a site that pass from civil servants to postal staff.' })
@Entity('personnel_handover')
export class PersonnelHandover extends HandoverRecord {
  @Field(() => [HandoverTask]) @Column({ type: 'enum', enum: HandoverTask, enumName: 'handover_task', array: true }) tasks!: HandoverTask[];
  @Field(() => [PersonRef], { description: 'Civil servants relieved of these tasks.' }) @Column('jsonb') relieved!: PersonRef[];
  @Field(() => [PersonRef], { description: 'Postal staff who take them over.' }) @Column('jsonb') deployed!: PersonRef[];
}

@ObjectType({ description: 'Chuyển giao cơ sở vật chất: premises and equipment the post office provides for a site.' })
@Entity('facility_handover')
export class FacilityHandover extends HandoverRecord {
  @Field(() => Premises, { nullable: true, description: 'Where the desk worked before.' }) @Column('jsonb', { nullable: true }) premisesBefore!: Premises | null;
  @Field(() => Premises, { nullable: true, description: 'Where it works after.' }) @Column('jsonb', { nullable: true }) premisesAfter!: Premises | null;
  @Field(() => [EquipmentLine]) @Column('jsonb') equipment!: EquipmentLine[];
  /** numeric comes back from the driver as a string. */
  @Column('numeric', { precision: 16, scale: 0, transformer: { to: (v: number) => v, from: (v: string | null) => (v === null ? 0 : Number(v)) } })
  constructionCost!: number;
  @Field(() => DateScalar, { nullable: true, description: 'The day the desk moved.' }) @Column('date', { nullable: true }) relocationOn!: string | null;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) conditionNotes!: string | null;
}
