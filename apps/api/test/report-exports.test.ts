/**
 * Report downloads (issue 13): a report grid's .xlsx holds the figures its grid query answers (the same
 * service result, written through platform/spreadsheet.ts: counts as numbers with a thousands
 * separator, days as dates, Vietnamese headers), with the grid's scope.
 */
import ExcelJS from 'exceljs';
import { EXCEL_COUNT_FORMAT, EXCEL_DAY_FORMAT, EXCEL_SHARE_FORMAT, XLSX } from '../src/platform/spreadsheet';
import { failure, ok, startTestApp, type TestApp } from './harness';

let t: TestApp;

const FILE = 'fileName contentType contentBase64 rowCount';
const VOLUMES = `query($filter: DossierVolumeFilter!) { dossierVolumes(filter: $filter) {
  unitName rows { name period { label } received receivedViaBcci resultsReturnedViaBcci totalViaBcci online atDesk onTimeRate sources }
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
    expect(String(row.get('Nguồn số liệu')!.value)).toContain('[seed-000]');

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
