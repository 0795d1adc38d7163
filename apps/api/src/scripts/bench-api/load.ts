/**
 * A small closed-loop HTTP/1.1 load generator for `npm run bench:api`: N keep-alive connections to
 * 127.0.0.1, each sending its next request as soon as the previous answer is complete. Requests are
 * pre-serialised; answers are checked (status 200, the expected body prefix and length) with as
 * little client CPU as possible, so that the client weighs the same on both servers.
 */
import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface PreparedRequest {
  bytes: Buffer;
  /** The exact body length of a correct answer (the reference answer's). */
  expectedLength: number;
  /** The first bytes of a correct answer. */
  expectedPrefix: Buffer;
}

export interface Answer {
  status: number;
  sqlStatements: number;
  body: Buffer;
}

export function prepareRequest(port: number, authorization: string, payload: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(payload), 'utf8');
  const head =
    `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nAccept: application/json\r\n` +
    `Authorization: ${authorization}\r\nContent-Length: ${body.length}\r\nConnection: keep-alive\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}

const HEADER_END = Buffer.from('\r\n\r\n');

/** One keep-alive connection; one request at a time. */
export class Connection {
  private buffer: Buffer | null = null;
  private headerLength = -1;
  private contentLength = -1;
  private status = 0;
  private sql = 0;
  private waiting: { resolve: (a: Answer) => void; reject: (e: Error) => void } | null = null;
  private closed: Error | null = null;

  private constructor(private readonly socket: Socket) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new Error('connection closed by the server')));
  }

  static open(port: number): Promise<Connection> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port }, () => {
        socket.off('error', reject);
        resolve(new Connection(socket));
      });
      socket.once('error', reject);
    });
  }

  request(bytes: Buffer): Promise<Answer> {
    if (this.closed) return Promise.reject(this.closed);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(bytes);
    });
  }

  close(): void {
    this.closed ??= new Error('closed');
    this.socket.destroy();
  }

  private fail(error: Error): void {
    this.closed ??= error;
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.reject(error);
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer ? Buffer.concat([this.buffer, chunk]) : chunk;
    if (this.headerLength < 0) {
      const end = this.buffer.indexOf(HEADER_END);
      if (end < 0) return;
      const head = this.buffer.toString('latin1', 0, end);
      this.status = Number(head.slice(9, 12));
      const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
      if (!length) return this.fail(new Error(`an answer without content-length: ${head}`));
      this.contentLength = Number(length[1]);
      const sql = /\r\nx-sql-statements:\s*(\d+)/i.exec(head);
      this.sql = sql ? Number(sql[1]) : 0;
      this.headerLength = end + 4;
    }
    if (this.buffer.length < this.headerLength + this.contentLength) return;
    const body = this.buffer.subarray(this.headerLength, this.headerLength + this.contentLength);
    const extra = this.buffer.length - this.headerLength - this.contentLength;
    this.buffer = null;
    this.headerLength = -1;
    const waiting = this.waiting;
    this.waiting = null;
    if (extra !== 0) return this.fail(new Error(`${extra} unexpected bytes after an answer`));
    waiting?.resolve({ status: this.status, sqlStatements: this.sql, body });
  }
}

/** Sends one request on a fresh connection (set-up and checks, not measurements). */
export async function requestOnce(port: number, bytes: Buffer): Promise<Answer> {
  const connection = await Connection.open(port);
  try {
    return await connection.request(bytes);
  } finally {
    connection.close();
  }
}

export interface Window {
  requests: number;
  errors: number;
  firstError: string | null;
  sqlStatements: number;
  seconds: number;
  latenciesMs: number[];
}

export interface LoadOptions {
  port: number;
  concurrency: number;
  requests: PreparedRequest[];
  warmupMs: number;
  durationMs: number;
  /**
   * The window goes on past `durationMs` (up to 4 times as long) until this many answers are counted
   * (default: one per connection), so that a slow server is not measured on a handful of answers.
   */
  minRequests?: number;
  /** Hard cap on requests counted in the window (a bound, never reached in practice). */
  maxRequests?: number;
  /** Called when the measured window opens and when it closes (e.g. to read CPU counters). */
  onWindowStart?: () => Promise<void>;
  onWindowEnd?: () => Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs a closed loop: warm-up (not counted), then a measured window; returns what was measured. */
export async function runLoad(options: LoadOptions): Promise<Window> {
  const { port, concurrency, requests } = options;
  const maxRequests = options.maxRequests ?? 5_000_000;
  const connections = await Promise.all(Array.from({ length: concurrency }, () => Connection.open(port)));
  // The load goes on while counters are read at both ends of the window, so they see a steady state.
  let phase: 'warmup' | 'window' | 'after' | 'drain' = 'warmup';
  const window: Window = { requests: 0, errors: 0, firstError: null, sqlStatements: 0, seconds: 0, latenciesMs: [] };
  const error = (message: string) => {
    window.errors++;
    window.firstError ??= message;
  };
  const loops = connections.map(async (connection, index) => {
    let next = index * 7919;
    while (phase !== 'drain') {
      const request = requests[next++ % requests.length];
      const started = performance.now();
      let answer: Answer;
      try {
        answer = await connection.request(request.bytes);
      } catch (e) {
        error(String(e));
        return;
      }
      if (phase !== 'window') continue;
      if (window.requests >= maxRequests) continue;
      window.requests++;
      window.latenciesMs.push(performance.now() - started);
      window.sqlStatements += answer.sqlStatements;
      if (answer.status !== 200) error(`status ${answer.status}: ${answer.body.toString('utf8', 0, 300)}`);
      else if (answer.body.length !== request.expectedLength || answer.body.compare(request.expectedPrefix, 0, request.expectedPrefix.length, 0, request.expectedPrefix.length) !== 0) {
        error(`unexpected answer (${answer.body.length} bytes, expected ${request.expectedLength}): ${answer.body.toString('utf8', 0, 300)}`);
      }
    }
  });
  try {
    await sleep(options.warmupMs);
    await options.onWindowStart?.();
    const started = performance.now();
    phase = 'window';
    await sleep(options.durationMs);
    const minRequests = options.minRequests ?? concurrency;
    while (window.requests < minRequests && performance.now() - started < 4 * options.durationMs) await sleep(20);
    phase = 'after';
    window.seconds = (performance.now() - started) / 1000;
    await options.onWindowEnd?.();
    phase = 'drain';
    await Promise.all(loops);
  } finally {
    for (const c of connections) c.close();
  }
  return window;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
