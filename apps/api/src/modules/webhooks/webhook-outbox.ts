import type { EntityManager } from 'typeorm';
import { Injectable } from '../../platform/container';
import { todayInVietnam } from '../../platform/graphql/scalars';
import type { Dossier, DossierEvent } from '../dossiers/dossier.entity';
import { DossierStatus, EVENT_LABELS, NATIONAL_STATUS_CODE, PostalEventKind } from '../dossiers/dossier-status';
import { EVENT_TYPE_NAME, WebhookEventType } from './webhook.entity';
import { WebhookQueue } from './webhook-queue';
import { newMessageId } from './webhook-secrets';

/** The postal leg's events, with the pickup's outcomes that are not in PostalEventKind. */
const POSTAL_KINDS = new Set<string>([...Object.values(PostalEventKind), 'PICKUP_MISSED', 'PICKUP_CANCELLED']);

/**
 * The webhooks' outbox: DossierService.event calls `dossierEvent` for every step it records (one place,
 * in the step's transaction). A step of a dossier that a portal's client submitted, that is a status
 * change (it has a `toStatus`) or a postal event, becomes one delivery per active endpoint of that
 * client, written in the same transaction: rolled back with the change, visible with it. Apologies and
 * ratings are not announced (the first is no status change, the second is the applicant's).
 */
@Injectable()
export class WebhookOutbox {
  constructor(private readonly queue: WebhookQueue) {}

  async dossierEvent(m: EntityManager, dossier: Pick<Dossier, 'id' | 'code' | 'status' | 'dueAt' | 'portalReference' | 'submittedByClientId'>, event: Pick<DossierEvent, 'kind' | 'at' | 'fromStatus' | 'toStatus' | 'postalItem'>): Promise<void> {
    const clientId = dossier.submittedByClientId;
    if (!clientId) return;
    const type = event.toStatus ? WebhookEventType.DOSSIER_STATUS_CHANGED : POSTAL_KINDS.has(event.kind) ? WebhookEventType.DOSSIER_POSTAL_EVENT : null;
    if (!type) return;
    const endpoints: Array<{ id: string }> = await m.query('SELECT id FROM webhook_endpoint WHERE client_id = $1 AND active ORDER BY created_at, id', [clientId]);
    if (endpoints.length === 0) return;
    const payload = JSON.stringify(dossierPayload(type, dossier, event));
    const rows = endpoints.map((e) => [e.id, clientId, dossier.id, dossier.code, type, newMessageId(), payload]);
    const inserted: Array<{ id: string }> = await m.query(
      `INSERT INTO webhook_delivery (endpoint_id, client_id, dossier_id, dossier_code, event_type, message_id, payload, status, next_attempt_at)
       SELECT r.endpoint_id, r.client_id, r.dossier_id, r.dossier_code, r.event_type::webhook_event_type, r.message_id, r.payload, 'PENDING', now()
         FROM jsonb_to_recordset($1::jsonb) AS r(endpoint_id uuid, client_id uuid, dossier_id uuid, dossier_code text, event_type text, message_id text, payload text)
       RETURNING id`,
      [JSON.stringify(rows.map(([endpoint_id, client_id, dossier_id, dossier_code, event_type, message_id, body]) => ({ endpoint_id, client_id, dossier_id, dossier_code, event_type, message_id, payload: body })))],
    );
    await this.queue.wake(m, inserted.map((r) => r.id));
  }
}

/**
 * The body of a dossier's webhook: what PortalDossier says of its progress (code, the portal's
 * reference, status and national code, due day) and the step itself as its timeline shows it, nothing
 * of the applicant and nothing of the staff.
 */
export function dossierPayload(
  type: WebhookEventType,
  dossier: Pick<Dossier, 'code' | 'status' | 'dueAt' | 'portalReference'>,
  event: Pick<DossierEvent, 'kind' | 'at' | 'fromStatus' | 'toStatus' | 'postalItem'>,
) {
  const at = event.at.toISOString();
  const status = event.toStatus ?? dossier.status;
  const label = EVENT_LABELS[event.kind] ?? { vi: event.kind, en: event.kind };
  return {
    type: EVENT_TYPE_NAME[type],
    timestamp: at,
    data: {
      code: dossier.code,
      externalReference: dossier.portalReference ?? '',
      status,
      nationalStatusCode: NATIONAL_STATUS_CODE[status],
      ...(type === WebhookEventType.DOSSIER_STATUS_CHANGED ? { previousStatus: event.fromStatus ?? null } : {}),
      dueDate: status === DossierStatus.NEW ? null : todayInVietnam(dossier.dueAt),
      event: { kind: event.kind, at, label: { vi: label.vi, en: label.en }, postalItemNumber: event.postalItem ?? null },
    },
  };
}
