import { foldVietnamese } from '../../../platform/text';

/**
 * The column layouts of the two import files (issue 13, "Import and export"), as other provinces'
 * one-stop systems export them: a header row in Vietnamese, then one row per dossier or per figure.
 * A header is recognised whatever its case, its diacritics or its spacing ("Mã hồ sơ", "MA HO SO");
 * columns may come in any order, unknown columns are ignored, a missing required column refuses the
 * whole file before anything is written. The README (Reports, "Importing") shows both layouts.
 *
 * The staging table keeps each row's cells as text in the layout's order (c1 = the first column below),
 * whatever the file's order: import-staging.ts maps the header once.
 */
export enum ImportKind {
  DOSSIERS = 'DOSSIERS',
  AGGREGATE_FIGURES = 'AGGREGATE_FIGURES',
}

export interface ColumnSpec {
  key: string;
  /** The heading as the README and the rejected-rows file name it. */
  heading: string;
  /** Accepted headings, folded (foldVietnamese: no diacritics, lower case). */
  aliases: string[];
  required: boolean;
}

const col = (key: string, heading: string, required: boolean, ...more: string[]): ColumnSpec => ({ key, heading, required, aliases: [foldHeading(heading), ...more] });

/** Hồ sơ: one row per dossier. */
export const DOSSIER_COLUMNS: ColumnSpec[] = [
  col('code', 'Mã hồ sơ', true, 'so ho so', 'ma so ho so'),
  col('procedure', 'Mã thủ tục', true, 'ma tthc', 'ma thu tuc hanh chinh'),
  col('desk', 'Mã đơn vị tiếp nhận', true, 'ma bo phan mot cua', 'ma bo phan tiep nhan', 'ma don vi'),
  col('channel', 'Kênh', true, 'kenh tiep nhan', 'hinh thuc nop', 'hinh thuc tiep nhan'),
  col('receivedAt', 'Ngày tiếp nhận', true, 'ngay nhan', 'thoi gian tiep nhan'),
  col('dueAt', 'Hạn trả', true, 'han tra ket qua', 'ngay hen tra', 'ngay hen tra ket qua', 'han giai quyet'),
  col('readyAt', 'Ngày có kết quả', false, 'ngay co ket qua giai quyet', 'ngay hoan thanh'),
  col('returnedAt', 'Ngày trả kết quả', false, 'ngay tra'),
  col('resultDelivery', 'Hình thức trả kết quả', false, 'hinh thuc nhan ket qua'),
  col('postOffice', 'Mã bưu cục', false, 'ma buu dien', 'buu cuc'),
  col('applicantName', 'Người nộp', false, 'ho ten nguoi nop', 'ten nguoi nop', 'chu ho so'),
  col('applicantPhone', 'Số điện thoại', false, 'dien thoai', 'so dien thoai nguoi nop'),
  col('applicantAddress', 'Địa chỉ', false, 'dia chi nguoi nop', 'dia chi nhan ket qua'),
];

/** Số liệu tổng hợp: one row per unit (or desk) and period, the same figures as the submission form. */
export const FIGURE_COLUMNS: ColumnSpec[] = [
  col('unit', 'Đơn vị', true, 'ma don vi', 'ma don vi hanh chinh', 'don vi bao cao'),
  col('periodStart', 'Kỳ từ', true, 'tu ngay', 'ky bao cao tu'),
  col('periodEnd', 'Kỳ đến', true, 'den ngay', 'ky bao cao den'),
  col('receivedViaBcci', 'Tiếp nhận qua BCCI', false),
  col('resultsReturnedViaBcci', 'Trả kết quả qua BCCI', false),
  col('receivedAndReturnedViaBcci', 'Tiếp nhận và trả kết quả qua BCCI', false),
  col('totalViaBcci', 'Tổng số qua BCCI', false, 'tong so'),
  col('online', 'Trực tuyến', false),
  col('atDesk', 'Trực tiếp tại bộ phận một cửa', false, 'truc tiep'),
  col('desk', 'Mã bộ phận một cửa', false),
  col('source', 'Nguồn', true, 'nguon so lieu'),
  col('note', 'Ghi chú', false),
];

export const COLUMNS_OF: Record<ImportKind, ColumnSpec[]> = { DOSSIERS: DOSSIER_COLUMNS, AGGREGATE_FIGURES: FIGURE_COLUMNS };

/** The staging table's text columns (c1 … c16): a layout has at most that many. */
export const STAGING_COLUMNS = 16;

export function foldHeading(text: string): string {
  return foldVietnamese(text).replace(/[^a-z0-9]+/g, ' ').trim();
}

