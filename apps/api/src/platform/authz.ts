import { AppError } from './errors';
import type { Actor, ClientGrant } from './graphql/context';

/**
 * The access rules every service applies, in one place. Services call these; resolvers never decide.
 * Reads and writes are confined to the actor's province in SQL (see `scopeProvince`).
 */
export function unauthenticated(): AppError {
  return new AppError('UNAUTHENTICATED', { vi: 'Bạn cần đăng nhập.', en: 'You need to sign in.' });
}

export function forbidden(): AppError {
  return new AppError('FORBIDDEN', { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' });
}

/**
 * A signed-in member of staff (or the system). Every staff operation starts here (directly, or through
 * `requireRole` and `scopeProvince`), so this is the one place that keeps portals' client tokens out of
 * them: a client is FORBIDDEN, whatever its scopes (the portals' own operations will check the client's
 * scopes instead).
 */
export function requireSignedIn(actor: Actor): void {
  if (actor.kind === 'anonymous') throw unauthenticated();
  if (actor.kind === 'client') throw forbidden();
}

/**
 * A portal's client whose token carries `scope` (the portals' own operations start here, as staff ones
 * start at `requireSignedIn`): the anonymous are UNAUTHENTICATED; staff, and a client whose token lacks
 * the scope, are FORBIDDEN. Answers what the client acts for (its provinces and agencies).
 */
export function requireClientScope(actor: Actor, scope: string): ClientGrant {
  if (actor.kind === 'anonymous') throw unauthenticated();
  if (actor.kind !== 'client' || !actor.client || !actor.client.scopes.includes(scope)) throw forbidden();
  return actor.client;
}

/** The actor must be signed in and hold one of the roles (the system holds them all). */
export function requireRole(actor: Actor, roles: readonly string[]): void {
  requireSignedIn(actor);
  if (actor.kind === 'system') return;
  if (!actor.roles.some((r) => roles.includes(r))) throw forbidden();
}

/** The province a signed-in actor's reads are filtered by; null = national. */
export function scopeProvince(actor: Actor): string | null {
  requireSignedIn(actor);
  return actor.provinceId;
}

/** A record of `provinceId` is within the actor's reach. */
export function assertProvince(actor: Actor, provinceId: string | null): void {
  const scope = scopeProvince(actor);
  if (scope !== null && scope !== provinceId) throw forbidden();
}

export function isNational(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'user' && actor.provinceId === null);
}
