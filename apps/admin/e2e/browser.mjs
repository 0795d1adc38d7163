// What the browser tests (smoke.mjs, roles.mjs, rollout.mjs, staff.mjs, the reports walks…) share: the
// server and Chromium they use, a checked step that also fails on anything the page reports as an
// error, GraphQL calls to the API as a portal makes them, signing in from a clean browser, and the
// final tally.
//
// Env: BASE_URL (default http://localhost:4000), CHROMIUM_PATH (default /usr/bin/chromium).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.BASE_URL ?? 'http://localhost:4000').replace(/\/+$/, '');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const TIMEOUT = 15_000;

/**
 * A day as the API and the admin count it: the day in Vietnam (YYYY-MM-DD), `days` after today. The walks
 * run in UTC (CI's machine and chromium), seven hours behind: from 17:00 UTC the local date is a day
 * short of the one the pages show and the API files under.
 */
export const vietnamDay = (days = 0) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(Date.now() + days * 86_400_000));

/** `day` (YYYY-MM-DD) moved by `n` calendar days. */
export const addDays = (day, n) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

let passed = 0;
let failed = 0;
/** Console errors, page errors and failed requests seen since the last check. */
const problems = [];

/** One step: fails when `fn` throws or the browser reported a problem meanwhile (then cleared). */
export async function check(name, fn) {
  try {
    await fn();
    const seen = problems.splice(0);
    if (seen.length > 0) throw new Error(`browser reported:\n    - ${seen.join('\n    - ')}`);
    passed += 1;
    console.log(`  ✓ ${name}`);
  } catch (error) {
    // What the browser reported meanwhile often explains the failure: print it with the error.
    const seen = problems.splice(0);
    const message = String(error?.message ?? error);
    const report = seen.length > 0 && !message.startsWith('browser reported:') ? `${message}\nbrowser reported:\n  - ${seen.join('\n  - ')}` : message;
    failed += 1;
    console.log(`  ✗ ${name}\n    ${report.split('\n').join('\n    ')}`);
  }
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Requests in flight per watched page, and when that last changed (see `idle`). */
const traffic = new WeakMap();
/** How long a watched page must stay without requests in flight to count as settled. */
const QUIET_MS = 250;

/** Lets the page finish loading (fonts included) so leaving it aborts no request. */
export async function settle(page) {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
}

/**
 * `settle`, and more: Playwright's "networkidle" is reached once per document, so after a client-side
 * navigation (signing in, a menu link, a dialog's mutation and refetches) `settle` returns at once
 * while queries are still running. This also waits until no request of the (watched) page has been
 * in flight for a moment, so a `goto` or a click away aborts nothing.
 */
export async function idle(page) {
  await settle(page);
  const state = traffic.get(page);
  const deadline = Date.now() + TIMEOUT;
  while (state && (state.inFlight > 0 || Date.now() - state.changedAt < QUIET_MS) && Date.now() < deadline) await page.waitForTimeout(50);
}

/**
 * How many pixels the page scrolls sideways once its layout has settled (0 when it fits), and what
 * sticks out most. After a resize, the components that read the width through useMediaQuery (the
 * navigation, the header) re-render a frame or more later, and a button's ripple may still be running:
 * a single reading taken in between saw a layout no user ever sees (the rosters walk once read 400 px
 * on a 390 px screen, gone 25 ms later). So this waits, frame by frame, up to `timeout` ms for the page
 * to fit within `tolerance` px, and only then reports what is still too wide.
 */
export async function sidewaysOverflow(page, { tolerance = 0, timeout = 2000 } = {}) {
  await page
    .waitForFunction((slack) => document.documentElement.scrollWidth - window.innerWidth <= slack, tolerance, { timeout, polling: 'raf' })
    .catch(() => {});
  return page.evaluate(() => {
    const width = window.innerWidth;
    const px = document.documentElement.scrollWidth - width;
    let culprit = '';
    if (px > 0) {
      let widest = null;
      for (const el of document.querySelectorAll('body *')) {
        const right = el.getBoundingClientRect().right;
        if (right > width && (!widest || right > widest.right)) widest = { el, right };
      }
      if (widest) {
        const { el } = widest;
        const name = el.getAttribute('data-testid') ?? String(el.className || '').split(' ')[0];
        culprit = `${el.tagName.toLowerCase()}${name ? `.${name}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}" reaches ${Math.round(widest.right)} px`;
      }
    }
    return { px, culprit };
  });
}

/** Reports what a page logs as an error, throws, or fails to load; counts its requests in flight for `idle`. */
export function watch(page) {
  const state = { inFlight: 0, changedAt: Date.now() };
  traffic.set(page, state);
  const counted = (request) => /^https?:/.test(request.url());
  page.on('request', (request) => {
    if (!counted(request)) return;
    state.inFlight += 1;
    state.changedAt = Date.now();
  });
  for (const event of ['requestfinished', 'requestfailed'])
    page.on(event, (request) => {
      if (!counted(request)) return;
      state.inFlight = Math.max(0, state.inFlight - 1);
      state.changedAt = Date.now();
    });
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()} (${msg.location().url ?? ''})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // Cancelled by the page or a navigation (a query still loading when the walk goes to the next page): no
    // failure anyone sees. What the server refuses still shows, as a status below or a connection error.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${request.method()} ${request.url()}${operationOf(request)} (${request.failure()?.errorText})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
  });
}

/** " [Name]" for a GraphQL request with an operation name, to tell which query a failure was. */
function operationOf(request) {
  try {
    const name = request.postDataJSON()?.operationName;
    return name ? ` [${name}]` : '';
  } catch {
    return '';
  }
}

