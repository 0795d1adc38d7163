import { IsBoolean, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { Field, GraphQLISODateTime as DateTimeISO, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

export enum AuditActorKind {
  USER = 'USER',
  SYSTEM = 'SYSTEM',
  DEMO_SEED = 'DEMO_SEED',
  ANONYMOUS = 'ANONYMOUS',
  API_CLIENT = 'API_CLIENT',
}
registerEnumType(AuditActorKind, {
  name: 'AuditActorKind',
  description: 'Who wrote an audit entry: a person, or the system itself.',
  valuesConfig: {
    USER: { description: 'A signed-in user (`actorId`, `actorLabel` = username).' },
    SYSTEM: { description: 'The system itself (a scheduled or start-up task).' },
    DEMO_SEED: { description: 'The demo data loaded on first start (Dữ liệu mẫu): a system actor, not a person.' },
    ANONYMOUS: { description: 'Nobody signed in (e.g. a sign-in attempt).' },
    API_CLIENT: { description: 'A third-party portal with a client token (`actorId` = the ApiClient, `actorLabel` = its name).' },
  },
});

/** Sign-ins and sign-outs (and portals' token exchanges): many, and rarely what a reader of the trail looks for. */
export const SIGN_IN_ACTIONS = ['user.signIn', 'user.signOut', 'apiClient.issueToken'] as const;

@ObjectType('AuditEntry', { description: 'One change to one record: who, what, when, from where, and the fields before and after. Never edited.' })
export class AuditEntryType {
  @Field(() => ID) id!: string;
  @Field(() => DateTimeISO) occurredAt!: Date;
  @Field(() => String, { description: 'e.g. "oneStopDesk.rename", "user.signIn".' }) action!: string;
  @Field(() => String) entityType!: string;
  @Field(() => ID) entityId!: string;
  @Field(() => ID, { nullable: true }) actorId!: string | null;
  @Field(() => String, { description: 'Username of the actor ("anonymous", "system", "seed").' }) actorLabel!: string;
  @Field(() => GraphQLJSONObject, { nullable: true }) before!: Record<string, unknown> | null;
  @Field(() => GraphQLJSONObject, { nullable: true }) after!: Record<string, unknown> | null;
  @Field(() => String, { nullable: true }) requestId!: string | null;
  @Field(() => String, { nullable: true }) ip!: string | null;
}

@ObjectType('AuditReference', { description: 'A record an audit entry names by id, with the name a reader knows it by.' })
export class AuditReference {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Its entity type, as in `AuditEntry.entityType` ("Agency", "PilotSite"…).' }) entityType!: string;
  @Field(() => String, { description: 'Its name today (a site and a handover: the name of their desk; a user: the display name).' }) name!: string;
}

@InputType()
export class AuditEntryFilter {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(64) entityType?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() entityId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Entries written by this user.' }) @IsOptional() @IsUUID() actorId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(64) action?: string | null;
  @Field(() => DateTimeISO, { nullable: true }) from?: Date | null;
  @Field(() => DateTimeISO, { nullable: true }) to?: Date | null;
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: true,
    description: 'false: leave out sign-ins and sign-outs (user.signIn, user.signOut) and portals’ token exchanges (apiClient.issueToken), unless `action` asks for one of them.',
  })
  @IsOptional()
  @IsBoolean()
  includeSignIns?: boolean | null;
}
