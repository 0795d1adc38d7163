import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { CLIENT_LIMITS, DEFAULT_LIMITS, type QueryLimits } from './graphql/limits';
import { parseNetwork } from './outbound-address';

/** Everything the process reads from its environment, read once at start-up. */
export interface Config {
  port: number;
  /** Where the public reaches the product (OSP_PUBLIC_URL, no trailing slash): printed links start with it. */
  publicUrl: string;
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
  /** `production` turns introspection, GraphiQL and field suggestions off unless set on one by one. */
  profile: 'development' | 'production';
  introspection: boolean;
  graphiql: boolean;
  /** "Did you mean …?" in validation errors. */
  fieldSuggestions: boolean;
  /** What one GraphQL document may ask for (see platform/graphql/limits.ts). */
  limits: QueryLimits;
  /** What one document of a portal's client (a client token) may ask for: stricter (tokens: the parser's, as above). */
  clientLimits: QueryLimits;
  /**
   * Portals' clients may run only the operations of the persisted-operation manifest (on; production
   * refuses off). Off only for tests of the layers beneath (scopes checked in the resolvers).
   */
  clientPersistedOnly: boolean;
  /** The persisted-operation manifest (packages/schema/persisted-operations.json, `npm run persisted`). */
  persistedOperations: string;
  /** Redis for the clients' hourly budgets, shared by every instance; null: the counters are in PostgreSQL. */
  redisUrl: string | null;
  /** Largest request body accepted, in bytes (larger: HTTP 413). */
  maxBodyBytes: number;
  /** Largest answer sent, in bytes (larger: RESPONSE_TOO_LARGE). */
  maxResponseBytes: number;
  /** A request still running after this is answered REQUEST_TIMEOUT and sends no more SQL. */
  requestTimeoutMs: number;
  /** PostgreSQL's `statement_timeout` for every statement of the API (0: none). */
  statementTimeoutMs: number;
  /**
   * Listen for the other instances' notifications (ended sessions) on a dedicated connection. Off: what
   * depends on hearing them is not used (every request checks its session in the database).
   */
  listen: boolean;
  /** Execute operations compiled by graphql-jit (on by default); off: graphql-js's own execution. */
  graphqlJit: boolean;
  /** Webhook deliveries to portals (modules/webhooks). */
  webhooks: WebhookSettings;
}

export interface WebhookSettings {
  /**
   * Run the delivery worker in this process (OSP_WEBHOOK_WORKER; on, except under tests, which drive
   * deliveries themselves). Off: deliveries wait in the outbox for an instance whose worker runs.
   */
  worker: boolean;
  /** How often the worker sweeps the outbox for deliveries that are due, besides the job queue's wake-ups (ms). */
  sweepMs: number;
  /**
   * OSP_WEBHOOK_SECRETS_KEY: 32 bytes in base64 that encrypt the endpoints' signing secrets (AES-256-GCM).
   * Unset: a key generated once and kept in the database (app_meta) is used; set it in production so a
   * copy of the database alone does not reveal the secrets.
   */
  secretsKey: string | null;
  /**
   * OSP_WEBHOOK_ALLOWED_NETWORKS: networks (CIDR, comma-separated) that endpoints may reach although they
   * are private or otherwise refused (platform/outbound-address.ts): a province whose one-stop systems
   * live on a government private network. Empty by default: only the public internet (and loopback
   * outside the production profile).
   */
  allowedNetworks: string[];
}

/** The configuration, registered in the container for the services that depend on it (e.g. the profile). */
export class RuntimeConfig {
  constructor(readonly config: Config) {}
}

function numberFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number of at least ${min}, not "${raw}"`);
  return n;
}

function switchFrom(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'on', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'off', 'no'].includes(raw)) return false;
  throw new Error(`${name} must be on or off (1/0, true/false), not "${env[name]}"`);
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

/** OSP_WEBHOOK_SECRETS_KEY: 32 bytes, base64 (e.g. `openssl rand -base64 32`). */
function secretsKeyFrom(raw: string | undefined): string | null {
  const value = raw?.trim();
  if (!value) return null;
  if (Buffer.from(value, 'base64').length !== 32) throw new Error('OSP_WEBHOOK_SECRETS_KEY must be 32 bytes in base64 (openssl rand -base64 32)');
  return value;
}

/** OSP_WEBHOOK_ALLOWED_NETWORKS: `10.20.0.0/16, fd00:1::/48, 192.168.5.10`. */
export function allowedNetworksFrom(raw: string | undefined): string[] {
  const entries = (raw ?? '').split(',').map((e) => e.trim()).filter(Boolean);
  for (const entry of entries) {
    if (!parseNetwork(entry)) throw new Error(`OSP_WEBHOOK_ALLOWED_NETWORKS: "${entry}" is not a network (address/prefix, e.g. 10.20.0.0/16)`);
  }
  return entries;
}

const repoRoot = resolve(__dirname, '../../../..');

function persistedOnly(env: NodeJS.ProcessEnv, production: boolean): boolean {
  const on = switchFrom(env, 'OSP_CLIENT_PERSISTED_ONLY', true);
  if (!on && production) throw new Error('OSP_CLIENT_PERSISTED_ONLY=off is for tests only: the production profile keeps portals to the persisted operations');
  return on;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  const seed = env.OSP_SEED ?? (databaseUrl ? 'none' : 'demo');
  if (seed !== 'demo' && seed !== 'none') throw new Error(`OSP_SEED must be "demo" or "none", not "${seed}"`);
  const profile = env.OSP_PROFILE ?? 'development';
  if (profile !== 'development' && profile !== 'production') throw new Error(`OSP_PROFILE must be "development" or "production", not "${profile}"`);
  const production = profile === 'production';
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const publicUrl = (env.OSP_PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+(\/\S*)?$/.test(publicUrl)) throw new Error(`OSP_PUBLIC_URL must be an http(s) address, not "${env.OSP_PUBLIC_URL}"`);
  return {
    port,
    publicUrl,
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
    profile,
    introspection: switchFrom(env, 'OSP_INTROSPECTION', !production),
    graphiql: switchFrom(env, 'OSP_GRAPHIQL', !production),
    fieldSuggestions: switchFrom(env, 'OSP_FIELD_SUGGESTIONS', !production),
    limits: {
      maxDepth: numberFrom(env, 'OSP_MAX_DEPTH', DEFAULT_LIMITS.maxDepth, 1),
      maxAliases: numberFrom(env, 'OSP_MAX_ALIASES', DEFAULT_LIMITS.maxAliases),
      maxDirectives: numberFrom(env, 'OSP_MAX_DIRECTIVES', DEFAULT_LIMITS.maxDirectives),
      maxTokens: numberFrom(env, 'OSP_MAX_TOKENS', DEFAULT_LIMITS.maxTokens, 100),
      maxCost: numberFrom(env, 'OSP_MAX_COST', DEFAULT_LIMITS.maxCost, 1),
    },
    clientLimits: {
      maxDepth: numberFrom(env, 'OSP_CLIENT_MAX_DEPTH', CLIENT_LIMITS.maxDepth, 1),
      maxAliases: numberFrom(env, 'OSP_CLIENT_MAX_ALIASES', CLIENT_LIMITS.maxAliases),
      maxDirectives: numberFrom(env, 'OSP_CLIENT_MAX_DIRECTIVES', CLIENT_LIMITS.maxDirectives),
      maxTokens: numberFrom(env, 'OSP_MAX_TOKENS', DEFAULT_LIMITS.maxTokens, 100),
      maxCost: numberFrom(env, 'OSP_CLIENT_MAX_COST', CLIENT_LIMITS.maxCost, 1),
    },
    clientPersistedOnly: persistedOnly(env, production),
    persistedOperations: resolve(env.OSP_PERSISTED_OPERATIONS ?? resolve(repoRoot, 'packages/schema/persisted-operations.json')),
    redisUrl: env.REDIS_URL?.trim() || null,
    maxBodyBytes: numberFrom(env, 'OSP_MAX_BODY_BYTES', 256 * 1024, 1024),
    maxResponseBytes: numberFrom(env, 'OSP_MAX_RESPONSE_BYTES', 8 * 1024 * 1024, 1024),
    requestTimeoutMs: numberFrom(env, 'OSP_REQUEST_TIMEOUT_MS', 15_000, 1),
    statementTimeoutMs: numberFrom(env, 'OSP_STATEMENT_TIMEOUT_MS', 10_000),
    listen: switchFrom(env, 'OSP_LISTEN', true),
    graphqlJit: switchFrom(env, 'OSP_GRAPHQL_JIT', true),
    webhooks: {
      worker: switchFrom(env, 'OSP_WEBHOOK_WORKER', env.NODE_ENV !== 'test'),
      sweepMs: numberFrom(env, 'OSP_WEBHOOK_SWEEP_MS', 30_000, 100),
      secretsKey: secretsKeyFrom(env.OSP_WEBHOOK_SECRETS_KEY),
      allowedNetworks: allowedNetworksFrom(env.OSP_WEBHOOK_ALLOWED_NETWORKS),
    },
  };
}
