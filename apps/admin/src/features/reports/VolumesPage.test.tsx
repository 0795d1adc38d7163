import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { apiError, fakeApi, type FakeRequest } from '../../test/fakeApi';
import { catchDownloads } from '../../test/downloads';
import { renderInApp } from '../../test/render';
import { todayIso } from '../../dates';
import { sessionAs } from '../dossiers/testData';
import { VolumesPage } from './VolumesPage';

const empty = { received: null, receivedViaBcci: null, resultsReturnedViaBcci: null, receivedAndReturnedViaBcci: null, totalViaBcci: null, online: null, atDesk: null, digitised: null, resultsReturned: null, resolvedOnTime: null, resolvedLate: null, onTimeRate: null, overdueRate: null };

const figure = {
  __typename: 'AggregateFigure',
  id: 'f-1',
  source: 'Báo cáo số 12/BC-UBND của UBND tỉnh Hà Tĩnh',
  periodStart: '2023-01-01',
  periodEnd: '2023-12-31',
  administrativeUnit: { __typename: 'AdministrativeUnit', id: 'p-42', name: 'Tỉnh Hà Tĩnh' },
  desk: null,
};

function row(over: Record<string, unknown>) {
  return {
    __typename: 'DossierVolumeRow',
    id: null,
    code: null,
    kind: 'UNIT',
    name: 'Tỉnh Hà Tĩnh',
    period: { __typename: 'ReportPeriod', label: 'Năm 2023', start: '2023-01-01', end: '2023-12-31' },
    ...empty,
    sources: [],
    aggregateFigures: [],
    ...over,
  };
}

/** The API's answer for the unit asked (a province, or one of its districts after the drill-down). */
function volumes({ variables }: FakeRequest) {
  const filter = variables.filter as { unit: string | null; from: string; to: string };
  const district = filter.unit === '436';
  const unitName = district ? 'Huyện Cẩm Xuyên' : 'Tỉnh Hà Tĩnh';
  const totals = district
    ? row({ name: unitName, received: 120, receivedViaBcci: 30, online: 50, atDesk: 40, sources: ['DOSSIERS'] })
    : row({ receivedViaBcci: 45757, resultsReturnedViaBcci: 216968, totalViaBcci: 262725, onTimeRate: 0.982, sources: ['AGGREGATE_FIGURES'], aggregateFigures: [{ __typename: 'VolumeAggregateFigure', countedHere: true, figure }] });
  const rows = district
    ? [row({ id: 'd-1', kind: 'DESK', name: 'Bộ phận Một cửa huyện Cẩm Xuyên', received: 120, sources: ['DOSSIERS'] })]
    : [
        row({ id: 'u-436', code: '436', kind: 'CHILD_UNIT', name: 'Huyện Cẩm Xuyên', received: 120, receivedViaBcci: 30, online: 50, atDesk: 40, sources: ['DOSSIERS'] }),
        // The same unit over another period: a row of its own, never merged with the first by its id.
        row({ id: 'u-436', code: '436', kind: 'CHILD_UNIT', name: 'Huyện Cẩm Xuyên', period: { __typename: 'ReportPeriod', label: 'Năm 2024', start: '2024-01-01', end: '2024-12-31' }, received: 7, sources: ['DOSSIERS'] }),
        row({ id: null, kind: 'UNATTRIBUTED', name: 'Chưa phân theo đơn vị', receivedViaBcci: 45757, resultsReturnedViaBcci: 216968, totalViaBcci: 262725, sources: ['AGGREGATE_FIGURES'], aggregateFigures: [{ __typename: 'VolumeAggregateFigure', countedHere: true, figure }] }),
      ];
  return {
    data: {
      dossierVolumes: {
        __typename: 'DossierVolumeReport',
        unitId: district ? 'u-436' : 'p-42',
        unitName,
        from: filter.from,
        to: filter.to,
        asOf: todayIso(),
        granularity: 'YEAR',
        breakdown: 'CHILD_UNIT',
        note: district ? null : 'Số liệu do tỉnh báo cáo không chia được theo đơn vị trực thuộc.',
        rows,
        totals,
        unsplitAggregateFigures: district ? [] : [figure],
      },
      periods: { __typename: 'DossierVolumeReport', rows: [{ __typename: 'DossierVolumeRow', period: { __typename: 'ReportPeriod', label: 'Năm 2023', start: '2023-01-01' }, receivedViaBcci: 45757, resultsReturnedViaBcci: 216968, online: null, atDesk: null }] },
    },
  };
}

