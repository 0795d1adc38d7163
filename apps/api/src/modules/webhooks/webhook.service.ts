import { isIP } from 'node:net';
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { forbidden, isNational, requireClientScope, requireRole, scopeProvince } from '../../platform/authz';
import { RuntimeConfig, type Config } from '../../platform/config';
import { Injectable } from '../../platform/container';
import { recordsFromRows } from '../../platform/database/rows';
import { badInput, conflict, notFound, type Bilingual } from '../../platform/errors';
import { paginate, type Connection, type PageArgs } from '../../platform/graphql/connection';
import type { Actor } from '../../platform/graphql/context';
import { groupFor } from '../../platform/graphql/loaders';
import { OutboundAddressPolicy } from '../../platform/outbound-address';
import { ApiClient, ApiClientScope } from '../api-clients/api-client.entity';
import { API_CLIENT_KEEPERS } from '../api-clients/api-client.service';
import { AuditService } from '../audit/audit.service';
import { WebhookAttempt, WebhookDelivery, WebhookEndpoint } from './webhook.entity';
import type { CreateWebhookEndpointInput, UpdateWebhookEndpointInput, WebhookDeliveryFilter } from './webhook.inputs';
import { WebhookQueue } from './webhook-queue';
import { newSigningSecret, WebhookSecretBox } from './webhook-secrets';

const ENDPOINT: Bilingual = { vi: 'điểm nhận webhook', en: 'webhook endpoint' };
const DELIVERY: Bilingual = { vi: 'lần gửi webhook', en: 'webhook delivery' };
const API_CLIENT: Bilingual = { vi: 'ứng dụng kết nối', en: 'API client' };
/** A client's webhooks need the scope of following its dossiers: they announce their changes. */
const CLIENT_SCOPE = ApiClientScope.READ_OWN_DOSSIERS;
const MAX_ENDPOINTS_PER_CLIENT = 10;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/** Where webhooks may go: the public internet, the networks OSP_WEBHOOK_ALLOWED_NETWORKS names, loopback outside production. */
export function webhookAddressPolicy(config: Pick<Config, 'profile' | 'webhooks'>): OutboundAddressPolicy {
  return new OutboundAddressPolicy({ allowedNetworks: config.webhooks.allowedNetworks, allowLoopback: config.profile !== 'production' });
}

/** The refused ranges' names (platform/outbound-address.ts) in Vietnamese. */
const RANGE_VI: Record<string, string> = {
  loopback: 'chính máy chủ (loopback)',
  'private network': 'mạng nội bộ',
  'link-local': 'link-local',
  'shared address space (CGNAT)': 'dải NAT dùng chung (CGNAT)',
  unspecified: 'địa chỉ không xác định',
  multicast: 'multicast',
  broadcast: 'broadcast',
  documentation: 'dải dành cho tài liệu',
  reserved: 'dải dành riêng',
};

/**
 * An endpoint's address: https://, or http:// to the machine itself (127.0.0.1, ::1, localhost) on a
 * server that is not in the production profile (a portal developer's receiver). No credentials in it;
 * a fragment is dropped (it is never sent). A host written as an IP address must be one the server
 * may reach (`addresses`: not a private, loopback, link-local… range unless allowed); a hostname is
 * accepted (its addresses may change) and checked at each delivery; `localhost` counts as loopback.
 */
export function endpointUrl(raw: string, production: boolean, addresses = new OutboundAddressPolicy({ allowLoopback: !production })): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw badInput('url', { vi: 'Không phải một địa chỉ URL hợp lệ.', en: 'Not a valid URL.' });
  }
  if (url.username || url.password) throw badInput('url', { vi: 'Địa chỉ không được chứa tên đăng nhập hay mật khẩu.', en: 'The address must not carry a user name or password.' });
  url.hash = '';
  if (url.protocol === 'https:') {
    refuseBlockedHost(url.hostname, addresses);
    return url.toString();
  }
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) {
    if (!production) return url.toString();
    throw badInput('url', { vi: 'Máy chủ đang chạy chế độ production: chỉ nhận địa chỉ https://.', en: 'This server runs the production profile: only https:// addresses are accepted.' });
  }
  throw badInput('url', {
    vi: 'Địa chỉ phải dùng https:// (http:// chỉ cho 127.0.0.1, ::1 hoặc localhost khi phát triển).',
    en: 'The address must use https:// (http:// only to 127.0.0.1, ::1 or localhost, in development).',
  });
}

