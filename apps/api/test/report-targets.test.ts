/**
 * Targets (chỉ tiêu, issue 13): a province assigns its units a share of received dossiers (online, via
 * BCCI) for a period; the rules of a target, its audit entry and versions, the roll-up through merged
 * units, and its scope.
 */
import { todayInVietnam } from '../src/platform/graphql/scalars';
import { failure, ok, startTestApp, type TestApp } from './harness';

let t: TestApp;

const TARGETS = `query($filter: ReportTargetFilter) {
  reportTargets(filter: $filter, first: 50) {
    totalCount
    edges { node { id metric periodStart periodEnd targetPercent basis version administrativeUnit { code name } province { code } } }
  }
}`;
const SET = `mutation($input: SetReportTargetInput!) { setReportTarget(input: $input) { reportTarget { id version metric targetPercent basis periodStart periodEnd administrativeUnit { code } province { code } } } }`;
const UPDATE = `mutation($input: UpdateReportTargetInput!) { updateReportTarget(input: $input) { reportTarget { id version targetPercent basis periodEnd } } }`;
const DELETE = `mutation($input: DeleteReportTargetInput!) { deleteReportTarget(input: $input) { id } }`;

const fieldsOf = (res: any) => failure(res).extensions.fields?.map((f: any) => f.field);

async function unitId(code: string, day: string): Promise<string> {
  const [row] = await t.sql(`SELECT id FROM administrative_unit WHERE code = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $2)`, [code, day]);
  if (!row) throw new Error(`no unit ${code} on ${day}`);
  return row.id;
}

/** A commune of Hà Tĩnh in force today. */
async function haTinhCommune(): Promise<string> {
  const [row] = await t.sql(
    `SELECT c.code FROM administrative_unit c JOIN administrative_unit p ON c.path <@ p.path
      WHERE p.code = '42' AND p.valid_to IS NULL AND c.level = 'COMMUNE' AND c.valid_to IS NULL ORDER BY c.code LIMIT 1`,
  );
  return row.code;
}

beforeAll(async () => {
  t = await startTestApp({ signInAs: 'hatinh.bcd' });
});

afterAll(async () => {
  await t?.close();
});

