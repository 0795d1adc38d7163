/**
 * `npm run bench:api`: the API against a small hand-written node-postgres handler answering the same
 * three requests with the same JSON, on one fresh PostgreSQL database holding ~20,000 desks.
 *
 *   1. creates `osp_bench_<random>` on the PostgreSQL of BENCH_ADMIN_URL (default
 *      postgres://postgres@127.0.0.1:5432/test), starts the built API in a child process on it
 *      (migrations, demo seed), adds the generated country (./bench-api/data.ts);
 *   2. starts the raw handler (./bench-api/raw-handler.ts) in another child process, signs in as the
 *      national administrator, and checks that both answer every request byte for byte the same;
 *   3. for each round, each concurrency (10, 50) and each shape, measures the raw handler and the API
 *      back to back (their order alternating by round): req/s, latency, the API's SQL statements per
 *      request (x-sql-statements), CPU per request of each server process and of its PostgreSQL backends;
 *   4. prints every measurement, the medians, a CPU profile summary of the API when BENCH_PROFILE=1,
 *      and last the line `api: desks_ratio=… units_ratio=… desk_ratio=… statements=a/b/c cpu_ms=a/b/c`;
 *   5. stops both and drops the database.
 *
 * `--quick`: one round of 2 s measurements (a smoke run). BENCH_ROUNDS, BENCH_SECONDS override.
 *
 * BENCH_API_ROOT (default: this repository) benchmarks the built API of another checkout instead, e.g.
 * an older commit in a worktree (`git worktree add /tmp/osp-before ca9b680`, then `npm ci` and
 * `npx turbo run build` there): the child loads that checkout's `apps/api/dist` (./bench-api/api-child.ts);
 * the generated data, the raw handler, the load and the byte-for-byte check stay this repository's.
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { DEMO_PASSWORD } from '../seed/demo-users';
import { DEFAULT_DATA, generateData } from './bench-api/data';
import { percentile, prepareRequest, requestOnce, runLoad, type PreparedRequest, type Window } from './bench-api/load';
import { addProfile, emptySelfTime, topLines, type SelfTime } from './bench-api/profile';
import { OPERATIONS, PAGE_SIZE, SHAPE_LABELS, SHAPES, type ShapeName } from './bench-api/shapes';

type TargetName = 'raw' | 'api';

const quick = process.argv.includes('--quick');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (quick ? 1 : 3));
const MEASURE_MS = 1000 * Number(process.env.BENCH_SECONDS ?? (quick ? 2 : 5));
const WARMUP_MS = quick ? 500 : 1000;
const INITIAL_WARMUP_MS = quick ? 1000 : 2000;
const CONCURRENCIES = [10, 50];
const SINGLE_DESK_IDS = 200;
const PROFILE = process.env.BENCH_PROFILE === '1';
const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const API_ROOT = resolve(process.env.BENCH_API_ROOT || join(__dirname, '../../../..'));

const log = (line = '') => console.log(line);
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');

/** A child process speaking the bench's IPC: `ready` with a port, then request/answer messages by id. */
class Target {
  private nextId = 1;
  private readonly pending = new Map<number, (m: Record<string, unknown>) => void>();
  exited = false;

  private constructor(
    readonly name: TargetName,
    readonly child: ChildProcess,
    readonly port: number,
    readonly applicationName: string,
  ) {
    child.on('message', (m: Record<string, unknown>) => {
      const resolve = this.pending.get(m.id as number);
      if (resolve) {
        this.pending.delete(m.id as number);
        resolve(m);
      }
    });
    child.on('exit', () => {
      this.exited = true;
    });
  }

  static start(name: TargetName, script: string, env: NodeJS.ProcessEnv, applicationName: string): Promise<Target> {
    const child = fork(script, [], { env, execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`${name} exited with ${code} before it was ready`));
      child.once('exit', onExit);
      child.once('error', reject);
      child.once('message', (m: { type: string; port: number }) => {
        child.off('exit', onExit);
        if (m.type === 'ready') resolve(new Target(name, child, m.port, applicationName));
        else reject(new Error(`${name}: unexpected first message ${JSON.stringify(m)}`));
      });
    });
  }

  ask(type: string, extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (m) => (m.error ? reject(new Error(`${this.name} ${type}: ${String(m.error)}`)) : resolve(m)));
      this.child.send({ type, id, ...extra });
    });
  }

  /** CPU time of the process so far, in ms. */
  async cpuMs(): Promise<number> {
    const { usage } = (await this.ask('cpu')) as { usage: NodeJS.CpuUsage };
    return (usage.user + usage.system) / 1000;
  }

  /** Asks the process to stop; kills it (by its pid) if it has not exited within 10 s. */
  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.send({ type: 'stop', id: 0 });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

