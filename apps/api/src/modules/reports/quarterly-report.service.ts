/**
 * The quarterly report (báo cáo quý, issue 13): what a province's steering committee files each quarter
 * on dossiers received and results returned via the public postal service (BCCI), as an .xlsx workbook
 * or a PDF, laid out as Decree 30/2020/NĐ-CP lays out an administrative report (OfficialReport in
 * platform/spreadsheet.ts).
 *
 * - The figures are the volume report's (ReportService.dossierVolumes, the one place they are counted):
 *   the unit over the quarter (or the whole year), by child unit, beside the same days of the year before
 *   (on today's map of units, so the two compare like with like), with their sources; a quarter still
 *   running is counted to today and says so. Targets are targetProgress's for the unit and its subunits
 *   whose period meets the quarter, with their lights.
 * - Who: whoever reads dossierVolumes (the steering committee and administrators of the province,
 *   national administrators, post office managers for their tree's dossiers): the calls above check it.
 * - The issuer is the steering committee (Ban Chỉ đạo Đề án) under the people's committee of the
 *   province the unit belongs to today; the number is left blank for the clerk who registers it; the date
 *   line is today's in Vietnam. Vietnamese only, as the documents it stands beside.
 */
import { DataSource } from 'typeorm';
import { Injectable } from '../../platform/container';
import { AppError, badInput } from '../../platform/errors';
import type { ExportedFile } from '../../platform/graphql/exported-file';
import type { Actor } from '../../platform/graphql/context';
import { shownDay, todayInVietnam } from '../../platform/graphql/scalars';
import { fileSlug, reportWorkbook, type OfficialReport, type ReportBlock, type ReportCellInput } from '../../platform/spreadsheet';
import { placeAndDate } from '../dossiers/documents';
import { LIGHT_LABEL, METRIC_LABEL, SOURCE_LABEL } from './report-export.service';
import type { TargetProgress } from './report-target.inputs';
import { TargetLight } from './report-target.inputs';
import { MAX_PROGRESS, ReportTargetService } from './report-target.service';
import { ReportGranularity, VolumeBreakdown, type DossierVolumeReport, type DossierVolumeRow } from './report.inputs';
import { ReportService } from './report.service';
import { ReportFileFormat, type QuarterlyReportInput } from './quarterly-report.inputs';
import { renderReportPdf } from './quarterly-report.pdf';

