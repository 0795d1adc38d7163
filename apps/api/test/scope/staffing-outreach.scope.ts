/**
 * The scope matrix of the staffing report and the outreach records (run by test/scope.test.ts).
 *
 * staffingReport is read as dossierVolumes is: the province's steering committee and administrators for
 * the units that roll up today to their province (Đồng Nai's may ask for Bình Phước as of 2019), national
 * administrators any unit, a post office manager their post office tree; others FORBIDDEN, a unit of
 * another province FORBIDDEN. Outreach activities are kept as aggregate figures are: every signed-in
 * member of staff reads their province's (Tánh Linh's 2022 figures are Lâm Đồng's, hidden from Hà Tĩnh),
 * the province's steering committee and administrators record, correct and remove them.
 */
import { failure, ok, type TestApp } from '../harness';
import { writerRows } from './aggregate-figures.scope';
import type { Row, Scenario, Scenarios, ScopeContext } from './matrix';

const HT_YEAR = 'Hà Tĩnh this year';
const BP_2019 = 'Bình Phước as of 2019';
const TANH_LINH = 'Tánh Linh 2022';
const MONTH = 'a Hà Tĩnh month';
const OWN = 'a Hà Tĩnh activity';

// prettier-ignore
export const STAFFING_OUTREACH_ROWS: Row[] = [
  ['staffingReport', 'anonymous', 'UNAUTHENTICATED', HT_YEAR],
  ['staffingReport', 'revoked', 'UNAUTHENTICATED', HT_YEAR],
  ['staffingReport', 'admin', 'ALLOWED', HT_YEAR],
  ['staffingReport', 'hatinh.bcd', 'ALLOWED', HT_YEAR],
  ['staffingReport', 'hatinh.quantri', 'ALLOWED', HT_YEAR],
  ['staffingReport', 'hatinh.buudien', 'ALLOWED', HT_YEAR],
  ['staffingReport', 'hatinh.quay', 'FORBIDDEN', HT_YEAR],
  ['staffingReport', 'hatinh.stttt', 'FORBIDDEN', HT_YEAR],
  ['staffingReport', 'dongnai.bcd', 'FORBIDDEN', HT_YEAR],
  ['staffingReport', 'portal', 'FORBIDDEN', HT_YEAR],
  ['staffingReport', 'dongnai.bcd', 'ALLOWED', BP_2019],
  ['staffingReport', 'hatinh.bcd', 'FORBIDDEN', BP_2019],
  ['exportStaffingReport', 'anonymous', 'UNAUTHENTICATED', HT_YEAR],
  ['exportStaffingReport', 'hatinh.bcd', 'ALLOWED', HT_YEAR],
  ['exportStaffingReport', 'hatinh.buudien', 'ALLOWED', HT_YEAR],
  ['exportStaffingReport', 'hatinh.quay', 'FORBIDDEN', HT_YEAR],
  ['exportStaffingReport', 'dongnai.bcd', 'FORBIDDEN', HT_YEAR],
  ['exportStaffingReport', 'portal', 'FORBIDDEN', HT_YEAR],
  ['outreachActivities', 'anonymous', 'UNAUTHENTICATED', TANH_LINH],
  ['outreachActivities', 'revoked', 'UNAUTHENTICATED', TANH_LINH],
  ['outreachActivities', 'admin', 'ALLOWED', TANH_LINH],
  ['outreachActivities', 'dongnai.bcd', 'HIDDEN', TANH_LINH],
  ['outreachActivities', 'hatinh.bcd', 'HIDDEN', TANH_LINH],
  ['outreachActivities', 'hatinh.quay', 'HIDDEN', TANH_LINH],
  ['outreachActivities', 'portal', 'FORBIDDEN', TANH_LINH],
  ...writerRows('submitOutreachActivity', MONTH, 'FORBIDDEN'),
  ['submitOutreachActivity', 'hatinh.bcd', 'BAD_USER_INPUT', 'a quantity of none'],
  ...writerRows('updateOutreachActivity', OWN, 'NOT_FOUND'),
  ...writerRows('deleteOutreachActivity', OWN, 'NOT_FOUND'),
];

const Q = {
  staffing: `query($filter: StaffingReportFilter!) { staffingReport(filter: $filter) { unitName totals { trainingClasses postalStaffDeployed } } }`,
  export: `query($filter: StaffingReportFilter!) { exportStaffingReport(filter: $filter) { fileName rowCount } }`,
  list: `query($filter: OutreachActivityFilter) { outreachActivities(filter: $filter, first: 10) { totalCount totals { kind quantity } edges { node { id quantity province { code } } } } }`,
  submit: `mutation($input: SubmitOutreachActivityInput!) { submitOutreachActivity(input: $input) { outreachActivity { id version quantity } } }`,
  update: `mutation($input: UpdateOutreachActivityInput!) { updateOutreachActivity(input: $input) { outreachActivity { id version quantity } } }`,
  delete: `mutation($input: DeleteOutreachActivityInput!) { deleteOutreachActivity(input: $input) { id } }`,
};