/** CPU time of PostgreSQL backends, from /proc (PostgreSQL on this machine); null where unreadable. */
class BackendCpu {
  private readonly ticksPerSecond: number;

  constructor(
    private readonly admin: Client,
    private readonly database: string,
  ) {
    let ticks = 100;
    try {
      ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      // keep the usual 100
    }
    this.ticksPerSecond = ticks;
  }

  /** Per backend pid of the target's connections: CPU ms so far. */
  async snapshot(applicationName: string): Promise<Map<number, number> | null> {
    const { rows } = await this.admin.query('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = $2', [this.database, applicationName]);
    const result = new Map<number, number>();
    for (const { pid } of rows as Array<{ pid: number }>) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        result.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / this.ticksPerSecond);
      } catch {
        return null;
      }
    }
    return result;
  }

  static delta(before: Map<number, number> | null, after: Map<number, number> | null): number | null {
    if (!before || !after) return null;
    let ms = 0;
    for (const [pid, now] of after) ms += now - (before.get(pid) ?? 0);
    return ms;
  }
}

interface Measurement {
  round: number;
  concurrency: number;
  shape: ShapeName;
  target: TargetName;
  rps: number;
  p50: number;
  p99: number;
  sqlPerRequest: number;
  cpuMsPerRequest: number;
  dbMsPerRequest: number | null;
  clientMsPerRequest: number;
  requests: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fixed = (value: number | null, digits: number) => (value === null || Number.isNaN(value) ? 'n/a' : value.toFixed(digits));
const cell = (value: string | number, width: number) => String(value).padStart(width);

/** The built API that ./bench-api/api-child.ts loads from API_ROOT, and that checkout's commit. */
function describeApi(): string {
  const dist = join(API_ROOT, 'apps/api/dist');
  const entry = ['app.js', 'platform/application.js'].find((file) => existsSync(join(dist, file)));
  if (!entry) throw new Error(`BENCH_API_ROOT=${API_ROOT}: no built API (apps/api/dist/app.js or apps/api/dist/platform/application.js); run npm ci and npx turbo run build there`);
  let commit = 'not a git checkout';
  try {
    const [hash, subject] = execFileSync('git', ['-C', API_ROOT, 'log', '-1', '--format=%h%n%s'], { encoding: 'utf8' }).split('\n');
    commit = `${hash} "${subject.length > 60 ? `${subject.slice(0, 60)}…` : subject}"`;
    const dirty = execFileSync('git', ['-C', API_ROOT, 'status', '--porcelain', '--untracked-files=no', '--', 'apps/api', 'packages'], { encoding: 'utf8' }).trim();
    if (dirty) commit += ' + uncommitted changes';
  } catch {
    // keep 'not a git checkout'
  }
  return `${join(dist, entry)} (commit ${commit})`;
}

function firstDifference(a: Buffer, b: Buffer): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const around = (buf: Buffer) => buf.toString('utf8', Math.max(0, i - 120), i + 120);
  return `first difference at byte ${i} (lengths ${a.length} and ${b.length})\n  raw: …${around(a)}…\n  api: …${around(b)}…`;
}

