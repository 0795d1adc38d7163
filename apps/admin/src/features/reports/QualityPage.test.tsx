import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../../test/fakeApi';
import { renderInApp } from '../../test/render';
import { catchDownloads } from '../../test/downloads';
import { todayIso } from '../../dates';
import { sessionAs } from '../dossiers/testData';
import { QualityPage } from './QualityPage';

const METHODS = [
  ['ON_TIME', 'Giải quyết đúng hạn', 20, 'Tỷ lệ = số hồ sơ có kết quả đúng hạn ÷ số hồ sơ có kết quả (đúng hạn + trễ hạn).'],
  ['ONLINE', 'Tiếp nhận trực tuyến', 22, 'Tỷ lệ = số hồ sơ tiếp nhận trực tuyến ÷ tổng số hồ sơ tiếp nhận.'],
  ['DIGITISED', 'Số hóa hồ sơ', 22, 'Tỷ lệ = số hồ sơ được số hóa đầy đủ ÷ tổng số hồ sơ tiếp nhận.'],
  ['SATISFACTION', 'Mức độ hài lòng', 18, 'Tỷ lệ = số đánh giá hài lòng ÷ tổng số đánh giá.'],
] as const;

const figures = (pairs: Array<[number, number]>) =>
  pairs.map(([numerator, denominator], i) => {
    const share = denominator ? numerator / denominator : null;
    return { __typename: 'ServiceQualityFigure', indicator: METHODS[i][0], numerator, denominator, share, points: share === null ? null : Math.round(share * METHODS[i][2] * 10) / 10, maxPoints: METHODS[i][2] };
  });

const row = (kind: string, name: string, period: [string, string, string], received: number, pairs: Array<[number, number]>, id: string | null = null) => {
  const f = figures(pairs);
  const scored = f.filter((x) => x.points !== null);
  return {
    __typename: 'ServiceQualityRow',
    kind,
    id,
    code: null,
    name,
    period: { __typename: 'ReportPeriod', start: period[0], end: period[1], label: period[2] },
    received,
    figures: f,
    points: scored.length ? Math.round(scored.reduce((s, x) => s + (x.points ?? 0), 0) * 10) / 10 : null,
    maxPoints: scored.reduce((s, x) => s + x.maxPoints, 0),
  };
};

const WHOLE: [string, string, string] = ['2026-01-01', '2026-12-05', '01/01/2026 – 05/12/2026'];
const REPORT = {
  __typename: 'ServiceQualityReport',
  unitId: 'u-42',
  unitName: 'Tỉnh Hà Tĩnh',
  from: '2026-01-01',
  to: '2026-12-05',
  breakdown: 'DESK',
  note: null,
  scoring: 'Điểm tham khảo của mỗi chỉ số = tỷ lệ × điểm tối đa của nhóm tương ứng trong Quyết định 766/QĐ-TTg … đây không phải Chỉ số 100 điểm.',
  methods: METHODS.map(([indicator, name, maxPoints, formula]) => ({
    __typename: 'ServiceQualityMethod',
    indicator,
    name,
    counts: `Đếm ${name.toLowerCase()} trong kỳ.`,
    formula,
    decisionPart: `Nhóm "${name}" (tối đa ${maxPoints} điểm).`,
    maxPoints,
    notCovered: 'Chưa tính hồ sơ không qua bộ phận một cửa ở đây.',
  })),
  notCovered: [{ __typename: 'ServiceQualityGap', name: 'Công khai, minh bạch', maxPoints: 18, reason: 'Việc công khai thủ tục hành chính không được ghi nhận ở hệ thống này.' }],
  periods: [
    row('UNIT', 'Tỉnh Hà Tĩnh', ['2026-01-01', '2026-01-31', 'Tháng 1/2026'], 1_250, [[900, 1_000], [125, 1_250], [1_000, 1_250], [80, 100]], 'u-42'),
    row('UNIT', 'Tỉnh Hà Tĩnh', ['2026-02-01', '2026-02-28', 'Tháng 2/2026'], 0, [[0, 0], [0, 0], [0, 0], [3, 4]], 'u-42'),
  ],
  rows: [
    row('DESK', 'Trung tâm Phục vụ Hành chính công tỉnh Hà Tĩnh', WHOLE, 1_000, [[700, 800], [100, 1_000], [800, 1_000], [60, 80]], 'd-1'),
    row('DESK', 'Bộ phận Một cửa UBND huyện Kỳ Anh', WHOLE, 250, [[200, 200], [25, 250], [200, 250], [23, 24]], 'd-2'),
  ],
  totals: row('UNIT', 'Tỉnh Hà Tĩnh', WHOLE, 1_250, [[900, 1_000], [125, 1_250], [1_000, 1_250], [83, 104]], 'u-42'),
};

