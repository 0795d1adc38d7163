#!/usr/bin/env node
// Browser walk of the report downloads, as the Hà Tĩnh steering committee files them.
//
//   BASE_URL=http://localhost:4000 node apps/admin/e2e/reports-downloads.mjs
//
// Env: BASE_URL (default http://localhost:4000), CHROMIUM_PATH (default /usr/bin/chromium),
//      DOWNLOADS_PASSWORD (default Demo@2026: the demo users the API seeds on first start),
//      DOWNLOADS_SHOTS (default artifacts/screenshots/reports-downloads/ at the repository root).
// As hatinh.bcd, in Vietnamese, through the pages' buttons (the browser's download events):
// - Số lượng hồ sơ, Hà Tĩnh 2023 by year: "Tải về" saves an .xlsx that exceljs opens, its title naming
//   the province and its row the seeds' 45.757 / 216.968 / 262.725 as numbers;
// - Chỉ tiêu: "Tải về" saves an .xlsx with one row per target on screen;
// - Báo cáo quý: the last quarter ended as .xlsx (the national heading, the title, its figures those of
//   dossierVolumes for the quarter) and the year 2023 as .xlsx (the seeds' figures) and as PDF (starts
//   with %PDF, a sane size; its pages drawn by pdfjs in the browser and shot).
// The Báo cáo quý page at 1366×768 and 390×844: no English word, camelCase name or uuid, nothing wider
// than the screen. Nothing is written to the data. The files are kept beside the screenshots.
// Exits non-zero when a check fails, the page logs a console error, or a request fails.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { assert, BASE_URL, gql, idle, preflight, REPO_ROOT, signIn, tally, tokenOf, walkKit, withBrowser, vietnamDay } from './browser.mjs';

const SHOTS = process.env.DOWNLOADS_SHOTS ?? path.join(REPO_ROOT, 'artifacts', 'screenshots', 'reports-downloads');
const PASSWORD = process.env.DOWNLOADS_PASSWORD ?? 'Demo@2026';


/** Every row of a workbook's first sheet as its cells' values (merged cells once). */
async function sheetRows(file) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const rows = [];
  book.worksheets[0].eachRow({ includeEmpty: false }, (row) => {
    const cells = [];
    row.eachCell({ includeEmpty: true }, (cell) => {
      if (!(cell.isMerged && cell.master !== cell)) cells.push(cell.value);
    });
    rows.push(cells);
  });
  return rows;
}
const rowWith = (rows, label) => rows.find((r) => r.includes(label));

await preflight();
fs.rmSync(SHOTS, { recursive: true, force: true });
fs.mkdirSync(SHOTS, { recursive: true });

const started = Date.now();
console.log(`Report downloads walk of ${BASE_URL}`);
const today = vietnamDay();
const token = await tokenOf('hatinh.bcd', PASSWORD);
// The quarter the page offers first: the last one ended.
const month = Number(today.slice(5, 7));
const current = Math.floor((month - 1) / 3) + 1;
const last = current === 1 ? { year: Number(today.slice(0, 4)) - 1, quarter: 4 } : { year: Number(today.slice(0, 4)), quarter: current - 1 };
const quarterDays = { from: `${last.year}-${String(last.quarter * 3 - 2).padStart(2, '0')}-01`, to: new Date(Date.UTC(last.year, last.quarter * 3, 0)).toISOString().slice(0, 10) };
const quarterTotals = (
  await gql(
    'query($filter: DossierVolumeFilter!) { dossierVolumes(filter: $filter) { totals { received receivedViaBcci resultsReturnedViaBcci online atDesk } } }',
    { filter: { ...quarterDays, granularity: 'QUARTER', breakdown: 'NONE' } },
    token,
  )
).dossierVolumes.totals;

