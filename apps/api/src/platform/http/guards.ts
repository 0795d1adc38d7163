import type { NextFunction, Request, Response } from 'express';
import { requestTimedOut, type Bilingual, type ErrorCode } from '../errors';
import { languageFrom, type Lang, type RequestStore } from '../request-context';

/**
 * Guards of the HTTP layer around /graphql: whatever goes wrong before or around GraphQL is answered
 * in the GraphQL JSON error shape (`{"errors":[{"message","extensions":{"code"}}]}`), in the
 * request's language, in every environment, never with a stack trace or a file path.
 */

/** The GraphQL JSON error shape with one error. */
export function errorBody(lang: Lang, code: ErrorCode, message: Bilingual, extra: Record<string, unknown> = {}, data?: null): string {
  return JSON.stringify({ errors: [{ message: message[lang], extensions: { code, ...extra } }], ...(data === null ? { data } : {}) });
}

export function sendError(req: Request, res: Response, status: number, code: ErrorCode, message: Bilingual, extra: Record<string, unknown> = {}): void {
  if (res.headersSent) return;
  const lang = (res.locals.request as RequestStore | undefined)?.lang ?? languageFrom(req.header('accept-language'));
  res.status(status).type('application/json; charset=utf-8');
  res.send(errorBody(lang, code, message, extra));
}

const BODY_ERRORS: Record<string, { status: number; message: Bilingual }> = {
  'entity.parse.failed': { status: 400, message: { vi: 'Nội dung yêu cầu không phải JSON hợp lệ.', en: 'The request body is not valid JSON.' } },
  'entity.too.large': { status: 413, message: { vi: 'Nội dung yêu cầu quá lớn.', en: 'The request body is too large.' } },
  'charset.unsupported': { status: 415, message: { vi: 'Bảng mã của yêu cầu không được hỗ trợ (chỉ UTF-8).', en: 'The request charset is not supported (UTF-8 only).' } },
  'encoding.unsupported': { status: 415, message: { vi: 'Kiểu nén của yêu cầu không được hỗ trợ.', en: 'The request content encoding is not supported.' } },
  'request.aborted': { status: 400, message: { vi: 'Yêu cầu bị ngắt giữa chừng.', en: 'The request was aborted.' } },
  'request.size.invalid': { status: 400, message: { vi: 'Độ dài nội dung không khớp.', en: 'The request body does not match its length.' } },
  'stream.encoding.set': { status: 500, message: { vi: 'Đã có lỗi hệ thống.', en: 'Something went wrong on our side.' } },
};

/** Express's last error handler: body-parser failures as typed JSON errors; anything else as a bare 500. */
export function errorHandler(report: (error: unknown, requestId: string | undefined) => void) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const type = (error as { type?: string })?.type;
    const known = type ? BODY_ERRORS[type] : undefined;
    if (known && known.status < 500) {
      sendError(req, res, known.status, 'BAD_REQUEST', known.message, known.status === 413 ? { maxBytes: (error as { limit?: number }).limit } : {});
      return;
    }
    // Other client errors of the body reader (a gzip body that is not gzip, …) carry their status.
    const status = (error as { status?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      sendError(req, res, status, 'BAD_REQUEST', { vi: 'Không đọc được nội dung yêu cầu.', en: 'The request body cannot be read.' });
      return;
    }
    const requestId = (res.locals.request as RequestStore | undefined)?.requestId;
    report(error, requestId);
    sendError(req, res, 500, 'INTERNAL_SERVER_ERROR', { vi: 'Đã có lỗi hệ thống. Vui lòng thử lại sau.', en: 'Something went wrong on our side. Please try again later.' }, { requestId });
  };
}

/** A JSON array body is a batch of operations: refused, one operation per request. */
export function refuseBatches(req: Request, res: Response, next: NextFunction): void {
  if (Array.isArray(req.body)) {
    sendError(req, res, 400, 'BAD_REQUEST', {
      vi: 'Không hỗ trợ gửi nhiều thao tác trong một yêu cầu. Hãy gửi từng thao tác một.',
      en: 'Batched operations are not supported: send one operation per request.',
    });
    return;
  }
  next();
}

const JSON_UTF8 = /^application\/(graphql-response\+)?json; charset=utf-8$/i;

/**
 * Response ceiling and time budget for one /graphql request.
 * - An answer larger than `maxResponseBytes` is replaced by RESPONSE_TOO_LARGE (HTTP 413 would speak of the
 *   request; the answer is 200 with the error, as for any execution error, and no data).
 * - A request still running after `timeoutMs` is answered REQUEST_TIMEOUT (HTTP 503) at once; its
 *   request store is marked so that it sends no more SQL (platform/database/sql-logger.ts), which gives
 *   the (single, embedded) connection back; the late answer is dropped.
 */
export function responseGuards(maxResponseBytes: number, timeoutMs: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const store = res.locals.request as RequestStore;
    const send = res.send.bind(res);
    res.send = ((body?: unknown) => {
      if (store.timedOut) return res; // answered already
      if (typeof body === 'string' && body.length > maxResponseBytes / 4 && Buffer.byteLength(body) > maxResponseBytes) {
        res.status(200).type('application/json; charset=utf-8');
        const message: Bilingual = {
          vi: `Kết quả quá lớn (hơn ${maxResponseBytes} byte). Hãy yêu cầu ít hơn: trang nhỏ hơn, ít trường hơn.`,
          en: `The answer is too large (over ${maxResponseBytes} bytes). Ask for less: smaller pages, fewer fields.`,
        };
        return send(errorBody(store.lang, 'RESPONSE_TOO_LARGE', message, { maxBytes: maxResponseBytes }, null));
      }
      if (typeof body === 'string' && req.method !== 'HEAD' && res.statusCode !== 204 && res.statusCode !== 205 && res.statusCode !== 304 && JSON_UTF8.test(String(res.getHeader('content-type') ?? ''))) {
        // Apollo's answer, written as the string it is: Express would first copy a body of 1,000
        // characters or more into a Buffer (and then write headers and body with writev); Node's http
        // writes headers and string in one write. No ETag (server.ts switches them off), no freshness
        // (a GraphQL answer is never 304).
        res.setHeader('content-length', Buffer.byteLength(body, 'utf8'));
        res.end(body, 'utf8');
        return res;
      }
      return send(body as never);
    }) as typeof res.send;
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      store.timedOut = true;
      res.status(503).type('application/json; charset=utf-8');
      send(errorBody(store.lang, 'REQUEST_TIMEOUT', requestTimedOut().bilingual, { timeoutMs }));
    }, timeoutMs);
    timer.unref();
    res.once('finish', () => clearTimeout(timer));
    res.once('close', () => clearTimeout(timer));
    next();
  };
}
