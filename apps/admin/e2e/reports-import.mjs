#!/usr/bin/env node
// Browser walk of Báo cáo → Nhập dữ liệu, as the Hà Tĩnh steering committee imports another one-stop
// system's export.
//
//   BASE_URL=http://localhost:4000 node apps/admin/e2e/reports-import.mjs
//
// Env: BASE_URL (default http://localhost:4000), CHROMIUM_PATH (default /usr/bin/chromium),
//      IMPORT_PASSWORD (default Demo@2026: the demo users the API seeds on first start),
//      IMPORT_ROWS (default 60000: enough rows for the bar, which moves a batch of 5,000 rows at a time, to be
//      seen at two values between 0 and 100 % on the embedded database),
//      IMPORT_SHOTS (default artifacts/screenshots/reports-import/ at the repository root).
// As hatinh.bcd, in Vietnamese: opens Báo cáo → Nhập dữ liệu, chooses "Hồ sơ" and a generated CSV of
// IMPORT_ROWS dossiers of the province's desks and procedures (semicolons, a BOM, codes new on each run)
// with 3 bad rows on purpose, uploads it, watches the progress bar move (two different values strictly
// between 0 and 100 %), waits for "Đã xong", checks the counts on screen against the file, the first
// refused rows, then downloads the refused rows (.xlsx: row, column, reason in Vietnamese) and reads
// them back. Both widths (1366×768 and 390×844) shot whole: no English word, camelCase name or uuid on
// screen, nothing wider than it. Each run adds IMPORT_ROWS dossiers to the demo data (every report counts them).
// Exits non-zero when a check fails, the page logs a console error, or a request fails.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { assert, BASE_URL, gql, idle, preflight, REPO_ROOT, signIn, tally, tokenOf, walkKit, withBrowser } from './browser.mjs';

const ExcelJS = createRequire(path.join(REPO_ROOT, 'apps/api/package.json'))('exceljs');
const SHOTS = process.env.IMPORT_SHOTS ?? path.join(REPO_ROOT, 'artifacts', 'screenshots', 'reports-import');
const PASSWORD = process.env.IMPORT_PASSWORD ?? 'Demo@2026';
const ROWS = Number(process.env.IMPORT_ROWS ?? 60000);

const dots = (n) => new Intl.NumberFormat('vi-VN').format(n);

await preflight();
fs.rmSync(SHOTS, { recursive: true, force: true });
fs.mkdirSync(SHOTS, { recursive: true });

console.log(`Import walk of ${BASE_URL}`);
const started = Date.now();
const token = await tokenOf('hatinh.bcd', PASSWORD);
const procedures = (await gql('query { procedures(first: 20) { edges { node { code } } } }', {}, token)).procedures.edges.map((e) => e.node.code);
assert(procedures.length > 0, 'Hà Tĩnh has no procedure in its catalogue');
const DESKS = ['42-TTPVHCC-MC', '42-UBND-446-MC', '42-UBND-447-MC'];

