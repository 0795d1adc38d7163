#!/usr/bin/env node
// Browser walk of Hồ sơ (issue 11): a counter clerk receives dossiers with a scanned chip ID card and
// prints the receipt, forwards one; the grid and the dossier page at 1366×768 and 390×844; the Department
// of Information and Communications' officer finds a dossier in their queue and decides it; its result
// goes by post (BCCI): the clerk records the post collecting the result from the agency, the delivery
// going out (an S10 item number, a wrong check digit refused first) and delivered, then returns the
// result; the applicant follows the
// receipt's QR link on a phone-sized screen, sees the timeline without personal data and rates the
// service; the clerk writes the apology with a new day (Form 04) for an overdue dossier and records a
// rating at the counter; the post office manager schedules a home pickup from the queue and records it
// picked up. Screenshots in SHOTS_DIR (default artifacts/screenshots/dossiers). Prints the clerk's keystrokes and clicks of one complete
// reception (the scanner's own keystrokes counted apart).
//
//   BASE_URL=http://localhost:4351 node apps/admin/e2e/dossiers.mjs
import fs from 'node:fs';
import path from 'node:path';
import { assert, BASE_URL, check, idle, preflight, REPO_ROOT, sidewaysOverflow, tally, withBrowser, vietnamDay } from './browser.mjs';

const PASSWORD = process.env.DEMO_PASSWORD ?? 'Demo@2026';
const SHOTS = process.env.SHOTS_DIR ?? path.join(REPO_ROOT, 'artifacts/screenshots/dossiers');
fs.mkdirSync(SHOTS, { recursive: true });

