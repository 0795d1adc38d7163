/**
 * An administrative report (OfficialReport, platform/spreadsheet.ts) as a PDF: the national layout and
 * fonts of the dossier forms (modules/dossiers/documents/layout.ts: pdfmake, its bundled Roboto, A4
 * with Decree 30's margins), the tables on the report's page grid, numbers as Vietnamese writes them.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { CONTENT_WIDTH, heading, pageFurniture, renderPdf, title } from '../dossiers/documents/layout';
import { asReportCell, columnSpans, type OfficialReport, type ReportCellInput, type ReportNumberKind, type ReportTable } from '../../platform/spreadsheet';

const COUNT = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const oneDecimal = (value: number) => value.toFixed(1).replace('.', ',');

/** A number as a Vietnamese report writes it: 262.725; 93,7%; +12,5%; 32,5. */
export function reportNumber(value: number, kind: ReportNumberKind | undefined): string {
  switch (kind) {
    case 'share':
      return `${oneDecimal(value * 100)}%`;
    case 'change':
      return `${value > 0 ? '+' : value < 0 ? '−' : ''}${oneDecimal(Math.abs(value) * 100)}%`;
    case 'percent':
      return value < 0 ? `−${oneDecimal(-value)}` : oneDecimal(value);
    default:
      return COUNT.format(value);
  }
}

function cellText(input: ReportCellInput, kind: ReportNumberKind | undefined): { text: string; numeric: boolean; bold?: boolean } {
  const cell = asReportCell(input);
  if (typeof cell.value === 'number') return { text: reportNumber(cell.value, cell.kind ?? kind), numeric: true, bold: cell.bold };
  if (cell.value === null) return { text: '—', numeric: true, bold: cell.bold };
  return { text: cell.value, numeric: false, bold: cell.bold };
}

function pdfTable(table: ReportTable, grid: number[]): Content {
  const spans = columnSpans(table, grid.length);
  const total = grid.reduce((a, b) => a + b, 0);
  let at = 0;
  // pdfmake's widths leave out each cell's padding (3 + 3) and the rules between cells (0.5 each).
  const room = CONTENT_WIDTH - table.columns.length * 6 - (table.columns.length + 1) * 0.5;
  const widths = spans.map((span) => {
    const w = grid.slice(at, at + span).reduce((a, b) => a + b, 0);
    at += span;
    return room * (w / total);
  });
  const grouped = table.columns.some((c) => c.group);
  const head = (text: string, extra: Record<string, unknown> = {}): TableCell => ({ text, bold: true, alignment: 'center', fillColor: '#eeeeee', ...extra }) as TableCell;
  const header: TableCell[][] = [];
  if (grouped) {
    const top: TableCell[] = [];
    const second: TableCell[] = [];
    table.columns.forEach((c, i) => {
      if (!c.group) {
        top.push(head(c.header, { rowSpan: 2 }));
        second.push({});
      } else {
        if (table.columns[i - 1]?.group !== c.group) {
          let size = 0;
          while (table.columns[i + size]?.group === c.group) size++;
          top.push(head(c.group, { colSpan: size }));
        } else top.push({});
        second.push(head(c.header));
      }
    });
    header.push(top, second);
  } else header.push(table.columns.map((c) => head(c.header)));
  const body = table.rows.map((row, r) => {
    const total = table.totalRow && r === table.rows.length - 1;
    return table.columns.map((c, i) => {
      const { text, numeric, bold } = cellText(row[i] ?? null, c.kind);
      return { text, alignment: numeric ? 'right' : i === 0 ? 'center' : 'left', bold: total || bold } as TableCell;
    });
  });
  return {
    fontSize: table.columns.length > 7 ? 8.5 : 9.5,
    lineHeight: 1.1,
    table: { headerRows: header.length, keepWithHeaderRows: 1, dontBreakRows: true, widths, body: [...header, ...body] },
    layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, paddingTop: () => 2, paddingBottom: () => 2, paddingLeft: () => 3, paddingRight: () => 3 },
    margin: [0, 2, 0, 8],
  } as Content;
}

/** The PDF of an administrative report, issued today at `placeName`. */
export function renderReportPdf(report: OfficialReport, options: { placeName: string; issuedAt: Date; title: string }): Promise<Buffer> {
  const content: Content[] = [
    ...heading({
      parentName: report.parentIssuer,
      issuerName: report.issuer,
      placeName: options.placeName,
      issuedAt: options.issuedAt,
      documentNumber: report.number.replace(/^Số:\s?/, ''),
    }),
    ...title(report.title, { text: report.subtitle, bold: true, fontSize: 12.5 }),
  ];
  const blocks = report.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if ('heading' in block) {
      const text: Content = { text: block.heading, bold: true, margin: [0, 6, 0, 4], headlineLevel: 1 };
      // A heading goes with the short table it heads (a long one breaks where it must, its header repeated).
      const next = blocks[i + 1];
      if (next && 'table' in next && next.table.rows.length <= 25) {
        content.push({ stack: [text, pdfTable(next.table, report.grid)], unbreakable: true });
        i++;
      } else content.push(text);
    } else if ('text' in block) content.push({ text: block.text, italics: block.italic, bold: block.bold, alignment: 'justify', margin: [0, 0, 0, 4], fontSize: block.italic ? 10 : 11 });
    else content.push(pdfTable(block.table, report.grid));
  }
  content.push({
    columnGap: 8,
    margin: [0, 12, 0, 0],
    unbreakable: true,
    columns: [
      { width: 200, stack: [{ text: 'Nơi nhận:', bold: true, italics: true, fontSize: 11 }, ...report.recipients.map((r) => ({ text: r, fontSize: 10 }))] },
      {
        width: '*',
        alignment: 'center',
        stack: [...report.signature.lines.map((line) => ({ text: line, bold: true })), { text: report.signature.note, italics: true, fontSize: 10, margin: [0, 0, 0, 60] }],
      },
    ],
  } as Content);
  return renderPdf({
    info: { title: options.title, creator: 'One-Stop Post' },
    content,
    // A heading is never the last line of a page: it goes over with what it heads.
    pageBreakBefore: (node, nodes) => node.headlineLevel === 1 && nodes.getFollowingNodesOnPage().length < 2,
    ...pageFurniture(undefined),
  });
}