/** An IP-literal host (or `localhost`) in a refused range: BAD_USER_INPUT on `url`, naming the range. */
function refuseBlockedHost(hostname: string, addresses: OutboundAddressPolicy): void {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const localhost = host === 'localhost' || host.endsWith('.localhost');
  if (!isIP(host) && !localhost) return;
  const reason = addresses.blockedReason(localhost ? '127.0.0.1' : host);
  if (!reason) return;
  throw badInput('url', {
    vi: `Không gửi webhook tới ${host}: địa chỉ thuộc ${RANGE_VI[reason] ?? reason}, không phải Internet công cộng. Tỉnh có hệ thống trên mạng riêng của cơ quan nhà nước cần được quản trị máy chủ cho phép dải mạng đó.`,
    en: `Webhooks are not sent to ${host}: it is a ${reason} address, not the public internet. A province whose systems are on a government private network needs the server's operator to allow that network.`,
  });
}

/** The audit trail's province of a client: its province when it acts for one; national (null) when for several. */
const auditProvince = (c: Pick<ApiClient, 'provinceIds'>) => (c.provinceIds.length === 1 ? c.provinceIds[0] : null);
/** What the audit trail keeps of an endpoint: never its secret. */
const trail = (e: WebhookEndpoint) => ({ id: e.id, clientId: e.clientId, url: e.url, description: e.description, active: e.active, secretRotatedAt: e.secretRotatedAt });

/**
 * Webhook endpoints of portals' clients, their delivery log and replays (issue 12). Kept by the
 * administrators who keep the client (API_CLIENT_KEEPERS, the same rule as ApiClientService: a
 * province's administrator for the clients of their province alone, a national one for any; another
 * province's client is NOT_FOUND), and by the client itself for its own (token scope READ_OWN_DOSSIERS).
 */
