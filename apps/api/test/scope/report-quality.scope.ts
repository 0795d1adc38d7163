/**
 * The scope matrix of the service-quality index of Decision 766/QĐ-TTg (run by test/scope.test.ts).
 *
 * Its readers are the volume reports' (it reads through ReportService.dossierVolumes): the province's
 * steering committee and administrators for the units that roll up today to their province, national
 * administrators any unit, a post office manager the dossiers of their post office tree only (the note
 * says so). A unit of another province is FORBIDDEN, as are clerks, officers and portals' clients; a unit
 * not in force on the report's day is BAD_USER_INPUT.
 */
import { failure, type TestApp } from '../harness';
import type { Row, Scenario, Scenarios, ScopeContext } from './matrix';

const HT = 'Hà Tĩnh, the last three months by month';
const TREE = 'the last three months of the post office tree';
const GONE = 'Bình Phước as of today';

// prettier-ignore
export const REPORT_QUALITY_ROWS: Row[] = [
  ['serviceQualityIndex', 'anonymous', 'UNAUTHENTICATED', HT],
  ['serviceQualityIndex', 'revoked', 'UNAUTHENTICATED', HT],
  ['serviceQualityIndex', 'admin', 'ALLOWED', HT],
  ['serviceQualityIndex', 'hatinh.bcd', 'ALLOWED', HT],
  ['serviceQualityIndex', 'hatinh.quantri', 'ALLOWED', HT],
  ['serviceQualityIndex', 'hatinh.quay', 'FORBIDDEN', HT],
  ['serviceQualityIndex', 'hatinh.stttt', 'FORBIDDEN', HT],
  ['serviceQualityIndex', 'dongnai.bcd', 'FORBIDDEN', HT],
  ['serviceQualityIndex', 'dongnai.quantri', 'FORBIDDEN', HT],
  ['serviceQualityIndex', 'portal', 'FORBIDDEN', HT],
  ['serviceQualityIndex', 'hatinh.buudien', 'ALLOWED', TREE],
  ['serviceQualityIndex', 'binhphuoc.buudien', 'ALLOWED', TREE],
  ['serviceQualityIndex', 'dongnai.bcd', 'BAD_USER_INPUT', GONE],
  // Its download: the same readers.
  ['exportServiceQualityIndex', 'anonymous', 'UNAUTHENTICATED', HT],
  ['exportServiceQualityIndex', 'admin', 'ALLOWED', HT],
  ['exportServiceQualityIndex', 'hatinh.bcd', 'ALLOWED', HT],
  ['exportServiceQualityIndex', 'hatinh.quantri', 'ALLOWED', HT],
  ['exportServiceQualityIndex', 'hatinh.buudien', 'ALLOWED', TREE],
  ['exportServiceQualityIndex', 'hatinh.quay', 'FORBIDDEN', HT],
  ['exportServiceQualityIndex', 'hatinh.stttt', 'FORBIDDEN', HT],
  ['exportServiceQualityIndex', 'dongnai.bcd', 'FORBIDDEN', HT],
  ['exportServiceQualityIndex', 'portal', 'FORBIDDEN', HT],
];

const FILE = `query($filter: ServiceQualityFilter!) { exportServiceQualityIndex(filter: $filter) { fileName contentBase64 } }`;
const Q = `query($filter: ServiceQualityFilter!) { serviceQualityIndex(filter: $filter) {
  unitName note methods { indicator } periods { period { label } received } totals { received maxPoints } } }`;

export function reportQualityScenarios(ctx: ScopeContext): Scenarios {
  const t = (): TestApp => ctx.app();
  const days = () => {
    const to = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const from = new Date(Date.now() + 7 * 3600_000 - 90 * 86400_000).toISOString().slice(0, 10);
    return { from, to };
  };
  const read = (filter: () => Record<string, unknown>, check: (data: any) => void): Scenario => async (caller) => ({
    res: await t().gql(Q, { filter: filter() }, caller),
    verify: check,
  });
  return {
    serviceQualityIndex: {
      [HT]: read(() => ({ unit: '42', ...days() }), (data) => {
        expect(data.unitName).toBe('Tỉnh Hà Tĩnh');
        expect(data.methods.map((m: any) => m.indicator)).toEqual(['ON_TIME', 'ONLINE', 'DIGITISED', 'SATISFACTION']);
        expect(data.note).toBeNull();
      }),
      // The manager's own province by default, their post office tree's dossiers only.
      [TREE]: read(() => days(), (data) => {
        expect(data.note).toContain('bưu cục');
      }),
      [GONE]: async (caller) => {
        const res = await t().gql(Q, { filter: { unit: '70', from: '2017-01-01', to: '2017-12-31' } }, caller);
        return {
          res,
          verify() {
            expect(failure(res).extensions.fields?.map((f) => f.field)).toEqual(['unit']);
          },
        };
      },
    },
    exportServiceQualityIndex: {
      [HT]: async (caller) => ({
        res: await t().gql(FILE, { filter: { unit: '42', ...days() } }, caller),
        verify(data) {
          expect(data.fileName).toMatch(/^chi-so-phuc-vu-tinh-ha-tinh-.+\.xlsx$/);
        },
      }),
      [TREE]: async (caller) => ({
        res: await t().gql(FILE, { filter: days() }, caller),
        verify(data) {
          expect(data.contentBase64.length).toBeGreaterThan(100);
        },
      }),
    },
  };
}
