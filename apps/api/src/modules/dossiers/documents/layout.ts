import { readFileSync } from 'node:fs';
import pdfmake from 'pdfmake';
import type { Column, Content, ContentTable, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { placeAndDate } from './format';

/**
 * The national layout of an administrative document (Decree 30/2020/NĐ-CP, which the forms of Circular
 * 01/2018/TT-VPCP follow), shared by every form: A4 portrait, the issuer top left in capitals, the
 * national name and motto top right, the place-and-date line, the centred title, the signatures.
 */

/** The heading every form shares. */
export interface FormHeader {
  /** The governing authority printed above the issuer, e.g. "UBND tỉnh Hà Tĩnh" (capitalised on the page); optional. */
  parentName?: string;
  /** The issuing agency or receiving desk, e.g. "Trung tâm Phục vụ hành chính công tỉnh" (capitalised on the page). */
  issuerName: string;
  /** The place of the date line, usually the province: "Hà Tĩnh" gives "Hà Tĩnh, ngày 04 tháng 12 năm 2026". */
  placeName: string;
  /** When the document is issued; the date line shows its day in Vietnam time. */
  issuedAt: Date;
  /** The document's number ("Số: 12/PYCBS"), printed under the issuer when given. */
  documentNumber?: string;
}

/** Who signs: the role is printed in capitals above the signature space, the name below it. */
export interface Signatory {
  role?: string;
  name: string;
}

// A4 with the margins of Decree 30/2020 (left 30 mm, right 15–20 mm, top and bottom 20 mm), in points.
const MM = 72 / 25.4;
export const PAGE_MARGINS: [number, number, number, number] = [30 * MM, 20 * MM, 17 * MM, 20 * MM];
export const CONTENT_WIDTH = 595.28 - PAGE_MARGINS[0] - PAGE_MARGINS[2];

// The fonts ship with the project: pdfmake's own Roboto TTFs (Apache 2.0; they cover Vietnamese), read
// once into pdfmake's virtual file system. No system font, no local file and no URL is ever read by a
// document: both access policies refuse everything.
const FONT_FILES = { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' };
const VFS_DIR = 'osp-forms';
let fontsReady = false;

interface VirtualFileSystem {
  writeFileSync(name: string, content: Buffer): void;
}

function ensureFonts(): void {
  if (fontsReady) return;
  const vfs = (pdfmake as unknown as { virtualfs: VirtualFileSystem }).virtualfs;
  const roboto: Record<string, string> = {};
  for (const [style, file] of Object.entries(FONT_FILES)) {
    vfs.writeFileSync(`${VFS_DIR}/${file}`, readFileSync(require.resolve(`pdfmake/fonts/Roboto/${file}`)));
    roboto[style] = `${VFS_DIR}/${file}`;
  }
  pdfmake.addFonts({ OspRoboto: roboto as never });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  fontsReady = true;
}

/** The bytes of a document laid out on A4 portrait pages in the forms' font. */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  ensureFonts();
  return pdfmake
    .createPdf({
      pageSize: 'A4',
      pageOrientation: 'portrait',
      pageMargins: PAGE_MARGINS,
      defaultStyle: { font: 'OspRoboto', fontSize: 11, lineHeight: 1.2 },
      ...doc,
    })
    .getBuffer();
}

const upper = (text: string) => text.toLocaleUpperCase('vi');

/** A short rule under the issuer's name, centred, as the national layout draws it. */
const rule = (width: number): Content => ({ canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 0.6 }], margin: [0, 2, 0, 0] });

