import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, badInput, fakeApi, type FakeHandler } from '../../test/fakeApi';
import { renderInApp } from '../../test/render';
import { errorOf } from '../../test/help';
import { sessionAs } from '../dossiers/testData';
import { FiguresPage, lastMonth, parseCount } from './FiguresPage';

const figure = (id: string, unit: string, fields: Record<string, number | null>, extra: Record<string, unknown> = {}) => ({
  __typename: 'AggregateFigure',
  id,
  version: 3,
  periodStart: '2023-01-01',
  periodEnd: '2023-12-31',
  receivedViaBcci: null,
  resultsReturnedViaBcci: null,
  receivedAndReturnedViaBcci: null,
  totalViaBcci: null,
  online: null,
  atDesk: null,
  ...fields,
  source: `Báo cáo số ${id}/BC-UBND`,
  note: null,
  updatedAt: '2026-12-04T17:30:00.000Z',
  changedBy: 'Nguyễn Văn Chỉ Đạo',
  administrativeUnit: { __typename: 'AdministrativeUnit', id: `u-${id}`, code: `c-${id}`, name: unit },
  desk: null,
  ...extra,
});

const FIGURES = [
  figure('1', 'Tỉnh Hà Tĩnh', { receivedViaBcci: 45_757, resultsReturnedViaBcci: 216_968, totalViaBcci: 262_725 }),
  figure('2', 'Tỉnh Hà Tĩnh', { resultsReturnedViaBcci: 42_854 }, { changedBy: null, desk: { __typename: 'OneStopDesk', id: 'd-1', name: 'Trung tâm Phục vụ Hành chính công tỉnh Hà Tĩnh' } }),
  figure('3', 'Huyện Tánh Linh', { online: 657, totalViaBcci: 661 }, { periodStart: '2022-01-01', periodEnd: '2022-12-31' }),
];

const list = (nodes: unknown[]) => ({
  data: {
    aggregateFigures: {
      __typename: 'AggregateFigureConnection',
      edges: nodes.map((node) => ({ __typename: 'AggregateFigureEdge', node })),
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
    },
  },
});

function figuresApi(handlers: Record<string, FakeHandler> = {}) {
  return fakeApi({
    AggregateFigureList: () => list(FIGURES),
    UnitOptions: () => ({
      data: {
        administrativeUnits: {
          __typename: 'AdministrativeUnitConnection',
          edges: [{ __typename: 'AdministrativeUnitEdge', node: { __typename: 'AdministrativeUnit', id: 'u-436', code: '436', name: 'Huyện Cẩm Xuyên', level: 'DISTRICT', parent: { __typename: 'AdministrativeUnit', id: 'u-42', name: 'Tỉnh Hà Tĩnh' } } }],
        },
      },
    }),
    ...handlers,
  });
}

const render = (api: ReturnType<typeof figuresApi>, roles: string[]) =>
  renderInApp(<FiguresPage />, { link: api.link, route: '/reports/figures', path: '/reports/figures', session: sessionAs(roles as never) });

