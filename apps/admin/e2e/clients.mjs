#!/usr/bin/env node
// Browser walk of Quản trị → Ứng dụng kết nối (issue 12): Hà Tĩnh's administrator registers a portal
// client, sees its secret once (with copy buttons, closable only once they say it is stored); the
// secret shown is a real one (exchanged for a token over the API, as the portal will); the client's
// limits are changed; the secret is rotated (the old one still works, as promised for 24 hours); the
// client is revoked (no more tokens). Before that, the client's own page: its traffic chart, a
// notification endpoint on a local receiver (signing key shown once), a dossier the portal sends is
// announced there signed (checked here with node:crypto, not the product's code), the receiver down at
// first and up on the automatic retry (nothing lost, both attempts in the log), then a replay by hand
// with the same webhook-id. The pages at 1366×768 and 390×844, without an English word.
// Screenshots in SHOTS_DIR (default artifacts/screenshots/clients).
//
//   BASE_URL=http://localhost:4351 node apps/admin/e2e/clients.mjs
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { assert, BASE_URL, check, idle, preflight, REPO_ROOT, sidewaysOverflow, tally, withBrowser } from './browser.mjs';

const PASSWORD = process.env.DEMO_PASSWORD ?? 'Demo@2026';
const SHOTS = process.env.SHOTS_DIR ?? path.join(REPO_ROOT, 'artifacts/screenshots/clients');
fs.mkdirSync(SHOTS, { recursive: true });
const RUN = Date.now().toString(36);
const NAME = `Cổng Dịch vụ công thử nghiệm ${RUN}`;

/** The portal's side: the token exchange of the contract (PortalToken). */
async function exchange(clientId, clientSecret) {
  const response = await fetch(`${BASE_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation PortalToken($clientId: String!, $clientSecret: String!) { issueClientToken(input: { clientId: $clientId, clientSecret: $clientSecret }) { token expiresAt scopes } }',
      variables: { clientId, clientSecret },
    }),
  });
  const body = await response.json();
  return body.data?.issueClientToken ?? null;
}

/** GraphQL as staff (the procedure a portal may send), or as a portal by the hash of a published operation. */
async function gql(body, token = null) {
  const response = await fetch(`${BASE_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const answer = await response.json();
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return answer.data;
}
const MANIFEST = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'packages/schema/persisted-operations.json'), 'utf8'));
const persisted = (name, variables, token) => {
  const operation = MANIFEST.operations.find((o) => o.name === name);
  return gql({ operationName: name, variables, extensions: { persistedQuery: { version: 1, sha256Hash: operation.id } } }, token);
};

/**
 * A portal's notification receiver on a loopback port: records each request with its headers and body,
 * answers with `status` (503 while "down").
 */
function startReceiver() {
  const received = [];
  const state = { status: 503 };
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body, answered: state.status });
      res.writeHead(state.status, { 'content-type': 'text/plain' }).end(state.status === 200 ? 'ok' : 'down');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, received, state, url: `http://127.0.0.1:${server.address().port}/osp/thong-bao` })));
}

