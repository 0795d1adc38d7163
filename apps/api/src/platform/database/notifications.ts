import { Client } from 'pg';
import type { EntityManager } from 'typeorm';
import type { Logger } from '../logger';

type Handler = (payload: string) => void;

/**
 * Messages between the instances of the API over PostgreSQL's LISTEN/NOTIFY: a module sends one
 * inside its transaction (`notify`, delivered only when the transaction commits) and every instance,
 * this one included, hears it (`listen`). One dedicated connection listens; while it is down,
 * `live` is false and a module must not rely on having heard everything (it reconnects by itself,
 * and calls the `onResume` hooks: what was missed meanwhile is unknown).
 *
 * The embedded database belongs to one process: there is no other instance to hear from, and `live`
 * is always true; `notify` then calls the handlers of this process once the transaction is over.
 */
export class Notifications {
  private readonly handlers = new Map<string, Handler[]>();
  private readonly resumeHooks: Array<() => void> = [];
  private client: Client | null = null;
  private connected = false;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    /** The shared PostgreSQL; null for the embedded database. */
    private readonly url: string | null,
    private readonly log: Logger,
    /** False: no listening connection is opened, and `live` stays false with a shared database. */
    private readonly enabled = true,
  ) {}

  /** True when every notification sent by any instance reaches this one. */
  get live(): boolean {
    return this.url === null || this.connected;
  }

  listen(channel: string, handler: Handler): void {
    const list = this.handlers.get(channel) ?? [];
    list.push(handler);
    this.handlers.set(channel, list);
    if (this.connected) this.client?.query(`LISTEN "${channel}"`).catch(() => undefined);
  }

  /** Called after the listening connection comes back (or first comes up): forget what may be stale. */
  onResume(hook: () => void): void {
    this.resumeHooks.push(hook);
  }

  /** Sends a notification inside the caller's transaction: the others hear it once it commits. */
  async notify(m: EntityManager, channel: string, payload: string): Promise<void> {
    if (this.url === null) {
      // One process: run the handlers when the transaction is over (now and again after commit is
      // the caller's business: see the identity module's session cache).
      for (const handler of this.handlers.get(channel) ?? []) handler(payload);
      return;
    }
    await m.query('SELECT pg_notify($1, $2)', [channel, payload]);
  }

  async start(): Promise<void> {
    if (this.url === null || this.stopped || !this.enabled) return;
    const client = new Client({ connectionString: this.url, application_name: 'one-stop-post-listen', connectionTimeoutMillis: 5000 });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    client.on('notification', (message) => {
      for (const handler of this.handlers.get(message.channel) ?? []) handler(message.payload ?? '');
    });
    try {
      await client.connect();
      for (const channel of this.handlers.keys()) await client.query(`LISTEN "${channel}"`);
      this.client = client;
      this.connected = true;
      for (const hook of this.resumeHooks) hook();
    } catch (error) {
      this.lost(client, error as Error);
    }
  }

  private lost(client: Client, error: Error | null): void {
    if (this.client && this.client !== client) return;
    const wasConnected = this.connected;
    this.connected = false;
    this.client = null;
    client.removeAllListeners('end');
    client.end().catch(() => undefined);
    if (this.stopped) return;
    if (wasConnected) this.log.warn({ err: error }, 'notification listener lost its connection; reconnecting');
    this.retry ??= setTimeout(() => {
      this.retry = null;
      void this.start();
    }, 2000);
    this.retry.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    this.connected = false;
    if (client) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
    }
  }
}