describe('Chỉ số phục vụ (QĐ 766)', () => {
  it('shows each figure with its method written out (not a tooltip), months and desks, the groups left out, never the 100-point index', async () => {
    const api = fakeApi({ ServiceQualityIndex: () => ({ data: { serviceQualityIndex: REPORT } }) });
    renderInApp(<QualityPage />, { link: api.link, route: '/reports/quality', path: '/reports/quality', session: sessionAs(['STEERING_COMMITTEE']) });
    expect(await screen.findByTestId('quality-title')).toHaveTextContent('Tỉnh Hà Tĩnh, từ 01/01/2026 đến 05/12/2026');
    const year = todayIso().slice(0, 4);
    expect(api.calls.find((c) => c.operationName === 'ServiceQualityIndex')?.variables).toEqual({ filter: { unit: null, from: `${year}-01-01`, to: todayIso(), granularity: 'MONTH', breakdown: 'DESK' } });

    const onTime = screen.getByTestId('quality-card-ON_TIME');
    expect(within(onTime).getByTestId('quality-share-ON_TIME').textContent).toMatch(/^90,0\s?%$/);
    expect(onTime).toHaveTextContent('900/1.000 hồ sơ');
    expect(onTime).toHaveTextContent('Điểm tham khảo: 18,0/20');
    // The formula is always on the card; the rest of the method a tap away, as text.
    expect(onTime).toHaveTextContent('Tỷ lệ = số hồ sơ có kết quả đúng hạn ÷ số hồ sơ có kết quả (đúng hạn + trễ hạn).');
    expect(screen.queryByTestId('quality-method-ON_TIME')).not.toBeInTheDocument();
    await userEvent.setup().click(within(onTime).getByTestId('quality-method-toggle-ON_TIME'));
    const method = await screen.findByTestId('quality-method-ON_TIME');
    expect(method).toHaveTextContent('Đếm những gì');
    expect(method).toHaveTextContent('Thuộc nhóm chỉ số');
    expect(method).toHaveTextContent('Nhóm "Giải quyết đúng hạn" (tối đa 20 điểm).');
    expect(method).toHaveTextContent('Chưa tính được');
    expect(screen.getByTestId('quality-card-SATISFACTION')).toHaveTextContent('83/104 hồ sơ');

    expect(screen.getByTestId('quality-total-points')).toHaveTextContent(`Điểm tham khảo: ${REPORT.totals.points!.toFixed(1).replace('.', ',')}/82 điểm`);
    const scope = screen.getByTestId('quality-scope');
    expect(scope).toHaveTextContent('không phải Chỉ số 100 điểm');
    expect(scope).toHaveTextContent('Công khai, minh bạch (tối đa 18 điểm): không tính.');

    const months = within(screen.getByTestId('quality-months')).getAllByTestId('quality-months-row') as HTMLTableRowElement[];
    expect(months.map((r) => r.cells[0].textContent)).toEqual(['Tháng 1/2026', 'Tháng 2/2026']);
    expect(months[0]).toHaveTextContent('1.250');
    expect(months[0].cells[2].textContent).toMatch(/^90,0\s?%900\/1\.000 · 18,0 điểm$/);
    // A month with nothing resolved has no share, not 0 %.
    expect(months[1].cells[2].textContent).toBe('—0/0');
    expect(months[1].cells[6].textContent).toBe('13,5/18');
    const desks = within(screen.getByTestId('quality-rows')).getAllByTestId('quality-rows-row') as HTMLTableRowElement[];
    expect(screen.getByRole('heading', { name: 'Theo Bộ phận Một cửa' })).toBeInTheDocument();
    expect(desks.map((r) => r.cells[0].textContent)).toEqual(['Trung tâm Phục vụ Hành chính công tỉnh Hà Tĩnh', 'Bộ phận Một cửa UBND huyện Kỳ Anh']);
    expect(desks[1].cells[2].textContent).toMatch(/^100,0\s?%200\/200 · 20,0 điểm$/);
  }, 60_000);

  it('splits by child unit when asked, and Tải về saves the grid with the page’s filter', async () => {
    const file = { __typename: 'ExportedFile', fileName: 'chi-so-phuc-vu-tinh-ha-tinh-01-01-2026-05-12-2026.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', contentBase64: btoa('PK'), rowCount: 9 };
    const api = fakeApi({
      ServiceQualityIndex: () => ({ data: { serviceQualityIndex: { ...REPORT, breakdown: 'CHILD_UNIT' } } }),
      ExportServiceQualityIndex: () => ({ data: { exportServiceQualityIndex: file } }),
    });
    const downloads = catchDownloads();
    try {
      renderInApp(<QualityPage />, { link: api.link, route: '/reports/quality?breakdown=CHILD_UNIT&from=2026-01-01&to=2026-12-05', path: '/reports/quality', session: sessionAs(['SYSTEM_ADMIN']) });
      await screen.findByTestId('quality-title');
      expect(screen.getByRole('heading', { name: 'Theo đơn vị trực thuộc' })).toBeInTheDocument();
      await userEvent.setup().click(screen.getByTestId('quality-download'));
      expect(await screen.findByTestId('quality-download-note')).toHaveTextContent(`Đã tải về tệp ${file.fileName}.`);
      const filter = { unit: null, from: '2026-01-01', to: '2026-12-05', granularity: 'MONTH', breakdown: 'CHILD_UNIT' };
      expect(api.calls.find((c) => c.operationName === 'ServiceQualityIndex')?.variables).toEqual({ filter });
      await waitFor(() => expect(api.calls.filter((c) => c.operationName === 'ExportServiceQualityIndex').map((c) => c.variables)).toEqual([{ filter }]));
      expect(downloads.saved.map((f) => f.fileName)).toEqual([file.fileName]);
    } finally {
      downloads.restore();
    }
  }, 60_000);
});