@Injectable()
export class WebhookService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly secrets: WebhookSecretBox,
    private readonly queue: WebhookQueue,
    private readonly runtime: RuntimeConfig,
  ) {}

  // ── Endpoints ────────────────────────────────────────────────────────────

  async create(actor: Actor, input: CreateWebhookEndpointInput): Promise<{ endpoint: WebhookEndpoint; signingSecret: string }> {
    this.requireCaller(actor);
    const url = endpointUrl(input.url, this.production, this.addresses);
    const signingSecret = newSigningSecret();
    // Sealed before the transaction: the key may be read from (or made in) app_meta.
    const sealed = await this.secrets.seal(signingSecret);
    const endpoint = await this.dataSource.transaction(async (m) => {
      const client = await this.clientFor(m, actor, input.clientId ?? null, 'clientId', true);
      if (client.revokedAt) throw conflict({ vi: `Ứng dụng "${client.name}" đã bị thu hồi.`, en: `The client "${client.name}" is revoked.` });
      const [{ n }] = await m.query('SELECT count(*)::int AS n FROM webhook_endpoint WHERE client_id = $1', [client.id]);
      if (n >= MAX_ENDPOINTS_PER_CLIENT) throw conflict({ vi: `Mỗi ứng dụng có tối đa ${MAX_ENDPOINTS_PER_CLIENT} điểm nhận webhook.`, en: `A client has at most ${MAX_ENDPOINTS_PER_CLIENT} webhook endpoints.` });
      const [row] = await m.query(
        `INSERT INTO webhook_endpoint (client_id, url, description, active, secret_ciphertext) VALUES ($1, $2, $3, true, $4) RETURNING *`,
        [client.id, url, input.description?.trim() || null, sealed],
      );
      const [saved] = recordsFromRows(this.dataSource, WebhookEndpoint, [row]);
      await this.audit.record(m, actor, { action: 'webhookEndpoint.create', entityType: 'WebhookEndpoint', entityId: saved.id, after: trail(saved), provinceId: auditProvince(client) });
      return saved;
    });
    return { endpoint, signingSecret };
  }

  update(actor: Actor, input: UpdateWebhookEndpointInput): Promise<WebhookEndpoint> {
    const url = input.url != null ? endpointUrl(input.url, this.production, this.addresses) : null;
    return this.change(actor, input.id, 'webhookEndpoint.update', async () => ({
      ...(url ? { url } : {}),
      ...(input.description != null ? { description: input.description.trim() || null } : {}),
      ...(input.active != null ? { active: input.active } : {}),
    }));
  }

  /** A new secret at once; messages carry a signature with the previous one too for 24 hours. */
  async rotate(actor: Actor, id: string): Promise<{ endpoint: WebhookEndpoint; signingSecret: string }> {
    this.requireCaller(actor);
    const signingSecret = newSigningSecret();
    const sealed = await this.secrets.seal(signingSecret);
    const endpoint = await this.change(actor, id, 'webhookEndpoint.rotateSecret', async (before, client) => {
      if (client.revokedAt) throw conflict({ vi: `Ứng dụng "${client.name}" đã bị thu hồi.`, en: `The client "${client.name}" is revoked.` });
      return { secret_ciphertext: sealed, previous_secret_ciphertext: before.secretCiphertext, secret_rotated_at: new Date() };
    });
    return { endpoint, signingSecret };
  }

  /** Deletes the endpoint, its deliveries and their log (deactivate it to keep them). */
  async delete(actor: Actor, id: string): Promise<{ id: string }> {
    this.requireCaller(actor);
    return this.dataSource.transaction(async (m) => {
      const { endpoint, client } = await this.endpointFor(m, actor, id);
      await m.query('DELETE FROM webhook_endpoint WHERE id = $1', [id]);
      await this.audit.record(m, actor, { action: 'webhookEndpoint.delete', entityType: 'WebhookEndpoint', entityId: id, before: trail(endpoint), provinceId: auditProvince(client) });
      return { id };
    });
  }

  /** The endpoints of a client: an administrator names it; a client's token reads its own. Another province's client: none. */
  async endpointsOf(actor: Actor, clientId: string | null): Promise<WebhookEndpoint[]> {
    this.requireCaller(actor);
    if (actor.kind !== 'client' && !clientId) throw badInput('clientId', { vi: 'Hãy chọn ứng dụng kết nối.', en: 'Name the API client.' });
    if (clientId && !isUUID(clientId)) throw badInput('clientId', { vi: 'Không phải mã định danh hợp lệ.', en: 'Is not a valid id.' });
    const id = actor.kind === 'client' ? actor.id! : (clientId as string);
    if (actor.kind === 'client' && clientId && clientId !== actor.id) return [];
    if (actor.kind !== 'client') {
      const [client] = recordsFromRows(this.dataSource, ApiClient, await this.dataSource.query('SELECT * FROM api_client WHERE id = $1', [id]));
      if (!client || !visibleTo(actor, client)) return [];
    }
    return (await this.endpointsOfClients([id]))[0];
  }

  /** Endpoints of clients the reader already sees (ApiClient.webhookEndpoints' loader), oldest first. */
  async endpointsOfClients(clientIds: readonly string[]): Promise<WebhookEndpoint[][]> {
    const rows = await this.dataSource.query('SELECT * FROM webhook_endpoint WHERE client_id = ANY($1::uuid[]) ORDER BY created_at, id', [[...clientIds]]);
    return groupFor(clientIds, recordsFromRows(this.dataSource, WebhookEndpoint, rows), (e) => e.clientId);
  }

  // ── The delivery log ─────────────────────────────────────────────────────

  /** Deliveries newest first: a client's own; an administrator's, those of the clients of their province (all, national). */
  deliveries(actor: Actor, filter: WebhookDeliveryFilter, page: PageArgs): Promise<Connection<WebhookDelivery>> {
    this.requireCaller(actor);
    const qb = this.dataSource.getRepository(WebhookDelivery).createQueryBuilder('d');
    if (actor.kind === 'client') qb.andWhere('d.client_id = :own', { own: actor.id });
    else {
      const scope = scopeProvince(actor);
      if (scope) qb.andWhere('EXISTS (SELECT 1 FROM api_client c WHERE c.id = d.client_id AND :scope = ANY(c.province_ids))', { scope });
    }
    if (filter.clientId) qb.andWhere('d.client_id = :clientId', { clientId: filter.clientId });
    if (filter.endpointId) qb.andWhere('d.endpoint_id = :endpointId', { endpointId: filter.endpointId });
    if (filter.status) qb.andWhere('d.status = :status', { status: filter.status });
    if (filter.dossierCode?.trim()) qb.andWhere('d.dossier_code = :code', { code: filter.dossierCode.trim().toUpperCase() });
    return paginate(qb, page, { expression: 'd.seq', property: 'seq', direction: 'DESC', kind: 'int' });
  }

  async attemptsOf(deliveryIds: readonly string[]): Promise<WebhookAttempt[][]> {
    const rows = await this.dataSource.query('SELECT * FROM webhook_attempt WHERE delivery_id = ANY($1::uuid[]) ORDER BY number', [[...deliveryIds]]);
    return groupFor(deliveryIds, recordsFromRows(this.dataSource, WebhookAttempt, rows), (a) => a.deliveryId);
  }

  async endpointsById(ids: readonly string[]): Promise<Array<WebhookEndpoint | null>> {
    const rows = recordsFromRows(this.dataSource, WebhookEndpoint, await this.dataSource.query('SELECT * FROM webhook_endpoint WHERE id = ANY($1::uuid[])', [[...ids]]));
    const byId = new Map(rows.map((e) => [e.id, e]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /**
   * A new attempt now, with the same webhook-id (a receiver that deduplicates sees the same message).
   * A delivery still on its schedule is attempted now and keeps its schedule; a delivered or failed one
   * gets one more attempt (failed again: it stays FAILED, or DELIVERED if it had been).
   */
  async replay(actor: Actor, id: string): Promise<WebhookDelivery> {
    this.requireCaller(actor);
    return this.dataSource.transaction(async (m) => {
      const [row] = await m.query('SELECT * FROM webhook_delivery WHERE id = $1 FOR UPDATE', [id]);
      const [delivery] = recordsFromRows(this.dataSource, WebhookDelivery, row ? [row] : []);
      if (!delivery) throw notFound(DELIVERY, id);
      const client = await this.clientFor(m, actor, delivery.clientId, 'id', false).catch((error) => {
        throw error instanceof Error && 'code' in error && (error as { code: string }).code === 'NOT_FOUND' ? notFound(DELIVERY, id) : error;
      });
      const [endpoint] = await m.query('SELECT active FROM webhook_endpoint WHERE id = $1', [delivery.endpointId]);
      if (!endpoint.active) throw conflict({ vi: 'Điểm nhận webhook đang tạm dừng: hãy bật lại trước khi gửi lại.', en: 'The endpoint is inactive: activate it before replaying.' });
      await m.query(
        `UPDATE webhook_delivery SET replay_pending = true, next_attempt_at = now(),
                status = CASE WHEN status IN ('DELIVERED', 'FAILED') THEN 'RETRYING'::webhook_delivery_status ELSE status END
          WHERE id = $1`,
        [id],
      );
      const [after] = recordsFromRows(this.dataSource, WebhookDelivery, await m.query('SELECT * FROM webhook_delivery WHERE id = $1', [id]));
      await this.audit.record(m, actor, {
        action: 'webhookDelivery.replay',
        entityType: 'WebhookDelivery',
        entityId: id,
        before: { status: delivery.status, messageId: delivery.messageId, dossierCode: delivery.dossierCode },
        after: { status: after.status, nextAttemptAt: after.nextAttemptAt },
        provinceId: auditProvince(client),
      });
      await this.queue.wake(m, [id]);
      return after;
    });
  }

  // ── Rules ────────────────────────────────────────────────────────────────

  private get production(): boolean {
    return this.runtime.config.profile === 'production';
  }

  private addressPolicy: OutboundAddressPolicy | null = null;
  private get addresses(): OutboundAddressPolicy {
    return (this.addressPolicy ??= webhookAddressPolicy(this.runtime.config));
  }

  /** A client's token with READ_OWN_DOSSIERS, or an administrator who keeps clients; anyone else is refused. */
  private requireCaller(actor: Actor): void {
    if (actor.kind === 'client') requireClientScope(actor, CLIENT_SCOPE);
    else requireRole(actor, API_CLIENT_KEEPERS);
  }

  /**
   * The client an operation is about. A client's token: itself (naming another is NOT_FOUND). An
   * administrator: a client they see (else NOT_FOUND, as an id that does not exist) and, for `write`,
   * one of their province alone (a client of several provinces is a national administrator's: FORBIDDEN).
   */
  private async clientFor(m: EntityManager, actor: Actor, clientId: string | null, field: string, write: boolean): Promise<ApiClient> {
    if (actor.kind !== 'client' && !clientId) throw badInput(field, { vi: 'Hãy chọn ứng dụng kết nối.', en: 'Name the API client.' });
    const id = clientId ?? actor.id!;
    const [client] = recordsFromRows(this.dataSource, ApiClient, await m.query('SELECT * FROM api_client WHERE id = $1', [id]));
    if (!client) throw notFound(API_CLIENT, id);
    if (actor.kind === 'client') {
      if (client.id !== actor.id) throw notFound(API_CLIENT, id);
      return client;
    }
    if (!visibleTo(actor, client)) throw notFound(API_CLIENT, id);
    if (write && !isNational(actor) && client.provinceIds.some((p) => p !== actor.provinceId)) throw forbidden();
    return client;
  }

  private async endpointFor(m: EntityManager, actor: Actor, id: string): Promise<{ endpoint: WebhookEndpoint; client: ApiClient }> {
    const [endpoint] = recordsFromRows(this.dataSource, WebhookEndpoint, await m.query('SELECT * FROM webhook_endpoint WHERE id = $1 FOR UPDATE', [id]));
    if (!endpoint) throw notFound(ENDPOINT, id);
    try {
      return { endpoint, client: await this.clientFor(m, actor, endpoint.clientId, 'id', true) };
    } catch (error) {
      // Another province's (or another client's) endpoint is as unknown as one that does not exist.
      if (error instanceof Error && (error as { extensions?: { code?: string } }).extensions?.code === 'NOT_FOUND') throw notFound(ENDPOINT, id);
      throw error;
    }
  }

  private async change(actor: Actor, id: string, action: string, apply: (before: WebhookEndpoint, client: ApiClient) => Promise<Record<string, unknown>>): Promise<WebhookEndpoint> {
    this.requireCaller(actor);
    return this.dataSource.transaction(async (m) => {
      const { endpoint: before, client } = await this.endpointFor(m, actor, id);
      const patch = await apply(before, client);
      const columns = Object.keys(patch);
      if (columns.length) {
        const sets = columns.map((c, i) => `${c.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`)} = $${i + 2}`).join(', ');
        await m.query(`UPDATE webhook_endpoint SET ${sets}, updated_at = now() WHERE id = $1`, [id, ...Object.values(patch)]);
      }
      const [after] = recordsFromRows(this.dataSource, WebhookEndpoint, await m.query('SELECT * FROM webhook_endpoint WHERE id = $1', [id]));
      await this.audit.record(m, actor, { action, entityType: 'WebhookEndpoint', entityId: id, before: trail(before), after: trail(after), provinceId: auditProvince(client) });
      return after;
    });
  }
}

/** A province's administrator sees the clients that act for their province; a national one, all. */
function visibleTo(actor: Actor, client: ApiClient): boolean {
  const scope = scopeProvince(actor);
  return scope === null || client.provinceIds.includes(scope);
}
