import { randomUUID } from 'node:crypto';
import type { LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { DataSource } from 'typeorm';
import { RuntimeConfig } from '../../platform/config';
import { Injectable } from '../../platform/container';
import { recordsFromRows } from '../../platform/database/rows';
import { BlockedAddressError, pinnedLookup, systemLookup, type HostLookup, type OutboundAddressPolicy } from '../../platform/outbound-address';
import { SECRET_OVERLAP_HOURS, WebhookAttemptTrigger, WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint } from './webhook.entity';
import { WebhookQueue } from './webhook-queue';
import { sign, WebhookSecretBox } from './webhook-secrets';
import { webhookAddressPolicy } from './webhook.service';

/**
 * The retry schedule (Svix's): after the first attempt fails, retries 5 seconds, 5 minutes, 30 minutes,
 * 2 hours, 5 hours, 10 hours and 10 hours after the previous one: 8 attempts over 27 h 35 min 5 s, then
 * FAILED. Replays are extra attempts and do not use up the schedule.
 */
export const RETRY_DELAYS_SECONDS = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600] as const;
export const SCHEDULED_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;
/** One attempt's time limit; the receiver must answer 2xx within it. */
export const ATTEMPT_TIMEOUT_MS = 10_000;
/** How long a claimed delivery is a worker's before another may claim it (the worker died mid-send). */
const LEASE_SECONDS = 60;
const SNIPPET_CHARS = 200;

export interface AttemptOutcome {
  httpStatus: number | null;
  durationMs: number;
  error: string | null;
  responseSnippet: string | null;
}

/** Undelivered deliveries, oldest first, that are due and whose earlier events (same endpoint, same dossier) are all settled. */
const CLAIMABLE = `
  SELECT d.id FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id AND e.active
   WHERE d.status IN ('PENDING', 'RETRYING') AND d.next_attempt_at <= $1 AND (d.lease_until IS NULL OR d.lease_until < $1) AND ($3::uuid IS NULL OR d.id = $3)
     AND NOT EXISTS (SELECT 1 FROM webhook_delivery p
                      WHERE p.endpoint_id = d.endpoint_id AND p.dossier_id = d.dossier_id AND p.seq < d.seq AND p.status IN ('PENDING', 'RETRYING'))
   ORDER BY d.seq
   LIMIT $2
   FOR UPDATE OF d SKIP LOCKED`;

/**
 * Sends deliveries: claims those due (a lease, in a short transaction: no row lock is held during the
 * HTTP call, which matters on the embedded database's single connection), posts each signed with its
 * endpoint's secret, and records the attempt and what follows (DELIVERED; RETRYING at the next slot of
 * the schedule; FAILED) in one transaction, with the wake-up of the next job. A process that dies
 * mid-send leaves a lease that expires: the delivery is sent again, with the same webhook-id.
 *
 * Order: a dossier's events reach an endpoint in the order they happened (a later one waits while an
 * earlier one is undelivered); different dossiers do not wait for each other, so one receiver's trouble
 * with one message does not hold up the rest.
 */
@Injectable()
export class WebhookDispatcher {
  private readonly inFlight = new Set<Promise<unknown>>();
  private stopping = new AbortController();
  /** Where deliveries may go (platform/outbound-address.ts): checked before every attempt. */
  private readonly addresses: OutboundAddressPolicy;
  /** How a hostname is resolved before it is checked (the system's resolver; tests give their own). */
  lookup: HostLookup = systemLookup;

  constructor(
    private readonly dataSource: DataSource,
    private readonly secrets: WebhookSecretBox,
    private readonly queue: WebhookQueue,
    runtime: RuntimeConfig,
  ) {
    this.addresses = webhookAddressPolicy(runtime.config);
  }

  /**
   * Delivers everything due at `now` (the worker calls it with the clock; tests with a moment of their
   * choice to make time pass). Answers how many attempts were made.
   */
  async deliverDue(now: Date = new Date(), batch = 20): Promise<number> {
    let attempts = 0;
    for (let round = 0; round < 1000 && !this.stopping.signal.aborted; round++) {
      const claimed = await this.claim(now, batch, null);
      if (claimed.length === 0) break;
      // Endpoints in parallel; one endpoint's deliveries one after the other, oldest first.
      const byEndpoint = new Map<string, WebhookDelivery[]>();
      for (const d of claimed) byEndpoint.set(d.endpointId, [...(byEndpoint.get(d.endpointId) ?? []), d]);
      await Promise.all([...byEndpoint.values()].map((list) => this.track((async () => { for (const d of list) await this.attempt(d, now); })())));
      attempts += claimed.length;
    }
    return attempts;
  }

