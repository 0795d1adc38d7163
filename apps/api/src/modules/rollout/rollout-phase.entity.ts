import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLISODateTime as DateTimeISO } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DateScalar } from '../../platform/graphql/scalars';
import { PhaseStatus } from './rollout.enums';

@ObjectType({ description: 'Giai đoạn: a phase of a programme with its plan, targets by level and go-live gates.' })
@Entity('rollout_phase')
export class RolloutPhase {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') programmeId!: string;
  @Column('uuid') provinceId!: string;
  @Field(() => Int, { description: '1, 2, …: the order of phases in the programme.' }) @Column('int') ordinal!: number;
  @Field(() => String) @Column('text') name!: string;
  @Field(() => DateScalar) @Column('date') plannedStart!: string;
  @Field(() => DateScalar) @Column('date') plannedEnd!: string;
  @Field(() => DateScalar, { nullable: true }) @Column('date', { nullable: true }) actualStart!: string | null;
  @Field(() => DateScalar, { nullable: true }) @Column('date', { nullable: true }) actualEnd!: string | null;
  @Column('int') targetProvince!: number;
  @Column('int') targetDistrict!: number;
  @Column('int') targetCommune!: number;
  @Field(() => [String], { description: 'Conditions the steering committee sets before sites of this phase go live.' })
  @Column('jsonb')
  goLiveGates!: string[];
  @Field(() => PhaseStatus) @Column({ type: 'enum', enum: PhaseStatus, enumName: 'phase_status' }) status!: PhaseStatus;
  @Field(() => Int) @Column('int') version!: number;
  @Field(() => DateTimeISO) @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Field(() => DateTimeISO) @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

@ObjectType({ description: 'A plan a re-plan replaced: what the phase was planned to be before `replacedAt`.' })
@Entity('phase_plan_revision')
export class PhasePlanRevision {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') phaseId!: string;
  @Column('uuid') provinceId!: string;
  @Field(() => Int, { description: '1 = the first plan.' }) @Column('int') revision!: number;
  @Field(() => DateScalar) @Column('date') plannedStart!: string;
  @Field(() => DateScalar) @Column('date') plannedEnd!: string;
  @Column('int') targetProvince!: number;
  @Column('int') targetDistrict!: number;
  @Column('int') targetCommune!: number;
  @Field(() => String, { description: 'Why it was re-planned.' }) @Column('text') reason!: string;
  @Column('uuid', { nullable: true }) actorId!: string | null;
  @Field(() => String, { description: 'Who re-planned it.' }) @Column('text') actorLabel!: string;
  @Field(() => DateTimeISO) @Column('timestamptz') replacedAt!: Date;
}
