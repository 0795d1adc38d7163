/**
 * `npm run bench:reports` (issue 13, "Speed at scale"): the reports' dashboards through the API, over the
 * daily rollups, next to the naive GROUP BY over the raw dossiers and events, on 10,000,000 dossiers of
 * the 34 provinces, in one run.
 *
 *   1. creates `osp_bench_reports` (BENCH_REPORTS_DATABASE) on the PostgreSQL of BENCH_ADMIN_URL (default
 *      postgres://postgres@127.0.0.1:5432/postgres) and starts the built API on it in a child process
 *      (migrations, demo seed without the demo dossiers: Hà Tĩnh, Đồng Nai, Lâm Đồng, Thái Nguyên and the
 *      provinces merged into them);
 *   2. adds bench:api's generated country (./bench-api/data.ts: 30 provinces with their communes, agencies
 *      and 20,000 desks), so that 34 provinces are in force, and generates BENCH_REPORTS_DOSSIERS (default
 *      10,000,000) dossiers over every province's active desks and the last 365 days with bench:dossiers'
 *      generator (./bench-dossiers/generate.ts, `everyProvince`, chunks of BENCH_REPORTS_CHUNK days' worth
 *      of rows, default 500,000, with a progress line each);
 *   3. fills `dossier_daily_rollup` as the product does, with ROLLUP_DELTA_SQL (dossier-rollup.service.ts,
 *      the statement of the migration's backfill and the demo seed) over the generated events, in
 *      BENCH_REPORTS_ROLLUP_CHUNKS chunks (default 5) of whole provinces;
 *   4. signs in as the national administrator (admin) and Hà Tĩnh's steering committee (hatinh.bcd), sets
 *      four targets of this year through the API (setReportTarget), and measures, one request at a time
 *      over HTTP with the admin's own documents (apps/admin/src/features/reports/reports.graphql:
 *      DossierVolumes, the report and its chart's periods in one request, and TargetProgress), 3 warm-up
 *      requests then BENCH_REPORTS_RUNS (default 20): the country by province by month this year; the
 *      largest province by commune by month; Hà Tĩnh's committee's own report; a commune's desks (the
 *      drill-down); the largest province's desks by quarter; the country on the 2019 map (as of 30/6/2019)
 *      over the last 365 days; targetProgress of the largest province and its communes;
 *   5. for each, the naive equivalent: NAIVE_ROLLUP_SQL (modules/reports/rollup-naive.ts, the GROUP BY over
 *      `dossier` and `dossier_event` the tests check the rollups against) over the same days, its places
 *      mapped as the report maps them (osp_unit_as_of on the report's day, under the unit's path) and
 *      grouped by the same key and period, run BENCH_REPORTS_NAIVE_RUNS times (default 3, no warm-up);
 *      the API's numbers must equal it (the chart's periods: the naive rows summed; targets: received and
 *      counted), or the bench fails;
 *   6. prints the table, stops the API, and measures imports with measureImportRate
 *      (./bench-reports/import-rate.ts: BENCH_REPORTS_IMPORT_ROWS rows, default 1,000,000, through the
 *      product's import, and `psql \copy` of the same file into a bare table);
 *   7. drops the database (BENCH_KEEP=1 keeps it; BENCH_DATABASE=<kept one> measures it again without
 *      generating) and prints last
 *      `reports: rows=… dashboard_p95_ms=… naive_p95_ms=… speedup=… import_rows_per_s=… copy_rows_per_s=…`.
 *
 * dashboard_p95_ms and naive_p95_ms are the p95 over all requests (all naive runs) of every query pooled;
 * speedup = naive_p95_ms ÷ dashboard_p95_ms.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Kind, parse, print, visit, type DefinitionNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { Client } from 'pg';
import { ROLLUP_DELTA_SQL } from '../modules/reports/dossier-rollup.service';
import { calendarPeriod } from '../modules/reports/report.service';
import { ReportGranularity } from '../modules/reports/report.inputs';
import { NAIVE_ROLLUP_SQL } from '../modules/reports/rollup-naive';
import { addDays, todayInVietnam } from '../platform/graphql/scalars';
import { DEMO_PASSWORD } from '../seed/demo-users';
import { DEFAULT_DATA, generateData } from './bench-api/data';
import { percentile, startApi, stopApi } from './bench-dossiers/api';
import { generateDossiers } from './bench-dossiers/generate';
import { measureImportRate } from './bench-reports/import-rate';

const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ROWS = Number(process.env.BENCH_REPORTS_DOSSIERS ?? 10_000_000);
const CHUNK = Number(process.env.BENCH_REPORTS_CHUNK ?? 500_000);
const RUNS = Number(process.env.BENCH_REPORTS_RUNS ?? 20);
const NAIVE_RUNS = Number(process.env.BENCH_REPORTS_NAIVE_RUNS ?? 3);
const IMPORT_ROWS = Number(process.env.BENCH_REPORTS_IMPORT_ROWS ?? 1_000_000);
const WARMUP = 3;
/** The API's default statement_timeout (platform/config.ts, OSP_STATEMENT_TIMEOUT_MS): requests slower than it are counted apart. */
const PRODUCT_TIMEOUT_MS = 10_000;
const DOCUMENTS = resolve(join(__dirname, '../../../admin/src/features/reports/reports.graphql'));