// The file: IMPORT_ROWS valid rows over the last year, then 3 bad ones (rows ROWS + 2 … ROWS + 4).
const two = (n) => String(n).padStart(2, '0');
const vnDay = (ms) => {
  const d = new Date(ms + 7 * 3600_000);
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
};
const DAY = 86_400_000;
const now = Date.now();
const run = `NHAP${Date.now().toString(36).toUpperCase()}`;
const channels = ['Trực tiếp', 'Bưu chính', 'Trực tuyến', 'Tại nhà'];
const lines = ['Mã hồ sơ;Mã thủ tục;Mã đơn vị tiếp nhận;Kênh;Ngày tiếp nhận;Hạn trả;Ngày có kết quả;Ngày trả kết quả;Hình thức trả kết quả;Người nộp;Số điện thoại;Địa chỉ'];
for (let i = 0; i < ROWS; i++) {
  const received = now - (3 + (i % 300)) * DAY;
  const done = i % 3 !== 0;
  lines.push([`${run}-${String(i + 1).padStart(6, '0')}`, procedures[i % procedures.length], DESKS[i % DESKS.length], channels[i % 4], vnDay(received), vnDay(received + 10 * DAY),
    done ? vnDay(received + 2 * DAY) : '', done ? vnDay(received + 2 * DAY) : '', 'Trực tiếp', `Người nộp ${i + 1}`, '0912345678', ''].join(';'));
}
const BAD = [
  [`${run}-LOI-1`, 'KHONG-CO-THU-TUC', DESKS[0], 'Trực tiếp', vnDay(now - 5 * DAY), vnDay(now + 5 * DAY), '', '', '', '', '', ''],
  [`${run}-LOI-2`, procedures[0], DESKS[0], 'Bồ câu đưa thư', vnDay(now - 5 * DAY), vnDay(now + 5 * DAY), '', '', '', '', '', ''],
  [`${run}-LOI-3`, procedures[0], DESKS[0], 'Trực tiếp', '31/02/2026', vnDay(now + 5 * DAY), '', '', '', '', '', ''],
];
for (const bad of BAD) lines.push(bad.join(';'));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osp-import-'));
const file = path.join(dir, `ho-so-mot-cua-${run.toLowerCase()}.csv`);
fs.writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`);

await withBrowser('osp-import-', async ({ page }) => {
  const byTestId = (id) => page.getByTestId(id);
  // File names are the user's own (ho-so-mot-cua-….csv): not words of the interface.
  const { screenshot, step, readable } = walkKit(page, SHOTS, {
    foreign: { extraWords: ['DOSSIERS', 'SUCCEEDED', 'RUNNING', 'QUEUED'], except: (line) => line.includes(run.toLowerCase()) },
  });

  console.log('\nhatinh.bcd (Ban Chỉ đạo tỉnh Hà Tĩnh)');

  await step('Báo cáo → Nhập dữ liệu: the page for the committee, in Vietnamese', async () => {
    await signIn(page, 'hatinh.bcd', PASSWORD);
    await byTestId('nav-reports').click();
    await byTestId('report-tab-imports').waitFor();
    await idle(page);
    await byTestId('report-tab-imports').click();
    await page.getByText('Nhập dữ liệu từ hệ thống một cửa khác').waitFor();
    await idle(page);
    await readable('the import page');
  });

  const seen = new Set();
  await step(`uploads a CSV of ${dots(ROWS + 3)} rows: the progress bar moves (two values between 0 and 100 %) until "Đã xong"`, async () => {
    await byTestId('import-file').setInputFiles(file);
    await byTestId('import-file-name').filter({ hasText: path.basename(file) }).waitFor();
    await byTestId('import-upload').click();
    await byTestId('import-progress').waitFor({ timeout: 60_000 });
    const deadline = Date.now() + 90_000;
    for (;;) {
      const value = Number(await byTestId('import-progress').getAttribute('data-value'));
      seen.add(value);
      const status = await byTestId('import-status').textContent();
      if (status === 'Đã xong') break;
      assert(status !== 'Lỗi', 'the import failed');
      assert(Date.now() < deadline, `the import is still "${status}" after 90 s`);
      await page.waitForTimeout(150);
    }
    const between = [...seen].filter((v) => v > 0 && v < 100);
    assert(between.length >= 2, `the bar was seen at ${JSON.stringify([...seen])} only`);
    assert(seen.has(100), 'the bar did not reach 100 %');
    console.log(`    bar seen at ${[...seen].sort((a, b) => a - b).join(', ')} %`);
  });

  await step('the counts on screen: all rows processed, the valid ones imported, the 3 bad ones refused with their reasons', async () => {
    await page.getByText(`Đã xử lý ${dots(ROWS + 3)} / ${dots(ROWS + 3)} dòng (100 %)`).waitFor();
    assert((await byTestId('import-accepted').textContent()) === `Đã nhập: ${dots(ROWS)}`, `accepted: ${await byTestId('import-accepted').textContent()}`);
    assert((await byTestId('import-rejected').textContent()) === 'Bị từ chối: 3', `rejected: ${await byTestId('import-rejected').textContent()}`);
    assert((await byTestId('import-skipped').textContent()) === 'Bỏ qua vì đã có: 0', 'skipped');
    const listed = await byTestId('import-rejections').innerText();
    assert(listed.includes(`Dòng ${ROWS + 2}, cột Mã thủ tục: Mã thủ tục không có trong danh mục thủ tục của tỉnh.`), listed);
    assert(listed.includes(`Dòng ${ROWS + 3}, cột Kênh: Kênh không hợp lệ`), listed);
    assert(listed.includes(`Dòng ${ROWS + 4}, cột Ngày tiếp nhận`), listed);
    const row = byTestId('import-job-row').first();
    await row.filter({ hasText: 'Đã xong' }).waitFor();
    const text = await row.innerText();
    assert(text.includes(path.basename(file)) && text.includes(dots(ROWS + 3)) && text.includes(dots(ROWS)) && text.includes('Ban Chỉ đạo Đề án tỉnh Hà Tĩnh'), `the list's row: ${text}`);
    await readable('the finished import');
    await screenshot('nhap-du-lieu-1366');
  });

  await step('downloads the refused rows: an .xlsx of row, column and reason in Vietnamese', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), byTestId('import-download-rejected').click()]);
    assert(/^dong-bi-tu-choi-ho-so-mot-cua-.*\.xlsx$/.test(download.suggestedFilename()), download.suggestedFilename());
    const saved = path.join(dir, download.suggestedFilename());
    await download.saveAs(saved);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(saved);
    const sheet = book.worksheets[0];
    const rows = [];
    sheet.eachRow((r) => rows.push(r.values.slice(1)));
    assert(JSON.stringify(rows[0]) === JSON.stringify(['Dòng', 'Cột', 'Lý do', 'Giá trị trong tệp']), `header ${JSON.stringify(rows[0])}`);
    assert(rows.length === 4, `${rows.length - 1} refused rows in the file`);
    assert(rows[1][0] === ROWS + 2 && rows[1][1] === 'Mã thủ tục' && rows[1][3] === 'KHONG-CO-THU-TUC', JSON.stringify(rows[1]));
    assert(rows[2][1] === 'Kênh' && rows[3][1] === 'Ngày tiếp nhận' && rows[3][3] === '31/02/2026', JSON.stringify(rows.slice(2)));
    await page.getByText(`Đã tải về tệp ${download.suggestedFilename()}.`).waitFor();
  });

  await step('on a phone (390 px): the same page, readable, nothing wider than the screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload({ waitUntil: 'domcontentloaded' });
    await byTestId('import-jobs').waitFor();
    await byTestId('import-job-row').first().click();
    await byTestId('import-status').filter({ hasText: 'Đã xong' }).waitFor();
    await readable('the import page at 390 px');
    await screenshot('nhap-du-lieu-390');
    await page.setViewportSize({ width: 1366, height: 768 });
  });
});

fs.rmSync(dir, { recursive: true, force: true });
console.log(`\n${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${path.relative(REPO_ROOT, SHOTS)}`);
tally();
