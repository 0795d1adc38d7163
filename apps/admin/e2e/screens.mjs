#!/usr/bin/env node
// Every screen fit for the official who uses it (issue 9), in a real browser:
//   BASE_URL=http://localhost:4000 node apps/admin/e2e/screens.mjs
//
// For every demo user, in Vietnamese, at 1366×768 and at 390×844 (a phone): their home and the pages
// named in the issue (organisation lists, the pages of a desk, a post office and an agency, the
// programme, the audit trail where they may read it, with an entry's drawer showing its fields; the
// reports' volumes and targets for those who see Báo cáo) — no text in an English word or a camelCase name (names and codes aside), no raw id, no page
// wider than the screen (a table scrolls inside its own box); the organisation lists are in Vietnamese
// alphabetical order (checked with the browser's own Vietnamese collation, independent of the API's
// key); the programme page draws at once with a phase that ends on 31/12/2100 (the latest day the API
// takes). Screenshots go to artifacts/screenshots/screens/<username>/ at the repository root.
// Env: BASE_URL, CHROMIUM_PATH, SCREENS_PASSWORD (default Demo@2026). Exits non-zero when a check fails.
import fs from 'node:fs';
import path from 'node:path';
import { assert, BASE_URL, check, foreignLines, gql, idle, LANGUAGE_KEY, preflight, REPO_ROOT, sidewaysOverflow, tally, tokenOf, withBrowser, vietnamDay } from './browser.mjs';

const SHOTS = path.join(REPO_ROOT, 'artifacts', 'screenshots', 'screens');
const PASSWORD = process.env.SCREENS_PASSWORD ?? 'Demo@2026';
/** Who sees Báo cáo (layout/areas.ts). */
const REPORT_READERS = ['STEERING_COMMITTEE', 'SYSTEM_ADMIN', 'POST_OFFICE_MANAGER'];
const USERS = ['admin', 'hatinh.quantri', 'hatinh.bcd', 'hatinh.buudien', 'hatinh.quay', 'hatinh.stttt', 'dongnai.bcd', 'binhphuoc.buudien'];
const WIDTHS = [
  { name: 'desktop', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
];

/** The visible text of the page, line by line (the address bar and titles aside). */
async function visibleLines(page) {
  return page.evaluate(() =>
    document.body.innerText
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  );
}

await preflight();
fs.rmSync(SHOTS, { recursive: true, force: true });

console.log(`Screens walk of ${BASE_URL}`);
const started = Date.now();

// A phase that ends on the last day the API accepts, in Hà Tĩnh's programme: its page must still draw.
const bcdToken = await tokenOf('hatinh.bcd', PASSWORD);
const programme = (await gql('{ pilotProgrammes(first: 20) { edges { node { id code } } } }', {}, bcdToken)).pilotProgrammes.edges.map((e) => e.node).find((p) => p.code === 'HT-2459');
/** The phase added below: its audit entry (rolloutPhase.create, with every field of the plan) is the one the drawer check opens. */
let addedPhaseId = null;
await check('a phase ending on 31/12/2100 is accepted, one ending on 31/12/9999 is refused with its field named', async () => {
  const today = vietnamDay();
  const input = { programmeId: programme.id, name: `Giai đoạn dài hạn ${Date.now().toString(36)}`, plannedStart: today, plannedEnd: '2100-12-31', targets: { province: 0, district: 0, commune: 1 }, goLiveGates: [] };
  addedPhaseId = (await gql('mutation($input: AddRolloutPhaseInput!) { addRolloutPhase(input: $input) { rolloutPhase { id } } }', { input }, bcdToken)).addRolloutPhase.rolloutPhase.id;
  const refused = await fetch(`${BASE_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bcdToken}` },
    body: JSON.stringify({ query: 'mutation($input: AddRolloutPhaseInput!) { addRolloutPhase(input: $input) { rolloutPhase { id } } }', variables: { input: { ...input, plannedEnd: '9999-12-31' } } }),
  }).then((r) => r.json());
  assert(refused.errors?.[0]?.extensions?.fields?.[0]?.field === 'plannedEnd', `9999 answered ${JSON.stringify(refused.errors ?? refused.data)}`);
});

