import type { Logger as TypeOrmLogger } from 'typeorm';
import type { Logger } from '../logger';
import { AppError } from '../errors';
import { currentRequest } from '../request-context';

export const requestTimedOut = () =>
  new AppError('REQUEST_TIMEOUT', {
    vi: 'Yêu cầu chạy quá thời gian cho phép và đã bị dừng. Hãy thu hẹp truy vấn (trang nhỏ hơn, ít trường hơn).',
    en: 'The request ran past its time budget and was stopped. Ask for less (smaller pages, fewer fields).',
  }).withHttp(503);

/**
 * Counts every statement against the request that sent it (the `x-sql-statements` header and the
 * request log line), and sends TypeORM's own messages to the structured log.
 */
export class SqlLogger implements TypeOrmLogger {
  constructor(private readonly out: Logger) {}

  logQuery(): void {
    const request = currentRequest();
    if (!request) return;
    // A request cut off by its time budget gives the connection back instead of sending more SQL.
    if (request.timedOut) throw requestTimedOut();
    request.sqlStatements++;
  }
  logQueryError(error: string | Error, query: string): void {
    const request = currentRequest();
    if (request) request.sqlStatements++;
    this.out.debug({ err: error, query, requestId: request?.requestId }, 'query failed');
  }
  logQuerySlow(time: number, query: string): void {
    this.out.warn({ ms: time, query, requestId: currentRequest()?.requestId }, 'slow query');
  }
  logSchemaBuild(message: string): void {
    this.out.debug(message);
  }
  logMigration(message: string): void {
    this.out.info({ migration: message }, 'migration');
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.out.warn(String(message));
    else this.out.debug(String(message));
  }
}
