#!/usr/bin/env node
// Browser walk of the rollout as the Hà Tĩnh steering committee runs it, then what other users see.
//
//   BASE_URL=http://localhost:4000 node apps/admin/e2e/rollout.mjs
//
// Env: BASE_URL (default http://localhost:4000), CHROMIUM_PATH (default /usr/bin/chromium),
//      ROLLOUT_PASSWORD (default Demo@2026: the demo users the API seeds on first start).
// As hatinh.bcd, in Vietnamese: reads the overview of HT-2459, opens the programme (timeline, progress,
// late sites), adds a phase and starts it, creates two one-stop desks (Tổ chức) and enrols them in the
// new phase (a post office missing for the "at the post office" model is shown beside its desk first),
// exports the phase's sites to Excel, moves one site to preparing, is refused the launch while the
// readiness checklist is incomplete, ticks it and launches, records a personnel handover up to "in
// effect", and reads the overview again (numbers up by what it did; once in English). Then dongnai.bcd
// sees Bình Phước's programme only and not Hà Tĩnh's by URL, and hatinh.quay (counter clerk) reads
// the programme and the site without any action button.
// Every record it creates has a name or code unique to the run, so it can run again on the same data.
// Screenshots (1366×768) go to artifacts/screenshots/rollout/ at the repository root.
// Exits non-zero when a check fails, the page logs a console error, or a request fails.
import fs from 'node:fs';
import path from 'node:path';
import { BASE_URL, REPO_ROOT, assert, check, idle, preflight, tally, withBrowser, vietnamDay } from './browser.mjs';

const SHOTS = path.join(REPO_ROOT, 'artifacts', 'screenshots', 'rollout');
const PASSWORD = process.env.ROLLOUT_PASSWORD ?? 'Demo@2026';
const LANGUAGE_KEY = 'osp.admin.language';
const PROGRAMME = 'HT-2459';
const OTHER_PROGRAMME = 'BP-2018';
/** Unique to this run: desk codes and names, the phase name, the handover record number. */
const RUN = Date.now().toString(36);

/** YYYY-MM-DD and the ddMMyyyy a person types into a date field, `days` from today in Vietnam. */
function day(days = 0) {
  const iso = vietnamDay(days);
  const [yyyy, mm, dd] = iso.split('-');
  return { iso, typed: `${dd}${mm}${yyyy}`, shown: `${dd}/${mm}/${yyyy}` };
}

/** The whole numbers in a text as shown in Vietnamese or English ("1.234", "1,234"). */
function numbers(text) {
  return (text.match(/\d+(?:[.,]\d{3})*/g) ?? []).map((s) => Number(s.replace(/[.,]/g, '')));
}

await preflight();
fs.rmSync(SHOTS, { recursive: true, force: true });
fs.mkdirSync(SHOTS, { recursive: true });

