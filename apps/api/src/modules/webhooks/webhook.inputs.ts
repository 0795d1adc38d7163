import { IsBoolean, IsEnum, IsOptional, IsUUID, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../platform/graphql/connection';
import { WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint } from './webhook.entity';

@InputType({ description: 'A new webhook endpoint of a client.' })
export class CreateWebhookEndpointInput {
  @Field(() => ID, { nullable: true, description: 'The ApiClient’s id: required for administrators; a client’s own token leaves it out (its own).' })
  @IsOptional()
  @IsUUID()
  clientId?: string | null;
  @Field(() => String, { description: 'https://… (http:// only to 127.0.0.1, ::1 or localhost, and only on a server not in the production profile).' }) @Length(1, 2000) url!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) description?: string | null;
}

@InputType({ description: 'Changes an endpoint: the fields given replace the stored ones.' })
export class UpdateWebhookEndpointInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 2000) url?: string | null;
  @Field(() => String, { nullable: true, description: 'An empty text removes it.' }) @IsOptional() @MaxLength(500) description?: string | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() active?: boolean | null;
}

@InputType()
export class WebhookEndpointIdInput {
  @Field(() => ID) @IsUUID() id!: string;
}

@InputType()
export class ReplayWebhookDeliveryInput {
  @Field(() => ID) @IsUUID() id!: string;
}

@InputType({ description: 'Filters of the delivery log; all given must hold.' })
export class WebhookDeliveryFilter {
  @Field(() => ID, { nullable: true, description: 'The ApiClient (administrators; a client sees its own only).' }) @IsOptional() @IsUUID() clientId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() endpointId?: string | null;
  @Field(() => WebhookDeliveryStatus, { nullable: true }) @IsOptional() @IsEnum(WebhookDeliveryStatus) status?: WebhookDeliveryStatus | null;
  @Field(() => String, { nullable: true, description: 'A dossier’s code, exactly.' }) @IsOptional() @MaxLength(64) dossierCode?: string | null;
}

@ObjectType()
export class WebhookEndpointPayload {
  @Field(() => WebhookEndpoint) endpoint!: WebhookEndpoint;
}

@ObjectType()
export class WebhookEndpointSecretPayload {
  @Field(() => WebhookEndpoint) endpoint!: WebhookEndpoint;
  @Field(() => String, { description: 'The signing secret (whsec_…), shown this once: verify the webhook-signature header with it. A rotation replaces it at once.' })
  signingSecret!: string;
}

@ObjectType()
export class DeleteWebhookEndpointPayload {
  @Field(() => ID) id!: string;
}

@ObjectType()
export class WebhookDeliveryPayload {
  @Field(() => WebhookDelivery) delivery!: WebhookDelivery;
}

export const WebhookDeliveryConnection = ConnectionType(WebhookDelivery, 'WebhookDelivery');
