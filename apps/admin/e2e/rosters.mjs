#!/usr/bin/env node
// Browser walk of the post office manager's roster week (issue 10), then the clerk's own roster.
//
//   BASE_URL=http://localhost:4000 node apps/admin/e2e/rosters.mjs
//
// Env: BASE_URL (default http://localhost:4000), CHROMIUM_PATH (default /usr/bin/chromium),
//      ROSTERS_PASSWORD (default Demo@2026: the demo users the API seeds on first start).
// As hatinh.buudien, in Vietnamese, on the provincial public administration centre's desk: reads the
// seeded current week (published shifts, coverage per slot), then in the first week ahead with no shift
// at that desk builds part of the week by drag and drop (the demo clerk's person onto counter 6 for
// Monday morning and afternoon, another person onto counter 4), moves a shift to another day, drops a
// person where the board already sees a double booking (the check lists it, nothing is sent), drops one
// on a counter whose field they are not trained for and sends it anyway (the API's NOT_QUALIFIED, in
// Vietnamese, on the cell), runs the auto-fill and accepts its proposal, publishes the week, and prints
// it (A4 landscape PDF: no navigation, no buttons, the week and the desk). The board and "my roster"
// are checked for English words, camelCase names and raw ids at 1366×768 and 390×844. Then
// hatinh.quay (counter clerk, linked to the staff record of that demo person) sees the published
// shifts of that week under "Lịch trực của tôi".
// Runs again on the same data: each run takes the next empty week.
// Screenshots (and the printed PDF) go to artifacts/screenshots/rosters/ at the repository root.
// Exits non-zero when a check fails, the page logs a console error, or a request fails.
import fs from 'node:fs';
import path from 'node:path';
import { assert, BASE_URL, check, gql, idle, preflight, REPO_ROOT, sidewaysOverflow, signIn, tally, tokenOf, withBrowser, vietnamDay, addDays } from './browser.mjs';

const SHOTS = path.join(REPO_ROOT, 'artifacts', 'screenshots', 'rosters');
const PASSWORD = process.env.ROSTERS_PASSWORD ?? 'Demo@2026';
const DESK_CODE = '42-TTPVHCC-MC';
/** Counter 6 serves đăng ký kinh doanh, counter 4 xây dựng, counter 3 đất đai and tài nguyên – môi trường. */
const BUSINESS = 6;
const BUILDING = 4;
const LAND = 3;

// The same test as e2e/screens.mjs: no English UI word, no camelCase name, no raw id on a Vietnamese screen.
const ENGLISH =
  /\b(the|and|with|of|from|status|error|loading|cancel|save|delete|edit|create|search|page|rows|next|previous|null|undefined|true|false|NaN|Invalid|Date|No rows|per page|Rows per page|Sign in|Sign out|Overview|Programme|Phase|Site|Handover|Audit|Users)\b/;
const CAMEL = /\b[a-z]+[A-Z][A-Za-z]*\b/;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;

const mondayOf = (day) => addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
const shown = (day) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

await preflight();
fs.rmSync(SHOTS, { recursive: true, force: true });
fs.mkdirSync(SHOTS, { recursive: true });

// What the walk needs to know beforehand, read as the manager and the clerk through the API.
const manager = await tokenOf('hatinh.buudien', PASSWORD);
const desk = (await gql('query($s: String) { oneStopDesks(first: 5, filter: { search: $s }) { edges { node { id name code } } } }', { s: DESK_CODE }, manager)).oneStopDesks.edges
  .map((e) => e.node)
  .find((d) => d.code === DESK_CODE);