console.log(`Rollout walk of ${BASE_URL} (run ${RUN})`);
const started = Date.now();
await withBrowser('osp-rollout-', async ({ page }) => {
  const url = () => new URL(page.url());
  const go = async (to) => {
    await idle(page); // leaving a page with requests in flight would abort them
    await page.goto(`${BASE_URL}${to}`, { waitUntil: 'domcontentloaded' });
  };
  const byTestId = (id) => page.getByTestId(id);
  let shotNumber = 0;
  async function screenshot(name, { fullPage = false } = {}) {
    await idle(page);
    // A full-page shot of a scrolled page draws the fixed app bar where the viewport was.
    if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
    shotNumber += 1;
    await page.screenshot({ path: path.join(SHOTS, `${String(shotNumber).padStart(2, '0')}-${name}.png`), fullPage });
  }
  /** A checked step that also leaves a screenshot of the page it failed on (NN-failed.png). */
  async function step(name, fn) {
    await check(name, async () => {
      try {
        await fn();
      } catch (error) {
        shotNumber += 1;
        await page
          .screenshot({ path: path.join(SHOTS, `${String(shotNumber).padStart(2, '0')}-failed.png`) })
          .catch(() => undefined);
        throw error;
      }
    });
  }
  async function switchLanguage(lang) {
    await byTestId('language-switch').click();
    await byTestId(`language-${lang}`).click();
    await page.locator('#language-menu').waitFor({ state: 'detached' });
  }
  /** Signs in from a clean, Vietnamese browser; lands on the overview. */
  async function signIn(username) {
    await go('/sign-in');
    await idle(page);
    await page.evaluate((key) => {
      window.sessionStorage.clear();
      window.localStorage.clear();
      window.localStorage.setItem(key, 'vi');
    }, LANGUAGE_KEY);
    await go('/');
    await byTestId('sign-in-form').waitFor();
    await idle(page);
    await byTestId('sign-in-username').fill(username);
    await byTestId('sign-in-password').fill(PASSWORD);
    await byTestId('sign-in-submit').click();
    await byTestId('nav-overview').waitFor();
    assert(url().pathname === '/', `after signing in the URL is ${page.url()}`);
    // The overview of the user's programme (or the sentence that there is none), as a person waits for it;
    // a counter clerk lands on the home of their desk instead.
    await page.locator('[data-testid="programme-overview"], [data-testid="overview-empty"], [data-testid="home-page"]').first().waitFor();
    await idle(page);
  }
  async function signOut() {
    await idle(page);
    await byTestId('user-menu-button').click();
    await byTestId('sign-out').click();
    await byTestId('sign-in-form').waitFor();
    await idle(page);
  }
  /** Types a day into an MUI X date field (its sections are spinbuttons), as a person would. */
  async function typeDay(field, typed) {
    await field.locator('[role="spinbutton"]').first().click();
    await page.keyboard.type(typed);
  }
  /** Picks an option of an MUI select whose hidden input carries `testId`. */
  async function choose(testId, option) {
    await byTestId(testId).locator('xpath=..').getByRole('combobox').click();
    await page.getByRole('option', { name: option, exact: true }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
  }
  /** The helper text under a text field whose input carries `testId`. */
  async function helperOf(testId) {
    const describedBy = await byTestId(testId).getAttribute('aria-describedby');
    if (!describedBy) return '';
    const helper = page.locator(`[id="${describedBy}"]`);
    return (await helper.count()) ? (await helper.innerText()).trim() : '';
  }
  /** The overview's numbers of the programme shown: sites against the plan, and staff handed over. */
  async function overviewNumbers() {
    await byTestId('programme-overview').waitFor();
    await byTestId('card-action-items-value').filter({ hasText: /\d/ }).waitFor();
    const card = async (key) => numbers(await byTestId(`card-${key}-value`).innerText());
    const cell = async (key) => numbers(await byTestId(`progress-total-${key}`).innerText())[0];
    const [enrolled, target] = await card('enrolled');
    const [launched] = await card('launched');
    const [relieved, deployed] = await card('staff');
    const table = { target: await cell('target'), enrolled: await cell('enrolled'), launched: await cell('launched') };
    assert(
      table.target === target && table.enrolled === enrolled && table.launched === launched,
      `cards (${enrolled}/${target}, ${launched}) and table (${JSON.stringify(table)}) disagree`,
    );
    return { target, enrolled, launched, relieved, deployed, late: numbers(await byTestId('card-late-value').innerText())[0] };
  }

  // What the walk learns on the way, for the steps after.
  let before = null;
  let programmeUrl = null;
  let phaseUrl = null;
  let phaseId = null;
  const desks = []; // { id, code, name }
  let siteUrl = null;
  const today = day(0);
  const phaseEnd = day(180);

  console.log('\nhatinh.bcd (Ban Chỉ đạo, Tỉnh Hà Tĩnh)');

  await step('hatinh.bcd: signs in; the overview shows HT-2459 with its numbers, chart, late sites and open items', async () => {
    await signIn('hatinh.bcd');
    await page.getByRole('heading', { level: 1, name: 'Tổng quan triển khai' }).waitFor();
    const header = await byTestId('programme-header').innerText();
    assert(header.includes(PROGRAMME), `the overview shows another programme: ${header.replace(/\n/g, ' | ')}`);
    before = await overviewNumbers();
    assert(before.target > 0 && before.enrolled > 0 && before.launched > 0, `headline numbers ${JSON.stringify(before)}`);
    await byTestId('progress-chart').locator('svg').first().waitFor();
    await byTestId('progress-table').waitFor();
    const late = await byTestId('late-site-row').allInnerTexts();
    for (const name of ['Lộc Hà', 'Thạch Hà'])
      assert(
        late.some((row) => row.includes(name)),
        `${name} not among the late sites: ${late.map((r) => r.split('\n')[0]).join(', ')}`,
      );
    const items = await byTestId('action-item-row').count();
    assert(items > 0, 'no open action item listed');
    console.log(`    (target ${before.target}, enrolled ${before.enrolled}, launched ${before.launched}, late ${before.late}; staff ${before.relieved} → ${before.deployed}; ${items} open items)`);
    await screenshot('overview-vi', { fullPage: true });
  });

  await step('hatinh.bcd: Rollout → the programmes → HT-2459: timeline (planned vs actual), progress, late sites', async () => {
    await idle(page);
    await byTestId('nav-rollout').click();
    await byTestId('programmes-list').waitFor();
    const codes = await page.locator('[data-testid="programme-card"]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-code')));
    assert(codes.includes(PROGRAMME), `programmes listed: ${codes.join(', ')}`);
    await page.locator(`[data-testid="programme-card"][data-code="${PROGRAMME}"]`).getByRole('link').click();
    await byTestId('programme-page').waitFor();
    assert(/^\/rollout\/programmes\/[0-9a-f-]{36}$/.test(url().pathname), `URL is ${page.url()}`);
    programmeUrl = url().pathname;
    const rows = page.locator('[data-testid="timeline-row"]');
    await rows.first().waitFor();
    const phases = await rows.count();
    assert(phases >= 2, `${phases} phases on the timeline`);
    for (const ordinal of [1, 2]) {
      const row = rows.filter({ hasText: `Giai đoạn ${ordinal}` }).first();
      assert((await row.getByTestId('timeline-planned').count()) === 1, `phase ${ordinal}: no planned bar`);
      assert((await row.getByTestId('timeline-actual').count()) === 1, `phase ${ordinal}: no actual bar`);
      const status = await row.getByTestId('phase-status').innerText();
      assert(status === 'Đang thực hiện', `phase ${ordinal} is "${status}"`);
    }
    await byTestId('programme-progress').getByTestId('progress-table').waitFor();
    const late = await byTestId('programme-late-sites').getByTestId('late-site').allInnerTexts();
    for (const name of ['Lộc Hà', 'Thạch Hà'])
      assert(
        late.some((row) => row.includes(name)),
        `${name} not among the late sites: ${late.join(' | ')}`,
      );
    await byTestId('phase-add').waitFor();
    await screenshot('programme-vi', { fullPage: true });
  });

  await step('hatinh.bcd: plans a phase ("Thêm giai đoạn"); it appears on the timeline; opens it and starts it', async () => {
    assert(programmeUrl, 'no programme page from the step before');
    if (url().pathname !== programmeUrl) {
      await go(programmeUrl);
      await byTestId('programme-page').waitFor();
    }
    await byTestId('phase-add').click();
    const form = byTestId('phase-add-form');
    await form.waitFor();
    const defaultName = await byTestId('phase-name').inputValue();
    assert(/^Giai đoạn \d+$/.test(defaultName), `the name starts as "${defaultName}"`);
    const name = `${defaultName}: mở rộng cấp xã (e2e ${RUN})`;
    await byTestId('phase-name').fill(name);
    await typeDay(byTestId('phase-planned-start'), today.typed);
    await typeDay(byTestId('phase-planned-end'), phaseEnd.typed);
    await byTestId('phase-target-province').fill('0');
    await byTestId('phase-target-district').fill('0');
    await byTestId('phase-target-commune').fill('2');
    await byTestId('phase-add-form-submit').click();
    await form.waitFor({ state: 'detached' });
    const row = page.locator('[data-testid="timeline-row"]', { hasText: name });
    await row.waitFor();
    assert((await row.getByTestId('timeline-planned').count()) === 1, 'the new phase has no planned bar');
    assert((await row.getByTestId('timeline-actual').count()) === 0, 'the new phase has an actual bar before it started');
    assert((await row.getByTestId('phase-status').innerText()) === 'Kế hoạch', 'the new phase is not "Kế hoạch"');
    phaseId = await row.getAttribute('data-phase');
    await screenshot('programme-new-phase-vi');

    await idle(page);
    await row.getByTestId('timeline-phase-link').click();
    await byTestId('phase-page').waitFor();
    assert(url().pathname === `/rollout/phases/${phaseId}`, `URL is ${page.url()}`);
    phaseUrl = url().pathname;
    await byTestId('phase-name').filter({ hasText: name }).waitFor();
    await byTestId('phase-status-change').click();
    const dialog = byTestId('phase-status-dialog');
    await dialog.waitFor();
    await byTestId('phase-status-dialog-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await byTestId('phase-page').getByTestId('phase-status').filter({ hasText: 'Đang thực hiện' }).waitFor();
    const next = await byTestId('phase-status-change').textContent();
    assert(next.includes('Kết thúc giai đoạn'), `after starting, the button says "${next}"`);
    const plan = await byTestId('phase-plan').innerText();
    assert(plan.includes(today.shown), `the actual start ${today.shown} is not in the plan: ${plan.replace(/\n/g, ' | ')}`);
  });

  await step('hatinh.bcd: creates two one-stop desks (Tổ chức → Bộ phận Một cửa) for the enrolment', async () => {
    for (const letter of ['A', 'B']) {
      const code = `E2E-${RUN}-${letter}`;
      // "Tổ …" sorts after the seeded desks: the first page of the desk list stays as roles.mjs expects it.
      const name = `Tổ Một cửa thử nghiệm ${letter} xã Kỳ Bắc (e2e ${RUN})`;
      await go('/organisation/desks');
      await byTestId('create-desk').click();
      await byTestId('desk-form').waitFor();
      await byTestId('desk-agency').click();
      await byTestId('desk-agency').fill('ky bac');
      await page.getByRole('option', { name: /Ủy ban nhân dân xã Kỳ Bắc/ }).first().click();
      await byTestId('desk-code').fill(code);
      await byTestId('desk-name').fill(name);
      await byTestId('desk-form-submit').click();
      await byTestId('desk-detail').waitFor();
      const match = /^\/organisation\/desks\/([0-9a-f-]{36})$/.exec(url().pathname);
      assert(match, `after creating the desk the URL is ${page.url()}`);
      await byTestId('record-name').filter({ hasText: name }).waitFor();
      desks.push({ id: match[1], code, name });
      if (letter === 'A') {
        // Its dossiers would be numbered from the commune committee's identifier code until it has one of its own.
        await idle(page);
        const inherited = await byTestId('identifier-code').innerText();
        assert(/Dùng mã của cơ quan: 000\.\d{2}\.\d{2}\.H27/.test(inherited), `a new desk's identifier code reads "${inherited}"`);
        await byTestId('identifier-code-edit').click();
        await byTestId('identifier-code-dialog').waitFor();
        await byTestId('identifier-code-input').fill('H27-KY-BAC');
        await byTestId('identifier-code-dialog-submit').click();
        await page.waitForFunction(() => document.querySelector('[data-testid="identifier-code-input"]')?.getAttribute('aria-invalid') === 'true');
        await byTestId('identifier-code-input').fill('000.97.98.h27');
        await byTestId('identifier-code-dialog-submit').click();
        await byTestId('identifier-code-dialog').waitFor({ state: 'detached' });
        await byTestId('identifier-code').filter({ hasText: '000.97.98.H27' }).waitFor();
        await screenshot('desk-identifier-code');
        // Removed again: the code is illustrative, and a rerun on the same database sets it anew.
        await byTestId('identifier-code-edit').click();
        await byTestId('identifier-code-input').fill('');
        await byTestId('identifier-code-dialog-submit').click();
        await byTestId('identifier-code-dialog').waitFor({ state: 'detached' });
        await byTestId('identifier-code').filter({ hasText: 'Dùng mã của cơ quan' }).waitFor();
      }
    }
    console.log(`    (${desks.map((d) => d.code).join(', ')})`);
  });

  await step('hatinh.bcd: enrols both desks; "at the post office" without one is flagged beside its desk, then fixed', async () => {
    assert(phaseUrl && desks.length === 2, 'no phase or desks from the steps before');
    const [a, b] = desks;
    await go(phaseUrl);
    await byTestId('phase-page').waitFor();
    await byTestId('phase-sites-empty').waitFor();
    await byTestId('phase-enrol').click();
    const dialog = byTestId('enrol-dialog');
    await dialog.waitFor();
    await byTestId('enrol-search').fill(RUN);
    // The tree narrows to the two desks of this run once the search (debounced) answers.
    await page
      .waitForFunction(() => document.querySelectorAll('[data-testid="enrol-desk"]').length === 2, null, { timeout: 5_000 })
      .catch(() => undefined);
    const listed = await page.locator('[data-testid="enrol-desk"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-desk')));
    assert(listed.length === 2 && desks.every((d) => listed.includes(d.id)), `searching "${RUN}" lists ${listed.length} desks`);
    for (const desk of [a, b]) {
      await byTestId(`enrol-pick-${desk.id}`).check();
      await byTestId(`enrol-selected-${desk.id}`).waitFor();
    }
    await choose(`enrol-model-${a.id}`, 'Tại bưu điện');
    await byTestId('enrol-dialog-submit').click();
    await page.waitForFunction((id) => {
      const input = document.querySelector(`[data-testid="enrol-post-office-${id}"]`);
      return input?.getAttribute('aria-invalid') === 'true';
    }, a.id);
    const message = await helperOf(`enrol-post-office-${a.id}`);
    // The model's hint stays, the error is the line under it (components/FieldHelp).
    const lines = message.split('\n').map((line) => line.trim());
    assert(lines.length === 2 && lines[1] === 'Phương án chuyển về bưu điện cần chọn bưu điện.', `under the post office of desk A: "${message}"`);
    assert((await byTestId(`enrol-post-office-${b.id}`).getAttribute('aria-invalid')) !== 'true', 'desk B (at the agency) is flagged too');
    await screenshot('enrol-post-office-missing-vi');
    const office = byTestId(`enrol-post-office-${a.id}`);
    await office.click();
    await office.fill('ky bac');
    await page.getByRole('option', { name: /Bưu điện văn hóa xã Kỳ Bắc/ }).first().click();
    await byTestId('enrol-dialog-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await byTestId('phase-note').filter({ hasText: 'Đã đăng ký 2 đơn vị thí điểm.' }).waitFor();
    const grid = page.locator('[data-testid="phase-sites-grid"] [role="row"][data-id]');
    await grid.nth(1).waitFor();
    assert((await grid.count()) === 2, `the grid shows ${await grid.count()} sites`);
    const rowA = grid.filter({ hasText: a.name });
    assert((await rowA.locator('[data-field="model"]').innerText()) === 'Tại bưu điện', 'desk A is not "Tại bưu điện"');
    assert((await rowA.locator('[data-field="postOffice"]').innerText()).includes('Kỳ Bắc'), 'desk A has no post office');
    assert((await rowA.locator('[data-field="plannedLaunch"]').innerText()) === phaseEnd.shown, 'desk A is not planned for the phase end');
    await byTestId('phase-sites').scrollIntoViewIfNeeded();
    await screenshot('phase-sites-vi');
  });

  await step('hatinh.bcd: the phase sites export downloads an .xlsx', async () => {
    await idle(page);
    const [download] = await Promise.all([page.waitForEvent('download'), byTestId('phase-export').click()]);
    const name = download.suggestedFilename();
    assert(name.endsWith('.xlsx'), `the file is named ${name}`);
    const file = await download.path();
    const bytes = fs.readFileSync(file);
    assert(bytes.length > 0, 'the file is empty');
    assert(bytes.subarray(0, 2).toString('latin1') === 'PK', 'the file is not a zip (xlsx)');
    await byTestId('phase-export-note').filter({ hasText: /Đã xuất 2 dòng/ }).waitFor();
    console.log(`    (${name}, ${bytes.length} bytes)`);
  });

  await step('hatinh.bcd: launches a site — preparing, refused while the checklist is incomplete, ticked, launched', async () => {
    const [a] = desks;
    assert(a, 'no desk from the steps before');
    const move = async (to) => {
      await byTestId(`site-move-${to}`).click();
      const form = byTestId('site-move-form');
      await form.waitFor();
      await byTestId('site-move-confirm').check();
      await byTestId('site-move-form-submit').click();
      return form;
    };
    await page.locator('[data-testid="phase-sites-grid"] [role="row"][data-id]').filter({ hasText: a.name }).getByRole('link').click();
    await byTestId('site-page').waitFor();
    assert(/^\/rollout\/sites\/[0-9a-f-]{36}$/.test(url().pathname), `URL is ${page.url()}`);
    siteUrl = url().pathname;
    await byTestId('site-name').filter({ hasText: a.name }).waitFor();
    const stepper = byTestId('site-stepper');
    assert((await stepper.getAttribute('data-active-step')) === 'PLANNED', 'a new site is not at "Đã đăng ký"');
    assert((await byTestId('site-move-LAUNCHED').count()) === 0, '"Khai trương" offered to a site not preparing');

    let form = await move('PREPARING');
    await form.waitFor({ state: 'detached' });
    await page.locator('[data-testid="site-stepper"][data-active-step="PREPARING"]').waitFor();

    form = await move('LAUNCHED');
    await byTestId('site-move-unmet').waitFor();
    await form.getByTestId('problem-alert').waitFor();
    const refusal = await form.getByTestId('problem-alert').innerText();
    const items = page.locator('[data-testid^="readiness-item-"]');
    const total = await items.count();
    assert(total > 0, 'the site has no readiness checklist');
    const unmet = page.locator('[data-testid^="readiness-item-"][data-unmet="true"]');
    await unmet.first().waitFor();
    assert((await unmet.count()) === total, `${await unmet.count()} of ${total} unticked items highlighted`);
    console.log(`    (refused: ${refusal.replace(/\n/g, ' ')})`);
    await screenshot('site-launch-refused-vi');
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    // Still preparing; the highlighted items are what is left to do.
    assert((await stepper.getAttribute('data-active-step')) === 'PREPARING', 'the refused launch moved the site');
    await screenshot('site-readiness-unmet-vi');

    const keys = await items.evaluateAll((els) => els.map((el) => el.getAttribute('data-testid').replace('readiness-item-', '')));
    for (const [i, key] of keys.entries()) {
      await byTestId(`readiness-check-${key}`).check();
      await byTestId('readiness-count').filter({ hasText: `${i + 1}/${total}` }).waitFor();
      await byTestId(`readiness-check-${key}`).waitFor(); // the spinner gives way to the ticked box
    }
    assert((await unmet.count()) === 0, 'ticked items still highlighted');

    form = await move('LAUNCHED');
    await form.waitFor({ state: 'detached' });
    await page.locator('[data-testid="site-stepper"][data-active-step="LAUNCHED"]').waitFor();
    assert((await byTestId('site-step-LAUNCHED').getAttribute('aria-current')) === 'step', 'the stepper does not mark "Đã khai trương"');
    const status = await byTestId('site-page').getByTestId('site-status').first().innerText();
    assert(status.includes('Đã khai trương'), `the site's status reads "${status}"`);
    const history = await byTestId('site-history-entry').allInnerTexts();
    assert(history.length === 3, `${history.length} history entries, expected enrolled, preparing, launched`);
    assert(
      history.every((h) => h.includes('hatinh.bcd')),
      `history actors: ${history.map((h) => h.replace(/\n/g, ' ')).join(' | ')}`,
    );
    assert(history[0].includes('Đã khai trương') && history[2].includes('Đã đăng ký'), 'history is not newest first');
    await screenshot('site-launched-vi', { fullPage: true });
  });

  await step('hatinh.bcd: records a personnel handover, signs it and puts it into effect; the site counts 1 → 1', async () => {
    assert(siteUrl, 'no site from the step before');
    if (url().pathname !== siteUrl) {
      await go(siteUrl);
      await byTestId('site-page').waitFor();
    }
    assert((await byTestId('site-totals-relieved').innerText()) === '0', 'the new site already counts relieved staff');
    await byTestId('personnel-create').click();
    const form = byTestId('personnel-form');
    await form.waitFor();
    await byTestId('personnel-task-RECEIVING').check();
    await byTestId('personnel-task-RETURNING_RESULTS').check();
    await byTestId('relieved-0-fullName').fill(`Nguyễn Thị Lan (e2e ${RUN})`);
    await byTestId('relieved-0-position').fill('Công chức Văn phòng UBND xã');
    assert((await byTestId('relieved-0-employer').inputValue()) === 'Ủy ban nhân dân xã Kỳ Bắc', 'the relieved employer does not start as the agency');
    await byTestId('deployed-0-fullName').fill(`Trần Văn Minh (e2e ${RUN})`);
    await byTestId('deployed-0-position').fill('Nhân viên bưu điện văn hóa xã');
    assert((await byTestId('deployed-0-employer').inputValue()).includes('Kỳ Bắc'), 'the deployed employer does not start as the post office');
    await byTestId('personnel-form-submit').click();
    await form.waitFor({ state: 'detached' });
    const card = page.locator('[data-testid^="personnel-handover-"]');
    await card.first().waitFor();
    assert((await card.count()) === 1, `${await card.count()} personnel handovers on the site`);
    const id = (await card.getAttribute('data-testid')).replace('personnel-handover-', '');
    assert((await card.getByTestId('handover-status').innerText()) === 'Dự thảo', 'the new handover is not a draft');

    await byTestId(`personnel-sign-${id}`).click();
    const sign = byTestId('sign-form');
    await sign.waitFor();
    const record = `${RUN}/BB-BĐHT`;
    await byTestId('sign-record-number').fill(record);
    for (const [i, person, position] of [
      [0, 'Lê Văn Hùng (e2e)', 'Chủ tịch UBND xã Kỳ Bắc'],
      [1, 'Phạm Thị Thu (e2e)', 'Trưởng Bưu điện văn hóa xã Kỳ Bắc'],
    ]) {
      await byTestId(`signatories-${i}-fullName`).fill(person);
      await byTestId(`signatories-${i}-position`).fill(position);
      assert((await byTestId(`signatories-${i}-organisation`).inputValue()).trim().length > 0, `signatory ${i + 1} has no organisation`);
    }
    await byTestId('sign-form-submit').click();
    await sign.waitFor({ state: 'detached' });
    await card.getByTestId('handover-status').filter({ hasText: 'Đã ký' }).waitFor();
    await card.getByText(record, { exact: false }).first().waitFor();

    await byTestId(`personnel-effective-${id}`).click();
    const effective = byTestId('effective-form');
    await effective.waitFor();
    await byTestId('effective-form-submit').click();
    await effective.waitFor({ state: 'detached' });
    await card.getByTestId('handover-status').filter({ hasText: 'Có hiệu lực' }).waitFor();
    await byTestId('site-totals-relieved').filter({ hasText: /^1$/ }).waitFor();
    await byTestId('site-totals-deployed').filter({ hasText: /^1$/ }).waitFor();
    await byTestId('site-totals').scrollIntoViewIfNeeded();
    await screenshot('site-handover-effective-vi');
  });

  await step('hatinh.bcd: the overview went up by what was done (and reads in English once)', async () => {
    assert(before, 'no numbers from the first step');
    await idle(page);
    await byTestId('nav-overview').click();
    await page.getByRole('heading', { level: 1, name: 'Tổng quan triển khai' }).waitFor();
    const after = await overviewNumbers();
    const expected = {
      target: before.target + 2,
      enrolled: before.enrolled + 2,
      launched: before.launched + 1,
      relieved: before.relieved + 1,
      deployed: before.deployed + 1,
      late: before.late,
    };
    const wrong = Object.keys(expected).filter((k) => after[k] !== expected[k]);
    assert(wrong.length === 0, `after the walk: ${wrong.map((k) => `${k} ${after[k]} (was ${before[k]}, expected ${expected[k]})`).join(', ')}`);
    console.log(`    (enrolled ${before.enrolled} → ${after.enrolled}, launched ${before.launched} → ${after.launched}, staff ${before.relieved} → ${before.deployed} became ${after.relieved} → ${after.deployed})`);
    await screenshot('overview-after-vi', { fullPage: true });
    await switchLanguage('en');
    await page.getByRole('heading', { level: 1, name: 'Rollout overview' }).waitFor();
    await page.getByRole('heading', { name: 'Progress by phase and level' }).waitFor();
    assert((await page.evaluate(() => document.documentElement.lang)) === 'en', '<html lang> is not "en"');
    assert((await page.getByText('Tổng quan triển khai', { exact: true }).count()) === 0, 'the Vietnamese heading is still shown');
    const inEnglish = await overviewNumbers();
    assert(inEnglish.enrolled === after.enrolled && inEnglish.launched === after.launched, 'the numbers differ in English');
    await screenshot('overview-en', { fullPage: true });
    await switchLanguage('vi');
    await page.getByRole('heading', { level: 1, name: 'Tổng quan triển khai' }).waitFor();
  });

  await step('hatinh.bcd: the programme page in English', async () => {
    assert(programmeUrl, 'no programme page');
    await switchLanguage('en');
    await go(programmeUrl);
    await byTestId('programme-page').waitFor();
    await page.getByRole('button', { name: 'Add a phase' }).waitFor();
    await byTestId('timeline').getByText('Planned', { exact: true }).waitFor();
    await screenshot('programme-en');
    await switchLanguage('vi');
    await byTestId('phase-add').filter({ hasText: 'Thêm giai đoạn' }).waitFor();
    await signOut();
  });

  console.log('\ndongnai.bcd (Ban Chỉ đạo, Tỉnh Đồng Nai)');

  await step(`dongnai.bcd: the programmes list ${OTHER_PROGRAMME} only; HT-2459 by its URL is "not found", not its data`, async () => {
    assert(programmeUrl, 'no HT-2459 URL from the walk');
    await signIn('dongnai.bcd');
    await idle(page);
    await byTestId('nav-rollout').click();
    await byTestId('programmes-list').waitFor();
    await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid="list-count"]')?.textContent ?? ''));
    const codes = await page.locator('[data-testid="programme-card"]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-code')));
    assert(codes.length === 1 && codes[0] === OTHER_PROGRAMME, `programmes listed to dongnai.bcd: ${codes.join(', ')}`);
    await screenshot('dongnai-programmes-vi');
    await go(programmeUrl);
    await byTestId('record-not-found').waitFor();
    const text = await byTestId('record-not-found').innerText();
    assert(text.includes('Không tìm thấy đề án này'), `the page says: ${text}`);
    assert((await byTestId('programme-page').count()) === 0, 'the programme page is shown');
    assert((await page.getByText(PROGRAMME, { exact: false }).count()) === 0, `${PROGRAMME} is named on the page`);
    await screenshot('dongnai-ht2459-not-found-vi');
    if (siteUrl) {
      await go(siteUrl);
      await byTestId('site-not-found').waitFor();
      assert((await page.getByText(desks[0].name, { exact: false }).count()) === 0, 'the Hà Tĩnh site is named on the page');
    }
    await signOut();
  });

  console.log('\nhatinh.quay (Nhân viên quầy, Tỉnh Hà Tĩnh)');

  await step('hatinh.quay: reads the programme, the phase and the site, with no action button', async () => {
    assert(programmeUrl && phaseUrl && siteUrl, 'no programme, phase or site from the walk');
    await signIn('hatinh.quay');
    await go(programmeUrl);
    await byTestId('programme-page').waitFor();
    await page.locator('[data-testid="timeline-row"]').first().waitFor();
    await idle(page);
    for (const id of ['phase-add', 'programme-edit', 'programme-status-change', 'meeting-record', 'readiness-edit'])
      assert((await byTestId(id).count()) === 0, `"${id}" shown to a counter clerk`);
    assert((await page.getByRole('button', { name: 'Thêm giai đoạn' }).count()) === 0, '"Thêm giai đoạn" shown to a counter clerk');
    await screenshot('quay-programme-vi');
    await go(phaseUrl);
    await byTestId('phase-page').waitFor();
    await page.locator('[data-testid="phase-sites-grid"] [role="row"][data-id]').first().waitFor();
    await idle(page);
    for (const id of ['phase-enrol', 'phase-status-change', 'phase-replan']) assert((await byTestId(id).count()) === 0, `"${id}" shown to a counter clerk`);
    await go(siteUrl);
    await byTestId('site-page').waitFor();
    await byTestId('site-stepper').waitFor();
    await idle(page);
    const moves = await page.locator('[data-testid^="site-move-"]').count();
    assert(moves === 0, `${moves} move buttons shown to a counter clerk`);
    assert((await page.getByRole('group', { name: 'Chuyển trạng thái' }).count()) === 0, 'a group of move buttons is shown');
    for (const id of ['site-edit', 'personnel-create']) assert((await byTestId(id).count()) === 0, `"${id}" shown to a counter clerk`);
    assert((await page.locator('[data-testid^="readiness-check-"]').count()) === 0, 'readiness checkboxes shown to a counter clerk');
    assert((await page.locator('[data-testid^="personnel-sign-"], [data-testid^="personnel-reverse-"]').count()) === 0, 'handover actions shown to a counter clerk');
    await screenshot('quay-site-vi');
    await signOut();
  });
});

console.log(`\nScreenshots: ${SHOTS}`);
console.log(`Walk time: ${((Date.now() - started) / 1000).toFixed(1)} s`);
tally();
