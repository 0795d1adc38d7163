/**
 * Aggregate submissions (issue 13): the seed articles' figures, loaded by the demo seed as the units
 * would submit them, reproduced exactly through the API, with their source; rolled up across the 2025
 * merges in both directions of time; the rules of a submission; its audit entry; its scope.
 */
import { todayInVietnam } from '../src/platform/graphql/scalars';
import { failure, ok, startTestApp, type TestApp } from './harness';

let t: TestApp;

const FIGURES = `query($filter: AggregateFigureFilter, $first: Int, $after: String) {
  aggregateFigures(filter: $filter, first: $first, after: $after) {
    totalCount
    totals { figures receivedViaBcci resultsReturnedViaBcci receivedAndReturnedViaBcci totalViaBcci online atDesk }
    edges { node { id periodStart periodEnd receivedViaBcci resultsReturnedViaBcci receivedAndReturnedViaBcci totalViaBcci online atDesk source note version
      administrativeUnit { code name } province { code } desk { name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const SUBMIT = `mutation($input: SubmitAggregateFigureInput!) { submitAggregateFigure(input: $input) { aggregateFigure { id version totalViaBcci receivedViaBcci resultsReturnedViaBcci source administrativeUnit { code } province { code } } } }`;
const UPDATE = `mutation($input: UpdateAggregateFigureInput!) { updateAggregateFigure(input: $input) { aggregateFigure { id version totalViaBcci receivedViaBcci resultsReturnedViaBcci note } } }`;
const DELETE = `mutation($input: DeleteAggregateFigureInput!) { deleteAggregateFigure(input: $input) { id } }`;

/** The id of the version of a unit's code in force on a day. */
async function unitId(code: string, day: string): Promise<string> {
  const [row] = await t.sql(`SELECT id FROM administrative_unit WHERE code = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $2)`, [code, day]);
  if (!row) throw new Error(`no unit ${code} on ${day}`);
  return row.id;
}

const figures = async (filter: Record<string, unknown>, as = 'admin') => ok(await t.gql(FIGURES, { filter, first: 50 }, { as })).aggregateFigures;

beforeAll(async () => {
  t = await startTestApp({ signInAs: 'hatinh.bcd' });
});

afterAll(async () => {
  await t?.close();
});

describe('the seed articles’ figures, reproduced exactly', () => {
  it('Hà Tĩnh 2023: 262,725 via BCCI = 45,757 received + 216,968 returned, 42,854 of them at the provincial centre', async () => {
    const ht = await unitId('42', '2023-12-31');
    const year = { unitId: ht, from: '2023-01-01', to: '2023-12-31' };
    const province = await figures(year, 'hatinh.bcd');
    expect(province.totals).toEqual({ figures: 1, receivedViaBcci: 45_757, resultsReturnedViaBcci: 216_968, receivedAndReturnedViaBcci: null, totalViaBcci: 262_725, online: null, atDesk: null });
    expect(province.edges).toHaveLength(1);
    const [{ node }] = province.edges;
    expect(node).toMatchObject({ periodStart: '2023-01-01', periodEnd: '2023-12-31', administrativeUnit: { code: '42', name: 'Tỉnh Hà Tĩnh' }, province: { code: '42' }, desk: null });
    // Cited as an official cites a source (title and publisher in Vietnamese), without the reference data's internal id.
    expect(node.source).toBe('Hà Tĩnh đồng hành giải quyết thủ tục hành chính qua dịch vụ Bưu chính công ích (24/12/2023) – Cổng Thông tin điện tử Sở Thông tin và Truyền thông Hà Tĩnh (Ban Biên tập)');

    const [centre] = await t.sql(`SELECT id FROM one_stop_desk WHERE code = '42-TTPVHCC-MC'`);
    const desk = await figures({ ...year, deskId: centre.id }, 'hatinh.bcd');
    expect(desk.totals).toMatchObject({ figures: 1, resultsReturnedViaBcci: 42_854, totalViaBcci: null });
    expect(desk.edges[0].node.desk.name).toBe('Trung tâm Phục vụ Hành chính công tỉnh Hà Tĩnh');

    // Listed beside the province's figure when asked for, never added to it.
    const both = await figures({ ...year, includeDeskFigures: true }, 'hatinh.bcd');
    expect(both.totalCount).toBe(2);
    expect(both.totals).toEqual(province.totals);
  });

  it('Bình Phước 2017: 74,071 via BCCI, for Bình Phước as of 2019 and for Đồng Nai as of today', async () => {
    const year2017 = { from: '2017-01-01', to: '2017-12-31' };
    const bp = await unitId('70', '2019-06-30');
    const dn = await unitId('75', todayInVietnam());
    const asOf2019 = await figures({ ...year2017, unitId: bp, asOf: '2019-06-30' });
    expect(asOf2019.totals).toMatchObject({ figures: 1, totalViaBcci: 74_071, receivedViaBcci: null, resultsReturnedViaBcci: null });
    expect(asOf2019.edges[0].node).toMatchObject({ administrativeUnit: { code: '70', name: 'Tỉnh Bình Phước' }, province: { code: '75' } });
    expect(asOf2019.edges[0].node.source).toContain('Bình Phước: Đề xuất chuyển dịch vụ');

    // Today the same figure counts for Đồng Nai, for its steering committee too …
    for (const as of ['admin', 'dongnai.bcd']) {
      const today = await figures({ ...year2017, unitId: dn }, as);
      expect(today.totals).toMatchObject({ figures: 1, totalViaBcci: 74_071 });
      expect(today.edges[0].node.id).toBe(asOf2019.edges[0].node.id);
    }
    // … while Đồng Nai as of 2019 was another province, and Bình Phước is no longer one today.
    expect((await figures({ ...year2017, unitId: dn, asOf: '2019-06-30' })).totals).toMatchObject({ figures: 0, totalViaBcci: null });
    const gone = failure(await t.gql(FIGURES, { filter: { ...year2017, unitId: bp } }, { as: 'admin' }));
    expect(gone.extensions.code).toBe('BAD_USER_INPUT');
    expect(gone.extensions.fields?.map((f) => f.field)).toEqual(['unitId']);
  });

  it('Bình Phước, 8 months of 2018: 10,158 received and returned, 258,873 results returned', async () => {
    const bp = await unitId('70', '2019-06-30');
    const months = await figures({ unitId: bp, asOf: '2019-06-30', from: '2018-01-01', to: '2018-08-31' });
    expect(months.totals).toEqual({ figures: 1, receivedViaBcci: null, resultsReturnedViaBcci: 258_873, receivedAndReturnedViaBcci: 10_158, totalViaBcci: null, online: null, atDesk: null });
    expect(months.edges[0].node).toMatchObject({ periodStart: '2018-01-01', periodEnd: '2018-08-31' });
    // Both of Bình Phước's periods, each as stated: nothing derived.
    const both = await figures({ unitId: await unitId('75', todayInVietnam()), from: '2017-01-01', to: '2018-12-31' }, 'dongnai.bcd');
    expect(both.edges.map((e: any) => e.node.periodStart)).toEqual(['2017-01-01', '2018-01-01']);
    expect(both.totals).toMatchObject({ figures: 2, totalViaBcci: 74_071, receivedAndReturnedViaBcci: 10_158, resultsReturnedViaBcci: 258_873 });
  });

  it('Tánh Linh 2022: 657 online and 661 via BCCI, under the district, Bình Thuận then and Lâm Đồng now', async () => {
    const year = { from: '2022-01-01', to: '2022-12-31' };
    const expected = { figures: 1, online: 657, totalViaBcci: 661, receivedViaBcci: null, atDesk: null };
    const district = await figures({ ...year, unitId: await unitId('599', '2022-12-31'), asOf: '2022-12-31' });
    expect(district.totals).toMatchObject(expected);
    expect(district.edges[0].node).toMatchObject({ administrativeUnit: { code: '599', name: 'Huyện Tánh Linh' }, province: { code: '68' } });
    expect(district.edges[0].node.source).toContain('(Tánh Linh, 2022)');
    // Under its province of the time only with its subunits; under Lâm Đồng today, the district abolished.
    const binhThuan = await unitId('60', '2022-12-31');
    expect((await figures({ ...year, unitId: binhThuan, asOf: '2022-12-31' })).totals.figures).toBe(0);
    expect((await figures({ ...year, unitId: binhThuan, asOf: '2022-12-31', includeSubunits: true })).totals).toMatchObject(expected);
    expect((await figures({ ...year, unitId: await unitId('68', todayInVietnam()) })).totals).toMatchObject(expected);
  });

  it('pages by period start, with the totals of every page', async () => {
    const first = ok(await t.gql(FIGURES, { filter: {}, first: 2 }, { as: 'admin' })).aggregateFigures;
    expect(first.totalCount).toBeGreaterThanOrEqual(4);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = ok(await t.gql(FIGURES, { filter: {}, first: 2, after: first.pageInfo.endCursor }, { as: 'admin' })).aggregateFigures;
    expect(next.totals).toEqual(first.totals);
    const starts = [...first.edges, ...next.edges].map((e: any) => e.node.periodStart);
    expect([...starts].sort()).toEqual(starts);
  });
});

describe('a submission', () => {
  const base = { administrativeUnitCode: '42', periodStart: '2024-01-01', periodEnd: '2024-03-31', source: 'Báo cáo quý I/2024 của Bưu điện tỉnh (thử)' };
  const fieldsOf = (res: any) => failure(res).extensions.fields?.map((f: any) => f.field);

  it('refuses a total that is not the sum of its parts, no figure, a negative one, a reversed period, a unit not in force all along', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...base, totalViaBcci: 1000, receivedViaBcci: 400, resultsReturnedViaBcci: 500 }, 'totalViaBcci'],
      [{ ...base }, 'totalViaBcci'],
      [{ ...base, receivedViaBcci: -1 }, 'receivedViaBcci'],
      [{ ...base, online: 3, periodStart: '2024-04-01' }, 'periodEnd'],
      [{ ...base, online: 3, periodEnd: '2099-12-31' }, 'periodEnd'],
      [{ ...base, online: 3, administrativeUnitCode: '70', periodStart: '2025-01-01', periodEnd: '2025-12-31' }, 'administrativeUnitCode'],
      [{ ...base, online: 3, source: '   ' }, 'source'],
    ];
    const before = await t.sql('SELECT count(*)::int AS n FROM aggregate_figure');
    for (const [input, field] of cases) {
      const res = await t.gql(SUBMIT, { input }, { as: 'admin' });
      expect(failure(res).extensions.code).toBe('BAD_USER_INPUT');
      expect(fieldsOf(res)).toEqual([field]);
    }
    const sum = failure(await t.gql(SUBMIT, { input: cases[0][0] }, { lang: 'en' }));
    expect(sum.extensions.fields?.[0].message).toContain('must equal the sum of its parts');
    expect(await t.sql('SELECT count(*)::int AS n FROM aggregate_figure')).toEqual(before);
  });

  it('is written with its audit entry, corrected with its version (CONFLICT when stale) and removed', async () => {
    const { submitAggregateFigure } = ok(await t.gql(SUBMIT, { input: { ...base, totalViaBcci: 900, receivedViaBcci: 400, resultsReturnedViaBcci: 500 } }));
    const figure = submitAggregateFigure.aggregateFigure;
    expect(figure).toMatchObject({ version: 1, totalViaBcci: 900, administrativeUnit: { code: '42' }, province: { code: '42' } });
    const trail = async (action: string) => t.sql(`SELECT actor_label, province_id FROM audit_entry WHERE entity_type = 'AggregateFigure' AND entity_id = $1 AND action = $2`, [figure.id, action]);
    expect(await trail('aggregateFigure.submit')).toHaveLength(1);

    // A total changed alone must still match the parts kept.
    const mismatch = await t.gql(UPDATE, { input: { id: figure.id, version: 1, totalViaBcci: 950 } });
    expect(fieldsOf(mismatch)).toEqual(['totalViaBcci']);
    const { updateAggregateFigure } = ok(await t.gql(UPDATE, { input: { id: figure.id, version: 1, totalViaBcci: 950, receivedViaBcci: 450, note: 'Đã đối chiếu' } }));
    expect(updateAggregateFigure.aggregateFigure).toMatchObject({ version: 2, totalViaBcci: 950, receivedViaBcci: 450, resultsReturnedViaBcci: 500, note: 'Đã đối chiếu' });
    expect(await trail('aggregateFigure.update')).toHaveLength(1);
    expect(failure(await t.gql(UPDATE, { input: { id: figure.id, version: 1, online: 1 } })).extensions.code).toBe('CONFLICT');
    expect(failure(await t.gql(DELETE, { input: { id: figure.id, version: 1 } })).extensions.code).toBe('CONFLICT');

    expect(ok(await t.gql(DELETE, { input: { id: figure.id, version: 2 } })).deleteAggregateFigure.id).toBe(figure.id);
    expect(await trail('aggregateFigure.delete')).toHaveLength(1);
    expect(await t.sql('SELECT id FROM aggregate_figure WHERE id = $1', [figure.id])).toEqual([]);
  });

  it('a desk’s own figure: a desk of the reporting unit', async () => {
    const [centre] = await t.sql(`SELECT id FROM one_stop_desk WHERE code = '42-TTPVHCC-MC'`);
    const [other] = await t.sql(`SELECT id FROM one_stop_desk WHERE code LIKE '70-%' LIMIT 1`);
    expect(fieldsOf(await t.gql(SUBMIT, { input: { ...base, resultsReturnedViaBcci: 10, deskId: other.id } }))).toEqual(['deskId']);
    const made = ok(await t.gql(SUBMIT, { input: { ...base, resultsReturnedViaBcci: 10, deskId: centre.id } })).submitAggregateFigure.aggregateFigure;
    ok(await t.gql(DELETE, { input: { id: made.id, version: 1 } }));
  });
});

describe('the map changes', () => {
  it('a figure follows its unit to the province it rolls up to, and stays its unit’s as of before', async () => {
    const create = `mutation($input: CreateAdministrativeUnitInput!) { createAdministrativeUnit(input: $input) { administrativeUnit { id } } }`;
    const retire = `mutation($input: RetireAdministrativeUnitInput!) { retireAdministrativeUnit(input: $input) { administrativeUnit { id } } }`;
    ok(await t.gql(create, { input: { code: '97', name: 'Tỉnh Thử Cũ', level: 'PROVINCE', validFrom: '2004-01-01' } }, { as: 'admin' }));
    ok(await t.gql(create, { input: { code: '96', name: 'Tỉnh Thử Mới', level: 'PROVINCE', validFrom: '2004-01-01' } }, { as: 'admin' }));
    const input = { administrativeUnitCode: '97', periodStart: '2020-01-01', periodEnd: '2020-12-31', totalViaBcci: 12, source: 'Kiểm thử sáp nhập' };
    const made = ok(await t.gql(SUBMIT, { input }, { as: 'admin' })).submitAggregateFigure.aggregateFigure;
    expect(made.province.code).toBe('97');
    const yesterday = new Date(Date.parse(`${todayInVietnam()}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    ok(await t.gql(retire, { input: { code: '97', validTo: yesterday, successorCode: '96' } }, { as: 'admin' }));
    const [row] = await t.sql(`SELECT (SELECT code FROM administrative_unit WHERE id = f.province_id) AS province FROM aggregate_figure f WHERE id = $1`, [made.id]);
    expect(row.province).toBe('96');
    expect((await figures({ unitId: await unitId('96', todayInVietnam()) })).totals).toMatchObject({ figures: 1, totalViaBcci: 12 });
    expect((await figures({ unitId: await unitId('97', '2020-12-31'), asOf: '2020-12-31' })).totals).toMatchObject({ figures: 1, totalViaBcci: 12 });
  });
});

