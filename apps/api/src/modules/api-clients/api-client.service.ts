import { randomBytes } from 'node:crypto';
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { forbidden, isNational, requireRole, scopeProvince } from '../../platform/authz';
import { Injectable } from '../../platform/container';
import { recordsFromRows } from '../../platform/database/rows';
import { updateVersioned } from '../../platform/database/versioned';
import { AppError, badInput, conflict, notFound, uniquely, type Bilingual } from '../../platform/errors';
import { paginate, type PageArgs } from '../../platform/graphql/connection';
import type { Actor } from '../../platform/graphql/context';
import { todayInVietnam } from '../../platform/graphql/scalars';
import { likeFragment, requiredText } from '../../platform/text';
import { AdministrativeUnitService } from '../administrative-units/administrative-unit.service';
import { AgencyService } from '../agencies/agency.service';
import { AuditService } from '../audit/audit.service';
import { hashSecret, verifySecret } from '../identity/password';
import { Role } from '../identity/role';
import { SESSION_CACHE_MS, SessionCache } from '../identity/session-cache';
import { ThrottleService } from '../identity/throttle.service';
import { TokenService } from '../identity/token.service';
import { ApiClient, DEFAULT_COST_PER_HOUR, DEFAULT_REQUESTS_PER_HOUR, MAX_USAGE_DAYS, SECRET_GRACE_HOURS, type ApiClientScope, type ApiClientUsageDay } from './api-client.entity';
import type { ApiClientContactInput, ApiClientFilter, CreateApiClientInput, IssueClientTokenInput, RevokeApiClientInput, RotateApiClientSecretInput, UpdateApiClientInput } from './api-client.inputs';

/** Who registers and keeps portals' clients: administrators (a province's, for its province; national ones, any). */
export const API_CLIENT_KEEPERS = [Role.SYSTEM_ADMIN];
const API_CLIENT: Bilingual = { vi: 'ứng dụng kết nối', en: 'API client' };
/** lastUsedAt is written at most this often per client (per instance), never on every request. */
export const LAST_USED_EVERY_MS = 60_000;

const WRONG_CREDENTIALS: Bilingual = { vi: 'Sai mã ứng dụng hoặc khóa bí mật.', en: 'Wrong client id or secret.' };
const REVOKED: Bilingual = { vi: 'Ứng dụng kết nối đã bị thu hồi quyền truy cập.', en: 'This client’s access has been revoked.' };
const TOKEN_OVER: Bilingual = { vi: 'Mã truy cập của ứng dụng không hợp lệ hoặc đã hết hạn. Hãy lấy mã mới.', en: 'The client token is not valid or has expired. Get a new one.' };

/** The public id of a new client: `osp_` and 20 hex digits. */
const newClientId = () => `osp_${randomBytes(10).toString('hex')}`;
/** A new secret: 32 random bytes (256 bits), so it cannot be guessed; shown once, stored as argon2id. */
const newSecret = () => `osp_sk_${randomBytes(32).toString('base64url')}`;
/** The key of a client's entry in the session cache (shared with users' sessions: one notification channel, one eviction path). */
const cacheKey = (apiClientId: string) => `client:${apiClientId}`;

/** The audit trail's province of a client: its province when it acts for one; national (null) when for several. */
const auditProvince = (c: Pick<ApiClient, 'provinceIds'>) => (c.provinceIds.length === 1 ? c.provinceIds[0] : null);

/** A client acting: attributed to by its name in the audit trail and the logs. */
export function clientActor(c: Pick<ApiClient, 'id' | 'name' | 'provinceIds' | 'agencyIds' | 'scopes' | 'requestsPerHour' | 'costPerHour'>): Actor {
  return {
    kind: 'client',
    id: c.id,
    label: c.name,
    roles: [],
    provinceId: null,
    scopeUnitId: null,
    postOfficeId: null,
    oneStopDeskId: null,
    agencyId: null,
    sessionId: null,
    client: { provinceIds: [...c.provinceIds], agencyIds: [...c.agencyIds], scopes: [...c.scopes], requestsPerHour: c.requestsPerHour, costPerHour: c.costPerHour },
  };
}

