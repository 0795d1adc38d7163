#!/usr/bin/env node
// Browser walk of Hồ sơ (issue 11): a counter clerk receives dossiers with a scanned chip ID card and
// prints the receipt, forwards one; the grid and the dossier page at 1366×768 and 390×844; screenshots
// in SHOTS_DIR (default /tmp/osp-dossier-shots). Prints the clerk's keystrokes and clicks of one complete
// reception (the scanner's own keystrokes counted apart).
//
//   BASE_URL=http://localhost:4351 node apps/admin/e2e/dossiers.mjs
import fs from 'node:fs';
import path from 'node:path';
import { assert, BASE_URL, check, idle, preflight, tally, withBrowser } from './browser.mjs';

const PASSWORD = process.env.DEMO_PASSWORD ?? 'Demo@2026';
const SHOTS = process.env.SHOTS_DIR ?? '/tmp/osp-dossier-shots';
fs.mkdirSync(SHOTS, { recursive: true });

const CARDS = [
  '042190012345|183456789|Nguyễn Thị Hường|15031990|Nữ|Thôn Yên Thượng, xã Cẩm Xuyên, tỉnh Hà Tĩnh|20042021',
  '042085001234||Trần Văn Đức|02071985|Nam|Tổ dân phố 3, phường Thành Sen, tỉnh Hà Tĩnh|11092022',
  '042195004321|184111222|Lê Thị Mai|23111995|Nữ|Xóm Trung, xã Thạch Hà, tỉnh Hà Tĩnh|05012023',
];
const PHONES = ['0912345678', '0987654321', '0905111222'];
const SEARCHES = ['khai sinh', 'ket hon', 'chung thuc'];

await preflight();

await withBrowser('osp-dossiers-', async ({ page }) => {
  const byTestId = (id) => page.getByTestId(id);
  const shot = async (name) => {
    await idle(page);
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  };
  // The clerk's own keystrokes and clicks.
  const count = { keys: 0, clicks: 0, scannerKeys: 0 };
  const type = async (text) => {
    count.keys += [...text].length;
    await page.keyboard.type(text, { delay: 40 });
  };
  const press = async (key) => {
    count.keys += 1;
    await page.keyboard.press(key);
  };
  const click = async (locator) => {
    count.clicks += 1;
    await locator.click();
  };
  /** A handheld scanner: a fast burst of keys ending in Enter. */
  const scanCard = async (text) => {
    count.scannerKeys += [...text].length + 1;
    await page.keyboard.type(text, { delay: 4 });
    await page.keyboard.press('Enter');
  };

  await check('a counter clerk signs in', async () => {
    await page.goto(`${BASE_URL}/sign-in`);
    await byTestId('sign-in-username').fill('hatinh.quay');
    await byTestId('sign-in-password').fill(PASSWORD);
    await byTestId('sign-in-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await idle(page);
  });

  const codes = [];
  for (let i = 0; i < CARDS.length; i += 1) {
    await check(`reception ${i + 1}: procedure by letters, scanned ID card, phone, Enter`, async () => {
      await page.goto(`${BASE_URL}/dossiers/new`);
      await byTestId('reception-procedure').waitFor();
      await idle(page);
      if (i === 0) Object.assign(count, { keys: 0, clicks: 0, scannerKeys: 0 });
      assert(await byTestId('reception-procedure').evaluate((el) => el === document.activeElement), 'the procedure field has the focus');
      await type(SEARCHES[i]);
      await page.getByRole('option').first().waitFor();
      await idle(page);
      await press('Enter');
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'reception-full-name');
      await scanCard(CARDS[i]);
      await byTestId('reception-scanned').waitFor();
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'reception-phone');
      await type(PHONES[i]);
      if (i === 0) {
        await shot('reception-filled-1366');
      }
      await press('Enter');
      await byTestId('reception-done').waitFor();
      codes.push(await byTestId('reception-code').textContent());
      if (i === 0) {
        const popup = page.waitForEvent('popup', { timeout: 10_000 }).catch(() => null);
        const download = page.waitForEvent('download', { timeout: 10_000 }).catch(() => null);
        await click(byTestId('reception-print'));
        const got = await Promise.race([popup, download]);
        assert(got, 'the receipt opens or downloads');
        if (got && 'close' in got) await got.close().catch(() => {});
        console.log(`  reception with a scanned ID card: ${count.keys} keystrokes and ${count.clicks} click(s) by the clerk (the scanner typed ${count.scannerKeys} keys); code ${codes[0]}`);
        await shot('reception-done-1366');
      }
    });
  }

  await check('the first dossier is forwarded to the agency from its page', async () => {
    await page.goto(`${BASE_URL}/dossiers?q=${encodeURIComponent(codes[0])}`);
    await byTestId('dossier-grid').getByText(codes[0]).click();
    await byTestId('dossier-actions').waitFor();
    await byTestId('dossier-action-FORWARD').click();
    await byTestId('dossier-done').waitFor();
    await shot('dossier-page-1366');
  });

  await check('the grid at 1366 and the page and grid at 390', async () => {
    await page.goto(`${BASE_URL}/dossiers`);
    await byTestId('dossier-grid').locator('.MuiDataGrid-row').first().waitFor();
    await shot('grid-1366');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot('grid-390');
    await page.goto(`${BASE_URL}/dossiers/new`);
    await byTestId('reception-procedure').waitFor();
    await shot('reception-390');
    await page.goto(`${BASE_URL}/dossiers?q=${encodeURIComponent(codes[0])}`);
    await byTestId('dossier-grid').getByText(codes[0]).click();
    await byTestId('dossier-actions').waitFor();
    await shot('dossier-page-390');
    await page.setViewportSize({ width: 1366, height: 768 });
  });
});

tally();
