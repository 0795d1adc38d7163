import type { SessionUserFragment } from '../../graphql/generated';

/**
 * The signed-in session, outside React so the Apollo links can read it.
 *
 * - The access token lives in memory and in sessionStorage (a reload of the tab keeps it; a new
 *   tab or a closed browser does not).
 * - The refresh token lives in localStorage, so a reload or a new tab within the working day
 *   exchanges it for a new access token (`refreshSession`) instead of asking to sign in again.
 * - The access token is refreshed a minute before it expires, and whenever the API answers
 *   UNAUTHENTICATED to a request that carried it (see apollo.ts).
 */

export type SessionUser = SessionUserFragment;

export interface SignedInPayload {
  token: string;
  expiresAt: string;
  refreshToken: string;
  user: SessionUser;
}

export type SessionStatus = 'restoring' | 'signedIn' | 'signedOut';

/** Why the last session ended: shown on the sign-in page. */
export type SignOutReason = 'signedOut' | 'expired';

export interface SessionState {
  status: SessionStatus;
  user: SessionUser | null;
  reason: SignOutReason | null;
}

/** Exchanges a refresh token for a new session; rejects with the API's error. */
export type Refresher = (refreshToken: string) => Promise<SignedInPayload>;

/** Tells whether a refresh failure means the refresh token is no good (vs. a network hiccup). */
export type IsRejection = (error: unknown) => boolean;

export const SESSION_KEY = 'osp.admin.session';
export const REFRESH_KEY = 'osp.admin.refreshToken';

/** Refresh this long before the access token expires. */
const REFRESH_AHEAD_MS = 60_000;
/** A stored token with less life than this is not worth restoring. */
const MIN_TOKEN_LIFE_MS = 30_000;
/** After a failed refresh that was not a rejection (network), try again this much later. */
const RETRY_MS = 30_000;

