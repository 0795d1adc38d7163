#!/usr/bin/env node
// Browser walk of Báo cáo → Số liệu đơn vị báo cáo and Chỉ số phục vụ (QĐ 766), as the Hà Tĩnh steering
// committee keeps and reads them.
//
//   BASE_URL=http://localhost:4000 node apps/admin/e2e/reports-quality.mjs
//
// Env: BASE_URL (default http://localhost:4000), CHROMIUM_PATH (default /usr/bin/chromium),
//      QUALITY_PASSWORD (default Demo@2026: the demo users the API seeds on first start),
//      QUALITY_SHOTS (default artifacts/screenshots/reports-quality/ at the repository root).
// As hatinh.bcd, in Vietnamese: submits a commune's figures of last month through the form (the unit
// picked by name, thousands typed with dots), finds them in the list (figures with dots, the period
// dd/MM/yyyy, the source, who and when), corrects one figure, then opens the 766 page: the four figures
// equal the API's, a method opens as text, the months and desks tables are there, the scope says it is not
// the 100-point index. Every screen at 1366×768 and the 766 page at 390×844 too: no English word,
// camelCase name or uuid, nothing wider than the screen. Each run adds one figure to the demo data.
// Exits non-zero when a check fails, the page logs a console error, or a request fails.
import fs from 'node:fs';
import path from 'node:path';
import { assert, BASE_URL, gql, idle, preflight, REPO_ROOT, signIn, tally, tokenOf, walkKit, withBrowser, vietnamDay } from './browser.mjs';

const SHOTS = process.env.QUALITY_SHOTS ?? path.join(REPO_ROOT, 'artifacts', 'screenshots', 'reports-quality');
const PASSWORD = process.env.QUALITY_PASSWORD ?? 'Demo@2026';
const UNIT = 'Xã Kỳ Xuân';

const dots = (n) => new Intl.NumberFormat('vi-VN').format(n);
const percent = (share) => new Intl.NumberFormat('vi-VN', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share);

await preflight();
fs.rmSync(SHOTS, { recursive: true, force: true });
fs.mkdirSync(SHOTS, { recursive: true });

console.log(`Reported figures and service-index walk of ${BASE_URL}`);
const started = Date.now();
const today = vietnamDay();
const token = await tokenOf('hatinh.bcd', PASSWORD);
// Figures no earlier run wrote (in the thousands, so the dots show).
const online = 1000 + (Math.floor(Date.now() / 1000) % 8999);
const corrected = online + 111;
const source = `Báo cáo số ${online}/BC-UBND của UBND xã (kiểm thử giao diện)`;

