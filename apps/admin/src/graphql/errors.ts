import { CombinedGraphQLErrors, ServerError } from '@apollo/client';

/** The stable codes the API puts in `extensions.code` (see DESIGN.md, GraphQL conventions). */
export type ApiErrorCode =
  'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'ILLEGAL_TRANSITION' | 'TOO_MANY_REQUESTS' | 'INTERNAL_SERVER_ERROR';

/** What went wrong with a request, in the shape the pages show it. */
export interface ApiProblem {
  /** The API's code; `NETWORK` when no GraphQL answer came back at all. */
  code: ApiErrorCode | 'NETWORK' | 'UNKNOWN';
  /** The API's message, already in the language the request asked for. */
  message: string;
  /** `extensions.fields`: input field path → message(s), for the form to show under each field. */
  fields: Record<string, string>;
  /** Seconds to wait, when the API says (TOO_MANY_REQUESTS). */
  retryAfterSeconds?: number;
}

interface FieldProblem {
  field?: unknown;
  message?: unknown;
}

const KNOWN: readonly string[] = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'ILLEGAL_TRANSITION',
  'TOO_MANY_REQUESTS',
  'INTERNAL_SERVER_ERROR',
];

const isKnown = (code: unknown): code is ApiErrorCode => typeof code === 'string' && KNOWN.includes(code);

/** The codes of the GraphQL errors in an Apollo error (empty for network errors). */
export function errorCodes(error: unknown): string[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  return error.errors.map((e) => e.extensions?.code).filter((c): c is string => typeof c === 'string');
}

export function hasErrorCode(error: unknown, code: ApiErrorCode): boolean {
  return errorCodes(error).includes(code);
}

/** `extensions.<key>` of the first GraphQL error that has it (e.g. `unmetReadiness`). */
export function errorExtension<T>(error: unknown, key: string): T | undefined {
  if (!CombinedGraphQLErrors.is(error)) return undefined;
  for (const e of error.errors) {
    const value = e.extensions?.[key];
    if (value !== undefined) return value as T;
  }
  return undefined;
}

/** Reads an Apollo Client error (or anything thrown) into an {@link ApiProblem}; null for no error. */
export function apiProblem(error: unknown): ApiProblem | null {
  if (!error) return null;
  if (CombinedGraphQLErrors.is(error)) {
    const fields: Record<string, string> = {};
    let retryAfterSeconds: number | undefined;
    for (const e of error.errors) {
      const list = e.extensions?.fields;
      if (Array.isArray(list)) {
        for (const item of list as FieldProblem[]) {
          if (typeof item?.field !== 'string' || typeof item.message !== 'string') continue;
          const field = item.field.replace(/^input\./, '');
          fields[field] = fields[field] ? `${fields[field]} ${item.message}` : item.message;
        }
      }
      const retry = e.extensions?.retryAfterSeconds;
      if (typeof retry === 'number' && retry > 0) retryAfterSeconds = retry;
    }
    const first = error.errors.find((e) => isKnown(e.extensions?.code)) ?? error.errors[0];
    const code = first?.extensions?.code;
    return {
      code: isKnown(code) ? code : 'UNKNOWN',
      message: first?.message ?? error.message,
      fields,
      retryAfterSeconds,
    };
  }
  if (ServerError.is(error)) {
    // A GraphQL answer with an HTTP error status that the client could not read as GraphQL.
    if (error.statusCode === 401) return { code: 'UNAUTHENTICATED', message: error.message, fields: {} };
    if (error.statusCode === 403) return { code: 'FORBIDDEN', message: error.message, fields: {} };
    if (error.statusCode === 429) return { code: 'TOO_MANY_REQUESTS', message: error.message, fields: {} };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'NETWORK', message, fields: {} };
}