interface StoredSession {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

interface Storages {
  session: Storage | null;
  local: Storage | null;
}

function browserStorages(): Storages {
  const get = (name: 'sessionStorage' | 'localStorage') => {
    try {
      return typeof window === 'undefined' ? null : window[name];
    } catch {
      return null; // storage disabled by policy
    }
  };
  return { session: get('sessionStorage'), local: get('localStorage') };
}

function read(storage: Storage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(storage: Storage | null, key: string, value: string | null): void {
  try {
    if (value === null) storage?.removeItem(key);
    else storage?.setItem(key, value);
  } catch {
    // Storage full or unavailable: the session then lasts as long as the page.
  }
}

export class SessionStore {
  private state: SessionState = { status: 'signedOut', user: null, reason: null };
  private token: string | null = null;
  private expiresAt = 0;
  private listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private refreshing: Promise<boolean> | null = null;
  private refresher: Refresher | null = null;
  private isRejection: IsRejection = () => true;

  constructor(
    private readonly storages: Storages = browserStorages(),
    private readonly now: () => number = Date.now,
  ) {}

  // --- React (useSyncExternalStore) ---

  getState = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  // --- the Apollo links ---

  /** The access token to send, if any. */
  accessToken(): string | null {
    return this.token;
  }

  /** The refresh token of this browser (shared by its tabs). */
  refreshToken(): string | null {
    return read(this.storages.local, REFRESH_KEY);
  }

  // --- life cycle ---

  /**
   * On page load: restore the tab's session, or exchange the refresh token for a new one.
   * `refresher` runs `refreshSession`; `isRejection` tells an invalid refresh token from a network error.
   */
  start(refresher: Refresher, isRejection: IsRejection): void {
    this.refresher = refresher;
    this.isRejection = isRejection;
    const stored = this.readStored();
    if (stored && Date.parse(stored.expiresAt) - this.now() > MIN_TOKEN_LIFE_MS && this.refreshToken()) {
      this.apply(stored);
      return;
    }
    write(this.storages.session, SESSION_KEY, null);
    if (this.refreshToken()) {
      this.setState({ status: 'restoring', user: stored?.user ?? null, reason: null });
      void this.refresh();
    } else {
      this.setState({ status: 'signedOut', user: null, reason: null });
    }
  }

  /** After `signIn` (or `refreshSession`) answered. */
  signedIn(payload: SignedInPayload): void {
    write(this.storages.local, REFRESH_KEY, payload.refreshToken);
    const stored: StoredSession = { token: payload.token, expiresAt: payload.expiresAt, user: payload.user };
    write(this.storages.session, SESSION_KEY, JSON.stringify(stored));
    this.apply(stored);
  }

  /** Forgets the session (sign-out, or a session the API no longer accepts). */
  clear(reason: SignOutReason): void {
    this.token = null;
    this.expiresAt = 0;
    this.cancelTimer();
    write(this.storages.session, SESSION_KEY, null);
    write(this.storages.local, REFRESH_KEY, null);
    this.setState({ status: 'signedOut', user: null, reason });
  }

  /**
   * Gets a new access token with the refresh token. Concurrent callers share one request.
   * Resolves true when a fresh token is in place; false when the session is over (it is then cleared).
   */
  refresh(): Promise<boolean> {
    if (!this.refreshing) {
      this.refreshing = this.exclusive(() => this.doRefresh()).finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  /**
   * The API refused `rejectedToken`: refresh unless another request already did, and say whether a
   * retry with the current token is worth it.
   */
  async recover(rejectedToken: string | null): Promise<boolean> {
    if (this.token && this.token !== rejectedToken && this.expiresAt - this.now() > MIN_TOKEN_LIFE_MS) return true;
    if (!this.refreshToken()) {
      if (this.state.status !== 'signedOut') this.clear('expired');
      return false;
    }
    return this.refresh();
  }

  /** Keeps tabs in step: a sign-out in one tab signs the others out. */
  listenToOtherTabs(target: Pick<Window, 'addEventListener'> = window): void {
    target.addEventListener('storage', (event: StorageEvent) => {
      if (event.key === REFRESH_KEY && event.newValue === null && this.state.status !== 'signedOut') this.clear('signedOut');
    });
    target.addEventListener('visibilitychange', () => this.refreshIfDue());
    target.addEventListener('focus', () => this.refreshIfDue());
  }

  /** After a sleep or a hidden tab, timers may not have fired: check the token's age. */
  refreshIfDue(): void {
    if (this.state.status === 'signedIn' && this.expiresAt - this.now() < REFRESH_AHEAD_MS) void this.refresh();
  }

  // --- internals ---

  private async doRefresh(): Promise<boolean> {
    const refreshToken = this.refreshToken();
    if (!refreshToken || !this.refresher) {
      this.clear('expired');
      return false;
    }
    try {
      this.signedIn(await this.refresher(refreshToken));
      return true;
    } catch (error) {
      if (this.isRejection(error)) {
        this.clear('expired');
        return false;
      }
      // Network trouble: keep the session, try again shortly.
      if (this.state.status === 'restoring') {
        // Nothing to show without a token: let the person sign in, keeping the refresh token.
        this.setState({ status: 'signedOut', user: null, reason: null });
      } else {
        this.schedule(RETRY_MS);
      }
      return false;
    }
  }

  /** Runs `task` while holding a cross-tab lock, so two tabs never spend the same refresh token. */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const locks = typeof navigator !== 'undefined' ? (navigator as Navigator & { locks?: LockManager }).locks : undefined;
    return locks ? (locks.request('osp.admin.refresh', task) as Promise<T>) : task();
  }

  private apply(stored: StoredSession): void {
    this.token = stored.token;
    this.expiresAt = Date.parse(stored.expiresAt);
    this.schedule(this.expiresAt - this.now() - REFRESH_AHEAD_MS);
    this.setState({ status: 'signedIn', user: stored.user, reason: null });
  }

  private readStored(): StoredSession | null {
    const raw = read(this.storages.session, SESSION_KEY);
    if (!raw) return null;
    try {
      const value = JSON.parse(raw) as Partial<StoredSession>;
      return typeof value.token === 'string' && typeof value.expiresAt === 'string' && value.user ? (value as StoredSession) : null;
    } catch {
      return null;
    }
  }

  private schedule(delayMs: number): void {
    this.cancelTimer();
    // setTimeout overflows past ~24.8 days; tokens live minutes, but stay safe.
    const delay = Math.min(Math.max(delayMs, 5_000), 2 ** 31 - 1);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private setState(next: SessionState): void {
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