async function main(): Promise<void> {
  const apiUnderTest = describeApi();
  const dbName = `osp_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: ADMIN_URL, application_name: 'osp-bench-admin' });
  await admin.connect();
  const benchUrl = new URL(ADMIN_URL);
  benchUrl.pathname = `/${dbName}`;
  const targets: Target[] = [];
  let dropped = false;
  const cleanup = async () => {
    await Promise.allSettled(targets.map((t) => t.stop()));
    if (!dropped) {
      dropped = true;
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch((e: unknown) => console.error(`could not drop ${dbName}: ${String(e)}`));
    }
    await admin.end().catch(() => undefined);
  };
  process.once('SIGINT', () => {
    console.error('interrupted: stopping the servers and dropping the database');
    void cleanup().finally(() => process.exit(130));
  });

  try {
    const pg = (await admin.query('SHOW server_version')).rows[0].server_version as string;
    log(`bench:api ${quick ? '(quick) ' : ''}— node ${process.version}, PostgreSQL ${pg}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'})`);
    log(`rounds ${ROUNDS}, concurrency ${CONCURRENCIES.join(' and ')}, ${MEASURE_MS / 1000} s per measurement after ${WARMUP_MS / 1000} s of warm-up`);
    log(`load average before: ${load()} (anything else running on this machine shows in the numbers)`);
    log(`API under test: ${apiUnderTest}`);
    await admin.query(`CREATE DATABASE ${dbName}`);
    log(`database ${dbName} created`);

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: benchUrl.toString(),
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      OSP_SEED: 'demo',
      OSP_SQL_COUNT_HEADER: '1',
      PORT: '0',
      HOST: '127.0.0.1',
      BENCH_API_ROOT: API_ROOT,
    };
    const apiStarted = performance.now();
    const api = await Target.start('api', join(__dirname, 'bench-api', 'api-child.js'), env, 'one-stop-post');
    targets.push(api);
    log(`API started (migrations, demo seed) in ${(performance.now() - apiStarted).toFixed(0)} ms, pid ${api.child.pid}, port ${api.port}`);

    const db = new Client({ connectionString: benchUrl.toString(), application_name: 'osp-bench-setup' });
    await db.connect();
    const genStarted = performance.now();
    const counts = await generateData(db, DEFAULT_DATA);
    const [totals] = (
      await db.query(`SELECT (SELECT count(*)::int FROM administrative_unit) AS units, (SELECT count(*)::int FROM administrative_unit WHERE valid_to IS NULL) AS "unitsInForce",
                             (SELECT count(*)::int FROM agency) AS agencies, (SELECT count(*)::int FROM one_stop_desk) AS desks,
                             (SELECT count(*)::int FROM one_stop_desk WHERE retired_on IS NULL) AS "desksActive"`)
    ).rows;
    log(
      `generated in ${(performance.now() - genStarted).toFixed(0)} ms: ${counts.provinces} provinces, ${counts.communesInForce} communes in force, ` +
        `${counts.unitsRetired} districts and communes of before 2025 (retired), ${counts.agencies} agencies, ${counts.desks} desks (${counts.desksRetired} retired)`,
    );
    log(`database now: ${totals.units} units (${totals.unitsInForce} open-ended), ${totals.agencies} agencies, ${totals.desks} desks (${totals.desksActive} not retired)`);
    const deskIds = (await db.query(`SELECT id FROM one_stop_desk WHERE code LIKE 'BD-%' ORDER BY md5(id::text) LIMIT ${SINGLE_DESK_IDS}`)).rows.map((r: { id: string }) => r.id);
    await db.end();

    const raw = await Target.start('raw', join(__dirname, 'bench-api', 'raw-handler.js'), env, 'osp-bench-raw');
    targets.push(raw);
    log(`raw handler started, pid ${raw.child.pid}, port ${raw.port}`);

    // Signed in as the national administrator of the demo seed (again before each round: a token lives 15 minutes).
    const signIn = async (): Promise<string> => {
      const answer = await fetch(`http://127.0.0.1:${api.port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation($p: String!) { signIn(input: { username: "admin", password: $p }) { token } }', variables: { p: DEMO_PASSWORD } }),
      });
      const signedIn = (await answer.json()) as { data?: { signIn: { token: string } }; errors?: unknown };
      if (!signedIn.data) throw new Error(`sign-in failed: ${JSON.stringify(signedIn.errors)}`);
      return `Bearer ${signedIn.data.signIn.token}`;
    };
    const authorization = await signIn();

    // Every request of every shape, answered identically by both, byte for byte.
    const variants: Record<ShapeName, Array<Record<string, unknown>>> = {
      desks: [{ first: PAGE_SIZE }],
      units: [{ first: PAGE_SIZE }],
      desk: deskIds.map((id) => ({ id })),
    };
    const prefixes: Record<ShapeName, Buffer> = {
      desks: Buffer.from('{"data":{"oneStopDesks":{"totalCount":'),
      units: Buffer.from('{"data":{"administrativeUnits":{"totalCount":'),
      desk: Buffer.from('{"data":{"oneStopDesk":{"id":'),
    };
    let requests = { raw: {}, api: {} } as Record<TargetName, Record<ShapeName, PreparedRequest[]>>;
    const statementsAtRest: Partial<Record<ShapeName, number>> = {};
    for (const shape of SHAPES) {
      requests.raw[shape] = [];
      requests.api[shape] = [];
      let bytes = 0;
      for (const variables of variants[shape]) {
        const payload = { operationName: OPERATIONS[shape].operationName, query: OPERATIONS[shape].query, variables };
        const rawBytes = prepareRequest(raw.port, authorization, payload);
        const apiBytes = prepareRequest(api.port, authorization, payload);
        const [rawAnswer, apiAnswer] = [await requestOnce(raw.port, rawBytes), await requestOnce(api.port, apiBytes)];
        if (apiAnswer.status !== 200 || apiAnswer.body.compare(prefixes[shape], 0, prefixes[shape].length, 0, prefixes[shape].length) !== 0) {
          throw new Error(`API answer to ${shape} ${JSON.stringify(variables)}: status ${apiAnswer.status}, ${apiAnswer.body.toString('utf8', 0, 500)}`);
        }
        if (rawAnswer.status !== 200) throw new Error(`raw answer to ${shape}: status ${rawAnswer.status}, ${rawAnswer.body.toString('utf8', 0, 500)}`);
        if (!rawAnswer.body.equals(apiAnswer.body)) {
          throw new Error(`the raw handler and the API answer ${shape} ${JSON.stringify(variables)} differently: ${firstDifference(rawAnswer.body, apiAnswer.body)}`);
        }
        if (!apiAnswer.sqlStatements) throw new Error('the API sends no x-sql-statements header (OSP_SQL_COUNT_HEADER=1)');
        statementsAtRest[shape] ??= apiAnswer.sqlStatements;
        bytes += apiAnswer.body.length;
        const check = { expectedLength: apiAnswer.body.length, expectedPrefix: prefixes[shape] };
        requests.raw[shape].push({ bytes: rawBytes, ...check });
        requests.api[shape].push({ bytes: apiBytes, ...check });
      }
      log(
        `same answer from both: ${shape} (${variants[shape].length} request${variants[shape].length > 1 ? 's' : ''}, ${(bytes / variants[shape].length / 1024).toFixed(1)} KiB each), ` +
          `API: ${statementsAtRest[shape]} SQL statements`,
      );
    }
    /** The same requests (same expected answers) with another token. */
    const withToken = (token: string): Record<TargetName, Record<ShapeName, PreparedRequest[]>> => {
      const again = { raw: {}, api: {} } as Record<TargetName, Record<ShapeName, PreparedRequest[]>>;
      for (const target of [raw, api]) {
        for (const shape of SHAPES) {
          again[target.name][shape] = variants[shape].map((variables, i) => ({
            ...requests[target.name][shape][i],
            bytes: prepareRequest(target.port, token, { operationName: OPERATIONS[shape].operationName, query: OPERATIONS[shape].query, variables }),
          }));
        }
      }
      return again;
    };
    // The raw handler refuses a token that is not the API's, as the API does.
    const badToken = await requestOnce(raw.port, prepareRequest(raw.port, `${authorization}x`, { operationName: OPERATIONS.desk.operationName, variables: { id: deskIds[0] } }));
    if (badToken.status !== 401) throw new Error(`the raw handler accepted a bad token (status ${badToken.status})`);

    const backends = new BackendCpu(admin, dbName);
    const measure = async (target: Target, shape: ShapeName, concurrency: number, warmupMs: number, durationMs: number): Promise<Omit<Measurement, 'round'>> => {
      let cpu0 = 0;
      let cpu1 = 0;
      let db0: Map<number, number> | null = null;
      let db1: Map<number, number> | null = null;
      let client0 = process.cpuUsage();
      let client1 = client0;
      const window: Window = await runLoad({
        port: target.port,
        concurrency,
        requests: requests[target.name][shape],
        warmupMs,
        durationMs,
        onWindowStart: async () => {
          [cpu0, db0] = await Promise.all([target.cpuMs(), backends.snapshot(target.applicationName)]);
          client0 = process.cpuUsage();
        },
        onWindowEnd: async () => {
          client1 = process.cpuUsage(client0);
          [cpu1, db1] = await Promise.all([target.cpuMs(), backends.snapshot(target.applicationName)]);
        },
      });
      if (window.errors) throw new Error(`${target.name} ${shape} at ${concurrency}: ${window.errors} bad answers, the first: ${window.firstError}`);
      if (!window.requests) throw new Error(`${target.name} ${shape} at ${concurrency}: no answer in ${window.seconds} s`);
      const latencies = window.latenciesMs.sort((a, b) => a - b);
      const dbMs = BackendCpu.delta(db0, db1);
      return {
        concurrency,
        shape,
        target: target.name,
        rps: window.requests / window.seconds,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        sqlPerRequest: window.sqlStatements / window.requests,
        cpuMsPerRequest: (cpu1 - cpu0) / window.requests,
        dbMsPerRequest: dbMs === null ? null : dbMs / window.requests,
        clientMsPerRequest: (client1.user + client1.system) / 1000 / window.requests,
        requests: window.requests,
      };
    };

    log(`warming up both (${INITIAL_WARMUP_MS / 1000} s per shape each)…`);
    for (const shape of SHAPES) for (const target of [raw, api]) await measure(target, shape, 10, 0, INITIAL_WARMUP_MS);

    log('');
    log('req/s per measurement (cpu: ms of the server process per request; db: ms of its PostgreSQL backends per request; client: the load generator)');
    const header =
      `${'round'.padEnd(5)} ${'conc'.padStart(4)} ${'shape'.padEnd(5)} ${'target'.padEnd(6)} ${cell('req/s', 8)} ${cell('p50 ms', 7)} ${cell('p99 ms', 7)} ` +
      `${cell('sql/req', 7)} ${cell('cpu', 6)} ${cell('db', 6)} ${cell('client', 6)} ${cell('requests', 8)}`;
    log(header);
    const results: Measurement[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      if (round > 1) requests = withToken(await signIn());
      const order = round % 2 === 1 ? [raw, api] : [api, raw];
      for (const concurrency of CONCURRENCIES) {
        for (const shape of SHAPES) {
          for (const target of order) {
            const m = { round, ...(await measure(target, shape, concurrency, WARMUP_MS, MEASURE_MS)) };
            results.push(m);
            log(
              `${String(round).padEnd(5)} ${cell(concurrency, 4)} ${shape.padEnd(5)} ${m.target.padEnd(6)} ${cell(m.rps.toFixed(1), 8)} ${cell(m.p50.toFixed(1), 7)} ${cell(m.p99.toFixed(1), 7)} ` +
                `${cell(m.target === 'api' ? m.sqlPerRequest.toFixed(2) : '1', 7)} ${cell(fixed(m.cpuMsPerRequest, 2), 6)} ${cell(fixed(m.dbMsPerRequest, 2), 6)} ${cell(fixed(m.clientMsPerRequest, 2), 6)} ${cell(m.requests, 8)}`,
            );
          }
        }
      }
    }

    const pick = (shape: ShapeName, target: TargetName, concurrency?: number) =>
      results.filter((m) => m.shape === shape && m.target === target && (concurrency === undefined || m.concurrency === concurrency));
    const pairedRatios = (shape: ShapeName, concurrency?: number) =>
      pick(shape, 'api', concurrency).map((a) => a.rps / (pick(shape, 'raw', a.concurrency).find((r) => r.round === a.round) as Measurement).rps);

    log('');
    log(`medians over ${ROUNDS} round${ROUNDS > 1 ? 's' : ''}`);
    log(
      `${'shape'.padEnd(5)} ${'conc'.padStart(4)} ${cell('raw req/s', 9)} ${cell('api req/s', 9)} ${cell('ratio', 6)} ${cell('raw p50', 7)} ${cell('api p50', 7)} ` +
        `${cell('api sql', 7)} ${cell('raw cpu', 7)} ${cell('api cpu', 7)} ${cell('raw db', 6)} ${cell('api db', 6)}  ratio per round`,
    );
    for (const shape of SHAPES) {
      for (const concurrency of CONCURRENCIES) {
        const r = pick(shape, 'raw', concurrency);
        const a = pick(shape, 'api', concurrency);
        const med = (ms: Measurement[], f: (m: Measurement) => number | null) => {
          const values = ms.map(f).filter((v): v is number => v !== null);
          return values.length ? median(values) : null;
        };
        log(
          `${shape.padEnd(5)} ${cell(concurrency, 4)} ${cell(fixed(med(r, (m) => m.rps), 1), 9)} ${cell(fixed(med(a, (m) => m.rps), 1), 9)} ${cell(fixed(median(pairedRatios(shape, concurrency)), 2), 6)} ` +
            `${cell(fixed(med(r, (m) => m.p50), 1), 7)} ${cell(fixed(med(a, (m) => m.p50), 1), 7)} ${cell(fixed(med(a, (m) => m.sqlPerRequest), 2), 7)} ` +
            `${cell(fixed(med(r, (m) => m.cpuMsPerRequest), 2), 7)} ${cell(fixed(med(a, (m) => m.cpuMsPerRequest), 2), 7)} ` +
            `${cell(fixed(med(r, (m) => m.dbMsPerRequest), 2), 6)} ${cell(fixed(med(a, (m) => m.dbMsPerRequest), 2), 6)}  ${pairedRatios(shape, concurrency).map((x) => x.toFixed(2)).join(' ')}`,
        );
      }
    }
    log('ratio: the median over rounds of API req/s ÷ raw req/s measured back to back; cpu and db in ms per request');
    for (const shape of SHAPES) log(`  ${shape}: ${SHAPE_LABELS[shape]}`);
    log(`load average after the rounds: ${load()}`);

    if (PROFILE) {
      const dir = mkdtempSync(join(tmpdir(), 'osp-bench-profile-'));
      const all: SelfTime = emptySelfTime();
      log('');
      log(`CPU profile of the API (V8 sampling profiler, 0.5 ms; ${MEASURE_MS / 1000} s per shape at concurrency 10), self time; files in ${dir}`);
      for (const shape of SHAPES) {
        const path = join(dir, `api-${shape}.cpuprofile`);
        await api.ask('profile-start', { intervalUs: 500 });
        const profiled = await measure(api, shape, 10, 0, MEASURE_MS);
        await api.ask('profile-stop', { path });
        const one = addProfile(path);
        addProfile(path, all);
        log('');
        log(`${shape} (${profiled.rps.toFixed(1)} req/s while profiled): busy ${one.busyMs.toFixed(0)} ms, idle ${one.idleMs.toFixed(0)} ms; top packages`);
        for (const line of topLines(one.byPackage, one.busyMs, 10)) log(line);
        log(`${shape}: top functions`);
        for (const line of topLines(one.byFunction, one.busyMs, 10)) log(line);
      }
      log('');
      log(`all three shapes: top 25 packages by self time (% of ${all.busyMs.toFixed(0)} ms busy; cumulative)`);
      for (const line of topLines(all.byPackage, all.busyMs, 25)) log(line);
      log('');
      log('all three shapes: top 25 functions by self time');
      for (const line of topLines(all.byFunction, all.busyMs, 25)) log(line);
    }

    await cleanup();
    log('');
    log(`done in ${elapsed()}; database ${dbName} dropped`);
    const ratio = (shape: ShapeName) => median(pairedRatios(shape)).toFixed(2);
    const statements = (shape: ShapeName) => {
      const mean = pick(shape, 'api').reduce((s, m) => s + m.sqlPerRequest * m.requests, 0) / pick(shape, 'api').reduce((s, m) => s + m.requests, 0);
      return Number.isInteger(Math.round(mean * 100) / 100) ? String(Math.round(mean)) : mean.toFixed(2);
    };
    const cpu = (shape: ShapeName) => median(pick(shape, 'api').map((m) => m.cpuMsPerRequest)).toFixed(2);
    log(
      `api: desks_ratio=${ratio('desks')} units_ratio=${ratio('units')} desk_ratio=${ratio('desk')} ` +
        `statements=${SHAPES.map(statements).join('/')} cpu_ms=${SHAPES.map(cpu).join('/')}`,
    );
  } catch (error) {
    await cleanup();
    throw error;
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
