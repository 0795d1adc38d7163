import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, badInput, fakeApi, type FakeHandler } from '../../test/fakeApi';
import { renderInApp } from '../../test/render';
import { catchDownloads } from '../../test/downloads';
import { errorOf } from '../../test/help';
import { todayIso } from '../../dates';
import { sessionAs } from '../dossiers/testData';
import { formatPercent, parsePercent, TargetsPage } from './TargetsPage';

const target = (id: string, unit: string, metric: string, targetPercent: number, basis: string | null = null) => ({
  __typename: 'ReportTarget',
  id,
  version: 2,
  metric,
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  targetPercent,
  basis,
  administrativeUnit: { __typename: 'AdministrativeUnit', id: `u-${id}`, code: `c-${id}`, name: unit },
});

const progress = (t: ReturnType<typeof target>, light: string, actualPercent: number | null, received: number | null, counted: number | null) => ({
  __typename: 'TargetProgress',
  unitId: t.administrativeUnit.id,
  unitName: t.administrativeUnit.name,
  measuredFrom: light === 'NOT_STARTED' ? null : '2026-01-01',
  measuredTo: light === 'NOT_STARTED' ? null : '2026-12-05',
  received,
  counted,
  actualPercent,
  gapPoints: actualPercent === null ? null : Math.round((actualPercent - t.targetPercent) * 10) / 10,
  light,
  target: t,
});

const PROGRESS = [
  progress(target('1', 'Xã Cẩm Bình', 'ONLINE_SHARE', 50, 'Tiêu chí 8, xã nông thôn mới nâng cao'), 'BEHIND', 12.5, 1200, 150),
  progress(target('2', 'Xã Cẩm Duệ', 'ONLINE_SHARE', 30), 'CLOSE', 27.1, 1000, 271),
  progress(target('3', 'Huyện Cẩm Xuyên', 'BCCI_SHARE', 10), 'ON_TARGET', 15, 20000, 3000),
  progress(target('4', 'Xã Cẩm Hà', 'ONLINE_SHARE', 30), 'NO_DATA', null, null, null),
  progress(target('5', 'Xã Cẩm Lộc', 'BCCI_SHARE', 20), 'NOT_STARTED', null, null, null),
];

function targetsApi(handlers: Record<string, FakeHandler> = {}) {
  return fakeApi({
    TargetProgress: () => ({ data: { targetProgress: PROGRESS } }),
    UnitOptions: () => ({
      data: {
        administrativeUnits: {
          __typename: 'AdministrativeUnitConnection',
          edges: [{ __typename: 'AdministrativeUnitEdge', node: { __typename: 'AdministrativeUnit', id: 'u-28', code: '18520', name: 'Xã Cẩm Quan', level: 'COMMUNE', parent: { __typename: 'AdministrativeUnit', id: 'u-436', name: 'Huyện Cẩm Xuyên' } } }],
        },
      },
    }),
    ...handlers,
  });
}

