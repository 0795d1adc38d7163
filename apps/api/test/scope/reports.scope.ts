/**
 * The scope matrix of the volume reports (run by test/scope.test.ts).
 *
 * The province's steering committee and administrators read the reports of the units that roll up today
 * to their province (Đồng Nai's may ask for Bình Phước as of 2019); national administrators any unit, the
 * country by default; a post office manager the dossiers of their post office tree only (no aggregate
 * figure). A unit of another province is FORBIDDEN, as are clerks, officers and portals' clients; a unit
 * not in force on the report's day is BAD_USER_INPUT.
 */
import { failure, type TestApp } from '../harness';
import type { Row, Scenario, Scenarios, ScopeContext } from './matrix';

const HT_2023 = 'Hà Tĩnh 2023';
const BP_2017 = 'Bình Phước 2017 as of 2019';
const TREE = 'the last year by post office';
const GONE = 'Bình Phước as of today';

// prettier-ignore
export const REPORT_ROWS: Row[] = [
  ['dossierVolumes', 'anonymous', 'UNAUTHENTICATED', HT_2023],
  ['dossierVolumes', 'revoked', 'UNAUTHENTICATED', HT_2023],
  ['dossierVolumes', 'admin', 'ALLOWED', HT_2023],
  ['dossierVolumes', 'hatinh.bcd', 'ALLOWED', HT_2023],
  ['dossierVolumes', 'hatinh.quantri', 'ALLOWED', HT_2023],
  ['dossierVolumes', 'hatinh.quay', 'FORBIDDEN', HT_2023],
  ['dossierVolumes', 'hatinh.stttt', 'FORBIDDEN', HT_2023],
  ['dossierVolumes', 'dongnai.bcd', 'FORBIDDEN', HT_2023],
  ['dossierVolumes', 'dongnai.quantri', 'FORBIDDEN', HT_2023],
  ['dossierVolumes', 'portal', 'FORBIDDEN', HT_2023],
  ['dossierVolumes', 'dongnai.bcd', 'ALLOWED', BP_2017],
  ['dossierVolumes', 'dongnai.quantri', 'ALLOWED', BP_2017],
  ['dossierVolumes', 'hatinh.bcd', 'FORBIDDEN', BP_2017],
  ['dossierVolumes', 'hatinh.buudien', 'ALLOWED', TREE],
  ['dossierVolumes', 'binhphuoc.buudien', 'ALLOWED', TREE],
  ['dossierVolumes', 'dongnai.bcd', 'BAD_USER_INPUT', GONE],
];

const Q = `query($filter: DossierVolumeFilter!) { dossierVolumes(filter: $filter) {
  unitName rows { kind id } totals { totalViaBcci aggregateFigures { countedHere } } } }`;

export function reportScenarios(ctx: ScopeContext): Scenarios {
  const t = (): TestApp => ctx.app();
  const read = (filter: Record<string, unknown>, check: (data: any) => void): Scenario => async (caller) => ({
    res: await t().gql(Q, { filter }, caller),
    verify: check,
  });
  const lastYear = () => {
    const to = new Date().toISOString().slice(0, 10);
    return { from: `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`, to };
  };
  return {
    dossierVolumes: {
      [HT_2023]: read({ unit: '42', from: '2023-01-01', to: '2023-12-31', granularity: 'YEAR' }, (data) => {
        expect(data.unitName).toBe('Tỉnh Hà Tĩnh');
        expect(data.totals.totalViaBcci).toBe(262_725);
      }),
      [BP_2017]: read({ unit: '70', asOf: '2019-06-30', from: '2017-01-01', to: '2017-12-31', granularity: 'YEAR' }, (data) => {
        expect(data.unitName).toBe('Tỉnh Bình Phước');
        expect(data.totals.totalViaBcci).toBe(74_071);
      }),
      // The manager's own province by default, their post office tree's dossiers only: no aggregate figure.
      [TREE]: async (caller) => ({
        res: await t().gql(Q, { filter: { ...lastYear(), granularity: 'YEAR', breakdown: 'POST_OFFICE' } }, caller),
        verify(data) {
          expect(data.rows.every((r: any) => r.kind === 'POST_OFFICE')).toBe(true);
          expect(data.totals.aggregateFigures).toEqual([]);
        },
      }),
      [GONE]: async (caller) => {
        const res = await t().gql(Q, { filter: { unit: '70', from: '2017-01-01', to: '2017-12-31', granularity: 'YEAR' } }, caller);
        return {
          res,
          verify() {
            expect(failure(res).extensions.fields?.map((f) => f.field)).toEqual(['unit']);
          },
        };
      },
    },
  };
}
