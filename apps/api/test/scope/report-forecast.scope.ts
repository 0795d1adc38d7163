/**
 * The scope matrix of the demand forecast (run by test/scope.test.ts).
 *
 * `dossierForecast` reads one desk: the province's steering committee, administrators and post office
 * managers (those who read the reports and staff the rosters), national administrators any desk. A desk
 * of another province is "not found" (BAD_USER_INPUT on deskId, as the roster answers it); clerks,
 * officers and portals' clients are FORBIDDEN.
 */
import { failure, type TestApp } from '../harness';
import type { Row, Scenarios, ScopeContext } from './matrix';

const HT = 'the Hà Tĩnh provincial centre’s desk';

// prettier-ignore
export const REPORT_FORECAST_ROWS: Row[] = [
  ['dossierForecast', 'anonymous', 'UNAUTHENTICATED', HT],
  ['dossierForecast', 'revoked', 'UNAUTHENTICATED', HT],
  ['dossierForecast', 'admin', 'ALLOWED', HT],
  ['dossierForecast', 'hatinh.bcd', 'ALLOWED', HT],
  ['dossierForecast', 'hatinh.buudien', 'ALLOWED', HT],
  ['dossierForecast', 'hatinh.quantri', 'ALLOWED', HT],
  ['dossierForecast', 'hatinh.quay', 'FORBIDDEN', HT],
  ['dossierForecast', 'hatinh.stttt', 'FORBIDDEN', HT],
  ['dossierForecast', 'dongnai.bcd', 'BAD_USER_INPUT', HT],
  ['dossierForecast', 'binhphuoc.buudien', 'BAD_USER_INPUT', HT],
  ['dossierForecast', 'portal', 'FORBIDDEN', HT],
];

const Q = `query($input: DossierForecastInput!) { dossierForecast(input: $input) { desk { code } from to days { day status } backtest { from } } }`;

export function reportForecastScenarios(ctx: ScopeContext): Scenarios {
  const t = (): TestApp => ctx.app();
  return {
    dossierForecast: {
      [HT]: async (caller) => {
        const [desk] = await t().sql(`SELECT id FROM one_stop_desk WHERE code = '42-TTPVHCC-MC'`);
        const res = await t().gql(Q, { input: { deskId: desk.id, weeks: 1 } }, caller);
        return {
          res,
          verify(data, outcome) {
            if (outcome === 'ALLOWED') {
              expect(data.desk.code).toBe('42-TTPVHCC-MC');
              expect(data.days).toHaveLength(7);
              expect(data.backtest).toHaveLength(4);
            }
            if (outcome === 'BAD_USER_INPUT') expect(failure(res).extensions.fields?.map((f) => f.field)).toEqual(['deskId']);
          },
        };
      },
    },
  };
}
