import { ArrayMinSize, IsOptional, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { Field, GraphQLISODateTime as DateTimeISO, ID, InputType, ObjectType } from 'type-graphql';
import { Role } from './role';
import { User } from './user.entity';

export const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;
/** At least 8 characters with a letter and a digit. */
export const PASSWORD = /^(?=.*[A-Za-zÀ-ỹ])(?=.*\d).{8,128}$/;

@InputType()
export class SignInInput {
  @Field(() => String) @Length(1, 64) username!: string;
  @Field(() => String) @Length(1, 128) password!: string;
}

@InputType()
export class RefreshSessionInput {
  @Field(() => String) @Length(10, 200) refreshToken!: string;
}

@ObjectType()
export class SignInPayload {
  @Field(() => String, { description: 'Access token: send it as `Authorization: Bearer <token>`. Valid for 15 minutes.' }) token!: string;
  @Field(() => DateTimeISO) expiresAt!: Date;
  @Field(() => String, { description: 'Exchange it with `refreshSession` for a new access token until the session ends (a working day). Keep it secret.' })
  refreshToken!: string;
  @Field(() => DateTimeISO, { description: 'When the session ends and a new sign-in is needed.' }) refreshExpiresAt!: Date;
  @Field(() => User) user!: User;
}

@InputType()
export class SignOutInput {
  @Field(() => String, { nullable: true, description: 'Ends this session even when the access token has expired.' })
  @IsOptional()
  @Length(10, 200)
  refreshToken?: string | null;
}

@ObjectType()
export class SignOutPayload {
  @Field(() => Boolean) ok!: boolean;
}

@InputType()
export class UserFilter {
  @Field(() => String, { nullable: true, description: 'Part of the username or display name, ignoring case and diacritics.' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;
  @Field(() => Role, { nullable: true }) role?: Role | null;
  @Field(() => Boolean, { nullable: true }) includeInactive?: boolean | null;
}

@InputType()
export class CreateUserInput {
  @Field(() => String, { description: 'Lower-case letters, digits, ".", "_" and "-", 2 to 64 characters.' }) @Matches(USERNAME) username!: string;
  @Field(() => String) @Length(1, 200) displayName!: string;
  @Field(() => String, { description: 'At least 8 characters with a letter and a digit.' }) @Matches(PASSWORD) password!: string;
  @Field(() => [Role]) @ArrayMinSize(1) roles!: Role[];
  @Field(() => String, { nullable: true, description: 'Code of the administrative unit the user works for; omit only for a national system administrator.' })
  scopeUnitCode?: string | null;
  @Field(() => ID, { nullable: true, description: 'Required for POST_OFFICE_MANAGER.' }) @IsOptional() @IsUUID() postOfficeId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Required for COUNTER_CLERK.' }) @IsOptional() @IsUUID() oneStopDeskId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Required for AGENCY_OFFICER.' }) @IsOptional() @IsUUID() agencyId?: string | null;
}

@InputType()
export class DeactivateUserInput {
  @Field(() => ID) @IsUUID() id!: string;
}

@InputType()
export class ResetUserPasswordInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => String) @Matches(PASSWORD) password!: string;
}

@ObjectType()
export class UserPayload {
  @Field(() => User) user!: User;
}
