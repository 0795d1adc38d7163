import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { ApiClientScope, DEFAULT_COST_PER_HOUR, DEFAULT_REQUESTS_PER_HOUR } from '../modules/api-clients/api-client.entity';
import { DossierStatus, PostalEventKind } from '../modules/dossiers/dossier-status';
import { hashSecret } from '../modules/identity/password';
import { RETRY_DELAYS_SECONDS, SCHEDULED_ATTEMPTS } from '../modules/webhooks/webhook-dispatcher';
import { dossierPayload } from '../modules/webhooks/webhook-outbox';
import { newMessageId, newSigningSecret, WebhookSecretBox } from '../modules/webhooks/webhook-secrets';
import { WebhookAttemptTrigger, WebhookDeliveryStatus, WebhookEventType } from '../modules/webhooks/webhook.entity';
import { RuntimeConfig, type Config } from '../platform/config';
import { addDays, todayInVietnam } from '../platform/graphql/scalars';
import { prng } from './dossier-seed';

/**
 * The demo's portal client (issue 12): "Cổng Dịch vụ công tỉnh Hà Tĩnh (demo)", registered about 60 days
 * before the seed runs, with the client id and secret below so that a developer can exchange them for a
 * token at once (GraphiQL's PortalToken tab, docs/portal-api.md "Trying it locally"). The Hà Tĩnh dossiers
 * of the last 30 days registered online with postal pickup (dossier-seed.ts) are marked as sent by it, so
 * portalDossier and portalDossiersChanged answer them; its traffic of those 30 Vietnam days is in
 * api_client_usage; and it has one notification endpoint, PAUSED (active = false: the running server
 * never calls the invented address), with the delivery log of the status changes and postal events of its
 * latest dossiers, as the outbox and the dispatcher would have written it (webhook-outbox.ts,
 * webhook-dispatcher.ts): most delivered at the first attempt, two after a 503, one FAILED after the whole
 * retry schedule. Nothing is left PENDING or RETRYING (the worker would act on it).
 *
 * What is ILLUSTRATIVE: everything. The portal, its owner's name ("minh họa"), the contact, the address
 * https://dichvucong.hatinh.gov.vn/osp/thong-bao, the traffic and the receiver's answers are invented.
 * Loaded only where the demo dossiers are (dossier-seed.ts: demoDossiersWanted), in one transaction with
 * a few multi-row statements.
 */

/** The demo client's public id and secret (README, docs/portal-api.md). Demo data only, like the demo users' password. */
export const DEMO_CLIENT_ID = 'osp_demo_hatinh';
export const DEMO_CLIENT_SECRET = 'osp_sk_demo_hatinh_2026';
export const DEMO_CLIENT_NAME = 'Cổng Dịch vụ công tỉnh Hà Tĩnh (demo)';
export const DEMO_WEBHOOK_URL = 'https://dichvucong.hatinh.gov.vn/osp/thong-bao';

const VN_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;
/** The days of traffic kept, today included (the client page's chart). */
const USAGE_DAYS = 30;
/** The dossiers whose events are in the delivery log: the latest ones. */
const LOGGED_DOSSIERS = 20;
/** As in the outbox: the postal leg's events, with the pickup's outcomes that are not in PostalEventKind. */
const POSTAL_KINDS = new Set<string>([...Object.values(PostalEventKind), 'PICKUP_MISSED', 'PICKUP_CANCELLED']);
/** An address of the documentation range (RFC 5737): the refused connections of the failed delivery. */
const RECEIVER_ADDRESS = '203.0.113.42:443';
const NGINX_503 = '<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>';

interface Marked {
  id: string;
  code: string;
  status: DossierStatus;
  due_at: Date;
  portal_reference: string;
  created_at: Date;
}
interface EventRow {
  dossier_id: string;
  at: Date;
  kind: string;
  from_status: DossierStatus | null;
  to_status: DossierStatus | null;
  postal_item: string | null;
  due_at: Date | null;
}
interface Attempt {
  at: Date;
  httpStatus: number | null;
  durationMs: number;
  error: string | null;
  responseSnippet: string | null;
}