/** "Mẫu số 01" (a form's; a report has none), the issuer, the national name and motto, the number and the place-and-date line. */
export function heading(h: FormHeader, formNumber?: string): Content[] {
  return [
    ...(formNumber ? [{ text: `Mẫu số ${formNumber}`, alignment: 'right', bold: true, fontSize: 9, margin: [0, 0, 0, 6] } as Content] : []),
    {
      columnGap: 8,
      columns: [
        {
          width: 200,
          alignment: 'center',
          fontSize: 10.5,
          stack: [...(h.parentName ? [{ text: upper(h.parentName) }] : []), { text: upper(h.issuerName), bold: true }, rule(60)],
        },
        {
          width: '*',
          alignment: 'center',
          stack: [
            { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, fontSize: 10.5 },
            { text: 'Độc lập - Tự do - Hạnh phúc', bold: true, fontSize: 11.5, decoration: 'underline' },
          ],
        },
      ],
    },
    {
      columnGap: 8,
      margin: [0, 8, 0, 0],
      columns: [
        { width: 200, alignment: 'center', fontSize: 10.5, text: h.documentNumber ? `Số: ${h.documentNumber}` : '' },
        { width: '*', alignment: 'center', italics: true, text: placeAndDate(h.placeName, h.issuedAt) },
      ],
    },
  ];
}

/** The centred bold title in capitals, with an optional line under it (the dossier code, say). */
export function title(text: string, subtitle?: Content): Content[] {
  return [
    { text: upper(text), alignment: 'center', bold: true, fontSize: 13, margin: [0, 14, 0, subtitle ? 2 : 10] },
    ...(subtitle ? [{ stack: [subtitle], alignment: 'center' as const, margin: [0, 0, 0, 10] as [number, number, number, number] }] : []),
  ];
}

/** "Label: value" on a line of the body; the value is left out (a dotted gap) when absent. */
export function field(label: string, value: string | null | undefined, options: { bold?: boolean } = {}): Content {
  return { text: [`${label}: `, value ? { text: value, bold: options.bold ?? false } : '…………………………'], margin: [0, 0, 0, 2] };
}

export function paragraph(text: Content, margin: [number, number, number, number] = [0, 0, 0, 4]): Content {
  return { text, margin, alignment: 'justify' } as Content;
}

/** The signature blocks side by side (one signatory: on the right, as the national layout places it). */
export function signatures(list: Array<{ signatory: Signatory; defaultRole: string; note?: string }>): Content {
  const block = ({ signatory, defaultRole, note }: (typeof list)[number]): Column => ({
    width: '*',
    alignment: 'center',
    stack: [
      { text: upper(signatory.role ?? defaultRole), bold: true },
      { text: note ?? '(Ký và ghi rõ họ tên)', italics: true, fontSize: 10 },
      { text: signatory.name, bold: true, margin: [0, 48, 0, 0] },
    ],
  });
  const columns: Column[] = list.length === 1 ? [{ width: '*', text: '' }, block(list[0])] : list.map(block);
  return { columns, columnGap: 8, margin: [0, 10, 0, 0], unbreakable: true } as Content;
}

/** A bordered table with a grey header row that is repeated on every page the table runs onto. */
export function table(header: string[], rows: TableCell[][], widths: Array<number | string>, fontSize = 10): ContentTable {
  return {
    fontSize,
    lineHeight: 1.1,
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths,
      body: [header.map((text) => ({ text, bold: true, alignment: 'center', fillColor: '#eeeeee' })), ...rows],
    },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    margin: [0, 2, 0, 8],
  };
}

/** From the second page on, which dossier the page belongs to; every page of a long document is numbered. */
export function pageFurniture(dossierCode: string | undefined) {
  return {
    header: (currentPage: number): Content | null =>
      currentPage > 1 && dossierCode
        ? { text: `Mã hồ sơ: ${dossierCode} (tiếp theo)`, alignment: 'right', fontSize: 9, italics: true, margin: [PAGE_MARGINS[0], 25, PAGE_MARGINS[2], 0] }
        : null,
    footer: (currentPage: number, pageCount: number): Content | null =>
      pageCount > 1 ? { text: `Trang ${currentPage}/${pageCount}`, alignment: 'center', fontSize: 9, margin: [0, 20, 0, 0] } : null,
  };
}
