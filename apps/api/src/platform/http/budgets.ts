import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { AppError } from '../errors';
import type { Logger } from '../logger';

/**
 * Hourly budgets of portals' clients (issue 12): requests per hour and query cost points per hour, the
 * ApiClient's `requestsPerHour` and `costPerHour`. Windows are clock hours (UTC; Vietnam has no
 * half-hour offset, so they are Vietnam's hours too): a budget resets at the next full hour.
 *
 * Counters live in Redis when REDIS_URL is set (every instance shares them), else in PostgreSQL
 * (`rate_limit_counter`, one atomic upsert per charge; it runs on the embedded database's single
 * connection too). A charge that would pass the limit is refused and not counted.
 *
 * Every charge also counts the client's day (Vietnam date) in `api_client_usage`: requests admitted,
 * cost points spent, refusals (HTTP 429), for ApiClient.usage. With PostgreSQL counters the usage is
 * written by the same statement.
 */

export type BudgetResource = 'requests' | 'cost';

export interface BudgetState {
  resource: BudgetResource;
  limit: number;
  used: number;
  remaining: number;
  /** Unix seconds when the window ends and the budget is whole again. */
  reset: number;
  /** Whether this charge was admitted. */
  admitted: boolean;
}

export const WINDOW_MS = 3600_000;
const VIETNAM_OFFSET_MS = 7 * 3600_000;
/** Counters are kept a little past their window (Redis expiry; PostgreSQL rows are purged after it). */
const KEEP_MS = 10 * 60_000;
/** How often (at most, per instance) expired PostgreSQL counters are deleted. */
const PURGE_EVERY_MS = 10 * 60_000;

/** The Vietnam date (YYYY-MM-DD) of a moment. */
export const vietnamDate = (ms: number) => new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);

interface Take {
  key: string;
  amount: number;
  limit: number;
  expiresAtMs: number;
  clientId: string;
  day: string;
  /** What the day's usage gains when the charge is admitted. */
  requests: number;
  cost: number;
}

interface Counters {
  /** Adds `amount` unless that passes `limit`; answers whether it did and the count after (or as it stands). */
  take(t: Take): Promise<{ admitted: boolean; used: number }>;
  close(): Promise<void>;
}

/** `used` before and after, and the usage of the day, in one statement. */
const PG_TAKE = `
WITH taken AS (
  INSERT INTO rate_limit_counter AS c (key, used, expires_at)
  SELECT $1, $2, to_timestamp($4::double precision / 1000) WHERE $2::bigint <= $3::bigint
  ON CONFLICT (key) DO UPDATE SET used = c.used + excluded.used WHERE c.used + excluded.used <= $3::bigint
  RETURNING used
), counted AS (
  INSERT INTO api_client_usage AS u (api_client_id, day, requests, cost_points, refused)
  SELECT $5, $6::date, CASE WHEN a.ok THEN $7::int ELSE 0 END, CASE WHEN a.ok THEN $8::bigint ELSE 0 END, CASE WHEN a.ok THEN 0 ELSE 1 END
  FROM (SELECT EXISTS (SELECT 1 FROM taken) AS ok) a
  ON CONFLICT (api_client_id, day) DO UPDATE SET
    requests = u.requests + excluded.requests, cost_points = u.cost_points + excluded.cost_points, refused = u.refused + excluded.refused
)
SELECT (SELECT used FROM taken)::text AS taken, (SELECT used FROM rate_limit_counter WHERE key = $1)::text AS before`;

const PG_USAGE = `
INSERT INTO api_client_usage AS u (api_client_id, day, requests, cost_points, refused) VALUES ($1, $2::date, $3, $4, $5)
ON CONFLICT (api_client_id, day) DO UPDATE SET
  requests = u.requests + excluded.requests, cost_points = u.cost_points + excluded.cost_points, refused = u.refused + excluded.refused`;

class PostgresCounters implements Counters {
  private lastPurge = 0;
  constructor(
    private readonly dataSource: DataSource,
    private readonly log: Logger,
  ) {}

  async take(t: Take) {
    const [row] = await this.dataSource.query(PG_TAKE, [t.key, t.amount, t.limit, t.expiresAtMs, t.clientId, t.day, t.requests, t.cost]);
    this.purgeNow();
    if (row.taken !== null) return { admitted: true, used: Number(row.taken) };
    return { admitted: false, used: Number(row.before ?? 0) };
  }

  /** Expired windows, deleted at most every ten minutes, after the charge (never in its way). */
  private purgeNow() {
    const now = Date.now();
    if (now - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = now;
    this.dataSource.query('DELETE FROM rate_limit_counter WHERE expires_at < now()').catch((error: unknown) => this.log.warn({ err: error }, 'purging expired rate-limit counters failed'));
  }

  async close() {}
}

/** Adds ARGV[1] to KEYS[1] unless that passes ARGV[2]; the key expires at ARGV[3] (ms). Returns {admitted, used}. */
const REDIS_TAKE = `
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
local amount = tonumber(ARGV[1])
if used + amount > tonumber(ARGV[2]) then return {0, used} end
used = redis.call('INCRBY', KEYS[1], amount)
redis.call('PEXPIREAT', KEYS[1], ARGV[3])
return {1, used}`;

class RedisCounters implements Counters {
  constructor(
    private readonly redis: Redis,
    private readonly dataSource: DataSource,
  ) {}