const log = (line = '') => console.log(line);
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(0)} s`;

/** The report's dossier counters and the naive GROUP BY's columns. */
const COUNTERS = {
  received: 'received',
  receivedViaBcci: 'received_via_bcci',
  resultsReturnedViaBcci: 'results_returned_via_bcci',
  online: 'online',
  atDesk: 'at_desk',
  digitised: 'digitised',
  resultsReturned: 'results_returned',
  resolvedOnTime: 'resolved_on_time',
  resolvedLate: 'resolved_late',
} as const;
type Counter = keyof typeof COUNTERS;
const ALL = Object.keys(COUNTERS) as Counter[];
/** What the chart's periods (the `periods` alias of DossierVolumes) read. */
const CHART: Counter[] = ['receivedViaBcci', 'resultsReturnedViaBcci', 'online', 'atDesk'];

type Breakdown = 'NONE' | 'CHILD_UNIT' | 'DESK' | 'POST_OFFICE';
interface VolumeFilter {
  unit?: string;
  asOf?: string;
  from: string;
  to: string;
  granularity: 'DAY' | 'MONTH' | 'QUARTER' | 'YEAR';
  breakdown: Breakdown;
}
type NaiveRow = { key: string; bucket: string } & Record<string, number | string>;

/** One operation of the admin's reports.graphql with the fragments it spreads, printed. */
function operation(source: string, name: string): string {
  const doc = parse(source);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name);
  if (!op) throw new Error(`${DOCUMENTS} has no operation ${name}`);
  const fragments = new Map(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const used = new Map<string, FragmentDefinitionNode>();
  const collect = (node: DefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (fragment && !used.has(fragment.name.value)) {
          used.set(fragment.name.value, fragment);
          collect(fragment);
        }
      },
    });
  collect(op);
  return print({ kind: Kind.DOCUMENT, definitions: [op, ...used.values()] });
}

/**
 * The naive answer of a volume report's dossier part: NAIVE_ROLLUP_SQL over the report's days, each group's
 * place (its desk's unit, else its post office's, its agency's, its province) mapped to the unit in force on
 * `asOf` it rolls up to (osp_unit_as_of, under the reported unit's path), keyed by the breakdown and the
 * period's first day. Params: from, to, asOf, path, date_trunc unit, level.
 */
function naiveSql(breakdown: Breakdown): string {
  const key: Record<Breakdown, string> = {
    NONE: `'unit'`,
    CHILD_UNIT: 'm.unit_key',
    DESK: `coalesce(n.desk_id, 'none')`,
    POST_OFFICE: `coalesce(n.post_office_id, 'none')`,
  };
  return `
    WITH mapped AS (
      SELECT a.id AS place,
             CASE WHEN nlevel(u.path) > $6::int
                  THEN (SELECT cu.id::text FROM administrative_unit cu
                         WHERE cu.path = subpath(u.path, 0, $6::int + 1) AND cu.valid_from <= $3::date AND (cu.valid_to IS NULL OR cu.valid_to >= $3::date))
                  ELSE 'itself' END AS unit_key
        FROM administrative_unit a JOIN administrative_unit u ON u.id = osp_unit_as_of(a.id, $3::date)
       WHERE u.valid_from <= $3::date AND ($4::ltree IS NULL OR u.path <@ $4::ltree)
    )
    SELECT ${key[breakdown]} AS key, to_char(date_trunc($5::text, n.day::date), 'YYYY-MM-DD') AS bucket,
           ${ALL.map((c) => `sum(n.${COUNTERS[c]})::int AS "${c}"`).join(', ')}
      FROM (${NAIVE_ROLLUP_SQL}) n
      LEFT JOIN one_stop_desk kd ON kd.id = n.desk_id::uuid
      LEFT JOIN post_office po ON po.id = n.post_office_id::uuid
      LEFT JOIN agency ag ON ag.id = n.agency_id::uuid
      JOIN mapped m ON m.place = coalesce(kd.administrative_unit_id, po.administrative_unit_id, ag.administrative_unit_id, n.province_id::uuid)
     WHERE n.day BETWEEN $1::text AND $2::text
     GROUP BY 1, 2`;
}

const TRUNC = { DAY: 'day', MONTH: 'month', QUARTER: 'quarter', YEAR: 'year' } as const;
const line = (key: string, bucket: string, r: Record<string, unknown>, counters: Counter[]) => `${key} ${bucket} ${counters.map((c) => `${c}=${Number(r[c])}`).join(' ')}`;
const nonZero = (r: Record<string, unknown>, counters: Counter[]) => counters.some((c) => Number(r[c]) !== 0);

function sameOrFail(name: string, api: string[], naive: string[]): void {
  const a = [...api].sort();
  const b = [...naive].sort();
  if (a.length === b.length && a.every((x, i) => x === b[i])) return;
  const onlyApi = a.filter((x) => !b.includes(x)).slice(0, 5);
  const onlyNaive = b.filter((x) => !a.includes(x)).slice(0, 5);
  throw new Error(`${name}: the API's numbers differ from the naive GROUP BY (${a.length} rows against ${b.length})\n  API only:   ${onlyApi.join('\n              ')}\n  naive only: ${onlyNaive.join('\n              ')}`);
}

