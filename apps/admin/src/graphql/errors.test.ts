import { describe, expect, it } from '@jest/globals';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import { apiProblem } from './errors';

describe('apiProblem', () => {
  it('reads the code, the message and the field errors (the `input.` prefix dropped)', () => {
    const error = new CombinedGraphQLErrors({
      errors: [
        {
          message: 'Dữ liệu nhập không hợp lệ.',
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [
              { field: 'name', message: 'Quá dài.' },
              { field: 'input.code', message: 'Sai định dạng.' },
              { field: 'name', message: 'Có ký tự không hợp lệ.' },
            ],
          },
        },
      ],
    });
    expect(apiProblem(error)).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Dữ liệu nhập không hợp lệ.',
      fields: { name: 'Quá dài. Có ký tự không hợp lệ.', code: 'Sai định dạng.' },
      retryAfterSeconds: undefined,
    });
  });

  it('reads how long to wait', () => {
    const error = new CombinedGraphQLErrors({ errors: [{ message: 'Chậm lại.', extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 90 } }] });
    expect(apiProblem(error)).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 90 });
  });

  it('tells a network failure and an HTTP 401 apart', () => {
    expect(apiProblem(new TypeError('Failed to fetch'))?.code).toBe('NETWORK');
    const response = { status: 401, headers: new Headers() } as unknown as Response;
    expect(apiProblem(new ServerError('Unauthorized', { response, bodyText: '' }))?.code).toBe('UNAUTHENTICATED');
    expect(apiProblem(null)).toBeNull();
  });
});
