import type { EntityManager } from 'typeorm';
import { Injectable } from '../../platform/container';
import { Notifications } from '../../platform/database/notifications';
import type { Actor } from '../../platform/graphql/context';

/** How long a checked session is believed without asking the database again. */
export const SESSION_CACHE_MS = 60_000;
const MAX_ENTRIES = 20_000;
const CHANNEL = 'osp_sessions_ended';

interface Entry {
  actor: Actor;
  /** When the entry stops being believed: the check's time + SESSION_CACHE_MS, or the session's end if sooner. */
  until: number;
}

/**
 * The session check of every signed-in request, held in memory so that a request costs no statement
 * for it, while keeping what sign-out promises: a session ended is refused at once.
 *
 * - Whatever ends sessions (sign-out, deactivating a user, resetting a password) calls `ended` inside
 *   its transaction: a PostgreSQL notification that every instance hears when the transaction commits
 *   and that drops the entries at once; this instance drops them again after the commit (`evict`).
 * - While the listening connection is down (`Notifications.live` false), nothing is believed: every
 *   request checks its session in the database, as before; when it comes back everything is forgotten.
 * - An entry is believed for at most a minute, and never past the session's own end.
 *
 * Portals' API clients use it too, keyed `client:<ApiClient id>` (api-client.service.ts): revoking or
 * changing a client ends its entry the same way.
 */
@Injectable()
export class SessionCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly notifications: Notifications) {
    notifications.listen(CHANNEL, (payload) => this.drop(payload));
    notifications.onResume(() => this.entries.clear());
  }

  get(sessionId: string): Actor | null {
    if (!this.notifications.live) return null;
    const entry = this.entries.get(sessionId);
    if (!entry) return null;
    if (entry.until <= Date.now()) {
      this.entries.delete(sessionId);
      return null;
    }
    return entry.actor;
  }

  put(sessionId: string, actor: Actor, sessionExpiresAt: Date): void {
    if (!this.notifications.live) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(sessionId, { actor, until: Math.min(Date.now() + SESSION_CACHE_MS, sessionExpiresAt.getTime()) });
  }

  /** Sessions end in this transaction: every instance forgets them once it commits. */
  async ended(m: EntityManager, which: { sessionId: string } | { userId: string }): Promise<void> {
    this.evict(which);
    await this.notifications.notify(m, CHANNEL, 'sessionId' in which ? `s:${which.sessionId}` : `u:${which.userId}`);
  }

  /** Forgets sessions here and now (call it again after the commit: a request in between may have cached one). */
  evict(which: { sessionId: string } | { userId: string }): void {
    this.drop('sessionId' in which ? `s:${which.sessionId}` : `u:${which.userId}`);
  }

  private drop(payload: string): void {
    const id = payload.slice(2);
    if (payload.startsWith('s:')) this.entries.delete(id);
    else if (payload.startsWith('u:')) {
      for (const [sessionId, entry] of this.entries) if (entry.actor.id === id) this.entries.delete(sessionId);
    }
  }
}
