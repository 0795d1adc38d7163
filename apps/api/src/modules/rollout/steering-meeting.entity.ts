import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLISODateTime as DateTimeISO } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DateScalar } from '../../platform/graphql/scalars';
import { ActionItemState, MeetingKind } from './rollout.enums';

@ObjectType({ description: 'A meeting of the steering committee (quarterly review, preliminary review, inspection) with its decisions.' })
@Entity('steering_meeting')
export class SteeringMeeting {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') programmeId!: string;
  @Column('uuid') provinceId!: string;
  @Field(() => MeetingKind) @Column({ type: 'enum', enum: MeetingKind, enumName: 'meeting_kind' }) kind!: MeetingKind;
  @Field(() => DateScalar) @Column('date') heldOn!: string;
  @Field(() => String) @Column('text') title!: string;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) location!: string | null;
  @Field(() => [String], { description: 'What was decided (kết luận).' }) @Column('jsonb') decisions!: string[];
  /** The sites the meeting touched. */
  @Column('uuid', { array: true }) siteIds!: string[];
  @Field(() => DateTimeISO) @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Field(() => DateTimeISO) @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

@ObjectType({ description: 'A task a meeting gave someone, with a due date and a state.' })
@Entity('action_item')
export class ActionItem {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') meetingId!: string;
  @Column('uuid') programmeId!: string;
  @Column('uuid') provinceId!: string;
  @Column('uuid', { nullable: true }) siteId!: string | null;
  @Field(() => String) @Column('text') title!: string;
  @Field(() => String, { description: 'Who must do it (a person or an agency).' }) @Column('text') owner!: string;
  @Field(() => DateScalar) @Column('date') dueOn!: string;
  @Field(() => ActionItemState) @Column({ type: 'enum', enum: ActionItemState, enumName: 'action_item_state' }) state!: ActionItemState;
  @Field(() => DateScalar, { nullable: true, description: 'The day it was done or cancelled.' }) @Column('date', { nullable: true }) closedOn!: string | null;
  @Field(() => Int) @Column('int') version!: number;
  @Field(() => DateTimeISO) @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Field(() => DateTimeISO) @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
