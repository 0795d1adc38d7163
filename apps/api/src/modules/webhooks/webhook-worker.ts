import type { BackgroundWorker } from '../../platform/composition';
import type { WebhookSettings } from '../../platform/config';
import type { Logger } from '../../platform/logger';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookQueue } from './webhook-queue';

/**
 * The delivery worker, started with the API server (OSP_WEBHOOK_WORKER) and stopped on shutdown after
 * the last request: pg-boss's jobs (WebhookQueue) wake it as soon as a delivery commits or a retry is
 * due; a sweep every `sweepMs` delivers anything due that no job announced (a job lost, a delivery made
 * where no worker ran). Both go through WebhookDispatcher, so two instances never send one delivery at once.
 * If pg-boss cannot start, the sweep alone delivers (logged).
 */
export class WebhookWorker implements BackgroundWorker {
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<unknown> | null = null;

  constructor(
    private readonly dispatcher: WebhookDispatcher,
    private readonly queue: WebhookQueue,
    private readonly settings: WebhookSettings,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    if (!this.settings.worker) return;
    this.dispatcher.resume();
    try {
      await this.queue.start(this.log, (id) => this.dispatcher.deliverOne(id).catch((error) => this.log.error({ err: error, deliveryId: id }, 'webhook delivery failed')));
    } catch (error) {
      this.log.error({ err: error }, 'webhook job queue (pg-boss) did not start: deliveries run from the sweep alone');
    }
    this.timer = setInterval(() => this.sweep(), this.settings.sweepMs);
    this.timer.unref();
    this.sweep();
  }

  private sweep(): void {
    if (this.sweeping) return;
    this.sweeping = this.dispatcher
      .deliverDue(new Date())
      .catch((error) => this.log.error({ err: error }, 'webhook sweep failed'))
      .finally(() => (this.sweeping = null));
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.dispatcher.stop();
    await this.queue.stop();
    await this.sweeping;
  }
}
