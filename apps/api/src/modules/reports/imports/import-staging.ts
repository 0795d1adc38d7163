import { createHash } from 'node:crypto';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import { AppError, badInput } from '../../../platform/errors';
import { COLUMNS_OF, mapHeader, STAGING_COLUMNS, type ImportKind } from './import-format';

/**
 * Staging (issue 13, "Import and export"): the uploaded file, streamed (never held whole in memory),
 * becomes rows of `import_staging_row` (the job's id, the row's number in the file, its cells as text in
 * the layout's order, import-format.ts). The content's SHA-256 and size are taken on the way.
 *
 * - CSV: UTF-8, with or without a BOM; comma or semicolon separated (whichever the header line uses
 *   more), quoted as RFC 4180 says (a quoted cell may hold separators, quotes doubled, line breaks).
 * - XLSX: exceljs's streaming reader, first sheet only; a date cell reads as dd/MM/yyyy HH:mm (its
 *   wall-clock value, Vietnam time), a number as written, or as shown when its format is plain zeros
 *   ("0.000000": a procedure code keeps its trailing zeros; numberText).
 * - The first non-empty row is the header; a required column missing refuses the file (BAD_USER_INPUT
 *   on `file`, naming the columns). Empty rows are skipped; row numbers are those the user sees
 *   (the header is row 1 when it is the first line).
 *
 * Rows reach PostgreSQL with COPY … FROM STDIN (pg-copy-streams) on a connection of its own. The
 * embedded database (PGlite behind pglite-socket) breaks on COPY FROM STDIN ("protocol
 * synchronization was lost": the connection dies), so there, and only there, rows go in batched
 * multi-row INSERTs (one JSON parameter of STAGING_BATCH rows each), like the demo seed's bulk writes.
 */

export type ImportFormat = 'CSV' | 'XLSX';

/** Rows per INSERT where COPY is not available (the embedded database). */
const STAGING_BATCH = 1000;

export interface StagedFile {
  rows: number;
  sha256: string;
  sizeBytes: number;
}

export const tooLarge = (maxBytes: number) =>
  new AppError('BAD_USER_INPUT', { vi: `Tệp quá lớn: tối đa ${Math.round(maxBytes / 1024 / 1024)} MB.`, en: `The file is too large: at most ${Math.round(maxBytes / 1024 / 1024)} MB.` }, [
    { field: 'file', message: { vi: 'Tệp vượt quá dung lượng cho phép.', en: 'The file exceeds the size limit.' } },
  ]).withHttp(413);

const isEmbedded = new WeakMap<DataSource, Promise<boolean>>();
/** Whether the database is the embedded PGlite (no COPY FROM STDIN over its socket). */
export function embeddedDatabase(dataSource: DataSource): Promise<boolean> {
  let known = isEmbedded.get(dataSource);
  if (!known) {
    known = dataSource.query(`SELECT version() LIKE '%PGlite%' AS embedded`).then((r: Array<{ embedded: boolean }>) => r[0].embedded);
    isEmbedded.set(dataSource, known);
  }
  return known;
}

/** Reads `input` into the staging rows of job `jobId`. Throws BAD_USER_INPUT (nothing of the job's rows is then kept by the caller). */
export async function stageFile(dataSource: DataSource, input: Readable, opts: { jobId: string; kind: ImportKind; format: ImportFormat; maxBytes: number }): Promise<StagedFile> {
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > opts.maxBytes) return done(tooLarge(opts.maxBytes));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  input.on('error', (e) => meter.destroy(e));
  input.pipe(meter);
  const sink = (await embeddedDatabase(dataSource)) ? insertSink(dataSource, opts.jobId) : await copySink(dataSource, opts.jobId);
  let rows = 0;
  try {
    const source = opts.format === 'CSV' ? csvRows(meter) : xlsxRows(meter);
    let positions: number[] | null = null;
    for await (const [rowNo, cells] of source) {
      if (cells.every((c) => !c || !c.trim())) continue;
      if (!positions) {
        const mapped = mapHeader(opts.kind, cells);
        if (mapped.missing.length) {
          const expected = COLUMNS_OF[opts.kind].filter((c) => c.required).map((c) => c.heading);
          throw badInput('file', {
            vi: `Tệp thiếu cột bắt buộc: ${mapped.missing.join(', ')}. Dòng tiêu đề cần có các cột: ${expected.join(', ')}.`,
            en: `The file lacks required columns: ${mapped.missing.join(', ')}.`,
          });
        }
        positions = mapped.positions;
        continue;
      }
      const staged = positions.map((p) => (p >= 0 ? (cells[p] ?? '').trim() : ''));
      await sink.write(rowNo, staged);
      rows += 1;
    }
    if (!positions) throw badInput('file', { vi: 'Tệp không có dữ liệu (không thấy dòng tiêu đề).', en: 'The file holds no data (no header row).' });
    await sink.end();
  } catch (error) {
    await sink.abort();
    meter.destroy();
    input.resume();
    throw error;
  }
  return { rows, sha256: hash.digest('hex'), sizeBytes: size };
}

