/**
 * The database goes away and comes back (a PostgreSQL restart, a failover): the process survives,
 * /readyz tells the load balancer, unexpected errors reveal nothing, and service resumes by itself.
 * The app reaches its database through a TCP relay the test can cut, so this runs on both databases.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import { request as httpRequest } from 'node:http';
import { createApplication, type Application } from '../src/app';
import { freePort } from '../src/platform/database/embedded';
import { freshDatabase, testConfig } from './harness';

class Relay {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  constructor(private readonly target: URL, readonly port: number) {}

  async open(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(Number(this.target.port || 5432), this.target.hostname);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }

  /** Refuses new connections and kills the open ones, as a database restart does. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => server?.close(() => resolve()) ?? resolve());
  }
}

async function startBehindRelay() {
  const db = await freshDatabase();
  const target = new URL(db.url);
  const relay = new Relay(target, await freePort());
  await relay.open();
  const viaRelay = new URL(db.url);
  viaRelay.host = `127.0.0.1:${relay.port}`;
  const app = await createApplication(testConfig(viaRelay.toString(), db.poolSize));
  const port = await app.listen();
  return { app, relay, db, base: `http://127.0.0.1:${port}` };
}


const query = JSON.stringify({ query: '{ administrativeUnit(code: "42") { name } }' });
const post = (base: string) => fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query });

describe('when the database restarts', () => {
  let app: Application;
  let relay: Relay;
  let base: string;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ app, relay, base, db: { drop } } = await startBehindRelay());
  });
  afterAll(async () => {
    await app.stop();
    await relay.cut();
    await drop();
  });

  it('survives, reports not ready, answers without internals, and recovers', async () => {
    expect((await post(base)).status).toBe(200);

    await relay.cut();
    const down = await fetch(`${base}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'unavailable', database: 'down' });

    const response = await post(base);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    const failed: any = await response.json();
    expect(failed.errors[0].extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 });
    expect(failed.errors[0].message).toMatch(/thử lại/);
    expect(JSON.stringify(failed)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack|at \w+ \(/);

    await relay.open();
    let ready = 0;
    for (let i = 0; i < 50 && ready !== 200; i++) {
      ready = (await fetch(`${base}/readyz`)).status;
      if (ready !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(ready).toBe(200);
    const again: any = await (await post(base)).json();
    expect(again.data.administrativeUnit.name).toBe('Tỉnh Hà Tĩnh');
  });
});

describe('when the database goes away under load', () => {
  it('answers every request either with data or SERVICE_UNAVAILABLE (503, Retry-After), signed in or not, and recovers', async () => {
    const { app, relay, base, db } = await startBehindRelay();
    try {
      const signIn = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation { signIn(input: { username: "hatinh.bcd", password: "Demo@2026" }) { token } }' }),
      });
      const token = ((await signIn.json()) as any).data.signIn.token as string;
      const desks = JSON.stringify({ query: '{ oneStopDesks(first: 20) { totalCount edges { node { name agency { name } province { name } } } } }' });
      const outcomes: string[] = [];
      let running = true;
      const loop = async (signedIn: boolean) => {
        while (running) {
          const res = await fetch(`${base}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...(signedIn ? { authorization: `Bearer ${token}` } : {}) },
            body: signedIn ? desks : query,
          });
          const body: any = await res.json();
          if (!body.errors) outcomes.push('ok');
          else {
            const code = body.errors[0].extensions.code;
            outcomes.push(code === 'SERVICE_UNAVAILABLE' && res.status === 503 && res.headers.get('retry-after') === '5' ? 'unavailable' : `${res.status} ${code}`);
          }
        }
      };
      const loops = [loop(true), loop(false), loop(true), loop(false)];
      await new Promise((r) => setTimeout(r, 300));
      await relay.cut();
      await new Promise((r) => setTimeout(r, 600));
      await relay.open();
      for (let i = 0; i < 100 && (await fetch(`${base}/readyz`)).status !== 200; i++) await new Promise((r) => setTimeout(r, 100));
      const before = outcomes.length;
      await new Promise((r) => setTimeout(r, 500));
      running = false;
      await Promise.all(loops);
      expect(outcomes.filter((o) => o !== 'ok' && o !== 'unavailable')).toEqual([]);
      expect(outcomes).toContain('unavailable');
      expect(outcomes.slice(before + 8)).not.toContain('unavailable'); // recovered (a few may have left before the pool reconnected)
      expect(outcomes.slice(before)).toContain('ok');
    } finally {
      await app.stop();
      await relay.cut();
      await db.drop();
    }
  });
});

describe('graceful stop (SIGTERM)', () => {
  it('finishes a request already in flight, then closes', async () => {
    const { app, relay, base, db } = await startBehindRelay();
    try {
      const url = new URL(`${base}/graphql`);
      const body = Buffer.from(query);
      // Send the headers and the start of the body; once the server has the request, ask it to stop,
      // then send the rest. The request must still be answered.
      let stopped: Promise<void> | undefined;
      app.http.server.once('request', () => {
        stopped = app.stop();
        setTimeout(() => req.end(body.subarray(10)), 200);
      });
      let req!: ReturnType<typeof httpRequest>;
      const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
        req = httpRequest(
          { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': body.length } },
          (res) => {
            let text = '';
            res.on('data', (c) => (text += c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
          },
        );
        req.on('error', reject);
        req.write(body.subarray(0, 10));
      });
      const res = await answer;
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body).data.administrativeUnit.name).toBe('Tỉnh Hà Tĩnh');
      await stopped;
      await expect(fetch(`${base}/healthz`)).rejects.toThrow();
      expect(app.dataSource.isInitialized).toBe(false);
    } finally {
      await app.stop();
      await relay.cut();
      await db.drop();
    }
  });
});
