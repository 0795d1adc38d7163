#!/usr/bin/env node
// Browser walk of the built admin as each demo user: what every role must and must not see.
//
//   BASE_URL=http://localhost:4000 node apps/admin/e2e/roles.mjs
//
// Env: BASE_URL (default http://localhost:4000), CHROMIUM_PATH (default /usr/bin/chromium),
//      ROLES_PASSWORD (default Demo@2026: the demo users the API seeds on first start).
// For each demo user it signs in and lands on the home of the role: the province's overview for the
// steering committee and administrators, their own desk, agency or post office for a counter clerk, an
// agency officer and a post office manager (with its pilot site, what they can do, what is new and the
// handovers); the navigation shows only the areas the role can use (GraphiQL to administrators only),
// the header says the product's name. Then it walks the organisation pages (units tree, desks, post offices,
// agencies, a detail page of each) and the administration area, checks the records are those of the
// user's province, that write buttons, the administration entry and the "change history" links show
// only to the roles the API lets use them (others get a plain "no access" page by URL), switches the
// language once, and signs out. The Hà Tĩnh administrator creates, resets and deactivates a user; the
// Hà Tĩnh steering committee renames a desk and reads it in the audit trail (then renames it back).
// Screenshots (1366×768, and the home also at 390×844) go to artifacts/screenshots/roles/<username>/ at
// the repository root.
// Exits non-zero when a check fails, the page logs a console error, or a request fails.
import fs from 'node:fs';
import path from 'node:path';
import { assert, BASE_URL, check, idle, preflight, REPO_ROOT, settle, sidewaysOverflow, signIn, tally, withBrowser, vietnamDay } from './browser.mjs';

const SHOTS = path.join(REPO_ROOT, 'artifacts', 'screenshots', 'roles');
const PASSWORD = process.env.ROLES_PASSWORD ?? 'Demo@2026';

const HA_TINH = 'Tỉnh Hà Tĩnh';
const DONG_NAI = 'Tỉnh Đồng Nai';
/** A desk of each province, by its code: each province's users find their own and never the other. */
const HA_TINH_DESK = '42-TTPVHCC-MC';
const BINH_PHUOC_DESK = '70-TTPVHCC-MC';

/** The navigation of each kind of role (layout/areas.ts), "*" marking an area still to come. */
const NAV = {
  admin: ['overview', 'myRoster', 'rollout', 'handover', 'organisation', 'staff', 'procedures', 'reports', 'administration', 'graphiql'],
  committee: ['overview', 'myRoster', 'rollout', 'handover', 'organisation', 'staff', 'procedures', 'reports', 'administration'],
  postOffice: ['overview', 'myRoster', 'rollout', 'handover', 'organisation', 'staff', 'procedures', 'dossiers', 'reports'],
  desk: ['overview', 'myRoster', 'organisation', 'procedures', 'dossiers'],
};

/**
 * The demo users and what each must see. `province`: the province every record shown belongs to
 * (null: nationwide). `writer`: organisation write buttons. `users` / `audit`: the administration pages.
 * `home`: the overview, or the kind of workplace their home is about, with its name (`place`).
 */
const WALKS = [
  { username: 'admin', role: 'Quản trị hệ thống', province: null, writer: true, users: true, audit: true, home: 'overview', nav: NAV.admin },
  { username: 'hatinh.quantri', role: 'Quản trị hệ thống', province: HA_TINH, writer: true, users: true, audit: true, home: 'overview', nav: NAV.admin },
  { username: 'hatinh.bcd', role: 'Ban Chỉ đạo', province: HA_TINH, writer: true, users: false, audit: true, home: 'overview', nav: NAV.committee },
  { username: 'hatinh.buudien', role: 'Quản lý bưu điện', province: HA_TINH, writer: false, users: false, audit: false, home: 'postOffice', place: 'Bưu điện tỉnh Hà Tĩnh', nav: NAV.postOffice },
  { username: 'hatinh.quay', role: 'Nhân viên quầy', province: HA_TINH, writer: false, users: false, audit: false, home: 'desk', place: 'Trung tâm Phục vụ Hành chính công', sites: 0, nav: NAV.desk }, // the provincial centre's desk is not in the demo pilot
  { username: 'hatinh.stttt', role: 'Cán bộ cơ quan', province: HA_TINH, writer: false, users: false, audit: false, home: 'agency', place: 'Sở Thông tin và Truyền thông', nav: NAV.desk },
  { username: 'dongnai.bcd', role: 'Ban Chỉ đạo', province: DONG_NAI, writer: true, users: false, audit: true, home: 'overview', nav: NAV.committee },
  { username: 'binhphuoc.buudien', role: 'Quản lý bưu điện', province: DONG_NAI, writer: false, users: false, audit: false, home: 'postOffice', place: 'Bình Phước', nav: NAV.postOffice },
];