interface Sink {
  write(rowNo: number, cells: string[]): Promise<void>;
  end(): Promise<void>;
  abort(): Promise<void>;
}

const CELL_COLUMNS = Array.from({ length: STAGING_COLUMNS }, (_, i) => `c${i + 1}`);
const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`;

async function copySink(dataSource: DataSource, jobId: string): Promise<Sink> {
  const runner = dataSource.createQueryRunner();
  const client = (await runner.connect()) as import('pg').PoolClient;
  const stream = client.query(copyFrom(`COPY import_staging_row (job_id, row_no, ${CELL_COLUMNS.join(', ')}) FROM STDIN (FORMAT csv)`));
  let failed: Error | null = null;
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', (e) => {
      failed = e;
      reject(e);
    });
  });
  finished.catch(() => undefined);
  let buffer: string[] = [];
  const flush = async () => {
    if (!buffer.length) return;
    const chunk = buffer.join('');
    buffer = [];
    if (failed) throw failed;
    if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once('drain', resolve));
  };
  return {
    async write(rowNo, cells) {
      const padded = CELL_COLUMNS.map((_, i) => csvCell(cells[i] ?? ''));
      buffer.push(`${jobId},${rowNo},${padded.join(',')}\n`);
      if (buffer.length >= 500) await flush();
    },
    async end() {
      try {
        await flush();
        stream.end();
        await finished;
      } finally {
        await runner.release();
      }
    },
    async abort() {
      try {
        if (!stream.destroyed) stream.destroy(new Error('import aborted'));
        await finished.catch(() => undefined);
      } finally {
        await runner.release().catch(() => undefined);
      }
    },
  };
}

function insertSink(dataSource: DataSource, jobId: string): Sink {
  let batch: Array<Record<string, unknown>> = [];
  const flush = async () => {
    if (!batch.length) return;
    const json = JSON.stringify(batch);
    batch = [];
    await dataSource.query(
      `INSERT INTO import_staging_row (job_id, row_no, ${CELL_COLUMNS.join(', ')})
       SELECT $1::uuid, x.row_no, ${CELL_COLUMNS.map((c) => `x.${c}`).join(', ')} FROM json_to_recordset($2::json) AS x(row_no int, ${CELL_COLUMNS.map((c) => `${c} text`).join(', ')})`,
      [jobId, json],
    );
  };
  return {
    async write(rowNo, cells) {
      const row: Record<string, unknown> = { row_no: rowNo };
      cells.forEach((c, i) => (row[`c${i + 1}`] = c));
      batch.push(row);
      if (batch.length >= STAGING_BATCH) await flush();
    },
    end: flush,
    async abort() {
      batch = [];
    },
  };
}

// --- Readers ---------------------------------------------------------------------------------------

/** A CSV stream's records as [row number, cells], read chunk by chunk. */
export async function* csvRows(input: Readable): AsyncGenerator<[number, string[]]> {
  const decoder = new StringDecoder('utf8');
  let separator: string | null = null;
  let pending = '';
  let first = true;
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let afterQuote = false;
  let rowNo = 0;
  const out: Array<[number, string[]]> = [];
  const consume = (text: string, final: boolean) => {
    let i = 0;
    if (separator === null) {
      pending += text;
      const nl = pending.search(/\r?\n/);
      if (nl < 0 && !final) return;
      const line = nl < 0 ? pending : pending.slice(0, nl);
      separator = (line.match(/;/g)?.length ?? 0) > (line.match(/,/g)?.length ?? 0) ? ';' : ',';
      text = pending;
      pending = '';
    }
    for (; i < text.length; i++) {
      const c = text[i];
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i++;
          } else if (i + 1 >= text.length && !final) {
            // A quote at the chunk's end: decide with the next chunk.
            pending = '"';
            return;
          } else {
            quoted = false;
            afterQuote = true;
          }
        } else cell += c;
      } else if (c === '"' && cell === '' && !afterQuote) quoted = true;
      else if (c === separator) {
        row.push(cell);
        cell = '';
        afterQuote = false;
      } else if (c === '\n' || c === '\r') {
        if (c === '\r' && text[i + 1] === '\n') i++;
        else if (c === '\r' && i + 1 >= text.length && !final) {
          pending = '\r';
          return;
        }
        row.push(cell);
        rowNo += 1;
        out.push([rowNo, row.length === 1 && row[0] === '' ? [] : row]);
        row = [];
        cell = '';
        afterQuote = false;
      } else cell += c;
    }
    if (final && (cell !== '' || row.length)) {
      row.push(cell);
      rowNo += 1;
      out.push([rowNo, row]);
      row = [];
      cell = '';
    }
  };
  for await (const chunk of input) {
    let text = decoder.write(chunk as Buffer);
    if (first && text.length) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    if (separator !== null && pending) {
      text = pending + text;
      pending = '';
      if (quoted && text.startsWith('"')) {
        // resume the quote decision held back at the previous chunk's end
      }
    }
    consume(text, false);
    while (out.length) yield out.shift()!;
  }
  const rest = (separator !== null ? pending : '') + decoder.end();
  if (separator === null) consume(rest, true);
  else {
    pending = '';
    consume(rest, true);
  }
  while (out.length) yield out.shift()!;
}

const two = (n: number) => String(n).padStart(2, '0');

/** An XLSX stream's first sheet as [row number, cells], with exceljs's streaming reader. */
export async function* xlsxRows(input: Readable): AsyncGenerator<[number, string[]]> {
  const through = input.pipe(new PassThrough());
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(through, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' } as never);
  let sheets = 0;
  for await (const sheet of reader as AsyncIterable<AsyncIterable<ExcelJS.Row>>) {
    sheets += 1;
    for await (const row of sheet) {
      if (sheets > 1) continue; // the first sheet only; the others are read through, unused
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = typeof cell.value === 'number' ? numberText(cell.value, cell.numFmt) : cellText(cell.value);
      });
      yield [row.number, Array.from(cells, (c) => c ?? '')];
    }
  }
}

/**
 * A number as the sheet shows it when its format is plain zeros ("0.000000", "000"): a code such as
 * 2.000120 typed into a number cell keeps its trailing zeros (and 007 its leading ones), as the official
 * sees them; any other format, the number as written.
 */
export function numberText(value: number, numFmt: string | undefined): string {
  const zeros = numFmt ? /^(0+)(?:\.(0+))?$/.exec(numFmt) : null;
  if (!zeros) return String(value);
  const [whole, fraction] = Math.abs(value).toFixed(zeros[2]?.length ?? 0).split('.');
  return `${value < 0 ? '-' : ''}${whole.padStart(zeros[1].length, '0')}${fraction ? `.${fraction}` : ''}`;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value instanceof Date) {
    // Excel keeps wall-clock values: exceljs gives them as UTC.
    const time = value.getUTCHours() || value.getUTCMinutes() ? ` ${two(value.getUTCHours())}:${two(value.getUTCMinutes())}` : '';
    return `${two(value.getUTCDate())}/${two(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}${time}`;
  }
  if (value && typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return value.result instanceof Date ? cellText(value.result) : String(value.result ?? '');
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return value == null ? '' : String(value);
}