export function staffingOutreachScenarios(ctx: ScopeContext): Scenarios {
  const t = (): TestApp => ctx.app();
  // Each write on a month of its own (of the years before the pilots), so no two cases meet.
  let month = 0;
  const nextMonth = () => {
    month += 1;
    const year = 2005 + Math.floor(month / 12);
    const m = String((month % 12) + 1).padStart(2, '0');
    return { periodStart: `${year}-${m}-01`, periodEnd: `${year}-${m}-28` };
  };
  const rowsOf = (id: string) => t().sql('SELECT quantity, version FROM outreach_activity WHERE id = $1', [id]);
  const countOf = async () => (await t().sql('SELECT count(*)::int AS n FROM outreach_activity'))[0].n as number;
  const own = async () => {
    const input = { administrativeUnitCode: '42', ...nextMonth(), kind: 'LEAFLET', quantity: 7, source: 'Kiểm thử phạm vi' };
    return ok(await t().gql(Q.submit, { input }, { as: 'admin' })).submitOutreachActivity.outreachActivity as { id: string; version: number };
  };
  const staffing = (filter: Record<string, unknown>, unitName: string): Scenario => async (caller) => ({
    res: await t().gql(Q.staffing, { filter }, caller),
    verify(data) {
      expect(data.unitName).toBe(unitName);
    },
  });
  const submit = (input: () => Record<string, unknown>, field?: string): Scenario => async (caller) => {
    const before = await countOf();
    const res = await t().gql(Q.submit, { input: input() }, caller);
    return {
      res,
      async verify(data, outcome) {
        if (outcome === 'ALLOWED') expect(await rowsOf(data.outreachActivity.id)).toEqual([{ quantity: 3, version: 1 }]);
        else expect(await countOf()).toBe(before);
        if (outcome === 'BAD_USER_INPUT') expect(failure(res).extensions.fields?.map((f) => f.field)).toEqual([field]);
      },
    };
  };
  const year = new Date().getFullYear();

  return {
    staffingReport: {
      [HT_YEAR]: staffing({ unit: '42', from: `${year}-01-01`, to: `${year}-12-31`, granularity: 'QUARTER' }, 'Tỉnh Hà Tĩnh'),
      [BP_2019]: staffing({ unit: '70', asOf: '2019-06-30', from: '2018-01-01', to: '2018-12-31', granularity: 'YEAR' }, 'Tỉnh Bình Phước'),
    },
    exportStaffingReport: {
      [HT_YEAR]: async (caller) => ({
        res: await t().gql(Q.export, { filter: { unit: '42', from: `${year}-01-01`, to: `${year}-12-31`, granularity: 'QUARTER' } }, caller),
        verify(data) {
          expect(data.fileName).toMatch(/^nhan-su-tinh-ha-tinh-.*\.xlsx$/);
        },
      }),
    },
    outreachActivities: {
      [TANH_LINH]: async (caller) => ({
        res: await t().gql(Q.list, { filter: { from: '2022-01-01', to: '2022-12-31', kinds: ['HANDBOOK', 'LEAFLET'] } }, caller),
        verify(data) {
          expect(data.totals).toEqual([{ kind: 'HANDBOOK', quantity: 750 }, { kind: 'LEAFLET', quantity: 300 }]);
          expect(data.edges.every((e: any) => e.node.province.code === '68')).toBe(true);
        },
      }),
    },
    submitOutreachActivity: {
      [MONTH]: submit(() => ({ administrativeUnitCode: '42', ...nextMonth(), kind: 'HANDBOOK', quantity: 3, source: 'Kiểm thử phạm vi' })),
      'a quantity of none': submit(() => ({ administrativeUnitCode: '42', ...nextMonth(), kind: 'HANDBOOK', quantity: 0, source: 'Kiểm thử phạm vi' }), 'quantity'),
    },
    updateOutreachActivity: {
      [OWN]: async (caller) => {
        const activity = await own();
        const res = await t().gql(Q.update, { input: { id: activity.id, version: activity.version, quantity: 8 } }, caller);
        return {
          res,
          async verify(_data, outcome) {
            expect(await rowsOf(activity.id)).toEqual([outcome === 'ALLOWED' ? { quantity: 8, version: 2 } : { quantity: 7, version: 1 }]);
          },
        };
      },
    },
    deleteOutreachActivity: {
      [OWN]: async (caller) => {
        const activity = await own();
        const res = await t().gql(Q.delete, { input: { id: activity.id, version: activity.version } }, caller);
        return {
          res,
          async verify(data, outcome) {
            if (outcome === 'ALLOWED') expect(data.id).toBe(activity.id);
            expect(await rowsOf(activity.id)).toEqual(outcome === 'ALLOWED' ? [] : [{ quantity: 7, version: 1 }]);
          },
        };
      },
    },
  };
}