/**
 * Portals' clients (issue 12): registered by administrators with a secret shown once, rotated with a
 * grace period, revoked at once; the token exchange; and turning a client token into a client actor.
 */
@Injectable()
export class ApiClientService {
  /** Verified against when the clientId is unknown, so both failures take the same time. */
  private dummyHash: Promise<string> | null = null;
  /** When this instance last wrote a client's lastUsedAt (ms), by ApiClient id. */
  private readonly touched = new Map<string, number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly units: AdministrativeUnitService,
    private readonly agencies: AgencyService,
    private readonly tokens: TokenService,
    private readonly throttle: ThrottleService,
    private readonly sessions: SessionCache,
  ) {}

  // --- Reading -----------------------------------------------------------------------------------

  /** The clients acting for the administrator's province (every client for a national one), by name. */
  list(actor: Actor, filter: ApiClientFilter, page: PageArgs) {
    requireRole(actor, API_CLIENT_KEEPERS);
    const qb = this.dataSource.getRepository(ApiClient).createQueryBuilder('c');
    const scope = scopeProvince(actor);
    if (scope) qb.andWhere(':scope = ANY(c.province_ids)', { scope });
    if (!filter.includeRevoked) qb.andWhere('c.revoked_at IS NULL');
    const search = filter.search?.trim();
    if (search) {
      qb.andWhere('(osp_fold(c.name) LIKE osp_fold(:s) OR osp_fold(c.owner_organisation) LIKE osp_fold(:s) OR c.client_id LIKE :prefix)', {
        s: likeFragment(search),
        prefix: `${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`,
      });
    }
    return paginate(qb, page, { expression: 'c.name', property: 'name', direction: 'ASC', kind: 'name' });
  }

  async find(actor: Actor, id: string): Promise<ApiClient | null> {
    requireRole(actor, API_CLIENT_KEEPERS);
    if (!isUUID(id)) throw badInput('id', { vi: 'Không phải mã định danh hợp lệ.', en: 'Is not a valid id.' });
    const client = await this.dataSource.getRepository(ApiClient).findOneBy({ id });
    return client && visibleTo(actor, client) ? client : null;
  }

  /**
   * The clients' last `days` days (Vietnam dates, today included), oldest first, every day present
   * (zero when nothing happened), for the clients the actor may read (the others: none). One statement
   * for every client asked in the request (the resolver batches them).
   */
  async usage(actor: Actor, clients: readonly ApiClient[], days: number): Promise<Map<string, ApiClientUsageDay[]>> {
    requireRole(actor, API_CLIENT_KEEPERS);
    if (!Number.isInteger(days) || days < 1 || days > MAX_USAGE_DAYS) {
      throw badInput('days', { vi: `Số ngày từ 1 đến ${MAX_USAGE_DAYS}.`, en: `Between 1 and ${MAX_USAGE_DAYS} days.` });
    }
    const ids = clients.filter((c) => visibleTo(actor, c)).map((c) => c.id);
    const out = new Map<string, ApiClientUsageDay[]>(clients.map((c) => [c.id, []]));
    if (ids.length === 0) return out;
    const today = todayInVietnam();
    const rows: Array<{ id: string; day: string; requests: number; cost_points: string; refused: number }> = await this.dataSource.query(
      `SELECT c.id, to_char(d.day, 'YYYY-MM-DD') AS day, coalesce(u.requests, 0) AS requests, coalesce(u.cost_points, 0)::text AS cost_points, coalesce(u.refused, 0) AS refused
       FROM unnest($1::uuid[]) AS c (id)
       CROSS JOIN generate_series($2::date - ($3::int - 1), $2::date, interval '1 day') AS d (day)
       LEFT JOIN api_client_usage u ON u.api_client_id = c.id AND u.day = d.day::date
       ORDER BY c.id, d.day`,
      [ids, today, days],
    );
    for (const r of rows) out.get(r.id)?.push({ day: r.day, requests: r.requests, costPoints: Number(r.cost_points), refused: r.refused });
    return out;
  }

  // --- Writing -----------------------------------------------------------------------------------

  async create(actor: Actor, input: CreateApiClientInput): Promise<{ apiClient: ApiClient; clientSecret: string }> {
    // Refused before the (deliberately slow) hash: a caller without the role costs no argon2 work.
    requireRole(actor, API_CLIENT_KEEPERS);
    const clientSecret = newSecret();
    const secretHash = await hashSecret(clientSecret);
    const apiClient = await this.dataSource.transaction(async (m) => {
      const provinceIds = await this.provincesFor(m, actor, input.provinceIds);
      const agencyIds = await this.agenciesFor(m, actor, input.agencyIds ?? [], provinceIds);
      const repo = m.getRepository(ApiClient);
      const entity = repo.create({
        clientId: newClientId(),
        name: requiredText(input.name, 'name', { vi: 'Tên ứng dụng', en: 'The client’s name' }),
        ownerOrganisation: requiredText(input.ownerOrganisation, 'ownerOrganisation', { vi: 'Đơn vị sở hữu', en: 'The owner organisation' }),
        ...contactOf(input.contact),
        provinceIds,
        agencyIds,
        scopes: [...new Set(input.scopes)],
        secretHash,
        previousSecretHash: null,
        rotatedAt: null,
        revokedAt: null,
        lastUsedAt: null,
        requestsPerHour: input.requestsPerHour ?? DEFAULT_REQUESTS_PER_HOUR,
        costPerHour: input.costPerHour ?? DEFAULT_COST_PER_HOUR,
        version: 1,
      });
      await uniquely(() => repo.insert(entity), 'clientId', { vi: 'Trùng mã ứng dụng, hãy thử lại.', en: 'The generated client id is taken; try again.' });
      const saved = await repo.findOneByOrFail({ id: entity.id });
      await this.audit.record(m, actor, { action: 'apiClient.create', entityType: 'ApiClient', entityId: saved.id, after: saved, provinceId: auditProvince(saved) });
      return saved;
    });
    return { apiClient, clientSecret };
  }

  update(actor: Actor, input: UpdateApiClientInput): Promise<ApiClient> {
    return this.change(actor, input.id, input.version, 'apiClient.update', async (m, before) => {
      const provinceIds = input.provinceIds ? await this.provincesFor(m, actor, input.provinceIds) : before.provinceIds;
      // The agencies kept must still be in the provinces, when those change.
      const agencyIds = input.agencyIds
        ? await this.agenciesFor(m, actor, input.agencyIds, provinceIds)
        : input.provinceIds
          ? await this.agenciesFor(m, actor, before.agencyIds, provinceIds, () => 'provinceIds')
          : before.agencyIds;
      return {
        ...(input.name != null ? { name: requiredText(input.name, 'name', { vi: 'Tên ứng dụng', en: 'The client’s name' }) } : {}),
        ...(input.ownerOrganisation != null ? { ownerOrganisation: requiredText(input.ownerOrganisation, 'ownerOrganisation', { vi: 'Đơn vị sở hữu', en: 'The owner organisation' }) } : {}),
        ...(input.contact ? contactOf(input.contact) : {}),
        ...(input.scopes ? { scopes: [...new Set(input.scopes)] } : {}),
        ...(input.requestsPerHour != null ? { requestsPerHour: input.requestsPerHour } : {}),
        ...(input.costPerHour != null ? { costPerHour: input.costPerHour } : {}),
        provinceIds,
        agencyIds,
      };
    });
  }

  /**
   * A new secret, answered this once. The previous one keeps working for SECRET_GRACE_HOURS (the one
   * before it, if a rotation was still in its grace period, stops now); tokens already issued keep
   * working until they expire.
   */
  async rotate(actor: Actor, input: RotateApiClientSecretInput): Promise<{ apiClient: ApiClient; clientSecret: string }> {
    requireRole(actor, API_CLIENT_KEEPERS);
    const clientSecret = newSecret();
    const secretHash = await hashSecret(clientSecret);
    const apiClient = await this.change(actor, input.id, input.version, 'apiClient.rotateSecret', async (_m, before) => ({
      secretHash,
      previousSecretHash: before.secretHash,
      rotatedAt: () => 'now()',
    }));
    return { apiClient, clientSecret };
  }

  /** Revoked at once: no new token, and the tokens it holds are refused from the next request on (every instance). */
  revoke(actor: Actor, input: RevokeApiClientInput): Promise<ApiClient> {
    return this.change(actor, input.id, input.version, 'apiClient.revoke', async () => ({ revokedAt: () => 'now()' }));
  }

  /**
   * One change to one client by an administrator who may write it, optimistic on `version`, audited,
   * in one transaction. A revoked client is not changed any more. Every instance forgets what it holds
   * of the client once the change commits (its tokens are checked again against the row).
   */
  private async change(
    actor: Actor,
    id: string,
    version: number,
    action: string,
    apply: (m: EntityManager, before: ApiClient) => Promise<Record<string, unknown>>,
  ): Promise<ApiClient> {
    requireRole(actor, API_CLIENT_KEEPERS);
    const changed = await this.dataSource.transaction(async (m) => {
      const before = await m.getRepository(ApiClient).findOneBy({ id });
      if (!before || !visibleTo(actor, before)) throw notFound(API_CLIENT, id);
      assertWritable(actor, before);
      if (before.revokedAt) throw conflict({ vi: `Ứng dụng "${before.name}" đã bị thu hồi.`, en: `The client "${before.name}" is revoked.` });
      const patch = await apply(m, before);
      await updateVersioned(m, ApiClient, id, version, patch as never, API_CLIENT);
      const after = await m.getRepository(ApiClient).findOneByOrFail({ id });
      await this.sessions.ended(m, { sessionId: cacheKey(id) });
      await this.audit.record(m, actor, { action, entityType: 'ApiClient', entityId: id, before, after, provinceId: auditProvince(after) });
      return after;
    });
    this.sessions.evict({ sessionId: cacheKey(id) });
    return changed;
  }

  /** The provinces a client is registered for: the administrator's own, or those a national administrator names (provinces in force). */
  private async provincesFor(m: EntityManager, actor: Actor, given: readonly string[] | null | undefined): Promise<string[]> {
    const ids = [...new Set(given ?? [])];
    if (!isNational(actor)) {
      const own = actor.provinceId as string;
      if (ids.some((p) => p !== own)) throw forbidden();
      return [own];
    }
    if (ids.length === 0) throw badInput('provinceIds', { vi: 'Hãy chọn ít nhất một tỉnh, thành phố.', en: 'Choose at least one province.' });
    for (const [i, id] of ids.entries()) {
      const root = await this.units.provinceIdOf(m, id).catch(() => null);
      if (root !== id) throw badInput(`provinceIds.${i}`, { vi: 'Không phải một tỉnh, thành phố đang có hiệu lực.', en: 'Not a province in force.' });
    }
    return ids;
  }

  /**
   * Agencies still operating in the client's provinces (one outside the administrator's reach is as
   * unknown as an id that does not exist); `fieldOf` names the field a problem is reported on.
   */
  private async agenciesFor(m: EntityManager, actor: Actor, given: readonly string[], provinceIds: readonly string[], fieldOf = (i: number) => `agencyIds.${i}`): Promise<string[]> {
    const ids = [...new Set(given)];
    for (const [i, id] of ids.entries()) {
      const agency = await this.agencies.requireActive(m, id, fieldOf(i), actor);
      if (!provinceIds.includes(agency.provinceId)) {
        throw badInput(fieldOf(i), { vi: `Cơ quan "${agency.name}" không thuộc tỉnh của ứng dụng.`, en: `The agency "${agency.name}" is not in the client’s provinces.` });
      }
    }
    return ids;
  }

  // --- The token exchange and client tokens --------------------------------------------------------

  /**
   * Client credentials for a token (at most an hour). A wrong id or secret is UNAUTHENTICATED without
   * saying which (an unknown id costs the same argon2 work); wrong secrets are throttled per clientId
   * and address like sign-ins (ThrottleService.clientKeys). A revoked client is UNAUTHENTICATED too.
   */
  async issueToken(input: IssueClientTokenInput, ip: string | null): Promise<{ token: string; expiresAt: Date; scopes: ApiClientScope[] }> {
    const clientId = input.clientId.trim();
    const attempt = await this.throttle.admit(ThrottleService.clientKeys(clientId, ip));
    const rows: Array<Record<string, unknown> & { previous_valid: boolean }> = await this.dataSource.query(
      `SELECT c.*, (c.previous_secret_hash IS NOT NULL AND c.rotated_at > now() - make_interval(hours => $2)) AS previous_valid FROM api_client c WHERE c.client_id = $1`,
      [clientId, SECRET_GRACE_HOURS],
    );
    const [client] = recordsFromRows(this.dataSource, ApiClient, rows);
    this.dummyHash ??= hashSecret('not the secret of any client');
    let ok = await verifySecret(client?.secretHash ?? (await this.dummyHash), input.clientSecret);
    if (!ok && client && rows[0].previous_valid) ok = await verifySecret(client.previousSecretHash as string, input.clientSecret);
    if (!client || !ok) {
      await this.throttle.recordFailure(attempt);
      throw new AppError('UNAUTHENTICATED', WRONG_CREDENTIALS);
    }
    if (client.revokedAt) {
      await this.throttle.recordFailure(attempt);
      throw new AppError('UNAUTHENTICATED', REVOKED);
    }
    return this.dataSource.transaction(async (m) => {
      await this.throttle.recordSuccess(m, attempt, null);
      await m.query('UPDATE api_client SET last_used_at = now() WHERE id = $1', [client.id]);
      this.touched.set(client.id, Date.now());
      await this.audit.record(m, clientActor(client), { action: 'apiClient.issueToken', entityType: 'ApiClient', entityId: client.id, provinceId: auditProvince(client) });
      const issued = await this.tokens.issueClientToken({ apiClientId: client.id, scopes: client.scopes });
      return { ...issued, scopes: client.scopes };
    });
  }

  /** Whether an Authorization header carries a client token (rather than a user's): which check to run. */
  carriesClientToken(authorization: string | undefined): boolean {
    const match = authorization ? /^Bearer\s+(\S+)$/i.exec(authorization.trim()) : null;
    return Boolean(match && TokenService.isClientToken(match[1]));
  }

  /**
   * The client actor behind a client token: UNAUTHENTICATED for a token that is not valid, expired, or
   * of a client revoked since (checked on every request: one statement, or none while the session
   * cache holds the client). Its scopes are those of the token that the client still has.
   * lastUsedAt is written at most once a minute per client.
   */
  async authenticate(authorization: string): Promise<Actor> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    const claims = match ? await this.tokens.verifyClientToken(match[1]) : null;
    if (!claims) throw new AppError('UNAUTHENTICATED', TOKEN_OVER);
    const key = cacheKey(claims.apiClientId);
    let actor = this.sessions.get(key);
    if (!actor || actor.id !== claims.apiClientId) {
      const touch = Date.now() - (this.touched.get(claims.apiClientId) ?? 0) >= LAST_USED_EVERY_MS;
      const rows = await this.dataSource.query(
        touch
          ? 'UPDATE api_client SET last_used_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING *'
          : 'SELECT * FROM api_client WHERE id = $1 AND revoked_at IS NULL',
        [claims.apiClientId],
      );
      const [client] = recordsFromRows(this.dataSource, ApiClient, touch ? rows[0] : rows);
      if (!client) throw new AppError('UNAUTHENTICATED', TOKEN_OVER);
      if (touch) this.touched.set(client.id, Date.now());
      actor = clientActor(client);
      this.sessions.put(key, actor, new Date(Date.now() + SESSION_CACHE_MS));
    }
    const grant = actor.client as NonNullable<Actor['client']>;
    return { ...actor, client: { ...grant, scopes: grant.scopes.filter((s) => claims.scopes.includes(s)) } };
  }
}

function contactOf(contact: ApiClientContactInput) {
  return {
    contactName: requiredText(contact.name, 'contact.name', { vi: 'Tên người liên hệ', en: 'The contact’s name' }),
    contactEmail: contact.email.trim().toLowerCase(),
    contactPhone: contact.phone?.trim() || null,
  };
}

/** A province's administrator sees the clients that act for their province; a national one, all. */
function visibleTo(actor: Actor, client: ApiClient): boolean {
  const scope = scopeProvince(actor);
  return scope === null || client.provinceIds.includes(scope);
}

/** A province's administrator changes only clients of their province alone; one acting for several provinces is a national administrator's. */
function assertWritable(actor: Actor, client: ApiClient): void {
  if (isNational(actor)) return;
  if (client.provinceIds.some((p) => p !== actor.provinceId)) throw forbidden();
}
