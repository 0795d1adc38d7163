#!/usr/bin/env node
// Browser smoke test of the built admin, served by the API (or anything serving apps/admin/dist
// at `/`, `/graphiql` and `/graphql`).
//
//   BASE_URL=http://localhost:4000 node apps/admin/e2e/smoke.mjs
//
// Env: BASE_URL (default http://localhost:4000), CHROMIUM_PATH (default /usr/bin/chromium),
//      SMOKE_USERNAME (default admin) and SMOKE_PASSWORD (default Demo@2026): the demo admin the
//      API seeds on first start.
// Screenshots (1366×768) go to artifacts/screenshots/ at the repository root.
// Exits non-zero when a check fails, the page logs a console error, or a request fails.
import fs from 'node:fs';
import path from 'node:path';
import { assert, BASE_URL, check, idle, preflight, REPO_ROOT, settle, sidewaysOverflow, tally, TIMEOUT, watch, withBrowser } from './browser.mjs';

const SHOTS = path.join(REPO_ROOT, 'artifacts', 'screenshots');
const USERNAME = process.env.SMOKE_USERNAME ?? 'admin';
const PASSWORD = process.env.SMOKE_PASSWORD ?? 'Demo@2026';

async function expectText(page, text) {
  await page.getByText(text, { exact: true }).first().waitFor({ state: 'visible', timeout: TIMEOUT });
}

async function htmlLang(page) {
  return page.evaluate(() => document.documentElement.lang);
}

