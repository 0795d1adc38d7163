import { isIP } from 'node:net';
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
  /**
   * Whose `X-Forwarded-For` to believe for the client's address (Express `trust proxy`): `false` (no
   * one: the address is the socket's), a number of proxies in front, or their addresses, subnets
   * and the names `loopback`, `linklocal`, `uniquelocal`.
   */
  trustProxy: false | number | string[];
  shutdownGraceMs: number;
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** OSP_TRUST_PROXY, in Express `trust proxy` syntax, refusing `true` (it would believe any client). */
export function trustProxyFrom(raw: string | undefined): false | number | string[] {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value) || false;
  if (value === 'true') {
    throw new Error('OSP_TRUST_PROXY=true would believe any client\'s X-Forwarded-For: name the proxies (addresses, subnets, loopback, linklocal, uniquelocal) or give how many there are');
  }
  const entries = value.split(',').map((e) => e.trim()).filter(Boolean);
  for (const entry of entries) {
    const [address, range, ...rest] = entry.split('/');
    const family = isIP(address);
    const rangeOk = range === undefined || (/^\d+$/.test(range) && Number(range) <= (family === 6 ? 128 : 32)) || (family === 4 && isIP(range) === 4);
    if (!PROXY_NAMES.includes(entry) && (!family || !rangeOk || rest.length)) {
      throw new Error(`OSP_TRUST_PROXY: "${entry}" is not an address, a subnet, ${PROXY_NAMES.join(', ')} or a number of proxies`);
    }
  }
  return entries;
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
    trustProxy: trustProxyFrom(env.OSP_TRUST_PROXY),
  };
}
