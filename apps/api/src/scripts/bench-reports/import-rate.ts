import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { migrations } from '../../migrations';
import { entities } from '../../modules/entities';
import { DOSSIER_COLUMNS } from '../../modules/reports/imports/import-format';
import { ImportRunner } from '../../modules/reports/imports/import-runner';
import { ImportService } from '../../modules/reports/imports/import.service';
import { loadConfig, RuntimeConfig } from '../../platform/config';
import { Container } from '../../platform/container';
import { createDataSource } from '../../platform/database/data-source';
import { Notifications } from '../../platform/database/notifications';
import { SYSTEM } from '../../platform/graphql/context';
import { createLogger } from '../../platform/logger';
import { PublicUrl } from '../../platform/public-url';
import { seedDemoData } from '../../seed/demo-seed';

const run = promisify(execFile);

/**
 * The import rate of `npm run bench:reports` (issue 13: "compares the import rate of 1,000,000 rows with
 * `psql \copy` of the same file into a bare table").
 *
 * How to call it (from the benchmark, after the dashboards are measured: the imported dossiers stay and
 * every report counts them):
 *
 *   import { measureImportRate } from './bench-reports/import-rate';
 *   const { importRowsPerS, copyRowsPerS } = await measureImportRate({ databaseUrl, rows: 1_000_000, workDir: '/tmp/bench-reports' });
 *
 * What it needs: `databaseUrl` a real PostgreSQL database (not the embedded one: COPY and psql), migrated,
 * holding the organisation and the procedure catalogue (the demo seed's or the benchmark's own): at least
 * one province with a one-stop desk and a procedure (it takes the province with the most desks); `psql`
 * on the PATH; `workDir` writable (it writes `import-<n>.csv` there, about 190 bytes a row, and leaves it).
 *
 * What it does:
 * 1. Writes a CSV of `rows` dossier rows in the import layout (import-format.ts: Mã hồ sơ, Mã thủ tục,
 *    Mã đơn vị tiếp nhận, Kênh, Ngày tiếp nhận, Hạn trả, Ngày có kết quả, Ngày trả kết quả, Hình thức trả
 *    kết quả, Người nộp, Số điện thoại, Địa chỉ) with that province's desks and procedures, all four
 *    channels, dates over the past year, about two thirds with results (a third of those returned by
 *    post); codes carry a random prefix, so every run imports new dossiers. Not timed.
 * 2. importRowsPerS: rows ÷ the seconds of the product's import end to end, through the very code path
 *    of POST /imports and the background job: ImportService.upload (streamed, COPY into the staging
 *    table, SHA-256) as a national actor for that province, then ImportRunner.run (the job's batches:
 *    validation, dossiers, their timeline events, the rollups, counters and checkpoints, each batch one
 *    transaction).
 * 3. copyRowsPerS: rows ÷ the seconds of `psql "<url>" -c "\copy <bare table> FROM '<file>' CSV HEADER"`
 *    of the same file into a table of text columns (created before, dropped after; the psql process's
 *    start is inside the time, a few milliseconds).
 */
export async function measureImportRate(opts: { databaseUrl: string; rows: number; workDir: string }): Promise<{ importRowsPerS: number; copyRowsPerS: number; uploadSeconds: number; runSeconds: number }> {
  const log = createLogger('silent');
  const dataSource = createDataSource({ url: opts.databaseUrl, poolSize: 4, log, entities, migrations });
  await dataSource.initialize();
  try {
    const container = new Container()
      .register(DataSource, dataSource)
      .register(Notifications, new Notifications(null, log))
      .register(PublicUrl, new PublicUrl('http://localhost'))
      .register(RuntimeConfig, new RuntimeConfig(loadConfig({ DATABASE_URL: opts.databaseUrl })));

    const [province]: Array<{ id: string; code: string }> = await dataSource.query(
      `SELECT u.id, u.code FROM one_stop_desk d JOIN administrative_unit u ON u.id = d.province_id
        WHERE EXISTS (SELECT 1 FROM procedure p WHERE p.province_id = d.province_id)
        GROUP BY u.id, u.code ORDER BY count(*) DESC, u.code LIMIT 1`,
    );
    if (!province) throw new Error('measureImportRate: no province with a one-stop desk and a procedure in this database');
    const desks: Array<{ code: string }> = await dataSource.query(`SELECT code FROM one_stop_desk WHERE province_id = $1 ORDER BY code LIMIT 200`, [province.id]);
    const procedures: Array<{ code: string }> = await dataSource.query(`SELECT DISTINCT code FROM procedure WHERE province_id = $1 ORDER BY code LIMIT 200`, [province.id]);

    mkdirSync(opts.workDir, { recursive: true });
    const file = join(opts.workDir, `import-${opts.rows}.csv`);
    await writeCsv(file, opts.rows, desks.map((d) => d.code), procedures.map((p) => p.code));

    // 2. The product's import, end to end.
    const actor = { ...SYSTEM, label: 'bench:reports' };
    const started = process.hrtime.bigint();
    const { job } = await container.get(ImportService).upload(actor, createReadStream(file), { kind: 'DOSSIERS', fileName: `import-${opts.rows}.csv`, provinceCode: province.code });
    const uploaded = process.hrtime.bigint();
    await container.get(ImportRunner).run(job.id, process.env.OSP_IMPORT_BATCH ? { batchSize: Number(process.env.OSP_IMPORT_BATCH) } : {});
    const importSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const uploadSeconds = Number(uploaded - started) / 1e9;
    const [done] = await dataSource.query(`SELECT status, accepted_rows, rejected_rows FROM import_job WHERE id = $1`, [job.id]);
    if (done.status !== 'SUCCEEDED' || done.accepted_rows !== opts.rows) {
      throw new Error(`measureImportRate: the import ended ${done.status} with ${done.accepted_rows} of ${opts.rows} rows accepted (${done.rejected_rows} refused)`);
    }

    // 3. psql \copy of the same file into a bare table.
    const bare = `bench_import_copy_${randomBytes(4).toString('hex')}`;
    const psql = (command: string) => run('psql', [opts.databaseUrl, '-v', 'ON_ERROR_STOP=1', '-q', '-c', command], { maxBuffer: 1 << 20 });
    await psql(`CREATE TABLE ${bare} (${BENCH_HEADER.map((_, i) => `c${i + 1} text`).join(', ')})`);
    try {
      const copyStarted = process.hrtime.bigint();
      await psql(`\\copy ${bare} FROM '${file.replace(/'/g, "''")}' CSV HEADER`);
      const copySeconds = Number(process.hrtime.bigint() - copyStarted) / 1e9;
      return { importRowsPerS: opts.rows / importSeconds, copyRowsPerS: opts.rows / copySeconds, uploadSeconds, runSeconds: importSeconds - uploadSeconds };
    } finally {
      await psql(`DROP TABLE IF EXISTS ${bare}`);
    }
  } finally {
    await dataSource.destroy();
  }
}