  /** One delivery, if it is due now (a job's handler). */
  async deliverOne(id: string, now: Date = new Date()): Promise<void> {
    if (this.stopping.signal.aborted) return;
    const [claimed] = await this.claim(now, 1, id);
    if (claimed) await this.track(this.attempt(claimed, now));
  }

  /** Takes work again after a stop (a worker started anew). */
  resume(): void {
    if (this.stopping.signal.aborted) this.stopping = new AbortController();
  }

  /** Aborts the requests in flight (recorded as failed attempts, retried later) and waits for their records. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await Promise.allSettled([...this.inFlight]);
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    return work.finally(() => this.inFlight.delete(work));
  }

  private async claim(now: Date, limit: number, id: string | null): Promise<WebhookDelivery[]> {
    const token = randomUUID();
    const rows = await this.dataSource.query(
      `UPDATE webhook_delivery SET lease_until = $1::timestamptz + make_interval(secs => ${LEASE_SECONDS}), lease_token = $4
        WHERE id IN (${CLAIMABLE}) RETURNING *`,
      [now, limit, id, token],
    );
    const claimed = recordsFromRows(this.dataSource, WebhookDelivery, rows[0] as Array<Record<string, unknown>>);
    return claimed.sort((a, b) => Number(a.seq) - Number(b.seq));
  }

  private async attempt(delivery: WebhookDelivery, now: Date): Promise<void> {
    const [endpoint] = recordsFromRows(this.dataSource, WebhookEndpoint, await this.dataSource.query('SELECT * FROM webhook_endpoint WHERE id = $1', [delivery.endpointId]));
    const trigger = delivery.replayPending ? WebhookAttemptTrigger.REPLAY : WebhookAttemptTrigger.SCHEDULED;
    let outcome: AttemptOutcome;
    try {
      outcome = await this.post(endpoint, delivery);
    } catch (error) {
      outcome = { httpStatus: null, durationMs: 0, error: short(error), responseSnippet: null };
    }
    await this.record(delivery, trigger, now, outcome);
  }

  /** The HTTP request, signed (with the previous secret too while a rotation's overlap lasts). */
  private async post(endpoint: WebhookEndpoint, delivery: WebhookDelivery): Promise<AttemptOutcome> {
    const timestamp = Math.floor(Date.now() / 1000);
    const secrets = [await this.secrets.open(endpoint.secretCiphertext)];
    if (endpoint.previousSecretCiphertext && endpoint.secretRotatedAt && Date.now() - endpoint.secretRotatedAt.getTime() < SECRET_OVERLAP_HOURS * 3600_000) {
      secrets.push(await this.secrets.open(endpoint.previousSecretCiphertext));
    }
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const signal = AbortSignal.any([AbortSignal.timeout(ATTEMPT_TIMEOUT_MS), this.stopping.signal]);
    try {
      // The host's addresses are checked, and the connection goes to the one checked (no second lookup
      // a rebinding DNS could answer differently); TLS and the Host header keep the hostname.
      const url = new URL(endpoint.url);
      const vetted = await this.addresses.vet(url.hostname, this.lookup);
      const { status, snippet } = await post(url, vetted, {
        'content-type': 'application/json',
        'user-agent': 'OneStopPost-Webhooks/1',
        'webhook-id': delivery.messageId,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': secrets.map((s) => sign(s, delivery.messageId, timestamp, delivery.payload)).join(' '),
      }, delivery.payload, signal);
      const ok = status >= 200 && status < 300;
      return { httpStatus: status, durationMs: elapsed(), error: ok ? null : `HTTP ${status}`, responseSnippet: snippet };
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      const message =
        error instanceof BlockedAddressError ? error.message
        : this.stopping.signal.aborted ? 'interrupted: the server was shutting down'
        : timedOut ? `timed out after ${ATTEMPT_TIMEOUT_MS / 1000} s`
        : short(error);
      return { httpStatus: null, durationMs: elapsed(), error: message, responseSnippet: null };
    }
  }

