/**
 * Stopping the real entry point (dist/main.js, built before the tests) the way a platform or a
 * developer does: SIGTERM under keep-alive load, Ctrl-C (SIGINT twice, as npm forwards it), and SIGINT
 * (Ctrl-C in a terminal) and SIGTERM to the whole process group of `npm exec`. No request that reached
 * the server may go unanswered, and the process logs "stopped" and exits 0.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { freshDatabase } from './harness';

const ROOT = join(__dirname, '../../..');
const MAIN = join(__dirname, '../dist/main.js');
const QUERY = JSON.stringify({ query: '{ administrativeUnit(code: "42") { name } }' });
const SLOW_QUERY = JSON.stringify({
  query: '{ administrativeUnits(first: 100) { totalCount edges { node { code name parent { name } successor { name } inForceUnit { name } } } } }',
});
const EXIT_WITHIN_MS = 20_000;

jest.setTimeout(120_000);

interface Server {
  process: ChildProcess;
  port: number;
  /** The JSON log lines so far (npm's own lines are skipped). */
  logs: Array<Record<string, any>>;
  output(): string;
  waitForLog(test: (line: Record<string, any>) => boolean, timeoutMs?: number): Promise<boolean>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `node dist/main.js` (or `npm exec` running it, as `npm start` does) on its own database and a free port. */
async function startServer(db: { url: string; poolSize: number }, via: 'node' | 'npm' = 'node'): Promise<Server> {
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    OSP_DB_POOL_SIZE: String(db.poolSize),
    OSP_SEED: 'demo',
    LOG_LEVEL: 'info',
    PORT: '0',
    HOST: '127.0.0.1',
    OSP_SHUTDOWN_GRACE_MS: '15000',
  };
  const child =
    via === 'node'
      ? spawn(process.execPath, [MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
      : // Its own process group, so the test can signal the group as a terminal's Ctrl-C does.
        spawn('npm', ['exec', '--call', `exec "${process.execPath}" "${MAIN}"`], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let text = '';
  const all: string[] = [];
  const logs: Server['logs'] = [];
  const watchers = new Set<() => void>();
  const take = (chunk: Buffer) => {
    text += chunk.toString();
    const lines = text.split('\n');
    text = lines.pop() ?? '';
    for (const line of lines) {
      all.push(line);
      try {
        logs.push(JSON.parse(line));
      } catch {
        // npm's banner, a stack trace: kept in `all` for the failure message
      }
    }
    for (const w of watchers) w();
  };
  child.stdout!.on('data', take);
  child.stderr!.on('data', take);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (error) => {
      all.push(String(error));
      resolve({ code: null, signal: null });
    });
  });
  const output = () => [...all, text].join('\n');
  const waitForLog = (test: (line: Record<string, any>) => boolean, timeoutMs = 60_000) =>
    new Promise<boolean>((resolve) => {
      const check = () => {
        if (logs.some(test)) finish(true);
      };
      const finish = (found: boolean) => {
        watchers.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => finish(false), timeoutMs);
      watchers.add(check);
      void exited.then(() => setImmediate(() => finish(logs.some(test))));
      check();
    });
  const ready = await waitForLog((l) => typeof l.msg === 'string' && l.msg.startsWith('One-Stop Post is ready'), 90_000);
  if (!ready) {
    child.kill('SIGKILL');
    throw new Error(`the server did not start:\n${output()}`);
  }
  const port = logs.find((l) => typeof l.msg === 'string' && l.msg.startsWith('One-Stop Post is ready'))!.port as number;
  return { process: child, port, logs, output, waitForLog, exited };
}

async function exitOf(server: Server) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), EXIT_WITHIN_MS);
  });
  const result = await Promise.race([server.exited, timeout]);
  clearTimeout(timer);
  if (result === 'timeout') {
    server.process.kill('SIGKILL');
    throw new Error(`still running ${EXIT_WITHIN_MS} ms after the signal:\n${server.output()}`);
  }
  return result;
}

interface Outcome {
  /** The request was handed to the OS before the signal was sent. */
  sentBeforeSignal: boolean;
  /** It went out on a keep-alive connection that had already carried a request. */
  reusedSocket: boolean;
  status?: number;
  connection?: string;
  body?: string;
  /** ECONNREFUSED, ECONNRESET, "socket hang up", … */
  error?: string;
}

let signalled = false;