/** Exits with 2 unless Chromium is installed and something answers at BASE_URL. */
export async function preflight() {
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
}

/**
 * Runs `walk({ context, page })` in headless Chromium (1366×768) with a fresh profile, its first page
 * watched; an error escaping the walk counts as a failed check. The profile is removed afterwards.
 */
export async function withBrowser(profilePrefix, walk) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), profilePrefix));
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
    watch(page);
    await walk({ context, page });
  } catch (error) {
    failed += 1;
    console.log(`  ✗ unexpected: ${error?.stack ?? error}`);
  } finally {
    await context.close().catch(() => {});
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

/**
 * Words of English UI text that no Vietnamese screen should show (MUI's untranslated defaults among
 * them), camelCase names and UUIDs. Vietnamese words never match: the list is whole English words,
 * and a Vietnamese name or a code (HT-2459, BDVHX-18760) has no camelCase.
 */
const ENGLISH_WORDS = 'the|and|with|of|from|status|error|loading|cancel|save|delete|edit|create|search|page|rows|next|previous|null|undefined|true|false|NaN|Invalid|Date|No rows|per page|Rows per page|Sign in|Sign out|Overview|Programme|Phase|Site|Handover|Audit|Users';
const CAMEL = /\b[a-z]+[A-Z][A-Za-z]*\b/;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;

/**
 * The lines an official must not meet: an English UI word (the list above, plus a walk's `extraWords`),
 * a camelCase name or a UUID. Lines for which `except(line)` holds are left out.
 */
export function foreignLines(lines, { extraWords = [], except = () => false } = {}) {
  const english = new RegExp(`\\b(${[ENGLISH_WORDS, ...extraWords].join('|')})\\b`);
  return lines.filter((line) => !except(line) && (english.test(line) || CAMEL.test(line) || UUID.test(line)));
}

/** The visible text of the page, line by line. */
function onScreenLines(page) {
  return page.evaluate(() =>
    document.body.innerText
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  );
}

/**
 * What a walk inside `withBrowser` uses on its page, its screenshots numbered in `shotsDir`:
 * - `screenshot(name, { fullPage })`: once the page is idle, scrolled to the top when whole (`fullPage`,
 *   by default the kit's `fullPage`, true unless told);
 * - `step(name, fn)`: a `check` that also shoots the page as "failed" when `fn` throws; with `timings`,
 *   prints how long the step took;
 * - `readable(where, options)`: fit for an official, no `foreignLines` on screen (options as there, by
 *   default the kit's `foreign`) and nothing wider than the screen;
 * - `shotPath(name)`: the next numbered file, for a shot taken otherwise.
 */
export function walkKit(page, shotsDir, { fullPage: wholeByDefault = true, timings = false, foreign = {} } = {}) {
  let shotNumber = 0;
  const shotPath = (name) => {
    shotNumber += 1;
    return path.join(shotsDir, `${String(shotNumber).padStart(2, '0')}-${name}.png`);
  };
  return {
    shotPath,
    async screenshot(name, { fullPage = wholeByDefault } = {}) {
      await idle(page);
      if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: shotPath(name), fullPage });
    },
    async step(name, fn) {
      const t0 = Date.now();
      await check(name, async () => {
        try {
          await fn();
        } catch (error) {
          await page.screenshot({ path: shotPath('failed') }).catch(() => undefined);
          throw error;
        }
      });
      if (timings) console.log(`    (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    },
    async readable(where, options = foreign) {
      const found = foreignLines(await onScreenLines(page), options);
      assert(found.length === 0, `${where}: English or raw names on screen: ${JSON.stringify(found.slice(0, 5))}`);
      const overflow = await sidewaysOverflow(page);
      assert(overflow.px <= 0, `${where}: the page scrolls sideways by ${overflow.px} px (${overflow.culprit})`);
    },
  };
}

/** Where the admin app keeps the language chosen ('vi', 'en'). */
export const LANGUAGE_KEY = 'osp.admin.language';

/** GraphQL as a portal would: POST to BASE_URL/graphql (as `token`'s bearer when given); the data, or throws with the API's errors. */
export async function gql(query, variables, token) {
  const res = await fetch(`${BASE_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** A token of `username` from the API's signIn mutation, for `gql`. */
export async function tokenOf(username, password) {
  return (await gql('mutation($u: String!, $p: String!) { signIn(input: { username: $u, password: $p }) { token } }', { u: username, p: password })).signIn.token;
}

/**
 * Signs `username` in through the sign-in form from a clean browser: no session or language left from
 * before, the app in `language`. The form is asked for at `at` (by default the home page), where signing
 * in then returns; waits for the navigation (its overview link) and for the page to be idle.
 */
export async function signIn(page, username, password, { language = 'vi', at = '/' } = {}) {
  const go = async (to) => {
    await idle(page);
    await page.goto(`${BASE_URL}${to}`, { waitUntil: 'domcontentloaded' });
  };
  await go('/sign-in');
  await idle(page);
  await page.evaluate(
    ({ key, lang }) => {
      window.sessionStorage.clear();
      window.localStorage.clear();
      window.localStorage.setItem(key, lang);
    },
    { key: LANGUAGE_KEY, lang: language },
  );
  await go(at);
  await page.getByTestId('sign-in-form').waitFor();
  await idle(page);
  await page.getByTestId('sign-in-username').fill(username);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('nav-overview').waitFor();
  await idle(page);
}

/** Prints how many checks passed and failed; the exit code is 1 if any failed. */
export function tally() {
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}
