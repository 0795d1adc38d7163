import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { REFRESH_KEY, SESSION_KEY, SessionStore, type SignedInPayload } from './session';

const user = { id: 'u1', username: 'admin', displayName: 'Quản trị hệ thống', roles: ['SYSTEM_ADMIN' as const], scope: null };
const NOW = Date.parse('2026-11-21T08:00:00Z');
const inMinutes = (m: number) => new Date(NOW + m * 60_000).toISOString();
const payload = (n: number, minutes = 15): SignedInPayload => ({ token: `access-${n}`, expiresAt: inMinutes(minutes), refreshToken: `refresh-${n}`, user });
const rejection = new Error('UNAUTHENTICATED');
const isRejection = (e: unknown) => e === rejection;

describe('session store', () => {
  let now = NOW;
  const store = () => new SessionStore({ session: window.sessionStorage, local: window.localStorage }, () => now);

  beforeEach(() => {
    now = NOW;
    jest.useFakeTimers({ now: NOW });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('keeps the access token in sessionStorage and the refresh token in localStorage', () => {
    const s = store();
    s.signedIn(payload(1));
    expect(s.accessToken()).toBe('access-1');
    expect(window.localStorage.getItem(REFRESH_KEY)).toBe('refresh-1');
    expect(JSON.parse(window.sessionStorage.getItem(SESSION_KEY)!)).toMatchObject({ token: 'access-1', user: { username: 'admin' } });
    expect(s.getState()).toEqual({ status: 'signedIn', user, reason: null });
  });

  it('a reload of the tab restores the stored token without asking the API', () => {
    store().signedIn(payload(1));
    const refresher = jest.fn<(t: string) => Promise<SignedInPayload>>();
    const reloaded = store();
    reloaded.start(refresher, isRejection);
    expect(reloaded.getState().status).toBe('signedIn');
    expect(reloaded.accessToken()).toBe('access-1');
    expect(refresher).not.toHaveBeenCalled();
  });

  it('a new tab (no stored token) exchanges the refresh token', async () => {
    window.localStorage.setItem(REFRESH_KEY, 'refresh-0');
    const refresher = jest.fn((_t: string) => Promise.resolve(payload(1)));
    const s = store();
    s.start(refresher, isRejection);
    expect(s.getState().status).toBe('restoring');
    await jest.runAllTicks();
    await Promise.resolve();
    await Promise.resolve();
    expect(refresher).toHaveBeenCalledWith('refresh-0');
    expect(s.getState().status).toBe('signedIn');
    expect(window.localStorage.getItem(REFRESH_KEY)).toBe('refresh-1');
  });

  it('refreshes a minute before the token expires', async () => {
    const refresher = jest.fn((_t: string) => Promise.resolve(payload(2, 30)));
    const s = store();
    s.start(refresher, isRejection);
    s.signedIn(payload(1, 15));
    jest.advanceTimersByTime(13 * 60_000);
    expect(refresher).not.toHaveBeenCalled();
    now += 14 * 60_000;
    jest.advanceTimersByTime(60_000);
    await Promise.resolve();
    await Promise.resolve();
    expect(refresher).toHaveBeenCalledWith('refresh-1');
    expect(s.accessToken()).toBe('access-2');
  });

  it('signs out when the API refuses the refresh token', async () => {
    const s = store();
    s.start(() => Promise.reject(rejection), isRejection);
    s.signedIn(payload(1));
    await expect(s.refresh()).resolves.toBe(false);
    expect(s.getState()).toEqual({ status: 'signedOut', user: null, reason: 'expired' });
    expect(window.localStorage.getItem(REFRESH_KEY)).toBeNull();
    expect(window.sessionStorage.getItem(SESSION_KEY)).toBeNull();
  });

  it('keeps the session through a network error', async () => {
    const s = store();
    s.start(() => Promise.reject(new Error('offline')), isRejection);
    s.signedIn(payload(1));
    await expect(s.refresh()).resolves.toBe(false);
    expect(s.getState().status).toBe('signedIn');
    expect(window.localStorage.getItem(REFRESH_KEY)).toBe('refresh-1');
  });

  it('requests refused together share one refresh', async () => {
    let resolve!: (p: SignedInPayload) => void;
    const refresher = jest.fn((_t: string) => new Promise<SignedInPayload>((r) => (resolve = r)));
    const s = store();
    s.start(refresher, isRejection);
    s.signedIn(payload(1));
    const a = s.recover('access-1');
    const b = s.recover('access-1');
    resolve(payload(2));
    await expect(Promise.all([a, b])).resolves.toEqual([true, true]);
    expect(refresher).toHaveBeenCalledTimes(1);
    // A request that was refused with the old token, after the refresh: just retry.
    await expect(s.recover('access-1')).resolves.toBe(true);
    expect(refresher).toHaveBeenCalledTimes(1);
  });

  it('a sign-out in another tab signs this one out', () => {
    const s = store();
    const listeners: Record<string, (e: StorageEvent) => void> = {};
    s.listenToOtherTabs({ addEventListener: ((type: string, fn: (e: StorageEvent) => void) => (listeners[type] = fn)) as Window['addEventListener'] });
    s.signedIn(payload(1));
    listeners.storage!({ key: REFRESH_KEY, newValue: null } as StorageEvent);
    expect(s.getState()).toMatchObject({ status: 'signedOut', reason: 'signedOut' });
  });
});
