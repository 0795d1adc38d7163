/**
 * The reference of `npm run bench:api`: a small hand-written node:http + node-postgres handler that
 * answers POST /graphql for the three bench shapes with the same JSON as the API. Same pool size as
 * the API's default, same authentication (the HS256 token verified with the API's secret, the session
 * and user checked in SQL), one statement per request. Run as a child process (IPC: `ready`, `cpu`, `stop`).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jwtVerify } from 'jose';
import { Pool, types } from 'pg';
import { assemble, OPERATIONS, RAW_SQL, todayInVietnam, type ShapeName, CHILDREN_PAGE_SIZE } from './shapes';

// As in the API: a DATE is a 'YYYY-MM-DD' string, not a Date at midnight somewhere.
types.setTypeParser(types.builtins.DATE, (value: string) => value);

const ISSUER = 'one-stop-post';
const byOperation = new Map(Object.entries(OPERATIONS).map(([shape, op]) => [op.operationName, shape as ShapeName]));

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  const pool = new Pool({
    connectionString: url,
    max: Number(process.env.OSP_DB_POOL_SIZE ?? 10),
    application_name: 'osp-bench-raw',
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
  });
  pool.on('error', () => undefined);
  const secretText =
    process.env.OSP_JWT_SECRET ?? ((await pool.query(`SELECT value #>> '{}' AS secret FROM app_meta WHERE key = 'jwt_secret'`)).rows[0]?.secret as string | undefined);
  if (!secretText) throw new Error('no JWT secret: start the API first');
  const secret = new TextEncoder().encode(secretText);

  const send = (res: ServerResponse, status: number, body: string) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };
  const fail = (res: ServerResponse, status: number, message: string) => send(res, status, `${JSON.stringify({ errors: [{ message }] })}\n`);

  async function handle(req: IncomingMessage, res: ServerResponse, raw: string): Promise<void> {
    let body: { operationName?: string; variables?: Record<string, unknown> };
    try {
      body = JSON.parse(raw);
    } catch {
      return fail(res, 400, 'bad JSON');
    }
    const shape = body.operationName ? byOperation.get(body.operationName) : undefined;
    if (!shape) return fail(res, 400, `unknown operation ${body.operationName}`);
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization?.trim() ?? '');
    if (!match) return fail(res, 401, 'unauthenticated');
    let userId: string;
    let sessionId: string;
    try {
      const { payload } = await jwtVerify(match[1], secret, { issuer: ISSUER, algorithms: ['HS256'] });
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return fail(res, 401, 'unauthenticated');
      userId = payload.sub;
      sessionId = payload.sid;
    } catch {
      return fail(res, 401, 'unauthenticated');
    }
    const today = todayInVietnam();
    const vars = body.variables ?? {};
    const first = Math.min(Math.max(Number(vars.first ?? 20), 1), 100);
    const params: unknown[] =
      shape === 'desk'
        ? [userId, sessionId, String(vars.id)]
        : shape === 'units'
          ? [userId, sessionId, today, first + 1, CHILDREN_PAGE_SIZE]
          : [userId, sessionId, today, first + 1];
    const { rows } = await pool.query(RAW_SQL[shape], params);
    if (!rows[0] || rows[0].actors === 0) return fail(res, 401, 'unauthenticated');
    send(res, 200, `${JSON.stringify(assemble(shape, rows, first))}\n`);
  }

  const server = createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/graphql') return fail(res, 404, 'not found');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks).toString('utf8')).catch((error: unknown) => fail(res, 500, String(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  process.on('message', (m: { type: string; id?: number }) => {
    if (m.type === 'cpu') process.send?.({ type: 'cpu', id: m.id, usage: process.cpuUsage() });
    if (m.type === 'stop') {
      server.close();
      server.closeAllConnections();
      void pool.end().finally(() => process.exit(0));
    }
  });
  process.on('disconnect', () => process.exit(0));
  process.send?.({ type: 'ready', port });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