  async take(t: Take) {
    const [admitted, used] = (await this.redis.eval(REDIS_TAKE, 1, `osp:ratelimit:${t.key}`, t.amount, t.limit, t.expiresAtMs)) as [number, number];
    const ok = admitted === 1;
    await this.dataSource.query(PG_USAGE, [t.clientId, t.day, ok ? t.requests : 0, ok ? t.cost : 0, ok ? 0 : 1]);
    return { admitted: ok, used: Number(used) };
  }

  async close() {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** What a client may spend per hour (from its ApiClient, carried by its actor). */
export interface ClientBudget {
  clientId: string;
  requestsPerHour: number;
  costPerHour: number;
}

export class ClientBudgets {
  /** The clock (ms): tests move it to cross an hour. */
  now: () => number = Date.now;

  private constructor(private readonly counters: Counters) {}

  static async create(dataSource: DataSource, log: Logger, redisUrl: string | null): Promise<ClientBudgets> {
    if (!redisUrl) return new ClientBudgets(new PostgresCounters(dataSource, log));
    const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true });
    redis.on('error', (error) => log.warn({ err: error }, 'Redis (rate-limit counters) error'));
    await redis.connect();
    return new ClientBudgets(new RedisCounters(redis, dataSource));
  }

  get store(): 'redis' | 'postgres' {
    return this.counters instanceof RedisCounters ? 'redis' : 'postgres';
  }

  /** Charges one request (`requests`) or an operation's cost points (`cost`) to the client's current hour. */
  async charge(budget: ClientBudget, resource: BudgetResource, amount: number): Promise<BudgetState> {
    const now = this.now();
    const windowStart = Math.floor(now / WINDOW_MS) * WINDOW_MS;
    const limit = resource === 'requests' ? budget.requestsPerHour : budget.costPerHour;
    const { admitted, used } = await this.counters.take({
      key: `${budget.clientId}:${resource}:${windowStart}`,
      amount,
      limit,
      expiresAtMs: windowStart + WINDOW_MS + KEEP_MS,
      clientId: budget.clientId,
      day: vietnamDate(now),
      requests: resource === 'requests' ? 1 : 0,
      cost: resource === 'cost' ? amount : 0,
    });
    return { resource, limit, used, remaining: Math.max(0, limit - used), reset: (windowStart + WINDOW_MS) / 1000, admitted };
  }

  /** Seconds until a refused budget is whole again (at least 1). */
  retryAfter(state: BudgetState): number {
    return Math.max(1, Math.ceil(state.reset - this.now() / 1000));
  }

  close(): Promise<void> {
    return this.counters.close();
  }
}

/** GitHub-style headers: `x-ratelimit-*` for the request budget, `x-ratelimit-cost-*` for the cost budget. */
export function budgetHeaders(state: BudgetState): Record<string, string> {
  const prefix = state.resource === 'requests' ? 'x-ratelimit' : 'x-ratelimit-cost';
  return {
    [`${prefix}-limit`]: String(state.limit),
    [`${prefix}-remaining`]: String(state.remaining),
    [`${prefix}-used`]: String(state.used),
    [`${prefix}-reset`]: String(state.reset),
  };
}

/** TOO_MANY_REQUESTS (HTTP 429, `retry-after`): the client's budget of the hour is spent. */
export function budgetExhausted(state: BudgetState, retryAfterSeconds: number, asked: number): AppError {
  const what =
    state.resource === 'requests'
      ? { vi: `Ứng dụng đã dùng hết ${state.limit} yêu cầu của giờ này.`, en: `The client has used its ${state.limit} requests of this hour.` }
      : {
          vi: `Thao tác có chi phí ${asked} điểm, vượt quá ${state.remaining} điểm còn lại trong giờ này (giới hạn ${state.limit} điểm/giờ).`,
          en: `The operation costs ${asked} points, more than the ${state.remaining} points left this hour (limit ${state.limit} per hour).`,
        };
  return new AppError(
    'TOO_MANY_REQUESTS',
    { vi: `${what.vi} Hãy thử lại sau ${retryAfterSeconds} giây.`, en: `${what.en} Retry in ${retryAfterSeconds} seconds.` },
    [],
    { resource: state.resource, limit: state.limit, used: state.used, resetAt: new Date(state.reset * 1000).toISOString(), retryAfterSeconds },
  ).withHttp(429, { 'retry-after': String(retryAfterSeconds), 'x-ratelimit-resource': state.resource, ...budgetHeaders(state) });
}
