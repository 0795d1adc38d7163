import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import { Injectable } from '../../platform/container';
import { AppError } from '../../platform/errors';

/** Failed sign-ins allowed per window before the key is locked for a window. */
export const LIMITS = { user: 5, ip: 30 } as const;
export const WINDOW_SECONDS = 15 * 60;

/**
 * Sign-in throttling against password guessing, per username and per client address. Counters live
 * in PostgreSQL, so every instance of the API (and the embedded database) shares them.
 */
@Injectable()
export class ThrottleService {
  constructor(private readonly dataSource: DataSource) {}

  static keys(username: string, ip: string | null): { user: string; ip: string | null } {
    return { user: `user:${username.trim().toLowerCase()}`, ip: ip ? `ip:${ip}` : null };
  }

  /** Refuses with TOO_MANY_REQUESTS while any key is locked. */
  async assertNotLocked(keys: { user: string; ip: string | null }): Promise<void> {
    const rows: Array<{ seconds: number }> = await this.dataSource.query(
      `SELECT ceil(extract(epoch FROM max(locked_until) - now()))::int AS seconds
         FROM sign_in_throttle WHERE key = ANY($1::text[]) AND locked_until > now()`,
      [[keys.user, keys.ip].filter(Boolean)],
    );
    const seconds = rows[0]?.seconds;
    if (seconds) {
      const minutes = Math.ceil(seconds / 60);
      throw new AppError(
        'TOO_MANY_REQUESTS',
        { vi: `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`, en: `Too many failed sign-ins. Try again in ${minutes} minutes.` },
        [],
        { retryAfterSeconds: seconds },
      );
    }
  }

  /** Counts a failure against each key (in its own transaction: it must stick although the sign-in fails). */
  async recordFailure(keys: { user: string; ip: string | null }): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await this.bump(m, keys.user, LIMITS.user);
      if (keys.ip) await this.bump(m, keys.ip, LIMITS.ip);
    });
  }

  async recordSuccess(m: EntityManager, keys: { user: string }): Promise<void> {
    await m.query('DELETE FROM sign_in_throttle WHERE key = $1', [keys.user]);
  }

  private async bump(m: EntityManager, key: string, limit: number): Promise<void> {
    await m.query(
      `INSERT INTO sign_in_throttle AS t (key, failures, window_started_at) VALUES ($1, 1, now())
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.window_started_at < now() - make_interval(secs => $3) THEN 1 ELSE t.failures + 1 END,
         window_started_at = CASE WHEN t.window_started_at < now() - make_interval(secs => $3) THEN now() ELSE t.window_started_at END,
         locked_until = CASE
           WHEN t.window_started_at >= now() - make_interval(secs => $3) AND t.failures + 1 >= $2 THEN now() + make_interval(secs => $3)
           ELSE t.locked_until END`,
      [key, limit, WINDOW_SECONDS],
    );
  }
}
