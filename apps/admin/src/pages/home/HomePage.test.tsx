import { describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import type { Role, SessionUserFragment } from '../../graphql/generated';
import { SessionStore } from '../../features/auth/session';
import { fakeApi, type FakeHandler } from '../../test/fakeApi';
import { renderInApp } from '../../test/render';
import HomePage from './HomePage';

function sessionOf(roles: Role[]): SessionStore {
  const user: SessionUserFragment = { id: 'u1', username: 'someone', displayName: 'Someone', roles, scope: { id: 'p-42', code: '42', name: 'Tỉnh Hà Tĩnh', level: 'PROVINCE' } };
  const store = new SessionStore();
  store.signedIn({ token: 'access', expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(), refreshToken: 'refresh-token-1', user });
  return store;
}

const unit = (id: string, code: string, name: string) => ({ __typename: 'AdministrativeUnit', id, code, name });
const province = unit('p-42', '42', 'Tỉnh Hà Tĩnh');

const site = (id: string, deskId: string, deskName: string, postOffice: { id: string; name: string } | null) => ({
  __typename: 'PilotSite',
  id,
  status: 'OPERATING',
  statusSince: '2019-10-15',
  late: false,
  plannedLaunch: '2019-10-01',
  launchedOn: '2019-10-01',
  handoverModel: 'AT_AGENCY',
  oneStopDesk: { __typename: 'OneStopDesk', id: deskId, name: deskName },
  postOffice: postOffice && { __typename: 'PostOffice', ...postOffice },
  programme: { __typename: 'PilotProgramme', id: 'prog-1', code: 'HT-2459', name: 'Đề án thí điểm Hà Tĩnh' },
  phase: { __typename: 'RolloutPhase', id: 'ph-1', name: 'Giai đoạn 1: thí điểm' },
  history: [
    { __typename: 'SiteStatusChange', id: `${id}-h1`, fromStatus: null, toStatus: 'PLANNED', on: '2019-08-15', note: null },
    { __typename: 'SiteStatusChange', id: `${id}-h2`, fromStatus: 'PLANNED', toStatus: 'PREPARING', on: '2019-08-20', note: null },
    { __typename: 'SiteStatusChange', id: `${id}-h3`, fromStatus: 'LAUNCHED', toStatus: 'OPERATING', on: '2019-10-15', note: null },
  ],
  personnelHandovers: [
    {
      __typename: 'PersonnelHandover',
      id: `${id}-p1`,
      status: 'EFFECTIVE',
      statusSince: '2019-11-01',
      effectiveOn: '2019-11-01',
      recordNumber: '15/BB-UBND-BĐ',
      recordSignedOn: '2019-10-25',
      tasks: ['RECEIVING'],
    },
  ],
  facilityHandovers: [
    {
      __typename: 'FacilityHandover',
      id: `${id}-f1`,
      status: 'DRAFT',
      statusSince: '2019-09-01',
      effectiveOn: null,
      recordNumber: null,
      recordSignedOn: null,
      relocationOn: null,
    },
  ],
});

const deskRecord = {
  __typename: 'OneStopDesk',
  id: 'desk-1',
  code: '42-TTPVHCC-MC',
  name: 'Bộ phận Một cửa Trung tâm PVHCC tỉnh',
  address: null,
  level: 'PROVINCE',
  administrativeUnit: province,
  province,
  agency: { __typename: 'Agency', id: 'ag-1', name: 'Trung tâm Phục vụ Hành chính công tỉnh Hà Tĩnh' },
};
const agencyRecord = { __typename: 'Agency', id: 'ag-2', code: '42-STTTT', name: 'Sở Thông tin và Truyền thông', kind: 'PROVINCIAL_DEPARTMENT', administrativeUnit: province, province };
const officeRecord = {
  __typename: 'PostOffice',
  id: 'po-42',
  code: 'BD-42',
  name: 'Bưu điện tỉnh Hà Tĩnh',
  kind: 'PROVINCIAL',
  address: null,
  administrativeUnit: province,
  province,
  parent: null,
};

const me =
  (roles: Role[], workplace: { oneStopDesk?: unknown; agency?: unknown; postOffice?: unknown }): FakeHandler =>
  () => ({
    data: {
      me: {
        __typename: 'User',
        id: 'u1',
        displayName: 'Nguyễn Văn A',
        roles,
        scope: province,
        oneStopDesk: workplace.oneStopDesk ?? null,
        agency: workplace.agency ?? null,
        postOffice: workplace.postOffice ?? null,
      },
    },
  });

/** The texts of the links of "Việc bạn có thể làm" and where they lead; coming ones without a link. */
function actions() {
  const card = screen.getByTestId('home-actions');
  return [...card.querySelectorAll('[data-testid^="home-action-"]')].map((el) => [el.getAttribute('data-testid')!.slice(12), el.getAttribute('href') ?? 'coming']);
}

/** No English word, camelCase name, uuid or ISO date on the Vietnamese page (names and codes aside). */
function expectVietnamese(root: HTMLElement) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.textContent ?? '');
  for (const text of texts) {
    expect(text).not.toMatch(/\b[a-z]+[A-Z]\w*\b/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).not.toMatch(/\b(status|handover|site|desk|agency|post office|PLANNED|OPERATING|EFFECTIVE|DRAFT)\b/i);
  }
}

