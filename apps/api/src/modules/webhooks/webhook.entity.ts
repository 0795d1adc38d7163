import { Field, GraphQLISODateTime as DateTimeISO, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** After a rotation, messages are signed with the previous secret too for this long (webhook-signature carries both). */
export const SECRET_OVERLAP_HOURS = 24;

export enum WebhookEventType {
  DOSSIER_STATUS_CHANGED = 'DOSSIER_STATUS_CHANGED',
  DOSSIER_POSTAL_EVENT = 'DOSSIER_POSTAL_EVENT',
}
registerEnumType(WebhookEventType, {
  name: 'WebhookEventType',
  description: 'What a webhook announces; the payload’s `type` is `dossier.status_changed` or `dossier.postal_event`.',
  valuesConfig: {
    DOSSIER_STATUS_CHANGED: { description: 'dossier.status_changed: a step of the status machine (including the registration, NEW).' },
    DOSSIER_POSTAL_EVENT: { description: 'dossier.postal_event: a step of the postal leg (pickup scheduled, picked up, … delivered).' },
  },
});
/** The payload's `type` of each event type (Standard Webhooks' dotted names). */
export const EVENT_TYPE_NAME: Record<WebhookEventType, string> = {
  DOSSIER_STATUS_CHANGED: 'dossier.status_changed',
  DOSSIER_POSTAL_EVENT: 'dossier.postal_event',
};

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  RETRYING = 'RETRYING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  valuesConfig: {
    PENDING: { description: 'Chờ gửi: not attempted yet.' },
    RETRYING: { description: 'Đang thử lại: an attempt failed (or a replay is queued); the next is at nextAttemptAt.' },
    DELIVERED: { description: 'Đã gửi: the receiver answered 2xx.' },
    FAILED: { description: 'Thất bại: every scheduled attempt failed (about 27 hours); replay it once the receiver is fixed.' },
  },
});

export enum WebhookAttemptTrigger {
  SCHEDULED = 'SCHEDULED',
  REPLAY = 'REPLAY',
}
registerEnumType(WebhookAttemptTrigger, {
  name: 'WebhookAttemptTrigger',
  valuesConfig: { SCHEDULED: { description: 'The first attempt or a retry of the schedule.' }, REPLAY: { description: 'Asked for with replayWebhookDelivery.' } },
});

@ObjectType({
  description:
    'Điểm nhận webhook: an HTTPS address of a portal’s client that receives its dossiers’ status changes and postal events, signed as Standard Webhooks says. ' +
    'Its signing secret is shown once (when created or rotated).',
})
@Entity('webhook_endpoint')
export class WebhookEndpoint {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  /** The ApiClient (its uuid). */
  @Column('uuid') clientId!: string;
  @Field(() => String) @Column('text') url!: string;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) description!: string | null;
  @Field(() => Boolean, { description: 'Inactive: nothing is queued for it; what was queued waits until it is active again.' }) @Column('boolean') active!: boolean;
  /** The signing secret, encrypted (webhook-secrets.ts): never a field, never in the audit trail. */
  @Column('text') secretCiphertext!: string;
  /** The secret before the last rotation: messages carry its signature too for SECRET_OVERLAP_HOURS. */
  @Column('text', { nullable: true }) previousSecretCiphertext!: string | null;
  @Field(() => DateTimeISO, { nullable: true, description: 'When the signing secret was last rotated (for 24 hours after, messages carry a signature with the previous secret too).' }) @Column('timestamptz', { nullable: true }) secretRotatedAt!: Date | null;
  @Field(() => DateTimeISO) @Column('timestamptz') createdAt!: Date;
  @Field(() => DateTimeISO) @Column('timestamptz') updatedAt!: Date;
}

@ObjectType({ description: 'One HTTP attempt of a delivery.' })
@Entity('webhook_attempt')
export class WebhookAttempt {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') deliveryId!: string;
  @Field(() => Int, { description: '1 for the first attempt of the delivery.' }) @Column('int') number!: number;
  @Field(() => DateTimeISO) @Column('timestamptz') at!: Date;
  @Field(() => WebhookAttemptTrigger) @Column({ type: 'enum', enum: WebhookAttemptTrigger, enumName: 'webhook_attempt_trigger' }) trigger!: WebhookAttemptTrigger;
  @Field(() => Int, { nullable: true, description: 'The receiver’s HTTP status; null when no answer came (refused, timed out).' }) @Column('int', { nullable: true }) httpStatus!: number | null;
  @Field(() => Int) @Column('int') durationMs!: number;
  @Field(() => String, { nullable: true, description: 'Why it failed, in short (e.g. "HTTP 503", "connect ECONNREFUSED", "timed out after 10 s").' }) @Column('text', { nullable: true }) error!: string | null;
  @Field(() => String, { nullable: true, description: 'The first 200 characters of the receiver’s answer, at most.' }) @Column('text', { nullable: true }) responseSnippet!: string | null;
}

@ObjectType({ description: 'Một lần gửi webhook: one event to one endpoint, with its attempts.' })
@Entity('webhook_delivery')
export class WebhookDelivery {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  /** Creation order (the keyset of the log, and a dossier's events to an endpoint go in this order). */
  @Column({ type: 'bigint', insert: false, update: false }) seq!: string;
  @Column('uuid') endpointId!: string;
  @Column('uuid') clientId!: string;
  @Column('uuid') dossierId!: string;
  @Field(() => String) @Column('text') dossierCode!: string;
  @Field(() => WebhookEventType) @Column({ type: 'enum', enum: WebhookEventType, enumName: 'webhook_event_type' }) eventType!: WebhookEventType;
  @Field(() => String, { description: 'The `webhook-id` header: msg_…, the same on every attempt and replay (receivers deduplicate on it).' }) @Column('text') messageId!: string;
  @Field(() => String, { description: 'The JSON body sent, as sent.' }) @Column('text') payload!: string;
  @Field(() => WebhookDeliveryStatus) @Column({ type: 'enum', enum: WebhookDeliveryStatus, enumName: 'webhook_delivery_status' }) status!: WebhookDeliveryStatus;
  @Field(() => Int) @Column('int') attemptCount!: number;
  /** Attempts of the schedule (replays excluded): the index into the backoff schedule. */
  @Column('int') scheduledAttempts!: number;
  @Field(() => DateTimeISO, { nullable: true, description: 'When the next attempt is due; null once delivered or failed.' }) @Column('timestamptz', { nullable: true }) nextAttemptAt!: Date | null;
  @Column('boolean') replayPending!: boolean;
  @Column('timestamptz', { nullable: true }) leaseUntil!: Date | null;
  @Column('uuid', { nullable: true }) leaseToken!: string | null;
  @Field(() => DateTimeISO) @Column('timestamptz') createdAt!: Date;
  @Field(() => DateTimeISO, { nullable: true, description: 'The first time the receiver answered 2xx.' }) @Column('timestamptz', { nullable: true }) deliveredAt!: Date | null;
}