/** One POST /graphql, recording how it went rather than throwing. */
function post(port: number, agent: Agent | false, body = QUERY): Promise<Outcome> {
  return new Promise((resolve) => {
    let sentBeforeSignal = false;
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      path: '/graphql',
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    req.on('finish', () => {
      sentBeforeSignal = !signalled;
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () =>
        resolve({
          sentBeforeSignal,
          reusedSocket: req.reusedSocket,
          status: res.statusCode,
          connection: res.headers.connection,
          body: res.complete ? text : undefined,
          error: res.complete ? undefined : 'incomplete response',
        }),
      );
      res.on('error', (e: NodeJS.ErrnoException) => resolve({ sentBeforeSignal, reusedSocket: req.reusedSocket, status: res.statusCode, error: e.code ?? e.message }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ sentBeforeSignal, reusedSocket: req.reusedSocket, error: e.code ?? e.message }));
    req.end(body);
  });
}

/** A complete 200 answer with the data asked for. */
function answered(o: Outcome): boolean {
  if (o.status !== 200 || o.error || o.body === undefined) return false;
  try {
    const result = JSON.parse(o.body);
    return !result.errors && (result.data?.administrativeUnit?.name === 'Tỉnh Hà Tĩnh' || result.data?.administrativeUnits?.totalCount > 0);
  } catch {
    return false;
  }
}

/**
 * A request whose headers and first bytes are sent now and the rest when `finish()` is called: it is
 * in flight at the server (on a connection of its own) for as long as the test wants.
 */
function slowRequest(port: number): { response: Promise<Outcome>; finish(): void } {
  const body = Buffer.from(QUERY);
  let req!: ReturnType<typeof httpRequest>;
  const response = new Promise<Outcome>((resolve) => {
    req = httpRequest({
      host: '127.0.0.1',
      port,
      path: '/graphql',
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': body.length },
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ sentBeforeSignal: true, reusedSocket: false, status: res.statusCode, connection: res.headers.connection, body: text, error: res.complete ? undefined : 'incomplete response' }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ sentBeforeSignal: true, reusedSocket: false, error: e.code ?? e.message }));
    req.flushHeaders();
    req.write(body.subarray(0, 10));
  });
  return { response, finish: () => req.end(body.subarray(10)) };
}

