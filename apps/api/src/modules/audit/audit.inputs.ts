import { IsOptional, IsUUID, MaxLength } from 'class-validator';
import { Field, GraphQLISODateTime as DateTimeISO, ID, InputType, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

@ObjectType('AuditEntry', { description: 'One change to one record: who, what, when, from where, and the fields before and after. Never edited.' })
export class AuditEntryType {
  @Field(() => ID) id!: string;
  @Field(() => DateTimeISO) occurredAt!: Date;
  @Field(() => String, { description: 'e.g. "oneStopDesk.rename", "user.signIn".' }) action!: string;
  @Field(() => String) entityType!: string;
  @Field(() => ID) entityId!: string;
  @Field(() => ID, { nullable: true }) actorId!: string | null;
  @Field(() => String, { description: 'Username of the actor ("anonymous", "system").' }) actorLabel!: string;
  @Field(() => GraphQLJSONObject, { nullable: true }) before!: Record<string, unknown> | null;
  @Field(() => GraphQLJSONObject, { nullable: true }) after!: Record<string, unknown> | null;
  @Field(() => String, { nullable: true }) requestId!: string | null;
  @Field(() => String, { nullable: true }) ip!: string | null;
}

@InputType()
export class AuditEntryFilter {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(64) entityType?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() entityId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Entries written by this user.' }) @IsOptional() @IsUUID() actorId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(64) action?: string | null;
  @Field(() => DateTimeISO, { nullable: true }) from?: Date | null;
  @Field(() => DateTimeISO, { nullable: true }) to?: Date | null;
}
