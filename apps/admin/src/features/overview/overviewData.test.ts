import { describe, expect, it } from '@jest/globals';
import type { OverviewLevelProgressFragment } from '../../graphql/generated';
import { daysLate, handoverChart, hasValues, percentOf, pickProgramme, progressChart, progressTable, totalOf } from './overviewData';

const row = (level: OverviewLevelProgressFragment['level'], counts: Partial<OverviewLevelProgressFragment>): OverviewLevelProgressFragment => ({
  level,
  target: 0,
  enrolled: 0,
  preparing: 0,
  launched: 0,
  operating: 0,
  suspended: 0,
  late: 0,
  ...counts,
});

const levelLabel = { PROVINCE: 'Cấp tỉnh', DISTRICT: 'Cấp huyện', COMMUNE: 'Cấp xã' } as const;
const seriesLabel = { target: 'Kế hoạch', enrolled: 'Đã đăng ký', launched: 'Đã khai trương', operating: 'Đang vận hành' } as const;
const labels = { level: (l: keyof typeof levelLabel) => levelLabel[l], series: (k: keyof typeof seriesLabel) => seriesLabel[k] };

describe('progress table', () => {
  it('orders the levels province → district → commune and keeps the API’s total row', () => {
    const api = [
      row('COMMUNE', { target: 8, enrolled: 5, launched: 2, operating: 1 }),
      row('PROVINCE', { target: 8, enrolled: 8, launched: 3, operating: 3 }),
      row('DISTRICT', { target: 4, enrolled: 4, launched: 1, operating: 0, late: 2 }),
      row(null, { target: 20, enrolled: 17, launched: 6, operating: 4, late: 2 }),
    ];
    const table = progressTable(api);
    expect(table.levels.map((r) => r.level)).toEqual(['PROVINCE', 'DISTRICT', 'COMMUNE']);
    expect(table.total).toEqual(api[3]);
  });

  it('counts a missing level as zero and sums a total when the API sent none', () => {
    const table = progressTable([row('DISTRICT', { target: 4, enrolled: 3, late: 1 })]);
    expect(table.levels).toEqual([row('PROVINCE', {}), row('DISTRICT', { target: 4, enrolled: 3, late: 1 }), row('COMMUNE', {})]);
    expect(table.total).toEqual(row(null, { target: 4, enrolled: 3, late: 1 }));
    expect(progressTable(undefined).total).toEqual(row(null, {}));
  });

  it('adds rows up', () => {
    expect(totalOf([row('PROVINCE', { target: 1, suspended: 1 }), row('COMMUNE', { target: 2, preparing: 2 })])).toEqual(
      row(null, { target: 3, suspended: 1, preparing: 2 }),
    );
  });
});

describe('progress chart', () => {
  it('draws one group per level and one series per count (target, enrolled, launched, operating), without the total', () => {
    const table = progressTable([
      row('PROVINCE', { target: 8, enrolled: 8, launched: 3, operating: 3 }),
      row('DISTRICT', { target: 4, enrolled: 4, launched: 1 }),
      row('COMMUNE', { target: 8, enrolled: 5, launched: 2, operating: 1 }),
      row(null, { target: 20, enrolled: 17, launched: 6, operating: 4 }),
    ]);
    const chart = progressChart(table, labels);
    expect(chart.categories).toEqual(['Cấp tỉnh', 'Cấp huyện', 'Cấp xã']);
    expect(chart.series.map((s) => [s.id, s.label, s.data])).toEqual([
      ['target', 'Kế hoạch', [8, 4, 8]],
      ['enrolled', 'Đã đăng ký', [8, 4, 5]],
      ['launched', 'Đã khai trương', [3, 1, 2]],
      ['operating', 'Đang vận hành', [3, 0, 1]],
    ]);
    expect(chart.series.every((s) => /^#[0-9a-f]{6}$/.test(s.color))).toBe(true);
    expect(hasValues(chart.series)).toBe(true);
  });

  it('has nothing to draw when every count is zero', () => {
    expect(hasValues(progressChart(progressTable([]), labels).series)).toBe(false);
  });
});

describe('handover chart', () => {
  it('puts relieved civil servants beside deployed postal staff, one group per phase', () => {
    const totals = (relieved: number, deployed: number) => ({
      civilServantsRelieved: relieved,
      postalStaffDeployed: deployed,
      personnelHandovers: 1,
      facilityHandovers: 0,
      investmentTotal: 0,
    });
    const chart = handoverChart(
      [
        { id: 'p1', name: 'Giai đoạn 1', handoverTotals: totals(6, 4) },
        { id: 'p2', name: 'Giai đoạn 2', handoverTotals: totals(0, 0) },
      ],
      { relieved: 'Công chức được thay thế', deployed: 'Nhân viên bưu điện bố trí' },
    );
    expect(chart.categories).toEqual(['Giai đoạn 1', 'Giai đoạn 2']);
    expect(chart.series.map((s) => [s.label, s.data])).toEqual([
      ['Công chức được thay thế', [6, 0]],
      ['Nhân viên bưu điện bố trí', [4, 0]],
    ]);
  });
});

describe('helpers', () => {
  it('counts whole days late from the planned launch', () => {
    expect(daysLate('2026-01-01', '2026-01-31')).toBe(30);
    expect(daysLate('2026-02-01', '2026-01-31')).toBe(0);
    expect(daysLate(null, '2026-01-31')).toBe(0);
  });

  it('gives a share of the target for the progress bars, capped at 100', () => {
    expect(percentOf(5, 20)).toBe(25);
    expect(percentOf(3, 0)).toBe(0);
    expect(percentOf(25, 20)).toBe(100);
  });

  it('picks the programme of the URL when in scope, else the first ACTIVE one, else the first', () => {
    const list = [
      { id: 'a', status: 'CLOSED' as const },
      { id: 'b', status: 'ACTIVE' as const },
      { id: 'c', status: 'ACTIVE' as const },
    ];
    expect(pickProgramme(list, null)).toEqual({ id: 'b', requestedMissing: false });
    expect(pickProgramme(list, 'a')).toEqual({ id: 'a', requestedMissing: false });
    expect(pickProgramme(list, 'zzz')).toEqual({ id: 'b', requestedMissing: true });
    expect(pickProgramme([{ id: 'd', status: 'DRAFT' }], null)).toEqual({ id: 'd', requestedMissing: false });
    expect(pickProgramme([], null)).toEqual({ id: null, requestedMissing: false });
  });
});