await withBrowser('osp-quality-', async ({ page }) => {
  const byTestId = (id) => page.getByTestId(id);
  const { screenshot, step, readable } = walkKit(page, SHOTS);
  const ourRow = () => page.locator('[data-testid="figure-row"]', { hasText: source });

  console.log('\nhatinh.bcd (Ban Chỉ đạo tỉnh Hà Tĩnh)');

  await step(`Báo cáo → Số liệu đơn vị báo cáo: submits ${UNIT}'s figures of last month through the form`, async () => {
    await signIn(page, 'hatinh.bcd', PASSWORD);
    await byTestId('nav-reports').click();
    await byTestId('report-tab-figures').waitFor();
    await idle(page);
    await byTestId('report-tab-figures').click();
    await byTestId('figures-table').waitFor();
    await idle(page);
    assert(new URL(page.url()).pathname === '/reports/figures', `the tab opened ${page.url()}`);
    // The seeds' figures are there already, with their dots.
    assert(await page.locator('[data-testid="figure-row"]', { hasText: '262.725' }).count(), 'Hà Tĩnh 2023 (262.725) is not listed');
    await readable('the list of reported figures');
    await screenshot('figures-list');

    await byTestId('figures-add').click();
    const form = byTestId('figure-form');
    await form.waitFor();
    // The picker searches as one types: open it and let its first search finish, then type, then choose.
    await byTestId('figure-form-unit').click();
    await idle(page);
    await byTestId('figure-form-unit').fill('Kỳ Xuân');
    await page.getByRole('option', { name: new RegExp(UNIT) }).first().waitFor();
    await idle(page);
    await page.getByRole('option', { name: new RegExp(UNIT) }).first().click();
    await byTestId('figure-form-online').fill(dots(online));
    await byTestId('figure-form-atDesk').fill('1.234');
    await byTestId('figure-form-receivedViaBcci').fill('120');
    await byTestId('figure-form-source').fill(source);
    await readable('the figures form');
    await screenshot('figures-form');
    await byTestId('figure-form-submit').click();
    await form.waitFor({ state: 'detached' });
    await idle(page);
  });

  await step('finds them in the list: the unit, last month dd/MM/yyyy, each figure with dots, the source, who and when', async () => {
    const row = ourRow();
    await row.waitFor();
    const text = await row.innerText();
    const [y, m] = today.split('-').map(Number);
    const first = new Date(Date.UTC(y, m - 2, 1));
    const last = new Date(Date.UTC(y, m - 1, 0));
    const shown = (d) => `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
    for (const part of [UNIT, `${shown(first)} – ${shown(last)}`, dots(online), '1.234', '120', 'Trực tuyến', 'Ban Chỉ đạo']) {
      assert(text.includes(part), `the new row ${JSON.stringify(text)} lacks ${part}`);
    }
    assert(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/.test(text), `the row gives no time: ${JSON.stringify(text)}`);
    await row.scrollIntoViewIfNeeded();
    await readable('the list with the new figures');
  });

  await step('corrects one figure (the version read) and the list shows the correction', async () => {
    await ourRow().getByTestId('figure-edit').click();
    const form = byTestId('figure-form');
    await form.waitFor();
    assert((await byTestId('figure-form-fixed').innerText()).includes(UNIT), 'the correction form does not name the unit');
    assert((await byTestId('figure-form-online').inputValue()) === dots(online), 'the form does not start with the figure as listed');
    await byTestId('figure-form-online').fill(dots(corrected));
    await screenshot('figures-correct');
    await byTestId('figure-form-submit').click();
    await form.waitFor({ state: 'detached' });
    await idle(page);
    await page.locator('[data-testid="figure-row"]', { hasText: source }).getByText(dots(corrected), { exact: true }).waitFor();
    const figures = (await gql('{ aggregateFigures(first: 100) { edges { node { source online version } } } }', {}, token)).aggregateFigures.edges.map((e) => e.node);
    const ours = figures.find((f) => f.source === source);
    assert(ours?.online === corrected && ours.version === 2, `the API has ${JSON.stringify(ours)}`);
    await ourRow().scrollIntoViewIfNeeded();
    await screenshot('figures-corrected');
  });

  await step('Chỉ số phục vụ (QĐ 766): the four figures are the API’s, a method opens as text, months and desks, not the 100-point index', async () => {
    await byTestId('report-tab-quality').click();
    await byTestId('quality-title').waitFor();
    await byTestId('quality-months').waitFor();
    await idle(page);
    const api = (
      await gql(
        `query($filter: ServiceQualityFilter!) { serviceQualityIndex(filter: $filter) { unitName totals { points maxPoints figures { indicator share numerator denominator } } rows { name } periods { period { label } } } }`,
        { filter: { from: `${today.slice(0, 4)}-01-01`, to: today, breakdown: 'DESK' } },
        token,
      )
    ).serviceQualityIndex;
    assert(api.unitName === 'Tỉnh Hà Tĩnh', `the index is of ${api.unitName}`);
    for (const f of api.totals.figures) {
      const shown = await byTestId(`quality-share-${f.indicator}`).innerText();
      assert(shown === (f.share === null ? '—' : percent(f.share)), `${f.indicator} shows ${shown}, the API ${f.share}`);
      assert((await byTestId(`quality-card-${f.indicator}`).innerText()).includes(`${dots(f.numerator)}/${dots(f.denominator)} hồ sơ`), `${f.indicator}: the counts are not the API's`);
    }
    assert(api.totals.maxPoints === 82 && (await byTestId('quality-total-points').innerText()).endsWith('/82 điểm'), 'the reference points are not out of 82');
    assert((await byTestId('quality-scope').innerText()).includes('không phải Chỉ số 100 điểm'), 'the page does not say it is not the 100-point index');
    const months = await page.locator('[data-testid="quality-months-row"] td:first-child').allInnerTexts();
    assert(JSON.stringify(months) === JSON.stringify(api.periods.map((p) => p.period.label)), `the months ${JSON.stringify(months)} are not the API's`);
    const desks = await page.locator('[data-testid="quality-rows-row"] td:first-child').allInnerTexts();
    assert(JSON.stringify(desks) === JSON.stringify(api.rows.map((r) => r.name)), `the desks ${JSON.stringify(desks)} are not the API's`);
    await byTestId('quality-method-toggle-SATISFACTION').click();
    const method = byTestId('quality-method-SATISFACTION');
    await method.waitFor();
    assert((await method.innerText()).includes('Nhóm "Mức độ hài lòng" (tối đa 18 điểm).'), 'the satisfaction method does not name its group');
    console.log(`    (reference points ${api.totals.points}/82; ${months.length} months, ${desks.length} desks)`);
    await readable('the 766 page');
    await screenshot('quality');
  });

  await step('the 766 page at 390 px: readable, a method open as text, nothing wider than the screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await idle(page);
    await page.waitForTimeout(300);
    await byTestId('quality-method-SATISFACTION').waitFor();
    await readable('the 766 page at 390 px');
    await screenshot('quality-390');
    await page.goto(`${BASE_URL}/reports/figures`, { waitUntil: 'domcontentloaded' });
    await byTestId('figures-table').waitFor();
    await idle(page);
    await readable('the reported figures at 390 px');
    await screenshot('figures-390');
    await page.setViewportSize({ width: 1366, height: 768 });
  });
});

console.log(`\nScreenshots: ${SHOTS}`);
console.log(`Walk time: ${((Date.now() - started) / 1000).toFixed(1)} s`);
tally();