/** The columns the benchmark's file has, in the import layout's words. */
const BENCH_KEYS = ['code', 'procedure', 'desk', 'channel', 'receivedAt', 'dueAt', 'readyAt', 'returnedAt', 'resultDelivery', 'applicantName', 'applicantPhone', 'applicantAddress'];
const BENCH_HEADER = BENCH_KEYS.map((k) => DOSSIER_COLUMNS.find((c) => c.key === k)!.heading);

const CHANNELS = ['Trực tiếp', 'Trực tiếp', 'Trực tiếp', 'Bưu chính', 'Trực tuyến', 'Tại nhà'];
const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Võ Thị Giang'];
const two = (n: number) => String(n).padStart(2, '0');
const vnDay = (t: number) => {
  const d = new Date(t + 7 * 3600_000);
  return { text: `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`, yymmdd: `${String(d.getUTCFullYear()).slice(2)}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}` };
};

/** A file of `rows` valid dossier rows (deterministic but for the codes' random prefix). */
async function writeCsv(file: string, rows: number, desks: string[], procedures: string[]): Promise<void> {
  const out = createWriteStream(file);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write(`${BENCH_HEADER.join(',')}\n`);
  const prefix = `NHAP${randomBytes(3).toString('hex').toUpperCase()}`;
  const now = Date.now();
  const DAY = 86_400_000;
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const received = now - (2 + (i % 360)) * DAY - (i % 7) * 3600_000;
    const day = vnDay(received);
    const due = vnDay(received + (3 + (i % 12)) * DAY).text;
    const ready = i % 3 !== 0 ? vnDay(received + (1 + (i % 15)) * DAY) : null;
    const readyText = ready && received + (1 + (i % 15)) * DAY < now ? ready.text : '';
    const returned = readyText && i % 2 === 0 ? readyText : '';
    const byPost = returned && i % 3 === 1;
    chunk += `${prefix}-${day.yymmdd}-${String(i).padStart(7, '0')},${procedures[i % procedures.length]},${desks[(i >> 3) % desks.length]},${CHANNELS[i % CHANNELS.length]},${day.text},${due},${readyText},${returned},${byPost ? 'Bưu chính' : 'Trực tiếp'},${NAMES[i % NAMES.length]},09${String(10_000_000 + (i % 89_999_999)).slice(0, 8)},"Thôn ${1 + (i % 12)}, xã ${1 + (i % 40)}"\n`;
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/**
 * Run alone (`node apps/api/dist/scripts/bench-reports/import-rate.js`, after the build): a fresh database
 * `osp_imp_<random>` on BENCH_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres), migrated and
 * demo-seeded without the demo dossiers (as bench:reports starts the API), then measureImportRate of
 * BENCH_IMPORT_ROWS rows (default 100,000; OSP_IMPORT_BATCH for the batch size), printed with the load
 * average; the database is dropped after (BENCH_KEEP=1 keeps it).
 */
async function main(): Promise<void> {
  process.env.OSP_DEMO_DOSSIERS = '0';
  const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
  const adminUrl = new URL(process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const dbName = `osp_imp_${randomBytes(4).toString('hex')}`;
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${dbName}`;
  const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
  const admin = new Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  try {
    const log = createLogger('silent');
    const setup = createDataSource({ url: dbUrl.toString(), poolSize: 1, log, entities, migrations });
    await setup.initialize();
    await setup.runMigrations({ transaction: 'each' });
    await seedDemoData(setup);
    await setup.destroy();
    console.log(`import-rate: ${dbName} migrated and seeded; ${rows.toLocaleString('en')} rows, batch ${process.env.OSP_IMPORT_BATCH ?? 'default'}; load average ${load()}`);
    const r = await measureImportRate({ databaseUrl: dbUrl.toString(), rows, workDir: join(tmpdir(), 'osp-import-rate') });
    console.log(
      `import-rate: rows=${rows} import_rows_per_s=${Math.round(r.importRowsPerS)} (upload ${r.uploadSeconds.toFixed(2)} s, run ${r.runSeconds.toFixed(2)} s) ` +
        `copy_rows_per_s=${Math.round(r.copyRowsPerS)}; load average ${load()}`,
    );
  } finally {
    if (process.env.BENCH_KEEP === '1') console.log(`import-rate: database kept: ${dbUrl.toString()}`);
    else await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