export async function loadPortalDemo(m: EntityManager, now = new Date()): Promise<{ apiClients: number; clientDossiers: number; usageDays: number; webhookDeliveries: number; webhookAttempts: number }> {
  const rng = prng(20251205);
  const today = todayInVietnam(now);
  const [province]: Array<{ id: string }> = await m.query(`SELECT id FROM administrative_unit WHERE code = '42' AND level = 'PROVINCE' AND valid_to IS NULL`);
  if (!province) throw new Error('portal demo: no province 42');

  // The client, registered about 60 days ago in office hours, last seen a few minutes ago.
  const createdAt = new Date(Date.parse(`${addDays(today, -60)}T02:00:00Z`) + rng.int(0, 180) * 60_000);
  const [client]: Array<{ id: string }> = await m.query(
    `INSERT INTO api_client (client_id, name, owner_organisation, contact_name, contact_email, contact_phone, province_ids, agency_ids, scopes, secret_hash,
                             last_used_at, requests_per_hour, cost_per_hour, version, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, ARRAY[$7::uuid], '{}', $8::api_client_scope[], $9, $10, $11, $12, 1, $13, $13) RETURNING id`,
    [
      DEMO_CLIENT_ID,
      DEMO_CLIENT_NAME,
      'Văn phòng UBND tỉnh Hà Tĩnh (minh họa)',
      'Trần Minh Đức (demo)',
      'kythuat.dichvucong@example.gov.vn',
      '0239 3855 000',
      province.id,
      [ApiClientScope.SUBMIT_DOSSIERS, ApiClientScope.READ_OWN_DOSSIERS, ApiClientScope.READ_CATALOGUE],
      await hashSecret(DEMO_CLIENT_SECRET),
      new Date(now.getTime() - rng.int(2, 25) * 60_000),
      DEFAULT_REQUESTS_PER_HOUR,
      DEFAULT_COST_PER_HOUR,
      createdAt,
    ],
  );

  // Its dossiers: Hà Tĩnh's online registrations with postal pickup of the last 30 Vietnam days (one per reference: unique per client).
  const windowStart = new Date(Date.parse(`${addDays(today, -(USAGE_DAYS - 1))}T00:00:00Z`) - VN_OFFSET_MS);
  const updated = await m.query(
    `UPDATE dossier d SET submitted_by_client_id = $1
      WHERE d.id IN (SELECT DISTINCT ON (portal_reference) id FROM dossier
                      WHERE province_id = $2 AND channel = 'ONLINE_WITH_POSTAL_PICKUP' AND portal_reference IS NOT NULL AND created_at >= $3 AND submitted_by_client_id IS NULL
                      ORDER BY portal_reference, created_at, id)
      RETURNING d.id, d.code, d.status, d.due_at, d.portal_reference, d.created_at`,
    [client.id, province.id, windowStart],
  );
  const marked = (updated[0] as Marked[]).map((d) => ({ ...d, due_at: new Date(d.due_at), created_at: new Date(d.created_at) })).sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || a.code.localeCompare(b.code));

  // Traffic per Vietnam day: token exchanges through the day, a few requests per dossier sent (the submission, reads,
  // polls of its changes), some catalogue reads; quieter at weekends; today only as far as it has gone. On the busiest
  // weekday a re-synchronisation paged through its dossiers' changes and spent the hour's cost budget: a few 429s.
  const perDay = new Map<string, number>();
  for (const d of marked) perDay.set(todayInVietnam(d.created_at), (perDay.get(todayInVietnam(d.created_at)) ?? 0) + 1);
  const elapsed = (now.getTime() + VN_OFFSET_MS - Date.parse(`${today}T00:00:00Z`)) / DAY_MS;
  const usage: Array<{ day: string; requests: number; cost_points: number; refused: number }> = [];
  for (let i = USAGE_DAYS - 1; i >= 0; i -= 1) {
    const day = addDays(today, -i);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    const share = day === today ? elapsed : 1;
    const exchanges = Math.round((weekend ? rng.int(8, 14) : rng.int(18, 26)) * share);
    const catalogue = Math.round((weekend ? rng.int(0, 2) : rng.int(2, 7)) * share);
    const polls = Math.round((weekend ? rng.int(20, 40) : rng.int(60, 110)) * share);
    const dossiers = perDay.get(day) ?? 0;
    const perDossier = Array.from({ length: dossiers }, () => rng.int(3, 6)).reduce((s, n) => s + n, 0);
    usage.push({
      day,
      requests: exchanges + catalogue + polls + perDossier,
      cost_points: exchanges + catalogue * rng.int(60, 120) + polls * rng.int(20, 45) + perDossier * rng.int(12, 30),
      refused: 0,
    });
  }
  const busiest = usage.slice(0, -1).filter((u) => ![0, 6].includes(new Date(`${u.day}T00:00:00Z`).getUTCDay())).sort((a, b) => b.requests - a.requests || a.day.localeCompare(b.day))[0];
  if (busiest) {
    const pages = rng.int(380, 420);
    busiest.requests += pages;
    busiest.cost_points += pages * rng.int(1_200, 1_300);
    busiest.refused = rng.int(3, 8);
  }
  await m.query(
    `INSERT INTO api_client_usage (api_client_id, day, requests, cost_points, refused)
     SELECT $1, x.day, x.requests, x.cost_points, x.refused FROM json_to_recordset($2::json) AS x(day date, requests int, cost_points bigint, refused int)`,
    [client.id, JSON.stringify(usage)],
  );

  // The notification endpoint: registered before the window, paused an hour ago; its secret sealed by the module's own box
  // (on this transaction: the key may be made in app_meta, which the seed holds locked).
  const pausedAt = new Date(now.getTime() - 3600_000);
  const secretsKey = process.env.OSP_WEBHOOK_SECRETS_KEY?.trim() || null;
  const box = new WebhookSecretBox(m as unknown as DataSource, new RuntimeConfig({ webhooks: { secretsKey: secretsKey && Buffer.from(secretsKey, 'base64').length === 32 ? secretsKey : null } } as Config));
  const [endpoint]: Array<{ id: string }> = await m.query(
    `INSERT INTO webhook_endpoint (client_id, url, description, active, secret_ciphertext, created_at, updated_at) VALUES ($1, $2, $3, false, $4, $5, $6) RETURNING id`,
    [
      client.id,
      DEMO_WEBHOOK_URL,
      'Điểm nhận thông báo minh họa (địa chỉ không có thật): tạm dừng để máy chủ demo không gửi đi; nhật ký gửi là dữ liệu mẫu.',
      await box.seal(newSigningSecret()),
      new Date(createdAt.getTime() + 2 * DAY_MS + rng.int(0, 240) * 60_000),
      pausedAt,
    ],
  );

  // The latest dossiers' events that the outbox announces (a status change, or a postal event), before the pause.
  const logged = marked.slice(-LOGGED_DOSSIERS);
  const byId = new Map(logged.map((d) => [d.id, d]));
  const events: EventRow[] = logged.length
    ? (await m.query(`SELECT dossier_id, at, kind, from_status, to_status, postal_item, due_at FROM dossier_event WHERE dossier_id = ANY($1) ORDER BY at, seq`, [logged.map((d) => d.id)])).map(
        (e: EventRow) => ({ ...e, at: new Date(e.at), due_at: e.due_at ? new Date(e.due_at) : null }),
      )
    : [];
  // The dossier as it stood at each event (status and due moment), for the payload, as DossierService.event passes it.
  const state = new Map<string, { status: DossierStatus | null; dueAt: Date | null }>();
  const announced: Array<{ event: EventRow; type: WebhookEventType; payload: string }> = [];
  for (const e of events) {
    const s = state.get(e.dossier_id) ?? { status: null, dueAt: null };
    if (e.to_status) s.status = e.to_status;
    if ((e.kind === 'RECEIVE' || e.kind === 'SUPPLEMENT_RECEIVED' || e.from_status === null) && e.due_at) s.dueAt = e.due_at;
    state.set(e.dossier_id, s);
    const type = e.to_status ? WebhookEventType.DOSSIER_STATUS_CHANGED : POSTAL_KINDS.has(e.kind) ? WebhookEventType.DOSSIER_POSTAL_EVENT : null;
    if (!type || e.at.getTime() > pausedAt.getTime() - 10 * 60_000) continue;
    const d = byId.get(e.dossier_id) as Marked;
    const dossier = { code: d.code, status: s.status ?? d.status, dueAt: s.dueAt ?? d.due_at, portalReference: d.portal_reference };
    announced.push({ event: e, type, payload: JSON.stringify(dossierPayload(type, dossier, { kind: e.kind, at: e.at, fromStatus: e.from_status, toStatus: e.to_status, postalItem: e.postal_item })) });
  }

  // Which went wrong: two answered 503 first, one failed the whole schedule (27.6 h: an event old enough, whose dossier's
  // later events, held back until it settled, were still delivered before the pause).
  const jitter = () => rng.int(150, 2_500);
  const ok = (at: Date): Attempt => ({ at, httpStatus: 200, durationMs: rng.int(30, 300), error: null, responseSnippet: '{"received":true}' });
  const busy = (at: Date): Attempt => ({ at, httpStatus: 503, durationMs: rng.int(15, 90), error: 'HTTP 503', responseSnippet: NGINX_503 });
  const down = (at: Date, n: number): Attempt =>
    n >= 4 && n <= 6
      ? { at, httpStatus: null, durationMs: 10_000 + rng.int(1, 12), error: 'timed out after 10 s', responseSnippet: null }
      : { at, httpStatus: null, durationMs: rng.int(2, 40), error: `ECONNREFUSED connect ECONNREFUSED ${RECEIVER_ADDRESS}`, responseSnippet: null };
  const plan = (failed: number, retried: Set<number>) => {
    const settledAt = new Map<string, number>();
    return announced.map(({ event }, i) => {
      let t = Math.max(event.at.getTime(), settledAt.get(event.dossier_id) ?? 0) + jitter();
      const attempts: Attempt[] = [];
      if (i === failed) {
        for (let n = 1; n <= SCHEDULED_ATTEMPTS; n += 1) {
          attempts.push(down(new Date(t), n));
          if (n < SCHEDULED_ATTEMPTS) t += RETRY_DELAYS_SECONDS[n - 1] * 1000 + jitter();
        }
      } else if (retried.has(i)) {
        attempts.push(busy(new Date(t)));
        t += RETRY_DELAYS_SECONDS[0] * 1000 + jitter();
        attempts.push(ok(new Date(t)));
      } else attempts.push(ok(new Date(t)));
      settledAt.set(event.dossier_id, t + 1_000);
      return attempts;
    });
  };
  const schedule = RETRY_DELAYS_SECONDS.reduce((s, n) => s + n * 1000, 0);
  const candidates = announced.map((a, i) => i).filter((i) => announced[i].event.at.getTime() < pausedAt.getTime() - schedule - 3600_000);
  const start = candidates.length ? rng.int(0, candidates.length - 1) : 0;
  let attemptsOf: Attempt[][] = [];
  for (let k = 0; k <= candidates.length; k += 1) {
    const failed = k < candidates.length ? candidates[(start + k) % candidates.length] : -1;
    const others = announced.map((a, i) => i).filter((i) => i !== failed);
    const retried = new Set<number>();
    while (retried.size < Math.min(2, others.length)) retried.add(others[rng.int(0, others.length - 1)]);
    attemptsOf = plan(failed, retried);
    if (attemptsOf.every((list) => list.at(-1)!.at.getTime() < pausedAt.getTime())) break;
  }

  const deliveries = announced.map(({ event, type, payload }, i) => {
    const attempts = attemptsOf[i];
    const last = attempts.at(-1)!;
    const delivered = last.httpStatus === 200;
    const d = byId.get(event.dossier_id) as Marked;
    return {
      id: randomUUID(),
      endpoint_id: endpoint.id,
      client_id: client.id,
      dossier_id: d.id,
      dossier_code: d.code,
      event_type: type,
      message_id: newMessageId(),
      payload,
      status: delivered ? WebhookDeliveryStatus.DELIVERED : WebhookDeliveryStatus.FAILED,
      attempt_count: attempts.length,
      scheduled_attempts: attempts.length,
      created_at: event.at.toISOString(),
      delivered_at: delivered ? last.at.toISOString() : null,
    };
  });
  // In the order they were queued: seq (bigserial) follows the statement's rows.
  await m.query(
    `INSERT INTO webhook_delivery (id, endpoint_id, client_id, dossier_id, dossier_code, event_type, message_id, payload, status, attempt_count, scheduled_attempts, next_attempt_at, replay_pending, created_at, delivered_at)
     SELECT x.id, x.endpoint_id, x.client_id, x.dossier_id, x.dossier_code, x.event_type, x.message_id, x.payload, x.status, x.attempt_count, x.scheduled_attempts, NULL, false, x.created_at, x.delivered_at
       FROM ROWS FROM (json_to_recordset($1::json) AS (id uuid, endpoint_id uuid, client_id uuid, dossier_id uuid, dossier_code text, event_type webhook_event_type, message_id text, payload text,
            status webhook_delivery_status, attempt_count int, scheduled_attempts int, created_at timestamptz, delivered_at timestamptz)) WITH ORDINALITY AS x
      ORDER BY x.ordinality`,
    [JSON.stringify(deliveries)],
  );
  const attempts = deliveries.flatMap((d, i) =>
    attemptsOf[i].map((a, n) => ({
      delivery_id: d.id,
      number: n + 1,
      at: a.at.toISOString(),
      trigger: WebhookAttemptTrigger.SCHEDULED,
      http_status: a.httpStatus,
      duration_ms: a.durationMs,
      error: a.error,
      response_snippet: a.responseSnippet,
    })),
  );
  await m.query(
    `INSERT INTO webhook_attempt (delivery_id, number, at, trigger, http_status, duration_ms, error, response_snippet)
     SELECT * FROM json_to_recordset($1::json) AS x(delivery_id uuid, number int, at timestamptz, trigger webhook_attempt_trigger, http_status int, duration_ms int, error text, response_snippet text)`,
    [JSON.stringify(attempts)],
  );
  return { apiClients: 1, clientDossiers: marked.length, usageDays: usage.length, webhookDeliveries: deliveries.length, webhookAttempts: attempts.length };
}