await preflight();
fs.rmSync(SHOTS, { recursive: true, force: true });
fs.mkdirSync(SHOTS, { recursive: true });

console.log(`Role walk of ${BASE_URL}`);
await withBrowser('osp-roles-', async ({ page }) => {
  const url = () => new URL(page.url());
  const go = async (to) => {
    await idle(page); // leaving a page with requests in flight would abort them (as the rollout walk does)
    return page.goto(`${BASE_URL}${to}`, { waitUntil: 'domcontentloaded' });
  };
  const nav = () => page.getByRole('navigation');
  const rows = (grid) => page.locator(`[data-testid="${grid}"] [role="row"][data-id]`);
  /** The texts of one column of the rows shown. */
  const column = (grid, field) => page.locator(`[data-testid="${grid}"] [role="row"][data-id] [data-field="${field}"]`).allInnerTexts();
  /** Waits until the list says how many records match, and returns that number. */
  async function listCount() {
    const status = page.getByTestId('list-count');
    await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid="list-count"]')?.textContent ?? ''));
    return Number((await status.innerText()).replace(/\D+/g, ''));
  }
  /** Waits for the grid to show the rows the count promises (up to a page). */
  async function loadedGrid(grid) {
    const count = await listCount();
    if (count > 0) await rows(grid).first().waitFor();
    await settle(page);
    return count;
  }

  let shotDir = SHOTS;
  let shotNumber = 0;
  async function screenshot(name) {
    await settle(page);
    shotNumber += 1;
    await page.screenshot({ path: path.join(shotDir, `${String(shotNumber).padStart(2, '0')}-${name}.png`) });
  }

  async function switchLanguage(lang) {
    await page.getByTestId('language-switch').click();
    await page.getByTestId(`language-${lang}`).click();
    await page.locator('#language-menu').waitFor({ state: 'detached' });
  }

  /** The records of a list belong to the user's province (or, nationwide, to several). */
  async function expectProvince(grid, walk) {
    const provinces = await column(grid, 'province');
    assert(provinces.length > 0, `${grid}: no rows`);
    if (walk.province) {
      const others = provinces.filter((p) => p !== walk.province);
      assert(others.length === 0, `${grid}: records of ${[...new Set(others)].join(', ')} shown to a user of ${walk.province}`);
    } else {
      assert(new Set(provinces).size >= 2, `${grid}: a national user sees one province only (${provinces[0]})`);
    }
    return provinces.length;
  }

  /** Write buttons of a detail page, and its "change history" link, as the role allows. */
  async function expectDetailActions(walk, entityId) {
    for (const action of ['action-rename', 'action-move', 'action-retire']) {
      const shown = await page.getByTestId(action).count();
      assert(shown === (walk.writer ? 1 : 0), `${action} ${shown ? 'shown' : 'missing'} for ${walk.username}`);
    }
    const history = page.getByTestId('action-history');
    if (walk.audit) {
      await history.waitFor();
      const href = await history.getAttribute('href');
      assert(href?.includes(`entity=${entityId}`), `history link ${href} is not filtered by the record ${entityId}`);
    } else {
      assert((await history.count()) === 0, `"Lịch sử thay đổi" shown to ${walk.username}, who may not read the audit trail`);
    }
  }

  /** Opens the first record of a list and checks its page. */
  async function openFirst(grid, detail, walk) {
    const first = rows(grid).first();
    const id = await first.getAttribute('data-id');
    await first.getByRole('link').first().click();
    await page.getByTestId(detail).waitFor();
    assert(url().pathname.endsWith(`/${id}`), `URL is ${page.url()}, expected the record ${id}`);
    await expectDetailActions(walk, id);
    return id;
  }

  /** The home of a clerk, an agency officer or a post office manager: about their own workplace, in Vietnamese. */
  async function home(walk) {
    const home = page.getByTestId('home-page');
    await home.waitFor();
    assert((await home.getAttribute('data-workplace')) === walk.home, `home about ${await home.getAttribute('data-workplace')}, expected ${walk.home}`);
    assert((await page.getByTestId('nav-overview').innerText()).trim() === 'Trang của tôi', 'the first entry is not "Trang của tôi"');
    assert((await page.getByTestId('status-card').count()) === 0, 'the province overview shown to an operational role');
    const place = await page.getByTestId('home-workplace-name').innerText();
    assert(place.includes(walk.place), `workplace "${place}", expected ${walk.place}`);
    // Its pilot site(s) with their status, and what they may do: links to pages they can use.
    await page.locator('[data-testid="workplace-sites"], [data-testid="workplace-no-site"]').first().waitFor();
    await page.locator('[data-testid="workplace-changes"], [data-testid="workplace-no-change"]').first().waitFor();
    const sites = await page.getByTestId('workplace-site').count();
    assert(sites === walk.sites || (walk.sites === undefined && sites > 0), `${sites} pilot site(s) on the home of ${walk.username}, expected ${walk.sites ?? 'some'}`);
    const links = await page.locator('[data-testid="home-actions"] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const expected = walk.home === 'postOffice' ? ['/handover', '/rollout', '/organisation', '/staff'] : ['/organisation'];
    for (const href of expected) assert(links.includes(href), `"${href}" missing from what ${walk.username} can do: ${links.join(', ')}`);
    if (walk.home !== 'postOffice') assert(!links.includes('/handover') && !links.includes('/rollout'), `province-wide pages offered: ${links.join(', ')}`);
    // An official reads Vietnamese: no camelCase name, no ISO date or uuid, no English status word.
    const unreadable = (await home.innerText())
      .split('\n')
      .filter((line) => /\b[a-z]+[A-Z][a-zA-Z]*\b/.test(line) || /\d{4}-\d{2}-\d{2}/.test(line) || /\b(OPERATING|PLANNED|EFFECTIVE|DRAFT|undefined|null)\b/.test(line));
    assert(unreadable.length === 0, `the home shows raw names or dates: ${unreadable.join(' | ')}`);
    console.log(`    (${place}: ${sites} pilot site(s), ${await page.getByTestId('workplace-handover').count()} handover(s))`);
  }

  for (const walk of WALKS) {
    const who = walk.username;
    shotDir = path.join(SHOTS, who);
    shotNumber = 0;
    fs.mkdirSync(shotDir, { recursive: true });
    console.log(`\n${who} (${walk.role}, ${walk.province ?? 'toàn quốc'})`);

    await check(`${who}: signs in, lands on ${walk.home === 'overview' ? 'the overview' : `the home of their ${walk.home}`}; the navigation shows ${walk.nav.join(', ')}`, async () => {
      // A clean browser in Vietnamese, signed in from the home page: signing in then returns there, not to
      // where the previous user signed out.
      await signIn(page, who, PASSWORD);
      assert(url().pathname === '/', `URL is ${page.url()}`);
      await nav().getByText('Tổ chức', { exact: true }).waitFor();
      const admin = await page.getByTestId('nav-administration').count();
      assert(admin === (walk.users || walk.audit ? 1 : 0), `Quản trị ${admin ? 'shown' : 'missing'} in the navigation`);
      // Only the areas the role can use, those still to come marked "Sắp có"; GraphiQL for administrators.
      const areas = await page.evaluate(() =>
        [...document.querySelectorAll('nav [data-testid^="nav-"]')]
          .map((el) => el.getAttribute('data-testid'))
          .filter((id) => !id.endsWith('-coming'))
          .map((id) => id.slice(4) + (document.querySelector(`[data-testid="${id}-coming"]`) ? '*' : '')),
      );
      assert(areas.join(',') === walk.nav.join(','), `navigation ${areas.join(', ')}, expected ${walk.nav.join(', ')}`);
      // The header says the product, never a role's title.
      // (The user menu's button carries the person's display name, which may well be "Quản trị hệ thống".)
      const header = (await page.getByRole('banner').innerText()).replace(await page.getByTestId('user-menu-button').innerText(), '');
      assert((await page.getByTestId('app-name').innerText()) === 'Bưu điện Một cửa', `app name "${await page.getByTestId('app-name').innerText()}"`);
      for (const title of ['Quản trị hệ thống', 'Ban Chỉ đạo', 'Quản lý bưu điện', 'Nhân viên quầy', 'Cán bộ cơ quan'])
        assert(!header.includes(title), `the header says "${title}": ${header}`);
      if (walk.home === 'overview') {
        await page.getByTestId('status-card').waitFor();
        assert((await page.getByTestId('home-page').count()) === 0, 'the overview roles got a personal home');
        assert((await page.getByTestId('nav-overview').innerText()).trim() === 'Tổng quan', 'the first entry is not "Tổng quan"');
      } else {
        await home(walk);
      }
      await page.getByTestId('user-menu-button').click();
      await page.getByTestId('user-menu-details').waitFor();
      const roles = await page.getByTestId('user-roles').innerText();
      const scope = await page.getByTestId('user-scope').innerText();
      assert(roles.includes(walk.role), `roles "${roles}", expected ${walk.role}`);
      assert(scope.trim() === (walk.province ?? 'Toàn quốc'), `scope "${scope}", expected ${walk.province ?? 'Toàn quốc'}`);
      await page.waitForTimeout(400); // the popover's opening transition
      await screenshot('home-user-menu');
      await page.keyboard.press('Escape');
      await page.locator('#user-menu').waitFor({ state: 'detached' });
      await screenshot('home');
      // The home at phone width: nothing cut off, the navigation behind the menu button.
      await page.setViewportSize({ width: 390, height: 844 });
      await settle(page);
      await screenshot('home-390');
      if (walk.home !== 'overview') {
        await page.getByTestId(walk.home === 'postOffice' ? 'home-sites' : 'home-actions').scrollIntoViewIfNeeded();
        await screenshot('home-390-below');
      }
      const overflow = await sidewaysOverflow(page);
      assert(overflow.px <= 0, `the home scrolls sideways by ${overflow.px} px at 390 px (${overflow.culprit})`);
      await page.setViewportSize({ width: 1366, height: 768 });
      await settle(page);
      await page.getByTestId('user-menu-button').click();
      await page.getByTestId('user-menu-details').waitFor();
      await page.keyboard.press('Escape');
      await page.locator('#user-menu').waitFor({ state: 'detached' });
      await idle(page); // the home's queries answer before the next page is opened
    });

    if (walk.home !== 'overview') {
      await check(`${who}: opens their own ${walk.home} from the home: its pilot site, handovers${walk.audit ? '' : ' and the pilot history'}`, async () => {
        await go('/');
        // The home's own reads finish before the person clicks through (leaving them mid-way is not a failure).
        await settle(page);
        await page.getByTestId('home-workplace-name').click();
        const detail = { desk: 'desk-detail', agency: 'agency-detail', postOffice: 'post-office-detail' }[walk.home];
        await page.getByTestId(detail).waitFor();
        const sections = page.getByTestId('workplace-sections');
        await sections.waitFor();
        await page.locator('[data-testid="workplace-sections"] :is([data-testid="workplace-sites"], [data-testid="workplace-no-site"])').first().waitFor();
        // No audit trail for them: the sites' status history instead.
        if (!walk.audit) await sections.getByText('Lịch sử thí điểm', { exact: true }).waitFor();
        await sections.scrollIntoViewIfNeeded();
        await screenshot(`own-${walk.home}`);
      });
    }

    await check(`${who}: the units tree lists the provinces in force`, async () => {
      await page.getByTestId('nav-organisation').click();
      await page.getByTestId('unit-tree').waitFor();
      assert(url().pathname === '/organisation/units', `URL is ${page.url()}`);
      const provinces = page.locator('[data-testid="unit-node"][data-level="PROVINCE"]');
      await provinces.first().waitFor();
      const names = await provinces.locator('[data-testid="unit-name"]').allInnerTexts();
      for (const expected of [HA_TINH, DONG_NAI])
        assert(
          names.some((n) => n.includes(expected)),
          `${expected} missing from the tree: ${names.join(', ')}`,
        );
      const mine = provinces.filter({ hasText: walk.province ?? HA_TINH }).first();
      await mine.getByTestId('unit-toggle').first().click();
      await mine.locator('[data-testid="unit-node"]:not([data-level="PROVINCE"])').first().waitFor();
      await screenshot('units');
    });

    await check(`${who}: desks of ${walk.province ?? 'every province'}, ${walk.writer ? 'with' : 'without'} "add"`, async () => {
      await page.getByTestId('org-tab-desks').click();
      const count = await loadedGrid('desks-grid');
      // The rows rendered (the grid virtualises the rest) are all of the province.
      await expectProvince('desks-grid', walk);
      const add = await page.getByTestId('create-desk').count();
      assert(add === (walk.writer ? 1 : 0), `"Thêm Bộ phận Một cửa" ${add ? 'shown' : 'missing'}`);
      console.log(`    (${count} desks)`);
      await screenshot('desks');
    });

    await check(
      `${who}: desk search and province filter find ${walk.province === DONG_NAI ? 'no Hà Tĩnh desk' : walk.province === HA_TINH ? 'no Bình Phước desk' : 'desks of both provinces'}`,
      async () => {
        const expectations = [
          [HA_TINH_DESK, walk.province !== DONG_NAI],
          [BINH_PHUOC_DESK, walk.province !== HA_TINH],
        ];
        for (const [code, visible] of expectations) {
          await go(`/organisation/desks?q=${encodeURIComponent(code)}`);
          const count = await loadedGrid('desks-grid');
          assert(count === (visible ? 1 : 0), `search ${code}: ${count} desks, expected ${visible ? 1 : 0}`);
          assert((await rows('desks-grid').count()) === count, `search ${code}: the grid shows ${await rows('desks-grid').count()} rows`);
        }
        // Nothing of the other province by name or by the province filter either; a national user sees both.
        await go('/organisation/desks?q=' + encodeURIComponent(walk.province === DONG_NAI ? 'ha tinh' : 'binh phuoc'));
        const other = await loadedGrid('desks-grid');
        assert(walk.province === null ? other > 0 : other === 0, `search for the other province listed ${other} desks`);
        for (const [code, name] of [
          ['42', HA_TINH],
          ['75', DONG_NAI],
        ]) {
          await go(`/organisation/desks?province=${code}`);
          const inProvince = await loadedGrid('desks-grid');
          const visible = walk.province === null || walk.province === name;
          assert(visible ? inProvince > 0 : inProvince === 0, `province filter ${code}: ${inProvince} desks`);
        }
      },
    );

    await check(
      `${who}: a desk page ${walk.writer ? 'offers' : 'hides'} rename/move/retire and ${walk.audit ? 'links' : 'does not link'} its history`,
      async () => {
        await go('/organisation/desks');
        await loadedGrid('desks-grid');
        await openFirst('desks-grid', 'desk-detail', walk);
        await page.getByText('Thông tin chung', { exact: true }).waitFor();
        await screenshot('desk-detail');
      },
    );

    await check(`${who}: post offices of ${walk.province ?? 'every province'}; a post office page`, async () => {
      await go('/organisation/post-offices');
      const count = await loadedGrid('post-offices-grid');
      await expectProvince('post-offices-grid', walk);
      const add = await page.getByTestId('create-post-office').count();
      assert(add === (walk.writer ? 1 : 0), `"Thêm bưu điện" ${add ? 'shown' : 'missing'}`);
      console.log(`    (${count} post offices)`);
      await screenshot('post-offices');
      await openFirst('post-offices-grid', 'post-office-detail', walk);
      await screenshot('post-office-detail');
    });

    await check(`${who}: agencies of ${walk.province ?? 'every province'}; an agency page`, async () => {
      await go('/organisation/agencies');
      const count = await loadedGrid('agencies-grid');
      await expectProvince('agencies-grid', walk);
      const add = await page.getByTestId('create-agency').count();
      assert(add === (walk.writer ? 1 : 0), `"Thêm cơ quan" ${add ? 'shown' : 'missing'}`);
      console.log(`    (${count} agencies)`);
      await screenshot('agencies');
      await openFirst('agencies-grid', 'agency-detail', walk);
      await screenshot('agency-detail');
    });

    await check(`${who}: users ${walk.users ? 'listed (own scope)' : 'page says "no access"'}`, async () => {
      await go('/administration/users');
      if (!walk.users) {
        await page.getByTestId('no-access').waitFor();
        await page.getByRole('heading', { name: 'Không có quyền truy cập' }).waitFor();
        assert((await page.getByTestId('users-grid').count()) === 0, 'the users grid is shown');
        await screenshot('users-no-access');
        return;
      }
      const count = await loadedGrid('users-grid');
      const usernames = await column('users-grid', 'username');
      const scopes = await column('users-grid', 'scope');
      assert(usernames.includes(who), `${who} not among the users: ${usernames.join(', ')}`);
      if (walk.province) {
        assert(
          scopes.every((s) => s === walk.province),
          `users of other scopes shown: ${usernames.filter((_u, i) => scopes[i] !== walk.province).join(', ')}`,
        );
        assert(!usernames.includes('admin') && !usernames.includes('binhphuoc.buudien'), `users outside ${walk.province} shown`);
      } else {
        for (const expected of ['admin', 'hatinh.quay', 'binhphuoc.buudien']) assert(usernames.includes(expected), `${expected} missing`);
        assert(scopes.includes('Toàn quốc') && scopes.includes(HA_TINH) && scopes.includes(DONG_NAI), `scopes shown: ${[...new Set(scopes)].join(', ')}`);
      }
      await page.getByTestId('create-user').waitFor();
      // No deactivating oneself.
      const own = rows('users-grid').filter({ has: page.locator('[data-field="username"]', { hasText: new RegExp(`^${who.replace('.', '\\.')}$`) }) });
      assert((await own.getByTestId('user-deactivate').count()) === 0, 'the own row offers "deactivate"');
      console.log(`    (${count} users)`);
      await screenshot('users');
    });

    await check(`${who}: audit trail ${walk.audit ? `listed (${walk.province ?? 'nationwide'})` : 'page says "no access"'}`, async () => {
      // Sign-ins and sign-outs are hidden by default; this user's own sign-in is the entry every reader has.
      await go('/administration/audit?signins=1');
      if (!walk.audit) {
        await page.getByTestId('no-access').waitFor();
        assert((await page.getByTestId('audit-grid').count()) === 0, 'the audit grid is shown');
        await go('/administration');
        await page.getByTestId('no-access').waitFor();
        assert(url().pathname === '/administration', `URL is ${page.url()}`);
        await screenshot('administration-no-access');
        return;
      }
      const count = await loadedGrid('audit-grid');
      assert(count > 0, 'no audit entries (this user signed in: that is one)');
      const tabs = await page.getByRole('tab').allInnerTexts();
      assert(
        tabs.some((t) => /nhật ký/i.test(t)),
        `tabs: ${tabs.join(', ')}`,
      );
      assert(tabs.some((t) => /người dùng/i.test(t)) === walk.users, `tabs: ${tabs.join(', ')}`);
      // "Display name (username)" for a person, "Dữ liệu mẫu" / "Hệ thống" for the system.
      const actors = (await column('audit-grid', 'actorLabel')).map((a) => /\(([^()]+)\)$/.exec(a)?.[1] ?? a);
      const times = await column('audit-grid', 'occurredAt');
      assert(
        times.every((t) => /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/.test(t)),
        `times not dd/MM/yyyy HH:mm: ${times.slice(0, 3).join(', ')}`,
      );
      if (walk.province === HA_TINH)
        assert(
          actors.every((a) => !/^(dongnai|binhphuoc)\./.test(a) && a !== 'admin'),
          `entries of other provinces: ${actors.join(', ')}`,
        );
      if (walk.province === DONG_NAI)
        assert(
          actors.every((a) => !a.startsWith('hatinh.') && a !== 'admin'),
          `entries of other provinces: ${actors.join(', ')}`,
        );
      // The national administrator's own entries are national (no province): only a national reader sees them.
      if (!walk.province) assert(actors.includes('admin'), `the national administrator's own entries are missing: ${actors.join(', ')}`);
      console.log(`    (${count} entries)`);
      await screenshot('audit');
      // Filters: entity type, then a date range typed into the date pickers (today to today).
      await page.getByTestId('audit-entity-type').click();
      await page.getByRole('option', { name: 'Người dùng', exact: true }).click();
      await page.waitForURL((u) => u.searchParams.get('type') === 'User');
      await settle(page); // as a person would, let the list answer before the next filter
      await page.waitForFunction(() =>
        [...document.querySelectorAll('[data-testid="audit-grid"] [role="row"][data-id] [data-field="entityType"]')].every(
          (c) => c.textContent === 'Người dùng',
        ),
      );
      // Today in Vietnam, as the page's day filters count (after 17:00 UTC it is already tomorrow there).
      const iso = vietnamDay();
      const today = iso.split('-').reverse().join('');
      for (const [testId, param] of [
        ['audit-from', 'from'],
        ['audit-to', 'to'],
      ]) {
        await page.getByTestId(testId).locator('[role="spinbutton"]').first().click();
        await page.keyboard.type(today);
        await page.waitForURL((u) => u.searchParams.get(param) === iso);
        await settle(page);
      }
      const filtered = await loadedGrid('audit-grid');
      assert(filtered > 0, `no sign-in today among ${count} entries`);
      await page.locator('[data-testid="audit-grid"] [role="row"][data-id]').first().click();
      await page.getByTestId('audit-drawer').waitFor();
      await page.getByTestId('audit-drawer').getByText('Người thực hiện', { exact: true }).waitFor();
      await page.waitForTimeout(300); // the drawer's slide
      // An official reads labels and names: no camelCase field name, no uuid.
      const unreadable = (await page.getByTestId('audit-drawer').innerText())
        .split('\n')
        .filter((line) => /\b[a-z]+[A-Z][a-zA-Z]*\b/.test(line) || /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.test(line));
      assert(unreadable.length === 0, `the audit drawer shows raw names or ids: ${unreadable.join(' | ')}`);
      await screenshot('audit-filtered-drawer');
      await page.getByTestId('audit-drawer-close').click();
      await page.getByTestId('audit-drawer').waitFor({ state: 'detached' });
    });

    if (who === 'hatinh.quantri') {
      const newUser = `e2e.quay.${Date.now().toString(36)}`;
      await check(`${who}: the new-user form shows the API's field errors, and desks of Hà Tĩnh only`, async () => {
        await go('/administration/users');
        await loadedGrid('users-grid');
        await page.getByTestId('create-user').click();
        await page.getByTestId('user-form').waitFor();
        assert((await page.getByTestId('user-scope').inputValue()) === HA_TINH, 'the unit does not start at the administrator’s province');
        await page.getByTestId('user-username').fill('Sai Dinh Dang');
        await page.getByTestId('user-display-name').fill('Nhân viên quầy thử nghiệm');
        await page.getByTestId('user-password').fill('ngan');
        await page.getByTestId('user-roles').click();
        await page.getByTestId('role-option-COUNTER_CLERK').click();
        await page.keyboard.press('Escape');
        await page.getByRole('listbox').waitFor({ state: 'detached' });
        const desk = page.getByTestId('user-desk');
        await desk.click();
        await desk.fill('trung tam');
        await page.getByRole('option', { name: /Trung tâm Phục vụ Hành chính công tỉnh Hà Tĩnh/ }).waitFor();
        const options = await page.getByRole('option').allInnerTexts();
        assert(!options.some((o) => o.includes('Bình Phước') || o.includes('Bắc Kạn')), `desks of other provinces offered: ${options.join(' | ')}`);
        await page.getByRole('option', { name: /Trung tâm Phục vụ Hành chính công tỉnh Hà Tĩnh/ }).click();
        await page.getByTestId('user-form-submit').click();
        await page.getByTestId('problem-alert').waitFor();
        const helper = async (testId) => (await page.locator('#' + (await page.getByTestId(testId).getAttribute('aria-describedby'))).innerText()).trim();
        const username = await helper('user-username');
        const password = await helper('user-password');
        // The field's hint stays beside the API's error: some line of the helper is not the hint.
        const errorBesideHint = (helper, hint) => helper.split('\n').some((line) => line.trim() && !line.startsWith(hint));
        assert(errorBesideHint(username, 'Chữ thường'), `no API error under the username (helper: "${username}")`);
        assert(errorBesideHint(password, 'Ít nhất'), `no API error under the password (helper: "${password}")`);
        console.log(`    (username: ${username} · password: ${password})`);
        await screenshot('user-form-errors');
        await page.getByTestId('user-username').fill(newUser);
        await page.getByTestId('user-password').fill('Quay@2026x');
        await page.getByTestId('user-form-submit').click();
        await page.getByTestId('user-form').waitFor({ state: 'detached' });
        await page
          .getByTestId('notice')
          .filter({ hasText: `Đã tạo người dùng ${newUser}` })
          .waitFor();
      });

      await check(`${who}: resets the new user's password, then deactivates it after confirming`, async () => {
        await page.getByTestId('users-search').fill(newUser);
        await page.waitForURL((u) => u.searchParams.get('q') === newUser);
        const row = rows('users-grid').filter({ hasText: newUser });
        await page.waitForFunction(() => document.querySelectorAll('[data-testid="users-grid"] [role="row"][data-id]').length === 1);
        await row.waitFor();
        await row.getByTestId('user-reset').click();
        await page.getByTestId('reset-password-dialog').waitFor();
        await page.getByTestId('reset-password').fill('MatKhauMoi2026');
        await page.getByTestId('reset-password-dialog-submit').click();
        await page.getByTestId('reset-password-dialog').waitFor({ state: 'detached' });
        await page
          .getByTestId('notice')
          .filter({ hasText: `Đã đặt lại mật khẩu cho ${newUser}` })
          .waitFor();
        await row.getByTestId('user-deactivate').click();
        await page.getByTestId('deactivate-dialog').waitFor();
        await page.getByTestId('deactivate-dialog').getByText(newUser, { exact: false }).waitFor();
        await screenshot('deactivate-confirm');
        await page.getByTestId('deactivate-dialog-submit').click();
        await page.getByTestId('deactivate-dialog').waitFor({ state: 'detached' });
        await page.waitForFunction(() => /^0\D/.test(document.querySelector('[data-testid="list-count"]')?.textContent ?? ''));
        await settle(page);
        await page.getByTestId('users-include-inactive').click();
        await page.waitForURL((u) => u.searchParams.get('inactive') === '1');
        await row.waitFor();
        const status = await row.getByTestId('user-status').innerText();
        assert(status === 'Đã khóa', `status "${status}" after deactivating`);
        await screenshot('user-deactivated');
      });

      await check(`${who}: the audit trail shows the deactivation with "active" highlighted`, async () => {
        await go('/administration/audit?type=User');
        await loadedGrid('audit-grid');
        const first = rows('audit-grid').first();
        const action = await first.locator('[data-field="action"]').innerText();
        assert(action === 'Khóa tài khoản', `newest entry is "${action}"`);
        await first.click();
        const drawer = page.getByTestId('audit-drawer');
        await drawer.waitFor();
        await drawer.getByText(newUser, { exact: false }).first().waitFor();
        const active = drawer.locator('[data-testid="diff-row"][data-field="active"]');
        assert((await active.getAttribute('data-change')) === 'changed', '"active" is not marked as changed');
        assert(
          (await active.getByTestId('diff-before').innerText()) === 'Có' && (await active.getByTestId('diff-after').innerText()) === 'Không',
          'active is not true → false',
        );
        assert((await drawer.locator('[data-field="passwordHash"]').count()) === 0, 'the password hash is in the trail');
        await page.waitForTimeout(300);
        await screenshot('audit-deactivation');
        await page.keyboard.press('Escape');
        await drawer.waitFor({ state: 'detached' });
      });
    }

    if (who === 'hatinh.bcd') {
      await check(`${who}: renames a desk and reads it under "Lịch sử thay đổi", name highlighted`, async () => {
        await go(`/organisation/desks?q=42-SCT-MC`);
        await loadedGrid('desks-grid');
        await rows('desks-grid').first().getByRole('link').click();
        await page.getByTestId('desk-detail').waitFor();
        const original = (await page.getByTestId('record-name').innerText()).trim();
        const renamed = `${original} (thử nghiệm)`;
        const rename = async (name) => {
          await page.getByTestId('action-rename').click();
          await page.getByTestId('rename-dialog').waitFor();
          await page.getByTestId('rename-name').fill(name);
          await page.getByTestId('rename-dialog-submit').click();
          await page.getByTestId('rename-dialog').waitFor({ state: 'detached' });
          await page.getByTestId('record-name').filter({ hasText: name }).waitFor();
        };
        await rename(renamed);
        const deskId = url().pathname.split('/').pop();
        await page.getByTestId('action-history').click();
        await page.getByTestId('audit-grid').waitFor();
        assert(url().searchParams.get('entity') === deskId, `history opened ${page.url()}`);
        await page.getByTestId('audit-entity-filter').waitFor();
        await loadedGrid('audit-grid');
        const types = await column('audit-grid', 'entityType');
        assert(
          types.every((t) => t === 'Bộ phận Một cửa'),
          `entries of other records: ${types.join(', ')}`,
        );
        const first = rows('audit-grid').first();
        assert((await first.locator('[data-field="action"]').innerText()) === 'Đổi tên', 'the newest entry is not the rename');
        await first.click();
        const name = page.getByTestId('audit-drawer').locator('[data-testid="diff-row"][data-field="name"]');
        await name.waitFor();
        assert((await name.getAttribute('data-change')) === 'changed', '"name" is not marked as changed');
        assert((await name.getByTestId('diff-before').innerText()) === original, 'before is not the old name');
        assert((await name.getByTestId('diff-after').innerText()) === renamed, 'after is not the new name');
        const code = page.getByTestId('audit-drawer').locator('[data-testid="diff-row"][data-field="code"]');
        assert((await code.getAttribute('data-change')) === 'same', '"code" is marked as changed');
        await page.waitForTimeout(300);
        await screenshot('desk-history-drawer');
        await page.keyboard.press('Escape');
        await page.getByTestId('audit-drawer').waitFor({ state: 'detached' });
        // Put the demo data back as it was.
        await go(`/organisation/desks/${deskId}`);
        await page.getByTestId('desk-detail').waitFor();
        await rename(original);
      });
    }

    await check(`${who}: switching to English once`, async () => {
      await go(walk.audit ? '/administration/audit' : walk.users ? '/administration/users' : '/organisation/desks');
      await page.getByTestId('list-count').waitFor();
      await listCount();
      await switchLanguage('en');
      await nav().getByText('Organisation', { exact: true }).waitFor();
      assert((await page.evaluate(() => document.documentElement.lang)) === 'en', '<html lang> is not "en"');
      assert(
        (await nav().getByText('Administration', { exact: true }).count()) === (walk.users || walk.audit ? 1 : 0),
        'Administration entry wrong in English',
      );
      await page
        .getByTestId('list-count')
        .filter({ hasText: walk.audit ? /entr(y|ies)/ : /records?/ })
        .waitFor();
      assert((await page.getByText('Tổ chức', { exact: true }).count()) === 0, 'Vietnamese navigation still shown');
      await screenshot('english');
      await switchLanguage('vi');
      await nav().getByText('Tổ chức', { exact: true }).waitFor();
    });

    await check(`${who}: signs out`, async () => {
      await settle(page);
      await page.getByTestId('user-menu-button').click();
      await page.getByTestId('sign-out').click();
      await page.getByTestId('sign-in-form').waitFor();
      await settle(page);
    });
  }

  console.log('\nadmin, after every walk');
  shotDir = path.join(SHOTS, 'admin');
  shotNumber = fs.readdirSync(shotDir).length; // after the admin's own walk
  await check('admin: the trail holds what the provinces did (the rename, the deactivation, their sign-ins)', async () => {
    await go('/');
    await page.getByTestId('sign-in-form').waitFor();
    await settle(page);
    await page.getByTestId('sign-in-username').fill('admin');
    await page.getByTestId('sign-in-password').fill(PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('nav-overview').waitFor();
    // The overview loads first (its programmes, then their figures): leaving it mid-request is a
    // navigation, not a failure to report.
    await page.locator('[data-testid="programme-overview"], [data-testid="overview-empty"]').first().waitFor();
    await settle(page);
    const seen = new Set();
    for (const filter of ['type=OneStopDesk&action=oneStopDesk.rename', 'type=User&action=user.deactivate', 'type=User&action=user.signIn']) {
      await go(`/administration/audit?${filter}`);
      await loadedGrid('audit-grid');
      // "Display name (username)" for a person.
      for (const actor of await column('audit-grid', 'actorLabel')) seen.add(/\(([^()]+)\)$/.exec(actor)?.[1] ?? actor);
    }
    for (const actor of ['hatinh.bcd', 'hatinh.quantri', 'dongnai.bcd', 'binhphuoc.buudien'])
      assert(seen.has(actor), `no entry of ${actor}; seen: ${[...seen].join(', ')}`);
    await screenshot('audit-all-provinces');
    await page.getByTestId('user-menu-button').click();
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in-form').waitFor();
    await settle(page);
  });
});

console.log(`\nScreenshots: ${SHOTS}`);
tally();