async function main(): Promise<void> {
  const admin = new Client({ connectionString: ADMIN_URL, application_name: 'osp-bench-reports' });
  admin.on('error', (e) => console.error(`admin connection: ${e.message}`));
  await admin.connect();
  const reuse = process.env.BENCH_DATABASE?.trim() || null;
  const dbName = reuse ?? process.env.BENCH_REPORTS_DATABASE?.trim() ?? 'osp_bench_reports';
  if (!/^[a-z_][a-z0-9_]*$/.test(dbName)) throw new Error(`not a plain database name: ${dbName}`);
  const benchUrl = new URL(ADMIN_URL);
  benchUrl.pathname = `/${dbName}`;
  let api: { child: ChildProcess; port: number } | null = null;
  let created = false;
  const cleanup = async () => {
    if (api) await stopApi(api.child).catch(() => undefined);
    api = null;
    if (process.env.BENCH_KEEP === '1' || reuse) log(`database kept: ${benchUrl.toString()}`);
    else if (created) await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch((e: unknown) => console.error(`could not drop ${dbName}: ${String(e)}`));
    await admin.end().catch(() => undefined);
  };
  process.once('SIGINT', () => {
    console.error('interrupted: stopping the API and dropping the database');
    void cleanup().finally(() => process.exit(130));
  });

  try {
    const started = performance.now();
    const pg = (await admin.query('SHOW server_version')).rows[0].server_version as string;
    log(`bench:reports — node ${process.version}, PostgreSQL ${pg}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${load()}`);
    log(`${reuse ? `database ${reuse} again` : `dossiers ${ROWS.toLocaleString('en')}`}, ${RUNS} API requests per query after ${WARMUP} of warm-up, ${NAIVE_RUNS} naive runs per query`);
    if (!reuse) {
      const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName])).rowCount;
      if (exists) throw new Error(`database ${dbName} exists (a kept run?): drop it, or measure it again with BENCH_DATABASE=${dbName}`);
      await admin.query(`CREATE DATABASE ${dbName}`);
      created = true;
    }
    api = await startApi({
      ...process.env,
      DATABASE_URL: benchUrl.toString(),
      NODE_ENV: 'production',
      LOG_LEVEL: 'error', // not the slow-query warnings: the table says how slow
      // No statement timeout (the product's default: 10 s) and an hour for a request (default: 15 s) unless asked:
      // a slow dashboard is measured, and the table counts the requests that took longer than PRODUCT_TIMEOUT_MS.
      OSP_STATEMENT_TIMEOUT_MS: process.env.OSP_STATEMENT_TIMEOUT_MS ?? '0',
      OSP_REQUEST_TIMEOUT_MS: process.env.OSP_REQUEST_TIMEOUT_MS ?? '3600000',
      OSP_SEED: 'demo',
      OSP_DEMO_DOSSIERS: '0',
      PORT: '0',
      HOST: '127.0.0.1',
      BENCH_API_ROOT: resolve(join(__dirname, '../../../..')),
    });
    log(`database ${dbName}; API started (migrations, demo seed) in ${seconds(started)} on port ${api.port}`);

    const db = new Client({ connectionString: benchUrl.toString(), application_name: 'osp-bench-reports-setup' });
    db.on('error', (e) => console.error(`setup connection: ${e.message}`));
    await db.connect();
    let rows: number;
    if (reuse) {
      rows = (await db.query('SELECT count(*)::int AS n FROM dossier')).rows[0].n;
      log(`reusing ${dbName}: ${rows.toLocaleString('en')} dossiers`);
    } else {
      let t0 = performance.now();
      const country = await generateData(db, DEFAULT_DATA);
      log(`generated country in ${seconds(t0)}: ${country.provinces} provinces, ${country.communesInForce} communes in force, ${country.agencies} agencies, ${country.desks} desks`);
      t0 = performance.now();
      log(`generating ${ROWS.toLocaleString('en')} dossiers over every province:`);
      const generated = await generateDossiers(db, ROWS, log, { everyProvince: true, chunkRows: CHUNK });
      rows = generated.rows;
      const genSeconds = (performance.now() - t0) / 1000;
      log(`generated ${rows.toLocaleString('en')} dossiers over ${generated.desks.toLocaleString('en')} desks in ${genSeconds.toFixed(0)} s (${Math.round(rows / genSeconds).toLocaleString('en')} a second with indexes and VACUUM; load average ${load()})`);

      // The rollups, as the migration's backfill and the demo seed fill them: ROLLUP_DELTA_SQL over the generated
      // events, in BENCH_REPORTS_ROLLUP_CHUNKS chunks (default 5) of whole provinces (each chunk reads the event
      // table once: chunks of one province each would read it 34 times).
      t0 = performance.now();
      await db.query(`SET work_mem = '64MB'`);
      const provinces: Array<{ id: string; n: number }> = (await db.query(`SELECT province_id AS id, count(*)::int AS n FROM dossier GROUP BY 1 ORDER BY 1`)).rows;
      const per = Math.ceil(rows / Math.max(1, Number(process.env.BENCH_REPORTS_ROLLUP_CHUNKS ?? 5)));
      const groups: Array<{ ids: string[]; n: number }> = [];
      for (const p of provinces) {
        const last = groups[groups.length - 1];
        if (last && last.n < per) {
          last.ids.push(p.id);
          last.n += p.n;
        } else groups.push({ ids: [p.id], n: p.n });
      }
      let done = 0;
      for (const [i, g] of groups.entries()) {
        await db.query(ROLLUP_DELTA_SQL('d.province_id = ANY($1::uuid[])'), [g.ids]);
        done += g.n;
        log(`  rollups: chunk ${i + 1}/${groups.length} (${g.ids.length} provinces), ${done.toLocaleString('en')} of ${rows.toLocaleString('en')} dossiers (${seconds(t0)})`);
      }
      // The daily rollup and the two the triggers fill from it (monthly, place: migration 1765600000000).
      await db.query('VACUUM (ANALYZE) dossier_daily_rollup, dossier_monthly_rollup, dossier_place_rollup');
      const [{ n }] = (await db.query('SELECT count(*)::int AS n FROM dossier_daily_rollup')).rows;
      const [{ monthly, places }] = (await db.query('SELECT (SELECT count(*)::int FROM dossier_monthly_rollup) AS monthly, (SELECT count(*)::int FROM dossier_place_rollup) AS places')).rows;
      log(`rollups filled in ${seconds(t0)}: ${n.toLocaleString('en')} daily rows, ${monthly.toLocaleString('en')} monthly, ${places.toLocaleString('en')} by place (load average ${load()})`);
    }
    const [{ inForce }] = (await db.query(`SELECT count(*)::int AS "inForce" FROM administrative_unit WHERE level = 'PROVINCE' AND valid_to IS NULL`)).rows;
    // The largest province (by dossiers received) and its busiest commune: the drill-downs' units.
    const [big] = (
      await db.query(
        `SELECT u.id, u.code, u.name, u.path::text AS path, sum(r.received)::int AS received
           FROM dossier_daily_rollup r JOIN administrative_unit u ON u.id = r.province_id
          WHERE u.valid_to IS NULL
            -- with a desk in a commune in force (a kept database's imported dossiers may make a demo province the largest)
            AND EXISTS (SELECT 1 FROM one_stop_desk k JOIN administrative_unit c ON c.id = k.administrative_unit_id WHERE k.province_id = u.id AND c.level = 'COMMUNE' AND c.valid_to IS NULL)
          GROUP BY u.id ORDER BY 5 DESC LIMIT 1`,
      )
    ).rows;
    const [commune] = (
      await db.query(
        `SELECT u.id, u.code, u.name FROM dossier_daily_rollup r JOIN one_stop_desk k ON k.id = r.desk_id JOIN administrative_unit u ON u.id = k.administrative_unit_id
          WHERE r.province_id = $1 AND u.level = 'COMMUNE' AND u.valid_to IS NULL GROUP BY u.id ORDER BY sum(r.received) DESC LIMIT 1`,
        [big.id],
      )
    ).rows;
    log(`${inForce} provinces in force; the largest: ${big.name} (${big.code}, ${big.received.toLocaleString('en')} received); its busiest commune: ${commune.name} (${commune.code})`);

    const base = `http://127.0.0.1:${api.port}/graphql`;
    const signIn = async (username: string) => {
      const answer = await fetch(base, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'mutation($u: String!, $p: String!) { signIn(input: { username: $u, password: $p }) { token } }', variables: { u: username, p: DEMO_PASSWORD } }) });
      const body = (await answer.json()) as { data?: { signIn: { token: string } }; errors?: unknown };
      if (!body.data) throw new Error(`sign-in of ${username} failed: ${JSON.stringify(body.errors)}`);
      return `Bearer ${body.data.signIn.token}`;
    };
    const tokens = { admin: await signIn('admin'), committee: await signIn('hatinh.bcd') };
    type Who = keyof typeof tokens;
    // A token lives 15 minutes: signed in again (outside the timing) when it is 10 minutes old.
    const signedAt = { admin: performance.now(), committee: performance.now() };
    const gql = async (who: Who, query: string, variables: Record<string, unknown>): Promise<{ ms: number; data: any; errors?: Array<{ extensions?: { code?: string } }> }> => {
      if (performance.now() - signedAt[who] > 600_000) {
        tokens[who] = await signIn(who === 'admin' ? 'admin' : 'hatinh.bcd');
        signedAt[who] = performance.now();
      }
      const t0 = performance.now();
      const answer = await fetch(base, { method: 'POST', headers: { 'content-type': 'application/json', authorization: tokens[who] }, body: JSON.stringify({ query, variables }) });
      const body = (await answer.json()) as { data?: any; errors?: Array<{ extensions?: { code?: string } }> };
      return { ms: performance.now() - t0, data: body.data, errors: body.errors };
    };
    const source = readFileSync(DOCUMENTS, 'utf8');
    const VOLUMES = operation(source, 'DossierVolumes');
    const PROGRESS = operation(source, 'TargetProgress');
    const SET_TARGET = operation(source, 'SetReportTarget');

    const today = todayInVietnam();
    const year = today.slice(0, 4);
    const thisYear = { from: `${year}-01-01`, to: today };
    const lastYear = { from: addDays(today, -364), to: today };

    // Targets of this year for the largest province and two of its communes (a rerun on a kept database finds them: CONFLICT).
    const [second] = (await db.query(`SELECT code FROM administrative_unit WHERE parent_id = $1 AND valid_to IS NULL AND code <> $2 ORDER BY code LIMIT 1`, [big.id, commune.code])).rows;
    const targets = [
      { administrativeUnitCode: big.code, metric: 'ONLINE_SHARE', targetPercent: 30 },
      { administrativeUnitCode: big.code, metric: 'BCCI_SHARE', targetPercent: 50 },
      { administrativeUnitCode: commune.code, metric: 'ONLINE_SHARE', targetPercent: 30 },
      { administrativeUnitCode: second.code, metric: 'BCCI_SHARE', targetPercent: 25 },
    ];
    for (const target of targets) {
      const set = await gql('admin', SET_TARGET, { input: { ...target, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, basis: 'bench:reports' } });
      if (set.errors && set.errors[0]?.extensions?.code !== 'CONFLICT') throw new Error(`setReportTarget ${JSON.stringify(target)}: ${JSON.stringify(set.errors)}`);
    }
    log(`${targets.length} targets of ${year} set through setReportTarget (${big.name} and two of its communes)`);

    interface Case {
      name: string;
      who: Who;
      filter?: VolumeFilter;
      progress?: boolean;
    }
    const cases: Case[] = [
      { name: 'country by province, months of this year', who: 'admin', filter: { ...thisYear, granularity: 'MONTH', breakdown: 'CHILD_UNIT' } },
      { name: `${big.name} by commune, months`, who: 'admin', filter: { unit: big.code, ...thisYear, granularity: 'MONTH', breakdown: 'CHILD_UNIT' } },
      { name: 'Hà Tĩnh committee: its province by unit', who: 'committee', filter: { ...thisYear, granularity: 'MONTH', breakdown: 'CHILD_UNIT' } },
      { name: `drill-down: ${commune.name}'s desks, months`, who: 'admin', filter: { unit: commune.id, ...thisYear, granularity: 'MONTH', breakdown: 'DESK' } },
      { name: `${big.name} by desk, quarters`, who: 'admin', filter: { unit: big.code, ...thisYear, granularity: 'QUARTER', breakdown: 'DESK' } },
      { name: 'country on the 2019 map, last 365 days', who: 'admin', filter: { asOf: '2019-06-30', ...lastYear, granularity: 'QUARTER', breakdown: 'CHILD_UNIT' } },
      { name: `targetProgress: ${big.name} and communes`, who: 'admin', progress: true },
    ];

    /** The naive rows of a volume report; timed. */
    const naive = async (unitId: string | null, filter: VolumeFilter, asOf: string): Promise<{ ms: number; rows: NaiveRow[] }> => {
      const path = unitId ? ((await db.query('SELECT path::text AS path FROM administrative_unit WHERE id = $1', [unitId])).rows[0].path as string) : null;
      const level = path ? path.split('.').length : 0;
      const t0 = performance.now();
      const result = await db.query(naiveSql(filter.breakdown), [filter.from, filter.to, asOf, path, TRUNC[filter.granularity], level]);
      return { ms: performance.now() - t0, rows: result.rows };
    };

    const results: Array<{ name: string; api: number[]; naive: number[]; rows: number }> = [];
    for (const c of cases) {
      const t0 = performance.now();

      const api: number[] = [];
      let last: any = null;
      const request = () =>
        c.progress
          ? gql(c.who, PROGRESS, { filter: { unitId: big.id, includeSubunits: true } })
          : gql(c.who, VOLUMES, { filter: c.filter, periods: { ...c.filter, breakdown: 'NONE' } });
      for (let i = 0; i < WARMUP + RUNS; i++) {
        const answer = await request();
        if (answer.errors || !answer.data) throw new Error(`${c.name}: ${JSON.stringify(answer.errors)}`);
        if (i >= WARMUP) api.push(answer.ms);
        last = answer.data;
      }

      const naiveMs: number[] = [];
      let shown = 0;
      if (c.filter) {
        const report = last.dossierVolumes;
        const counted = report.rows.filter((r: any) => r.sources.includes('AGGREGATE_FIGURES'));
        if (counted.length) throw new Error(`${c.name}: ${counted.length} rows draw on aggregate figures, which the naive GROUP BY over dossiers does not cover`);
        let rowsNaive: NaiveRow[] = [];
        for (let i = 0; i < NAIVE_RUNS; i++) {
          const n = await naive(report.unitId, c.filter, report.asOf);
          naiveMs.push(n.ms);
          rowsNaive = n.rows;
        }
        const keyOf = (r: any) => ({ CHILD_UNIT: r.id, DESK: r.id, POST_OFFICE: r.id, UNIT_ITSELF: 'itself', UNATTRIBUTED: 'none', UNIT: 'unit' })[r.kind as string] as string;
        const bucketOf = (start: string) => calendarPeriod(start, c.filter!.granularity as ReportGranularity).start;
        sameOrFail(
          c.name,
          report.rows.filter((r: any) => nonZero(r, ALL)).map((r: any) => line(keyOf(r), bucketOf(r.period.start), r, ALL)),
          rowsNaive.filter((r) => nonZero(r, ALL)).map((r) => line(r.key, r.bucket, r, ALL)),
        );
        // The chart's periods: the naive rows summed per period.
        const perPeriod = new Map<string, Record<string, number>>();
        for (const r of rowsNaive) {
          const sum = perPeriod.get(r.bucket) ?? Object.fromEntries(CHART.map((k) => [k, 0]));
          for (const k of CHART) sum[k] += Number(r[k]);
          perPeriod.set(r.bucket, sum);
        }
        sameOrFail(
          `${c.name} (the chart's periods)`,
          last.periods.rows.filter((r: any) => nonZero(r, CHART)).map((r: any) => line('unit', bucketOf(r.period.start), r, CHART)),
          [...perPeriod].filter(([, r]) => nonZero(r, CHART)).map(([bucket, r]) => line('unit', bucket, r, CHART)),
        );
        shown = report.rows.length;
      } else {
        // targetProgress: every target measured is this year's, for the province or one of its communes: one naive GROUP BY by commune gives them all.
        const progress: any[] = last.targetProgress;
        let rowsNaive: NaiveRow[] = [];
        const filter: VolumeFilter = { ...thisYear, granularity: 'YEAR', breakdown: 'CHILD_UNIT' };
        for (let i = 0; i < NAIVE_RUNS; i++) {
          const n = await naive(big.id, filter, today);
          naiveMs.push(n.ms);
          rowsNaive = n.rows;
        }
        const sum = (rs: NaiveRow[], k: Counter) => rs.reduce((s, r) => s + Number(r[k]), 0);
        const measured = progress.filter((p) => p.measuredFrom);
        if (measured.length < targets.length) throw new Error(`${c.name}: ${measured.length} targets measured, ${targets.length} set`);
        const api = measured.map((p) => `${p.unitId} ${p.target.metric} ${p.measuredFrom}–${p.measuredTo} received=${p.received} counted=${p.counted}`);
        const expected = measured.map((p) => {
          const rs = p.unitId === big.id ? rowsNaive : rowsNaive.filter((r) => r.key === p.unitId);
          return `${p.unitId} ${p.target.metric} ${thisYear.from}–${thisYear.to} received=${sum(rs, 'received')} counted=${sum(rs, p.target.metric === 'ONLINE_SHARE' ? 'online' : 'receivedViaBcci')}`;
        });
        sameOrFail(c.name, api, expected);
        shown = progress.length;
      }
      results.push({ name: c.name, api, naive: naiveMs, rows: shown });
      log(`  measured: ${c.name} (${seconds(t0)}, load average ${load()})`);
    }
    await db.end();

    log();
    log(`${'query'.padEnd(52)} ${'rows'.padStart(5)} ${'api p50'.padStart(9)} ${'api p95'.padStart(9)} ${'naive p50'.padStart(10)} ${'naive p95'.padStart(10)} ${'>10 s'.padStart(6)}  (ms; the API's numbers equal the naive ones; >10 s: API requests over the default statement timeout)`);
    for (const r of results) {
      log(
        `${r.name.padEnd(52)} ${String(r.rows).padStart(5)} ${percentile(r.api, 50).toFixed(1).padStart(9)} ${percentile(r.api, 95).toFixed(1).padStart(9)} ` +
          `${percentile(r.naive, 50).toFixed(0).padStart(10)} ${percentile(r.naive, 95).toFixed(0).padStart(10)} ${String(r.api.filter((ms) => ms > PRODUCT_TIMEOUT_MS).length).padStart(6)}`,
      );
    }
    const dashboardP95 = percentile(results.flatMap((r) => r.api), 95);
    const naiveP95 = percentile(results.flatMap((r) => r.naive), 95);
    log(`p95 over all ${results.reduce((s, r) => s + r.api.length, 0)} dashboard requests: ${dashboardP95.toFixed(1)} ms; over all ${results.reduce((s, r) => s + r.naive.length, 0)} naive runs: ${naiveP95.toFixed(0)} ms; load average ${load()}`);

    // Imports: the product's import (ImportService.upload, then ImportRunner.run: the path of POST /imports and its
    // job) against psql's \copy of the same file (./bench-reports/import-rate.ts), with the API stopped.
    await stopApi(api.child);
    api = null;
    const workDir = mkdtempSync(join(tmpdir(), 'osp-bench-reports-'));
    let rates: { importRowsPerS: number; copyRowsPerS: number };
    try {
      log(`import: ${IMPORT_ROWS.toLocaleString('en')} dossier rows through the product's import, and psql \\copy of the same file (load average ${load()})`);
      const t0 = performance.now();
      rates = await measureImportRate({ databaseUrl: benchUrl.toString(), rows: IMPORT_ROWS, workDir });
      log(`import measured in ${seconds(t0)}: ${Math.round(rates.importRowsPerS).toLocaleString('en')} rows/s through the import, ${Math.round(rates.copyRowsPerS).toLocaleString('en')} rows/s by \\copy (load average ${load()})`);
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }

    log(`done in ${seconds(started)}; load average ${load()}`);
    await cleanup();
    log(
      `reports: rows=${rows} dashboard_p95_ms=${dashboardP95.toFixed(1)} naive_p95_ms=${naiveP95.toFixed(0)} speedup=${(naiveP95 / dashboardP95).toFixed(1)} ` +
        `import_rows_per_s=${Math.round(rates.importRowsPerS)} copy_rows_per_s=${Math.round(rates.copyRowsPerS)}`,
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
