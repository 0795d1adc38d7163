/**
 * `npm run bench:dossiers`: the dossier grid, search, code lookup and counts per status through the API,
 * on a million dossiers.
 *
 *   1. creates `osp_bench_<random>` on the PostgreSQL of BENCH_ADMIN_URL (default
 *      postgres://postgres@127.0.0.1:5432/postgres), starts the built API on it in a child process
 *      (./bench-api/api-child.ts: migrations, demo seed without the demo dossiers);
 *   2. generates BENCH_DOSSIERS (default 1,000,000) dossiers over the demo provinces' desks and a year
 *      (./bench-dossiers/generate.ts), then ANALYZE;
 *   3. signs in as Hà Tĩnh's province administrator (hatinh.quantri) and the provincial centre's counter
 *      clerk (hatinh.quay) and measures, one request at a time over HTTP: the grid's first page; the
 *      grid with a status and a date range walked page by page through the keyset cursor to page 50;
 *      search by a name without diacritics; lookup by code; counts per status. For each: p50 and p95
 *      latency and the SQL statements per request (x-sql-statements, OSP_SQL_COUNT_HEADER=1);
 *   4. prints a table and, last, `dossiers: rows=… grid_p95_ms=… search_p95_ms=… code_p95_ms=…
 *      counts_p95_ms=… max_statements=…` (grid: the highest p95 of the grid rows);
 *   5. stops the API and drops the database (BENCH_KEEP=1 keeps it, for EXPLAIN).
 *
 * BENCH_RUNS (default 40) requests per query after 5 of warm-up; BENCH_WALKS (default 3) walks of 50 pages.
 * BENCH_DATABASE=<name of a database kept by BENCH_KEEP=1> measures again without generating (migrations
 * run on start, so a new index migration is measured that way) and keeps it.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { DEMO_PASSWORD } from '../seed/demo-users';
import { percentile, startApi, stopApi } from './bench-dossiers/api';
import { generateDossiers } from './bench-dossiers/generate';

const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ROWS = Number(process.env.BENCH_DOSSIERS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const WARMUP = 5;
const WALKS = Number(process.env.BENCH_WALKS ?? 3);
const PAGES = 50;
const PAGE_SIZE = 20;

const log = (line = '') => console.log(line);

const GRID = `query Grid($first: Int!, $after: String, $filter: DossierFilter) {
  dossiers(first: $first, after: $after, filter: $filter) {
    totalCount
    edges { node { id code status nationalStatusCode channel receivedAt dueDate overdue promisedOn applicant { fullName masked } procedure { code name } desk { name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const BY_CODE = `query ByCode($code: String!) { dossierByCode(code: $code) { id code status dueDate overdue applicant { fullName } procedure { name } timeline { kind at } } }`;
const COUNTS = `query Counts($filter: DossierFilter) { dossierStatusCounts(filter: $filter) { status count } }`;

interface Sample {
  ms: number;
  statements: number;
}

async function main(): Promise<void> {
  const admin = new Client({ connectionString: ADMIN_URL, application_name: 'osp-bench-dossiers' });
  // Say what happened to the database (dropped, restarted) instead of dying of an unhandled 'error' event.
  admin.on('error', (e) => console.error(`admin connection: ${e.message}`));
  await admin.connect();
  const reuse = process.env.BENCH_DATABASE?.trim() || null;
  const dbName = reuse ?? `osp_bench_${randomBytes(4).toString('hex')}`;
  const benchUrl = new URL(ADMIN_URL);
  benchUrl.pathname = `/${dbName}`;
  let api: { child: ChildProcess; port: number } | null = null;
  const cleanup = async () => {
    if (api) await stopApi(api.child).catch(() => undefined);
    if (process.env.BENCH_KEEP === '1' || reuse) log(`database kept: ${benchUrl.toString()}`);
    else await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch((e: unknown) => console.error(`could not drop ${dbName}: ${String(e)}`));
    await admin.end().catch(() => undefined);
  };
  process.once('SIGINT', () => {
    console.error('interrupted: stopping the API and dropping the database');
    void cleanup().finally(() => process.exit(130));
  });

  try {
    const pg = (await admin.query('SHOW server_version')).rows[0].server_version as string;
    log(`bench:dossiers — node ${process.version}, PostgreSQL ${pg}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    if (!reuse) await admin.query(`CREATE DATABASE ${dbName}`);
    const started = performance.now();
    api = await startApi({
      ...process.env,
      DATABASE_URL: benchUrl.toString(),
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      OSP_SEED: 'demo',
      OSP_DEMO_DOSSIERS: '0',
      OSP_SQL_COUNT_HEADER: '1',
      PORT: '0',
      HOST: '127.0.0.1',
      BENCH_API_ROOT: resolve(join(__dirname, '../../../..')),
    });
    log(`database ${dbName}; API started (migrations, demo seed) in ${((performance.now() - started) / 1000).toFixed(1)} s on port ${api.port}`);

    const db = new Client({ connectionString: benchUrl.toString(), application_name: 'osp-bench-dossiers-setup' });
    db.on('error', (e) => console.error(`setup connection: ${e.message}`));
    await db.connect();
    let rows: number;
    if (reuse) {
      rows = (await db.query('SELECT count(*)::int AS n FROM dossier')).rows[0].n;
      log(`reusing ${dbName}: ${rows.toLocaleString('en')} dossiers`);
    } else {
      const genStarted = performance.now();
      log(`generating ${ROWS.toLocaleString('en')} dossiers:`);
      const generated = await generateDossiers(db, ROWS, log);
      rows = generated.rows;
      log(`generated ${rows.toLocaleString('en')} dossiers over ${generated.desks} desks in ${((performance.now() - genStarted) / 1000).toFixed(0)} s`);
    }
    const codes: string[] = (await db.query(`SELECT d.code FROM dossier d JOIN one_stop_desk k ON k.id = d.desk_id WHERE k.code LIKE '42-%' ORDER BY md5(d.id::text) LIMIT $1`, [RUNS + WARMUP])).rows.map((r: { code: string }) => r.code);
    const [{ clerkRows }] = (await db.query(`SELECT count(*)::int AS "clerkRows" FROM dossier d JOIN one_stop_desk k ON k.id = d.desk_id WHERE k.code = '42-TTPVHCC-MC'`)).rows;
    const [{ provinceRows }] = (await db.query(`SELECT count(*)::int AS "provinceRows" FROM dossier d JOIN one_stop_desk k ON k.id = d.desk_id WHERE k.code LIKE '42-%'`)).rows;
    log(`Hà Tĩnh: ${provinceRows.toLocaleString('en')} dossiers, of which ${clerkRows.toLocaleString('en')} at the provincial centre's desk (the clerk's)`);
    await db.end();

    const base = `http://127.0.0.1:${api.port}/graphql`;
    const signIn = async (username: string) => {
      const answer = await fetch(base, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'mutation($u: String!, $p: String!) { signIn(input: { username: $u, password: $p }) { token } }', variables: { u: username, p: DEMO_PASSWORD } }) });
      const body = (await answer.json()) as { data?: { signIn: { token: string } }; errors?: unknown };
      if (!body.data) throw new Error(`sign-in of ${username} failed: ${JSON.stringify(body.errors)}`);
      return `Bearer ${body.data.signIn.token}`;
    };
    const tokens = { admin: await signIn('hatinh.quantri'), clerk: await signIn('hatinh.quay') };
    const ask = async (who: keyof typeof tokens, query: string, variables: Record<string, unknown>): Promise<{ sample: Sample; data: any }> => {
      const t0 = performance.now();
      const answer = await fetch(base, { method: 'POST', headers: { 'content-type': 'application/json', authorization: tokens[who] }, body: JSON.stringify({ query, variables }) });
      const body = (await answer.json()) as { data?: any; errors?: unknown };
      const ms = performance.now() - t0;
      if (answer.status !== 200 || body.errors) throw new Error(`${JSON.stringify(variables)}: HTTP ${answer.status} ${JSON.stringify(body.errors)}`);
      return { sample: { ms, statements: Number(answer.headers.get('x-sql-statements') ?? NaN) }, data: body.data };
    };

    const results: Array<{ name: string; group: 'grid' | 'search' | 'code' | 'counts'; samples: Sample[]; note: string }> = [];
    const measure = async (name: string, group: 'grid' | 'search' | 'code' | 'counts', who: keyof typeof tokens, query: string, variables: (i: number) => Record<string, unknown>, note = '') => {
      const samples: Sample[] = [];
      let last: any = null;
      for (let i = 0; i < WARMUP + RUNS; i += 1) {
        const { sample, data } = await ask(who, query, variables(i));
        if (i >= WARMUP) samples.push(sample);
        last = data;
      }
      results.push({ name, group, samples, note });
      return last;
    };

    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const daysAgo = (n: number) => new Date(Date.now() + 7 * 3600_000 - n * 86_400_000).toISOString().slice(0, 10);
    const first = await measure('grid, first page (province admin)', 'grid', 'admin', GRID, () => ({ first: PAGE_SIZE }));
    await measure('grid, first page (counter clerk)', 'grid', 'clerk', GRID, () => ({ first: PAGE_SIZE }));
    log(`province admin's grid: totalCount ${first.dossiers.totalCount.toLocaleString('en')}`);

    // Walk 50 pages with a status and a date range; every page's request is a sample, page 50's apart.
    const walk = async (name: string, who: keyof typeof tokens, filter: Record<string, unknown>) => {
      const all: Sample[] = [];
      const last: Sample[] = [];
      let total = 0;
      for (let w = 0; w < WALKS + 1; w += 1) {
        let after: string | null = null;
        for (let page = 1; page <= PAGES; page += 1) {
          const { sample, data } = await ask(who, GRID, { first: PAGE_SIZE, after, filter });
          total = data.dossiers.totalCount;
          after = data.dossiers.pageInfo.endCursor;
          if (w === 0) continue; // the first walk warms up
          all.push(sample);
          if (page === PAGES) last.push(sample);
          if (!data.dossiers.pageInfo.hasNextPage) throw new Error(`${name}: only ${page} pages`);
        }
      }
      results.push({ name: `${name}, pages 1–50`, group: 'grid', samples: all, note: `${total.toLocaleString('en')} match` });
      results.push({ name: `${name}, page 50`, group: 'grid', samples: last, note: `${WALKS} walks` });
    };
    await walk('grid, returned + last 90 days (admin)', 'admin', { statuses: ['RESULT_RETURNED'], receivedFrom: daysAgo(90), receivedTo: today });
    await walk('grid, processing + last 30 days (clerk)', 'clerk', { statuses: ['PROCESSING', 'RESULT_RETURNED'], receivedFrom: daysAgo(30), receivedTo: today });

    const NAMES = ['nguyen thi hoa', 'tran van dung', 'le minh tuan', 'pham thi thu lan', 'hoang duc nam', 'vo thi ngoc mai', 'dang quang son', 'bui thi hong nhung', 'ngo van hai', 'ho xuan phuc'];
    await measure('search, name without diacritics (admin)', 'search', 'admin', GRID, (i) => ({ first: PAGE_SIZE, filter: { search: NAMES[i % NAMES.length] } }));
    await measure('search, name without diacritics (clerk)', 'search', 'clerk', GRID, (i) => ({ first: PAGE_SIZE, filter: { search: NAMES[i % NAMES.length] } }));
    await measure('code lookup, dossierByCode (admin)', 'code', 'admin', BY_CODE, (i) => ({ code: codes[i % codes.length] }));
    await measure('code lookup, grid search by code (admin)', 'code', 'admin', GRID, (i) => ({ first: PAGE_SIZE, filter: { search: codes[i % codes.length] } }));
    await measure('counts per status (admin)', 'counts', 'admin', COUNTS, () => ({ filter: {} }));
    await measure('counts per status, last 30 days (admin)', 'counts', 'admin', COUNTS, () => ({ filter: { receivedFrom: daysAgo(30), receivedTo: today } }));
    await measure('counts per status (clerk)', 'counts', 'clerk', COUNTS, () => ({ filter: {} }));

    log();
    log(`${'query'.padEnd(48)} ${'runs'.padStart(5)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'SQL'.padStart(4)}  note`);
    for (const r of results) {
      const ms = r.samples.map((s) => s.ms);
      const statements = Math.max(...r.samples.map((s) => s.statements));
      log(`${r.name.padEnd(48)} ${String(r.samples.length).padStart(5)} ${percentile(ms, 50).toFixed(1).padStart(8)} ${percentile(ms, 95).toFixed(1).padStart(8)} ${Math.max(...ms).toFixed(1).padStart(8)} ${String(statements).padStart(4)}  ${r.note}`);
    }
    const p95 = (group: string) => Math.max(...results.filter((r) => r.group === group).map((r) => percentile(r.samples.map((s) => s.ms), 95))).toFixed(1);
    const maxStatements = Math.max(...results.flatMap((r) => r.samples.map((s) => s.statements)));
    log(`load average after: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    await cleanup();
    api = null;
    log(`dossiers: rows=${rows} grid_p95_ms=${p95('grid')} search_p95_ms=${p95('search')} code_p95_ms=${p95('code')} counts_p95_ms=${p95('counts')} max_statements=${maxStatements}`);
  } catch (error) {
    await cleanup();
    throw error;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
