import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { formatDate, addDays } from '../../dates';
import { fakeApi } from '../../test/fakeApi';
import { renderInApp } from '../../test/render';
import { currentQualifications, qualificationState } from './qualifications';
import { StaffListPage } from './StaffListPage';
import { DAT_DAI, HO_TICH, person, qualification, sessionAs, today } from './testData';

const row = (overrides: Record<string, unknown> = {}) => {
  const { version: _v, nationalId: _n, hasUserAccount: _h, createdAt: _c, updatedAt: _u, homeUnit: _hu, assignments: _a, absences: _ab, email: _e, ...rest } = person(overrides);
  return rest;
};

function renderGrid(route = '/staff/people') {
  const api = fakeApi({
    StaffFilterNames: () => ({ data: { agency: { __typename: 'Agency', id: 'ag-2', name: 'UBND huyện Kỳ Anh' } } }),
    StaffMembers: () => ({
      data: {
        staffMembers: {
          __typename: 'StaffConnection',
          totalCount: 1,
          edges: [{ __typename: 'StaffEdge', node: row() }],
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c1' },
        },
      },
    }),
    StaffProcedureFields: () => ({ data: { procedureFields: [{ ...HO_TICH, code: 'HO_TICH' }, { ...DAT_DAI, code: 'DAT_DAI' }] } }),
  });
  renderInApp(<StaffListPage />, { link: api.link, route, path: '/staff/people', session: sessionAs(['POST_OFFICE_MANAGER']) });
  return api;
}

describe('the staff grid', () => {
  it('opened from an agency’s page (?agency=…), lists the staff it employs, named on a chip that clears the filter', async () => {
    const api = renderGrid('/staff/people?agency=ag-2');
    const chip = await screen.findByTestId('staff-filter-agency');
    await waitFor(() => expect(chip).toHaveTextContent('Cơ quan sử dụng: UBND huyện Kỳ Anh'));
    expect(api.calls.find((c) => c.operationName === 'StaffMembers')?.variables).toMatchObject({ filter: { agencyId: 'ag-2' } });
    await userEvent.setup({ delay: null }).click(within(chip).getByTestId('CancelIcon'));
    await waitFor(() => expect(api.calls.filter((c) => c.operationName === 'StaffMembers').at(-1)?.variables).not.toHaveProperty('filter.agencyId'));
    expect(screen.queryByTestId('staff-filter-agency')).toBeNull();
  });

  it('marks a qualification expiring within 30 days amber and an expired one red, saying so in words', async () => {
    renderGrid();
    const grid = await screen.findByTestId('staff-grid');
    await within(grid).findByText('Nguyễn Thị Bình (demo)');
    const chips = within(grid)
      .getAllByTestId('qualification-chip')
      .map((chip) => ({ state: chip.getAttribute('data-state'), text: chip.textContent, colour: [...chip.classList].find((c) => /MuiChip-color/.test(c)) }));
    // The most urgent first.
    expect(chips).toEqual([
      { state: 'expired', text: `Tư pháp · đã hết hạn ${formatDate(addDays(today, -5))}`, colour: 'MuiChip-colorError' },
      { state: 'expiring', text: `Đất đai · sắp hết hạn ${formatDate(addDays(today, 10))}`, colour: 'MuiChip-colorWarning' },
      { state: 'valid', text: 'Hộ tịch', colour: 'MuiChip-colorDefault' },
    ]);
    expect(screen.getByTestId('list-count')).toHaveTextContent('1 nhân viên');
  });

  it('asks the API for the filters chosen: expiring qualifications, a field, a status', async () => {
    const api = renderGrid('/staff/people?q=binh&field=f-datdai&status=ON_LEAVE');
    await screen.findByText('Nguyễn Thị Bình (demo)');
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByTestId('staff-filter-expiring'));
    await waitFor(() =>
      expect(api.calls.filter((c) => c.operationName === 'StaffMembers').at(-1)?.variables).toEqual({
        first: 25,
        after: null,
        filter: { search: 'binh', postOfficeId: null, deskId: null, fieldId: 'f-datdai', status: ['ON_LEAVE'], expiringWithinDays: 30 },
      }),
    );
  });
});

describe('a qualification’s state', () => {
  it('is valid, expiring (30 days, inclusive), expired or not yet valid', () => {
    const q = (trainedOn: string, expiresOn: string | null) => ({ trainedOn, expiresOn });
    expect(qualificationState(q('2026-01-01', null), '2026-12-04')).toBe('valid');
    expect(qualificationState(q('2026-01-01', '2027-01-04'), '2026-12-04')).toBe('valid');
    expect(qualificationState(q('2026-01-01', '2027-01-03'), '2026-12-04')).toBe('expiring');
    expect(qualificationState(q('2026-01-01', '2026-12-04'), '2026-12-04')).toBe('expiring');
    expect(qualificationState(q('2026-01-01', '2026-12-03'), '2026-12-04')).toBe('expired');
    expect(qualificationState(q('2026-12-10', null), '2026-12-04')).toBe('notYet');
  });

  it('counts the longest-valid certificate of each field: a renewal hides the expired one it renews', () => {
    const old = qualification('q-old', HO_TICH, '2020-01-01', '2022-01-01');
    const renewed = qualification('q-new', HO_TICH, '2022-01-01', '2027-06-01');
    const other = qualification('q-dd', DAT_DAI, '2021-01-01', null);
    expect(currentQualifications([renewed, other, old], '2026-12-04').map((x) => x.id)).toEqual(['q-new', 'q-dd']);
    expect(currentQualifications([old, renewed], '2026-12-04').map((x) => x.id)).toEqual(['q-new']);
  });
});