/** Standard Webhooks, as the specification writes it: HMAC-SHA256 of "id.timestamp.body" with the key after whsec_. */
function signatureValid(secret, { headers, body }) {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${headers['webhook-id']}.${headers['webhook-timestamp']}.${body}`).digest();
  return String(headers['webhook-signature'] ?? '')
    .split(' ')
    .map((part) => part.split(','))
    .some(([version, sig]) => version === 'v1' && sig && Buffer.from(sig, 'base64').length === expected.length && timingSafeEqual(Buffer.from(sig, 'base64'), expected));
}

/** Waits for the receiver; long enough for the worker's sweep (every 30 s) to catch a job missed. */
async function waitFor(what, condition, ms = 75_000) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`waited ${ms / 1000} s for ${typeof what === 'function' ? what() : what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

await preflight();

await withBrowser('osp-clients-', async ({ page }) => {
  const byTestId = (id) => page.getByTestId(id);
  const shot = async (name) => {
    await idle(page);
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  };
  /** The page holds no English word, camelCase name or raw enum outside names and codes. */
  async function vietnameseOnly(what, where = page.locator('main')) {
    // Identifiers the page shows on purpose, for the portal's engineers to quote, are not words: a
    // message id (msg_ and random base64url) once read "…-iBLd…" as a camelCase word.
    const text = (await where.innerText()).replace(/\b(?:msg|whsec|osp)_[A-Za-z0-9_+/=-]+/g, '');
    const foreign = text.match(/\b[a-z]+[A-Z][A-Za-z]+\b|\b(?:undefined|null|Error|SUBMIT_DOSSIERS|READ_OWN_DOSSIERS|READ_CATALOGUE)\b/);
    assert(!foreign, `${what}: "${foreign?.[0]}" on a Vietnamese screen`);
  }
  /** Reads the credentials dialog, ticks "stored" and closes it. */
  async function takeCredentials() {
    await byTestId('api-client-secret-dialog').waitFor();
    const clientId = (await byTestId('api-client-id-value').innerText()).trim();
    const clientSecret = (await byTestId('api-client-secret-value').innerText()).trim();
    assert(/^osp_/.test(clientId), `the client id reads "${clientId}"`);
    assert(clientSecret.length >= 32, 'the secret is long');
    assert(await byTestId('api-client-secret-close').isDisabled(), 'the dialog cannot be closed before the secret is said to be stored');
    return { clientId, clientSecret };
  }
  async function closeCredentials() {
    await byTestId('api-client-secret-saved').check();
    await byTestId('api-client-secret-close').click();
    await byTestId('api-client-secret-dialog').waitFor({ state: 'detached' });
  }
  const row = () => byTestId('api-clients-grid').locator('.MuiDataGrid-row', { hasText: NAME });

  let first;
  await check('hatinh.quantri registers a portal client; its secret is shown once and works', async () => {
    await page.goto(`${BASE_URL}/sign-in`);
    await byTestId('sign-in-username').fill('hatinh.quantri');
    await byTestId('sign-in-password').fill(PASSWORD);
    await byTestId('sign-in-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await idle(page);
    await page.goto(`${BASE_URL}/administration/api-clients`);
    await byTestId('create-api-client').click();
    await byTestId('api-client-form').waitFor();
    // Without the required fields the form says which.
    await byTestId('api-client-form-submit').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="api-client-name"]')?.getAttribute('aria-invalid') === 'true');
    await byTestId('api-client-name').fill(NAME);
    await byTestId('api-client-owner').fill('Văn phòng Ủy ban nhân dân tỉnh Hà Tĩnh');
    await byTestId('api-client-contact-name').fill('Nguyễn Văn Kỹ Thuật');
    await byTestId('api-client-email').fill('kythuat@example.gov.vn');
    await byTestId('api-client-phone').fill('0239 3855 555');
    await byTestId('api-client-scope-READ_CATALOGUE').uncheck();
    await shot('create-1366');
    await byTestId('api-client-form-submit').click();
    first = await takeCredentials();
    await shot('secret-1366');
    await closeCredentials();
    const token = await exchange(first.clientId, first.clientSecret);
    assert(token?.token, 'the secret shown is exchanged for a token');
    assert(token.scopes.join() === 'SUBMIT_DOSSIERS,READ_OWN_DOSSIERS', `the token carries ${token?.scopes}`);
    await row().waitFor();
    await idle(page);
    await shot('list-1366');
    await vietnameseOnly('the clients page');
  });

  await check("the client's page: traffic over 30 days; a notification endpoint on a local receiver gets a submitted dossier, signed; down then up, then sent again by hand", async () => {
    const receiver = await startReceiver();
    try {
      // The portal sends a dossier of a procedure the post office may collect (found as staff: this client may not read the catalogue).
      const staff = (await gql({ query: 'mutation($u: String!, $p: String!) { signIn(input: { username: $u, password: $p }) { token } }', variables: { u: 'hatinh.quantri', p: PASSWORD } })).signIn.token;
      const { procedures } = await gql({ query: '{ procedures(filter: { provinceCode: "42" }, first: 100) { edges { node { code bcciMode } } } }' }, staff);
      const procedure = procedures.edges.map((e) => e.node).find((p) => p.bcciMode === 'RECEIVE_AND_RETURN');
      assert(procedure, 'Hà Tĩnh has a procedure the post office may collect');

      await row().getByTestId('api-client-link').click();
      await byTestId('api-client-page').waitFor();
      await byTestId('api-client-usage-chart').waitFor();
      await byTestId('webhook-endpoints-none').waitFor();
      await byTestId('webhook-endpoint-add').click();
      await byTestId('webhook-endpoint-form').waitFor();
      await byTestId('webhook-endpoint-url').fill('http://example.com/osp');
      await byTestId('webhook-endpoint-form-submit').click();
      // Plain HTTP is for loopback only: the API names the field.
      await page.waitForFunction(() => document.querySelector('[data-testid="webhook-endpoint-url"]')?.getAttribute('aria-invalid') === 'true');
      await byTestId('webhook-endpoint-url').fill(receiver.url);
      await byTestId('webhook-endpoint-description').fill('Máy nhận thử nghiệm');
      await byTestId('webhook-endpoint-form-submit').click();
      await byTestId('webhook-secret-dialog').waitFor();
      const secret = (await byTestId('webhook-secret-value').innerText()).trim();
      assert(/^whsec_[A-Za-z0-9+/=]{32,}$/.test(secret), `the signing key reads "${secret}"`);
      assert(await byTestId('webhook-secret-close').isDisabled(), 'the key dialog cannot be closed before the key is said to be stored');
      await shot('webhook-secret-1366');
      await byTestId('webhook-secret-saved').check();
      await byTestId('webhook-secret-close').click();
      await byTestId('webhook-endpoint').filter({ hasText: receiver.url }).getByText('Đang nhận').waitFor();

      const { token } = await exchange(first.clientId, first.clientSecret);
      const reference = `WALK-${RUN}`;
      const { submitDossier } = await persisted(
        'SubmitDossier',
        {
          idempotencyKey: randomUUID(),
          procedureCode: procedure.code,
          externalReference: reference,
          fullName: 'Nguyễn Thị Thử',
          idNumber: '042090005678',
          phone: '0912000111',
          pickupAddress: 'Thôn 2, xã Kỳ Xuân, tỉnh Hà Tĩnh',
          pickupUnitCode: '18766',
          deliverTo: null,
        },
        token,
      );
      const code = submitDossier.dossier.code;
      // Down at first (503), up for the automatic retry: the same notification arrives, nothing lost.
      await waitFor('the first attempt', () => receiver.received.length >= 1);
      receiver.state.status = 200;
      await waitFor(() => `the automatic retry (answered so far: ${receiver.received.map((r) => r.answered).join(', ')})`, () => receiver.received.some((r) => r.answered === 200));
      const [firstTry, retry] = receiver.received;
      const event = JSON.parse(retry.body);
      assert(firstTry.headers['webhook-id'] === retry.headers['webhook-id'] && /^msg_/.test(retry.headers['webhook-id']), 'the retry carries the same webhook-id');
      assert(signatureValid(secret, firstTry) && signatureValid(secret, retry), 'both attempts are signed with the key shown');
      assert(event.type === 'dossier.status_changed' && event.data.code === code && event.data.externalReference === reference, `the notification: ${retry.body.slice(0, 200)}`);

      await page.reload();
      await byTestId('webhook-deliveries-grid').waitFor();
      const delivered = byTestId('webhook-deliveries-grid').locator('.MuiDataGrid-row', { hasText: code });
      await delivered.getByText('Đã nhận', { exact: true }).waitFor();
      await shot('client-page-1366');
      await vietnameseOnly("the client's page");
      await delivered.getByTestId('webhook-delivery-view').click();
      await byTestId('webhook-delivery-drawer').waitFor();
      const attempts = byTestId('webhook-attempt');
      assert((await attempts.count()) === 2, `the drawer lists ${await attempts.count()} attempts`);
      assert((await attempts.nth(0).innerText()).includes('503') && (await attempts.nth(1).innerText()).includes('200'), 'first 503, then 200');
      await byTestId('webhook-delivery-replay-drawer').click();
      await waitFor('the replay', () => receiver.received.length >= 3);
      const replayed = receiver.received[2];
      assert(replayed.headers['webhook-id'] === retry.headers['webhook-id'] && signatureValid(secret, replayed), 'the replay: the same webhook-id, signed');
      await byTestId('webhook-delivery-notice').waitFor();
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="webhook-attempt"]').length === 3, null, { timeout: 15_000 }).catch(async () => {
        // The drawer shows the delivery as the replay left it; reopen it once the log has the attempt.
        await page.keyboard.press('Escape');
        await page.reload();
        await delivered.getByTestId('webhook-delivery-view').click();
        await page.waitForFunction(() => document.querySelectorAll('[data-testid="webhook-attempt"]').length === 3);
      });
      assert((await attempts.nth(2).innerText()).includes('Gửi lại bằng tay'), 'the third attempt says it was sent by hand');
      await shot('delivery-drawer-1366');
      await vietnameseOnly('the delivery drawer', byTestId('webhook-delivery-drawer'));
      await page.keyboard.press('Escape');
      await page.setViewportSize({ width: 390, height: 844 });
      try {
        await idle(page);
        const { px, culprit } = await sidewaysOverflow(page);
        assert(px <= 0, `the client's page is ${390 + px}px wide on a 390px phone (${culprit})`);
        await shot('client-page-390');
      } finally {
        await page.setViewportSize({ width: 1366, height: 768 });
      }
      await page.goto(`${BASE_URL}/administration/api-clients`);
      await row().waitFor();
    } finally {
      receiver.server.close();
    }
  });

  await check('the limits are changed; the secret is rotated and the old one still works; the client is revoked', async () => {
    await row().getByTestId('api-client-edit').click();
    await byTestId('api-client-form').waitFor();
    await byTestId('api-client-requests').fill('1200');
    await byTestId('api-client-form-submit').click();
    await byTestId('api-client-form').waitFor({ state: 'detached' });
    await row().filter({ hasText: '1.200 yêu cầu/giờ' }).waitFor();

    await row().getByTestId('api-client-rotate-open').click();
    await byTestId('api-client-rotate').waitFor();
    await byTestId('api-client-rotate-submit').click();
    const rotated = await takeCredentials();
    assert(rotated.clientId === first.clientId && rotated.clientSecret !== first.clientSecret, 'a new secret for the same client id');
    await closeCredentials();
    assert((await exchange(rotated.clientId, rotated.clientSecret))?.token, 'the new secret works');
    assert((await exchange(first.clientId, first.clientSecret))?.token, 'the old secret still works during the grace period');
    await row().filter({ hasText: 'Khóa cũ còn dùng được đến' }).waitFor();

    await row().getByTestId('api-client-revoke-open').click();
    await byTestId('api-client-revoke').waitFor();
    await byTestId('api-client-revoke-submit').click();
    // The irreversible step must be confirmed.
    await byTestId('api-client-revoke').getByText('Hãy đánh dấu xác nhận').waitFor();
    await byTestId('api-client-revoke-confirm').check();
    await byTestId('api-client-revoke-submit').click();
    await byTestId('api-client-revoke').waitFor({ state: 'detached' });
    assert((await exchange(rotated.clientId, rotated.clientSecret)) === null, 'a revoked client gets no token');
    await byTestId('api-clients-include-revoked').click();
    await row().filter({ hasText: 'Đã thu hồi' }).waitFor();
    await shot('revoked-1366');
    await page.setViewportSize({ width: 390, height: 844 });
    await idle(page);
    await shot('list-390');
    const { px, culprit } = await sidewaysOverflow(page);
    assert(px <= 0, `the page is ${390 + px}px wide on a 390px phone (${culprit})`);
    await page.setViewportSize({ width: 1366, height: 768 });
  });
});

tally();