const OFFICER_CARD = '042088007777||Phạm Văn Hùng|09081988|Nam|Số 5 đường Nguyễn Du, phường Thành Sen, tỉnh Hà Tĩnh|01032022';
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
    await byTestId('home-page').waitFor();
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

  async function signIn(username) {
    if (!new URL(page.url()).pathname.startsWith('/sign-in')) await page.goto(`${BASE_URL}/sign-in`);
    await byTestId('sign-in-username').fill(username);
    await byTestId('sign-in-password').fill(PASSWORD);
    await byTestId('sign-in-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await byTestId('home-page').waitFor();
    await idle(page);
  }
  async function signOut() {
    await idle(page);
    await byTestId('user-menu-button').click();
    await byTestId('sign-out').click();
    await byTestId('sign-in-form').waitFor();
    await idle(page);
  }
  async function openDossier(code) {
    await page.goto(`${BASE_URL}/dossiers?q=${encodeURIComponent(code)}`);
    await byTestId('dossier-grid').getByText(code).click();
    await byTestId('dossier-actions').waitFor();
    await idle(page);
  }
  /** The page holds no English word, camelCase name or raw id outside names and codes. */
  async function vietnameseOnly(what) {
    const text = await page.locator('main').innerText();
    const foreign = text.match(/\b[a-z]+[A-Z][A-Za-z]+\b|\b[0-9a-f]{8}-[0-9a-f]{4}-|\b(?:undefined|null|Error|RECEIVED|PROCESSING|RESULT_READY)\b/);
    assert(!foreign, `${what}: "${foreign?.[0]}" on a Vietnamese screen`);
  }

  let decided = '';
  await check('a dossier of the Department of Information and Communications is received and forwarded', async () => {
    await page.goto(`${BASE_URL}/dossiers/new`);
    await byTestId('reception-procedure').waitFor();
    await idle(page);
    await page.keyboard.type('hoat dong in', { delay: 30 });
    await page.getByRole('option').first().waitFor();
    await idle(page);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'reception-full-name');
    await scanCard(OFFICER_CARD);
    await byTestId('reception-scanned').waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'reception-phone');
    await page.keyboard.type('0977 123 456');
    // The result goes by post, to the address on the card (filled in, as the clerk may change it).
    await byTestId('reception-delivery').locator('xpath=..').getByRole('combobox').click();
    await page.getByRole('option', { name: 'Nhận qua bưu điện tại địa chỉ' }).click();
    assert((await byTestId('reception-delivery-address').inputValue()).includes('Nguyễn Du'), 'the delivery address is the card’s');
    await byTestId('reception-save').click();
    await byTestId('reception-done').waitFor();
    decided = (await byTestId('reception-code').textContent()).trim();
    await openDossier(decided);
    await byTestId('dossier-action-FORWARD').click();
    await byTestId('dossier-done').waitFor();
    await signOut();
  });

  await check('the officer finds it in the queue and declares the result ready', async () => {
    await signIn('hatinh.stttt');
    await page.goto(`${BASE_URL}/dossiers/queue`);
    await page.getByText(decided).first().waitFor();
    await shot('queue-officer-1366');
    await vietnameseOnly('the officer’s queue');
    await page.getByText(decided).first().click();
    await byTestId('dossier-actions').waitFor();
    assert(await byTestId('dossier-action-FORWARD').count() === 0, 'the officer is not offered the desk’s steps');
    await byTestId('dossier-action-RESULT_READY').click();
    await byTestId('dossier-done').waitFor();
    await shot('dossier-decided-1366');
    await vietnameseOnly('the decided dossier');
    await signOut();
  });

  /** Records an event of the postal leg from the dossier's page: its kind as the menu reads it, then the item number and place. */
  async function postalEvent(kindLabel, { item = '', place = '' } = {}) {
    await byTestId('dossier-postal').click();
    await byTestId('dossier-postal-dialog').waitFor();
    await byTestId('dossier-postal-kind').locator('xpath=..').getByRole('combobox').click();
    await page.getByRole('option', { name: kindLabel, exact: true }).click();
    if (place) await byTestId('dossier-postal-place').fill(place);
    if (item) await byTestId('dossier-postal-item').fill(item);
    await byTestId('dossier-postal-dialog-submit').click();
  }

  await check('the result goes by post: collected from the agency, out for delivery with its S10 number, delivered, then returned', async () => {
    await signIn('hatinh.quay');
    await openDossier(decided);
    assert((await page.locator('main').innerText()).includes('Nhận qua bưu điện tại địa chỉ'), 'the dossier page says the result goes by post');
    await postalEvent('Đã nhận kết quả từ cơ quan', { place: 'Sở Thông tin và Truyền thông tỉnh Hà Tĩnh' });
    await byTestId('dossier-postal-dialog').waitFor({ state: 'detached' });
    await byTestId('dossier-timeline').getByText('Bưu điện đã nhận kết quả').waitFor();
    await postalEvent('Đang phát kết quả', { item: 'EE123456789VN', place: 'Bưu cục Thành Sen' });
    // The API refuses the wrong check digit under the field; the dialog stays open.
    await page.waitForFunction(() => document.querySelector('[data-testid="dossier-postal-item"]')?.getAttribute('aria-invalid') === 'true');
    await shot('dossier-postal-refused-1366');
    await byTestId('dossier-postal-item').fill('EE 1234 5678 5 VN');
    await byTestId('dossier-postal-dialog-submit').click();
    await byTestId('dossier-postal-dialog').waitFor({ state: 'detached' });
    await byTestId('dossier-timeline').getByText('EE123456785VN').first().waitFor();
    await postalEvent('Đã phát kết quả', { item: 'EE123456785VN', place: 'Số 5 đường Nguyễn Du, phường Thành Sen' });
    await byTestId('dossier-postal-dialog').waitFor({ state: 'detached' });
    await byTestId('dossier-timeline').getByText('Đã phát kết quả đến người nhận').waitFor();
    await byTestId('dossier-action-RETURN_RESULT').click();
    await byTestId('dossier-done').waitFor();
    await byTestId('dossier-timeline').getByText('Đã trả kết quả').waitFor();
    const timeline = await byTestId('dossier-timeline').innerText();
    const order = ['Bưu điện đã nhận kết quả', 'Đang phát kết quả', 'Đã phát kết quả đến người nhận', 'Đã trả kết quả'].map((label) => timeline.indexOf(label));
    assert(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1])), `the timeline reads collected, out for delivery, delivered, returned (${order.join(', ')})`);
    assert((timeline.match(/EE123456785VN/g) ?? []).length === 2, 'the item number is on the delivery and its arrival');
    await shot('dossier-returned-1366');
    await vietnameseOnly('the returned dossier');
    await signOut();
  });

  await check('the applicant follows the receipt’s link on a phone: timeline without personal data, then a rating', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${BASE_URL}/tra-cuu?ma=${encodeURIComponent(decided)}`);
    assert((await byTestId('tracking-code-input').inputValue()) === decided, 'the code comes pre-filled from the link');
    await byTestId('tracking-phone-input').fill('0977123456');
    await byTestId('tracking-submit').click();
    await byTestId('tracking-result').waitFor();
    const text = await byTestId('tracking-result').innerText();
    for (const personal of ['Phạm Văn Hùng', '0977', '042088007777', 'Nguyễn Du']) assert(!text.includes(personal), `the tracking page shows "${personal}"`);
    assert(/Đã trả kết quả/.test(text), 'the status reads "Đã trả kết quả"');
    const { px, culprit } = await sidewaysOverflow(page);
    assert(px <= 0, `the tracking page is ${390 + px}px wide on a 390px phone (${culprit})`);
    await shot('tracking-390');
    await byTestId('rating-SATISFIED').click();
    const submit = byTestId('rating-submit');
    if (await submit.count()) await submit.click();
    await byTestId('rating-thanks').waitFor();
    await shot('tracking-rated-390');
    await page.goto(`${BASE_URL}/tra-cuu?ma=${encodeURIComponent(decided)}`);
    await byTestId('tracking-phone-input').fill('0900000000');
    await byTestId('tracking-submit').click();
    await byTestId('tracking-not-found').waitFor();
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  /** Types a day into an MUI X date field (its sections are spinbuttons), as a person would. */
  async function typeDay(testId, daysAhead) {
    const [y, m, d] = vietnamDay(daysAhead).split('-');
    const typed = `${d}${m}${y}`;
    await byTestId(testId).locator('[role="spinbutton"]').first().click();
    await page.keyboard.type(typed);
    return `${typed.slice(0, 2)}/${typed.slice(2, 4)}/${typed.slice(4)}`;
  }
  /** Opens the first dossier of a grid address whose page offers the button `testId`, trying the first rows in turn. */
  async function openFirstOffering(query, testId) {
    for (let row = 0; row < 10; row += 1) {
      await page.goto(`${BASE_URL}/dossiers?${query}`);
      const rows = byTestId('dossier-grid').locator('.MuiDataGrid-row');
      await rows.first().waitFor();
      await idle(page);
      if (row >= (await rows.count())) break;
      await rows.nth(row).locator('a').first().click();
      await byTestId('dossier-actions').waitFor();
      await idle(page);
      if (await byTestId(testId).count()) return (await byTestId('dossier-code').innerText()).trim();
    }
    throw new Error(`no dossier of /dossiers?${query} offers ${testId}`);
  }

  await check('the clerk apologises for an overdue dossier with a new day (Form 04) and records a rating at the counter', async () => {
    await signIn('hatinh.quay');
    const late = await openFirstOffering('overdue=1&status=PROCESSING', 'dossier-apologise');
    await byTestId('dossier-apologise').click();
    await byTestId('dossier-apology-dialog').waitFor();
    // Without a reason the dialog says so under the field and stays open.
    const shown = await typeDay('dossier-apology-date', 10);
    await byTestId('dossier-apology-dialog-submit').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="dossier-apology-reason"]')?.getAttribute('aria-invalid') === 'true');
    await byTestId('dossier-apology-reason').fill('Cơ quan chuyên môn cần xác minh thêm thông tin tại địa phương.');
    await byTestId('dossier-apology-dialog-submit').click();
    await byTestId('dossier-apology-dialog').waitFor({ state: 'detached' });
    const promised = (await byTestId('dossier-promised').innerText()).trim();
    assert(promised.includes(shown), `the page shows the new day ${shown} (it says "${promised}")`);
    await byTestId('dossier-timeline').getByText('Cơ quan chuyên môn cần xác minh', { exact: false }).first().waitFor();
    assert((await byTestId('dossier-apologise').count()) === 0, 'a second apology is not offered');
    await shot('dossier-apology-1366');
    await vietnameseOnly(`the apologised dossier ${late}`);

    await openFirstOffering('status=RESULT_RETURNED', 'dossier-rate');
    await byTestId('dossier-rate').click();
    await byTestId('dossier-rate-dialog').waitFor();
    await byTestId('dossier-rate-rating').locator('xpath=..').getByRole('combobox').click();
    await page.getByRole('option').nth(1).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await byTestId('dossier-rate-comment').fill('Cán bộ hướng dẫn tận tình.');
    await byTestId('dossier-rate-dialog-submit').click();
    await byTestId('dossier-rate-dialog').waitFor({ state: 'detached' });
    await byTestId('dossier-done').waitFor();
    assert((await byTestId('dossier-rate').count()) === 0, 'the rating is asked once');
    await shot('dossier-rated-1366');
    await signOut();
  });

  await check('satisfaction: the clerk sees their desk’s ratings per clerk, the committee the province’s under Quản trị', async () => {
    await signIn('hatinh.quay');
    await page.goto(`${BASE_URL}/dossiers`);
    await byTestId('dossier-tab-satisfaction').click();
    await byTestId('satisfaction-share').waitFor();
    // Today's ratings at least (the applicant's and the counter's above) are this month's.
    assert(/%/.test(await byTestId('satisfaction-share').innerText()), 'the share satisfied reads as a percentage');
    await byTestId('satisfaction-clerk-table').waitFor();
    await shot('satisfaction-clerk-1366');
    await vietnameseOnly('the desk’s satisfaction ratings');
    await signOut();
    // The committee lands on the province's overview, not a home of their own.
    await byTestId('sign-in-username').fill('hatinh.bcd');
    await byTestId('sign-in-password').fill(PASSWORD);
    await byTestId('sign-in-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await idle(page);
    await page.goto(`${BASE_URL}/administration`);
    await byTestId('admin-tab-satisfaction').click();
    await byTestId('satisfaction-desk-table').waitFor();
    const desks = await byTestId('satisfaction-desk-table').locator('tbody tr').count();
    assert(desks >= 2, `the province's desks are listed (${desks})`);
    await shot('satisfaction-committee-1366');
    await vietnameseOnly('the province’s satisfaction ratings');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot('satisfaction-committee-390');
    await page.setViewportSize({ width: 1366, height: 768 });
    await signOut();
  });

  await check('the post office manager calls from the pickup queue, schedules a window, then records the dossier picked up', async () => {
    await signIn('hatinh.buudien');
    await page.goto(`${BASE_URL}/dossiers/pickups`);
    const queue = byTestId('pickup-queue');
    await queue.locator('.MuiDataGrid-row').first().waitFor();
    await idle(page);
    await shot('pickups-1366');
    await vietnameseOnly('the pickup queue');
    const scheduleButton = queue.locator('[data-testid^="pickup-schedule-"]').first();
    const code = (await scheduleButton.getAttribute('data-testid')).replace('pickup-schedule-', '');
    await scheduleButton.click();
    await byTestId('pickup-schedule-dialog').waitFor();
    await idle(page);
    await shot('pickup-schedule-1366');
    await byTestId('pickup-schedule-dialog-submit').click();
    await byTestId('pickup-schedule-dialog').waitFor({ state: 'detached' });
    await byTestId('pickup-done').waitFor();
    await byTestId(`pickup-outcome-${code}`).click();
    await byTestId('pickup-outcome-dialog').waitFor();
    await byTestId('pickup-outcome-dialog-submit').click();
    await byTestId('pickup-outcome-dialog').waitFor({ state: 'detached' });
    await byTestId('pickup-done').waitFor();
    assert((await byTestId(`pickup-schedule-${code}`).count()) === 0, `${code} leaves the waiting queue once picked up`);
    await byTestId('pickup-view-done').click();
    await byTestId(`pickup-queue`).getByText(code).first().waitFor();
    await idle(page);
    await shot('pickups-done-1366');
    await openDossier(code);
    await byTestId('dossier-timeline').getByText('Đã thu gom hồ sơ').first().waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${BASE_URL}/dossiers/pickups`);
    await queue.locator('.MuiDataGrid-row').first().waitFor();
    await shot('pickups-390');
    await page.setViewportSize({ width: 1366, height: 768 });
    await signOut();
  });
});

tally();