describe('a province assigns its units targets', () => {
  it('sets an advanced new-rural commune 50 % online for 2027, audited, changed with its version, removed', async () => {
    const code = await haTinhCommune();
    const input = { administrativeUnitCode: code, metric: 'ONLINE_SHARE', periodStart: '2027-01-01', periodEnd: '2027-12-31', targetPercent: 50, basis: 'Tiêu chí 8, xã nông thôn mới nâng cao' };
    const made = ok(await t.gql(SET, { input })).setReportTarget.reportTarget;
    expect(made).toMatchObject({ version: 1, metric: 'ONLINE_SHARE', targetPercent: 50, administrativeUnit: { code }, province: { code: '42' } });
    const trail = (action: string) => t.sql(`SELECT actor_label FROM audit_entry WHERE entity_type = 'ReportTarget' AND entity_id = $1 AND action = $2`, [made.id, action]);
    expect(await trail('reportTarget.set')).toHaveLength(1);

    // One target per unit, metric and period: a second is CONFLICT naming the period.
    const again = failure(await t.gql(SET, { input: { ...input, targetPercent: 30 } }));
    expect(again.extensions.code).toBe('CONFLICT');
    // Another metric for the same period is another target.
    const bcci = ok(await t.gql(SET, { input: { ...input, metric: 'BCCI_SHARE', targetPercent: 12.5, basis: null } })).setReportTarget.reportTarget;
    expect(bcci).toMatchObject({ metric: 'BCCI_SHARE', targetPercent: 12.5, basis: null });

    const changed = ok(await t.gql(UPDATE, { input: { id: made.id, version: 1, targetPercent: 55.5, basis: '' } })).updateReportTarget.reportTarget;
    expect(changed).toMatchObject({ version: 2, targetPercent: 55.5, basis: null });
    expect(await trail('reportTarget.update')).toHaveLength(1);
    expect(failure(await t.gql(UPDATE, { input: { id: made.id, version: 1, targetPercent: 40 } })).extensions.code).toBe('CONFLICT');
    expect(failure(await t.gql(DELETE, { input: { id: made.id, version: 1 } })).extensions.code).toBe('CONFLICT');

    const listed = ok(await t.gql(TARGETS, { filter: { unitId: await unitId(code, todayInVietnam()), from: '2027-04-01', to: '2027-06-30' } })).reportTargets;
    expect(listed.edges.map((e: any) => [e.node.metric, e.node.targetPercent]).sort()).toEqual([['BCCI_SHARE', 12.5], ['ONLINE_SHARE', 55.5]]);
    // The province's targets include its communes' when asked for.
    const province = ok(await t.gql(TARGETS, { filter: { unitId: await unitId('42', todayInVietnam()), includeSubunits: true, metric: 'BCCI_SHARE' } })).reportTargets;
    expect(province.edges.map((e: any) => e.node.id)).toContain(bcci.id);
    expect(ok(await t.gql(TARGETS, { filter: { unitId: await unitId('42', todayInVietnam()) } })).reportTargets.edges.map((e: any) => e.node.id)).not.toContain(bcci.id);

    expect(ok(await t.gql(DELETE, { input: { id: made.id, version: 2 } })).deleteReportTarget.id).toBe(made.id);
    ok(await t.gql(DELETE, { input: { id: bcci.id, version: 1 } }));
    expect(await trail('reportTarget.delete')).toHaveLength(1);
    expect(await t.sql('SELECT id FROM report_target WHERE id = ANY($1)', [[made.id, bcci.id]])).toEqual([]);
  });

  it.each([
    ['targetPercent', { targetPercent: 0 }],
    ['targetPercent', { targetPercent: 100.5 }],
    ['targetPercent', { targetPercent: 33.33 }],
    ['periodEnd', { periodStart: '2027-06-01', periodEnd: '2027-05-31' }],
    ['periodEnd', { periodEnd: '9999-12-31' }],
    ['administrativeUnitCode', { administrativeUnitCode: '00000' }],
  ])('refuses a bad %s, naming it', async (field, change) => {
    const input = { administrativeUnitCode: '42', metric: 'ONLINE_SHARE', periodStart: '2027-01-01', periodEnd: '2027-03-31', targetPercent: 30, ...change };
    expect(fieldsOf(await t.gql(SET, { input }))).toEqual([field]);
  });

  it('a target follows its unit to the province it rolls up to, and stays its unit’s as of before', async () => {
    const create = `mutation($input: CreateAdministrativeUnitInput!) { createAdministrativeUnit(input: $input) { administrativeUnit { id } } }`;
    const retire = `mutation($input: RetireAdministrativeUnitInput!) { retireAdministrativeUnit(input: $input) { administrativeUnit { id } } }`;
    ok(await t.gql(create, { input: { code: '95', name: 'Tỉnh Chỉ Tiêu Cũ', level: 'PROVINCE', validFrom: '2004-01-01' } }, { as: 'admin' }));
    ok(await t.gql(create, { input: { code: '94', name: 'Tỉnh Chỉ Tiêu Mới', level: 'PROVINCE', validFrom: '2004-01-01' } }, { as: 'admin' }));
    const input = { administrativeUnitCode: '95', metric: 'BCCI_SHARE', periodStart: '2020-01-01', periodEnd: '2020-12-31', targetPercent: 20 };
    const made = ok(await t.gql(SET, { input }, { as: 'admin' })).setReportTarget.reportTarget;
    expect(made.province.code).toBe('95');
    const yesterday = new Date(Date.parse(`${todayInVietnam()}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    ok(await t.gql(retire, { input: { code: '95', validTo: yesterday, successorCode: '94' } }, { as: 'admin' }));
    const now = ok(await t.gql(TARGETS, { filter: { unitId: await unitId('94', todayInVietnam()) } }, { as: 'admin' })).reportTargets;
    expect(now.edges.map((e: any) => e.node)).toEqual([expect.objectContaining({ id: made.id, province: { code: '94' }, administrativeUnit: { code: '95', name: 'Tỉnh Chỉ Tiêu Cũ' } })]);
    const then = ok(await t.gql(TARGETS, { filter: { unitId: await unitId('95', '2020-12-31'), asOf: '2020-12-31' } }, { as: 'admin' })).reportTargets;
    expect(then.edges.map((e: any) => e.node.id)).toEqual([made.id]);
  });
});

describe('actual against target, with traffic lights (measured on the demo dossiers: test/report-volumes.test.ts)', () => {
  const PROGRESS = `query($filter: ReportTargetFilter) {
    targetProgress(filter: $filter) { target { id metric targetPercent } unitName measuredFrom measuredTo received counted actualPercent gapPoints light }
  }`;

  it('a unit whose figures state no received total cannot be measured: NO_DATA (Tánh Linh 2022)', async () => {
    const made = ok(
      await t.gql(SET, { input: { administrativeUnitCode: '599', metric: 'ONLINE_SHARE', periodStart: '2022-01-01', periodEnd: '2022-12-31', targetPercent: 30 } }, { as: 'admin' }),
    ).setReportTarget.reportTarget;
    const progress = ok(await t.gql(PROGRESS, { filter: { unitId: await unitId('599', '2022-12-31'), asOf: '2022-12-31' } }, { as: 'admin' })).targetProgress;
    expect(progress).toEqual([expect.objectContaining({ target: expect.objectContaining({ id: made.id }), unitName: 'Huyện Tánh Linh', received: null, actualPercent: null, light: 'NO_DATA' })]);
    ok(await t.gql(DELETE, { input: { id: made.id, version: 1 } }, { as: 'admin' }));
  });

  it('is read by those who read volume reports only', async () => {
    for (const as of ['hatinh.quay', 'hatinh.stttt']) expect(failure(await t.gql(PROGRESS, { filter: {} }, { as })).extensions.code).toBe('FORBIDDEN');
    expect(failure(await t.gql(PROGRESS, { filter: {} }, { as: null })).extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('scope', () => {
  it('only the province’s committee and administrators assign; another province’s targets are invisible and not found', async () => {
    const input = { administrativeUnitCode: '42', metric: 'ONLINE_SHARE', periodStart: '2028-01-01', periodEnd: '2028-12-31', targetPercent: 30 };
    for (const as of ['hatinh.buudien', 'hatinh.quay', 'hatinh.stttt']) expect(failure(await t.gql(SET, { input }, { as })).extensions.code).toBe('FORBIDDEN');
    expect(failure(await t.gql(SET, { input }, { as: 'dongnai.bcd' })).extensions.code).toBe('FORBIDDEN');
    expect(failure(await t.gql(SET, { input }, { as: null })).extensions.code).toBe('UNAUTHENTICATED');
    expect(failure(await t.gql(TARGETS, { filter: {} }, { as: null })).extensions.code).toBe('UNAUTHENTICATED');

    const made = ok(await t.gql(SET, { input }, { as: 'hatinh.quantri' })).setReportTarget.reportTarget;
    expect(ok(await t.gql(TARGETS, { filter: {} }, { as: 'dongnai.bcd' })).reportTargets.edges.map((e: any) => e.node.id)).not.toContain(made.id);
    // Everyone of the province reads them (a post office manager sees what the province expects).
    expect(ok(await t.gql(TARGETS, { filter: {} }, { as: 'hatinh.buudien' })).reportTargets.edges.map((e: any) => e.node.id)).toContain(made.id);
    expect(failure(await t.gql(UPDATE, { input: { id: made.id, version: 1, targetPercent: 40 } }, { as: 'dongnai.bcd' })).extensions.code).toBe('NOT_FOUND');
    expect(failure(await t.gql(DELETE, { input: { id: made.id, version: 1 } }, { as: 'dongnai.bcd' })).extensions.code).toBe('NOT_FOUND');
    ok(await t.gql(DELETE, { input: { id: made.id, version: 1 } }, { as: 'hatinh.bcd' }));
  });
});
