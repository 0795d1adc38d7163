/**
 * Report imports (issue 13, "Import and export"): the steering committee uploads another one-stop
 * system's export (POST /imports), a background job imports it with live progress, and every report
 * counts what it imported: dossiers (CSV with a BOM and semicolons, XLSX) become real dossiers with their
 * timeline, and the rollups stay equal to the naive GROUP BY; aggregate figures become figures with
 * their source. The same file twice imports nothing new; a code already held is never inserted twice; a
 * job stopped half-way (a crash after two batches) goes on from its checkpoint after the worker restarts,
 * with the right totals and no duplicates; refused rows come back as an .xlsx (row, column, reason);
 * who may import what (the province's committee and administrators; national administrators name the
 * province), and the upload is refused cross-site.
 */
import ExcelJS from 'exceljs';
import { ImportRunner, InjectedImportFailure } from '../src/modules/reports/imports/import-runner';
import { ImportWorker } from '../src/modules/reports/imports/import-worker';
import { ROLLUP_COUNTERS } from '../src/modules/reports/dossier-rollup.service';
import { NAIVE_ROLLUP_SQL } from '../src/modules/reports/rollup-naive';
import { addDays, todayInVietnam } from '../src/platform/graphql/scalars';
import { failure, ok, startTestApp, type TestApp } from './harness';

let t: TestApp;
const today = todayInVietnam();
const vn = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const JOB = `query($id: ID!) { importJob(id: $id) { id kind status fileName format totalRows processedRows acceptedRows rejectedRows skippedRows progress createdByLabel error
  rejections(first: 50) { rowNo column reason value } rejectedRowsFile { fileName contentType contentBase64 rowCount } } }`;
const VOLUMES = `query($filter: DossierVolumeFilter!) { dossierVolumes(filter: $filter) { totals { received receivedViaBcci online atDesk resultsReturned resultsReturnedViaBcci resolvedOnTime resolvedLate totalViaBcci } } }`;

