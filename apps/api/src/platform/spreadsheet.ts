import ExcelJS from 'exceljs';
import writeXlsxFile from 'write-excel-file/node';

/** The content type of an .xlsx file. */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** How a day reads in every export: dd/MM/yyyy (an Excel format code: d, m, y are days, months, years). */
export const EXCEL_DAY_FORMAT = 'dd/mm/yyyy';

/** How a count reads: a number with a thousands separator (Excel shows it as the reader's locale writes it: 262.725 in Vietnamese). */
export const EXCEL_COUNT_FORMAT = '#,##0';
/** How a share reads: a fraction shown in per cent with one decimal (0,937 → 93,7%). */
export const EXCEL_SHARE_FORMAT = '0.0%';
/** How a percentage already in per cent (targets: 32,5) reads: with one decimal. */
export const EXCEL_PERCENT_FORMAT = '0.0';

/** A day as Excel keeps it: a date (a serial number) shown dd/MM/yyyy, so it sorts, filters and counts as a date. */
export interface DayCell {
  value: Date;
  type: typeof Date;
  format: string;
  fontWeight?: 'bold';
}

/** A number kept as a number (it adds up in Excel), shown with a format. */
export interface NumberCell {
  value: number;
  type: typeof Number;
  format: string;
  fontWeight?: 'bold';
}

export type Cell = string | number | null | DayCell | NumberCell | { value: string | number | null; fontWeight: 'bold' };

/** A count as a number cell with a thousands separator, or an empty cell (no source states it). */
export function countCell(value: number | null | undefined): NumberCell | null {
  return value === null || value === undefined ? null : { value, type: Number, format: EXCEL_COUNT_FORMAT };
}

/** A share (0–1) as a number cell shown in per cent with one decimal, or an empty cell. */
export function shareCell(value: number | null | undefined): NumberCell | null {
  return value === null || value === undefined ? null : { value, type: Number, format: EXCEL_SHARE_FORMAT };
}

/** A percentage already in per cent (0–100) with one decimal, or an empty cell. */
export function percentCell(value: number | null | undefined): NumberCell | null {
  return value === null || value === undefined ? null : { value, type: Number, format: EXCEL_PERCENT_FORMAT };
}

/** A cell in bold (a totals row). */
export function boldCell(cell: Cell): Cell {
  if (cell === null || typeof cell !== 'object') return { value: cell, fontWeight: 'bold' };
  return { ...cell, fontWeight: 'bold' } as Cell;
}

/** A file name from Vietnamese words: without diacritics, lower case, words joined by hyphens ("Quý 3 Hà Tĩnh" → "quy-3-ha-tinh"). */
export function fileSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}

/** A calendar day of the API (YYYY-MM-DD) as a date cell, or an empty cell. Midnight UTC: the day itself in any zone. */
export function dayCell(iso: string | null | undefined): DayCell | null {
  if (!iso) return null;
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!day) throw new Error(`not a day: ${iso}`);
  return { value: new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))), type: Date, format: EXCEL_DAY_FORMAT };
}

export interface Spreadsheet {
  fileName: string;
  contentType: string;
  contentBase64: string;
  rowCount: number;
}

/**
 * One sheet with a bold, frozen header row; `fileName` without its .xlsx. Every export of the product goes through it.
 * `title`: lines above the header (what the grid is: its unit, its days), bold, each across the columns.
 */
export async function spreadsheet(sheet: string, header: string[], rows: Cell[][], widths: number[], fileName: string, options: { title?: string[] } = {}): Promise<Spreadsheet> {
  const title = (options.title ?? []).map((value) => [{ value, fontWeight: 'bold' as const, columnSpan: header.length }, ...header.slice(1).map(() => null)]);
  const data = [...title, header.map((value) => ({ value, fontWeight: 'bold' as const, wrap: true })), ...rows];
  const buffer = await writeXlsxFile(data as never, { sheet: sheetName(sheet), columns: widths.map((width) => ({ width })), stickyRowsCount: title.length + 1 }).toBuffer();
  return { fileName: `${fileName}.xlsx`, contentType: XLSX, contentBase64: Buffer.from(buffer).toString('base64'), rowCount: rows.length };
}