const clerk = (await gql('{ myStaffRecord { id fullName } }', {}, await tokenOf('hatinh.quay', PASSWORD))).myStaffRecord;
const thisWeek = mondayOf(vietnamDay());
/** The first week ahead with no shift at the desk: a run leaves its week behind, the next run takes the one after. */
let week = null;
for (let i = 1; i <= 26 && !week; i += 1) {
  const monday = addDays(thisWeek, 7 * i);
  const { oneStopDesk } = await gql('query($d: ID!, $f: Date!, $t: Date!) { oneStopDesk(id: $d) { shifts(from: $f, to: $t) { id } } }', { d: desk.id, f: monday, t: addDays(monday, 6) }, manager);
  if (oneStopDesk.shifts.length === 0) week = monday;
}
const people = (
  await gql(
    'query($d: ID!) { staffMembers(first: 100, filter: { deskId: $d }) { edges { node { fullName status qualifications { trainedOn expiresOn field { code } } absences { startsOn endsOn } } } } }',
    { d: desk.id },
    manager,
  )
).staffMembers.edges.map((e) => e.node);
const tuesday = week && addDays(week, 1);
const valid = (p, code, day) => p.qualifications.some((q) => q.field?.code === code && q.trainedOn <= day && (!q.expiresOn || q.expiresOn >= day));
const present = (p, day) => p.status === 'ACTIVE' && !p.absences.some((a) => a.startsOn <= day && a.endsOn >= day);
/** Someone else for counter 4 (xây dựng) on Monday and Tuesday; someone at hand who is not trained in đất đai. */
const builder = people.find((p) => p.fullName !== clerk?.fullName && present(p, week) && present(p, tuesday) && valid(p, 'XAY_DUNG', week) && valid(p, 'XAY_DUNG', tuesday));
const untrained = people.find((p) => p.fullName !== clerk?.fullName && p !== builder && present(p, tuesday) && !valid(p, 'DAT_DAI', tuesday));

