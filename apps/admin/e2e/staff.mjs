#!/usr/bin/env node
// Browser walk of the staff register and a desk's counters, as the Hà Tĩnh post office manager keeps them.
//
//   BASE_URL=http://localhost:4000 node apps/admin/e2e/staff.mjs
//
// Env: BASE_URL (default http://localhost:4000), CHROMIUM_PATH (default /usr/bin/chromium),
//      STAFF_PASSWORD (default Demo@2026: the demo users the API seeds on first start),
//      STAFF_SHOTS (default artifacts/screenshots/staff/ at the repository root).
// As hatinh.buudien, in Vietnamese: opens Nhân sự, reads the qualifications (expiring within 30 days
// amber and expired red, in words), searches a name without diacritics, filters by expiring
// certificates and by procedure field, opens a person who has a published shift, records an absence on
// that day and reads which published shifts it collides with (day and time, to cancel or hand over),
// then the person's desk: its counters, weekly opening hours and the opening-hours dialog's own check
// in Vietnamese. Every screen at 1366×768 and 390×844: no English word, camelCase name or uuid, nothing
// wider than the screen. Then hatinh.bcd (steering committee) reads the same person without any button
// to change it. Needs the demo seed's staff, counters and published week (apps/api/src/seed/roster-seed.ts).
// Each run adds one absence to the demo data (on a day the person already has a published shift).
// Exits non-zero when a check fails, the page logs a console error, or a request fails.
import fs from 'node:fs';
import path from 'node:path';
import { assert, BASE_URL, check, gql, idle, preflight, REPO_ROOT, sidewaysOverflow, signIn, tally, tokenOf, withBrowser, vietnamDay, addDays } from './browser.mjs';

const SHOTS = process.env.STAFF_SHOTS ?? path.join(REPO_ROOT, 'artifacts', 'screenshots', 'staff');
const PASSWORD = process.env.STAFF_PASSWORD ?? 'Demo@2026';

/** The same checks as screens.mjs: English UI words, camelCase names, uuids. */
const ENGLISH = /\b(the|and|with|of|from|status|error|loading|cancel|save|delete|edit|create|search|page|rows|next|previous|null|undefined|true|false|NaN|Invalid|Date|No rows|per page|Rows per page|Sign in|Sign out|Overview|Programme|Phase|Site|Handover|Audit|Users)\b/;
const CAMEL = /\b[a-z]+[A-Z][A-Za-z]*\b/;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;