/** A sheet's name as Excel accepts it: at most 31 characters, none of : \\ / ? * [ ]. */
export function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31).trim() || 'Sheet1';
}

/** The files an import reads. */
export type TableFormat = 'CSV' | 'XLSX';

/**
 * The cells of a file's first sheet as text, row by row (the header is row 0): how every import reads
 * its file. CSV is UTF-8 (a BOM is dropped), comma- or semicolon-separated (whichever the header uses),
 * quoted as RFC 4180 says; XLSX is read with exceljs, a date cell as dd/MM/yyyy, a number as written.
 * Fully empty rows are kept as empty arrays so row numbers match what the user sees.
 */
export async function readTable(format: TableFormat, content: Buffer): Promise<string[][]> {
  if (format === 'CSV') return readCsv(content.toString('utf8').replace(/^\uFEFF/, ''));
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(content as never);
  const sheet = book.worksheets[0];
  const rows: string[][] = [];
  if (!sheet) return rows;
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      const value = cell.value;
      let text: string;
      if (value instanceof Date) text = `${String(value.getUTCDate()).padStart(2, '0')}/${String(value.getUTCMonth() + 1).padStart(2, '0')}/${value.getUTCFullYear()}`;
      else if (value && typeof value === 'object' && 'richText' in value) text = value.richText.map((r) => r.text).join('');
      else if (value && typeof value === 'object' && 'result' in value) text = String(value.result ?? '');
      else if (value && typeof value === 'object' && 'text' in value) text = String(value.text);
      else text = value == null ? '' : String(value);
      cells[column - 1] = text;
    });
    rows[number - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(rows, (r) => r ?? []);
}

function readCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === separator) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row.length === 1 && row[0] === '' ? [] : row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

// ── Administrative reports (báo cáo) as officials file them ─────────────────

/** How a report cell's number reads: a count (262.725), a share (93,7%), a change (+12,5%), a per cent already ×100 (32,5). */
export type ReportNumberKind = 'count' | 'share' | 'change' | 'percent';

export interface ReportCell {
  value: string | number | null;
  kind?: ReportNumberKind;
  bold?: boolean;
}
export type ReportCellInput = string | number | null | ReportCell;

export interface ReportTable {
  /** Each column spans `span` columns of the page grid (default 1); the last takes what remains. `group`: a header over consecutive columns. */
  columns: Array<{ header: string; span?: number; group?: string; kind?: ReportNumberKind }>;
  rows: ReportCellInput[][];
  /** The last row is a total (bold). */
  totalRow?: boolean;
}

export type ReportBlock = { heading: string } | { text: string; italic?: boolean; bold?: boolean } | { table: ReportTable };

/**
 * An administrative report laid out as Decree 30/2020/NĐ-CP lays out a document: the issuer top left
 * (its governing body above it), the national name and motto top right, the number and the
 * place-and-date line, the centred title, the body, then "Nơi nhận:" beside the signature block. One
 * model, two files: `reportWorkbook` here (.xlsx) and the PDF of modules/reports (pdfmake).
 */
export interface OfficialReport {
  /** The governing body, e.g. "UBND tỉnh Hà Tĩnh" (capitals on the page); optional. */
  parentIssuer?: string;
  /** The issuing body, e.g. "Ban Chỉ đạo Đề án" (capitals, bold). */
  issuer: string;
  /** "Số:      /BC-BCĐ": the number left for the clerk who registers it. */
  number: string;
  /** "Hà Tĩnh, ngày 05 tháng 12 năm 2026". */
  placeAndDate: string;
  /** "BÁO CÁO" and what it reports on. */
  title: string;
  subtitle: string;
  blocks: ReportBlock[];
  recipients: string[];
  /** "TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN"; the note under it ("(Ký, ghi rõ họ tên)"). */
  signature: { lines: string[]; note: string };
  /** The page grid: the widths of its columns in Excel characters (the PDF scales them to the page). */
  grid: number[];
}

