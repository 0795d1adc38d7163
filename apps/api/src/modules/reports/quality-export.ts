/**
 * The service-quality grid's download (issue 13), following report-export.service.ts's pattern: the
 * twin query `exportServiceQualityIndex(same filter)` writes ServiceQualityService.index's own answer
 * (counted once, the grid's scope) through platform/spreadsheet.ts, in Vietnamese: the unit month by
 * month, then each child unit or desk, the totals in bold, and below them each figure's method (what it
 * counts, the formula, the decision's group, what the data cannot cover), the groups left out and how the
 * reference points are made, so the method travels with the figures.
 */
import type { ExportedFile } from '../../platform/graphql/exported-file';
import { shownDay } from '../../platform/graphql/scalars';
import { boldCell, countCell, fileSlug, percentCell, shareCell, spreadsheet, type Cell } from '../../platform/spreadsheet';
import type { ServiceQualityReport, ServiceQualityRow } from './quality.inputs';

/** Reference points, one decimal (the format of a number already in its unit). */
const points = percentCell;

/** The grid's columns: name, period, then per figure its share, counted / out of, reference points; the row's points. */
function columns(report: ServiceQualityReport): Array<{ header: string; width: number; cell: (row: ServiceQualityRow) => Cell }> {
  return [
    { header: 'Tên', width: 34, cell: (r) => r.name },
    { header: 'Kỳ', width: 24, cell: (r) => r.period.label },
    ...report.methods.flatMap((m, i) => [
      { header: `${m.name}: tỷ lệ`, width: 12, cell: (r: ServiceQualityRow) => shareCell(r.figures[i].share) },
      { header: `${m.name}: số được tính`, width: 12, cell: (r: ServiceQualityRow) => countCell(r.figures[i].numerator) },
      { header: `${m.name}: trên tổng số`, width: 12, cell: (r: ServiceQualityRow) => countCell(r.figures[i].denominator) },
      { header: `${m.name}: điểm tham khảo (tối đa ${m.maxPoints})`, width: 12, cell: (r: ServiceQualityRow) => points(r.figures[i].points) },
    ]),
    { header: 'Tổng điểm tham khảo', width: 12, cell: (r) => points(r.points) },
    { header: 'Trên tối đa', width: 10, cell: (r) => countCell(r.maxPoints) },
  ];
}

export function qualitySpreadsheet(report: ServiceQualityReport): Promise<ExportedFile> {
  const cols = columns(report);
  const line = (row: ServiceQualityRow) => cols.map((c) => c.cell(row));
  const rows: Cell[][] = report.periods.map(line);
  if (report.rows.length) rows.push([], [boldCell('Theo đơn vị, bộ phận')], ...report.rows.map(line));
  const totals = line(report.totals).map(boldCell);
  totals[0] = boldCell(`Tổng cộng: ${report.unitName}`);
  rows.push(totals, [], [boldCell('Cách tính')]);
  for (const m of report.methods) {
    rows.push([boldCell(m.name), m.decisionPart], ['', `Đếm: ${m.counts}`], ['', `Công thức: ${m.formula}`], ['', m.notCovered]);
  }
  for (const g of report.notCovered) rows.push([boldCell(`${g.name} (tối đa ${g.maxPoints} điểm)`), `Không tính: ${g.reason}`]);
  rows.push([boldCell('Điểm tham khảo'), report.scoring]);
  if (report.note) rows.push([], [`Ghi chú: ${report.note}`]);
  const days = `từ ${shownDay(report.from)} đến ${shownDay(report.to)}`;
  return spreadsheet(
    'Chỉ số phục vụ',
    cols.map((c) => c.header),
    rows,
    cols.map((c) => c.width),
    fileSlug(`chi so phuc vu ${report.unitName} ${shownDay(report.from)} ${shownDay(report.to)}`),
    { title: [`Chỉ số chất lượng phục vụ (Quyết định 766/QĐ-TTg) trong phạm vi dữ liệu của hệ thống – ${report.unitName}, ${days}`] },
  );
}