await withBrowser('osp-downloads-', async ({ page }) => {
  const byTestId = (id) => page.getByTestId(id);
  const { screenshot, step, readable, shotPath } = walkKit(page, SHOTS, { timings: Boolean(process.env.DOWNLOADS_TIMINGS), foreign: { extraWords: ['Download'] } });
  async function choose(testId, option) {
    await byTestId(testId).locator('xpath=..').getByRole('combobox').click();
    await page.getByRole('option', { name: option, exact: true }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
  }
  /** Clicks a download button, waits for the browser's download and keeps the file; its path. */
  async function download(testId, expectedName) {
    const [file] = await Promise.all([page.waitForEvent('download'), byTestId(testId).click()]);
    const name = file.suggestedFilename();
    assert(name === expectedName, `${testId} saved ${name}, not ${expectedName}`);
    const saved = path.join(SHOTS, name);
    await file.saveAs(saved);
    await byTestId(`${testId}-note`).waitFor();
    assert((await byTestId(`${testId}-note`).innerText()).includes(`Đã tải về tệp ${name}`), `${testId}: no word of the file saved`);
    await byTestId(`${testId}-note`).getByRole('button').click();
    await byTestId(`${testId}-note`).waitFor({ state: 'detached' });
    return saved;
  }

  console.log('\nhatinh.bcd (Ban Chỉ đạo tỉnh Hà Tĩnh)');

  await step('Số lượng hồ sơ, Hà Tĩnh 2023: Tải về saves the grid, 45.757 / 216.968 / 262.725 as numbers', async () => {
    // Signing in returns to the address asked for: the volumes of 2023 by year.
    await signIn(page, 'hatinh.bcd', PASSWORD, { at: '/reports?from=2023-01-01&to=2023-12-31&period=YEAR&breakdown=NONE' });
    await byTestId('volumes-unit-name').filter({ hasText: 'từ 01/01/2023 đến 31/12/2023' }).waitFor();
    await idle(page);
    const rows = await sheetRows(await download('volumes-download', 'so-luong-ho-so-tinh-ha-tinh-nam-2023.xlsx'));
    assert(String(rows[0][0]).includes('Tỉnh Hà Tĩnh, từ 01/01/2023 đến 31/12/2023'), `the title reads ${rows[0][0]}`);
    const row = rowWith(rows, 'Tỉnh Hà Tĩnh');
    assert(row && [45_757, 216_968, 262_725].every((n) => row.includes(n)), `the province's row holds ${JSON.stringify(row)}`);
  });

  await step('Chỉ tiêu: Tải về saves one row per target on screen, with its light in words', async () => {
    await byTestId('report-tab-targets').click();
    // The table or the note that there is none, whichever the page settles on (idle alone once counted before the rows were drawn).
    await page.locator('[data-testid="targets-table"], [data-testid="targets-empty"]').first().waitFor();
    await idle(page);
    const onScreen = await page.locator('[data-testid="target-row"]').count();
    const year = today.slice(0, 4);
    const rows = await sheetRows(await download('targets-download', `chi-tieu-01-01-${year}-31-12-${year}.xlsx`));
    assert(rows[1].includes('Đánh giá') && rows[1].includes('Mục tiêu (%)'), `the header reads ${JSON.stringify(rows[1])}`);
    assert(rows.length - 2 === onScreen, `${rows.length - 2} rows in the file, ${onScreen} on screen`);
    const lights = new Set(['Đạt', 'Gần đạt', 'Chưa đạt', 'Chưa có số liệu', 'Chưa đến kỳ']);
    assert(rows.slice(2).every((r) => lights.has(r[1])), `a light not in words: ${JSON.stringify(rows.slice(2).map((r) => r[1]))}`);
    console.log(`    (${onScreen} targets)`);
  });

  await step(`Báo cáo quý: Quý ${last.quarter}/${last.year} as .xlsx, the national heading and dossierVolumes' figures`, async () => {
    await byTestId('report-tab-quarterly').click();
    await byTestId('quarterly-title').waitFor();
    await idle(page);
    assert((await byTestId('quarterly-unit').inputValue()) === 'Tỉnh Hà Tĩnh', 'the unit is not the reader’s province');
    await readable('Báo cáo quý');
    await screenshot('quarterly-1366');
    const rows = await sheetRows(await download('quarterly-xlsx', `bao-cao-quy-${last.quarter}-${last.year}-ha-tinh.xlsx`));
    assert(rows[0].join('|') === 'UBND TỈNH HÀ TĨNH|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', `the heading reads ${JSON.stringify(rows[0])}`);
    assert(rows[1].join('|') === 'BAN CHỈ ĐẠO ĐỀ ÁN|Độc lập - Tự do - Hạnh phúc', `the heading's second line reads ${JSON.stringify(rows[1])}`);
    const subtitle = `Kết quả tiếp nhận hồ sơ và trả kết quả giải quyết thủ tục hành chính qua dịch vụ bưu chính công ích, Quý ${last.quarter} năm ${last.year}`;
    assert(rows.some((r) => r[0] === subtitle), 'no title of the quarter');
    for (const [label, key] of [
      ['Tổng số hồ sơ tiếp nhận', 'received'],
      ['Tiếp nhận qua dịch vụ BCCI', 'receivedViaBcci'],
      ['Trả kết quả qua dịch vụ BCCI', 'resultsReturnedViaBcci'],
      ['Tiếp nhận trực tuyến', 'online'],
      ['Tiếp nhận trực tiếp tại Bộ phận Một cửa', 'atDesk'],
    ]) {
      const row = rowWith(rows, label);
      assert(row && row[2] === quarterTotals[key], `${label}: ${row?.[2]} in the file, ${quarterTotals[key]} in dossierVolumes`);
    }
    console.log(`    (received ${quarterTotals.received}, via BCCI ${quarterTotals.receivedViaBcci} in Quý ${last.quarter}/${last.year})`);
  });

  await step('Báo cáo quý, cả năm 2023: .xlsx with the seeds’ figures, and PDF (%PDF, a sane size, its pages drawn)', async () => {
    await choose('quarterly-quarter', 'Cả năm');
    await choose('quarterly-year', '2023');
    await byTestId('quarterly-title').getByText('năm 2023').waitFor();
    const rows = await sheetRows(await download('quarterly-xlsx', 'bao-cao-nam-2023-ha-tinh.xlsx'));
    assert(rowWith(rows, 'Tiếp nhận qua dịch vụ BCCI')?.[2] === 45_757, 'no 45.757 received via BCCI');
    assert(rowWith(rows, 'Trả kết quả qua dịch vụ BCCI')?.[2] === 216_968, 'no 216.968 returned via BCCI');
    assert(rowWith(rows, 'Tổng số lượt qua dịch vụ BCCI (tiếp nhận và trả kết quả)')?.[2] === 262_725, 'no 262.725 in all');
    const pdf = fs.readFileSync(await download('quarterly-pdf', 'bao-cao-nam-2023-ha-tinh.pdf'));
    assert(pdf.subarray(0, 5).toString() === '%PDF-', 'the PDF does not start with %PDF-');
    assert(pdf.length > 20_000 && pdf.length < 3_000_000, `the PDF weighs ${pdf.length} bytes`);
    console.log(`    (PDF ${Math.round(pdf.length / 1024)} KB)`);
    await drawPdf(page.context(), pdf, shotPath('quarterly-pdf'));
  });

  await step('Báo cáo quý at 390 px: readable, nothing wider than the screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await idle(page);
    await page.waitForTimeout(300);
    await readable('Báo cáo quý at 390 px');
    await screenshot('quarterly-390');
    await page.setViewportSize({ width: 1366, height: 768 });
  });
});

