import type { Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '../logger';

/**
 * Graceful stop of the HTTP server, without dropped requests. It replaces Apollo's
 * ApolloServerPluginDrainHttpServer, which closes the server and then `socket.end()`s each busy
 * keep-alive connection after its response: that response still says keep-alive, so a client that
 * sends its next request at once has it cut ("other side closed"), and `server.close()` resets a
 * connection accepted a moment earlier that has not sent its request yet.
 *
 * Draining here, once the current turn of the event loop has read what already arrived:
 * - the listening socket closes: new connections are refused;
 * - every response not yet started, and every request that arrives from now on, is served normally
 *   with `Connection: close`: the client learns not to reuse the connection, and Node closes it
 *   right after that response;
 * - idle connections close right away, except one that was accepted or finished a response in the
 *   last `idleLingerMs`: its client may be sending the next request already, so it has that long to
 *   do so (the request is answered, with `Connection: close`) before the connection closes. Closing an
 *   idle keep-alive connection always races a client that picks it at that very instant (as the
 *   keep-alive timeout does); the linger keeps the race away from clients that were just served;
 * - after `deadlineMs`, whatever is still open is destroyed.
 * It resolves when every connection is closed.
 */
export interface DrainOptions {
  /** After this, connections still open (requests still running) are destroyed. */
  deadlineMs: number;
  /** How long a connection used a moment ago may stay open, idle, for its client's next request. */
  idleLingerMs?: number;
  log?: Logger;
}

export interface DrainResult {
  /** Connections destroyed at the deadline, with whatever they were doing. */
  forced: number;
}

interface Connection {
  responses: Set<ServerResponse>;
  /** When the connection was accepted or last finished a response. */
  idleSince: number;
  /** `socket.bytesRead` then: more means a request has started arriving. */
  bytesAtIdle: number;
  timer?: NodeJS.Timeout;
}

export class HttpDrain {
  private readonly connections = new Map<Socket, Connection>();
  private draining = false;
  private lingerMs = 0;
  private result: Promise<DrainResult> | null = null;

  constructor(private readonly server: Server) {
    server.on('connection', (socket: Socket) => {
      const connection: Connection = { responses: new Set(), idleSince: Date.now(), bytesAtIdle: socket.bytesRead };
      this.connections.set(socket, connection);
      socket.once('close', () => {
        clearTimeout(connection.timer);
        this.connections.delete(socket);
      });
    });
    // Before express sees the request, so the header is there whatever answers it.
    server.prependListener('request', (req, res: ServerResponse) => {
      const connection = this.connections.get(req.socket);
      if (this.draining) res.setHeader('connection', 'close');
      if (!connection) return;
      connection.responses.add(res);
      clearTimeout(connection.timer);
      res.once('close', () => {
        connection.responses.delete(res);
        if (connection.responses.size) return;
        connection.idleSince = Date.now();
        connection.bytesAtIdle = req.socket.bytesRead;
        if (this.draining) this.closeWhenIdle(req.socket, connection);
      });
    });
  }

  /** Starts draining (once; later calls return the same promise). */
  drain(options: DrainOptions): Promise<DrainResult> {
    this.result ??= this.run(options);
    return this.result;
  }

  private async run({ deadlineMs, idleLingerMs = 1000, log }: DrainOptions): Promise<DrainResult> {
    // Finish this turn of the event loop first: what has already arrived is read (requests sent before
    // the signal begin, connections waiting in the backlog are accepted), so none is mistaken for idle
    // and none is reset by the listening socket closing.
    await new Promise((resolve) => setImmediate(resolve));
    const closed = new Promise<void>((resolve) => this.server.once('close', () => resolve()));
    // net's close stops listening and leaves the open connections alone; http's would also destroy
    // every idle connection at once, including one whose client is sending a request right now.
    // Listening stops before any response says `Connection: close`, so a client that reconnects after
    // one is refused rather than accepted into a backlog that is then reset.
    NetServer.prototype.close.call(this.server);
    this.draining = true;
    this.lingerMs = idleLingerMs;
    for (const { responses } of this.connections.values()) {
      for (const res of responses) if (!res.headersSent) res.setHeader('connection', 'close');
    }
    const busy = [...this.connections.values()].filter((c) => c.responses.size).length;
    log?.info({ connections: this.connections.size, busy }, 'HTTP server draining');
    for (const [socket, connection] of this.connections) this.closeWhenIdle(socket, connection);

    let deadline: NodeJS.Timeout | undefined;
    const expired = new Promise<false>((resolve) => {
      deadline = setTimeout(() => resolve(false), deadlineMs);
    });
    const drained = await Promise.race([closed.then(() => true), expired]);
    clearTimeout(deadline);
    let forced = 0;
    if (!drained) {
      forced = this.connections.size;
      log?.warn({ connections: forced, deadlineMs }, 'requests still running at the shutdown deadline: connections destroyed');
      this.server.closeAllConnections();
      for (const socket of this.connections.keys()) socket.destroy();
      await closed;
    }
    return { forced };
  }

  /** Closes an idle connection once it has been idle `lingerMs`, unless a request has begun arriving. */
  private closeWhenIdle(socket: Socket, connection: Connection): void {
    clearTimeout(connection.timer);
    if (connection.responses.size || socket.destroyed) return;
    // Bytes read since the last response: a request is on its way in (its 'request' event takes over).
    const arriving = socket.bytesRead > connection.bytesAtIdle;
    const wait = arriving ? 50 : connection.idleSince + this.lingerMs - Date.now();
    if (wait <= 0) {
      socket.destroy();
      return;
    }
    connection.timer = setTimeout(() => this.closeWhenIdle(socket, connection), wait);
    connection.timer.unref();
  }
}

/** Shutdown grace split: the drain gives up early enough to leave time for closing the database. */
export function drainDeadline(graceMs: number): number {
  return Math.max(0, graceMs - Math.min(2000, Math.floor(graceMs / 4)));
}

/** Apollo calls `drainServer` first thing in `apollo.stop()`, while it still executes operations. */
export function drainHttpServerPlugin(server: Server, options: { graceMs: number; log?: Logger }): ApolloServerPlugin {
  const drain = new HttpDrain(server);
  return {
    async serverWillStart() {
      return {
        async drainServer() {
          const { graceMs, log } = options;
          await drain.drain({ deadlineMs: drainDeadline(graceMs), idleLingerMs: Math.min(1000, Math.floor(graceMs / 4)), log });
        },
      };
    },
  };
}
