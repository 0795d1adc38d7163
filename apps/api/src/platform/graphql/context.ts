import type { DataSource } from 'typeorm';
import type { Lang } from '../request-context';
import { Loaders } from './loaders';

/**
 * Who is acting, and within what. `provinceId` is the province every read and write of the actor is
 * confined to; null means national (a national administrator, or the system itself).
 */
export interface Actor {
  kind: 'anonymous' | 'user' | 'system';
  id: string | null;
  label: string;
  roles: readonly string[];
  provinceId: string | null;
  scopeUnitId: string | null;
  postOfficeId: string | null;
  oneStopDeskId: string | null;
  agencyId: string | null;
  sessionId: string | null;
}

const nobody = { id: null, roles: [], provinceId: null, scopeUnitId: null, postOfficeId: null, oneStopDeskId: null, agencyId: null, sessionId: null };
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