// Two targets of this year for Hà Tĩnh's communes, so that the targets page shows its table and lights
// (set once per database: on a second run the API answers CONFLICT, and the targets are already there).
await check('the committee sets two targets of this year for communes (criterion 8: 30 % online; 50 % via BCCI)', async () => {
  const year = vietnamDay().slice(0, 4);
  // Communes with dossiers this year (their lights then measure something), else any two of the province's.
  const today = vietnamDay();
  const volumes = await gql('query($f: DossierVolumeFilter!) { dossierVolumes(filter: $f) { rows { code kind received } } }', { f: { from: `${year}-01-01`, to: today, granularity: 'YEAR', breakdown: 'CHILD_UNIT' } }, bcdToken);
  const busy = volumes.dossierVolumes.rows.filter((r) => r.kind === 'CHILD_UNIT' && r.code && r.received > 0).map((r) => r.code);
  const any = (await gql('{ administrativeUnits(first: 2, filter: { level: COMMUNE, provinceCode: "42" }, sort: NAME_ASC) { edges { node { code } } } }', {}, bcdToken)).administrativeUnits.edges.map((e) => e.node.code);
  const communes = [...new Set([...busy, ...any])].slice(0, 2);
  assert(communes.length === 2, `Hà Tĩnh has ${communes.length} communes`);
  const targets = [
    { administrativeUnitCode: communes[0], metric: 'ONLINE_SHARE', periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, targetPercent: 30, basis: 'Tiêu chí 8, xã nông thôn mới' },
    { administrativeUnitCode: communes[1], metric: 'BCCI_SHARE', periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, targetPercent: 50, basis: null },
  ];
  for (const input of targets) {
    await gql('mutation($input: SetReportTargetInput!) { setReportTarget(input: $input) { reportTarget { id } } }', { input }, bcdToken).catch((error) => {
      if (!String(error.message).includes('CONFLICT')) throw error;
    });
  }
});

