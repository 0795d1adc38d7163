import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in throttling that slows attackers, not users: the username-wide counter needs the time of its
 * last failure (it only resets after a quiet window), and the addresses a user has signed in from are
 * remembered ("known addresses"), which the username-wide slowdown lets through.
 */
export class SignInThrottle1763960000000 implements MigrationInterface {
  name = 'SignInThrottle1763960000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Keys are now "pair:<username>|<address>", "ip:<address>" and "user:<username>"; the old
      -- per-username locks would keep locking the rightful user: start afresh.
      DELETE FROM sign_in_throttle;
      ALTER TABLE sign_in_throttle ADD COLUMN last_failure_at timestamptz;

      -- The addresses (an IPv4 address, or the /64 of an IPv6 one) a user signed in from successfully.
      CREATE TABLE sign_in_known_address (
        user_id uuid NOT NULL REFERENCES app_user (id),
        address text NOT NULL,
        last_success_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, address)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE sign_in_known_address;
      ALTER TABLE sign_in_throttle DROP COLUMN last_failure_at;
      DELETE FROM sign_in_throttle;
    `);
  }
}