describe('Số liệu đơn vị báo cáo', () => {
  it('lists the province’s figures: unit, period, each figure with thousands separators, source, who and when in Vietnam time; read-only for a post office manager', async () => {
    const api = figuresApi();
    render(api, ['POST_OFFICE_MANAGER']);
    const rows = await screen.findAllByTestId('figure-row');
    expect(api.calls.find((c) => c.operationName === 'AggregateFigureList')?.variables).toEqual({ first: 50, filter: { includeDeskFigures: true } });
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('Tỉnh Hà Tĩnh');
    expect(rows[0]).toHaveTextContent('01/01/2023 – 31/12/2023');
    expect(within(rows[0]).getByTestId('figure-receivedViaBcci')).toHaveTextContent('45.757');
    expect(within(rows[0]).getByTestId('figure-totalViaBcci')).toHaveTextContent('262.725');
    expect(rows[0]).toHaveTextContent('Tiếp nhận qua BCCI');
    expect(rows[0]).toHaveTextContent('Báo cáo số 1/BC-UBND');
    // 17:30 UTC is 00:30 the next day in Vietnam.
    expect(within(rows[0]).getByTestId('figure-changed')).toHaveTextContent('Nguyễn Văn Chỉ Đạo05/12/2026 00:30');
    expect(rows[1]).toHaveTextContent('Trung tâm Phục vụ Hành chính công tỉnh Hà Tĩnh');
    expect(rows[1]).toHaveTextContent('Bộ phận một cửa của Tỉnh Hà Tĩnh (đã gồm trong số liệu của đơn vị)');
    expect(within(rows[1]).getByTestId('figure-changed')).toHaveTextContent('Dữ liệu ban đầu');
    expect(within(rows[1]).queryByTestId('figure-receivedViaBcci')).not.toBeInTheDocument();
    expect(rows[2]).toHaveTextContent('Huyện Tánh Linh');
    expect(screen.queryByTestId('figures-add')).not.toBeInTheDocument();
    expect(screen.queryByTestId('figure-edit')).not.toBeInTheDocument();
  }, 60_000);

  it('submits a unit’s figures through the form (thousands typed with dots), its own checks first, then the API’s under their fields', async () => {
    const api = figuresApi({
      SubmitAggregateFigure: ({ language }) =>
        badInput(language, [{ field: 'totalViaBcci', vi: 'Tổng số qua BCCI (1.000) phải bằng tổng các thành phần (900).', en: 'The total must equal its parts.' }]),
    });
    render(api, ['STEERING_COMMITTEE']);
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('figures-add'));
    const form = await screen.findByTestId('figure-form');
    await user.click(screen.getByTestId('figure-form-submit'));
    expect(errorOf(screen.getByTestId('figure-form-unit'))).toBe('Vui lòng nhập thông tin này.');
    expect(errorOf(screen.getByTestId('figure-form-source'))).toBe('Vui lòng nhập thông tin này.');
    expect(errorOf(screen.getByTestId('figure-form-receivedViaBcci'))).toBe('Nhập ít nhất một số liệu.');
    await user.type(screen.getByTestId('figure-form-online'), '1a');
    await user.click(screen.getByTestId('figure-form-submit'));
    expect(errorOf(screen.getByTestId('figure-form-online'))).toBe('Nhập một số nguyên không âm (ví dụ 45.757).');
    expect(api.calls.some((c) => c.operationName === 'SubmitAggregateFigure')).toBe(false);

    await user.click(screen.getByTestId('figure-form-unit'));
    await user.type(screen.getByTestId('figure-form-unit'), 'cẩm');
    await user.click(await screen.findByRole('option', { name: /Huyện Cẩm Xuyên/ }));
    await user.clear(screen.getByTestId('figure-form-online'));
    await user.type(screen.getByTestId('figure-form-receivedViaBcci'), '900');
    await user.type(screen.getByTestId('figure-form-totalViaBcci'), '1.000');
    await user.type(screen.getByTestId('figure-form-source'), 'BC 12/2026');
    await user.click(within(form).getByTestId('figure-form-submit'));
    await waitFor(() => expect(errorOf(screen.getByTestId('figure-form-totalViaBcci'))).toBe('Tổng số qua BCCI (1.000) phải bằng tổng các thành phần (900).'));
    const month = lastMonth();
    expect(api.calls.find((c) => c.operationName === 'SubmitAggregateFigure')?.variables).toEqual({
      input: {
        administrativeUnitCode: '436',
        periodStart: month.start,
        periodEnd: month.end,
        receivedViaBcci: 900,
        resultsReturnedViaBcci: null,
        receivedAndReturnedViaBcci: null,
        totalViaBcci: 1000,
        online: null,
        atDesk: null,
        source: 'BC 12/2026',
        note: null,
      },
    });
  }, 60_000);

  it('corrects figures with the version read, and a CONFLICT says someone changed them and offers to reload', async () => {
    const api = figuresApi({ UpdateAggregateFigure: () => apiError('CONFLICT', 'Số liệu tổng hợp đã được thay đổi.') });
    render(api, ['SYSTEM_ADMIN']);
    const user = userEvent.setup();
    await user.click((await screen.findAllByTestId('figure-edit'))[2]);
    const form = await screen.findByTestId('figure-form');
    expect(within(form).getByTestId('figure-form-fixed')).toHaveTextContent('Đơn vị báo cáo: Huyện Tánh Linh');
    const online = screen.getByTestId('figure-form-online');
    expect(online).toHaveValue('657');
    await user.clear(online);
    await user.type(online, '1.657');
    await user.click(screen.getByTestId('figure-form-submit'));
    await waitFor(() => expect(within(form).getByTestId('conflict-alert')).toHaveTextContent('Số liệu này vừa được người khác thay đổi. Hãy tải lại danh sách rồi làm lại.'));
    expect(api.calls.find((c) => c.operationName === 'UpdateAggregateFigure')?.variables).toEqual({
      input: {
        id: '3',
        version: 3,
        periodStart: '2022-01-01',
        periodEnd: '2022-12-31',
        receivedViaBcci: null,
        resultsReturnedViaBcci: null,
        receivedAndReturnedViaBcci: null,
        totalViaBcci: 661,
        online: 1657,
        atDesk: null,
        source: 'Báo cáo số 3/BC-UBND',
        note: '',
      },
    });
    await user.click(screen.getByTestId('conflict-alert-reload'));
    await waitFor(() => expect(api.calls.filter((c) => c.operationName === 'AggregateFigureList').length).toBe(2));
    await waitFor(() => expect(screen.queryByTestId('figure-form')).not.toBeInTheDocument());
  }, 60_000);

  it('removes figures with the version read', async () => {
    const api = figuresApi({ DeleteAggregateFigure: () => ({ data: { deleteAggregateFigure: { __typename: 'DeleteAggregateFigurePayload', id: '3' } } }) });
    render(api, ['STEERING_COMMITTEE']);
    const user = userEvent.setup();
    await user.click((await screen.findAllByTestId('figure-delete-button'))[2]);
    expect(await screen.findByTestId('figure-delete')).toHaveTextContent('Xóa số liệu của Huyện Tánh Linh, kỳ 01/01/2022 – 31/12/2022?');
    await user.click(screen.getByTestId('figure-delete-submit'));
    await waitFor(() => expect(api.calls.find((c) => c.operationName === 'DeleteAggregateFigure')?.variables).toEqual({ input: { id: '3', version: 3 } }));
    await waitFor(() => expect(api.calls.filter((c) => c.operationName === 'AggregateFigureList').length).toBe(2));
  }, 60_000);

  it('reads counts typed with thousands separators and proposes last month as the period', () => {
    expect(parseCount('45.757')).toBe(45_757);
    expect(parseCount(' 216 968 ')).toBe(216_968);
    expect(parseCount('12,5')).toBeNull(); // a decimal comma: not a count
    expect(parseCount('-3')).toBeNull();
    expect(parseCount('abc')).toBeNull();
    expect(lastMonth('2026-12-05')).toEqual({ start: '2026-11-01', end: '2026-11-30' });
    expect(lastMonth('2026-01-15')).toEqual({ start: '2025-12-01', end: '2025-12-31' });
  });
});
