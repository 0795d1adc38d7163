import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLISODateTime as DateTimeISO } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DateScalar } from '../../platform/graphql/scalars';
import { AdministrativeLevel } from '../administrative-units/administrative-unit.entity';
import { HandoverModel, SiteStatus } from './rollout.enums';
import type { ReadinessState } from './rollout.types';

@ObjectType({ description: 'Đơn vị thí điểm: a one-stop desk enrolled in a phase, with its handover model, partner post office and status.' })
@Entity('pilot_site')
export class PilotSite {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') phaseId!: string;
  @Column('uuid') programmeId!: string;
  @Column('uuid') provinceId!: string;
  @Column('uuid') oneStopDeskId!: string;
  @Field(() => AdministrativeLevel, { description: 'The level of the desk when it was enrolled.' })
  @Column({ type: 'enum', enum: AdministrativeLevel, enumName: 'administrative_level' })
  level!: AdministrativeLevel;
  @Field(() => HandoverModel) @Column({ type: 'enum', enum: HandoverModel, enumName: 'handover_model' }) handoverModel!: HandoverModel;
  @Column('uuid', { nullable: true }) postOfficeId!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'The day it is planned to launch.' }) @Column('date', { nullable: true }) plannedLaunch!: string | null;
  @Field(() => SiteStatus) @Column({ type: 'enum', enum: SiteStatus, enumName: 'site_status' }) status!: SiteStatus;
  @Field(() => DateScalar, { description: 'The day it entered its status.' }) @Column('date') statusSince!: string;
  @Field(() => SiteStatus, { nullable: true, description: 'While SUSPENDED: the status it resumes to.' })
  @Column({ type: 'enum', enum: SiteStatus, enumName: 'site_status', nullable: true })
  suspendedFrom!: SiteStatus | null;
  @Field(() => DateScalar, { nullable: true, description: 'The day it launched (khai trương).' }) @Column('date', { nullable: true }) launchedOn!: string | null;
  @Column('jsonb') readiness!: ReadinessState;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) note!: string | null;
  @Field(() => Int) @Column('int') version!: number;
  @Field(() => DateTimeISO) @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Field(() => DateTimeISO) @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  /** Order of enrolment (an identity column; sites enrolled together share `createdAt`). */
  @Column({ type: 'bigint', insert: false, update: false }) seq!: string;
}

@ObjectType({ description: 'One move of a site’s status (the first is its enrolment), with its day, actor and note.' })
@Entity('site_status_change')
export class SiteStatusChange {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') siteId!: string;
  @Column('uuid') provinceId!: string;
  @Field(() => SiteStatus, { nullable: true, description: 'Null for the enrolment.' })
  @Column({ type: 'enum', enum: SiteStatus, enumName: 'site_status', nullable: true })
  fromStatus!: SiteStatus | null;
  @Field(() => SiteStatus) @Column({ type: 'enum', enum: SiteStatus, enumName: 'site_status' }) toStatus!: SiteStatus;
  @Field(() => DateScalar, { description: 'The day the move took effect.' }) @Column('date', { name: 'on_date' }) on!: string;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) note!: string | null;
  @Column('uuid', { nullable: true }) actorId!: string | null;
  @Field(() => String) @Column('text') actorLabel!: string;
  @Field(() => DateTimeISO) @Column('timestamptz') recordedAt!: Date;
  @Column({ type: 'bigint', insert: false, update: false }) seq!: string;
}
