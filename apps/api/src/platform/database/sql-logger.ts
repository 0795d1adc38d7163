import type { Logger as TypeOrmLogger } from 'typeorm';
import type { Logger } from '../logger';
import { requestTimedOut } from '../errors';
import { currentRequest } from '../request-context';



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
