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
