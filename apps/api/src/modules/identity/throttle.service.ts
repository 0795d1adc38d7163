import { isIPv4, isIPv6 } from 'node:net';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import { Injectable } from '../../platform/container';
import { AppError } from '../../platform/errors';

/**
 * Sign-in throttling: slows attackers, never locks the rightful user out. Three counters, in PostgreSQL
 * so that every instance of the API (and the embedded database) shares them:
 *
 * - `pair:<username>|<address>`: 5 failures in 15 minutes lock that username *from that address* for
 *   15 minutes (TOO_MANY_REQUESTS with `retryAfterSeconds`). A success clears it.
 * - `ip:<address>`: 30 failures in 15 minutes, whatever the usernames, lock the address for 15 minutes.
 * - `user:<username>`: failures from every address. Never a lock: once the username has 10 failures,
 *   it takes one attempt at a time, each after a delay that doubles with every further failure
 *   (1, 2, 4 … seconds, at most 60); an attempt inside the delay is TOO_MANY_REQUESTS with
 *   `retryAfterSeconds`, whatever its password. The count starts again after 15 minutes without a
 *   failure. A *known address* of the user (one they signed in from successfully in the last 30 days)
 *   skips this slowdown: the rightful user gets in from their usual address during a distributed
 *   attack, while the attack gets at most one guess per minute. A success does not clear this counter
 *   (the other addresses' failures still count).
 *
 * An address is an IPv4 address or the /64 of an IPv6 one (one subscriber's network: its other
 * addresses cost nothing to an attacker). It is the client's address as Express sees it, so a forged
 * X-Forwarded-For counts only from the proxies named in OSP_TRUST_PROXY.
 *
 * An attempt counts as a failure from the moment it is admitted (before its password is checked) and
 * is taken back if it succeeds: a burst of concurrent requests cannot all pass before the first
 * failure is written.
 */
export const LIMITS = { pair: 5, ip: 30 } as const;
export const WINDOW_SECONDS = 15 * 60;
/** Failures of a username (from all addresses) before its attempts are spaced out. */
export const USER_FREE_FAILURES = 10;
/** Longest delay between two attempts on a username under attack. */
export const USER_MAX_DELAY_SECONDS = 60;
/** How long a successful sign-in keeps an address known for that user. */
export const KNOWN_ADDRESS_DAYS = 30;

/** The delay before the next attempt on a username that has `failures` failures (0: none). */
export function userDelaySeconds(failures: number): number {
  if (failures < USER_FREE_FAILURES) return 0;
  return Math.min(USER_MAX_DELAY_SECONDS, 2 ** (failures - USER_FREE_FAILURES));
}

export interface ThrottleKeys {
  username: string;
  /** The normalised address, or null when the request has none. */
  address: string | null;
  user: string;
  pair: string | null;
  ip: string | null;
}

/** An admitted sign-in attempt: what to take back on success, or to space out on failure. */
export interface Attempt {
  keys: ThrottleKeys;
  known: boolean;
}

interface Row {
  key: string;
  failures: number;
  /** The window started more than WINDOW_SECONDS ago. */
  expired: boolean;
  /** No failure (nor a new start) for WINDOW_SECONDS: the username-wide counter starts again. */
  quiet: boolean;
  /** Whole seconds until `locked_until`; null or ≤ 0 when not locked. */
  wait: number | null;
}