  /** The attempt, the delivery's new state and the next wake-up, in one transaction (only while the lease is ours). */
  private async record(delivery: WebhookDelivery, trigger: WebhookAttemptTrigger, now: Date, outcome: AttemptOutcome): Promise<void> {
    const delivered = outcome.httpStatus !== null && outcome.httpStatus >= 200 && outcome.httpStatus < 300;
    const scheduled = delivery.scheduledAttempts + (trigger === WebhookAttemptTrigger.SCHEDULED ? 1 : 0);
    let status: WebhookDeliveryStatus;
    let next: Date | null = null;
    if (delivered) status = WebhookDeliveryStatus.DELIVERED;
    else if (delivery.deliveredAt) status = WebhookDeliveryStatus.DELIVERED; // a replay of a delivered message failed: it stays delivered, the log says the rest
    else if (scheduled >= SCHEDULED_ATTEMPTS) status = WebhookDeliveryStatus.FAILED;
    else {
      status = WebhookDeliveryStatus.RETRYING;
      next = new Date(now.getTime() + RETRY_DELAYS_SECONDS[Math.max(scheduled, 1) - 1] * 1000);
    }
    await this.dataSource.transaction(async (m) => {
      const updated = await m.query(
        `UPDATE webhook_delivery SET status = $3, attempt_count = attempt_count + 1, scheduled_attempts = $4, next_attempt_at = $5,
                replay_pending = false, lease_until = NULL, lease_token = NULL, delivered_at = COALESCE(delivered_at, $6)
          WHERE id = $1 AND lease_token = $2 RETURNING attempt_count`,
        [delivery.id, delivery.leaseToken, status, scheduled, next, delivered ? now : null],
      );
      const [row] = updated[0] as Array<{ attempt_count: number }>;
      if (!row) return; // the lease expired and another worker took it over: its attempt counts
      await m.query(
        `INSERT INTO webhook_attempt (delivery_id, number, at, trigger, http_status, duration_ms, error, response_snippet) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [delivery.id, row.attempt_count, now, trigger, outcome.httpStatus, outcome.durationMs, outcome.error, outcome.responseSnippet],
      );
      if (next) await this.queue.wake(m, [delivery.id], next);
      if (status !== WebhookDeliveryStatus.RETRYING) {
        // The dossier's next event to this endpoint no longer waits for this one.
        const following: Array<{ id: string }> = await m.query(
          `SELECT id FROM webhook_delivery WHERE endpoint_id = $1 AND dossier_id = $2 AND seq > $3 AND status IN ('PENDING', 'RETRYING') ORDER BY seq LIMIT 1`,
          [delivery.endpointId, delivery.dossierId, delivery.seq],
        );
        await this.queue.wake(m, following.map((f) => f.id));
      }
    });
  }
}

/**
 * POSTs the body to the URL over a connection to the vetted address (a new one each time: a pooled
 * socket could be one opened for an address vetted earlier), without following redirects; answers
 * the status and the start of the answer's body (at most SNIPPET_CHARS characters).
 */
function post(url: URL, vetted: LookupAddress, headers: Record<string, string>, body: string, signal: AbortSignal): Promise<{ status: number; snippet: string | null }> {
  return new Promise((resolve, reject) => {
    const request = url.protocol === 'https:' ? httpsRequest : url.protocol === 'http:' ? httpRequest : null;
    if (!request) return reject(new Error(`unsupported protocol ${url.protocol}`));
    const req = request(url, { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, lookup: pinnedLookup(vetted), agent: false, signal }, (response) =>
      readSnippet(response).then((snippet) => resolve({ status: response.statusCode ?? 0, snippet })),
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The start of an answer's body; an answer cut short (or too long) keeps what came. */
function readSnippet(response: IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const done = () => {
      if (settled) return;
      settled = true;
      response.destroy();
      const text = Buffer.concat(chunks).toString('utf8').slice(0, SNIPPET_CHARS).trim();
      resolve(text || null);
    };
    response.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= SNIPPET_CHARS * 4) done();
    });
    response.on('end', done);
    response.on('error', done);
    response.on('close', done);
  });
}

/** An error in a line: the innermost cause's code and message (fetch wraps them), at most 200 characters. */
function short(error: unknown): string {
  let e = error as { message?: string; code?: string; cause?: unknown } | undefined;
  while (e && e.cause && typeof e.cause === 'object') e = e.cause as typeof e;
  const text = [e?.code, e?.message].filter(Boolean).join(' ') || String(error);
  return text.slice(0, 200);
}
