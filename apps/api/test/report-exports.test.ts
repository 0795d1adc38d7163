/**
 * Report downloads (issue 13): a report grid's .xlsx holds the figures its grid query answers (the same
 * service result, written through platform/spreadsheet.ts: counts as numbers with a thousands
 * separator, days as dates, Vietnamese headers), with the grid's scope. The quarterly report (báo cáo
 * quý) holds dossierVolumes' figures of its unit and quarter beside the same quarter a year before, by
 * child unit, and targetProgress's targets, laid out as Decree 30/2020 lays out a report, in .xlsx
 * (read back with exceljs) and in PDF (its text read back with pdfjs: every diacritic survives).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { EXCEL_COUNT_FORMAT, EXCEL_DAY_FORMAT, EXCEL_SHARE_FORMAT, XLSX } from '../src/platform/spreadsheet';
import { failure, ok, startTestApp, type TestApp } from './harness';

let t: TestApp;

const FILE = 'fileName contentType contentBase64 rowCount';
const VOLUMES = `query($filter: DossierVolumeFilter!) { dossierVolumes(filter: $filter) {
  unitName rows { kind name period { label } received receivedViaBcci resultsReturnedViaBcci totalViaBcci online atDesk onTimeRate sources }
  totals { received receivedViaBcci resultsReturnedViaBcci totalViaBcci online atDesk onTimeRate aggregateFigures { figure { source } } } note } }`;
const EXPORT_VOLUMES = `query($filter: DossierVolumeFilter!) { exportDossierVolumes(filter: $filter) { ${FILE} } }`;
const PROGRESS = `query($filter: ReportTargetFilter) { targetProgress(filter: $filter) { unitName light received counted actualPercent gapPoints target { metric targetPercent periodStart periodEnd basis } } }`;
const EXPORT_PROGRESS = `query($filter: ReportTargetFilter) { exportTargetProgress(filter: $filter) { ${FILE} } }`;
const SET = `mutation($input: SetReportTargetInput!) { setReportTarget(input: $input) { reportTarget { id } } }`;

/** The first sheet of an .xlsx file as exceljs reads it. */
async function sheetOf(file: { contentBase64: string }): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as never);
  return book.worksheets[0];
}

/** The row whose first cell is `first`, as a map header → cell. */
function rowByFirst(sheet: ExcelJS.Worksheet, headerRow: number, first: string | RegExp): Map<string, ExcelJS.Cell> {
  const header = sheet.getRow(headerRow);
  for (let n = headerRow + 1; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n);
    const value = String(row.getCell(1).value ?? '');
    if (typeof first === 'string' ? value === first : first.test(value)) {
      const out = new Map<string, ExcelJS.Cell>();
      header.eachCell((cell, column) => out.set(String(cell.value), row.getCell(column)));
      return out;
    }
  }
  throw new Error(`no row ${first}`);
}

