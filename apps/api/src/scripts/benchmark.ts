import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApplication } from '../app';
import { loadConfig } from '../platform/config';
import { DEMO_PASSWORD } from '../seed/demo-users';
import { NESTED_LISTS } from './nested-lists';

/**
 * `npm run bench`: starts the application (embedded database in a temporary folder, or DATABASE_URL),
 * then prints SQL statements per request and latencies. Numbers only, no thresholds: compare runs
 * made on the same machine in the same session.
 */
const SEARCH = `query($search: String!) { administrativeUnits(filter: { search: $search, includeNotInForce: true }, first: 20) { totalCount edges { node { code name } } } }`;

async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig({
    ...process.env,
    OSP_DATA_DIR: process.env.OSP_DATA_DIR ?? join(mkdtempSync(join(tmpdir(), 'osp-bench-')), 'pglite'),
    OSP_SQL_COUNT_HEADER: '1',
    LOG_LEVEL: 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    OSP_SEED: 'demo',
  });
  const app = await createApplication(config);
  const port = await app.listen();
  const base = `http://127.0.0.1:${port}/graphql`;
  console.log(`database: ${config.databaseUrl ? 'postgresql' : 'embedded (PGlite)'}; start to ready: ${(performance.now() - started).toFixed(0)} ms`);

  let authorization = '';
  const post = async (query: string, variables: Record<string, unknown>) => {
    const t0 = performance.now();
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (authorization) headers.authorization = authorization;
    const res = await fetch(base, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return { ms: performance.now() - t0, sql: Number(res.headers.get('x-sql-statements')) };
  };

  const signedIn = (await (
    await fetch(base, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation($p: String!) { signIn(input: { username: "admin", password: $p }) { token } }', variables: { p: DEMO_PASSWORD } }),
    })
  ).json()) as { data: { signIn: { token: string } } };
  authorization = `Bearer ${signedIn.data.signIn.token}`;

  for (const [label, query] of Object.entries(NESTED_LISTS)) {
    const counts = [];
    for (const first of [10, 100]) counts.push(`${(await post(query, { first })).sql} at first=${first}`);
    console.log(`SQL statements, ${label}: ${counts.join(', ')}`);
  }

  const rounds = Number(process.env.BENCH_ROUNDS ?? 200);
  for (const [label, query, vars] of [
    ['units with nested relations, first=100', Object.values(NESTED_LISTS)[0], { first: 100 }],
    ['diacritic-free search "ky"', SEARCH, { search: 'ky' }],
  ] as const) {
    for (let i = 0; i < 10; i++) await post(query, vars); // warm-up
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) times.push((await post(query, vars)).ms);
    times.sort((a, b) => a - b);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))].toFixed(1);
    console.log(`${label}: ${rounds} sequential requests, p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${pct(100)} ms`);
  }
  const mem = process.memoryUsage();
  console.log(`memory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`);
  await app.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
