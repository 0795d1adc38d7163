import { describe, expect, it } from '@jest/globals';
import { MeDocument, RefreshSessionDocument, SignInDocument } from './graphql/generated';
import { createApolloClient, startSession } from './apollo';
import { SessionStore } from './features/auth/session';
import i18n from './i18n';
import { apiError, fakeApi } from './test/fakeApi';

const user = { __typename: 'User', id: 'u1', username: 'admin', displayName: 'Quản trị hệ thống', roles: ['SYSTEM_ADMIN' as const], scope: null };
const later = () => new Date(Date.now() + 15 * 60_000).toISOString();
const session = (n: number) => ({ __typename: 'SignInPayload', token: `access-${n}`, expiresAt: later(), refreshToken: `refresh-${n}`, user });

describe('Apollo links', () => {
  it('send the Bearer token and the language with every request', async () => {
    await i18n.changeLanguage('en');
    const api = fakeApi({ Me: () => ({ data: { me: user } }) });
    const store = new SessionStore();
    store.signedIn({ ...session(1), user });
    const client = createApolloClient(store, { terminatingLink: api.link });

    await client.query({ query: MeDocument });

    expect(api.calls[0]).toMatchObject({ operationName: 'Me', token: 'access-1', language: 'en' });
  });

  it('never send the access token with sign-in and refresh (an expired one would fail them)', async () => {
    const api = fakeApi({ SignIn: () => ({ data: { signIn: session(2) } }), RefreshSession: () => ({ data: { refreshSession: session(3) } }) });
    const store = new SessionStore();
    store.signedIn({ ...session(1), user });
    const client = createApolloClient(store, { terminatingLink: api.link });

    await client.mutate({ mutation: SignInDocument, variables: { input: { username: 'admin', password: 'x' } } });
    await client.mutate({ mutation: RefreshSessionDocument, variables: { input: { refreshToken: 'refresh-1' } } });

    expect(api.calls.map((c) => c.token)).toEqual([null, null]);
  });

  it('on UNAUTHENTICATED, refresh the session once and retry the request', async () => {
    const api = fakeApi({
      Me: (request) => (request.token === 'access-2' ? { data: { me: user } } : apiError('UNAUTHENTICATED', 'Phiên làm việc đã hết.')),
      RefreshSession: () => ({ data: { refreshSession: session(2) } }),
    });
    const store = new SessionStore();
    const client = createApolloClient(store, { terminatingLink: api.link });
    startSession(store, client);
    store.signedIn({ ...session(1), user });

    const { data } = await client.query({ query: MeDocument, fetchPolicy: 'network-only' });

    expect(data?.me.username).toBe('admin');
    expect(api.calls.map((c) => `${c.operationName}:${c.token}`)).toEqual(['Me:access-1', 'RefreshSession:null', 'Me:access-2']);
    expect(store.getState().status).toBe('signedIn');
  });

  it('when the session is over, sign out and pass the error on', async () => {
    const api = fakeApi({
      Me: () => apiError('UNAUTHENTICATED', 'Phiên làm việc đã hết.'),
      RefreshSession: () => apiError('UNAUTHENTICATED', 'Phiên làm việc đã kết thúc.'),
    });
    const store = new SessionStore();
    const client = createApolloClient(store, { terminatingLink: api.link });
    startSession(store, client);
    store.signedIn({ ...session(1), user });

    await expect(client.query({ query: MeDocument, fetchPolicy: 'network-only' })).rejects.toThrow('Phiên làm việc đã hết.');
    expect(store.getState()).toMatchObject({ status: 'signedOut', reason: 'expired' });
    expect(api.calls.map((c) => c.operationName)).toEqual(['Me', 'RefreshSession']);
  });
});
