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
