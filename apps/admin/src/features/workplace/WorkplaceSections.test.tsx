import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import type { Role, SessionUserFragment } from '../../graphql/generated';
import { SessionStore } from '../auth/session';
import { fakeApi } from '../../test/fakeApi';
import { renderInApp } from '../../test/render';
import { WorkplaceSections } from './WorkplaceSections';
import type { Workplace } from './useWorkplaceSites';

function sessionOf(roles: Role[]): SessionStore {
  const user: SessionUserFragment = { id: 'u1', username: 'someone', displayName: 'Someone', roles, scope: { id: 'p-42', code: '42', name: 'Tỉnh Hà Tĩnh', level: 'PROVINCE' } };
  const store = new SessionStore();
  store.signedIn({ token: 'access', expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(), refreshToken: 'refresh-token-1', user });
  return store;
}

const PROVINCE = { __typename: 'AdministrativeUnit', id: 'p-42', code: '42', name: 'Tỉnh Hà Tĩnh' };
const OWN_DESK = {
  __typename: 'OneStopDesk',
  id: 'desk-1',
  code: '42-KA-MC',
  name: 'Bộ phận Một cửa huyện Kỳ Anh',
  address: null,
  level: 'DISTRICT',
  administrativeUnit: PROVINCE,
  province: PROVINCE,
  agency: { __typename: 'Agency', id: 'ag-1', name: 'UBND huyện Kỳ Anh' },
};

/** The desk's, the agency's and the post office's page sections, with no pilot site on them. */
function renderSections(workplace: Workplace, roles: Role[]) {
  const { link } = fakeApi({
    // The clerk's own desk is desk-1.
    MyWorkplace: () => ({ data: { me: { __typename: 'User', id: 'u1', displayName: 'Someone', roles, scope: PROVINCE, oneStopDesk: OWN_DESK, agency: null, postOffice: null } } }),
    DeskSite: () => ({ data: { oneStopDesk: { __typename: 'OneStopDesk', id: workplace.id, activePilotSite: null } } }),
    AgencySites: () => ({ data: { oneStopDesks: { __typename: 'OneStopDeskConnection', totalCount: 0, edges: [] } } }),
    PostOfficeSites: () => ({ data: { pilotSites: { __typename: 'PilotSiteConnection', totalCount: 0, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, edges: [] } } }),
  });
  return renderInApp(<WorkplaceSections workplace={workplace} />, { link, session: sessionOf(roles) });
}

const hrefOf = (testId: string) => screen.getByTestId(testId).getAttribute('href');

describe('what hangs on a workplace, on its page', () => {
  it('a desk links to its staff (the register filtered to the desk) and its dossiers (the grid filtered to the desk) for a post office manager', async () => {
    renderSections({ kind: 'desk', id: 'desk-1' }, ['POST_OFFICE_MANAGER']);
    expect(await screen.findByText('Nhân sự và hồ sơ')).toBeTruthy();
    expect(screen.getByTestId('workplace-staff-link').textContent).toBe('Nhân viên đang làm việc tại Bộ phận này');
    expect(hrefOf('workplace-staff-link')).toBe('/staff/people?desk=desk-1');
    expect(screen.getByTestId('workplace-dossiers-link').textContent).toBe('Hồ sơ tiếp nhận tại Bộ phận này');
    expect(hrefOf('workplace-dossiers-link')).toBe('/dossiers?desk=desk-1');
  });

  it('each link shows only to the roles that may open its area', async () => {
    // The counter clerk works the dossiers, not the staff register; the steering committee the other way round.
    const clerk = renderSections({ kind: 'desk', id: 'desk-1' }, ['COUNTER_CLERK']);
    expect(await screen.findByTestId('workplace-dossiers-link')).toBeTruthy();
    expect(screen.queryByTestId('workplace-staff-link')).toBeNull();
    clerk.unmount();
    // Another desk's page: the clerk's grid holds only their own desk's dossiers, so no link there.
    const elsewhere = renderSections({ kind: 'desk', id: 'desk-2' }, ['COUNTER_CLERK']);
    expect(await screen.findByText('Đơn vị thí điểm')).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByTestId('workplace-dossiers-link')).toBeNull();
    expect(screen.queryByText('Nhân sự và hồ sơ')).toBeNull();
    elsewhere.unmount();
    const committee = renderSections({ kind: 'desk', id: 'desk-1' }, ['STEERING_COMMITTEE']);
    expect(await screen.findByTestId('workplace-staff-link')).toBeTruthy();
    expect(screen.queryByTestId('workplace-dossiers-link')).toBeNull();
    committee.unmount();
    // The agency officer reads the dossiers of its agency's desks.
    renderSections({ kind: 'desk', id: 'desk-1' }, ['AGENCY_OFFICER']);
    expect(await screen.findByTestId('workplace-dossiers-link')).toBeTruthy();
    expect(screen.queryByTestId('workplace-staff-link')).toBeNull();
  });

  it('a post office and an agency link to the staff they employ', async () => {
    const office = renderSections({ kind: 'postOffice', id: 'po-42' }, ['POST_OFFICE_MANAGER']);
    expect(await screen.findByTestId('workplace-staff-link')).toBeTruthy();
    expect(hrefOf('workplace-staff-link')).toBe('/staff/people?po=po-42');
    expect(screen.getByTestId('workplace-staff-link').textContent).toBe('Nhân viên của bưu điện này');
    expect(screen.queryByTestId('workplace-dossiers-link')).toBeNull();
    office.unmount();
    renderSections({ kind: 'agency', id: 'ag-2' }, ['SYSTEM_ADMIN']);
    expect(await screen.findByTestId('workplace-staff-link')).toBeTruthy();
    expect(hrefOf('workplace-staff-link')).toBe('/staff/people?agency=ag-2');
    expect(screen.getByTestId('workplace-staff-link').textContent).toBe('Nhân viên của cơ quan này');
    expect(screen.queryByTestId('workplace-dossiers-link')).toBeNull();
  });
});
