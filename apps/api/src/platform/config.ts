import { resolve } from 'node:path';

/** Everything the process reads from its environment, read once at start-up. */
export interface Config {
  port: number;
  host: string;
  /** A real PostgreSQL (15+). Absent: the embedded PGlite database is started. */
  databaseUrl: string | null;
  /** Pooled connections to PostgreSQL (the embedded database always uses one). */
  poolSize: number;
  /** Where the embedded database keeps its files. */
  dataDir: string;
  /** `demo` seeds the demo data on first start; `none` never seeds. */
  seed: 'demo' | 'none';
  logLevel: string;
  /** The built admin SPA (apps/admin/dist). */
  adminDist: string;
  /** Answer `x-sql-statements` on every response (tests and benchmarks read it). */
  exposeSqlCount: boolean;
  shutdownGraceMs: number;
}

const repoRoot = resolve(__dirname, '../../../..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  const seed = env.OSP_SEED ?? (databaseUrl ? 'none' : 'demo');
  if (seed !== 'demo' && seed !== 'none') throw new Error(`OSP_SEED must be "demo" or "none", not "${seed}"`);
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    poolSize: Number(env.OSP_DB_POOL_SIZE ?? 10),
    dataDir: resolve(env.OSP_DATA_DIR ?? resolve(repoRoot, '.data/pglite')),
    seed,
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    adminDist: resolve(env.OSP_ADMIN_DIST ?? resolve(repoRoot, 'apps/admin/dist')),
    exposeSqlCount: env.OSP_SQL_COUNT_HEADER === '1' || env.NODE_ENV === 'test',
    shutdownGraceMs: Number(env.OSP_SHUTDOWN_GRACE_MS ?? 10_000),
  };
}
