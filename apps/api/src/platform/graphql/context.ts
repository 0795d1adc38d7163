import type { DataSource } from 'typeorm';
import type { Lang } from '../request-context';
import { Loaders } from './loaders';

/** Who is acting. Sign-in (issue 3) replaces the anonymous actor with a user and their scope. */
export interface Actor {
  kind: 'anonymous' | 'user' | 'system';
  id: string | null;
  label: string;
}

export const ANONYMOUS: Actor = { kind: 'anonymous', id: null, label: 'anonymous' };
export const SYSTEM: Actor = { kind: 'system', id: null, label: 'system' };

export interface GraphQLContext {
  requestId: string;
  lang: Lang;
  ip: string | null;
  actor: Actor;
  loaders: Loaders;
}

export function createContext(dataSource: DataSource, request: { requestId: string; lang: Lang; ip: string | null }): GraphQLContext {
  return { ...request, actor: ANONYMOUS, loaders: new Loaders(dataSource) };
}