const LOCKED = (minutes: number) => ({
  vi: `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
  en: `Too many failed sign-ins. Try again in ${minutes} minutes.`,
});
const SLOWED = (seconds: number) => ({
  vi: `Tài khoản này có quá nhiều lần đăng nhập sai. Vui lòng thử lại sau ${seconds} giây.`,
  en: `Too many failed sign-ins to this account. Try again in ${seconds} seconds.`,
});

/**
 * The address throttling counts: an IPv4 address as is (also when written IPv4-mapped, `::ffff:a.b.c.d`),
 * the /64 network of an IPv6 address; anything else as given.
 */
export function throttleAddress(ip: string | null): string | null {
  if (!ip) return null;
  const bare = ip.trim().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  if (isIPv4(bare) || !isIPv6(bare)) return bare || null;
  return `${expandIPv6(bare).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, in lower-case hex without leading zeros. */
function expandIPv6(address: string): string[] {
  let text = address.toLowerCase();
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number);
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === null ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.map((g) => parseInt(g, 16).toString(16));
}

@Injectable()
export class ThrottleService {
  constructor(private readonly dataSource: DataSource) {}

  static keys(username: string, ip: string | null): ThrottleKeys {
    const name = username.trim().toLowerCase();
    const address = throttleAddress(ip);
    return { username: name, address, user: `user:${name}`, pair: address ? `pair:${name}|${address}` : null, ip: address ? `ip:${address}` : null };
  }

  /**
   * The counters of a portal's token exchange (issueClientToken): the same pair and address locks as a
   * sign-in (5 wrong secrets for one clientId from one address in 15 minutes lock that pair; 30 from one
   * address lock the address, sign-ins included), but no clientId-wide slowdown: a clientId is no
   * secret, and a client has no "known address" to let the rightful portal through, so a distributed
   * attacker could otherwise hold it off. The account-wide counter is kept per address instead.
   */
  static clientKeys(clientId: string, ip: string | null): ThrottleKeys {
    const address = throttleAddress(ip);
    const id = clientId.trim();
    return { username: `client:${id}`, address, user: `client:${id}|${address ?? '-'}`, pair: address ? `clientpair:${id}|${address}` : null, ip: address ? `ip:${address}` : null };
  }

  /**
   * Lets an attempt through, counting it as a failure until it succeeds, or refuses it with
   * TOO_MANY_REQUESTS: the pair or the address is locked, or the username is being slowed down and
   * this address is not one the user signed in from.
   */
  async admit(keys: ThrottleKeys): Promise<Attempt> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction((m) => this.admitIn(m, keys));
      } catch (error) {
        // Two admissions of the same username and address can deadlock on their counters: try again.
        const code = (error as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (error as { code?: string }).code;
        if (attempt >= 3 || (code !== '40P01' && code !== '40001')) throw error;
      }
    }
  }

  private async admitIn(m: EntityManager, keys: ThrottleKeys): Promise<Attempt> {
    // Rows are created, then locked, in the order of their keys, so that admissions wait for each other.
    const all = [keys.pair, keys.ip, keys.user].filter((k): k is string => k !== null).sort();
    await m.query(`INSERT INTO sign_in_throttle (key, failures, window_started_at) SELECT k, 0, now() FROM unnest($1::text[]) AS k ORDER BY k ON CONFLICT (key) DO NOTHING`, [
      all,
    ]);
    const rows: Array<Row & { known: boolean }> = await m.query(
      `SELECT key, failures,
              window_started_at < now() - make_interval(secs => $2) AS expired,
              greatest(last_failure_at, window_started_at) < now() - make_interval(secs => $2) AS quiet,
              ceil(extract(epoch FROM locked_until - now()))::int AS wait,
              EXISTS (SELECT 1 FROM sign_in_known_address k JOIN app_user u ON u.id = k.user_id
                       WHERE u.username = $3 AND k.address = $4 AND k.last_success_at > now() - make_interval(days => $5)) AS known
         FROM sign_in_throttle WHERE key = ANY($1::text[]) ORDER BY key FOR UPDATE`,
      [all, WINDOW_SECONDS, keys.username, keys.address, KNOWN_ADDRESS_DAYS],
    );
    const row = (key: string | null) => rows.find((r) => r.key === key);
    const pair = row(keys.pair);
    const ip = row(keys.ip);
    const user = row(keys.user) as Row & { known: boolean };
    const known = user.known;

    const lockedFor = Math.max(0, ...[pair, ip].map((r) => r?.wait ?? 0));
    if (lockedFor > 0) {
      throw new AppError('TOO_MANY_REQUESTS', LOCKED(Math.ceil(lockedFor / 60)), [], { retryAfterSeconds: lockedFor });
    }
    const userFailures = user.quiet ? 0 : user.failures;
    if (!known && userFailures >= USER_FREE_FAILURES && (user.wait ?? 0) > 0) {
      throw new AppError('TOO_MANY_REQUESTS', SLOWED(user.wait as number), [], { retryAfterSeconds: user.wait });
    }

    // Admitted: each counter counts the attempt. `lock`: seconds from now, 0 to clear, -1 to keep.
    const updates: Array<{ key: string; failures: number; restart: boolean; lock: number }> = [];
    for (const [r, limit] of [
      [pair, LIMITS.pair],
      [ip, LIMITS.ip],
    ] as const) {
      if (!r) continue;
      const failures = r.expired ? 1 : r.failures + 1;
      updates.push({ key: r.key, failures, restart: r.expired, lock: failures >= limit ? WINDOW_SECONDS : 0 });
    }
    // The username-wide count (its last failure is set by recordFailure, so that successful sign-ins do
    // not keep it from going quiet); an unknown address past the free failures takes the next slot.
    const failures = userFailures + 1;
    const delay = known ? 0 : userDelaySeconds(failures);
    updates.push({ key: user.key, failures, restart: user.quiet, lock: user.quiet ? 0 : delay > 0 ? delay : -1 });
    await m.query(
      `UPDATE sign_in_throttle t SET failures = v.failures,
              window_started_at = CASE WHEN v.restart THEN now() ELSE t.window_started_at END,
              locked_until = CASE WHEN v.lock < 0 THEN t.locked_until WHEN v.lock > 0 THEN now() + make_interval(secs => v.lock) END
         FROM unnest($1::text[], $2::int[], $3::bool[], $4::int[]) AS v (key, failures, restart, lock)
        WHERE t.key = v.key`,
      [updates.map((u) => u.key), updates.map((u) => u.failures), updates.map((u) => u.restart), updates.map((u) => u.lock)],
    );
    return { keys, known };
  }

  /**
   * The attempt failed. It already counts; the username's last failure is now, and when the username
   * is past its free failures the next attempt from an unknown address waits its delay from now. In
   * its own transaction: it must stick although the sign-in fails.
   */
  async recordFailure(attempt: Attempt): Promise<void> {
    await this.dataSource.query(
      `UPDATE sign_in_throttle SET last_failure_at = now(),
              locked_until = CASE WHEN NOT $2 AND failures >= $3::int
                THEN now() + make_interval(secs => least($4::int, 2 ^ least(failures - $3::int, 16))::int)
                ELSE locked_until END
        WHERE key = $1`,
      [attempt.keys.user, attempt.known, USER_FREE_FAILURES, USER_MAX_DELAY_SECONDS],
    );
  }

  /**
   * The attempt succeeded (in the sign-in's transaction): the pair starts afresh, the attempt no longer
   * counts against the address or the username, and the address becomes known for the user (not for
   * an API client: `userId` null).
   */
  async recordSuccess(m: EntityManager, attempt: Attempt, userId: string | null): Promise<void> {
    const { keys } = attempt;
    await m.query(
      `WITH pair AS (DELETE FROM sign_in_throttle WHERE key = $1)
       UPDATE sign_in_throttle SET failures = greatest(failures - 1, 0),
              locked_until = CASE WHEN key LIKE 'ip:%' AND failures - 1 < $3::int THEN NULL ELSE locked_until END
        WHERE key = ANY($2::text[])`,
      [keys.pair, [keys.ip, keys.user].filter(Boolean), LIMITS.ip],
    );
    if (keys.address && userId) {
      await m.query(
        `WITH forgotten AS (
           DELETE FROM sign_in_known_address WHERE user_id = $1 AND address <> $2 AND last_success_at < now() - make_interval(days => $3)
         )
         INSERT INTO sign_in_known_address (user_id, address, last_success_at) VALUES ($1, $2, now())
         ON CONFLICT (user_id, address) DO UPDATE SET last_success_at = now()`,
        [userId, keys.address, KNOWN_ADDRESS_DAYS],
      );
    }
  }
}
