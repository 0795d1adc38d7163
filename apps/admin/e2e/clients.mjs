#!/usr/bin/env node
// Browser walk of Quản trị → Ứng dụng kết nối (issue 12): Hà Tĩnh's administrator registers a portal
// client, sees its secret once (with copy buttons, closable only once they say it is stored); the
// secret shown is a real one (exchanged for a token over the API, as the portal will); the client's
// limits are changed; the secret is rotated (the old one still works, as promised for 24 hours); the
// client is revoked (no more tokens). The page at 1366×768 and 390×844, without an English word.
// Screenshots in SHOTS_DIR (default artifacts/screenshots/clients).
//
//   BASE_URL=http://localhost:4351 node apps/admin/e2e/clients.mjs
import fs from 'node:fs';
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

await preflight();

await withBrowser('osp-clients-', async ({ page }) => {
  const byTestId = (id) => page.getByTestId(id);
  const shot = async (name) => {
    await idle(page);
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  };
  /** The page holds no English word, camelCase name or raw enum outside names and codes. */
  async function vietnameseOnly(what) {
    const text = await page.locator('main').innerText();
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
