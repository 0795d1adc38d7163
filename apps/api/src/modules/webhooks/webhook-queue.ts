import PgBoss from 'pg-boss';
import { DataSource, type EntityManager } from 'typeorm';
import { Injectable } from '../../platform/container';
import type { Logger } from '../../platform/logger';

export const DELIVERY_QUEUE = 'webhook-delivery';

export type Executor = (text: string, values: unknown[]) => Promise<{ rows: any[] }>;

/** pg-boss's `db` over a TypeORM query runner: the manager's own (inside a transaction) or one of the pool's (the report imports' queue uses it too). */
export const through =
  (manager: EntityManager | null, dataSource: DataSource): Executor =>
  async (text, values) => {
    const runner = manager?.queryRunner ?? dataSource.createQueryRunner();
    try {
      const result = await runner.query(text, values?.length ? values : undefined, true);
      return { rows: result.records ?? [] };
    } finally {
      if (!manager?.queryRunner) await runner.release();
    }
  };

/**
 * The PostgreSQL job queue of webhook deliveries: pg-boss 10 (the last major that runs on Node 20),
 * through its `db` option on the application's own connections, so it works on PostgreSQL and on the
 * embedded PGlite's single connection alike (a wake-up is sent on the transaction's own connection).
 *
 * The outbox table (webhook_delivery) holds what must be delivered, its schedule and its log; a job
 * says "delivery X may be due now" and is sent IN THE TRANSACTION that writes the delivery (or records
 * a failed attempt, with `startAfter` at the next attempt), so no job is visible before that commits.
 * A job lost or refused changes nothing: the worker's sweep (WebhookWorker) delivers whatever is due.
 * Jobs are started only where the worker runs (OSP_WEBHOOK_WORKER); elsewhere `wake` does nothing.
 */
@Injectable()
export class WebhookQueue {
  private boss: PgBoss | null = null;
  /** pg-boss's own statements (outside our transactions) still running: stop() waits for them. */
  private readonly inFlight = new Set<Promise<unknown>>();
  private closed = false;

  constructor(private readonly dataSource: DataSource) {}

  /**
   * pg-boss's statements outside a transaction. Once stopped, they are answered with nothing: pg-boss
   * completes a job without awaiting it, and that statement must not reach a database that is closing.
   */
  private readonly ownStatements: Executor = (text, values) => {
    if (this.closed) return Promise.resolve({ rows: [] });
    const run = through(null, this.dataSource)(text, values);
    this.inFlight.add(run);
    return run.finally(() => this.inFlight.delete(run));
  };

  get running(): boolean {
    return this.boss !== null;
  }

  async start(log: Logger, handle: (deliveryId: string) => Promise<void>): Promise<void> {
    this.closed = false;
    const boss = new PgBoss({ db: { executeSql: this.ownStatements }, schedule: false, supervise: true, migrate: true });
    boss.on('error', (error) => log.warn({ err: error }, 'webhook job queue (pg-boss)'));
    await boss.start();
    if (!(await boss.getQueue(DELIVERY_QUEUE))) await boss.createQueue(DELIVERY_QUEUE, { name: DELIVERY_QUEUE, retryLimit: 0, expireInSeconds: 120 });
    await boss.work<{ deliveryId: string }>(DELIVERY_QUEUE, { pollingIntervalSeconds: 1, batchSize: 10 }, async (jobs) => {
      for (const job of jobs) await handle(job.data.deliveryId);
    });
    this.boss = boss;
  }

  /** Jobs for deliveries, on the transaction's connection: visible once it commits, never before. */
  async wake(m: EntityManager, deliveryIds: readonly string[], startAfter?: Date): Promise<void> {
    if (!this.boss || deliveryIds.length === 0) return;
    const db = { executeSql: through(m, this.dataSource) };
    for (const deliveryId of deliveryIds) await this.boss.send(DELIVERY_QUEUE, { deliveryId }, { db, ...(startAfter ? { startAfter } : {}) });
  }

  async stop(): Promise<void> {
    const boss = this.boss;
    this.boss = null;
    await boss?.stop({ graceful: true, wait: true, timeout: 15_000 });
    this.closed = true;
    await Promise.allSettled([...this.inFlight]);
  }
}
