#!/usr/bin/env node
// Browser walk of the demand forecast (issue 13, "Dự báo lượng hồ sơ").
//
//   BASE_URL=http://localhost:4000 node apps/admin/e2e/reports-forecast.mjs
//
// Env: BASE_URL (default http://localhost:4000), CHROMIUM_PATH (default /usr/bin/chromium),
//      FORECAST_PASSWORD (default Demo@2026: the demo users the API seeds on first start).
// As hatinh.buudien (post office manager), in Vietnamese: Báo cáo › Dự báo lượng hồ sơ opens on the
// desk most of the post office's people work at (the provincial public administration centre, a year of
// demo dossiers): the chart of the coming weeks, the weekday × slot table with the counters to open,
// the last four weeks forecast against what arrived with the error in words; at 1366×768 and 390×844,
// checked for English words, camelCase names and raw ids and for sideways scrolling. Then "Dùng làm nhu
// cầu xếp lịch" opens the roster of the forecast's first week, which auto-fills with the forecast's
// demand (the proposal is left unaccepted: it lives an hour in memory, the roster is unchanged).
// Screenshots go to artifacts/screenshots/reports-forecast/ at the repository root.
// Exits non-zero when a check fails, the page logs a console error, or a request fails.
import fs from 'node:fs';
import path from 'node:path';
import { assert, BASE_URL, foreignLines, gql, idle, preflight, REPO_ROOT, sidewaysOverflow, signIn, tally, tokenOf, walkKit, withBrowser } from './browser.mjs';

const SHOTS = path.join(REPO_ROOT, 'artifacts', 'screenshots', 'reports-forecast');
const PASSWORD = process.env.FORECAST_PASSWORD ?? 'Demo@2026';

await preflight();
fs.rmSync(SHOTS, { recursive: true, force: true });
fs.mkdirSync(SHOTS, { recursive: true });

/** Kỳ Anh's district desk (3 counters, a few people): its auto-fill takes seconds, the provincial centre's up to the solver's limit. */
const SMALL_DESK = '42-UBND-447-MC';
const manager = await tokenOf('hatinh.buudien', PASSWORD);
const small = (await gql('query($s: String) { oneStopDesks(first: 5, filter: { search: $s }) { edges { node { id name code } } } }', { s: SMALL_DESK }, manager)).oneStopDesks.edges
  .map((e) => e.node)
  .find((d) => d.code === SMALL_DESK);

console.log(`Forecast walk of ${BASE_URL}`);
const started = Date.now();
await withBrowser('osp-forecast-', async ({ page }) => {
  const byTestId = (id) => page.getByTestId(id);
  const { screenshot, step } = walkKit(page, SHOTS, { fullPage: false, timings: true });
  async function noForeignText(where) {
    const lines = await page.evaluate(() =>
      document.body.innerText
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    );
    const foreign = foreignLines(lines);
    assert(foreign.length === 0, `${where}: not Vietnamese: ${foreign.slice(0, 5).join(' | ')}`);
  }
  async function fitsScreen(where) {
    const { px, culprit } = await sidewaysOverflow(page);
    const width = page.viewportSize()?.width;
    assert(px <= 0, `${where}: the page is ${width + px}px wide on a ${width}px screen (${culprit})`);
  }

  await step('hatinh.buudien: Báo cáo › Dự báo lượng hồ sơ of the provincial centre: chart, weekday × slot table, past weeks with the error in words', async () => {
    await signIn(page, 'hatinh.buudien', PASSWORD);
    await byTestId('nav-reports').waitFor();
    await idle(page);
    await page.goto(`${BASE_URL}/reports/forecast`, { waitUntil: 'domcontentloaded' });
    await byTestId('forecast-weekday-table').waitFor();
    const deskName = await byTestId('roster-desk').inputValue();
    assert(/^Trung tâm Phục vụ Hành chính công/i.test(deskName), `desk shown: ${deskName}`);
    assert((await page.locator('[data-testid="forecast-chart"] svg').count()) > 0, 'no chart');
    const summary = await byTestId('forecast-summary').innerText();
    assert(/Dự kiến khoảng [\d.]+ hồ sơ/.test(summary), `summary: ${summary}`);
    const slots = await page.locator('[data-testid="forecast-weekday-table"] tbody tr').count();
    assert(slots >= 2, `weekday × slot table: ${slots} rows`);
    const table = await byTestId('forecast-weekday-table').innerText();
    assert(table.includes('Thứ Hai') && table.includes('07:30–11:30') && /cần \d+ quầy/.test(table), `table: ${table.slice(0, 200)}`);
    const past = await page.locator('[data-testid="forecast-past-table"] tbody tr').count();
    assert(past === 4, `past weeks: ${past}`);
    const error = await byTestId('forecast-error').innerText();
    assert(/^Sai số trung bình [\d,]+ hồ sơ mỗi buổi/.test(error), `error: ${error}`);
    assert((await byTestId('forecast-little-history').count()) === 0, 'a year of demo dossiers should be enough history');
    await noForeignText('the forecast page');
    await fitsScreen('the forecast page at 1366');
    await screenshot('forecast-1366', { fullPage: true });
  });

  await step('the same page on a phone (390 px): no sideways scrolling, still Vietnamese', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await byTestId('forecast-weekday-table').waitFor();
    await fitsScreen('the forecast page at 390');
    await noForeignText('the forecast page at 390');
    await screenshot('forecast-390', { fullPage: true });
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  await step('"Dùng làm nhu cầu xếp lịch" on Kỳ Anh’s desk: the roster of that week auto-fills with the forecast’s demand', async () => {
    assert(small, `no desk ${SMALL_DESK}`);
    await idle(page);
    await page.goto(`${BASE_URL}/reports/forecast?desk=${small.id}`, { waitUntil: 'domcontentloaded' });
    await byTestId('forecast-weekday-table').waitFor();
    await idle(page);
    assert((await byTestId('roster-desk').inputValue()) === small.name, `desk shown: ${await byTestId('roster-desk').inputValue()}`);
    await byTestId('forecast-apply').click();
    await byTestId('roster-forecast-demand').waitFor();
    await page.locator('[data-testid="roster-autofill"][data-status="DONE"], [data-testid="roster-autofill"][data-status="FAILED"]').waitFor({ timeout: 60_000 });
    assert((await byTestId('roster-autofill').getAttribute('data-status')) === 'DONE', 'the auto-fill failed');
    // The proposal fills the forecast's counters, fewer than every open counter of every slot.
    const demand = (await byTestId('roster-forecast-demand').innerText()).match(/tuần này cần (\d+) lượt quầy/);
    assert(demand, `no forecast demand in: ${await byTestId('roster-forecast-demand').innerText()}`);
    const score = await byTestId('roster-autofill-score').innerText();
    assert(score.includes(`/${demand[1]} lượt quầy`), `score: ${score}`);
    await noForeignText('the roster with the forecast’s demand');
    await screenshot('roster-forecast-demand');
  });
});

console.log(`\nScreenshots: ${SHOTS}`);
console.log(`Walk time: ${((Date.now() - started) / 1000).toFixed(1)} s`);
tally();
