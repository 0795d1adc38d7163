/**
 * Downloads of the report grids (issue 13). The pattern every report grid follows:
 * - the grid's query has a twin `export<Grid>(same filter): ExportedFile!` that calls the same service
 *   method as the grid (ReportService.dossierVolumes, ReportTargetService.progress …: the figures are
 *   counted in one place, never a second time) and writes its result with platform/spreadsheet.ts's
 *   `spreadsheet` (numbers as numbers: countCell, shareCell, percentCell; days as dates: dayCell);
 * - so it has the grid's scope as it is (whoever may not read the grid may not download it);
 * - headers and labels in Vietnamese, as the page shows them; the file named without diacritics (fileSlug);
 * - the admin page puts a "Tải về" button (features/reports/ReportDownloadButton.tsx) beside the grid.
 */
import { Injectable } from '../../platform/container';
import type { ExportedFile } from '../../platform/graphql/exported-file';
import type { Actor } from '../../platform/graphql/context';
import { shownDay } from '../../platform/graphql/scalars';
import { boldCell, countCell, dayCell, fileSlug, percentCell, shareCell, spreadsheet, type Cell } from '../../platform/spreadsheet';
import { TargetMetric } from './report-target.entity';
import type { ReportTargetFilter, TargetProgress } from './report-target.inputs';
import { TargetLight } from './report-target.inputs';
import { ReportTargetService } from './report-target.service';
import { type DossierVolumeFilter, type DossierVolumeReport, type DossierVolumeRow, VolumeSource } from './report.inputs';
import { ReportService } from './report.service';

/** The words of the reports, as the admin's reports pages write them (reports.vi.json). */
export const SOURCE_LABEL: Record<VolumeSource, string> = {
  [VolumeSource.DOSSIERS]: 'Từ hồ sơ trên hệ thống',
  [VolumeSource.AGGREGATE_FIGURES]: 'Số liệu đơn vị báo cáo',
};
export const LIGHT_LABEL: Record<TargetLight, string> = {
  [TargetLight.ON_TARGET]: 'Đạt',
  [TargetLight.CLOSE]: 'Gần đạt',
  [TargetLight.BEHIND]: 'Chưa đạt',
  [TargetLight.NO_DATA]: 'Chưa có số liệu',
  [TargetLight.NOT_STARTED]: 'Chưa đến kỳ',
};
export const METRIC_LABEL: Record<TargetMetric, string> = {
  [TargetMetric.ONLINE_SHARE]: 'Tỷ lệ hồ sơ trực tuyến',
  [TargetMetric.BCCI_SHARE]: 'Tỷ lệ hồ sơ qua dịch vụ bưu chính công ích',
};
const PART_OF_UNIT = 'đã gồm trong số liệu của đơn vị, không cộng lại';

/** The sources of a row as one text: where its figures come from, then each reported figure's source text. */
export function sourcesText(row: DossierVolumeRow): string {
  const parts: string[] = row.sources.map((s) => SOURCE_LABEL[s]);
  for (const { figure, countedHere } of row.aggregateFigures) {
    parts.push(`${shownDay(figure.periodStart)} – ${shownDay(figure.periodEnd)}: ${figure.source}${countedHere ? '' : ` (${PART_OF_UNIT})`}`);
  }
  return parts.length ? parts.join('; ') : 'Chưa có số liệu';
}

/** The volumes grid's columns, in the order of the page's table. */
const VOLUME_COLUMNS: Array<{ header: string; width: number; cell: (row: DossierVolumeRow) => Cell }> = [
  { header: 'Tên', width: 34, cell: (r) => r.name },
  { header: 'Kỳ', width: 24, cell: (r) => r.period.label },
  { header: 'Hồ sơ tiếp nhận', width: 13, cell: (r) => countCell(r.received) },
  { header: 'Tiếp nhận qua BCCI', width: 13, cell: (r) => countCell(r.receivedViaBcci) },
  { header: 'Trả kết quả qua BCCI', width: 13, cell: (r) => countCell(r.resultsReturnedViaBcci) },
  { header: 'Cả hai chiều qua BCCI', width: 13, cell: (r) => countCell(r.receivedAndReturnedViaBcci) },
  { header: 'Tổng số qua BCCI', width: 13, cell: (r) => countCell(r.totalViaBcci) },
  { header: 'Tiếp nhận trực tuyến', width: 13, cell: (r) => countCell(r.online) },
  { header: 'Trực tiếp tại Bộ phận Một cửa', width: 14, cell: (r) => countCell(r.atDesk) },
  { header: 'Giải quyết đúng hạn', width: 12, cell: (r) => countCell(r.resolvedOnTime) },
  { header: 'Giải quyết trễ hạn', width: 12, cell: (r) => countCell(r.resolvedLate) },
  { header: 'Tỷ lệ đúng hạn', width: 11, cell: (r) => shareCell(r.onTimeRate) },
  { header: 'Tỷ lệ trễ hạn', width: 11, cell: (r) => shareCell(r.overdueRate) },
  { header: 'Nguồn số liệu', width: 60, cell: (r) => sourcesText(r) },
];

