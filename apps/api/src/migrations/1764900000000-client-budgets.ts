import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Portals' limits (issue 12): `rate_limit_counter` holds the hourly budgets' counters when there is no
 * Redis (a key per client, budget and clock hour; deleted once expired: platform/http/budgets.ts);
 * `api_client_usage` counts each client's day (Vietnam date): requests admitted, cost points spent,
 * refusals (HTTP 429), read by ApiClient.usage.
 */
export class ClientBudgets1764900000000 implements MigrationInterface {
  name = 'ClientBudgets1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rate_limit_counter (
        key text PRIMARY KEY,
        used bigint NOT NULL,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX rate_limit_counter_expires ON rate_limit_counter (expires_at);
      CREATE TABLE api_client_usage (
        api_client_id uuid NOT NULL REFERENCES api_client (id) ON DELETE CASCADE,
        day date NOT NULL,
        requests integer NOT NULL DEFAULT 0,
        cost_points bigint NOT NULL DEFAULT 0,
        refused integer NOT NULL DEFAULT 0,
        PRIMARY KEY (api_client_id, day)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE api_client_usage; DROP TABLE rate_limit_counter;');
  }
}
