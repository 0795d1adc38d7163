/**
 * The scope matrix of aggregate submissions (run by test/scope.test.ts).
 *
 * Every signed-in member of staff reads the figures of their province (national users: all); those of
 * another province are hidden (Bình Phước's, merged into Đồng Nai, are Đồng Nai's). The province's
 * steering committee and administrators (and national administrators) submit, correct and remove them;
 * other roles and portals' clients are FORBIDDEN, a unit of another province is FORBIDDEN, a figure of
 * another province is NOT_FOUND, and a refused write changes nothing.
 */
import { todayInVietnam } from '../../src/platform/graphql/scalars';
import { failure, ok, type TestApp } from '../harness';
import { forbiddenToReaders, type Row, type Scenario, type Scenarios, type ScopeContext } from './matrix';

const HT_2023 = 'Hà Tĩnh 2023';
const BP_2017 = 'Bình Phước 2017 under Đồng Nai';
const QUARTER = 'a Hà Tĩnh quarter';
const OWN = 'a Hà Tĩnh figure';

/** A write of the province's figures: the steering committee and administrators. */
export const writerRows = (op: string, scenario: string, otherProvince: 'FORBIDDEN' | 'NOT_FOUND'): Row[] => [
  [op, 'anonymous', 'UNAUTHENTICATED', scenario],
  [op, 'revoked', 'UNAUTHENTICATED', scenario],
  [op, 'admin', 'ALLOWED', scenario],
  [op, 'hatinh.bcd', 'ALLOWED', scenario],
  [op, 'hatinh.quantri', 'ALLOWED', scenario],
  ...forbiddenToReaders(op, scenario),
  [op, 'dongnai.bcd', otherProvince, scenario],
  [op, 'portal', 'FORBIDDEN', scenario],
];

// prettier-ignore
export const AGGREGATE_FIGURE_ROWS: Row[] = [
  ['aggregateFigures', 'anonymous', 'UNAUTHENTICATED', HT_2023],
  ['aggregateFigures', 'revoked', 'UNAUTHENTICATED', HT_2023],
  ['aggregateFigures', 'admin', 'ALLOWED', HT_2023],
  ['aggregateFigures', 'hatinh.bcd', 'ALLOWED', HT_2023],
  ['aggregateFigures', 'hatinh.quay', 'ALLOWED', HT_2023],
  ['aggregateFigures', 'dongnai.bcd', 'HIDDEN', HT_2023],
  ['aggregateFigures', 'portal', 'FORBIDDEN', HT_2023],
  ['aggregateFigures', 'dongnai.bcd', 'ALLOWED', BP_2017],
  ['aggregateFigures', 'binhphuoc.buudien', 'ALLOWED', BP_2017],
  ['aggregateFigures', 'hatinh.bcd', 'HIDDEN', BP_2017],
  ...writerRows('submitAggregateFigure', QUARTER, 'FORBIDDEN'),
  ['submitAggregateFigure', 'hatinh.bcd', 'BAD_USER_INPUT', 'a total that is not the sum of its parts'],
  ...writerRows('updateAggregateFigure', OWN, 'NOT_FOUND'),
  ...writerRows('deleteAggregateFigure', OWN, 'NOT_FOUND'),
];

const Q = {
  list: `query($filter: AggregateFigureFilter) { aggregateFigures(filter: $filter, first: 10) { totalCount totals { figures totalViaBcci } edges { node { id totalViaBcci province { code } } } } }`,
  submit: `mutation($input: SubmitAggregateFigureInput!) { submitAggregateFigure(input: $input) { aggregateFigure { id version online } } }`,
  update: `mutation($input: UpdateAggregateFigureInput!) { updateAggregateFigure(input: $input) { aggregateFigure { id version online } } }`,
  delete: `mutation($input: DeleteAggregateFigureInput!) { deleteAggregateFigure(input: $input) { id } }`,
};

