import { types as pgTypes } from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { Logger } from '../logger';
import { SnakeNamingStrategy } from './naming';
import { SqlLogger } from './sql-logger';
import { parseTimestamptz } from './timestamps';

// DATE columns stay 'YYYY-MM-DD' strings: a calendar date has no time zone to shift it.
pgTypes.setTypeParser(pgTypes.builtins.DATE, (value: string) => value);
pgTypes.setTypeParser(pgTypes.builtins.TIMESTAMPTZ, parseTimestamptz);

export interface DatabaseOptions {
  url: string;
  /** The embedded database is one session: one pooled connection. */
  poolSize: number;
  log: Logger;
  entities: DataSourceOptions['entities'];
  migrations?: DataSourceOptions['migrations'];
  /** PostgreSQL's statement_timeout for every statement (0 or absent: none). */
  statementTimeoutMs?: number;
}

export function createDataSource({ url, poolSize, log, entities, migrations = [], statementTimeoutMs = 0 }: DatabaseOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTransactionMode: 'each',
    uuidExtension: 'pgcrypto',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    poolSize,
    logger: new SqlLogger(log),
    maxQueryExecutionTime: 1000,
    applicationName: 'one-stop-post',
    extra: { connectionTimeoutMillis: 5000, idleTimeoutMillis: 30_000, ...(statementTimeoutMs ? { statement_timeout: statementTimeoutMs } : {}) },
  });
}

/**
 * Connects, and keeps the process alive when PostgreSQL drops pooled connections (a restart, a
 * failover): node-postgres emits `error` on the pool and, with no listener, the process would exit.
 */
export async function connect(dataSource: DataSource, log: Logger): Promise<void> {
  await dataSource.initialize();
  const pool = (dataSource.driver as unknown as { master?: { on(event: 'error', fn: (e: Error) => void): void } }).master;
  pool?.on('error', (error) => log.warn({ err: error }, 'database connection lost; the pool will reconnect'));
}

/** True when the database answers a trivial query within the time limit. */
export async function databaseIsUp(dataSource: DataSource, timeoutMs = 2000): Promise<boolean> {
  if (!dataSource.isInitialized) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([dataSource.query('SELECT 1').then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