/** YYYY-MM-DD of today in Vietnam, and a day `days` later. */
const shown = (day) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
const typed = (day) => `${day.slice(8, 10)}${day.slice(5, 7)}${day.slice(0, 4)}`;
/** "Phạm Văn Giang (demo)" → "pham van giang": what someone types without diacritics. */
const folded = (name) =>
  name
    .replace(/\s*\(demo\)$/, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();

await preflight();
fs.rmSync(SHOTS, { recursive: true, force: true });
fs.mkdirSync(SHOTS, { recursive: true });

console.log(`Staff walk of ${BASE_URL}`);
const started = Date.now();

// A person of the manager's province with a published shift around this week: the absence will collide with it.
const today = vietnamDay();
const managerToken = await tokenOf('hatinh.buudien', PASSWORD);
const register = await gql(
  `query($from: Date!, $to: Date!) { staffMembers(first: 100) { totalCount edges { node { id fullName homeDesk { id name }
     shifts(from: $from, to: $to) { id day startsAt endsAt status desk { id name } counter { number } } } } } }`,
  { from: addDays(today, -7), to: addDays(today, 13) },
  managerToken,
);
const candidates = register.staffMembers.edges
  .map((e) => e.node)
  .flatMap((person) => person.shifts.filter((s) => s.status === 'PUBLISHED').map((shift) => ({ person, shift })))
  // A day still to come first (as a manager records a leave), then the latest one.
  .sort((a, b) => (a.shift.day >= today) - (b.shift.day >= today) || a.shift.day.localeCompare(b.shift.day));
const chosen = candidates.find((c) => c.shift.day >= today) ?? candidates.at(-1);

await withBrowser('osp-staff-', async ({ page }) => {
  const byTestId = (id) => page.getByTestId(id);
  const go = async (to) => {
    await idle(page);
    await page.goto(`${BASE_URL}${to}`, { waitUntil: 'domcontentloaded' });
  };
  let shotNumber = 0;
  async function screenshot(name, { fullPage = true } = {}) {
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
  /** Fit for an official: no English word, camelCase name or uuid on screen, nothing wider than it. */
  async function readable(where) {
    const lines = await page.evaluate(() =>
      document.body.innerText
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    );
    const foreign = lines.filter((line) => ENGLISH.test(line) || CAMEL.test(line) || UUID.test(line));
    assert(foreign.length === 0, `${where}: English or raw names on screen: ${JSON.stringify(foreign.slice(0, 5))}`);
    const overflow = await sidewaysOverflow(page);
    assert(overflow.px <= 0, `${where}: the page scrolls sideways by ${overflow.px} px (${overflow.culprit})`);
  }
  async function signOut() {
    await idle(page);
    await byTestId('user-menu-button').click();
    await byTestId('sign-out').click();
    await byTestId('sign-in-form').waitFor();
    await idle(page);
  }
  /** Picks an option of an MUI select whose hidden input carries `testId`. */
  async function choose(testId, option) {
    await byTestId(testId).locator('xpath=..').getByRole('combobox').click();
    await page.getByRole('option', { name: option, exact: true }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
  }
  async function typeDay(field, day) {
    await field.locator('[role="spinbutton"]').first().click();
    await page.keyboard.type(typed(day));
  }
  const gridRows = () => page.locator('[data-testid="staff-grid"] [role="row"][data-id]');
  const listCount = async () => Number(((await byTestId('list-count').innerText()).match(/\d+/) ?? ['-1'])[0]);
  /** The grid has its answer: no request in flight, none about to start (the search waits 300 ms after typing). */
  async function settledGrid() {
    await idle(page);
    await page.waitForTimeout(400);
    await idle(page);
    await page.locator('[data-testid="staff-grid"] .MuiDataGrid-overlay').waitFor({ state: 'detached' }).catch(() => undefined);
  }

  let personUrl = null;
  let deskUrl = null;

  await step('data: the demo register has people with a published shift around this week', async () => {
    assert(register.staffMembers.totalCount > 0, 'hatinh.buudien reads no staff');
    assert(chosen, 'no published shift from a week ago to two weeks on: is the demo roster seeded?');
    console.log(`    (${register.staffMembers.totalCount} people; ${chosen.person.fullName}, ${shown(chosen.shift.day)} ${chosen.shift.startsAt}–${chosen.shift.endsAt})`);
  });

  console.log('\nhatinh.buudien (Quản lý Bưu điện tỉnh Hà Tĩnh)');

  await step('Nhân sự: the register, each person’s qualifications with the expiring amber and the expired red, in words', async () => {
    await signIn(page, 'hatinh.buudien', PASSWORD);
    await byTestId('nav-staff').click();
    await byTestId('staff-grid').waitFor();
    await gridRows().first().waitFor();
    await settledGrid();
    assert(new URL(page.url()).pathname === '/staff/people', `Nhân sự opened ${page.url()}`);
    assert((await listCount()) === register.staffMembers.totalCount, `the count says ${await listCount()}, the API ${register.staffMembers.totalCount}`);
    const chips = await page.locator('[data-testid="staff-grid"] [data-testid="qualification-chip"]').evaluateAll((els) =>
      els.map((el) => ({ state: el.getAttribute('data-state'), text: el.textContent, colour: [...el.classList].find((c) => c.startsWith('MuiChip-color')) })),
    );
    const expiring = chips.filter((c) => c.state === 'expiring');
    const expired = chips.filter((c) => c.state === 'expired');
    assert(expiring.length + expired.length > 0, 'no expiring or expired qualification on the first page (the seed has some)');
    assert(expiring.every((c) => c.text.includes('sắp hết hạn') && c.colour === 'MuiChip-colorWarning'), `expiring chips: ${JSON.stringify(expiring.slice(0, 2))}`);
    assert(expired.every((c) => c.text.includes('đã hết hạn') && c.colour === 'MuiChip-colorError'), `expired chips: ${JSON.stringify(expired.slice(0, 2))}`);
    await readable('the staff grid');
    await screenshot('staff-grid');
  });

  await step('filters: a name without diacritics, expiring certificates, a procedure field', async () => {
    const total = await listCount();
    await byTestId('staff-search').fill(folded(chosen.person.fullName));
    await page.waitForURL(/[?&]q=/);
    await settledGrid();
    const names = await page.locator('[data-testid="staff-grid"] [role="row"][data-id] [data-field="fullName"]').allInnerTexts();
    assert(names.includes(chosen.person.fullName), `searching "${folded(chosen.person.fullName)}" lists ${JSON.stringify(names)}`);
    await byTestId('staff-search').fill('');
    await page.waitForURL((u) => !u.searchParams.has('q'));
    await settledGrid();
    await byTestId('staff-filter-expiring').click();
    await page.waitForURL(/expiring=1/);
    await settledGrid();
    const expiringCount = await listCount();
    assert(expiringCount > 0 && expiringCount < total, `expiring certificates: ${expiringCount} of ${total}`);
    const rows = await gridRows().evaluateAll((els) => els.map((row) => [...row.querySelectorAll('[data-testid="qualification-chip"]')].map((c) => c.getAttribute('data-state'))));
    assert(
      rows.every((states) => states.some((s) => s === 'expiring' || s === 'expired')),
      'a person listed under "expiring" has no expiring or expired chip shown (the grid shows the latest certificate of each field)',
    );
    await screenshot('staff-grid-expiring');
    await byTestId('staff-filter-expiring').click();
    await page.waitForURL((u) => !u.searchParams.has('expiring'));
    await settledGrid();
    await choose('staff-filter-field', 'Đất đai');
    await page.waitForURL(/field=/);
    await settledGrid();
    const fieldCount = await listCount();
    assert(fieldCount > 0 && fieldCount < total, `qualified for Đất đai: ${fieldCount} of ${total}`);
    await choose('staff-filter-field', 'Mọi lĩnh vực');
    await page.waitForURL((u) => !u.searchParams.has('field'));
    await settledGrid();
  });

  await step('a person: details, desks, qualifications in words, the coming weeks’ roster', async () => {
    await byTestId('staff-search').fill(folded(chosen.person.fullName));
    await page.waitForURL(/[?&]q=/);
    await settledGrid();
    await page.locator('[data-testid="staff-grid"]').getByRole('link', { name: chosen.person.fullName, exact: true }).click();
    await byTestId('staff-page').waitFor();
    personUrl = new URL(page.url()).pathname;
    assert(personUrl === `/staff/people/${chosen.person.id}`, `the person's page is ${page.url()}`);
    assert((await byTestId('record-name').innerText()) === chosen.person.fullName, 'another person opened');
    for (const id of ['staff-details', 'staff-assignments', 'staff-qualifications', 'staff-absences', 'staff-roster']) await byTestId(id).waitFor();
    await page.locator('[data-testid="staff-roster"] table, [data-testid="staff-roster"] p').first().waitFor();
    await idle(page);
    if (chosen.shift.day >= today) {
      const roster = await byTestId('staff-roster').innerText();
      assert(roster.includes(shown(chosen.shift.day)) && roster.includes(`${chosen.shift.startsAt}–${chosen.shift.endsAt}`), `the roster does not list ${shown(chosen.shift.day)}: ${roster}`);
    }
    for (const id of ['edit-staff', 'add-assignment', 'add-qualification', 'add-absence']) assert((await byTestId(id).count()) === 1, `no "${id}" for the manager`);
    await readable('the person’s page');
    await screenshot('staff-person');
  });

  await step('an absence on a day with a published shift: the page lists the shifts it collides with, by day and time', async () => {
    const { day } = chosen.shift;
    await byTestId('add-absence').click();
    const form = byTestId('absence-form');
    await form.waitFor();
    await form.getByRole('combobox').first().click();
    await page.getByRole('option', { name: 'Nghỉ phép', exact: true }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await typeDay(byTestId('absence-starts-on'), day);
    await typeDay(byTestId('absence-ends-on'), day);
    await byTestId('absence-note').fill('Việc gia đình (kiểm thử tự động)');
    await screenshot('absence-dialog', { fullPage: false });
    await byTestId('absence-form-submit').click();
    const notice = byTestId('absence-notice');
    await notice.waitFor();
    await byTestId('absence-form').waitFor({ state: 'detached' });
    const text = await notice.innerText();
    assert(/Trùng \d+ ca trực đã công bố/.test(text), `the notice says: ${text}`);
    assert(text.includes('cần hủy hoặc chuyển'), `the notice does not say what to do: ${text}`);
    const lines = await notice.getByTestId('colliding-shift').allInnerTexts();
    const expected = `${shown(day)}, ${chosen.shift.startsAt}–${chosen.shift.endsAt}`;
    assert(lines.some((l) => l.includes(expected) && l.includes(chosen.shift.desk.name)), `no line "${expected}" at ${chosen.shift.desk.name}: ${JSON.stringify(lines)}`);
    await readable('the absence notice');
    await screenshot('absence-collisions');
  });

  await step('the person’s desk: counters with their fields and status, weekly opening hours, days that open differently', async () => {
    const desk = chosen.shift.desk;
    await go(`/organisation/desks/${desk.id}`);
    await byTestId('desk-counters').waitFor();
    deskUrl = new URL(page.url()).pathname;
    const counters = await page.locator('[data-testid="counter-row"]').count();
    assert(counters > 0, `${desk.name} shows no counter`);
    const number = `Quầy ${chosen.shift.counter.number}`;
    assert((await page.locator('[data-testid="counter-row"]').allInnerTexts()).some((r) => r.startsWith(number)), `${number} not listed`);
    const monday = await byTestId('hours-row-1').innerText();
    assert(/\d{2}:\d{2}–\d{2}:\d{2}/.test(monday), `Monday's hours read "${monday}"`);
    await byTestId('desk-exceptions').waitFor();
    for (const id of ['create-counter', 'edit-hours', 'add-exception']) assert((await byTestId(id).count()) === 1, `no "${id}" for the manager`);
    await readable('the desk’s page');
    await screenshot('desk-counters');
  });

  await step('the opening-hours dialog: a time that is not one is refused in Vietnamese, nothing sent', async () => {
    await byTestId('edit-hours').click();
    await byTestId('hours-form').waitFor();
    const first = byTestId('hours-1-0-opensAt');
    assert(/^\d{2}:\d{2}$/.test(await first.inputValue()), `Monday's first interval opens "${await first.inputValue()}"`);
    await first.fill('25:00');
    await byTestId('hours-form-submit').click();
    const describedBy = await first.getAttribute('aria-describedby');
    const helper = await page.locator(`[id="${describedBy}"]`).innerText();
    assert(helper.includes('Giờ không hợp lệ (HH:mm, ví dụ 07:30).'), `under the time: ${helper}`);
    await readable('the opening-hours dialog');
    await screenshot('hours-dialog', { fullPage: false });
    await byTestId('hours-form').getByRole('button', { name: 'Hủy' }).click();
    await byTestId('hours-form').waitFor({ state: 'detached' });
  });

  await step('at 390×844: the register, the person and the desk fit the phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await go('/staff/people');
      await gridRows().first().waitFor();
      await settledGrid();
      await readable('the staff grid at 390 px');
      await screenshot('phone-staff-grid');
      await go(personUrl);
      await byTestId('staff-roster').waitFor();
      await page.locator('[data-testid="absence-row"]').first().waitFor();
      await readable('the person’s page at 390 px');
      await screenshot('phone-staff-person');
      await go(deskUrl);
      await byTestId('desk-counters').waitFor();
      await readable('the desk’s page at 390 px');
      await screenshot('phone-desk-counters');
    } finally {
      await page.setViewportSize({ width: 1366, height: 768 });
    }
    await signOut();
  });

  console.log('\nhatinh.bcd (Ban Chỉ đạo: reads the register)');

  await step('hatinh.bcd reads the person and the desk’s counters without a button to change them; the history is linked', async () => {
    await signIn(page, 'hatinh.bcd', PASSWORD);
    await go(personUrl);
    await byTestId('staff-page').waitFor();
    await byTestId('staff-absences').waitFor();
    await idle(page);
    for (const id of ['edit-staff', 'add-assignment', 'add-qualification', 'add-absence', 'end-assignment'])
      assert((await byTestId(id).count()) === 0, `"${id}" shown to the steering committee`);
    const history = await byTestId('action-history').getAttribute('href');
    assert(history === `/administration/audit?type=Staff&entity=${chosen.person.id}`, `history links ${history}`);
    await go(deskUrl);
    await byTestId('desk-counters').waitFor();
    await idle(page);
    for (const id of ['create-counter', 'edit-counter', 'edit-hours', 'add-exception']) assert((await byTestId(id).count()) === 0, `"${id}" shown to the steering committee`);
    await readable('the desk’s page for the committee');
    await signOut();
  });
});

console.log(`\nScreenshots: ${SHOTS}`);
console.log(`Walk time: ${((Date.now() - started) / 1000).toFixed(1)} s`);
tally();
