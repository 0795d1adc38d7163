import { ApolloLink } from '@apollo/client';
import type { FormattedExecutionResult } from 'graphql';
import { Observable } from 'rxjs';

/** What a fake resolver sees of a request. */
export interface FakeRequest {
  variables: Record<string, unknown>;
  /** The Accept-Language the app sent (the API answers in it). */
  language: string;
  /** The Bearer token the app sent, if any. */
  token: string | null;
}

export type FakeHandler = (request: FakeRequest) => FormattedExecutionResult | Promise<FormattedExecutionResult>;

/**
 * A terminating link that answers by operation name, as the API would, after the app's own links
 * have set the headers. Every request is recorded in `calls`.
 */
export function fakeApi(handlers: Record<string, FakeHandler>) {
  const calls: Array<FakeRequest & { operationName: string }> = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable<FormattedExecutionResult>((observer) => {
        const headers = (operation.getContext().headers ?? {}) as Record<string, string>;
        const auth = headers.Authorization ?? headers.authorization ?? '';
        const request: FakeRequest = {
          variables: operation.variables as Record<string, unknown>,
          language: headers['Accept-Language'] ?? headers['accept-language'] ?? '',
          token: auth.startsWith('Bearer ') ? auth.slice(7) : null,
        };
        const name = operation.operationName ?? '';
        calls.push({ ...request, operationName: name });
        const handler = handlers[name];
        Promise.resolve(handler ? handler(request) : { errors: [{ message: `no fake for ${name}` }] }).then(
          (result) => {
            observer.next(result);
            observer.complete();
          },
          (error: unknown) => observer.error(error),
        );
      }),
  );
  return { link, calls };
}

/** An error answer with the API's extensions. */
export function apiError(code: string, message: string, extensions: Record<string, unknown> = {}): FormattedExecutionResult {
  return { data: null, errors: [{ message, extensions: { code, ...extensions } }] };
}

/** BAD_USER_INPUT with `extensions.fields`, in the request's language, as the API answers. */
export function badInput(language: string, fields: Array<{ field: string; vi: string; en: string }>): FormattedExecutionResult {
  const en = language.startsWith('en');
  return apiError('BAD_USER_INPUT', en ? 'The input is not valid.' : 'Dữ liệu nhập không hợp lệ.', {
    fields: fields.map((f) => ({ field: f.field, message: en ? f.en : f.vi })),
  });
}