describe('each role’s home', () => {
  it('a counter clerk sees their desk, its pilot site and status, what is new and the handovers', async () => {
    const { link, calls } = fakeApi({
      MyWorkplace: me(['COUNTER_CLERK'], { oneStopDesk: deskRecord }),
      DeskSite: () => ({ data: { oneStopDesk: { __typename: 'OneStopDesk', id: 'desk-1', activePilotSite: site('s-1', 'desk-1', deskRecord.name, { id: 'po-42', name: 'Bưu điện tỉnh Hà Tĩnh' }) } } }),
    });
    renderInApp(<HomePage />, { link, session: sessionOf(['COUNTER_CLERK']) });
    await screen.findByTestId('workplace-sites');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Xin chào, Nguyễn Văn A');
    const place = screen.getByTestId('home-workplace');
    expect(within(place).getByText('Bộ phận Một cửa')).toBeTruthy();
    expect(screen.getByTestId('home-workplace-name').getAttribute('href')).toBe('/organisation/desks/desk-1');
    expect(place.textContent).toContain('Trung tâm Phục vụ Hành chính công tỉnh Hà Tĩnh');
    expect(place.textContent).toContain('Tỉnh Hà Tĩnh');
    const sites = screen.getByTestId('workplace-sites');
    expect(sites.textContent).toContain('Đang vận hành từ 15/10/2019');
    expect(sites.textContent).toContain('Phương án: Tại cơ quan');
    expect(within(sites).getByRole('link').getAttribute('href')).toBe('/rollout/sites/s-1');
    // What is new: newest first, the handover's step and the status moves with their days (one site: no need to name it).
    const changes = screen.getAllByTestId('workplace-change').map((li) => li.textContent);
    expect(changes[0]).toBe('01/11/2019Chuyển giao nhân lực, Có hiệu lực');
    expect(changes).toContain('15/10/2019Đã khai trương → Đang vận hành');
    expect(changes.at(-1)).toBe('15/08/2019đăng ký tham gia thí điểm');
    const handovers = screen.getAllByTestId('workplace-handover').map((li) => li.textContent);
    expect(handovers[0]).toContain('Chuyển giao nhân lực · ');
    expect(handovers[0]).toContain('Biên bản số 15/BB-UBND-BĐ · ký ngày 25/10/2019 · hiệu lực từ 01/11/2019');
    expect(handovers[1]).toContain('Chưa có biên bản');
    expect(actions()).toEqual([
      ['openDesk', '/organisation/desks/desk-1'],
      ['openSite', '/rollout/sites/s-1'],
      ['organisation', '/organisation'],
      ['dossiers', '/dossiers'],
    ]);
    expectVietnamese(screen.getByTestId('home-page'));
    expect(calls.map((c) => c.operationName).sort()).toEqual(['DeskSite', 'MyWorkplace']);
  });

  it('an agency officer sees their agency and the pilot sites of its desks', async () => {
    const { link, calls } = fakeApi({
      MyWorkplace: me(['AGENCY_OFFICER'], { agency: agencyRecord }),
      AgencySites: () => ({
        data: {
          oneStopDesks: {
            __typename: 'OneStopDeskConnection',
            totalCount: 2,
            edges: [
              { __typename: 'OneStopDeskEdge', node: { __typename: 'OneStopDesk', id: 'd-a', name: 'Bộ phận Một cửa Sở TT&TT', activePilotSite: site('s-a', 'd-a', 'Bộ phận Một cửa Sở TT&TT', null) } },
              { __typename: 'OneStopDeskEdge', node: { __typename: 'OneStopDesk', id: 'd-b', name: 'Bộ phận khác', activePilotSite: null } },
            ],
          },
        },
      }),
    });
    renderInApp(<HomePage />, { link, session: sessionOf(['AGENCY_OFFICER']) });
    await screen.findByTestId('workplace-sites');
    expect(screen.getByTestId('home-workplace-name').getAttribute('href')).toBe('/organisation/agencies/ag-2');
    expect(screen.getByTestId('home-workplace').textContent).toContain('Sở, ban, ngành');
    expect(screen.getAllByTestId('workplace-site')).toHaveLength(1);
    expect(calls.find((c) => c.operationName === 'AgencySites')?.variables).toEqual({ agencyId: 'ag-2' });
    expect(actions()).toEqual([
      ['openAgency', '/organisation/agencies/ag-2'],
      ['openSite', '/rollout/sites/s-a'],
      ['organisation', '/organisation'],
      ['dossiers', '/dossiers'],
    ]);
    expectVietnamese(screen.getByTestId('home-page'));
  });

  it('a post office manager sees the sites their post office serves (the API filters by post office), over every page of sites', async () => {
    const pages: Record<string, unknown[]> = {
      first: [site('s-1', 'd-1', 'Bộ phận Một cửa Sở Nội vụ', { id: 'po-42', name: 'Bưu điện tỉnh Hà Tĩnh' })],
      next: [site('s-3', 'd-3', 'Bộ phận Một cửa huyện Cẩm Xuyên', { id: 'po-446', name: 'Bưu điện huyện Cẩm Xuyên' })],
    };
    const { link, calls } = fakeApi({
      MyWorkplace: me(['POST_OFFICE_MANAGER'], { postOffice: officeRecord }),
      PostOfficeSites: ({ variables }) => {
        const key = variables.after ? 'next' : 'first';
        return {
          data: {
            pilotSites: {
              __typename: 'PilotSiteConnection',
              totalCount: 2,
              pageInfo: { __typename: 'PageInfo', hasNextPage: key === 'first', endCursor: key === 'first' ? 'c1' : null },
              edges: pages[key].map((node) => ({ __typename: 'PilotSiteEdge', node })),
            },
          },
        };
      },
    });
    renderInApp(<HomePage />, { link, session: sessionOf(['POST_OFFICE_MANAGER']) });
    await screen.findByTestId('workplace-sites');
    const names = screen.getAllByTestId('workplace-site').map((li) => li.textContent);
    expect(names).toHaveLength(2);
    expect(names[0]).toContain('Sở Nội vụ');
    expect(names[1]).toContain('Cẩm Xuyên');
    expect(screen.getByTestId('home-workplace').textContent).toContain('Bưu điện tỉnh');
    expect(actions()).toEqual([
      ['openPostOffice', '/organisation/post-offices/po-42'],
      ['handover', '/handover'],
      ['rollout', '/rollout'],
      ['organisation', '/organisation'],
      ['staff', '/staff'],
      ['dossiers', '/dossiers'],
      ['pickups', '/dossiers/pickups'],
    ]);
    expect(calls.filter((c) => c.operationName === 'PostOfficeSites').map((c) => c.variables)).toEqual([
      { postOfficeId: 'po-42', after: null },
      { postOfficeId: 'po-42', after: 'c1' },
    ]);
    expect(screen.getAllByTestId('workplace-handover')).toHaveLength(4);
    // Several sites: each change names its site, linked to the site's page.
    const first = screen.getAllByTestId('workplace-change')[0];
    expect(first.textContent).toBe('01/11/2019Bộ phận Một cửa Sở Nội vụ: Chuyển giao nhân lực, Có hiệu lực');
    expect(within(first).getByRole('link').getAttribute('href')).toBe('/rollout/sites/s-1');
    expectVietnamese(screen.getByTestId('home-page'));
  });

  it('a home lists five sites and links the post office’s page for all of them', async () => {
    const nodes = Array.from({ length: 7 }, (_, i) => site(`s-${i}`, `d-${i}`, `Bộ phận Một cửa số ${i + 1}`, { id: 'po-42', name: 'Bưu điện tỉnh Hà Tĩnh' }));
    const { link } = fakeApi({
      MyWorkplace: me(['POST_OFFICE_MANAGER'], { postOffice: officeRecord }),
      PostOfficeSites: () => ({
        data: {
          pilotSites: {
            __typename: 'PilotSiteConnection',
            totalCount: 7,
            pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
            edges: nodes.map((node) => ({ __typename: 'PilotSiteEdge', node })),
          },
        },
      }),
    });
    renderInApp(<HomePage />, { link, session: sessionOf(['POST_OFFICE_MANAGER']) });
    await screen.findByTestId('workplace-sites');
    expect(screen.getAllByTestId('workplace-site')).toHaveLength(5);
    const more = within(screen.getByTestId('home-sites')).getByTestId('workplace-more');
    expect(more.textContent).toBe('Xem cả 7 đơn vị thí điểm');
    expect(more.getAttribute('href')).toBe('/organisation/post-offices/po-42');
    expect(within(screen.getByTestId('home-handovers')).getByTestId('workplace-more').textContent).toBe('Xem cả 14 lần chuyển giao');
  });

  it('a user linked to no workplace is told whom to ask', async () => {
    const { link } = fakeApi({ MyWorkplace: me(['COUNTER_CLERK'], {}) });
    renderInApp(<HomePage />, { link, session: sessionOf(['COUNTER_CLERK']) });
    expect((await screen.findByTestId('home-no-workplace')).textContent).toContain('liên hệ quản trị hệ thống');
    expect(actions()).toEqual([
      ['organisation', '/organisation'],
      ['dossiers', '/dossiers'],
    ]);
  });
});