describe('the targets', () => {
  it('lists the API’s order (furthest behind first) with the lights in Vietnamese, read-only for a post office manager', async () => {
    const api = targetsApi();
    renderInApp(<TargetsPage />, { link: api.link, route: '/reports/targets', path: '/reports/targets', session: sessionAs(['POST_OFFICE_MANAGER']) });
    const rows = await screen.findAllByTestId('target-row');
    const year = todayIso().slice(0, 4);
    expect(api.calls.find((c) => c.operationName === 'TargetProgress')?.variables).toEqual({ filter: { from: `${year}-01-01`, to: `${year}-12-31`, metric: null } });
    expect(rows.map((r) => within(r).getByTestId(/^light-/).textContent)).toEqual(['Chưa đạt', 'Gần đạt', 'Đạt', 'Chưa có số liệu', 'Chưa đến kỳ']);
    expect(rows[0]).toHaveTextContent('Xã Cẩm Bình');
    expect(rows[0]).toHaveTextContent('Tỷ lệ hồ sơ trực tuyến');
    expect(rows[0]).toHaveTextContent('01/01/2026 – 31/12/2026');
    expect(rows[0]).toHaveTextContent(formatPercent(50, 'vi'));
    expect(formatPercent(12.5, 'vi')).toMatch(/^12,5\s?%$/);
    expect(rows[0]).toHaveTextContent('150/1.200 hồ sơ');
    expect(rows[0]).toHaveTextContent('-37,5 điểm');
    expect(rows[0]).toHaveTextContent('Tiêu chí 8, xã nông thôn mới nâng cao');
    expect(rows[2]).toHaveTextContent('3.000/20.000 hồ sơ');
    expect(screen.queryByTestId('targets-add')).not.toBeInTheDocument();
    expect(screen.queryByTestId('target-edit')).not.toBeInTheDocument();
  }, 60_000);

  it('sets a target with the criterion-8 preset and shows the API’s field errors under their fields', async () => {
    const api = targetsApi({
      SetReportTarget: ({ language }) =>
        badInput(language, [
          { field: 'targetPercent', vi: 'Chỉ tiêu ghi tối đa một chữ số thập phân (ví dụ 32,5).', en: 'At most one decimal.' },
          { field: 'administrativeUnitCode', vi: 'Đơn vị không thuộc tỉnh của bạn.', en: 'Not in your province.' },
        ]),
    });
    renderInApp(<TargetsPage />, { link: api.link, route: '/reports/targets', path: '/reports/targets', session: sessionAs(['STEERING_COMMITTEE']) });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('targets-add'));
    const form = await screen.findByTestId('target-form');
    // Nothing chosen: the form's own checks.
    await user.click(screen.getByTestId('target-form-submit'));
    expect(errorOf(screen.getByTestId('target-form-unit'))).toBe('Vui lòng nhập thông tin này.');
    expect(errorOf(screen.getByTestId('target-form-percent'))).toBe('Vui lòng nhập thông tin này.');
    expect(api.calls.some((c) => c.operationName === 'SetReportTarget')).toBe(false);

    await user.click(screen.getByTestId('target-form-unit'));
    await user.type(screen.getByTestId('target-form-unit'), 'cẩm quan');
    await user.click(await screen.findByRole('option', { name: /Xã Cẩm Quan/ }));
    await user.click(within(form).getByTestId('target-form-preset-50'));
    expect(screen.getByTestId('target-form-percent')).toHaveValue('50');
    expect(screen.getByTestId('target-form-basis')).toHaveValue('Tiêu chí 8, xã nông thôn mới nâng cao');
    await user.click(screen.getByTestId('target-form-submit'));
    await waitFor(() => expect(errorOf(screen.getByTestId('target-form-percent'))).toBe('Chỉ tiêu ghi tối đa một chữ số thập phân (ví dụ 32,5).'));
    expect(errorOf(screen.getByTestId('target-form-unit'))).toBe('Đơn vị không thuộc tỉnh của bạn.');
    const year = todayIso().slice(0, 4);
    expect(api.calls.find((c) => c.operationName === 'SetReportTarget')?.variables).toEqual({
      input: { administrativeUnitCode: '18520', metric: 'ONLINE_SHARE', periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, targetPercent: 50, basis: 'Tiêu chí 8, xã nông thôn mới nâng cao' },
    });
  }, 60_000);

  it('changes a target with its version (a decimal comma read), and a CONFLICT offers to reload', async () => {
    const api = targetsApi({ UpdateReportTarget: () => apiError('CONFLICT', 'Chỉ tiêu đã được thay đổi.') });
    renderInApp(<TargetsPage />, { link: api.link, route: '/reports/targets', path: '/reports/targets', session: sessionAs(['SYSTEM_ADMIN']) });
    const user = userEvent.setup();
    await user.click((await screen.findAllByTestId('target-edit'))[1]);
    const form = await screen.findByTestId('target-form');
    expect(within(form).getByTestId('target-form-fixed')).toHaveTextContent('Đơn vị: Xã Cẩm Duệ · Tỷ lệ hồ sơ trực tuyến');
    const percent = screen.getByTestId('target-form-percent');
    expect(percent).toHaveValue('30');
    await user.clear(percent);
    await user.type(percent, '32,5');
    await user.click(screen.getByTestId('target-form-submit'));
    await waitFor(() => expect(within(form).getByTestId('conflict-alert')).toHaveTextContent('Chỉ tiêu này vừa được người khác thay đổi.'));
    expect(api.calls.find((c) => c.operationName === 'UpdateReportTarget')?.variables).toEqual({
      input: { id: '2', version: 2, periodStart: '2026-01-01', periodEnd: '2026-12-31', targetPercent: 32.5, basis: '' },
    });
    await user.click(screen.getByTestId('conflict-alert-reload'));
    await waitFor(() => expect(api.calls.filter((c) => c.operationName === 'TargetProgress').length).toBe(2));
    await waitFor(() => expect(screen.queryByTestId('target-form')).not.toBeInTheDocument());
  }, 60_000);

  it('a CONFLICT naming a field (the same target exists) shows the API’s words under that field, not the offer to reload', async () => {
    const api = targetsApi({
      UpdateReportTarget: () =>
        apiError('CONFLICT', 'Đơn vị này đã có chỉ tiêu cùng loại cho đúng kỳ này: hãy sửa chỉ tiêu đó.', {
          fields: [{ field: 'periodStart', message: 'Đã có chỉ tiêu cùng loại cho kỳ này.' }],
        }),
    });
    renderInApp(<TargetsPage />, { link: api.link, route: '/reports/targets', path: '/reports/targets', session: sessionAs(['SYSTEM_ADMIN']) });
    const user = userEvent.setup();
    await user.click((await screen.findAllByTestId('target-edit'))[1]);
    const form = await screen.findByTestId('target-form');
    await user.click(screen.getByTestId('target-form-submit'));
    await waitFor(() => expect(form).toHaveTextContent('Đã có chỉ tiêu cùng loại cho kỳ này.'));
    expect(within(form).queryByTestId('conflict-alert')).not.toBeInTheDocument();
    expect(form).not.toHaveTextContent('người khác thay đổi');
  }, 60_000);

  it('removes a target with its version', async () => {
    const api = targetsApi({ DeleteReportTarget: () => ({ data: { deleteReportTarget: { __typename: 'DeleteReportTargetPayload', id: '1' } } }) });
    renderInApp(<TargetsPage />, { link: api.link, route: '/reports/targets', path: '/reports/targets', session: sessionAs(['STEERING_COMMITTEE']) });
    const user = userEvent.setup();
    await user.click((await screen.findAllByTestId('target-delete-button'))[0]);
    expect(await screen.findByTestId('target-delete')).toHaveTextContent('Xóa chỉ tiêu «Tỷ lệ hồ sơ trực tuyến» của Xã Cẩm Bình, kỳ 01/01/2026 – 31/12/2026?');
    await user.click(screen.getByTestId('target-delete-submit'));
    await waitFor(() => expect(api.calls.find((c) => c.operationName === 'DeleteReportTarget')?.variables).toEqual({ input: { id: '1', version: 2 } }));
    await waitFor(() => expect(api.calls.filter((c) => c.operationName === 'TargetProgress').length).toBe(2));
  }, 60_000);

  it('reads a percentage typed with a comma or a point', () => {
    expect(parsePercent('32,5')).toBe(32.5);
    expect(parsePercent(' 50 % ')).toBe(50);
    expect(parsePercent('abc')).toBeNull();
  });

  it('Tải về saves the targets grid with the filter of the table, for readers who set no target too', async () => {
    const file = { __typename: 'ExportedFile', fileName: 'chi-tieu-01-01-2026-31-12-2026.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', contentBase64: btoa('PK'), rowCount: 5 };
    const api = targetsApi({ ExportTargetProgress: () => ({ data: { exportTargetProgress: file } }) });
    const downloads = catchDownloads();
    try {
      renderInApp(<TargetsPage />, { link: api.link, route: '/reports/targets', path: '/reports/targets', session: sessionAs(['POST_OFFICE_MANAGER']) });
      await screen.findAllByTestId('target-row');
      expect(screen.queryByTestId('targets-add')).not.toBeInTheDocument();
      await userEvent.setup().click(screen.getByTestId('targets-download'));
      expect(await screen.findByTestId('targets-download-note')).toHaveTextContent(`Đã tải về tệp ${file.fileName}.`);
      const year = todayIso().slice(0, 4);
      expect(api.calls.filter((c) => c.operationName === 'ExportTargetProgress').map((c) => c.variables)).toEqual([{ filter: { from: `${year}-01-01`, to: `${year}-12-31`, metric: null } }]);
      expect(downloads.saved.map((f) => f.fileName)).toEqual([file.fileName]);
    } finally {
      downloads.restore();
    }
  }, 60_000);
});