async function screenshot(page, name) {
  await settle(page);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

await preflight();
fs.mkdirSync(SHOTS, { recursive: true });

console.log(`Smoke test of ${BASE_URL}`);
await withBrowser('osp-smoke-', async ({ context, page }) => {
  /** Accept-Language of each GraphQL request, in order. */
  const graphqlLanguages = [];
  /** Whether each GraphQL request carried `Authorization: Bearer …`. */
  const bearerSent = [];
  page.on('request', async (request) => {
    if (new URL(request.url()).pathname === '/graphql' && request.method() === 'POST') {
      const headers = await request.allHeaders();
      graphqlLanguages.push(headers['accept-language']);
      bearerSent.push(/^Bearer \S+/.test(headers.authorization ?? ''));
    }
  });
  const workers = [];
  page.on('worker', (worker) => workers.push(worker.url()));

  await check('the home page asks to sign in, in Vietnamese', async () => {
    await idle(page); // nothing of the previous page is still loading: a goto would abort it
    const response = await page.goto(`${BASE_URL}/`, { waitUntil: 'domcontentloaded' });
    assert(response?.ok(), `GET / answered ${response?.status()}`);
    await page.getByTestId('sign-in-form').waitFor();
    assert(new URL(page.url()).pathname === '/sign-in', `URL is ${page.url()}, expected /sign-in`);
    await expectText(page, 'Bưu điện Một cửa');
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    assert((await htmlLang(page)) === 'vi', `<html lang> is "${await htmlLang(page)}", expected "vi"`);
    await screenshot(page, '00-sign-in-vi');
  });

  await check('a wrong password is refused with a clear message', async () => {
    // An unknown user, new each run: repeated runs must not lock the demo admin (or this user) out.
    await page.getByTestId('sign-in-username').fill(`smoke.nobody.${Date.now()}`);
    await page.getByTestId('sign-in-password').fill('wrong-password-1');
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('sign-in-error').waitFor();
    await expectText(page, 'Tên đăng nhập hoặc mật khẩu không đúng.');
    assert(new URL(page.url()).pathname === '/sign-in', `URL is ${page.url()}`);
  });

  await check(`signing in as ${USERNAME} with the keyboard opens the overview`, async () => {
    await page.getByTestId('sign-in-username').fill('');
    await page.getByTestId('sign-in-username').focus();
    await page.keyboard.type(USERNAME);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('nav-overview').waitFor();
    assert(new URL(page.url()).pathname === '/', `URL is ${page.url()}`);
    // An administrator's areas (layout/areas.ts): dossiers serve the desks, agencies and post offices.
    for (const label of ['Tổng quan', 'Đề án thí điểm', 'Chuyển giao', 'Tổ chức', 'Nhân sự & quầy', 'Báo cáo', 'Quản trị']) {
      await page.getByRole('navigation').getByText(label, { exact: true }).waitFor({ state: 'visible' });
    }
    assert((await page.getByRole('navigation').getByText('Hồ sơ', { exact: true }).count()) === 0, '"Hồ sơ" shown to an administrator');
    await expectText(page, 'Trạng thái hệ thống');
    await page.getByTestId('user-menu-button').waitFor();
  });

  await check('province list rendered from the API', async () => {
    await page.getByTestId('province-item').first().waitFor({ state: 'visible' });
    await expectText(page, 'Đã kết nối API');
    const names = await page.getByTestId('province-item').allInnerTexts();
    assert(names.some((n) => n.includes('Tỉnh')), `no "Tỉnh" among ${names.length} items: ${names.slice(0, 5).join(', ')}`);
    console.log(`    (${names.length} provinces listed)`);
    assert(graphqlLanguages.length > 0 && graphqlLanguages.every((l) => l === 'vi'), `GraphQL requests sent Accept-Language ${JSON.stringify(graphqlLanguages)}`);
    assert(bearerSent.some(Boolean), 'no GraphQL request carried the Bearer token');
    await screenshot(page, '01-home-vi');
  });

  await check('the user menu shows the name, roles and scope', async () => {
    await page.getByTestId('user-menu-button').click();
    await page.getByTestId('user-menu-details').waitFor();
    const name = await page.getByTestId('user-display-name').innerText();
    const roles = await page.getByTestId('user-roles').innerText();
    const scope = await page.getByTestId('user-scope').innerText();
    assert(name.trim().length > 0, 'no display name');
    assert(roles.trim().length > 0, 'no roles');
    console.log(`    (${name} · ${roles.replace(/\n/g, ', ')} · ${scope})`);
    await page.waitForTimeout(400); // the popover's opening transition
    await screenshot(page, '01b-user-menu-vi');
    await page.keyboard.press('Escape');
    await page.locator('#user-menu').waitFor({ state: 'detached' });
  });

  await check('switching to English', async () => {
    await page.getByTestId('language-switch').click();
    await page.getByTestId('language-en').click();
    await page.locator('#language-menu').waitFor({ state: 'detached' });
    await expectText(page, 'One-Stop Post');
    await expectText(page, 'System status');
    await expectText(page, 'Connected to the API');
    await page.getByRole('navigation').getByText('Staff & counters', { exact: true }).waitFor();
    assert((await htmlLang(page)) === 'en', `<html lang> is "${await htmlLang(page)}", expected "en"`);
    assert((await page.getByText('Bưu điện Một cửa').count()) === 0, 'Vietnamese product name still shown');
    await screenshot(page, '02-home-en');
  });

  await check('English and the session persist across a reload', async () => {
    const before = graphqlLanguages.length;
    await page.reload({ waitUntil: 'domcontentloaded' });
    await expectText(page, 'One-Stop Post');
    await page.getByTestId('province-item').first().waitFor({ state: 'visible' });
    assert(new URL(page.url()).pathname === '/', `URL is ${page.url()} (sent to sign in again?)`);
    assert((await htmlLang(page)) === 'en', `<html lang> is "${await htmlLang(page)}", expected "en"`);
    const after = graphqlLanguages.slice(before);
    assert(after.length > 0 && after.every((l) => l === 'en'), `GraphQL requests after reload sent Accept-Language ${JSON.stringify(after)}`);
  });

  await check('a new tab stays signed in (refresh token)', async () => {
    const other = await context.newPage();
    watch(other);
    await other.goto(`${BASE_URL}/organisation/units`, { waitUntil: 'domcontentloaded' });
    await other.getByTestId('unit-tree').waitFor();
    assert(new URL(other.url()).pathname === '/organisation/units', `URL is ${other.url()}`);
    await settle(other);
    await other.close();
  });

  await check('the reports area opens on the volumes report (client route)', async () => {
    // Reports: the committee's and administrators' (and post office managers'), built since issue 13.
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('volumes-summary').waitFor();
    await expectText(page, 'Dossier volumes');
    assert(new URL(page.url()).pathname === '/reports', `URL is ${page.url()}`);
    await screenshot(page, '03-reports-en');
  });

  await check('a deep link is served by the SPA fallback', async () => {
    await idle(page); // nothing of the previous page is still loading: a goto would abort it
    // Reports → Targets: an administrator's (dossiers are not: layout/areas.ts).
    const response = await page.goto(`${BASE_URL}/reports/targets`, { waitUntil: 'domcontentloaded' });
    assert(response?.ok(), `GET /reports/targets answered ${response?.status()}`);
    await page.getByRole('heading', { name: 'Reports' }).waitFor();
    await page.getByTestId('report-tab-targets').waitFor();
    await settle(page);
  });

  await check('units as of 2019: Bình Phước has districts', async () => {
    await idle(page); // nothing of the previous page is still loading: a goto would abort it
    await page.goto(`${BASE_URL}/organisation/units?asOf=2019-06-01`, { waitUntil: 'domcontentloaded' });
    await page.getByTestId('unit-tree').waitFor();
    const province = page.locator('[data-testid="unit-node"][data-level="PROVINCE"]', { hasText: 'Bình Phước' }).first();
    await province.waitFor();
    await province.getByTestId('unit-toggle').first().click();
    await province.locator('[data-testid="unit-node"][data-level="DISTRICT"]').first().waitFor();
    const districts = await province.locator('[data-testid="unit-node"][data-level="DISTRICT"]').count();
    assert(districts > 0, 'no district under Bình Phước in 2019');
    console.log(`    (${districts} districts)`);
    await screenshot(page, '05-units-2019-en');
  });

  await check('units as of 2026 (typed in the date picker): Đồng Nai has communes', async () => {
    await page.getByTestId('language-switch').click();
    await page.getByTestId('language-vi').click();
    await page.locator('#language-menu').waitFor({ state: 'detached' });
    // Type the day into the dd/MM/yyyy field, section by section, as a person would.
    const field = page.getByTestId('as-of');
    await field.locator('[role="spinbutton"]').first().click();
    await page.keyboard.type('01012026');
    await page.waitForURL((url) => url.searchParams.get('asOf') === '2026-01-01');
    const province = page.locator('[data-testid="unit-node"][data-level="PROVINCE"]', { hasText: 'Đồng Nai' }).first();
    await province.waitFor();
    await province.getByTestId('unit-toggle').first().click();
    await province.locator('[data-testid="unit-node"][data-level="COMMUNE"]').first().waitFor();
    assert((await province.locator('[data-testid="unit-node"][data-level="DISTRICT"]').count()) === 0, 'districts shown in 2026');
    await screenshot(page, '06-units-2026-vi');
  });

  await check('desks: search without diacritics, open the detail page', async () => {
    await page.getByTestId('org-tab-desks').click();
    await page.getByTestId('desks-grid').waitFor();
    const rows = page.locator('[data-testid="desks-grid"] [role="row"][data-id]');
    await rows.first().waitFor();
    await screenshot(page, '07-desks-vi');
    // Keyset pagination: the next page starts after the last row of this one, and back again.
    const firstOnPage1 = await rows.first().getAttribute('data-id');
    const next = page.getByRole('button', { name: 'Tới trang tiếp theo' });
    if (await next.isEnabled()) {
      await next.click();
      await page.waitForFunction(
        (id) => document.querySelector('[data-testid="desks-grid"] [role="row"][data-id]')?.getAttribute('data-id') !== id,
        firstOnPage1,
      );
      const footer = await page.locator('[data-testid="desks-grid"] .MuiDataGrid-footerContainer').innerText();
      assert(/^\d+–\d+ trong \d+$/m.test(footer) && !/^1–/m.test(footer), `footer after "next page": ${footer.replace(/\n/g, ' | ')}`);
      await page.getByRole('button', { name: 'Về trang trước đó' }).click();
      await page.waitForFunction((id) => document.querySelector('[data-testid="desks-grid"] [role="row"][data-id]')?.getAttribute('data-id') === id, firstOnPage1);
    }
    await page.getByTestId('list-search').fill('ky bac');
    await page.waitForURL((url) => url.searchParams.get('q') === 'ky bac');
    await page.locator('[data-testid="desks-grid"] [role="row"][data-id]', { hasText: 'Kỳ Bắc' }).first().waitFor();
    const found = await rows.count();
    assert(found >= 1, `search "ky bac" listed ${found} desks`);
    // The search's answer may re-render the grid once more (its count, a refetch): click a row that
    // stays put, and say where the click led if the desk's page does not open.
    await idle(page);
    const link = page.locator('[data-testid="desks-grid"] [role="row"][data-id]', { hasText: 'Kỳ Bắc' }).first().getByRole('link');
    const href = await link.getAttribute('href');
    await link.click();
    await page.waitForURL((url) => url.pathname === href, { timeout: TIMEOUT }).catch(() => {
      throw new Error(`the link to ${href} led to ${page.url()}`);
    });
    await page.getByTestId('desk-detail').waitFor();
    assert(/\/organisation\/desks\/[0-9a-f-]{36}$/.test(new URL(page.url()).pathname), `URL is ${page.url()}`);
    await expectText(page, 'Thông tin chung');
    await screenshot(page, '08-desk-detail-vi');
  });

  await check("a form shows the API's field error under the field", async () => {
    await idle(page); // nothing of the previous page is still loading: a goto would abort it
    await page.goto(`${BASE_URL}/organisation/desks`, { waitUntil: 'domcontentloaded' });
    await page.getByTestId('create-desk').click();
    await page.getByTestId('desk-form').waitFor();
    await page.getByTestId('desk-agency').click();
    await page.getByTestId('desk-agency').fill('ky bac');
    await page.getByRole('option', { name: /Kỳ Bắc/ }).first().click();
    await page.getByTestId('desk-code').fill('mã có dấu cách');
    await page.getByTestId('desk-name').fill('Bộ phận thử nghiệm');
    await page.getByTestId('desk-form-submit').click();
    await page.getByTestId('problem-alert').waitFor();
    const helper = page.locator('#' + (await page.getByTestId('desk-code').getAttribute('aria-describedby')));
    const text = (await helper.innerText()).trim();
    // The hint stays first (components/FieldHelp); the API's error is a line of its own under it.
    const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
    assert(lines[0]?.startsWith('Mã ổn định') && lines.length > 1, `no API error under the code field's hint (helper: "${text}")`);
    console.log(`    (code: ${text})`);
    await screenshot(page, '09-desk-form-error-vi');
    await page.keyboard.press('Escape');
    await page.getByTestId('desk-form').waitFor({ state: 'detached' });
  });

  await check('tablet width (768×1024): lists and detail fit', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    for (const [path, testId, shot] of [
      ['/organisation/post-offices', 'post-offices-grid', '10-post-offices-tablet'],
      ['/organisation/agencies', 'agencies-grid', '11-agencies-tablet'],
      ['/organisation/desks', 'desks-grid', '12-desks-tablet'],
    ]) {
      await idle(page); // nothing of the previous page is still loading: a goto would abort it
      await page.goto(`${BASE_URL}${path}`, { waitUntil: 'domcontentloaded' });
      await page.getByTestId(testId).waitFor();
      await page.locator(`[data-testid="${testId}"] [role="row"][data-id]`).first().waitFor();
      const overflow = await sidewaysOverflow(page);
      assert(overflow.px <= 0, `${path} is ${overflow.px}px wider than the screen (${overflow.culprit})`);
      await screenshot(page, shot);
    }
    await page.locator('[data-testid="desks-grid"] [role="row"][data-id]').first().getByRole('link').click();
    await page.getByTestId('desk-detail').waitFor();
    await screenshot(page, '13-desk-detail-tablet');
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  await check('signing out returns to the sign-in page, and stays out after a reload', async () => {
    await page.getByTestId('user-menu-button').click();
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in-form').waitFor();
    await page.getByTestId('sign-in-reason').waitFor();
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.getByTestId('sign-in-form').waitFor();
    await idle(page); // nothing of the previous page is still loading: a goto would abort it
    await page.goto(`${BASE_URL}/organisation/desks`, { waitUntil: 'domcontentloaded' });
    await page.getByTestId('sign-in-form').waitFor();
    await settle(page);
  });

  await check('signing in again returns to the page asked for', async () => {
    await page.getByTestId('sign-in-username').fill(USERNAME);
    await page.getByTestId('sign-in-password').fill(PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('desks-grid').waitFor();
    assert(new URL(page.url()).pathname === '/organisation/desks', `URL is ${page.url()}`);
    // The grid's queries finish before the next check leaves for GraphiQL (a goto would abort them).
    await idle(page);
  });

  await check('GraphiQL renders its editor', async () => {
    await idle(page); // nothing of the previous page is still loading: a goto would abort it
    const response = await page.goto(`${BASE_URL}/graphiql`, { waitUntil: 'domcontentloaded' });
    assert(response?.ok(), `GET /graphiql answered ${response?.status()}`);
    await page.locator('.graphiql-container').waitFor();
    await page.locator('.graphiql-query-editor .monaco-editor').waitFor();
    await page.locator('.graphiql-query-editor .view-lines', { hasText: 'administrativeUnits' }).waitFor();
  });

  await check('GraphiQL runs a query through its Monaco workers', async () => {
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.graphiql-response .view-lines', { hasText: 'totalCount' }).waitFor();
    // The schema arrives by introspection; monaco-graphql then validates in its worker.
    const deadline = Date.now() + TIMEOUT;
    while (!workers.some((u) => u.includes('graphql.worker')) && Date.now() < deadline) await page.waitForTimeout(200);
    assert(workers.some((u) => u.includes('graphql.worker')), `no GraphQL worker started; workers: ${JSON.stringify(workers)}`);
    await screenshot(page, '04-graphiql');
  });

  await check('GraphiQL has the portals\' contract operations as saved tabs', async () => {
    const tabs = page.locator('.graphiql-tab');
    for (const name of ['PortalToken', 'PortalProcedures', 'SubmitDossier', 'PortalDossier', 'PortalDossiersChanged', 'TrackDossier']) {
      await tabs.filter({ hasText: name }).first().waitFor();
    }
    await tabs.filter({ hasText: 'SubmitDossier' }).first().click();
    await page.locator('.graphiql-query-editor .view-lines', { hasText: 'idempotencyKey' }).waitFor();
    await screenshot(page, '05-graphiql-contract-tab');
  });
});

console.log(`Screenshots: ${SHOTS}`);
tally();
