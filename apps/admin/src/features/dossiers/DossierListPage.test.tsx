import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../../test/fakeApi';
import { renderInApp } from '../../test/render';
import { DossierListPage } from './DossierListPage';
import { dossier, sessionAs } from './testData';

describe('the dossier grid', () => {
  it('sends the filters of the address, counts per status on top, and a status chip filters by it', async () => {
    const { timeline: _t, components: _c, ...row } = dossier({ overdue: true, applicant: { __typename: 'DossierApplicant', fullName: 'N*** T*** H***', masked: true, nationalId: null, phone: '09******78', email: null, address: null } });
    const api = fakeApi({
      DossierList: () => ({
        data: { dossiers: { __typename: 'DossierConnection', totalCount: 1, edges: [{ __typename: 'DossierEdge', node: row }], pageInfo: { __typename: 'PageInfo', endCursor: 'c1', hasNextPage: false } } },
      }),
      DossierStatusCounts: () => ({
        data: {
          dossierStatusCounts: [
            { __typename: 'DossierStatusCount', status: 'PROCESSING', count: 7 },
            { __typename: 'DossierStatusCount', status: 'RESULT_READY', count: 2 },
          ],
        },
      }),
      DossierFields: () => ({ data: { procedureFields: [{ __typename: 'ProcedureField', id: 'f-hotich', name: 'Hộ tịch' }] } }),
    });
    renderInApp(<DossierListPage />, { link: api.link, route: '/dossiers?q=huong&channel=AT_DESK&overdue=1&field=f-hotich&from=2026-12-01&to=2026-12-31', path: '/dossiers', session: sessionAs(['COUNTER_CLERK']) });
    const grid = await screen.findByTestId('dossier-grid');
    await within(grid).findByText('000.00.00.H27-261203-0001');
    expect(within(grid).getByText('03/12/2026 09:15')).toBeInTheDocument();
    expect(within(grid).getByText('Quá hạn')).toBeInTheDocument();
    expect(within(grid).getByText('N*** T*** H***')).toBeInTheDocument();
    const base = { search: 'huong', channels: ['AT_DESK'], procedureId: null, fieldId: 'f-hotich', deskId: null, overdue: true, receivedFrom: '2026-12-01', receivedTo: '2026-12-31' };
    expect(api.calls.find((c) => c.operationName === 'DossierList')?.variables).toEqual({ first: 25, after: null, filter: { ...base, statuses: null } });
    expect(api.calls.find((c) => c.operationName === 'DossierStatusCounts')?.variables).toEqual({ filter: base });
    expect((await screen.findByTestId('dossier-count-PROCESSING')).textContent).toBe('Đang giải quyết · 7');
    expect(screen.getByTestId('dossier-count-ALL').textContent).toBe('Tất cả · 9');

    await userEvent.setup({ delay: null }).click(screen.getByTestId('dossier-count-PROCESSING'));
    await waitFor(() => expect(api.calls.filter((c) => c.operationName === 'DossierList').at(-1)?.variables).toEqual({ first: 25, after: null, filter: { ...base, statuses: ['PROCESSING'] } }));
  }, 60_000);

  it('opened from a desk’s page (?desk=…), filters by that desk and names it in the desk filter', async () => {
    const api = fakeApi({
      DossierList: () => ({ data: { dossiers: { __typename: 'DossierConnection', totalCount: 0, edges: [], pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false } } } }),
      DossierStatusCounts: () => ({ data: { dossierStatusCounts: [] } }),
      DossierFields: () => ({ data: { procedureFields: [] } }),
      DossierFilterNames: () => ({ data: { oneStopDesk: { __typename: 'OneStopDesk', id: 'desk-1', name: 'Bộ phận Một cửa huyện Kỳ Anh' } } }),
    });
    renderInApp(<DossierListPage />, { link: api.link, route: '/dossiers?desk=desk-1', path: '/dossiers', session: sessionAs(['POST_OFFICE_MANAGER']) });
    const filter = await screen.findByTestId('dossier-filter-desk');
    await waitFor(() => expect(filter).toHaveValue('Bộ phận Một cửa huyện Kỳ Anh'));
    expect(api.calls.find((c) => c.operationName === 'DossierFilterNames')?.variables).toEqual({ procedureId: '', withProcedure: false, deskId: 'desk-1', withDesk: true });
    expect(api.calls.find((c) => c.operationName === 'DossierList')?.variables).toMatchObject({ filter: { deskId: 'desk-1' } });
  }, 60_000);
});