export function aggregateFigureScenarios(ctx: ScopeContext): Scenarios {
  const t = (): TestApp => ctx.app();
  const unitId = async (code: string, day: string) =>
    (await t().sql(`SELECT id FROM administrative_unit WHERE code = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $2)`, [code, day]))[0].id as string;
  // Each write on a quarter of its own (of the years before the pilots), so no two cases meet.
  let quarter = 0;
  const nextQuarter = () => {
    quarter += 1;
    const year = 2005 + Math.floor(quarter / 4);
    const q = quarter % 4;
    const start = `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`;
    const end = `${year}-${String(q * 3 + 3).padStart(2, '0')}-${q === 0 || q === 3 ? '31' : '30'}`;
    return { periodStart: start, periodEnd: end };
  };
  const rowsOf = (id: string) => t().sql('SELECT online, version FROM aggregate_figure WHERE id = $1', [id]);
  const countOf = async () => (await t().sql('SELECT count(*)::int AS n FROM aggregate_figure'))[0].n as number;
  const own = async () => {
    const input = { administrativeUnitCode: '42', ...nextQuarter(), online: 7, source: 'Kiểm thử phạm vi' };
    return ok(await t().gql(Q.submit, { input }, { as: 'admin' })).submitAggregateFigure.aggregateFigure as { id: string; version: number };
  };
  const read = (filter: () => Promise<Record<string, unknown>>, province: string, total: number): Scenario => async (caller) => ({
    res: await t().gql(Q.list, { filter: await filter() }, caller),
    verify(data) {
      expect(data.totals.totalViaBcci).toBe(total);
      expect(data.edges.every((e: any) => e.node.province.code === province)).toBe(true);
    },
  });
  const submit = (input: () => Record<string, unknown>, field?: string): Scenario => async (caller) => {
    const before = await countOf();
    const res = await t().gql(Q.submit, { input: input() }, caller);
    return {
      res,
      async verify(data, outcome) {
        if (outcome === 'ALLOWED') expect(await rowsOf(data.aggregateFigure.id)).toEqual([{ online: 3, version: 1 }]);
        else expect(await countOf()).toBe(before);
        if (outcome === 'BAD_USER_INPUT') expect(failure(res).extensions.fields?.map((f) => f.field)).toEqual([field]);
      },
    };
  };

  return {
    aggregateFigures: {
      [HT_2023]: read(async () => ({ unitId: await unitId('42', '2023-12-31'), from: '2023-01-01', to: '2023-12-31' }), '42', 262_725),
      [BP_2017]: read(async () => ({ unitId: await unitId('75', todayInVietnam()), from: '2017-01-01', to: '2017-12-31' }), '75', 74_071),
    },
    submitAggregateFigure: {
      [QUARTER]: submit(() => ({ administrativeUnitCode: '42', ...nextQuarter(), online: 3, source: 'Kiểm thử phạm vi' })),
      'a total that is not the sum of its parts': submit(
        () => ({ administrativeUnitCode: '42', ...nextQuarter(), totalViaBcci: 10, receivedViaBcci: 4, resultsReturnedViaBcci: 5, source: 'Kiểm thử phạm vi' }),
        'totalViaBcci',
      ),
    },
    updateAggregateFigure: {
      [OWN]: async (caller) => {
        const figure = await own();
        const res = await t().gql(Q.update, { input: { id: figure.id, version: figure.version, online: 8 } }, caller);
        return {
          res,
          async verify(_data, outcome) {
            expect(await rowsOf(figure.id)).toEqual([outcome === 'ALLOWED' ? { online: 8, version: 2 } : { online: 7, version: 1 }]);
          },
        };
      },
    },
    deleteAggregateFigure: {
      [OWN]: async (caller) => {
        const figure = await own();
        const res = await t().gql(Q.delete, { input: { id: figure.id, version: figure.version } }, caller);
        return {
          res,
          async verify(data, outcome) {
            if (outcome === 'ALLOWED') expect(data.id).toBe(figure.id);
            expect(await rowsOf(figure.id)).toEqual(outcome === 'ALLOWED' ? [] : [{ online: 7, version: 1 }]);
          },
        };
      },
    },
  };
}
