import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEmail, IsInt, IsOptional, IsUUID, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, GraphQLISODateTime as DateTimeISO, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ApiClient, ApiClientScope, DEFAULT_COST_PER_HOUR, DEFAULT_REQUESTS_PER_HOUR, SECRET_GRACE_HOURS } from './api-client.entity';

export const MAX_REQUESTS_PER_HOUR = 1_000_000;
export const MAX_COST_PER_HOUR = 100_000_000;

@InputType({ description: 'Filters of the API clients; all given must hold.' })
export class ApiClientFilter {
  @Field(() => String, { nullable: true, description: 'A few letters of the name or the owner (diacritics optional), or the start of the clientId.' }) @IsOptional() @MaxLength(200) search?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Also revoked clients.' }) @IsOptional() @IsBoolean() includeRevoked?: boolean | null;
}

@InputType()
export class ApiClientContactInput {
  @Field(() => String) @Length(1, 200) name!: string;
  @Field(() => String) @IsEmail() @MaxLength(320) email!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(30) phone?: string | null;
}

@InputType()
export class CreateApiClientInput {
  @Field(() => String) @Length(1, 200) name!: string;
  @Field(() => String) @Length(1, 300) ownerOrganisation!: string;
  @Field(() => ApiClientContactInput) @ValidateNested() contact!: ApiClientContactInput;
  @Field(() => [ID], { nullable: true, description: 'The provinces it acts for; a province’s administrator may leave it out (their province), a national administrator names at least one.' })
  @IsOptional()
  @ArrayMaxSize(40)
  @IsUUID('all', { each: true })
  provinceIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Agencies of those provinces it acts for, when it should act for only some.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  agencyIds?: string[] | null;
  @Field(() => [ApiClientScope]) @ArrayMinSize(1) @ArrayMaxSize(3) scopes!: ApiClientScope[];
  @Field(() => Int, { nullable: true, description: `Default ${DEFAULT_REQUESTS_PER_HOUR}.` }) @IsOptional() @IsInt() @Min(1) @Max(MAX_REQUESTS_PER_HOUR) requestsPerHour?: number | null;
  @Field(() => Int, { nullable: true, description: `Default ${DEFAULT_COST_PER_HOUR}.` }) @IsOptional() @IsInt() @Min(1) @Max(MAX_COST_PER_HOUR) costPerHour?: number | null;
}

@InputType({ description: 'Changes a client: the fields given replace the stored ones.' })
export class UpdateApiClientInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int) @IsInt() version!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 200) name?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 300) ownerOrganisation?: string | null;
  @Field(() => ApiClientContactInput, { nullable: true }) @IsOptional() @ValidateNested() contact?: ApiClientContactInput | null;
  @Field(() => [ID], { nullable: true }) @IsOptional() @ArrayMinSize(1) @ArrayMaxSize(40) @IsUUID('all', { each: true }) provinceIds?: string[] | null;
  @Field(() => [ID], { nullable: true }) @IsOptional() @ArrayMaxSize(100) @IsUUID('all', { each: true }) agencyIds?: string[] | null;
  @Field(() => [ApiClientScope], { nullable: true }) @IsOptional() @ArrayMinSize(1) @ArrayMaxSize(3) scopes?: ApiClientScope[] | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(MAX_REQUESTS_PER_HOUR) requestsPerHour?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(MAX_COST_PER_HOUR) costPerHour?: number | null;
}

@InputType()
export class RotateApiClientSecretInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int) @IsInt() version!: number;
}

@InputType()
export class RevokeApiClientInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int) @IsInt() version!: number;
}

@InputType()
export class IssueClientTokenInput {
  @Field(() => String) @Length(1, 64) clientId!: string;
  @Field(() => String) @Length(1, 200) clientSecret!: string;
}

@ObjectType()
export class ApiClientPayload {
  @Field(() => ApiClient) apiClient!: ApiClient;
}

@ObjectType()
export class ApiClientSecretPayload {
  @Field(() => ApiClient) apiClient!: ApiClient;
  @Field(() => String, {
    description: `The client's secret, shown this once: it is stored only as a hash and cannot be read again. After a rotation the previous secret keeps working for ${SECRET_GRACE_HOURS} hours.`,
  })
  clientSecret!: string;
}

@ObjectType({ description: 'A bearer token for a portal’s client: send it as `Authorization: Bearer <token>`.' })
export class ClientToken {
  @Field(() => String) token!: string;
  @Field(() => DateTimeISO, { description: 'At most one hour from now; ask for a new token before then.' }) expiresAt!: Date;
  @Field(() => [ApiClientScope]) scopes!: ApiClientScope[];
}