const pad = (n: number) => String(n).padStart(2, '0');
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The same day a year before (29/02 → 28/02). */
export function yearBefore(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y - 1}-${pad(m)}-${pad(m === 2 && d === 29 && !isLeap(y - 1) ? 28 : d)}`;
}

/** The days of a quarter (or of the whole year). */
export function quarterDays(year: number, quarter: number | null): { from: string; to: string } {
  if (!quarter) return { from: `${year}-01-01`, to: `${year}-12-31` };
  const end = new Date(Date.UTC(year, quarter * 3, 0)).getUTCDate();
  return { from: `${year}-${pad(quarter * 3 - 2)}-01`, to: `${year}-${pad(quarter * 3)}-${pad(end)}` };
}

/** "Quý 3 năm 2026", "năm 2023". */
export const periodWords = (year: number, quarter: number | null) => (quarter ? `Quý ${quarter} năm ${year}` : `năm ${year}`);

/** A province's name without its kind: "Tỉnh Hà Tĩnh" → "Hà Tĩnh", "Thành phố Hà Nội" → "Hà Nội". */
export const bareName = (name: string) => name.replace(/^(Tỉnh|Thành phố)\s+/i, '');

const count = (value: number | null | undefined): ReportCellInput => ({ value: value ?? null, kind: 'count' });
const share = (value: number | null | undefined): ReportCellInput => ({ value: value ?? null, kind: 'share' });
const change = (now: number | null, before: number | null): ReportCellInput => ({ value: now !== null && before ? (now - before) / before : null, kind: 'change' });

/** The figures of the first table: [label, key, kind]. */
const FIGURES: Array<[string, keyof DossierVolumeRow, 'count' | 'share']> = [
  ['Tổng số hồ sơ tiếp nhận', 'received', 'count'],
  ['Tiếp nhận qua dịch vụ BCCI', 'receivedViaBcci', 'count'],
  ['Trả kết quả qua dịch vụ BCCI', 'resultsReturnedViaBcci', 'count'],
  ['Tiếp nhận và trả kết quả qua dịch vụ BCCI (cả hai chiều, theo đơn vị báo cáo)', 'receivedAndReturnedViaBcci', 'count'],
  ['Tổng số lượt qua dịch vụ BCCI (tiếp nhận và trả kết quả)', 'totalViaBcci', 'count'],
  ['Tiếp nhận trực tuyến', 'online', 'count'],
  ['Tiếp nhận trực tiếp tại Bộ phận Một cửa', 'atDesk', 'count'],
  ['Hồ sơ giải quyết đúng hạn', 'resolvedOnTime', 'count'],
  ['Hồ sơ giải quyết quá hạn', 'resolvedLate', 'count'],
  ['Tỷ lệ giải quyết đúng hạn', 'onTimeRate', 'share'],
  ['Tỷ lệ giải quyết quá hạn', 'overdueRate', 'share'],
];

/** Where a report's figures come from, in words, with each reported figure's source. */
function sourceLines(report: DossierVolumeReport, label: string): string[] {
  const { totals } = report;
  if (totals.sources.length === 0 && totals.aggregateFigures.length === 0) return [`${label}: chưa có số liệu.`];
  const lines = [`${label}: ${totals.sources.map((s) => SOURCE_LABEL[s].toLocaleLowerCase('vi')).join(' và ') || 'chưa có số liệu'}.`];
  for (const { figure, countedHere } of totals.aggregateFigures) {
    lines.push(`- Số liệu đơn vị báo cáo (${shownDay(figure.periodStart)} – ${shownDay(figure.periodEnd)}): ${figure.source}${countedHere ? '' : ' (đã gồm trong số liệu của đơn vị, không cộng lại)'}.`);
  }
  return lines;
}

/** "Có 3 chỉ tiêu: 1 đạt, 1 gần đạt, 1 chưa đạt." */
function targetSummary(progress: TargetProgress[]): string {
  const counts = Object.values(TargetLight)
    .map((light) => [light, progress.filter((p) => p.light === light).length] as const)
    .filter(([, n]) => n > 0)
    .map(([light, n]) => `${n} ${LIGHT_LABEL[light].toLocaleLowerCase('vi')}`);
  return `Có ${progress.length} chỉ tiêu: ${counts.join(', ')}.`;
}

@Injectable()
export class QuarterlyReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: ReportService,
    private readonly targets: ReportTargetService,
  ) {}

  /** The quarterly report of a unit as the file asked for. */
  async render(actor: Actor, input: QuarterlyReportInput): Promise<ExportedFile> {
    const model = await this.model(actor, input);
    const name = fileSlug(`bao cao ${input.quarter ? `quy ${input.quarter} ` : 'nam '}${input.year} ${model.unitSlug}`);
    if (input.format === ReportFileFormat.PDF) {
      const pdf = await renderReportPdf(model.report, { placeName: model.place, issuedAt: model.issuedAt, title: `${model.report.title} ${model.report.subtitle}` });
      return { fileName: `${name}.pdf`, contentType: 'application/pdf', contentBase64: pdf.toString('base64'), rowCount: model.rowCount };
    }
    const file = await reportWorkbook(model.report, input.quarter ? `Quý ${input.quarter}-${input.year}` : `Năm ${input.year}`, name);
    return { ...file, rowCount: model.rowCount };
  }

  /** The report's content, the same for both files. */
  async model(actor: Actor, input: QuarterlyReportInput): Promise<{ report: OfficialReport; place: string; issuedAt: Date; unitSlug: string; rowCount: number }> {
    const quarter = input.quarter ?? null;
    const today = todayInVietnam();
    const days = quarterDays(input.year, quarter);
    if (days.from > today) {
      throw badInput(quarter ? 'quarter' : 'year', { vi: `${periodWords(input.year, quarter)} chưa bắt đầu: chưa có gì để báo cáo.`, en: 'That period has not begun: there is nothing to report yet.' });
    }
    const to = days.to < today ? days.to : today;
    const granularity = quarter ? ReportGranularity.QUARTER : ReportGranularity.YEAR;
    const current = await this.reports.dossierVolumes(actor, { unit: input.unit ?? null, from: days.from, to, granularity, breakdown: VolumeBreakdown.CHILD_UNIT });
    const unit = current.unitId;
    const previous = await this.reports.dossierVolumes(actor, { unit: unit ?? input.unit ?? null, from: yearBefore(days.from), to: yearBefore(to), granularity, breakdown: VolumeBreakdown.NONE });
    let progress: TargetProgress[] = [];
    let targetsProblem: string | null = null;
    try {
      progress = await this.targets.progress(actor, { ...(unit ? { unitId: unit, includeSubunits: true } : {}), from: days.from, to: days.to });
    } catch (error) {
      // More targets than one answer holds (MAX_PROGRESS): the report says so rather than failing.
      if (!(error instanceof AppError && error.code === 'BAD_USER_INPUT')) throw error;
      targetsProblem = `Có hơn ${MAX_PROGRESS} chỉ tiêu trong kỳ: xem đầy đủ tại trang Báo cáo → Chỉ tiêu.`;
    }

    const [province]: Array<{ name: string; is_self: boolean }> = unit
      ? await this.dataSource.query(`SELECT p.name, p.id = $1::uuid AS is_self FROM administrative_unit p WHERE p.id = osp_province_of($1::uuid)`, [unit])
      : [];
    const place = province ? bareName(province.name) : 'Hà Nội';
    const issuedAt = new Date();
    const words = periodWords(input.year, quarter);
    const previousWords = quarter ? `Quý ${quarter}/${input.year - 1}` : `Năm ${input.year - 1}`;
    const currentWords = quarter ? `Quý ${quarter}/${input.year}` : `Năm ${input.year}`;
    const running = to < days.to;

    const blocks: ReportBlock[] = [];
    blocks.push({ heading: 'I. KẾT QUẢ TIẾP NHẬN HỒ SƠ VÀ TRẢ KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH QUA DỊCH VỤ BƯU CHÍNH CÔNG ÍCH' });
    blocks.push({
      text:
        `Phạm vi báo cáo: ${current.unitName}; số liệu từ ngày ${shownDay(days.from)} đến ngày ${shownDay(to)}` +
        `${running ? ` (${words.charAt(0).toLocaleLowerCase('vi') + words.slice(1)} chưa kết thúc: tính đến ngày ${shownDay(to)})` : ''}, ` +
        `so sánh với cùng kỳ năm ${input.year - 1} (từ ngày ${shownDay(yearBefore(days.from))} đến ngày ${shownDay(yearBefore(to))}), theo địa giới hành chính ngày ${shownDay(current.asOf)}.`,
    });
    blocks.push({ heading: '1. Kết quả theo kênh tiếp nhận và trả kết quả' });
    const stated = FIGURES.filter(([, key]) => key !== 'receivedAndReturnedViaBcci' || current.totals[key] !== null || previous.totals[key] !== null);
    blocks.push({
      table: {
        columns: [
          { header: 'STT' },
          { header: 'Nội dung', span: 2 },
          { header: currentWords, group: 'Số hồ sơ' },
          { header: `Cùng kỳ ${previousWords}`, group: 'Số hồ sơ' },
          { header: 'Tăng (+), giảm (−)', span: 2 },
          { header: 'Ghi chú' },
        ],
        rows: stated.map(([label, key, kind], i) => {
          const now = current.totals[key] as number | null;
          const before = previous.totals[key] as number | null;
          return [String(i + 1), label, kind === 'count' ? count(now) : share(now), kind === 'count' ? count(before) : share(before), kind === 'count' ? change(now, before) : null, ''];
        }),
      },
    });
    for (const line of sourceLines(current, `Nguồn số liệu ${currentWords}`)) blocks.push({ text: line, italic: true });
    for (const line of sourceLines(previous, `Nguồn số liệu cùng kỳ ${previousWords}`)) blocks.push({ text: line, italic: true });
    if (current.note) blocks.push({ text: `Ghi chú: ${current.note}`, italic: true });

    blocks.push({ heading: '2. Kết quả theo đơn vị trực thuộc' });
    const unitRow = (name: string, r: DossierVolumeRow, index: string): ReportCellInput[] => [
      index,
      name,
      count(r.received),
      count(r.receivedViaBcci),
      count(r.resultsReturnedViaBcci),
      count(r.totalViaBcci),
      count(r.online),
      count(r.atDesk),
      share(r.onTimeRate),
    ];
    const rows = current.rows.map((r, i) =>
      unitRow(r.name, r, String(i + 1)),
    );
    if (rows.length) {
      blocks.push({
        table: {
          columns: [
            { header: 'STT' },
            { header: 'Đơn vị' },
            { header: 'Tổng số hồ sơ tiếp nhận' },
            { header: 'Tiếp nhận', group: 'Qua dịch vụ bưu chính công ích' },
            { header: 'Trả kết quả', group: 'Qua dịch vụ bưu chính công ích' },
            { header: 'Tổng số lượt', group: 'Qua dịch vụ bưu chính công ích' },
            { header: 'Trực tuyến' },
            { header: 'Trực tiếp tại Bộ phận Một cửa' },
            { header: 'Tỷ lệ đúng hạn' },
          ],
          rows: [...rows, unitRow('Tổng cộng', current.totals, '')],
          totalRow: true,
        },
      });
    } else {
      blocks.push({ text: 'Chưa có số liệu theo đơn vị trực thuộc trong kỳ báo cáo.' });
    }

    blocks.push({ heading: 'II. TÌNH HÌNH THỰC HIỆN CHỈ TIÊU' });
    if (targetsProblem) blocks.push({ text: targetsProblem });
    else if (progress.length === 0) blocks.push({ text: `Chưa có chỉ tiêu nào được giao cho kỳ báo cáo.` });
    else {
      blocks.push({ text: `${targetSummary(progress)} Tỷ lệ thực hiện tính trên kỳ của từng chỉ tiêu, đến ngày ${shownDay(today)} nếu kỳ chưa kết thúc.` });
      blocks.push({
        table: {
          columns: [
            { header: 'STT' },
            { header: 'Đơn vị' },
            { header: 'Chỉ tiêu', span: 2 },
            { header: 'Kỳ' },
            { header: 'Mục tiêu (%)', kind: 'percent' },
            { header: 'Thực hiện (%)', kind: 'percent' },
            { header: 'Chênh lệch (điểm %)', kind: 'percent' },
            { header: 'Đánh giá' },
          ],
          rows: progress.map((p, i) => [
            String(i + 1),
            p.unitName,
            METRIC_LABEL[p.target.metric],
            `${shownDay(p.target.periodStart)} – ${shownDay(p.target.periodEnd)}`,
            { value: p.target.targetPercent, kind: 'percent' },
            { value: p.actualPercent, kind: 'percent' },
            { value: p.gapPoints, kind: 'percent' },
            { value: LIGHT_LABEL[p.light], bold: p.light === TargetLight.BEHIND },
          ]),
        },
      });
    }
    blocks.push({ heading: 'III. NHẬN XÉT, KIẾN NGHỊ' });
    blocks.push({ text: '…………………………………………………………………………………………………………………………………\n…………………………………………………………………………………………………………………………………' });

    const report: OfficialReport = {
      parentIssuer: province ? `UBND ${province.name}` : undefined,
      issuer: 'Ban Chỉ đạo Đề án',
      number: 'Số:        /BC-BCĐ',
      placeAndDate: placeAndDate(place, issuedAt),
      title: 'BÁO CÁO',
      subtitle: `Kết quả tiếp nhận hồ sơ và trả kết quả giải quyết thủ tục hành chính qua dịch vụ bưu chính công ích, ${words}`,
      blocks,
      recipients: [`- ${province ? `UBND ${province.name.charAt(0).toLocaleLowerCase('vi')}${province.name.slice(1)}` : 'Cơ quan cấp trên'} (để báo cáo);`, '- Thành viên Ban Chỉ đạo;', '- Bưu điện tỉnh;', '- Lưu: VT.'],
      signature: { lines: ['TM. BAN CHỈ ĐẠO', 'TRƯỞNG BAN'], note: '(Ký, ghi rõ họ tên)' },
      grid: [7, 30, 13, 13, 13, 13, 13, 13, 12],
    };
    const unitSlug = unit && province?.is_self ? bareName(current.unitName) : current.unitName;
    return { report, place, issuedAt, unitSlug, rowCount: current.rows.length + progress.length };
  }
}