/**
 * Where each column of the layout is in the file's header (index, or -1 when absent), or the headings
 * of the required columns that are missing.
 */
export function mapHeader(kind: ImportKind, header: string[]): { positions: number[]; missing: string[] } {
  const folded = header.map((h) => foldHeading(h ?? ''));
  const positions = COLUMNS_OF[kind].map((c) => folded.findIndex((h) => c.aliases.includes(h)));
  const missing = COLUMNS_OF[kind].filter((c, i) => c.required && positions[i] < 0).map((c) => c.heading);
  return { positions, missing };
}

// --- Values --------------------------------------------------------------------------------------

const VN_OFFSET_MS = 7 * 3600_000;

/**
 * A moment written as other systems export it, in Vietnam time: dd/MM/yyyy, dd/MM/yyyy HH:mm[:ss],
 * yyyy-MM-dd, yyyy-MM-dd HH:mm[:ss] (or an ISO timestamp with its zone). A day without a time is taken
 * at `defaultMinutes` past midnight. null when it cannot be read.
 */
export function parseMoment(text: string, defaultMinutes: number): Date | null {
  const s = text.trim();
  if (!s) return null;
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  let y: number, mo: number, d: number, h: number | null, mi: number, se: number;
  if (m) {
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    h = m[4] === undefined ? null : Number(m[4]);
    mi = Number(m[5] ?? 0);
    se = Number(m[6] ?? 0);
  } else if ((m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/.exec(s))) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    h = m[4] === undefined ? null : Number(m[4]);
    mi = Number(m[5] ?? 0);
    se = Number(m[6] ?? 0);
  } else if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(s)) {
    const t = Date.parse(s);
    return Number.isNaN(t) ? null : new Date(t);
  } else return null;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1990 || y > 2100) return null;
  const utc = Date.UTC(y, mo - 1, d);
  if (new Date(utc).getUTCDate() !== d) return null; // 31/02
  if (h !== null && (h > 23 || mi > 59 || se > 59)) return null;
  const minutes = h === null ? defaultMinutes : h * 60 + mi;
  return new Date(utc + minutes * 60_000 + se * 1000 - VN_OFFSET_MS);
}

/** A calendar day (YYYY-MM-DD) from dd/MM/yyyy or yyyy-MM-dd; null when it cannot be read. */
export function parseDay(text: string): string | null {
  const at = parseMoment(text.trim().replace(/[ T].*$/, ''), 0);
  return at ? new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10) : null;
}

/** A whole number as written in Vietnamese (45.757), plainly (45757) or with commas (45,757); undefined when empty, NaN when unreadable. */
export function parseCount(text: string): number | undefined {
  const s = text.trim().replace(/\s/g, '');
  if (!s) return undefined;
  if (/^\d+$/.test(s)) return Number(s);
  if (/^\d{1,3}([.,]\d{3})+$/.test(s)) return Number(s.replace(/[.,]/g, ''));
  return Number.NaN;
}

/** The channel: the wording of other systems' exports, or the product's own code. */
export function parseChannel(text: string): string | null {
  const f = foldHeading(text);
  if (!f) return null;
  const table: Array<[RegExp, string]> = [
    [/^(at desk|truc tiep|tai (bo phan|quay)|nop truc tiep|mot cua)/, 'AT_DESK'],
    [/^(online with postal pickup|truc tuyen|dich vu cong truc tuyen|qua mang|nop truc tuyen)/, 'ONLINE_WITH_POSTAL_PICKUP'],
    [/^(home appointment|tai nha|hen tai nha|buu dien den nha)/, 'HOME_APPOINTMENT'],
    [/^(at post office|buu chinh|bcci|qua buu chinh|qua buu dien|buu dien|buu cuc|dich vu buu chinh cong ich)/, 'AT_POST_OFFICE'],
  ];
  for (const [re, channel] of table) if (re.test(f)) return channel;
  return null;
}

/** How the result went back: at the desk (default when empty) or by post. undefined when unreadable. */
export function parseResultDelivery(text: string): 'AT_DESK' | 'BY_POST' | undefined {
  const f = foldHeading(text);
  if (!f || /^(at desk|truc tiep|tai (bo phan|quay)|nhan truc tiep|mot cua)/.test(f)) return 'AT_DESK';
  if (/^(by post|buu chinh|bcci|qua buu chinh|qua buu dien|buu dien|chuyen phat|tai nha|dich vu buu chinh cong ich)/.test(f)) return 'BY_POST';
  return undefined;
}