/** The text of a PDF, page by page, as a reader extracts it (pdfjs is an ES module: a child node runs it, as documents.test.ts does). */
function pdfText(base64: string): string[] {
  const reader = `
import { readFileSync } from 'node:fs';
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(0)), verbosity: 0, isEvalSupported: false }).promise;
const { info } = await doc.getMetadata();
const pages = [];
for (let n = 1; n <= doc.numPages; n++) {
  const content = await (await doc.getPage(n)).getTextContent();
  pages.push(content.items.map((item) => item.str + (item.hasEOL ? '\\n' : '')).join(''));
}
process.stdout.write(JSON.stringify({ title: info.Title, pages }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', reader], { input: Buffer.from(base64, 'base64'), cwd: join(__dirname, '..'), maxBuffer: 64 * 1024 * 1024 });
  const read = JSON.parse(out.toString('utf8')) as { title: string; pages: string[] };
  return [read.title, ...read.pages];
}

/** Every cell's text of a sheet, row by row (merged cells once). */
function textOf(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell((cell) => {
      if (cell.isMerged && cell.master !== cell) return;
      cells.push(cell.value === null || cell.value === undefined ? '' : String(cell.value));
    });
    rows.push(cells);
  });
  return rows;
}

/** The row of a sheet whose cells include `label`, as its cells. */
function rowWith(sheet: ExcelJS.Worksheet, label: string): ExcelJS.Cell[] {
  let found: ExcelJS.Cell[] | null = null;
  sheet.eachRow((row) => {
    if (found) return;
    const cells: ExcelJS.Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => {
      if (!(cell.isMerged && cell.master !== cell)) cells.push(cell);
    });
    if (cells.some((c) => c.value === label)) found = cells;
  });
  if (!found) throw new Error(`no row ${label}`);
  return found;
}

const QUARTERLY = `query($input: QuarterlyReportInput!) { quarterlyReport(input: $input) { ${FILE} } }`;

beforeAll(async () => {
  t = await startTestApp({ signInAs: 'hatinh.bcd' });
}, 180_000);
afterAll(() => t?.close());

describe('the volumes grid downloads as .xlsx with the figures the grid shows', () => {
  it('Hà Tĩnh 2023: 45.757 received and 216.968 returned via BCCI, 262.725 in all, as numbers, with their source', async () => {
    const filter = { from: '2023-01-01', to: '2023-12-31', granularity: 'YEAR', breakdown: 'NONE' };
    const grid = ok(await t.gql(VOLUMES, { filter })).dossierVolumes;
    const file = ok(await t.gql(EXPORT_VOLUMES, { filter })).exportDossierVolumes;
    expect(file).toMatchObject({ fileName: 'so-luong-ho-so-tinh-ha-tinh-nam-2023.xlsx', contentType: XLSX, rowCount: grid.rows.length + 1 + (grid.note ? 2 : 0) });
    const sheet = await sheetOf(file);
    expect(sheet.name).toBe('Số lượng hồ sơ');
    expect(String(sheet.getCell('A1').value)).toBe('Số lượng hồ sơ tiếp nhận và trả kết quả – Tỉnh Hà Tĩnh, từ 01/01/2023 đến 31/12/2023');
    expect(sheet.getRow(2).values).toEqual(
      expect.arrayContaining(['Tên', 'Kỳ', 'Hồ sơ tiếp nhận', 'Tiếp nhận qua BCCI', 'Trả kết quả qua BCCI', 'Tổng số qua BCCI', 'Tiếp nhận trực tuyến', 'Tỷ lệ đúng hạn', 'Nguồn số liệu']),
    );

    const row = rowByFirst(sheet, 2, 'Tỉnh Hà Tĩnh');
    expect(row.get('Kỳ')!.value).toBe('Năm 2023');
    expect(row.get('Tiếp nhận qua BCCI')!.value).toBe(45_757);
    expect(row.get('Trả kết quả qua BCCI')!.value).toBe(216_968);
    expect(row.get('Tổng số qua BCCI')!.value).toBe(262_725);
    expect(row.get('Tổng số qua BCCI')!.numFmt).toBe(EXCEL_COUNT_FORMAT);
    // No source states what was received in all: an empty cell, not a zero.
    expect(row.get('Hồ sơ tiếp nhận')!.value).toBeNull();
    expect(String(row.get('Nguồn số liệu')!.value)).toContain('Số liệu đơn vị báo cáo');
    expect(String(row.get('Nguồn số liệu')!.value)).toContain('Hà Tĩnh đồng hành giải quyết thủ tục hành chính');

    const totals = rowByFirst(sheet, 2, 'Tổng cộng: Tỉnh Hà Tĩnh');
    expect(totals.get('Tổng số qua BCCI')!.value).toBe(grid.totals.totalViaBcci);
    expect(totals.get('Tổng số qua BCCI')!.font?.bold).toBe(true);
    // The desk's own figure is listed with its source, not added.
    expect(String(totals.get('Nguồn số liệu')!.value)).toContain('không cộng lại');
    expect(String(rowByFirst(sheet, 2, /^Ghi chú: /).get('Tên')!.value)).toContain(grid.note);
  });

  it('keeps the grid’s scope: a clerk is FORBIDDEN, another province’s unit too', async () => {
    const filter = { unit: '42', from: '2023-01-01', to: '2023-12-31', granularity: 'YEAR' };
    expect(failure(await t.gql(EXPORT_VOLUMES, { filter }, { as: 'hatinh.quay' })).extensions.code).toBe('FORBIDDEN');
    expect(failure(await t.gql(EXPORT_VOLUMES, { filter }, { as: 'dongnai.bcd' })).extensions.code).toBe('FORBIDDEN');
  });
});

describe('the targets grid downloads as .xlsx with the progress the grid shows', () => {
  it('a commune’s online target: the light in Vietnamese, per cents and counts as numbers, the period as dates', async () => {
    const [commune] = await t.sql(
      `SELECT c.code FROM administrative_unit c JOIN administrative_unit p ON c.path <@ p.path
        WHERE p.code = '42' AND p.valid_to IS NULL AND c.level = 'COMMUNE' AND c.valid_to IS NULL AND c.valid_from <= '2026-01-01' ORDER BY c.code LIMIT 1`,
    );
    ok(await t.gql(SET, { input: { administrativeUnitCode: commune.code, metric: 'ONLINE_SHARE', periodStart: '2026-01-01', periodEnd: '2026-12-31', targetPercent: 32.5, basis: 'Tiêu chí 8' } }));
    const filter = { from: '2026-01-01', to: '2026-12-31' };
    const grid = ok(await t.gql(PROGRESS, { filter })).targetProgress;
    expect(grid.length).toBeGreaterThan(0);
    const file = ok(await t.gql(EXPORT_PROGRESS, { filter })).exportTargetProgress;
    expect(file).toMatchObject({ fileName: 'chi-tieu-01-01-2026-31-12-2026.xlsx', contentType: XLSX, rowCount: grid.length });
    const sheet = await sheetOf(file);
    expect(String(sheet.getCell('A1').value)).toBe('Tình hình thực hiện chỉ tiêu, kỳ từ 01/01/2026 đến 31/12/2026');
    grid.forEach((p: any, i: number) => {
      const row = sheet.getRow(3 + i);
      expect(row.getCell(1).value).toBe(p.unitName);
    });
    const mine = grid.findIndex((p: any) => p.target.basis === 'Tiêu chí 8');
    const row = rowByFirst(sheet, 2, grid[mine].unitName);
    const light = { ON_TARGET: 'Đạt', CLOSE: 'Gần đạt', BEHIND: 'Chưa đạt', NO_DATA: 'Chưa có số liệu', NOT_STARTED: 'Chưa đến kỳ' } as Record<string, string>;
    expect(row.get('Đánh giá')!.value).toBe(light[grid[mine].light]);
    expect(row.get('Chỉ tiêu')!.value).toBe('Tỷ lệ hồ sơ trực tuyến');
    expect(row.get('Mục tiêu (%)')!.value).toBe(32.5);
    expect(row.get('Từ ngày')!.value).toEqual(new Date(Date.UTC(2026, 0, 1)));
    expect(row.get('Từ ngày')!.numFmt).toBe(EXCEL_DAY_FORMAT);
    expect(row.get('Hồ sơ tiếp nhận')!.value).toBe(grid[mine].received);
    expect(row.get('Thực hiện (%)')!.value).toBe(grid[mine].actualPercent);
    expect(EXCEL_SHARE_FORMAT).toBe('0.0%');
  });

  it('keeps the grid’s scope: a counter clerk is FORBIDDEN', async () => {
    expect(failure(await t.gql(EXPORT_PROGRESS, { filter: {} }, { as: 'hatinh.quay' })).extensions.code).toBe('FORBIDDEN');
  });
});

describe('the quarterly report (báo cáo quý)', () => {
  // Dossiers of a Hà Tĩnh desk in the third quarter of 2026 and of 2025 (the same quarter a year before).
  beforeAll(async () => {
    const [desk] = await t.sql(`SELECT k.id, k.province_id, k.agency_id FROM one_stop_desk k WHERE k.code = '42-UBND-446-MC'`);
    const rows: Array<[string, string, number[]]> = [
      // day, channel, received, via BCCI, returned via BCCI, online, at desk, resolved on time, late
      ['2026-08-14', 'AT_DESK', [40, 0, 6, 0, 40, 33, 3]],
      ['2026-08-14', 'AT_POST_OFFICE', [15, 15, 9, 0, 0, 12, 1]],
      ['2026-09-02', 'ONLINE_WITH_POSTAL_PICKUP', [25, 0, 20, 25, 0, 20, 0]],
      ['2025-08-20', 'AT_DESK', [50, 0, 2, 0, 50, 40, 10]],
      ['2025-08-20', 'AT_POST_OFFICE', [5, 5, 4, 0, 0, 5, 0]],
    ];
    for (const [day, channel, [received, bcci, returned, online, atDesk, onTime, late]] of rows) {
      await t.sql(
        `INSERT INTO dossier_daily_rollup (province_id, desk_id, post_office_id, agency_id, day, channel, received, received_via_bcci, results_returned_via_bcci, online, at_desk, resolved_on_time, resolved_late)
         VALUES ($1, $2, NULL, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [desk.province_id, desk.id, desk.agency_id, day, channel, received, bcci, returned, online, atDesk, onTime, late],
      );
    }
  });

  const Q3 = { from: '2026-07-01', to: '2026-09-30', granularity: 'QUARTER' };

  it('as .xlsx: the national heading, the title, the figures of dossierVolumes beside the same quarter of 2025, by child unit, in Times New Roman', async () => {
    const now = ok(await t.gql(VOLUMES, { filter: { ...Q3, breakdown: 'CHILD_UNIT' } })).dossierVolumes;
    const before = ok(await t.gql(VOLUMES, { filter: { from: '2025-07-01', to: '2025-09-30', granularity: 'QUARTER', breakdown: 'NONE' } })).dossierVolumes;
    expect(now.totals.received).toBe(80);
    const file = ok(await t.gql(QUARTERLY, { input: { unit: '42', year: 2026, quarter: 3, format: 'XLSX' } })).quarterlyReport;
    expect(file).toMatchObject({ fileName: 'bao-cao-quy-3-2026-ha-tinh.xlsx', contentType: XLSX });
    const sheet = await sheetOf(file);
    const text = textOf(sheet);
    expect(text[0]).toEqual(['UBND TỈNH HÀ TĨNH', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
    expect(text[1]).toEqual(['BAN CHỈ ĐẠO ĐỀ ÁN', 'Độc lập - Tự do - Hạnh phúc']);
    expect(text[2][0]).toMatch(/^Số:\s+\/BC-BCĐ$/);
    expect(text[2][1]).toMatch(/^Hà Tĩnh, ngày \d{2} tháng \d{2} năm \d{4}$/);
    const flat = text.map((r) => r.join(' | '));
    expect(flat).toContain('BÁO CÁO');
    expect(flat).toContain('Kết quả tiếp nhận hồ sơ và trả kết quả giải quyết thủ tục hành chính qua dịch vụ bưu chính công ích, Quý 3 năm 2026');
    expect(sheet.getCell('A1').font.name).toBe('Times New Roman');
    expect(sheet.getCell('A1').isMerged).toBe(true);

    // The figures by channel: this quarter and the same quarter of 2025, as numbers; the change as a share.
    const received = rowWith(sheet, 'Tổng số hồ sơ tiếp nhận');
    expect(received.slice(2, 5).map((c) => c.value)).toEqual([now.totals.received, before.totals.received, (now.totals.received - before.totals.received) / before.totals.received]);
    expect(received[2].numFmt).toBe(EXCEL_COUNT_FORMAT);
    expect(received[2].border.top?.style).toBe('thin');
    expect(rowWith(sheet, 'Tiếp nhận qua dịch vụ BCCI')[2].value).toBe(now.totals.receivedViaBcci);
    expect(rowWith(sheet, 'Trả kết quả qua dịch vụ BCCI')[2].value).toBe(now.totals.resultsReturnedViaBcci);
    expect(rowWith(sheet, 'Tiếp nhận trực tuyến')[2].value).toBe(now.totals.online);
    expect(rowWith(sheet, 'Tiếp nhận trực tiếp tại Bộ phận Một cửa')[2].value).toBe(now.totals.atDesk);
    const onTime = rowWith(sheet, 'Tỷ lệ giải quyết đúng hạn')[2];
    expect(onTime.value).toBeCloseTo(now.totals.onTimeRate, 10);
    expect(onTime.numFmt).toBe(EXCEL_SHARE_FORMAT);
    expect(flat.some((r) => r.startsWith('Nguồn số liệu Quý 3/2026: từ hồ sơ trên hệ thống.'))).toBe(true);

    // By child unit: each row of dossierVolumes' breakdown, then the totals.
    for (const row of now.rows) expect(rowWith(sheet, row.name)[2].value).toBe(row.received);
    expect(rowWith(sheet, 'Tổng cộng')[2].value).toBe(now.totals.received);
    expect(rowWith(sheet, 'Tổng cộng')[2].font.bold).toBe(true);
    expect(flat).toContain('II. TÌNH HÌNH THỰC HIỆN CHỈ TIÊU');
    expect(flat.some((r) => r.startsWith('Nơi nhận:') && r.includes('TM. BAN CHỈ ĐẠO'))).toBe(true);
  });

  it('a whole year holds the seeds’ Hà Tĩnh 2023 figures: 45.757 + 216.968 = 262.725, with their source', async () => {
    const file = ok(await t.gql(QUARTERLY, { input: { year: 2023, format: 'XLSX' } })).quarterlyReport;
    expect(file.fileName).toBe('bao-cao-nam-2023-ha-tinh.xlsx');
    const sheet = await sheetOf(file);
    expect(rowWith(sheet, 'Tiếp nhận qua dịch vụ BCCI')[2].value).toBe(45_757);
    expect(rowWith(sheet, 'Trả kết quả qua dịch vụ BCCI')[2].value).toBe(216_968);
    expect(rowWith(sheet, 'Tổng số lượt qua dịch vụ BCCI (tiếp nhận và trả kết quả)')[2].value).toBe(262_725);
    // No source states the received total: an empty cell, not a zero.
    expect(rowWith(sheet, 'Tổng số hồ sơ tiếp nhận')[2].value).toBeNull();
    const flat = textOf(sheet).map((r) => r.join(' | '));
    expect(flat).toContain('Kết quả tiếp nhận hồ sơ và trả kết quả giải quyết thủ tục hành chính qua dịch vụ bưu chính công ích, năm 2023');
    expect(flat.some((r) => r.includes('Hà Tĩnh đồng hành giải quyết thủ tục hành chính'))).toBe(true);
    expect(rowWith(sheet, 'Trực thuộc Tỉnh Hà Tĩnh')[5].value).toBe(262_725);
  });

  it('as PDF: the heading, the title and the figures with their diacritics, as a reader extracts them', async () => {
    const file = ok(await t.gql(QUARTERLY, { input: { unit: '42', year: 2026, quarter: 3, format: 'PDF' } })).quarterlyReport;
    expect(file).toMatchObject({ fileName: 'bao-cao-quy-3-2026-ha-tinh.pdf', contentType: 'application/pdf' });
    expect(Buffer.from(file.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const [title, ...pages] = pdfText(file.contentBase64);
    expect(title).toBe('BÁO CÁO Kết quả tiếp nhận hồ sơ và trả kết quả giải quyết thủ tục hành chính qua dịch vụ bưu chính công ích, Quý 3 năm 2026');
    const text = pages.join('\n').replace(/\s+/g, ' ');
    for (const words of [
      'UBND TỈNH HÀ TĨNH',
      'BAN CHỈ ĐẠO ĐỀ ÁN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'BÁO CÁO',
      'Kết quả tiếp nhận hồ sơ và trả kết quả giải quyết thủ tục hành chính qua dịch vụ bưu chính công ích, Quý 3 năm 2026',
      'I. KẾT QUẢ TIẾP NHẬN HỒ SƠ',
      'Tiếp nhận trực tiếp tại Bộ phận Một cửa',
      'Tỷ lệ giải quyết đúng hạn',
      'Nơi nhận:',
      'TM. BAN CHỈ ĐẠO',
      '(Ký, ghi rõ họ tên)',
    ]) {
      expect(text).toContain(words);
    }
    expect(text).toMatch(/Hà Tĩnh, ngày \d{2} tháng \d{2} năm \d{4}/);
    // 80 received against 55 a year before: +45,5%; 65 of 69 resolved on time: 94,2%.
    expect(text).toContain('+45,5%');
    expect(text).toContain('94,2%');
  });

  it('has the readers of dossierVolumes: a clerk and another province are FORBIDDEN; a quarter to come is refused in words', async () => {
    const input = { unit: '42', year: 2026, quarter: 3, format: 'PDF' };
    expect(failure(await t.gql(QUARTERLY, { input }, { as: 'hatinh.quay' })).extensions.code).toBe('FORBIDDEN');
    expect(failure(await t.gql(QUARTERLY, { input }, { as: 'dongnai.bcd' })).extensions.code).toBe('FORBIDDEN');
    const later = failure(await t.gql(QUARTERLY, { input: { ...input, year: 2099, quarter: 1 } }));
    expect(later.extensions.fields?.map((f) => f.field)).toEqual(['quarter']);
    expect(failure(await t.gql(QUARTERLY, { input: { ...input, quarter: 5 } })).extensions.code).toBe('BAD_USER_INPUT');
  });
});