let desks: string[];
let procedures: string[];
const tokens = new Map<string, string>();
async function upload(content: Buffer | string, name: string, kind: string, as = 'hatinh.bcd', extra: { province?: string; contentType?: string; headers?: Record<string, string> } = {}) {
  if (!tokens.has(as)) tokens.set(as, await t.signIn(as));
  const query = new URLSearchParams({ kind, name, ...(extra.province ? { province: extra.province } : {}) });
  const res = await t
    .http()
    .post(`/imports?${query}`)
    .set('authorization', `Bearer ${tokens.get(as)}`)
    .set('content-type', extra.contentType ?? 'application/octet-stream')
    .set(extra.headers ?? {})
    .send(Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'));
  return { status: res.status, body: res.body };
}
async function finished(id: string, as = 'hatinh.bcd') {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const job = ok(await t.gql(JOB, { id }, { as })).importJob;
    if (job.status === 'SUCCEEDED' || job.status === 'FAILED') return job;
    if (Date.now() > deadline) throw new Error(`import ${id} still ${job.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const volumes = async () => ok(await t.gql(VOLUMES, { filter: { unit: '42', from: addDays(today, -400), to: today, granularity: 'YEAR' } }, { as: 'hatinh.bcd' })).dossierVolumes.totals;
const dossierCount = async () => (await t.sql(`SELECT count(*)::int AS n FROM dossier`))[0].n as number;

const HEADER = ['Mã hồ sơ', 'Mã thủ tục', 'Mã đơn vị tiếp nhận', 'Kênh', 'Ngày tiếp nhận', 'Hạn trả', 'Ngày có kết quả', 'Ngày trả kết quả', 'Hình thức trả kết quả', 'Người nộp', 'Số điện thoại', 'Địa chỉ'];
/** `n` valid dossier rows, coded `<prefix>-…`, over the last months, in all four channels. */
function dossierRows(prefix: string, n: number): string[][] {
  const channels = ['Trực tiếp', 'Bưu chính', 'Trực tuyến', 'Tại nhà'];
  return Array.from({ length: n }, (_, i) => {
    const received = addDays(today, -(20 + i));
    const ready = i % 3 === 0 ? null : addDays(received, i % 2 ? 3 : 18); // some late (due after 15 days)
    const returned = ready && i % 2 === 0 ? addDays(ready, 1) : null;
    const byPost = returned && i % 4 === 2;
    return [`${prefix}-${String(i + 1).padStart(4, '0')}`, procedures[i % procedures.length], desks[i % desks.length], channels[i % 4], `${vn(received)} 08:${String(i % 60).padStart(2, '0')}`,
      vn(addDays(received, 15)), ready ? vn(ready) : '', returned ? vn(returned) : '', byPost ? 'Bưu chính' : 'Trực tiếp', `Người nộp ${i + 1}`, '0912345678', byPost ? 'Thôn 1, xã Kỳ Bắc' : ''];
  });
}
const csv = (rows: string[][], sep = ';', bom = true) => (bom ? '\uFEFF' : '') + [HEADER, ...rows].map((r) => r.map((c) => (/[;,"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(sep)).join('\r\n') + '\r\n';

const KEY = ['province_id', 'desk_id', 'post_office_id', 'agency_id', 'day', 'channel'];
const ROLLUP = `SELECT province_id::text, desk_id::text, post_office_id::text, agency_id::text, to_char(day, 'YYYY-MM-DD') AS day, channel::text AS channel, ${ROLLUP_COUNTERS.join(', ')} FROM dossier_daily_rollup`;
const lines = (rows: Array<Record<string, unknown>>) =>
  rows
    .filter((r) => ROLLUP_COUNTERS.some((c) => Number(r[c]) !== 0))
    .map((r) => [...KEY.map((k) => r[k] ?? '-'), ...ROLLUP_COUNTERS.map((c) => `${c}=${Number(r[c])}`)].join(' '))
    .sort();
const expectRollupsEqualNaive = async () => expect(lines(await t.sql(ROLLUP))).toEqual(lines(await t.sql(NAIVE_ROLLUP_SQL)));

beforeAll(async () => {
  process.env.OSP_IMPORT_WORKER = 'on'; // off by default under tests
  process.env.OSP_IMPORT_SWEEP_MS = '250'; // the worker's sweep, besides pg-boss's wake-ups: quick in tests
  t = await startTestApp({ signInAs: 'hatinh.bcd' });
  const [ht] = await t.sql(`SELECT id FROM administrative_unit WHERE code = '42' AND valid_to IS NULL`);
  desks = (await t.sql(`SELECT code FROM one_stop_desk WHERE province_id = $1 AND code IN ('42-TTPVHCC-MC', '42-UBND-446-MC', '42-UBND-447-MC') ORDER BY code`, [ht.id])).map((r) => r.code);
  procedures = (await t.sql(`SELECT DISTINCT code FROM procedure WHERE province_id = $1 AND retired_on IS NULL ORDER BY code LIMIT 5`, [ht.id])).map((r) => r.code);
  expect(desks.length).toBe(3);
  expect(procedures.length).toBeGreaterThan(1);
}, 180_000);
afterAll(async () => {
  await t.close();
  delete process.env.OSP_IMPORT_SWEEP_MS;
  delete process.env.OSP_IMPORT_WORKER;
});

describe('dossiers', () => {
  let csvJob: string;
  let firstFile: string;

  it('imports a CSV (BOM, semicolons) in the background: real dossiers the reports count, bad rows refused with their reasons', async () => {
    const before = await volumes();
    const good = dossierRows('42-NHAPCSV-261101', 30);
    const bad = [
      ['42-NHAPCSV-BAD-1', 'KHONG-CO', desks[0], 'Trực tiếp', vn(addDays(today, -5)), vn(addDays(today, 5)), '', '', '', '', '', ''],
      ['42-NHAPCSV-BAD-2', procedures[0], desks[0], 'Qua bồ câu', '31/02/2026', vn(today), '', '', '', '', '', ''],
      ['42-NHAPCSV-BAD-3', procedures[0], desks[0], 'Trực tiếp', vn(addDays(today, -5)), vn(addDays(today, 5)), '', vn(addDays(today, -1)), 'Bưu chính', '', '', ''],
    ];
    const rows = [...good.slice(0, 10), bad[0], ...good.slice(10, 20), bad[1], [], ...good.slice(20), bad[2]];
    firstFile = csv(rows);
    const res = await upload(firstFile, 'xuat-ho-so-mot-cua.csv', 'DOSSIERS');
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ duplicate: false, job: { kind: 'DOSSIERS', status: 'QUEUED', fileName: 'xuat-ho-so-mot-cua.csv', totalRows: 33 } });
    csvJob = res.body.job.id;
    const job = await finished(csvJob);
    expect(job).toMatchObject({ status: 'SUCCEEDED', format: 'CSV', totalRows: 33, processedRows: 33, acceptedRows: 30, rejectedRows: 3, skippedRows: 0, progress: 1, createdByLabel: expect.any(String) });

    // Rows as the user sees them: header = 1, the empty line (24) kept in the count.
    expect(job.rejections).toEqual([
      { rowNo: 12, column: 'Mã thủ tục', reason: 'Mã thủ tục không có trong danh mục thủ tục của tỉnh.', value: 'KHONG-CO' },
      { rowNo: 23, column: 'Kênh', reason: expect.stringContaining('Kênh không hợp lệ'), value: 'Qua bồ câu' },
      { rowNo: 23, column: 'Ngày tiếp nhận', reason: expect.stringContaining('không đúng dạng ngày'), value: '31/02/2026' },
      { rowNo: 35, column: 'Địa chỉ', reason: 'Trả kết quả qua bưu chính cần địa chỉ nhận kết quả.', value: null },
    ]);
    const file = job.rejectedRowsFile;
    expect(file.fileName).toMatch(/^dong-bi-tu-choi-xuat-ho-so-mot-cua-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as never);
    const sheet = book.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['Dòng', 'Cột', 'Lý do', 'Giá trị trong tệp']);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([12, 'Mã thủ tục', 'Mã thủ tục không có trong danh mục thủ tục của tỉnh.', 'KHONG-CO']);
    expect(sheet.rowCount).toBe(5);

    // Real dossiers: status from the dates, the timeline, the province's desk and procedure.
    const [one] = await t.sql(`SELECT d.status, d.channel, d.result_delivery, (SELECT count(*)::int FROM dossier_event e WHERE e.dossier_id = d.id) AS events,
                                      (SELECT string_agg(e.kind, ',' ORDER BY e.at, e.seq) FROM dossier_event e WHERE e.dossier_id = d.id) AS kinds
                                 FROM dossier d WHERE d.code = '42-NHAPCSV-261101-0003'`);
    expect(one).toEqual({ status: 'RESULT_RETURNED', channel: 'ONLINE_WITH_POSTAL_PICKUP', result_delivery: 'BY_POST', events: 3, kinds: 'RECEIVED_AT_DESK,RESULT_READY,RETURN_RESULT' });
    const [waiting] = await t.sql(`SELECT status FROM dossier WHERE code = '42-NHAPCSV-261101-0001'`);
    expect(waiting.status).toBe('RECEIVED');

    // The reports count them: 30 more received, 10 of them at the desk (channel 1 of 4 … ), results as the file says.
    const after = await volumes();
    const counted = await t.sql(`SELECT count(*)::int AS received, count(*) FILTER (WHERE channel = 'AT_DESK')::int AS at_desk, count(*) FILTER (WHERE channel <> 'AT_DESK')::int AS bcci,
                                        count(*) FILTER (WHERE channel = 'ONLINE_WITH_POSTAL_PICKUP')::int AS online, count(*) FILTER (WHERE result_returned_at IS NOT NULL)::int AS returned
                                   FROM dossier WHERE code LIKE '42-NHAPCSV-%'`);
    expect(counted[0].received).toBe(30);
    expect((after.received ?? 0) - (before.received ?? 0)).toBe(30);
    expect((after.atDesk ?? 0) - (before.atDesk ?? 0)).toBe(counted[0].at_desk);
    expect((after.receivedViaBcci ?? 0) - (before.receivedViaBcci ?? 0)).toBe(counted[0].bcci);
    expect((after.online ?? 0) - (before.online ?? 0)).toBe(counted[0].online);
    expect((after.resultsReturned ?? 0) - (before.resultsReturned ?? 0)).toBe(counted[0].returned);
    expect((after.resolvedLate ?? 0) - (before.resolvedLate ?? 0)).toBeGreaterThan(0);
    await expectRollupsEqualNaive();

    // Audited: the upload by its user, the end by the import.
    const audit = await t.sql(`SELECT action, actor_label FROM audit_entry WHERE entity_id = $1 ORDER BY occurred_at`, [csvJob]);
    expect(audit.map((a) => a.action)).toEqual(['importJob.create', 'importJob.finish']);
  });

  it('imports an XLSX (dates as date cells, codes in number cells as shown, commas in numbers no matter) the same way', async () => {
    const before = await volumes();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Hồ sơ');
    sheet.addRow(HEADER.map((h) => h.toUpperCase()));
    // A procedure code that ends in 0, typed into a number cell formatted "0.000000" (as a sheet holds 2.001610):
    // read as shown, not as the number 2.00161.
    const [zero] = await t.sql(`SELECT code FROM procedure WHERE province_id = (SELECT province_id FROM app_user WHERE username = 'hatinh.bcd') AND retired_on IS NULL AND code ~ '^[0-9]\\.[0-9]{5}0$' ORDER BY code LIMIT 1`);
    expect(zero).toBeDefined();
    dossierRows('42-NHAPXLSX-261102', 12).forEach((r, i) => {
      const [d, m, y] = r[4].slice(0, 10).split('/').map(Number);
      const row = sheet.addRow([r[0], i % 3 ? r[1] : Number(zero.code), r[2], r[3], i % 2 ? new Date(Date.UTC(y, m - 1, d, 9, 15)) : r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11]]);
      if (!(i % 3)) row.getCell(2).numFmt = '0.000000';
    });
    const buffer = Buffer.from(await book.xlsx.writeBuffer());
    const res = await upload(buffer, 'ho-so.xlsx', 'DOSSIERS');
    expect(res.status).toBe(202);
    const job = await finished(res.body.job.id);
    expect(job).toMatchObject({ status: 'SUCCEEDED', format: 'XLSX', totalRows: 12, acceptedRows: 12, rejectedRows: 0, rejectedRowsFile: null });
    const [date] = await t.sql(`SELECT to_char(received_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'HH24:MI') AS at FROM dossier WHERE code = '42-NHAPXLSX-261102-0002'`);
    expect(date.at).toBe('09:15');
    const [numeric] = await t.sql(`SELECT p.code FROM dossier d JOIN procedure p ON p.id = d.procedure_id WHERE d.code = '42-NHAPXLSX-261102-0004'`);
    expect(numeric.code).toBe(zero.code);
    expect(((await volumes()).received ?? 0) - (before.received ?? 0)).toBe(12);
    await expectRollupsEqualNaive();
  });

  it('imports nothing new from the same file twice, and never a dossier code already held', async () => {
    const rows = dossierRows('42-NHAPCSV-261101', 30);
    const count = await dossierCount();
    const again = await upload(firstFile, 'lan-hai.csv', 'DOSSIERS');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ duplicate: true, job: { id: csvJob, status: 'SUCCEEDED', fileName: 'xuat-ho-so-mot-cua.csv' } });
    expect(await dossierCount()).toBe(count);

    // Another file (commas, no BOM) with 5 codes already held and 5 new ones: the 5 are skipped.
    const overlap = [...rows.slice(0, 5), ...dossierRows('42-NHAPCSV-261103', 5)];
    const res = await upload(csv(overlap, ',', false), 'chong-lan.csv', 'DOSSIERS');
    const job = await finished(res.body.job.id);
    expect(job).toMatchObject({ status: 'SUCCEEDED', totalRows: 10, acceptedRows: 5, skippedRows: 5, rejectedRows: 0 });
    expect(await dossierCount()).toBe(count + 5);
    const [dupes] = await t.sql(`SELECT count(*)::int - count(DISTINCT code)::int AS n FROM dossier`);
    expect(dupes.n).toBe(0);
    await expectRollupsEqualNaive();
  });

  it('goes on after a crash from its last committed batch: right totals, no duplicates, rollups equal to the naive count', async () => {
    const worker = t.app.container.get(ImportWorker);
    await worker.stop(); // no background runner: the test plays the job
    const count = await dossierCount();
    const rows = dossierRows('42-NHAPKILL-261104', 23);
    rows.splice(7, 0, ['42-NHAPKILL-BAD', procedures[0], 'KHONG-CO-QUAY', 'Trực tiếp', vn(addDays(today, -3)), vn(addDays(today, 3)), '', '', '', '', '', '']);
    const res = await upload(csv(rows), 'gian-doan.csv', 'DOSSIERS');
    expect(res.body.job.status).toBe('QUEUED');
    const id = res.body.job.id;
    await expect(t.app.container.get(ImportRunner).run(id, { batchSize: 5, failAfterBatches: 2 })).rejects.toBeInstanceOf(InjectedImportFailure);
    const half = ok(await t.gql(JOB, { id })).importJob;
    expect(half).toMatchObject({ status: 'RUNNING', processedRows: 10, acceptedRows: 9, rejectedRows: 1, totalRows: 24 });
    expect(half.progress).toBeCloseTo(10 / 24);
    expect(await dossierCount()).toBe(count + 9);
    await expectRollupsEqualNaive();

    // The process died: its lease lapses; the restarted worker takes the job up from row 11.
    await t.sql(`UPDATE import_job SET lease_until = now() - interval '1 second' WHERE id = $1`, [id]);
    await worker.start();
    const job = await finished(id);
    expect(job).toMatchObject({ status: 'SUCCEEDED', totalRows: 24, processedRows: 24, acceptedRows: 23, rejectedRows: 1, skippedRows: 0 });
    expect(job.rejections).toEqual([{ rowNo: 9, column: 'Mã đơn vị tiếp nhận', reason: 'Không có bộ phận một cửa nào của tỉnh mang mã này.', value: 'KHONG-CO-QUAY' }]);
    expect(await dossierCount()).toBe(count + 23);
    const [imported] = await t.sql(`SELECT count(*)::int AS n, count(DISTINCT code)::int AS codes FROM dossier WHERE code LIKE '42-NHAPKILL-%'`);
    expect(imported).toEqual({ n: 23, codes: 23 });
    const [events] = await t.sql(`SELECT count(*)::int AS n FROM dossier_event e JOIN dossier d ON d.id = e.dossier_id WHERE d.code LIKE '42-NHAPKILL-%' AND e.kind = 'RECEIVED_AT_DESK'`);
    expect(events.n).toBe(23);
    expect((await t.sql(`SELECT count(*)::int AS n FROM import_staging_row WHERE job_id = $1`, [id]))[0].n).toBe(0);
    await expectRollupsEqualNaive();
  });

  it('moves the day sequence of the province’s own units past imported codes', async () => {
    const [desk] = await t.sql(`SELECT coalesce(d.identifier_code, a.identifier_code) AS unit FROM one_stop_desk d JOIN agency a ON a.id = d.agency_id WHERE d.code = $1`, [desks[0]]);
    const day = addDays(today, -2);
    const code = `${desk.unit}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-0042`;
    const row = [code, procedures[0], desks[0], 'Trực tiếp', vn(day), vn(addDays(day, 5)), '', '', '', '', '', ''];
    const job = await finished((await upload(csv([row]), 'mot-ho-so.csv', 'DOSSIERS')).body.job.id);
    expect(job.acceptedRows).toBe(1);
    const [seq] = await t.sql(`SELECT last FROM dossier_sequence WHERE unit_code = $1 AND day = $2`, [desk.unit, day]);
    expect(seq.last).toBeGreaterThanOrEqual(42);
  });

  it('refuses a file without the required columns, with nothing written', async () => {
    const jobs = (await t.sql(`SELECT count(*)::int AS n FROM import_job`))[0].n;
    const res = await upload('Mã hồ sơ;Kênh\nX;Trực tiếp\n', 'thieu-cot.csv', 'DOSSIERS');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'file', message: expect.stringContaining('Mã thủ tục, Mã đơn vị tiếp nhận, Ngày tiếp nhận, Hạn trả') }] });
    expect((await t.sql(`SELECT count(*)::int AS n FROM import_job`))[0].n).toBe(jobs);
    expect((await t.sql(`SELECT count(*)::int AS n FROM import_staging_row`))[0].n).toBe(0);
  });
});

describe('aggregate figures', () => {
  it('imports figures with their source, refusing a total that is not the sum of its parts and a unit of another province', async () => {
    const figures = [
      ['Đơn vị', 'Kỳ từ', 'Kỳ đến', 'Tiếp nhận qua BCCI', 'Trả kết quả qua BCCI', 'Tổng số qua BCCI', 'Trực tuyến', 'Nguồn'],
      ['42', '01/01/2021', '31/12/2021', '40.100', '200.000', '240.100', '', 'Báo cáo tổng kết năm 2021 của Bưu điện tỉnh'],
      ['42', '01/01/2020', '31/12/2020', '1.000', '2.000', '4.000', '', 'Báo cáo năm 2020'],
      ['75', '01/01/2021', '31/12/2021', '10', '', '', '', 'Báo cáo của tỉnh khác'],
    ];
    const res = await upload(figures.map((r) => r.join(';')).join('\n'), 'so-lieu.csv', 'AGGREGATE_FIGURES');
    const job = await finished(res.body.job.id);
    expect(job).toMatchObject({ kind: 'AGGREGATE_FIGURES', totalRows: 3, acceptedRows: 1, rejectedRows: 2 });
    expect(job.rejections.map((r: any) => [r.rowNo, r.column])).toEqual([[3, 'Tổng số qua BCCI'], [4, 'Đơn vị']]);
    expect(job.rejections[0].reason).toContain('phải bằng tổng các số liệu thành phần');
    const [figure] = await t.sql(`SELECT received_via_bcci, results_returned_via_bcci, total_via_bcci, source FROM aggregate_figure WHERE source LIKE 'Báo cáo tổng kết năm 2021%'`);
    expect(figure).toEqual({ received_via_bcci: 40100, results_returned_via_bcci: 200000, total_via_bcci: 240100, source: 'Báo cáo tổng kết năm 2021 của Bưu điện tỉnh' });
    const report = ok(await t.gql(VOLUMES, { filter: { unit: '42', from: '2021-01-01', to: '2021-12-31', granularity: 'YEAR' } })).dossierVolumes.totals;
    expect(report.totalViaBcci).toBeGreaterThanOrEqual(240100);
  });
});

describe('who imports', () => {
  const tiny = () => csv(dossierRows(`42-NHAPSCOPE-${Math.random().toString(36).slice(2, 8)}`, 1));

  it('refuses the anonymous, a counter clerk and cross-site requests; a national administrator names the province', async () => {
    const anonymous = await t.http().post('/imports?kind=DOSSIERS&name=a.csv').set('content-type', 'application/octet-stream').send(Buffer.from(tiny()));
    expect([anonymous.status, anonymous.body.errors[0].extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
    const clerk = await upload(tiny(), 'a.csv', 'DOSSIERS', 'hatinh.quay');
    expect([clerk.status, clerk.body.errors[0].extensions.code]).toEqual([403, 'FORBIDDEN']);
    const crossSite = await upload(tiny(), 'a.csv', 'DOSSIERS', 'hatinh.bcd', { contentType: 'text/plain' });
    expect([crossSite.status, crossSite.body.errors[0].extensions.code]).toEqual([400, 'BAD_USER_INPUT']);
    const preflighted = await upload(tiny(), 'a.csv', 'DOSSIERS', 'hatinh.quantri', { contentType: 'text/plain', headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(202);
    const otherProvince = await upload(tiny(), 'a.csv', 'DOSSIERS', 'hatinh.bcd', { province: '75' });
    expect(otherProvince.status).toBe(403);
    const noProvince = await upload(tiny(), 'a.csv', 'DOSSIERS', 'admin');
    expect(noProvince.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'province' }] });
    const wrongKind = await upload(tiny(), 'a.csv', 'SOMETHING', 'hatinh.bcd');
    expect(wrongKind.body.errors[0].extensions.fields[0].field).toBe('kind');
    const national = await upload(tiny(), 'quoc-gia.csv', 'DOSSIERS', 'admin', { province: '42' });
    expect(national.status).toBe(202);
    await finished(national.body.job.id, 'admin');
  });

  it('shows each province its own imports, national administrators all', async () => {
    const LIST = `query($first: Int, $after: String, $filter: ImportJobFilter) { importJobs(first: $first, after: $after, filter: $filter) { totalCount edges { cursor node { id fileName kind } } pageInfo { hasNextPage endCursor } } }`;
    const own = ok(await t.gql(LIST, { first: 3 })).importJobs;
    expect(own.totalCount).toBeGreaterThanOrEqual(8);
    expect(own.edges).toHaveLength(3);
    const next = ok(await t.gql(LIST, { first: 3, after: own.pageInfo.endCursor })).importJobs;
    expect(next.edges.map((e: any) => e.node.id)).not.toContain(own.edges[0].node.id);
    const figuresOnly = ok(await t.gql(LIST, { first: 10, filter: { kind: 'AGGREGATE_FIGURES' } })).importJobs;
    expect(figuresOnly.edges.map((e: any) => e.node.kind)).toEqual(['AGGREGATE_FIGURES']);
    expect(ok(await t.gql(LIST, { first: 10 }, { as: 'dongnai.bcd' })).importJobs.totalCount).toBe(0);
    expect(ok(await t.gql(LIST, { first: 10 }, { as: 'admin' })).importJobs.totalCount).toBe(own.totalCount);
    expect(failure(await t.gql(JOB, { id: own.edges[0].node.id }, { as: 'dongnai.bcd' })).extensions.code).toBe('NOT_FOUND');
    expect(failure(await t.gql(LIST, { first: 10 }, { as: 'hatinh.quay' })).extensions.code).toBe('FORBIDDEN');
  });
});
