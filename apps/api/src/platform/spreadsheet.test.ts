import { inflateRawSync } from 'node:zlib';
import readXlsxFile from 'read-excel-file/node';
import { EXCEL_DAY_FORMAT, XLSX, dayCell, spreadsheet } from './spreadsheet';

/** The files of a zip (an .xlsx is one), read from its central directory. */
function unzip(buffer: Buffer): Map<string, string> {
  const files = new Map<string, string>();
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extra = buffer.readUInt16LE(at + 30);
    const comment = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(start, start + size);
    files.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

/** A cell of the first sheet as written: its type attribute, style index and raw value. */
function cellOf(files: Map<string, string>, ref: string) {
  const sheet = files.get('xl/worksheets/sheet1.xml')!;
  const match = new RegExp(`<c r="${ref}"([^>]*)>(.*?)</c>`).exec(sheet);
  if (!match) return null;
  const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(match[1])?.[1];
  return { type: attr('t'), style: attr('s'), value: /<v>(.*?)<\/v>/.exec(match[2])?.[1] };
}

/** The number format code of a style index (styles.xml's cellXfs and numFmts). */
function formatOf(files: Map<string, string>, style: string): string | undefined {
  const styles = files.get('xl/styles.xml')!;
  const xfs = /<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(styles)![1].match(/<xf\b[^>]*\/?>/g)!;
  const id = /numFmtId="(\d+)"/.exec(xfs[Number(style)])?.[1];
  return new RegExp(`<numFmt numFmtId="${id}" formatCode="([^"]*)"`).exec(styles)?.[1];
}

describe('spreadsheets', () => {
  it('a day is an Excel date (a serial number) shown dd/MM/yyyy, not text', async () => {
    const file = await spreadsheet('Đơn vị thí điểm', ['Bộ phận', 'Khai trương dự kiến', 'Ngày khai trương'], [['Xã Kỳ Bắc', dayCell('2026-03-31'), dayCell(null)]], [30, 16, 16], 'thu');
    expect(file).toMatchObject({ fileName: 'thu.xlsx', contentType: XLSX, rowCount: 1 });
    const buffer = Buffer.from(file.contentBase64, 'base64');
    const files = unzip(buffer);

    const day = cellOf(files, 'B2')!;
    // A number (no t="s" / t="str" / t="inlineStr"): 31/03/2026 is day 46112 since 30/12/1899.
    expect(day.type).toBeUndefined();
    expect(day.value).toBe('46112');
    expect(formatOf(files, day.style!)).toBe(EXCEL_DAY_FORMAT);
    expect(EXCEL_DAY_FORMAT).toBe('dd/mm/yyyy');
    // A missing day is an empty cell, not a text.
    expect(cellOf(files, 'C2')?.value).toBeUndefined();
    // Text stays text.
    expect(cellOf(files, 'A2')!.type).toMatch(/^(s|inlineStr|str)$/);

    // Read back as a reader (and Excel) does: a date of that day.
    const [sheet] = await readXlsxFile(buffer);
    expect(sheet.data[1][1]).toEqual(new Date(Date.UTC(2026, 2, 31)));
    expect(sheet.data[1][2]).toBeNull();
  });

  it('a day is the same day whatever the zone of the server', () => {
    expect(dayCell('2026-01-01')!.value.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(dayCell('2026-01-01T00:00:00')!.value.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(dayCell('')).toBeNull();
    expect(() => dayCell('01/01/2026')).toThrow();
  });
});
