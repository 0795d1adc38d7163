#!/usr/bin/env node
// Browser smoke test of the built admin, served by the API (or anything serving apps/admin/dist
// at `/`, `/graphiql` and `/graphql`).
//
//   BASE_URL=http://localhost:4000 node apps/admin/e2e/smoke.mjs
//
// Env: BASE_URL (default http://localhost:4000), CHROMIUM_PATH (default /usr/bin/chromium).
// Screenshots (1366×768) go to artifacts/screenshots/ at the repository root.
// Exits non-zero when a check fails, the page logs a console error, or a request fails.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const BASE_URL = (process.env.BASE_URL ?? 'http://localhost:4000').replace(/\/+$/, '');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SHOTS = path.join(REPO_ROOT, 'artifacts', 'screenshots');
const TIMEOUT = 15_000;

let passed = 0;
let failed = 0;
/** Console errors, page errors and failed requests seen since the last check. */
const problems = [];

async function check(name, fn) {
  try {
    await fn();
    const seen = problems.splice(0);
    if (seen.length > 0) throw new Error(`browser reported:\n    - ${seen.join('\n    - ')}`);
    passed += 1;
    console.log(`  ✓ ${name}`);
  } catch (error) {
    failed += 1;
    console.log(`  ✗ ${name}\n    ${String(error?.message ?? error).split('\n').join('\n    ')}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function expectText(page, text) {
  await page.getByText(text, { exact: true }).first().waitFor({ state: 'visible', timeout: TIMEOUT });
}

async function htmlLang(page) {
  return page.evaluate(() => document.documentElement.lang);
}

/** Lets the page finish loading (fonts included) so leaving it aborts no request. */
async function settle(page) {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
}

async function screenshot(page, name) {
  await settle(page);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

if (!fs.existsSync(CHROMIUM)) {
  console.error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH.`);
  process.exit(2);
}
try {
  await fetch(`${BASE_URL}/`, { signal: AbortSignal.timeout(5_000) });
} catch (error) {
  console.error(`Nothing answers at ${BASE_URL} (${error?.cause?.code ?? error?.message}): start the API first, or set BASE_URL.`);
  process.exit(2);
}
fs.mkdirSync(SHOTS, { recursive: true });
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'osp-smoke-'));

console.log(`Smoke test of ${BASE_URL}`);
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: CHROMIUM,
  headless: true,
  viewport: { width: 1366, height: 768 },
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(TIMEOUT);

  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()} (${msg.location().url ?? ''})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText})`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
  });

  /** Accept-Language of each GraphQL request, in order. */
  const graphqlLanguages = [];
  page.on('request', async (request) => {
    if (new URL(request.url()).pathname === '/graphql' && request.method() === 'POST') {
      graphqlLanguages.push((await request.allHeaders())['accept-language']);
    }
  });
  const workers = [];
  page.on('worker', (worker) => workers.push(worker.url()));

  await check('home page opens in Vietnamese', async () => {
    const response = await page.goto(`${BASE_URL}/`, { waitUntil: 'domcontentloaded' });
    assert(response?.ok(), `GET / answered ${response?.status()}`);
    await expectText(page, 'Bưu điện Một cửa');
    for (const label of ['Tổng quan', 'Lộ trình triển khai', 'Chuyển giao', 'Tổ chức', 'Nhân sự & quầy', 'Hồ sơ', 'Báo cáo', 'Quản trị']) {
      await page.getByTestId('nav-overview').waitFor();
      const nav = page.getByRole('navigation');
      await nav.getByText(label, { exact: true }).waitFor({ state: 'visible' });
    }
    await expectText(page, 'Trạng thái hệ thống');
    assert((await htmlLang(page)) === 'vi', `<html lang> is "${await htmlLang(page)}", expected "vi"`);
  });

  await check('province list rendered from the API', async () => {
    await page.getByTestId('province-item').first().waitFor({ state: 'visible' });
    await expectText(page, 'Đã kết nối API');
    const names = await page.getByTestId('province-item').allInnerTexts();
    assert(names.some((n) => n.includes('Tỉnh')), `no "Tỉnh" among ${names.length} items: ${names.slice(0, 5).join(', ')}`);
    console.log(`    (${names.length} provinces listed)`);
    assert(graphqlLanguages[0] === 'vi', `GraphQL request sent Accept-Language "${graphqlLanguages[0]}", expected "vi"`);
    await screenshot(page, '01-home-vi');
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

  await check('English persists across a reload', async () => {
    const before = graphqlLanguages.length;
    await page.reload({ waitUntil: 'domcontentloaded' });
    await expectText(page, 'One-Stop Post');
    await page.getByTestId('province-item').first().waitFor({ state: 'visible' });
    assert((await htmlLang(page)) === 'en', `<html lang> is "${await htmlLang(page)}", expected "en"`);
    const after = graphqlLanguages.slice(before);
    assert(after.length > 0 && after.every((l) => l === 'en'), `GraphQL requests after reload sent Accept-Language ${JSON.stringify(after)}`);
  });

  await check('an area not built yet says so (client route)', async () => {
    await page.getByTestId('nav-rollout').click();
    await page.getByTestId('not-available').waitFor();
    await expectText(page, 'Not available yet');
    assert(new URL(page.url()).pathname === '/rollout', `URL is ${page.url()}`);
    await screenshot(page, '03-not-available-en');
  });

  await check('a deep link is served by the SPA fallback', async () => {
    const response = await page.goto(`${BASE_URL}/dossiers`, { waitUntil: 'domcontentloaded' });
    assert(response?.ok(), `GET /dossiers answered ${response?.status()}`);
    await page.getByTestId('not-available').waitFor();
    await page.getByRole('heading', { name: 'Dossiers' }).waitFor();
    await settle(page);
  });

  await check('GraphiQL renders its editor', async () => {
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
} catch (error) {
  failed += 1;
  console.log(`  ✗ unexpected: ${error?.stack ?? error}`);
} finally {
  await context.close().catch(() => {});
  fs.rmSync(userDataDir, { recursive: true, force: true });
}

console.log(`Screenshots: ${SHOTS}`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
