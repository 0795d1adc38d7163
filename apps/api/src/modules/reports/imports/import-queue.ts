import PgBoss from 'pg-boss';
import { DataSource, type EntityManager } from 'typeorm';
import { Injectable } from '../../../platform/container';
import type { Logger } from '../../../platform/logger';
import { through, type Executor } from '../../webhooks/webhook-queue';

export const IMPORT_QUEUE = 'report-import';

/**
 * The import jobs' queue: pg-boss 10 set up as the webhooks' queue is (modules/webhooks/webhook-queue.ts,
 * whose `db` adapter it reuses: the application's own connections, so it runs on PostgreSQL and on the
 * embedded database's single connection alike). A job says "import X is queued" and is sent IN THE
 * TRANSACTION that queues the import, so it is never seen before that commits. A job lost changes
 * nothing: the worker's sweep (ImportWorker) takes up any queued import, and any running one whose
 * lease lapsed (a crash, a restart), from its checkpoint.
 */
@Injectable()
export class ImportQueue {
  private boss: PgBoss | null = null;
  private readonly inFlight = new Set<Promise<unknown>>();
  private closed = false;

  constructor(private readonly dataSource: DataSource) {}

  private readonly ownStatements: Executor = (text, values) => {
    if (this.closed) return Promise.resolve({ rows: [] });
    const run = through(null, this.dataSource)(text, values);
    this.inFlight.add(run);
    return run.finally(() => this.inFlight.delete(run));
  };

  async start(log: Logger, handle: (importJobId: string) => Promise<void>): Promise<void> {
    this.closed = false;
    const boss = new PgBoss({ db: { executeSql: this.ownStatements }, schedule: false, supervise: true, migrate: true });
    boss.on('error', (error) => log.warn({ err: error }, 'import job queue (pg-boss)'));
    await boss.start();
    // An import runs for minutes: the job's expiry is long; a crash is recovered by the sweep, not by pg-boss's retry.
    if (!(await boss.getQueue(IMPORT_QUEUE))) await boss.createQueue(IMPORT_QUEUE, { name: IMPORT_QUEUE, retryLimit: 0, expireInSeconds: 6 * 3600 });
    await boss.work<{ importJobId: string }>(IMPORT_QUEUE, { pollingIntervalSeconds: 1, batchSize: 1 }, async (jobs) => {
      for (const job of jobs) await handle(job.data.importJobId);
    });
    this.boss = boss;
  }

  /** A job for the import, on the transaction's connection: visible once it commits. */
  async enqueue(m: EntityManager, importJobId: string): Promise<void> {
    if (!this.boss) return;
    await this.boss.send(IMPORT_QUEUE, { importJobId }, { db: { executeSql: through(m, this.dataSource) } });
  }

  async stop(): Promise<void> {
    const boss = this.boss;
    this.boss = null;
    await boss?.stop({ graceful: true, wait: true, timeout: 15_000 });
    this.closed = true;
    await Promise.allSettled([...this.inFlight]);
  }
}
