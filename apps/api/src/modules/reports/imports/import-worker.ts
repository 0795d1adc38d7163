import { DataSource } from 'typeorm';
import type { BackgroundWorker } from '../../../platform/composition';
import { Injectable } from '../../../platform/container';
import type { Logger } from '../../../platform/logger';
import { ImportQueue } from './import-queue';
import { ImportRunner } from './import-runner';

/** How often the worker looks for imports no job announced (queued, or running with a lapsed lease), in ms. */
const sweepMs = () => Number(process.env.OSP_IMPORT_SWEEP_MS ?? 5000);

/**
 * The import worker, started with the API server (OSP_IMPORT_WORKER: on, except under tests) and stopped on shutdown:
 * pg-boss's jobs (ImportQueue) start an import as soon as its upload commits; a sweep every few seconds
 * (and at start) takes up any queued import and any running one whose runner stopped (its lease, renewed
 * with each batch, lapsed: import-runner.ts), which then goes on from its last committed batch. One
 * import at a time per instance (the embedded database has one connection); two instances never run one
 * import at once (the lease).
 */
@Injectable()
export class ImportWorker implements BackgroundWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = true;
  private log: Logger | null = null;
  /** Imports waiting or running here: a sweep does not line one up twice. */
  private readonly pending = new Set<string>();

  constructor(
    private readonly runner: ImportRunner,
    private readonly queue: ImportQueue,
    private readonly dataSource: DataSource,
  ) {}

  withLog(log: Logger): this {
    this.log = log;
    return this;
  }

  /** OSP_IMPORT_WORKER=on|off; by default on, except under tests (as the webhooks' worker), whose import tests switch it on. */
  get enabled(): boolean {
    const flag = process.env.OSP_IMPORT_WORKER?.trim();
    return flag ? flag !== 'off' : process.env.NODE_ENV !== 'test';
  }

  async start(): Promise<void> {
    if (!this.enabled || !this.stopped) return;
    this.stopped = false;
    try {
      await this.queue.start(this.log as Logger, (id) => this.take(id));
    } catch (error) {
      this.log?.error({ err: error }, 'import job queue (pg-boss) did not start: imports run from the sweep alone');
    }
    this.timer = setInterval(() => void this.sweep(), sweepMs());
    this.timer.unref();
    void this.sweep();
  }

  /** Runs one import (queued one after another on this instance). */
  private take(id: string): Promise<void> {
    if (this.pending.has(id)) return Promise.resolve();
    this.pending.add(id);
    const next = this.running.then(async () => {
      try {
        if (!this.stopped) await this.runner.run(id, { stop: () => this.stopped });
      } catch (error) {
        this.log?.error({ err: error, importJobId: id }, 'import failed');
      } finally {
        this.pending.delete(id);
      }
    });
    this.running = next;
    return next;
  }

  /** Imports due that no job announced; uploads abandoned half-way (older than an hour) are dropped. */
  async sweep(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.dataSource.query(`DELETE FROM import_job WHERE status = 'UPLOADING' AND updated_at < now() - interval '1 hour'`);
      const due: Array<{ id: string }> = await this.dataSource.query(
        `SELECT id FROM import_job WHERE status = 'QUEUED' OR (status = 'RUNNING' AND (lease_until IS NULL OR lease_until < now())) ORDER BY created_at LIMIT 5`,
      );
      for (const { id } of due) void this.take(id);
    } catch (error) {
      this.log?.error({ err: error }, 'import sweep failed');
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.queue.stop();
    await this.running;
  }
}
