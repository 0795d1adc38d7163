#!/usr/bin/env node
// Browser walk of Báo cáo → Nhân sự và tuyên truyền, as the Hà Tĩnh steering committee reads and keeps it.
//
//   BASE_URL=http://localhost:4000 node apps/admin/e2e/reports-staffing.mjs
//
// Env: BASE_URL (default http://localhost:4000), CHROMIUM_PATH (default /usr/bin/chromium),
//      STAFFING_PASSWORD (default Demo@2026: the demo users the API seeds on first start),
//      STAFFING_SHOTS (default artifacts/screenshots/reports-staffing/ at the repository root).
// As hatinh.bcd, in Vietnamese: opens Báo cáo → Nhân sự và tuyên truyền, reads staffing over time for the
// province (this year by month: the table's periods as officials write them, its figures the API's, with
// thousands in dots), then by year since the pilot began (2019: the handovers, the staff deployed), then records an outreach activity with the form (Nhóm Zalo,
// a quantity in the thousands, people reached, its source) and finds it listed with the kind's total.
// Every screen at 1366×768 and 390×844: no English word, camelCase name or uuid, nothing wider than the
// screen. Each run adds one outreach activity to the demo data (this month, Tỉnh Hà Tĩnh).
// Exits non-zero when a check fails, the page logs a console error, or a request fails.
import fs from 'node:fs';
import path from 'node:path';
import { assert, BASE_URL, gql, idle, preflight, REPO_ROOT, signIn, tally, tokenOf, walkKit, withBrowser, vietnamDay } from './browser.mjs';

const SHOTS = process.env.STAFFING_SHOTS ?? path.join(REPO_ROOT, 'artifacts', 'screenshots', 'reports-staffing');
const PASSWORD = process.env.STAFFING_PASSWORD ?? 'Demo@2026';

const dots = (n) => new Intl.NumberFormat('vi-VN').format(n);

await preflight();
fs.rmSync(SHOTS, { recursive: true, force: true });
fs.mkdirSync(SHOTS, { recursive: true });

console.log(`Staffing and outreach walk of ${BASE_URL}`);
const started = Date.now();
const today = vietnamDay();
const year = today.slice(0, 4);
const token = await tokenOf('hatinh.bcd', PASSWORD);
const FIGURES = 'handovers civilServantsRelieved postalStaffDeployed postalStaffNewlyDeployed trainingClasses trainingAttendees';
const report = async (granularity, from = `${year}-01-01`) =>
  (await gql(`query($filter: StaffingReportFilter!) { staffingReport(filter: $filter) { unitName rows { period { label } ${FIGURES} } totals { ${FIGURES} } } }`, { filter: { from, to: today, granularity } }, token))
    .staffingReport;
// A quantity no earlier run wrote (in the thousands, so the dots show).
const quantity = 1000 + (Math.floor(Date.now() / 1000) % 8999);

