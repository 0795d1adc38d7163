import type { DataSource } from 'typeorm';
import type { Lang } from '../request-context';
import { Loaders } from './loaders';

/**
 * What a third-party portal's client (kind `client`) acts for: the provinces and agencies it was
 * registered for and the scopes its token carries (modules/api-clients).
 */
export interface ClientGrant {
  provinceIds: readonly string[];
  agencyIds: readonly string[];
  scopes: readonly string[];
  /** Its hourly budgets (platform/http/budgets.ts). */
  requestsPerHour: number;
  costPerHour: number;
}

/**
 * Who is acting, and within what. `provinceId` is the province every read and write of the actor is
 * confined to; null means national (a national administrator, or the system itself). A `client` (a
 * portal with a client token) is none of the staff: `id` is its ApiClient, `label` its name, `client`
 * what it acts for, and every staff check refuses it (platform/authz.ts).
 */
export interface Actor {
  kind: 'anonymous' | 'user' | 'system' | 'client';
  id: string | null;
  label: string;
  roles: readonly string[];
  provinceId: string | null;
  scopeUnitId: string | null;
  postOfficeId: string | null;
  oneStopDeskId: string | null;
  agencyId: string | null;
  sessionId: string | null;
  /** Set for a client only. */
  client: ClientGrant | null;
}

const nobody = { id: null, roles: [], provinceId: null, scopeUnitId: null, postOfficeId: null, oneStopDeskId: null, agencyId: null, sessionId: null, client: null };
export const ANONYMOUS: Actor = { kind: 'anonymous', label: 'anonymous', ...nobody };
export const SYSTEM: Actor = { kind: 'system', label: 'system', ...nobody };

export interface RequestInfo {
  requestId: string;
  lang: Lang;
  ip: string | null;
}

export interface GraphQLContext extends RequestInfo {
  actor: Actor;
  loaders: Loaders;
  userAgent: string | null;
}

export function createContext(dataSource: DataSource, request: RequestInfo, actor: Actor, userAgent: string | null = null): GraphQLContext {
  return { ...request, actor, userAgent, loaders: new Loaders(dataSource, actor) };
}
