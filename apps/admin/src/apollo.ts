import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache, ServerError } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { from, mergeMap, throwError } from 'rxjs';
import { GRAPHQL_PATH } from './config';
import { currentLanguage } from './i18n';
import { RefreshSessionDocument } from './graphql/generated';
import { hasErrorCode } from './graphql/errors';
import type { SessionStore } from './features/auth/session';

/**
 * Operations that manage the session themselves: sent without the access token (the API refuses a
 * request whose token has expired before any resolver runs, and these must work then) and never
 * retried after a refresh. SignOut names its session by the refresh token.
 */
const SESSION_OPERATIONS = new Set(['SignIn', 'RefreshSession', 'SignOut']);

/**
 * Anonymous operations of the public pages (Tra cứu hồ sơ): sent without the token even when someone
 * is signed in at this browser (the citizen's view is the same for everyone, and an expired token
 * must not refuse it), and never a reason to refresh or end the session.
 */
export const PUBLIC_OPERATIONS = new Set(['TrackDossier', 'RateDossierService']);

/** Sent without the access token. */
const sentAnonymously = (operationName: string | undefined) => SESSION_OPERATIONS.has(operationName ?? '') || PUBLIC_OPERATIONS.has(operationName ?? '');

/** The API did not accept the request's credentials: a GraphQL UNAUTHENTICATED, or HTTP 401. */
export function isUnauthenticated(error: unknown): boolean {
  return hasErrorCode(error, 'UNAUTHENTICATED') || (ServerError.is(error) && error.statusCode === 401);
}

interface AuthContext {
  /** The token this request was sent with (to tell a stale token from a revoked session). */
  accessToken?: string | null;
  /** Set on the retry after a refresh, so a request is retried once at most. */
  retriedAfterRefresh?: boolean;
}

/** The API answers errors in the language the request asks for, and knows the user by the Bearer token. */
function headersLink(session: SessionStore) {
  return new SetContextLink((prevContext, operation) => {
    const token = sentAnonymously(operation.operationName) ? null : session.accessToken();
    return {
      accessToken: token,
      headers: {
        ...prevContext.headers,
        'Accept-Language': currentLanguage(),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
    };
  });
}

/**
 * UNAUTHENTICATED on a request that carried a token: the token expired or the session ended.
 * Refresh once and retry; if the session is over, the store signs out and the app shows sign-in.
 */
function sessionRecoveryLink(session: SessionStore) {
  return new ErrorLink(({ error, operation, forward }) => {
    if (!isUnauthenticated(error)) return;
    if (sentAnonymously(operation.operationName)) return;
    const context = operation.getContext() as AuthContext;
    if (context.retriedAfterRefresh) {
      session.clear('expired');
      return;
    }
    return from(session.recover(context.accessToken ?? null)).pipe(
      mergeMap((recovered) => {
        if (!recovered) return throwError(() => error);
        operation.setContext({ retriedAfterRefresh: true });
        return forward(operation);
      }),
    );
  });
}

export interface ApolloOptions {
  /** Replaces the HTTP link (tests answer from a fake). */
  terminatingLink?: ApolloLink;
}

export function createApolloClient(session: SessionStore, options: ApolloOptions = {}): ApolloClient {
  return new ApolloClient({
    link: ApolloLink.from([sessionRecoveryLink(session), headersLink(session), options.terminatingLink ?? new HttpLink({ uri: GRAPHQL_PATH })]),
    cache: new InMemoryCache({
      typePolicies: {
        // A report's row is one unit's figures over one period: the same unit id comes back once per
        // period (and as the totals), so rows are never merged by id.
        DossierVolumeRow: { keyFields: false },
        ServiceQualityRow: { keyFields: false },
      },
    }),
  });
}

/** Starts the session: restores it from storage or exchanges the refresh token through `client`. */
export function startSession(session: SessionStore, client: ApolloClient): void {
  session.start(
    async (refreshToken) => {
      const { data } = await client.mutate({ mutation: RefreshSessionDocument, variables: { input: { refreshToken } }, fetchPolicy: 'no-cache' });
      if (!data) throw new Error('refreshSession answered no data');
      return data.refreshSession;
    },
    // The API refused the refresh token (expired, revoked, malformed); anything else is a network error.
    (error) => CombinedGraphQLErrors.is(error) || (ServerError.is(error) && error.statusCode >= 400 && error.statusCode < 500),
  );
}
