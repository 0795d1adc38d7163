/**
 * The scope matrix of the report downloads (run by test/scope.test.ts): each download has the scope of
 * the grid or report it writes (the same service call), so the same callers read it and the same are
 * refused: the province's steering committee and administrators, national administrators, post office
 * managers (their tree's dossiers); clerks, officers and portals' clients are FORBIDDEN, another
 * province's unit too.
 */
import ExcelJS from 'exceljs';
import type { TestApp } from '../harness';
import type { Row, Scenarios, ScopeContext } from './matrix';

const HT_2023 = 'Hà Tĩnh 2023';
const TARGETS = 'the targets of this year';

// prettier-ignore
export const REPORT_EXPORT_ROWS: Row[] = [
  ['exportDossierVolumes', 'anonymous', 'UNAUTHENTICATED', HT_2023],
  ['exportDossierVolumes', 'admin', 'ALLOWED', HT_2023],
  ['exportDossierVolumes', 'hatinh.bcd', 'ALLOWED', HT_2023],
  ['exportDossierVolumes', 'hatinh.quantri', 'ALLOWED', HT_2023],
  ['exportDossierVolumes', 'hatinh.quay', 'FORBIDDEN', HT_2023],
  ['exportDossierVolumes', 'hatinh.stttt', 'FORBIDDEN', HT_2023],
  ['exportDossierVolumes', 'dongnai.bcd', 'FORBIDDEN', HT_2023],
  ['exportDossierVolumes', 'portal', 'FORBIDDEN', HT_2023],
  ['exportTargetProgress', 'anonymous', 'UNAUTHENTICATED', TARGETS],
  ['exportTargetProgress', 'hatinh.bcd', 'ALLOWED', TARGETS],
  ['exportTargetProgress', 'hatinh.buudien', 'ALLOWED', TARGETS],
  ['exportTargetProgress', 'hatinh.quay', 'FORBIDDEN', TARGETS],
  ['exportTargetProgress', 'portal', 'FORBIDDEN', TARGETS],
  ['quarterlyReport', 'anonymous', 'UNAUTHENTICATED', HT_2023],
  ['quarterlyReport', 'revoked', 'UNAUTHENTICATED', HT_2023],
  ['quarterlyReport', 'admin', 'ALLOWED', HT_2023],
  ['quarterlyReport', 'hatinh.bcd', 'ALLOWED', HT_2023],
  ['quarterlyReport', 'hatinh.quantri', 'ALLOWED', HT_2023],
  ['quarterlyReport', 'hatinh.buudien', 'ALLOWED', HT_2023],
  ['quarterlyReport', 'hatinh.quay', 'FORBIDDEN', HT_2023],
  ['quarterlyReport', 'hatinh.stttt', 'FORBIDDEN', HT_2023],
  ['quarterlyReport', 'dongnai.bcd', 'FORBIDDEN', HT_2023],
  ['quarterlyReport', 'portal', 'FORBIDDEN', HT_2023],
];

const FILE = 'fileName contentType contentBase64 rowCount';
const Q = {
  volumes: `query($filter: DossierVolumeFilter!) { exportDossierVolumes(filter: $filter) { ${FILE} } }`,
  targets: `query($filter: ReportTargetFilter) { exportTargetProgress(filter: $filter) { ${FILE} } }`,
  quarterly: `query($input: QuarterlyReportInput!) { quarterlyReport(input: $input) { ${FILE} } }`,
};

/** The cells of an .xlsx file's first sheet, row by row. */
async function cells(base64: string): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(base64, 'base64') as never);
  const rows: unknown[][] = [];
  book.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

export function reportExportScenarios(ctx: ScopeContext): Scenarios {
  const t = (): TestApp => ctx.app();
  const year = new Date().getUTCFullYear();
  return {
    exportDossierVolumes: {
      [HT_2023]: async (caller) => ({
        res: await t().gql(Q.volumes, { filter: { unit: '42', from: '2023-01-01', to: '2023-12-31', granularity: 'YEAR', breakdown: 'NONE' } }, caller),
        async verify(data) {
          expect(data.fileName).toBe('so-luong-ho-so-tinh-ha-tinh-nam-2023.xlsx');
          expect((await cells(data.contentBase64)).some((row) => row[0] === 'Tỉnh Hà Tĩnh' && row.includes(262_725))).toBe(true);
        },
      }),
    },
    exportTargetProgress: {
      [TARGETS]: async (caller) => ({
        res: await t().gql(Q.targets, { filter: { from: `${year}-01-01`, to: `${year}-12-31` } }, caller),
        async verify(data) {
          const rows = await cells(data.contentBase64);
          expect(rows[1]).toContain('Đánh giá');
          expect(rows).toHaveLength(2 + data.rowCount);
        },
      }),
    },
    quarterlyReport: {
      // A post office manager's report holds their tree's dossiers only: no unit's reported figure.
      [HT_2023]: async (caller, who) => ({
        res: await t().gql(Q.quarterly, { input: { unit: '42', year: 2023, format: 'XLSX' } }, caller),
        async verify(data) {
          expect(data.fileName).toBe('bao-cao-nam-2023-ha-tinh.xlsx');
          const rows = await cells(data.contentBase64);
          expect(rows[0]).toContain('UBND TỈNH HÀ TĨNH');
          expect(rows.some((row) => row.includes(262_725))).toBe(who !== 'hatinh.buudien');
        },
      }),
    },
  };
}