describe('scope', () => {
  it('another province’s figures are invisible, its units FORBIDDEN, its figures not found', async () => {
    const dn = await unitId('75', todayInVietnam());
    const seen = await figures({ unitId: dn, from: '2017-01-01', to: '2018-12-31' }, 'hatinh.bcd');
    expect(seen).toMatchObject({ totalCount: 0, edges: [], totals: { figures: 0, totalViaBcci: null } });
    // Everything Hà Tĩnh's steering committee reads is Hà Tĩnh's.
    const all = await figures({}, 'hatinh.bcd');
    expect(all.edges.every((e: any) => e.node.province.code === '42')).toBe(true);

    const input = { administrativeUnitCode: '75', periodStart: '2024-01-01', periodEnd: '2024-03-31', online: 5, source: 'thử' };
    expect(failure(await t.gql(SUBMIT, { input }, { as: 'hatinh.bcd' })).extensions.code).toBe('FORBIDDEN');
    expect(failure(await t.gql(SUBMIT, { input: { ...input, administrativeUnitCode: '42' } }, { as: 'hatinh.buudien' })).extensions.code).toBe('FORBIDDEN');
    expect(failure(await t.gql(SUBMIT, { input }, { as: null })).extensions.code).toBe('UNAUTHENTICATED');
    expect(failure(await t.gql(FIGURES, { filter: {} }, { as: null })).extensions.code).toBe('UNAUTHENTICATED');

    const [bp2017] = await t.sql(`SELECT id, version FROM aggregate_figure WHERE period_start = '2017-01-01'`);
    expect(failure(await t.gql(UPDATE, { input: { id: bp2017.id, version: bp2017.version, note: 'x' } }, { as: 'hatinh.bcd' })).extensions.code).toBe('NOT_FOUND');
    expect(failure(await t.gql(DELETE, { input: { id: bp2017.id, version: bp2017.version } }, { as: 'hatinh.bcd' })).extensions.code).toBe('NOT_FOUND');
    // Đồng Nai's steering committee may submit for Bình Phước's past, as it was.
    const made = ok(await t.gql(SUBMIT, { input: { ...input, administrativeUnitCode: '70', periodStart: '2019-01-01', periodEnd: '2019-12-31' } }, { as: 'dongnai.bcd' })).submitAggregateFigure.aggregateFigure;
    expect(made).toMatchObject({ administrativeUnit: { code: '70' }, province: { code: '75' } });
    ok(await t.gql(DELETE, { input: { id: made.id, version: 1 } }, { as: 'dongnai.bcd' }));
  });
});
