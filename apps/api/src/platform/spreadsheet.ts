import ExcelJS from 'exceljs';
import writeXlsxFile from 'write-excel-file/node';

/** The content type of an .xlsx file. */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** How a day reads in every export: dd/MM/yyyy (an Excel format code: d, m, y are days, months, years). */
export const EXCEL_DAY_FORMAT = 'dd/mm/yyyy';

/** A day as Excel keeps it: a date (a serial number) shown dd/MM/yyyy, so it sorts, filters and counts as a date. */
export interface DayCell {
  value: Date;
  type: typeof Date;
  format: string;
}

export type Cell = string | number | null | DayCell | { value: string | number | null; fontWeight: 'bold' };

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

/** One sheet with a bold, frozen header row; `fileName` without its .xlsx. Every export of the product goes through it. */
export async function spreadsheet(sheet: string, header: string[], rows: Cell[][], widths: number[], fileName: string): Promise<Spreadsheet> {
  const data = [header.map((value) => ({ value, fontWeight: 'bold' as const })), ...rows];
  const buffer = await writeXlsxFile(data as never, { sheet, columns: widths.map((width) => ({ width })), stickyRowsCount: 1 }).toBuffer();
  return { fileName: `${fileName}.xlsx`, contentType: XLSX, contentBase64: Buffer.from(buffer).toString('base64'), rowCount: rows.length };
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