/** The volumes grid as the page shows it: its rows, then the totals in bold, then the report's note. */
export function volumesSpreadsheet(report: DossierVolumeReport): Promise<ExportedFile> {
  const rows: Cell[][] = report.rows.map((row) => VOLUME_COLUMNS.map((c) => c.cell(row)));
  const totals = VOLUME_COLUMNS.map((c) => boldCell(c.cell(report.totals)));
  totals[0] = boldCell(`Tổng cộng: ${report.unitName}`);
  rows.push(totals);
  if (report.note) rows.push([], [`Ghi chú: ${report.note}`]);
  const days = `từ ${shownDay(report.from)} đến ${shownDay(report.to)}`;
  return spreadsheet(
    'Số lượng hồ sơ',
    VOLUME_COLUMNS.map((c) => c.header),
    rows,
    VOLUME_COLUMNS.map((c) => c.width),
    fileSlug(`so luong ho so ${report.unitName} ${report.totals.period.label}`),
    { title: [`Số lượng hồ sơ tiếp nhận và trả kết quả – ${report.unitName}, ${days}`] },
  );
}

const TARGET_COLUMNS: Array<{ header: string; width: number; cell: (p: TargetProgress) => Cell }> = [
  { header: 'Đơn vị', width: 30, cell: (p) => p.unitName },
  { header: 'Đánh giá', width: 16, cell: (p) => LIGHT_LABEL[p.light] },
  { header: 'Chỉ tiêu', width: 36, cell: (p) => METRIC_LABEL[p.target.metric] },
  { header: 'Từ ngày', width: 12, cell: (p) => dayCell(p.target.periodStart) },
  { header: 'Đến ngày', width: 12, cell: (p) => dayCell(p.target.periodEnd) },
  { header: 'Mục tiêu (%)', width: 11, cell: (p) => percentCell(p.target.targetPercent) },
  { header: 'Thực hiện (%)', width: 11, cell: (p) => percentCell(p.actualPercent) },
  { header: 'Chênh lệch (điểm %)', width: 11, cell: (p) => percentCell(p.gapPoints) },
  { header: 'Hồ sơ được tính', width: 12, cell: (p) => countCell(p.counted) },
  { header: 'Hồ sơ tiếp nhận', width: 12, cell: (p) => countCell(p.received) },
  { header: 'Tính đến ngày', width: 12, cell: (p) => dayCell(p.measuredTo) },
  { header: 'Căn cứ', width: 40, cell: (p) => p.target.basis },
];

/** The targets grid as the page shows it: furthest behind first (the service's order). */
export function targetsSpreadsheet(progress: TargetProgress[], filter: ReportTargetFilter): Promise<ExportedFile> {
  const days = filter.from && filter.to ? `kỳ từ ${shownDay(filter.from)} đến ${shownDay(filter.to)}` : filter.from ? `kỳ từ ${shownDay(filter.from)}` : filter.to ? `kỳ đến ${shownDay(filter.to)}` : 'tất cả các kỳ';
  const span = filter.from || filter.to ? `${filter.from ? shownDay(filter.from) : ''} ${filter.to ? shownDay(filter.to) : ''}` : '';
  return spreadsheet(
    'Chỉ tiêu',
    TARGET_COLUMNS.map((c) => c.header),
    progress.map((p) => TARGET_COLUMNS.map((c) => c.cell(p))),
    TARGET_COLUMNS.map((c) => c.width),
    fileSlug(`chi tieu ${span}`),
    { title: [`Tình hình thực hiện chỉ tiêu, ${days}${filter.metric ? ` – ${METRIC_LABEL[filter.metric]}` : ''}`] },
  );
}

@Injectable()
export class ReportExportService {
  constructor(
    private readonly reports: ReportService,
    private readonly targets: ReportTargetService,
  ) {}

  /** The volumes grid (dossierVolumes with the same filter) as .xlsx. */
  async dossierVolumes(actor: Actor, filter: DossierVolumeFilter): Promise<ExportedFile> {
    return volumesSpreadsheet(await this.reports.dossierVolumes(actor, filter));
  }

  /** The targets grid (targetProgress with the same filter) as .xlsx. */
  async targetProgress(actor: Actor, filter: ReportTargetFilter): Promise<ExportedFile> {
    return targetsSpreadsheet(await this.targets.progress(actor, filter), filter);
  }
}