/** Draws a PDF's pages with pdfjs in a page of its own (served from node_modules) and shoots them. */
async function drawPdf(context, pdf, shot) {
  const dir = path.join(REPO_ROOT, 'node_modules', 'pdfjs-dist', 'build');
  const viewer = await context.newPage();
  try {
    await viewer.route('http://pdf.viewer/**', (route) => {
      const name = new URL(route.request().url()).pathname.slice(1);
      if (name === 'index.html') {
        return route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><body style="margin:0;background:#888"><canvas id="c" style="display:block;margin:0 auto"></canvas><script type="module">
            import * as pdfjs from './pdf.mjs';
            pdfjs.GlobalWorkerOptions.workerSrc = './pdf.worker.mjs';
            const data = Uint8Array.from(atob(window.PDF_BASE64), (c) => c.charCodeAt(0));
            const doc = await pdfjs.getDocument({ data }).promise;
            for (let n = 1; n <= doc.numPages; n++) {
              const page = await doc.getPage(n);
              const viewport = page.getViewport({ scale: 1.4 });
              const canvas = n === 1 ? document.getElementById('c') : document.body.appendChild(document.createElement('canvas'));
              canvas.style.cssText = 'display:block;margin:0 auto 8px';
              canvas.width = viewport.width; canvas.height = viewport.height;
              await page.render({ canvasContext: canvas.getContext('2d'), viewport }).promise;
            }
            document.title = 'drawn ' + doc.numPages;
          </script></body>`,
        });
      }
      return route.fulfill({ contentType: 'text/javascript', body: fs.readFileSync(path.join(dir, path.basename(name))) });
    });
    await viewer.addInitScript((b64) => {
      window.PDF_BASE64 = b64;
    }, pdf.toString('base64'));
    await viewer.setViewportSize({ width: 1000, height: 1400 });
    await viewer.goto('http://pdf.viewer/index.html');
    await viewer.waitForFunction(() => document.title.startsWith('drawn'), null, { timeout: 15_000 });
    await viewer.screenshot({ path: shot, fullPage: true });
  } finally {
    await viewer.close();
  }
}

console.log(`\nScreenshots and files: ${SHOTS}`);
console.log(`Walk time: ${((Date.now() - started) / 1000).toFixed(1)} s`);
tally();