function Where() {
  const location = useLocation();
  return <output data-testid="where">{location.search}</output>;
}

const lastFilter = (calls: ReturnType<typeof fakeApi>['calls']) => calls.filter((c) => c.operationName === 'DossierVolumes').at(-1)?.variables;

describe('the volumes report', () => {
  it('asks for the province this year by month and child unit, and shows the totals with where they come from', async () => {
    const api = fakeApi({ DossierVolumes: volumes });
    renderInApp(<VolumesPage />, { link: api.link, route: '/reports', path: '/reports', session: sessionAs(['STEERING_COMMITTEE']) });
    expect(await screen.findByTestId('volumes-total-totalViaBcci')).toHaveTextContent('262.725');
    const today = todayIso();
    const base = { unit: null, from: `${today.slice(0, 4)}-01-01`, to: today, granularity: 'MONTH' };
    expect(lastFilter(api.calls)).toEqual({ filter: { ...base, breakdown: 'CHILD_UNIT' }, periods: { ...base, breakdown: 'NONE' } });
    expect(screen.getByTestId('volumes-total-receivedViaBcci')).toHaveTextContent('45.757');
    expect(screen.getByTestId('volumes-total-resultsReturnedViaBcci')).toHaveTextContent('216.968');
    expect(screen.getByTestId('volumes-total-received')).toHaveTextContent('—');
    expect(screen.getByTestId('volumes-total-onTimeRate').textContent).toMatch(/^98,2\s?%$/);
    const summary = screen.getByTestId('volumes-summary');
    expect(within(summary).getByText('Số liệu đơn vị báo cáo')).toBeInTheDocument();
    // Each reported figure once, with its source; one of no single period says it is counted in the totals only.
    const sources = within(screen.getByTestId('volumes-figure-sources')).getAllByRole('listitem');
    expect(sources.map((li) => li.textContent)).toEqual(['Tỉnh Hà Tĩnh (01/01/2023 – 31/12/2023): Báo cáo số 12/BC-UBND của UBND tỉnh Hà Tĩnh (chỉ tính vào tổng, không chia theo kỳ)']);
    expect(screen.getByTestId('volumes-unit')).toHaveValue('Tỉnh Hà Tĩnh');
    expect(screen.getByTestId('volumes-note')).toHaveTextContent('Số liệu do tỉnh báo cáo không chia được theo đơn vị trực thuộc.');
    const rows = screen.getAllByTestId('volumes-row');
    expect(rows).toHaveLength(3);
    expect(within(rows[0]).getByText('Từ hồ sơ trên hệ thống')).toBeInTheDocument();
    expect(rows[0]).toHaveTextContent('Năm 2023');
    expect(rows[0]).toHaveTextContent('120');
    expect(rows[1]).toHaveTextContent('Năm 2024');
    expect(rows[1].querySelectorAll('td')[2]).toHaveTextContent('7');
    expect(rows[2]).toHaveTextContent('Báo cáo số 12/BC-UBND');
    // Only a child unit opens further.
    expect(screen.getAllByTestId('volumes-drill')).toHaveLength(2);
  }, 60_000);

  it('sends the filters chosen, and a child unit opens its own report in the address (back returns)', async () => {
    const api = fakeApi({ DossierVolumes: volumes });
    renderInApp(
      <>
        <VolumesPage />
        <Where />
      </>,
      { link: api.link, route: '/reports?from=2023-01-01&to=2023-12-31', path: '/reports', session: sessionAs(['SYSTEM_ADMIN']) },
    );
    await screen.findByTestId('volumes-summary');
    const user = userEvent.setup();
    await user.click(screen.getByRole('combobox', { name: 'Kỳ' }));
    await user.click(await screen.findByRole('option', { name: 'Quý' }));
    await user.click(screen.getByRole('combobox', { name: 'Chia theo' }));
    await user.click(await screen.findByRole('option', { name: 'Theo bưu cục' }));
    await waitFor(() =>
      expect(lastFilter(api.calls)).toEqual({
        filter: { unit: null, from: '2023-01-01', to: '2023-12-31', granularity: 'QUARTER', breakdown: 'POST_OFFICE' },
        periods: { unit: null, from: '2023-01-01', to: '2023-12-31', granularity: 'QUARTER', breakdown: 'NONE' },
      }),
    );
    await user.click(screen.getAllByTestId('volumes-drill')[0]);
    await waitFor(() => expect((lastFilter(api.calls)?.filter as { unit: string }).unit).toBe('436'));
    expect(lastFilter(api.calls)?.filter).toEqual({ unit: '436', from: '2023-01-01', to: '2023-12-31', granularity: 'QUARTER', breakdown: 'POST_OFFICE' });
    expect(screen.getByTestId('where').textContent).toBe('?from=2023-01-01&to=2023-12-31&period=QUARTER&breakdown=POST_OFFICE&unit=436');
    await waitFor(() => expect(screen.getByTestId('volumes-unit-name')).toHaveTextContent('Huyện Cẩm Xuyên, từ 01/01/2023 đến 31/12/2023'));
    expect(screen.getByTestId('volumes-unit')).toHaveValue('Huyện Cẩm Xuyên');
    expect(screen.queryByTestId('volumes-note')).not.toBeInTheDocument();
  }, 60_000);

  it('Tải về saves the grid as the API writes it, with the filter of the table; a refusal is said in words', async () => {
    const file = { __typename: 'ExportedFile', fileName: 'so-luong-ho-so-tinh-ha-tinh-nam-2023.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', contentBase64: btoa('PK-xlsx'), rowCount: 4 };
    let refuse = false;
    const api = fakeApi({
      DossierVolumes: volumes,
      ExportDossierVolumes: () => (refuse ? apiError('FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này.') : { data: { exportDossierVolumes: file } }),
    });
    const downloads = catchDownloads();
    try {
      renderInApp(<VolumesPage />, { link: api.link, route: '/reports?from=2023-01-01&to=2023-12-31&period=YEAR', path: '/reports', session: sessionAs(['STEERING_COMMITTEE']) });
      const button = await screen.findByTestId('volumes-download');
      expect(button).toHaveTextContent('Tải về');
      const user = userEvent.setup();
      await user.click(button);
      expect(await screen.findByTestId('volumes-download-note')).toHaveTextContent('Đã tải về tệp so-luong-ho-so-tinh-ha-tinh-nam-2023.xlsx.');
      expect(api.calls.filter((c) => c.operationName === 'ExportDossierVolumes').map((c) => c.variables)).toEqual([
        { filter: { unit: null, from: '2023-01-01', to: '2023-12-31', granularity: 'YEAR', breakdown: 'CHILD_UNIT' } },
      ]);
      expect(downloads.saved).toEqual([{ fileName: file.fileName, type: file.contentType, size: 7 }]);

      refuse = true;
      await user.click(button);
      await waitFor(() => expect(screen.getByTestId('volumes-download-note')).toHaveTextContent('Bạn không có quyền thực hiện thao tác này.'));
      expect(downloads.saved).toHaveLength(1);
    } finally {
      downloads.restore();
    }
  }, 60_000);
});