await withBrowser('osp-staffing-', async ({ page }) => {
  const byTestId = (id) => page.getByTestId(id);
  const { screenshot, step, readable } = walkKit(page, SHOTS);
  async function choose(testId, option) {
    await byTestId(testId).locator('xpath=..').getByRole('combobox').click();
    await page.getByRole('option', { name: option, exact: true }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
  }
  const tableRows = async () => page.locator('[data-testid="staffing-row"]').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent.trim())));
  const expectedRows = (api) =>
    api.rows.map((r) => [r.period.label, ...['civilServantsRelieved', 'handovers', 'postalStaffDeployed', 'postalStaffNewlyDeployed', 'trainingClasses', 'trainingAttendees'].map((k) => dots(r[k]))]);

  console.log('\nhatinh.bcd (Ban Chỉ đạo tỉnh Hà Tĩnh)');

  await step('Báo cáo → Nhân sự và tuyên truyền: staffing of this year by month, the API’s figures, periods as officials write them', async () => {
    await signIn(page, 'hatinh.bcd', PASSWORD);
    await byTestId('nav-reports').click();
    await byTestId('report-tab-staffing').waitFor();
    await idle(page);
    await byTestId('report-tab-staffing').click();
    await byTestId('staffing-table').waitFor();
    await idle(page);
    assert(new URL(page.url()).pathname === '/reports/staffing', `the tab opened ${page.url()}`);
    const api = await report('MONTH');
    const rows = await tableRows();
    assert(JSON.stringify(rows) === JSON.stringify(expectedRows(api)), `the table ${JSON.stringify(rows.slice(0, 3))}… is not the API's ${JSON.stringify(expectedRows(api).slice(0, 3))}…`);
    assert(rows[0][0] === 'Tháng 1/' + year, `the first period reads ${rows[0][0]}`);
    assert((await byTestId('staffing-unit-name').innerText()).startsWith('Tỉnh Hà Tĩnh'), 'the report is not of Tỉnh Hà Tĩnh');
    assert((await byTestId('staffing-total-postalStaffDeployed').innerText()) === dots(api.totals.postalStaffDeployed), 'the deployed total is not the API’s');
    console.log(`    (${rows.length} months; postal staff at the desks today ${dots(api.totals.postalStaffDeployed)}, attendances ${dots(api.totals.trainingAttendees)})`);
    await readable('the staffing report by month');
    await screenshot('staffing-months');
  });

  await step('over the years since the pilot began (2019, by year): the handovers, then the postal staff at the desks', async () => {
    await choose('staffing-granularity', 'Năm');
    await page.waitForURL(/period=YEAR/);
    await idle(page);
    await page.goto(`${BASE_URL}/reports/staffing?period=YEAR&from=2019-01-01`, { waitUntil: 'domcontentloaded' });
    await page.getByTestId('staffing-row').first().getByText('Năm 2019').waitFor();
    await idle(page);
    const api = await report('YEAR', '2019-01-01');
    const rows = await tableRows();
    assert(JSON.stringify(rows) === JSON.stringify(expectedRows(api)), `by year the table ${JSON.stringify(rows)} is not the API's`);
    assert(api.rows.some((r) => r.civilServantsRelieved > 0) && api.rows.some((r) => r.postalStaffNewlyDeployed > 0), 'the demo handovers and deployments do not show over the years');
    await byTestId('staffing-chart').waitFor();
    await readable('the staffing report by year');
    await screenshot('staffing-years');
  });

  await step('records an outreach activity with the form (Nhóm Zalo, in the thousands) and finds it listed', async () => {
    await byTestId('outreach-add').click();
    const form = byTestId('outreach-form');
    await form.waitFor();
    assert((await byTestId('outreach-form-unit').inputValue()) === 'Tỉnh Hà Tĩnh', 'the form does not start with the report’s unit');
    await choose('outreach-form-kind', 'Nhóm Zalo, mạng xã hội');
    await byTestId('outreach-form-quantity').fill(dots(quantity));
    await byTestId('outreach-form-people').fill('25000');
    await byTestId('outreach-form-source').fill('Báo cáo tuyên truyền tháng của Ban Chỉ đạo (kiểm thử giao diện)');
    await readable('the outreach form');
    await screenshot('outreach-form');
    await byTestId('outreach-form-submit').click();
    await form.waitFor({ state: 'detached' });
    await idle(page);
    const row = page.locator('[data-testid="outreach-row"]', { hasText: dots(quantity) });
    await row.waitFor();
    const text = await row.innerText();
    assert(text.includes('Nhóm Zalo, mạng xã hội') && text.includes('25.000') && text.includes('Tỉnh Hà Tĩnh'), `the new row reads ${JSON.stringify(text)}`);
    await byTestId('outreach-total-SOCIAL_GROUP').waitFor();
    await readable('the outreach list');
    await screenshot('outreach-listed');
  });

  await step('at 390 px: the same page, readable, nothing wider than the screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await idle(page);
    await page.waitForTimeout(300);
    await readable('the page at 390 px');
    await screenshot('staffing-390');
    await page.setViewportSize({ width: 1366, height: 768 });
  });
});

console.log(`\nScreenshots: ${SHOTS}`);
console.log(`Walk time: ${((Date.now() - started) / 1000).toFixed(1)} s`);
tally();