export const REPORT_FORMATS: Record<ReportNumberKind, string> = {
  count: EXCEL_COUNT_FORMAT,
  share: EXCEL_SHARE_FORMAT,
  change: '+0.0%;-0.0%;0.0%',
  percent: EXCEL_PERCENT_FORMAT,
};

export const asReportCell = (cell: ReportCellInput): ReportCell => (cell !== null && typeof cell === 'object' ? cell : { value: cell });

/** The spans of a table's columns on the page grid (the last column takes what remains). */
export function columnSpans(table: ReportTable, gridSize: number): number[] {
  const spans = table.columns.map((c) => c.span ?? 1);
  const used = spans.slice(0, -1).reduce((a, b) => a + b, 0);
  spans[spans.length - 1] = Math.max(1, gridSize - used);
  return spans;
}

const FONT = 'Times New Roman';
const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** An administrative report as an .xlsx workbook: Times New Roman, merged cells, borders, numbers as numbers. */
export async function reportWorkbook(report: OfficialReport, sheet: string, fileName: string): Promise<Spreadsheet> {
  const book = new ExcelJS.Workbook();
  book.creator = 'One-Stop Post';
  const ws = book.addWorksheet(sheetName(sheet), {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 1.18, right: 0.59, top: 0.79, bottom: 0.79, header: 0.3, footer: 0.3 } },
    views: [{ showGridLines: false }],
  });
  const n = report.grid.length;
  ws.columns = report.grid.map((width) => ({ width }));
  const left = Math.max(2, Math.round(n * 0.4));
  let row = 1;
  let dataRows = 0;

  /** Writes text across columns [from, to] of the current row, merged. */
  const put = (text: string, from: number, to: number, font: Partial<ExcelJS.Font> = {}, align: Partial<ExcelJS.Alignment> = {}) => {
    if (to > from) ws.mergeCells(row, from, row, to);
    const cell = ws.getCell(row, from);
    cell.value = text;
    cell.font = { name: FONT, size: 13, ...font };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true, ...align };
  };
  /** Room for wrapped text in merged cells (Excel does not fit a merged row's height itself). */
  const fit = (text: string, chars: number, size = 13) => {
    const lines = text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil((line.length * (size / 13)) / Math.max(chars * 0.95, 1))), 0);
    ws.getRow(row).height = Math.max(ws.getRow(row).height ?? 0, lines * size * 1.35);
  };
  const widthOf = (from: number, to: number) => report.grid.slice(from - 1, to).reduce((a, b) => a + b, 0);

  // The heading: issuer | national name and motto; number | place and date.
  put((report.parentIssuer ?? '').toLocaleUpperCase('vi'), 1, left, { size: 12 });
  put('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', left + 1, n, { size: 12, bold: true });
  row++;
  put(report.issuer.toLocaleUpperCase('vi'), 1, left, { size: 12, bold: true, underline: true });
  put('Độc lập - Tự do - Hạnh phúc', left + 1, n, { bold: true, underline: true });
  row++;
  put(report.number, 1, left, { size: 12 });
  put(report.placeAndDate, left + 1, n, { italic: true });
  row += 2;
  put(report.title, 1, n, { size: 14, bold: true });
  row++;
  put(report.subtitle, 1, n, { size: 13, bold: true });
  fit(report.subtitle, widthOf(1, n) * 0.9);
  row += 2;

  for (const block of report.blocks) {
    if ('heading' in block) {
      put(block.heading, 1, n, { bold: true }, { horizontal: 'left' });
      fit(block.heading, widthOf(1, n));
      row++;
    } else if ('text' in block) {
      put(block.text, 1, n, { italic: block.italic, bold: block.bold }, { horizontal: 'left', vertical: 'top' });
      fit(block.text, widthOf(1, n));
      row++;
    } else {
      const table = block.table;
      const spans = columnSpans(table, n);
      const starts = spans.map((_, i) => 1 + spans.slice(0, i).reduce((a, b) => a + b, 0));
      const grouped = table.columns.some((c) => c.group);
      const headerFont = { size: 11, bold: true };
      // Header: a group's title over its columns; a column without a group spans both header rows.
      table.columns.forEach((c, i) => {
        const from = starts[i];
        const to = from + spans[i] - 1;
        if (grouped && !c.group) {
          ws.mergeCells(row, from, row + 1, to);
        } else if (grouped && c.group && table.columns[i - 1]?.group !== c.group) {
          const last = table.columns.findIndex((d, j) => j > i && d.group !== c.group);
          const end = last === -1 ? n : starts[last] - 1;
          if (end > from) ws.mergeCells(row, from, row, end);
          ws.getCell(row, from).value = c.group;
        }
        const at = grouped && c.group ? row + 1 : row;
        if (!(grouped && !c.group) && to > from) ws.mergeCells(at, from, at, to);
        ws.getCell(at, from).value = c.header;
      });
      const headerRows = grouped ? 2 : 1;
      for (let r = row; r < row + headerRows; r++) {
        for (let col = 1; col <= n; col++) {
          const cell = ws.getCell(r, col);
          cell.font = { name: FONT, ...headerFont };
          cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
          cell.border = BORDER;
        }
      }
      // Heights: the lines of the longest header in its width (a header over both rows shares them).
      const linesOf = (text: string, i: number) => Math.ceil(text.length / (widthOf(starts[i], starts[i] + spans[i] - 1) * 0.85));
      const own = Math.max(1, ...table.columns.map((c, i) => (grouped && !c.group ? 0 : linesOf(c.header, i))));
      const shared = Math.max(1, ...table.columns.map((c, i) => (grouped && !c.group ? linesOf(c.header, i) : 0)));
      if (grouped) {
        ws.getRow(row + 1).height = own * 15 + 4;
        ws.getRow(row).height = Math.max(18, (shared - own) * 15 + 4);
      } else ws.getRow(row).height = own * 15 + 4;
      row += headerRows;
      table.rows.forEach((cells, index) => {
        const total = table.totalRow && index === table.rows.length - 1;
        let lines = 1;
        table.columns.forEach((c, i) => {
          const from = starts[i];
          const to = from + spans[i] - 1;
          if (to > from) ws.mergeCells(row, from, row, to);
          const cell = ws.getCell(row, from);
          const value = asReportCell(cells[i] ?? null);
          const kind = value.kind ?? c.kind;
          cell.value = value.value;
          if (typeof value.value === 'number' && kind) cell.numFmt = REPORT_FORMATS[kind];
          const text = typeof value.value === 'string' ? value.value : '';
          lines = Math.max(lines, Math.ceil(text.length / Math.max(widthOf(from, to) * 0.9, 1)));
          for (let col = from; col <= to; col++) {
            const part = ws.getCell(row, col);
            part.font = { name: FONT, size: 12, bold: total || value.bold };
            part.border = BORDER;
            part.alignment = { vertical: 'middle', horizontal: typeof value.value === 'number' ? 'right' : i === 0 ? 'center' : 'left', wrapText: true };
          }
        });
        ws.getRow(row).height = Math.max(17, lines * 16);
        row++;
        dataRows++;
      });
      row++;
    }
  }

  // "Nơi nhận:" on the left, the signature block on the right.
  row++;
  const signatureRow = row;
  put('Nơi nhận:', 1, left, { size: 12, bold: true, italic: true }, { horizontal: 'left' });
  report.recipients.forEach((r) => {
    row++;
    put(r, 1, left, { size: 11 }, { horizontal: 'left' });
  });
  row = signatureRow;
  for (const line of report.signature.lines) {
    put(line, left + 1, n, { bold: true });
    row++;
  }
  put(report.signature.note, left + 1, n, { italic: true, size: 12 });

  const buffer = await book.xlsx.writeBuffer();
  return { fileName: `${fileName}.xlsx`, contentType: XLSX, contentBase64: Buffer.from(buffer).toString('base64'), rowCount: dataRows };
}