/** A raw connection, opened now, that sends a request only when asked to. */
async function silentConnection(port: number): Promise<{ socket: Socket; ask(): Promise<string> }> {
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  return {
    socket,
    ask: () =>
      new Promise((resolve) => {
        let text = '';
        socket.setEncoding('utf8');
        socket.on('data', (c: string) => (text += c));
        socket.on('error', (e: NodeJS.ErrnoException) => resolve(`${text}\n[${e.code}]`));
        socket.on('close', () => resolve(text));
        socket.write(
          `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(QUERY)}\r\n\r\n${QUERY}`,
        );
      }),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const describeFailures = (outcomes: Outcome[]) => JSON.stringify(outcomes.map(({ body, ...o }) => ({ ...o, body: body?.slice(0, 200) })), null, 1);

describe('stopping the server (dist/main.js in a child process)', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  const running: Server[] = [];

  beforeAll(() => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npx turbo run build\` first`);
  });
  beforeEach(async () => {
    signalled = false;
    db = await freshDatabase();
  });
  afterEach(async () => {
    for (const s of running.splice(0)) {
      if (s.process.exitCode !== null || s.process.signalCode !== null) continue;
      try {
        process.kill(-s.process.pid!, 'SIGKILL'); // the npm case: its whole group
      } catch {
        s.process.kill('SIGKILL');
      }
    }
    await db.drop();
  });

  it('SIGTERM under keep-alive load: every request that reached it is answered, then "stopped" and exit 0', async () => {
    const server = await startServer(db);
    running.push(server);
    const { port } = server;
    const agent = new Agent({ keepAlive: true });
    const outcomes: Outcome[] = [];

    // 20 clients in loops on keep-alive connections, 2 of them with a heavier query. Each stops at its
    // first failure (after the signal, new connections are refused: that ends the loop).
    let loopsRunning = 20;
    const loops = Array.from({ length: loopsRunning }, async (_, i) => {
      const body = i < 2 ? SLOW_QUERY : QUERY;
      for (;;) {
        const outcome = await post(port, agent, body);
        outcomes.push(outcome);
        if (!answered(outcome)) break;
      }
      loopsRunning--;
    });
    while (outcomes.length < 200 && loopsRunning === 20) await sleep(20);
    expect(describeFailures(outcomes.filter((o) => !answered(o)))).toBe('[]');

    // Requests in flight at the signal on connections of their own, a connection opened but silent,
    // and a keep-alive connection used a moment ago: all three kinds must be answered.
    const slow = [slowRequest(port), slowRequest(port), slowRequest(port)];
    const silent = await silentConnection(port);
    const reuseAgent = new Agent({ keepAlive: true });
    expect(answered(await post(port, reuseAgent))).toBe(true);
    await sleep(100);

    server.process.kill('SIGTERM');
    signalled = true;
    const reused = post(port, reuseAgent);
    const silentAnswer = silent.ask();
    await sleep(300);
    for (const s of slow) s.finish();

    const code = await exitOf(server);
    await Promise.all(loops);
    agent.destroy();
    reuseAgent.destroy();
    const output = server.output();

    // Before the signal: nothing failed.
    const before = outcomes.filter((o) => o.sentBeforeSignal);
    expect(before.length).toBeGreaterThanOrEqual(200);
    expect(describeFailures(before.filter((o) => !answered(o)))).toBe('[]');
    // After it: a request on a connection already open is answered (and told the connection closes);
    // one on a new connection is refused (the port is closed), never reset half-way.
    const after = outcomes.filter((o) => !o.sentBeforeSignal);
    const bad = after.filter((o) => {
      if (o.error) return o.reusedSocket || o.error !== 'ECONNREFUSED';
      return !answered(o);
    });
    expect(describeFailures(bad)).toBe('[]');
    for (const o of after.filter((x) => !x.error)) expect(o.connection).toBe('close');

    const slowAnswers = await Promise.all(slow.map((s) => s.response));
    expect(describeFailures(slowAnswers.filter((o) => !answered(o)))).toBe('[]');
    for (const o of slowAnswers) expect(o.connection).toBe('close');
    const reusedAnswer = await reused;
    expect(reusedAnswer).toMatchObject({ reusedSocket: true, status: 200, connection: 'close' });
    expect(answered(reusedAnswer)).toBe(true);
    const silentText = await silentAnswer;
    expect(silentText).toMatch(/^HTTP\/1\.1 200 /);
    expect(silentText).toMatch(/\r\nconnection: close\r\n/i);
    expect(silentText).toContain('Tỉnh Hà Tĩnh');

    expect({ code, output }).toMatchObject({ code: { code: 0, signal: null } });
    expect(server.logs.some((l) => l.msg === 'stopped')).toBe(true);
    expect(server.logs.some((l) => /deadline|too long/.test(String(l.msg)))).toBe(false);
  });

  it('Ctrl-C twice (SIGINT, and SIGINT again 50 ms later as npm forwards it): the request in flight is answered, exit 0', async () => {
    const server = await startServer(db);
    running.push(server);
    const inFlight = slowRequest(server.port);
    await sleep(100);

    server.process.kill('SIGINT');
    signalled = true;
    // Two signals sent before the process runs are merged into one by the kernel: send the second
    // once the first has been handled.
    expect(await server.waitForLog((l) => l.msg === 'shutting down', 10_000)).toBe(true);
    await sleep(50);
    server.process.kill('SIGINT');
    expect(await server.waitForLog((l) => l.msg === 'already shutting down; signal ignored', 10_000)).toBe(true);
    inFlight.finish();

    const answer = await inFlight.response;
    expect(answered(answer)).toBe(true);
    const code = await exitOf(server);
    expect({ code, output: server.output() }).toMatchObject({ code: { code: 0, signal: null } });
    expect(server.logs.some((l) => l.msg === 'stopped')).toBe(true);
  });

  // Ctrl-C in the terminal of `npm start` is SIGINT to the whole foreground group; a supervisor that
  // stops the group sends SIGTERM. Either way node gets the signal from the terminal and once more from npm.
  it.each(['SIGINT', 'SIGTERM'] as const)('%s to the process group of `npm exec` (npm forwards it once more): npm and the server exit 0', async (signal) => {
    const server = await startServer(db, 'npm');
    running.push(server);
    const inFlight = slowRequest(server.port);
    await sleep(100);

    process.kill(-server.process.pid!, signal);
    signalled = true;
    // Keep a request in flight until npm's forwarded signal has arrived, so it lands mid-drain. (On a
    // busy machine the kernel may merge it with the first, if both reach node before it runs: then
    // there is no second signal to see, and the rest must hold all the same.)
    await server.waitForLog((l) => l.msg === 'already shutting down; signal ignored', 5_000);
    inFlight.finish();

    expect(answered(await inFlight.response)).toBe(true);
    const code = await exitOf(server);
    expect({ code, output: server.output() }).toMatchObject({ code: { code: 0, signal: null } });
    expect(server.logs.some((l) => l.msg === 'stopped')).toBe(true);
  });
});