console.log(`Rosters walk of ${BASE_URL}: ${desk?.name}, week of ${week ? shown(week) : '?'} (${clerk?.fullName}, ${builder?.fullName}, ${untrained?.fullName})`);
const started = Date.now();
await withBrowser('osp-rosters-', async ({ page }) => {
  const go = async (to) => {
    await idle(page);
    await page.goto(`${BASE_URL}${to}`, { waitUntil: 'domcontentloaded' });
  };
  const byTestId = (id) => page.getByTestId(id);
  let shotNumber = 0;
  async function screenshot(name, { fullPage = false } = {}) {
    await idle(page);
    if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
    shotNumber += 1;
    await page.screenshot({ path: path.join(SHOTS, `${String(shotNumber).padStart(2, '0')}-${name}.png`), fullPage });
  }
  async function step(name, fn) {
    await check(name, async () => {
      try {
        await fn();
      } catch (error) {
        shotNumber += 1;
        await page.screenshot({ path: path.join(SHOTS, `${String(shotNumber).padStart(2, '0')}-failed.png`) }).catch(() => undefined);
        throw error;
      }
    });
  }
  async function signOut() {
    await idle(page);
    await byTestId('user-menu-button').click();
    await byTestId('sign-out').click();
    await byTestId('sign-in-form').waitFor();
    await idle(page);
  }
  /** Lines of the page a Vietnamese official would read that are not Vietnamese. */
  async function foreignLines() {
    const lines = await page.evaluate(() =>
      document.body.innerText
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    );
    return lines.filter((line) => ENGLISH.test(line) || CAMEL.test(line) || UUID.test(line));
  }
  async function noForeignText(where) {
    const foreign = await foreignLines();
    assert(foreign.length === 0, `${where}: not Vietnamese: ${foreign.slice(0, 5).join(' | ')}`);
  }
  async function fitsScreen(where) {
    const { px, culprit } = await sidewaysOverflow(page);
    const width = page.viewportSize()?.width;
    assert(px <= 0, `${where}: the page is ${width + px}px wide on a ${width}px screen (${culprit})`);
  }
  const cell = (counter, day, slot) => page.locator(`[data-testid="roster-cell"][data-counter="${counter}"][data-day="${day}"][data-slot="${slot}"]`);
  const person = (name) => page.locator(`[data-testid="roster-person"][data-person="${name}"]`);
  const shiftIn = (target, name) => target.locator(`[data-testid="roster-shift"][data-person="${name}"]`);
  /**
   * Drags with the mouse as a person does: press, a few small moves (dnd-kit starts after 4 px and
   * follows pointer events), onto the middle of the target, release.
   */
  async function drag(source, target) {
    await target.scrollIntoViewIfNeeded();
    await source.scrollIntoViewIfNeeded();
    const from = await source.boundingBox();
    const to = await target.boundingBox();
    assert(from && to, 'nothing to drag, or nowhere to drop');
    const [x, y] = [from.x + Math.min(from.width / 2, 60), from.y + 12];
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 6, y + 6, { steps: 3 });
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 15 });
    // Once the drag is under way the board may lay out again (drop hints in the cells): aim at where
    // the target is now, not where it was before the drag began.
    const now = (await target.boundingBox()) ?? to;
    await page.mouse.move(now.x + now.width / 2, now.y + now.height / 2, { steps: 5 });
    const last = (await target.boundingBox()) ?? now;
    await page.mouse.move(last.x + last.width / 2 + 1, last.y + last.height / 2 + 1, { steps: 2 });
    await page.mouse.up();
  }
  const boardUrl = (monday) => `/staff/roster?desk=${desk.id}&week=${monday}`;

  await step('hatinh.buudien: the current week of the provincial centre: published shifts, coverage per slot, the people deployed', async () => {
    assert(desk && clerk && week && builder && untrained, `test data missing: ${JSON.stringify({ desk: desk?.code, clerk: clerk?.fullName, week, builder: builder?.fullName, untrained: untrained?.fullName })}`);
    await signIn(page, 'hatinh.buudien', PASSWORD);
    await byTestId('nav-myRoster').waitFor();
    await go('/staff/roster');
    await byTestId('roster-board').waitFor();
    // The desk most of the post office's people work at opens first.
    assert((await byTestId('roster-desk').inputValue()) === desk.name, `desk shown: ${await byTestId('roster-desk').inputValue()}`);
    assert((await byTestId('roster-week-title').innerText()).includes(shown(thisWeek)), 'not the current week');
    const published = await page.locator('[data-testid="roster-shift"][data-status="PUBLISHED"]').count();
    assert(published > 0, 'no published shift in the seeded week');
    const statusText = await page.locator('[data-testid="roster-shift"][data-status="PUBLISHED"] [data-testid="roster-shift-status"]').first().innerText();
    assert(statusText.includes('Đã công bố'), `a published shift reads "${statusText}"`);
    const gaps = await page.locator('[data-testid="roster-coverage"]').evaluateAll((tags) => tags.filter((t) => Number(t.getAttribute('data-gap')) > 0).map((t) => t.innerText));
    assert(gaps.length > 0 && gaps.every((g) => g.startsWith('Thiếu')), `coverage gaps: ${gaps.join(' | ')}`);
    assert((await page.locator('[data-testid="roster-person"]').count()) === people.length, 'not every deployed person is listed');
    await noForeignText('the current week');
    await fitsScreen('the current week');
    console.log(`    (${published} published shifts, ${gaps.length} slots short)`);
    await screenshot('board-current-week');
    await screenshot('board-current-week-full', { fullPage: true });
  });

  await step(`hatinh.buudien: builds the week of ${shown(week ?? thisWeek)} by drag and drop (planned shifts, hours beside each person)`, async () => {
    await go(boardUrl(week));
    await byTestId('roster-board').waitFor();
    await idle(page);
    assert((await page.locator('[data-testid="roster-shift"]').count()) === 0, 'the week is not empty');
    for (const slot of [0, 1]) {
      await drag(person(clerk.fullName), cell(BUSINESS, week, slot));
      await shiftIn(cell(BUSINESS, week, slot), clerk.fullName).waitFor();
    }
    await drag(person(builder.fullName), cell(BUILDING, week, 0));
    const built = shiftIn(cell(BUILDING, week, 0), builder.fullName);
    await built.waitFor();
    assert((await built.getAttribute('data-status')) === 'PLANNED', 'a new shift is not planned');
    assert((await built.innerText()).includes('Dự kiến'), 'a planned shift does not say so');
    const hours = await person(clerk.fullName).getByTestId('roster-person-hours').innerText();
    assert(hours.startsWith('7,5/48 giờ'), `${clerk.fullName}: ${hours}`);
    // Moved to Tuesday: the shift follows the drop, in the same slot.
    await drag(built, cell(BUILDING, tuesday, 0));
    await shiftIn(cell(BUILDING, tuesday, 0), builder.fullName).waitFor();
    assert((await shiftIn(cell(BUILDING, week, 0), builder.fullName).count()) === 0, 'the moved shift is still on Monday');
    await noForeignText('the week being built');
    await screenshot('week-built-by-drag-and-drop');
  });

  await step('hatinh.buudien: a drop the board knows would clash is listed before saving, and nothing is sent', async () => {
    let sent = 0;
    const count = (request) => {
      if (request.postDataJSON?.()?.operationName === 'CreateRosterShift') sent += 1;
    };
    page.on('request', count);
    await drag(person(clerk.fullName), cell(BUILDING, week, 0));
    const dialog = byTestId('roster-check');
    await dialog.waitFor();
    const reasons = await byTestId('roster-check-reasons').innerText();
    assert(reasons.includes(`${clerk.fullName} đã có ca trực`) && reasons.includes('07:30–11:30'), `reasons: ${reasons}`);
    await page.waitForTimeout(400); // the dialog fades in
    await screenshot('check-before-saving');
    await byTestId('roster-check-close').click();
    await dialog.waitFor({ state: 'detached' });
    await idle(page);
    page.off('request', count);
    assert(sent === 0, `${sent} createShift sent`);
  });

  await step("hatinh.buudien: sent anyway, a counter whose field the person lacks: the API's NOT_QUALIFIED in Vietnamese on the cell itself", async () => {
    const target = cell(LAND, tuesday, 0);
    await drag(person(untrained.fullName), target);
    await byTestId('roster-check').waitFor();
    assert((await byTestId('roster-check-reasons').innerText()).includes('chưa có chứng nhận'), 'the board did not see the missing qualification');
    await byTestId('roster-check-send').click();
    const error = target.getByTestId('roster-cell-error');
    await error.waitFor();
    const text = await error.innerText();
    assert(text.includes(untrained.fullName) && text.includes('chưa có chứng nhận còn hiệu lực') && text.includes(shown(tuesday)), `the refusal reads: ${text}`);
    assert((await target.locator('[data-testid="roster-shift"]').count()) === 0, 'the refused shift is on the board');
    await noForeignText('the refusal');
    await screenshot('server-refusal-on-the-cell');
    await target.getByRole('button', { name: 'Ẩn thông báo' }).click();
    await error.waitFor({ state: 'detached' });
  });

  await step('hatinh.buudien: auto-fill proposes shifts on the board with its score; accepted, they become planned shifts', async () => {
    const before = await page.locator('[data-testid="roster-shift"]').count();
    await byTestId('roster-autofill-start').click();
    const panel = byTestId('roster-autofill');
    await panel.waitFor();
    await page.locator('[data-testid="roster-autofill"][data-status="DONE"], [data-testid="roster-autofill"][data-status="FAILED"]').waitFor({ timeout: 90_000 });
    assert((await panel.getAttribute('data-status')) === 'DONE', `auto-fill ended ${await panel.getAttribute('data-status')}`);
    const score = await byTestId('roster-autofill-score').innerText();
    assert(/^Còn trống \d+\/\d+ lượt quầy/.test(score), `score: ${score}`);
    const proposed = await page.locator('[data-testid="roster-proposed"]').count();
    assert(proposed > 0, 'nothing proposed on the board');
    assert((await page.locator('[data-testid="roster-proposed"]').first().innerText()).includes('Đề xuất'), 'a proposed shift does not say so');
    console.log(`    (${proposed} proposed; ${score.replace(/\n/g, ' ')})`);
    await noForeignText('the proposal');
    await screenshot('autofill-proposal');
    await byTestId('roster-autofill-accept').click();
    await panel.waitFor({ state: 'detached' });
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="roster-shift"]').length === n, before + proposed);
    assert((await page.locator('[data-testid="roster-proposed"]').count()) === 0, 'proposed shifts still shown after accepting');
    await screenshot('autofill-accepted', { fullPage: true });
  });

  await step('hatinh.buudien: publishes the week (confirmed), every shift then reads "Đã công bố"', async () => {
    await byTestId('roster-publish').click();
    const form = byTestId('roster-publish-form');
    await form.waitFor();
    await byTestId('roster-publish-confirm').check();
    await page.waitForTimeout(400); // the dialog fades in
    await screenshot('publish-confirm');
    await byTestId('roster-publish-form-submit').click();
    await form.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="roster-shift"][data-status="PLANNED"]').length === 0);
    const published = await page.locator('[data-testid="roster-shift"][data-status="PUBLISHED"]').count();
    assert(published > 0, 'nothing published');
    assert(await byTestId('roster-publish').isDisabled(), 'publishing is still offered with nothing planned');
    await screenshot('published', { fullPage: true });
  });

  await step('hatinh.buudien: a published shift gets new times with a reason (15-minute steps within its slot), stays published, and keeps its history', async () => {
    const shift = shiftIn(cell(BUILDING, tuesday, 0), builder.fullName);
    await shift.click();
    const form = byTestId('roster-shift-form');
    await form.waitFor();
    await byTestId('roster-shift-end').locator('xpath=..').getByRole('combobox').click();
    await page.getByRole('option', { name: '11:00', exact: true }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await byTestId('roster-shift-reason').fill('Họp giao ban cuối buổi sáng');
    await page.waitForTimeout(300); // the dialog has faded in
    await screenshot('shift-times');
    await byTestId('roster-shift-form-submit').click();
    await form.waitFor({ state: 'detached' });
    await page.waitForFunction(
      ({ day, name }) =>
        [...document.querySelectorAll(`[data-testid="roster-cell"][data-day="${day}"] [data-testid="roster-shift"]`)].some(
          (el) => el.getAttribute('data-person') === name && el.textContent.includes('07:30–11:00'),
        ),
      { day: tuesday, name: builder.fullName },
    );
    assert((await shift.getAttribute('data-status')) === 'PUBLISHED', 'the changed shift is no longer published');
    // Its history: what it was, who changed it, why.
    await shift.click();
    const history = await byTestId('roster-shift-history').innerText();
    assert(history.includes('07:30–11:30') && history.includes('Họp giao ban cuối buổi sáng'), `history: ${history}`);
    await page.getByRole('button', { name: 'Đóng', exact: true }).click();
    await byTestId('roster-shift-form').waitFor({ state: 'detached' });
  });

  await step("hatinh.buudien: swaps two people's shifts (selected on the board) in one step", async () => {
    // Two shifts of counter 1 whose people are free on each other's day (no shift, not away): the swap keeps every rule.
    const board = await page.locator('[data-testid="roster-shift"]').evaluateAll((els) =>
      els.map((el) => {
        const cellEl = el.closest('[data-testid="roster-cell"]');
        return { id: el.getAttribute('data-shift'), person: el.getAttribute('data-person'), counter: cellEl.getAttribute('data-counter'), day: cellEl.getAttribute('data-day') };
      }),
    );
    const free = (name, day) => !board.some((b) => b.person === name && b.day === day) && present(people.find((p) => p.fullName === name) ?? { status: 'LEFT', absences: [] }, day);
    const counterOne = board.filter((b) => b.counter === '1' && b.person !== clerk.fullName);
    let pair = null;
    for (const a of counterOne) for (const b of counterOne) if (!pair && a.person !== b.person && a.day !== b.day && free(a.person, b.day) && free(b.person, a.day)) pair = [a, b];
    assert(pair, 'no two counter-1 shifts can be swapped within the rules');
    await byTestId('roster-swap').click();
    await byTestId('roster-swap-bar').waitFor();
    for (const s of pair) await page.locator(`[data-testid="roster-shift"][data-shift="${s.id}"]`).click();
    const form = byTestId('roster-swap-form');
    await form.waitFor();
    const summary = await byTestId('roster-swap-summary').innerText();
    assert(summary.includes(pair[0].person) && summary.includes(pair[1].person), `swap summary: ${summary}`);
    await byTestId('roster-swap-reason').fill('Đổi ca theo đề nghị của hai nhân viên');
    await byTestId('roster-swap-form-submit').click();
    await form.waitFor({ state: 'detached' });
    for (const [s, other] of [pair, [...pair].reverse()]) {
      await page.locator(`[data-testid="roster-shift"][data-shift="${s.id}"][data-person="${other.person}"]`).waitFor();
    }
    console.log(`    (${pair[0].person} ${shown(pair[0].day)} ⇄ ${pair[1].person} ${shown(pair[1].day)})`);
    // Swapped: the board leaves the swap mode by itself.
    await byTestId('roster-swap-bar').waitFor({ state: 'detached' });
  });

  await step('hatinh.buudien: cancels a shift with a reason (required), and it leaves the board', async () => {
    const thursday = page.locator(`[data-testid="roster-cell"][data-day="${addDays(week, 3)}"][data-slot="1"] [data-testid="roster-shift"]:not([data-person="${clerk.fullName}"])`);
    assert((await thursday.count()) > 0, 'no shift on Thursday afternoon');
    const victim = thursday.first();
    const id = await victim.getAttribute('data-shift');
    await victim.click();
    await byTestId('roster-shift-form').waitFor();
    await byTestId('roster-shift-cancel').click();
    const form = byTestId('roster-cancel-form');
    await form.waitFor();
    await byTestId('roster-cancel-form-submit').click();
    const required = await form.getByText('Vui lòng nhập lý do hủy.').count();
    assert(required === 1, 'cancelling without a reason is not stopped');
    await byTestId('roster-cancel-reason').fill('Nhân viên đi tập huấn đột xuất');
    await byTestId('roster-cancel-form-submit').click();
    await form.waitFor({ state: 'detached' });
    await page.locator(`[data-testid="roster-shift"][data-shift="${id}"]`).waitFor({ state: 'detached' });
  });

  await step('hatinh.buudien: copies the week into the next one: what was copied, and each shift skipped with its reason', async () => {
    const next = addDays(week, 7);
    const { oneStopDesk } = await gql('query($d: ID!, $f: Date!, $t: Date!) { oneStopDesk(id: $d) { shifts(from: $f, to: $t) { id } } }', { d: desk.id, f: next, t: addDays(next, 6) }, manager);
    assert(oneStopDesk.shifts.length === 0, 'the next week is not empty');
    await go(boardUrl(next));
    await byTestId('roster-board').waitFor();
    await byTestId('roster-copy').click();
    await byTestId('roster-copy-form').waitFor();
    await byTestId('roster-copy-form-submit').click();
    const result = byTestId('roster-copy-result');
    await result.waitFor();
    const done = await byTestId('roster-copy-done').innerText();
    const copied = Number(done.match(/Đã sao chép (\d+) ca/)?.[1] ?? NaN);
    assert(copied > 0, `copy: ${done}`);
    const skipped = (await byTestId('roster-copy-skipped').count()) ? await byTestId('roster-copy-skipped').innerText() : '';
    console.log(`    (${copied} copied${skipped ? `; ${skipped.split('\n')[0]}` : ''})`);
    await page.waitForTimeout(300);
    await screenshot('copy-week');
    await byTestId('roster-copy-close').click();
    await result.waitFor({ state: 'detached' });
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="roster-shift"][data-status="PLANNED"]').length === n, copied);
    await noForeignText('the copied week');
    await go(boardUrl(week));
    await byTestId('roster-board').waitFor();
  });

  await step('hatinh.buudien: the printed week is A4 landscape with the week and the desk, without navigation or buttons', async () => {
    await page.emulateMedia({ media: 'print' });
    try {
      const header = byTestId('roster-print-header');
      assert(await header.isVisible(), 'no print header');
      const title = await header.innerText();
      assert(title.includes(`Lịch trực tuần từ ${shown(week)} đến ${shown(addDays(week, 6))}`) && title.includes(desk.name), `print header: ${title}`);
      for (const selector of ['header.MuiAppBar-root', 'nav', 'button'])
        assert((await page.locator(selector).filter({ visible: true }).count()) === 0, `${selector} shows in print`);
      assert(await byTestId('roster-board').isVisible(), 'the board does not print');
      await page.pdf({ path: path.join(SHOTS, 'week-printed.pdf'), format: 'A4', landscape: true, printBackground: true });
      await screenshot('print-view', { fullPage: true });
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  await step('hatinh.buudien: at phone width the board scrolls inside its box, the page does not', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await go(boardUrl(week));
      await byTestId('roster-board').waitFor();
      await idle(page);
      await fitsScreen('the board at 390 px');
      await noForeignText('the board at 390 px');
      await screenshot('board-phone');
    } finally {
      await page.setViewportSize({ width: 1366, height: 768 });
    }
  });

  await step(`hatinh.quay: "Lịch trực của tôi" lists ${clerk?.fullName}'s published shifts of that week, Monday at counter ${BUSINESS}`, async () => {
    await signOut();
    await signIn(page, 'hatinh.quay', PASSWORD);
    await byTestId('nav-myRoster').click();
    await byTestId('my-roster').waitFor();
    await go(`/my-roster?from=${week}`);
    const card = page.locator(`[data-testid="my-roster-week"][data-week="${week}"]`);
    await card.waitFor();
    const rows = await card.getByTestId('my-roster-shift').allInnerTexts();
    const monday = rows.filter((r) => r.includes(shown(week)));
    assert(monday.length === 2, `Monday: ${JSON.stringify(rows)}`);
    for (const [i, times] of ['07:30–11:30', '13:30–17:00'].entries()) {
      assert(monday[i].includes(times) && monday[i].includes(desk.name) && monday[i].includes(`Số ${BUSINESS}`), `Monday's shift ${i + 1}: ${monday[i]}`);
    }
    await noForeignText('my roster');
    await fitsScreen('my roster');
    await screenshot('my-roster');
    // The phone's calendar: an address shown once, serving the published shifts as iCalendar.
    await byTestId('calendar-feed-issue').click();
    const address = await byTestId('calendar-feed-address').inputValue();
    assert(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/.test(address), `calendar address: ${address}`);
    const feed = await page.request.get(address);
    const ics = await feed.text();
    assert(feed.status() === 200 && ics.startsWith('BEGIN:VCALENDAR') && ics.includes(`DTSTART;TZID=Asia/Ho_Chi_Minh:${week.replace(/-/g, '')}T073000`), `the feed (${feed.status()}) lacks Monday 07:30: ${ics.slice(0, 300)}`);
    await screenshot('my-roster-calendar');
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await idle(page);
      await fitsScreen('my roster at 390 px');
      await screenshot('my-roster-phone', { fullPage: true });
    } finally {
      await page.setViewportSize({ width: 1366, height: 768 });
    }
    await signOut();
  });
});

console.log(`\nScreenshots: ${SHOTS}`);
console.log(`Walk time: ${((Date.now() - started) / 1000).toFixed(1)} s`);
tally();
