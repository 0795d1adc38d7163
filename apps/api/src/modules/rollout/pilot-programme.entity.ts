import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLISODateTime as DateTimeISO } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ProgrammeStatus } from './rollout.enums';
import { CommitteeMember, LegalDocument, ReadinessItem } from './rollout.types';

@ObjectType({ description: 'Đề án thí điểm: a province’s programme of handing one-stop desks over to the post office.' })
@Entity('pilot_programme')
export class PilotProgramme {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Field(() => String, { description: 'Stable code, e.g. "HT-2019".' }) @Column('varchar', { length: 32 }) code!: string;
  @Field(() => String) @Column('text') name!: string;
  /** The province as decided (the unit version in force then). */
  @Column('uuid') administrativeUnitId!: string;
  /** The province that owns the programme today. */
  @Column('uuid') provinceId!: string;
  @Field(() => ProgrammeStatus) @Column({ type: 'enum', enum: ProgrammeStatus, enumName: 'programme_status' }) status!: ProgrammeStatus;
  @Field(() => [LegalDocument], { description: 'The decisions it rests on, in order (the provincial decision first, then those it implements).' })
  @Column('jsonb')
  legalBasis!: LegalDocument[];
  @Field(() => [CommitteeMember], { description: 'The steering committee (Ban Chỉ đạo).' }) @Column('jsonb') committee!: CommitteeMember[];
  @Field(() => [ReadinessItem], { description: 'The readiness checklist of its sites; every item must be done before a site launches.' })
  @Column('jsonb')
  readinessItems!: ReadinessItem[];
  @Field(() => Int, { description: 'Changes with every write; send it back to change the record (optimistic locking).' }) @Column('int') version!: number;
  @Field(() => DateTimeISO) @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Field(() => DateTimeISO) @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