for (const username of USERS) {
  await withBrowser(`osp-screens-${username}-`, async ({ page }) => {
    const dir = path.join(SHOTS, username);
    fs.mkdirSync(dir, { recursive: true });
    const go = async (to) => {
      await idle(page);
      await page.goto(`${BASE_URL}${to}`, { waitUntil: 'domcontentloaded' });
      await idle(page);
    };

    await go('/sign-in');
    await page.evaluate((key) => localStorage.setItem(key, 'vi'), LANGUAGE_KEY);
    await go('/sign-in');
    await page.getByTestId('sign-in-username').fill(username);
    await page.getByTestId('sign-in-password').fill(PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
    await idle(page);

    // The desk, post office and agency whose pages the walk opens: the user's own where they have one,
    // else a desk in a pilot (its site, handovers and links show), its agency and its partner post office.
    const token = await tokenOf(username, PASSWORD);
    const mine = await gql(
      `{ me { roles oneStopDesk { id } postOffice { id } agency { id } }
         oneStopDesks(first: 50) { edges { node { id agency { id } activePilotSite { id postOffice { id } } } } }
         postOffices(first: 1) { edges { node { id } } } }`,
      {},
      token,
    );
    const desks = mine.oneStopDesks.edges.map((e) => e.node);
    const desk = desks.find((d) => d.id === mine.me.oneStopDesk?.id) ?? desks.find((d) => d.activePilotSite) ?? desks[0];
    const deskId = mine.me.oneStopDesk?.id ?? desk?.id;
    const agencyId = mine.me.agency?.id ?? desk?.agency.id;
    const postOfficeId = mine.me.postOffice?.id ?? desk?.activePilotSite?.postOffice?.id ?? mine.postOffices.edges[0]?.node.id;

    const pages = [
      { name: 'home', to: '/' },
      ...(deskId ? [{ name: 'desk', to: `/organisation/desks/${deskId}`, ready: 'desk-detail' }] : []),
      ...(postOfficeId ? [{ name: 'post-office', to: `/organisation/post-offices/${postOfficeId}`, ready: 'post-office-detail' }] : []),
      ...(agencyId ? [{ name: 'agency', to: `/organisation/agencies/${agencyId}`, ready: 'agency-detail' }] : []),
      { name: 'desks', to: '/organisation/desks', sorted: true },
      { name: 'post-offices', to: '/organisation/post-offices', sorted: true },
      { name: 'agencies', to: '/organisation/agencies', sorted: true },
      ...(programme ? [{ name: 'programme', to: `/rollout/programmes/${programme.id}` }] : []),
      { name: 'audit', to: '/administration/audit' },
      // The post office manager's week (issue 10): the register, the roster board, one's own roster.
      { name: 'staff', to: '/staff/people', sorted: true, nameField: 'fullName' },
      { name: 'roster', to: '/staff/roster' },
      { name: 'my-roster', to: '/my-roster' },
      // Báo cáo (issue 13) for those who see it: the volumes of this year by month and child unit, the targets.
      ...(mine.me.roles.some((r) => REPORT_READERS.includes(r))
        ? [
            { name: 'reports-volumes', to: '/reports', ready: 'volumes-summary', whole: true },
            { name: 'reports-targets', to: '/reports/targets', ready: 'report-tab-targets', whole: true },
            // The seeds' reported figures (Hà Tĩnh 2023) with their sources, by year.
            { name: 'reports-2023', to: '/reports?from=2023-01-01&to=2023-12-31&period=YEAR', ready: 'volumes-summary', whole: true },
          ]
        : []),
    ];
    for (const size of WIDTHS) {
      await page.setViewportSize({ width: size.width, height: size.height });
      for (const target of pages) {
        await check(`${username} ${size.name} ${target.name}: Vietnamese only, nothing wider than the screen`, async () => {
          const t0 = Date.now();
          await go(target.to);
          if (target.ready) {
            await page.getByTestId(target.ready).waitFor();
            if (!target.whole) await page.getByTestId('workplace-sections').waitFor();
            await idle(page);
          }
          if (target.name === 'programme' && (username === 'admin' || username.startsWith('hatinh.'))) {
            await page.getByTestId('timeline-row').first().waitFor();
            const years = await page.getByTestId('timeline-year').count();
            assert(years > 0 && years <= 40, `the timeline has ${years} year ticks`);
            assert(Date.now() - t0 < 10_000, `the programme page took ${Date.now() - t0} ms`);
          }
          // A record's page whole: what hangs on it (sites, handovers, staff and dossiers) is below the fold.
          await page.screenshot({ path: path.join(dir, `${size.name}-${target.name}.png`), fullPage: Boolean(target.ready) });
          const foreign = foreignLines(await visibleLines(page));
          assert(foreign.length === 0, `English or raw names on screen: ${JSON.stringify(foreign.slice(0, 5))}`);
          const overflow = await sidewaysOverflow(page, { tolerance: 1 });
          assert(overflow.px <= 1, `the page is ${overflow.px} px wider than the screen (${overflow.culprit})`);
        });
        if (target.name === 'audit' && (await page.getByTestId('audit-grid').count())) {
          await check(`${username} ${size.name} audit: an entry's drawer, with its fields, reads as Vietnamese`, async () => {
            // The phase the walk added, where the user's trail reaches it (its fields: name, plan, targets,
            // gates, status…); else the latest entry with fields; else, with sign-ins shown, a sign-in.
            const firstRow = page.locator('[data-testid="audit-grid"] [role="row"][data-rowindex="0"]');
            const hasRow = () => firstRow.waitFor({ timeout: 5_000 }).then(() => true, () => false);
            let phaseEntry = false;
            if (addedPhaseId) {
              await go(`/administration/audit?${new URLSearchParams({ type: 'RolloutPhase', entity: addedPhaseId })}`);
              phaseEntry = await hasRow();
            }
            let withFields = phaseEntry;
            if (!withFields) {
              await go('/administration/audit');
              withFields = await hasRow();
            }
            if (!withFields) {
              await page.getByTestId('audit-sign-ins').click();
              await idle(page);
              assert(await hasRow(), 'the trail shows no entry at all');
            }
            if (username === 'admin' || username === 'hatinh.bcd') assert(phaseEntry, 'the trail does not show the phase the walk added');
            await firstRow.click();
            const drawer = page.locator('.MuiModal-root .MuiDrawer-paper');
            await drawer.waitFor();
            // The drawer slides in: wait for its transition, or the shot shows it half-way.
            await drawer.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
            await idle(page);
            await page.screenshot({ path: path.join(dir, `${size.name}-audit-entry.png`) });
            if (phaseEntry) assert((await drawer.getByTestId('diff-row').count()) > 5, 'the phase entry shows no fields');
            const lines = (await drawer.innerText()).split('\n').map((l) => l.trim()).filter(Boolean);
            const foreign = foreignLines(lines);
            assert(foreign.length === 0, `English or raw names in the drawer: ${JSON.stringify(foreign.slice(0, 5))}`);
            await page.keyboard.press('Escape');
          });
        }
        if (target.sorted && size.name === 'desktop') {
          await check(`${username} ${target.name}: in Vietnamese alphabetical order`, async () => {
            const names = await page.locator(`[role="row"] [data-field="${target.nameField ?? 'name'}"]`).allInnerTexts();
            const rows = names.map((n) => n.trim()).filter((n) => n && n !== 'Tên' && n !== 'Họ và tên');
            if (rows.length < 2) return; // nothing to order for this user
            const collator = new Intl.Collator('vi');
            const out = rows.findIndex((name, i) => i > 0 && collator.compare(rows[i - 1], name) > 0);
            assert(out < 0, `"${rows[out - 1]}" comes before "${rows[out]}"`);
          });
        }
      }
    }
  });
}

console.log(`screens walk: ${((Date.now() - started) / 1000).toFixed(0)} s; screenshots in ${path.relative(REPO_ROOT, SHOTS)}/`);
tally();
