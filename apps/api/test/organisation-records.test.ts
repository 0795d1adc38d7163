/**
 * Agencies, one-stop desks and post offices through HTTP: their life (create, rename, move, retire),
 * the rules of kinds and levels, of the postal network, lists and search, errors and the audit trail.
 */
import { addDays, todayInVietnam } from '../src/platform/graphql/scalars';
import { failure, ok, startTestApp, type TestApp } from './harness';
import { audited, databaseState } from './audit-trail';

let t: TestApp;
const today = todayInVietnam();

/** Ids of demo records the tests lean on. */
const seeded: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp({ signInAs: 'admin' });
  const data = ok(
    await t.gql(`{
      provincial: postOffices(filter: { search: "BD-42" }) { edges { node { id code } } }
      district: postOffices(filter: { search: "BD-447" }) { edges { node { id code } } }
      binhPhuoc: postOffices(filter: { search: "BD-70" }) { edges { node { id code } } }
      department: agencies(filter: { search: "42-STTTT" }) { edges { node { id code } } }
    }`),
  );
  for (const [key, connection] of Object.entries<any>(data)) {
    expect(connection.edges).toHaveLength(1);
    seeded[key] = connection.edges[0].node.id;
  }
});
afterAll(() => t.close());

// Units in force today (after the 2025 reform): Hà Tĩnh (42) and two of its communes, Đồng Nai (75)
// and one of its communes. Huyện Kỳ Anh (447) ended on 30/6/2025.
const HA_TINH = '42';
const KY_XUAN = '18766';
const KY_ANH_COMMUNE = '18775';
const DONG_NAI = '75';
const DONG_TAM = '25390';
const OLD_DISTRICT = '447';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

let lastCode = 0;
const newCode = (prefix: string) => `T-${prefix}-${++lastCode}`;

const AGENCY = 'id code name kind retiredOn active administrativeUnit { code } province { code }';
const DESK = 'id code name level address retiredOn active agency { id code } administrativeUnit { code } province { code }';
const OFFICE = 'id code name kind address retiredOn active parent { id code } administrativeUnit { code } province { code }';

type Kind = 'Agency' | 'OneStopDesk' | 'PostOffice';
const FIELDS: Record<Kind, string> = { Agency: AGENCY, OneStopDesk: DESK, PostOffice: OFFICE };
const payloadField = (kind: Kind) => kind.charAt(0).toLowerCase() + kind.slice(1);
const mutation = (verb: string, kind: Kind) =>
  `mutation M($input: ${verb}${kind}Input!) { ${verb.toLowerCase()}${kind}(input: $input) { ${payloadField(kind)} { ${FIELDS[kind]} } } }`;

async function run(verb: string, kind: Kind, input: Record<string, unknown>, lang?: string) {
  return t.gql(mutation(verb, kind), { input }, { lang });
}
/** Runs a mutation that must succeed and returns the record it answers with. */
async function done(verb: string, kind: Kind, input: Record<string, unknown>) {
  return ok(await run(verb, kind, input))[`${verb.toLowerCase()}${kind}`][payloadField(kind)];
}

const createAgency = (input: Record<string, unknown> = {}) =>
  done('Create', 'Agency', { code: newCode('AG'), name: 'Sở Thử Nghiệm tỉnh Hà Tĩnh', kind: 'PROVINCIAL_DEPARTMENT', administrativeUnitCode: HA_TINH, ...input });
const createDesk = (input: Record<string, unknown>) => done('Create', 'OneStopDesk', { code: newCode('MC'), name: 'Bộ phận Một cửa thử nghiệm', ...input });
const createOffice = (input: Record<string, unknown>) =>
  done('Create', 'PostOffice', { code: newCode('BD'), name: 'Bưu điện thử nghiệm', kind: 'DISTRICT', administrativeUnitCode: HA_TINH, parentId: seeded.provincial, ...input });

const LIST = {
  Agency: `query L($filter: AgencyFilter, $first: Int! = 100) { list: agencies(filter: $filter, first: $first) { totalCount edges { node { ${AGENCY} } } } }`,
  OneStopDesk: `query L($filter: OneStopDeskFilter, $first: Int! = 100) { list: oneStopDesks(filter: $filter, first: $first) { totalCount edges { node { ${DESK} } } } }`,
  PostOffice: `query L($filter: PostOfficeFilter, $first: Int! = 100) { list: postOffices(filter: $filter, first: $first) { totalCount edges { node { ${OFFICE} } } } }`,
};
async function list(kind: Kind, filter: Record<string, unknown>): Promise<any[]> {
  return ok(await t.gql(LIST[kind], { filter })).list.edges.map((e: any) => e.node);
}
async function byId(kind: Kind, id: string) {
  return ok(await t.gql(`query($id: ID!) { record: ${payloadField(kind)}(id: $id) { ${FIELDS[kind]} } }`, { id })).record;
}

/** A mutation that must fail, leaving the database as it was; returns its error. */
async function refused(verb: string, kind: Kind, input: Record<string, unknown>, lang?: string) {
  const before = await databaseState(t);
  const error = failure(await run(verb, kind, input, lang));
  expect(await databaseState(t)).toEqual(before);
  return error;
}
/** The error's code and the field it names, for compact assertions. */
const summary = (error: { extensions: { code: string; fields?: Array<{ field: string }> } }) => ({
  code: error.extensions.code,
  field: error.extensions.fields?.[0]?.field ?? null,
});

describe('agencies', () => {
  it('creates a provincial department in a province, found by province, kind and a search without diacritics', async () => {
    const code = newCode('AG');
    const { result, entries } = await audited(t, () =>
      run('Create', 'Agency', { code, name: ' Sở Chuyển đổi số tỉnh Hà Tĩnh ', kind: 'PROVINCIAL_DEPARTMENT', administrativeUnitCode: HA_TINH }),
    );
    const agency = ok(result).createAgency.agency;
    expect(agency).toMatchObject({
      code,
      name: 'Sở Chuyển đổi số tỉnh Hà Tĩnh',
      kind: 'PROVINCIAL_DEPARTMENT',
      retiredOn: null,
      active: true,
      administrativeUnit: { code: HA_TINH },
      province: { code: HA_TINH },
    });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'agency.create', entityType: 'Agency', entityId: agency.id, before: null });
    expect(entries[0].after).toMatchObject({ id: agency.id, code, kind: 'PROVINCIAL_DEPARTMENT', retiredOn: null });

    const found = await list('Agency', { provinceCode: HA_TINH, kind: 'PROVINCIAL_DEPARTMENT', search: 'chuyen doi so' });
    expect(found.map((a) => a.id)).toEqual([agency.id]);
    expect((await list('Agency', { search: code })).map((a) => a.id)).toEqual([agency.id]);
    expect(await list('Agency', { provinceCode: DONG_NAI, search: 'chuyen doi so' })).toEqual([]);
    expect(await list('Agency', { kind: 'COMMUNE_PEOPLES_COMMITTEE', search: 'chuyen doi so' })).toEqual([]);
  });

  it('places each kind of agency at its level, in a unit in force today, and writes nothing otherwise', async () => {
    const cases: Array<[string, string]> = [
      ['PROVINCIAL_DEPARTMENT', KY_XUAN],
      ['PUBLIC_ADMINISTRATION_CENTRE', KY_XUAN],
      ['COMMUNE_PEOPLES_COMMITTEE', HA_TINH],
      ['DISTRICT_PEOPLES_COMMITTEE', OLD_DISTRICT],
      ['DISTRICT_PEOPLES_COMMITTEE', HA_TINH],
      ['COMMUNE_PEOPLES_COMMITTEE', '18760'], // Xã Kỳ Bắc, merged into Kỳ Xuân on 1/7/2025
      ['PROVINCIAL_DEPARTMENT', '99999999'],
    ];
    for (const [kind, unit] of cases) {
      const error = await refused('Create', 'Agency', { code: newCode('AG'), name: 'Cơ quan sai cấp', kind, administrativeUnitCode: unit });
      expect({ kind, unit, ...summary(error) }).toEqual({ kind, unit, code: 'BAD_USER_INPUT', field: 'administrativeUnitCode' });
    }
    const committee = await createAgency({ name: 'Ủy ban nhân dân xã Kỳ Xuân (thử)', kind: 'COMMUNE_PEOPLES_COMMITTEE', administrativeUnitCode: KY_XUAN });
    expect(committee).toMatchObject({ kind: 'COMMUNE_PEOPLES_COMMITTEE', administrativeUnit: { code: KY_XUAN }, province: { code: HA_TINH } });
  });

  it('renames, trims the name, and audits before and after', async () => {
    const agency = await createAgency({ name: 'Sở Tên Cũ' });
    const { result, entries } = await audited(t, () => run('Rename', 'Agency', { id: agency.id, name: '  Sở Tên Mới  ' }));
    expect(ok(result).renameAgency.agency).toMatchObject({ id: agency.id, code: agency.code, name: 'Sở Tên Mới' });
    expect(entries).toEqual([expect.objectContaining({ action: 'agency.rename', entityType: 'Agency', entityId: agency.id })]);
    expect(entries[0].before).toMatchObject({ name: 'Sở Tên Cũ' });
    expect(entries[0].after).toMatchObject({ name: 'Sở Tên Mới' });
    expect((await list('Agency', { search: 'so ten moi' })).map((a) => a.id)).toEqual([agency.id]);

    for (const name of ['', '   ']) expect(summary(await refused('Rename', 'Agency', { id: agency.id, name }))).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
    expect((await byId('Agency', agency.id)).name).toBe('Sở Tên Mới');
  });

  it('moves a department to another province and refuses a unit of the wrong level', async () => {
    const agency = await createAgency({ name: 'Sở Chuyển Tỉnh' });
    expect(summary(await refused('Move', 'Agency', { id: agency.id, administrativeUnitCode: DONG_TAM }))).toEqual({ code: 'BAD_USER_INPUT', field: 'administrativeUnitCode' });
    expect(summary(await refused('Move', 'Agency', { id: agency.id, administrativeUnitCode: '70' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'administrativeUnitCode' });

    const { result, entries } = await audited(t, () => run('Move', 'Agency', { id: agency.id, administrativeUnitCode: DONG_NAI }));
    expect(ok(result).moveAgency.agency).toMatchObject({ administrativeUnit: { code: DONG_NAI }, province: { code: DONG_NAI } });
    expect(entries).toEqual([expect.objectContaining({ action: 'agency.move', entityId: agency.id })]);
    expect(entries[0].before?.administrativeUnitId).not.toEqual(entries[0].after?.administrativeUnitId);
    expect((await list('Agency', { provinceCode: DONG_NAI, search: 'so chuyen tinh' })).map((a) => a.id)).toEqual([agency.id]);
    expect(await list('Agency', { provinceCode: HA_TINH, search: 'so chuyen tinh' })).toEqual([]);
  });

  it('retires: hidden from lists unless includeRetired, then frozen', async () => {
    const agency = await createAgency({ name: 'Sở Giải Thể' });
    const { result, entries } = await audited(t, () => run('Retire', 'Agency', { id: agency.id }));
    expect(ok(result).retireAgency.agency).toMatchObject({ retiredOn: today, active: false });
    expect(entries).toEqual([expect.objectContaining({ action: 'agency.retire', entityId: agency.id })]);
    expect(entries[0].before).toMatchObject({ retiredOn: null });
    expect(entries[0].after).toMatchObject({ retiredOn: today });

    expect(await list('Agency', { search: 'so giai the' })).toEqual([]);
    expect(await list('Agency', { provinceCode: HA_TINH, search: agency.code })).toEqual([]);
    expect((await list('Agency', { search: 'so giai the', includeRetired: true })).map((a) => [a.id, a.active])).toEqual([[agency.id, false]]);
    // Still readable by id, for the history.
    expect(await byId('Agency', agency.id)).toMatchObject({ retiredOn: today, active: false });

    expect(summary(await refused('Retire', 'Agency', { id: agency.id }))).toEqual({ code: 'CONFLICT', field: null });
    expect(summary(await refused('Rename', 'Agency', { id: agency.id, name: 'Sở Hồi Sinh' }))).toEqual({ code: 'CONFLICT', field: null });
    expect(summary(await refused('Move', 'Agency', { id: agency.id, administrativeUnitCode: DONG_NAI }))).toEqual({ code: 'CONFLICT', field: null });
    // A retired agency gets no new desk.
    expect(summary(await refused('Create', 'OneStopDesk', { code: newCode('MC'), name: 'Bộ phận muộn', agencyId: agency.id }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'agencyId',
    });
  });

  it('keeps an agency retired on a later day in the lists until that day', async () => {
    const agency = await createAgency({ name: 'Sở Sắp Giải Thể' });
    const lastDay = addDays(today, 30);
    expect(await done('Retire', 'Agency', { id: agency.id, retiredOn: lastDay })).toMatchObject({ retiredOn: lastDay, active: true });
    expect((await list('Agency', { search: 'so sap giai the' })).map((a) => a.id)).toEqual([agency.id]);
    const days = ok(
      await t.gql(`query($id: ID!, $d1: Date, $d2: Date) { agency(id: $id) { dayBefore: active(on: $d1) lastDay: active(on: $d2) } }`, { id: agency.id, d1: addDays(lastDay, -1), d2: lastDay }),
    );
    expect(days.agency).toEqual({ dayBefore: true, lastDay: false });
  });
});

describe('one-stop desks', () => {
  it('takes its agency’s unit and level when created without a unit', async () => {
    const department = await createAgency({ name: 'Sở Có Bộ Phận Một Cửa' });
    const { result, entries } = await audited(t, () =>
      run('Create', 'OneStopDesk', { code: newCode('MC'), name: 'Bộ phận Một cửa Sở Có Bộ Phận', agencyId: department.id, address: '  26 Nguyễn Chí Thanh  ' }),
    );
    const desk = ok(result).createOneStopDesk.oneStopDesk;
    expect(desk).toMatchObject({
      level: 'PROVINCE',
      address: '26 Nguyễn Chí Thanh',
      agency: { id: department.id },
      administrativeUnit: { code: HA_TINH },
      province: { code: HA_TINH },
      active: true,
    });
    expect(entries).toEqual([expect.objectContaining({ action: 'oneStopDesk.create', entityType: 'OneStopDesk', entityId: desk.id, before: null })]);

    const committee = await createAgency({ name: 'Ủy ban nhân dân xã Kỳ Anh (thử)', kind: 'COMMUNE_PEOPLES_COMMITTEE', administrativeUnitCode: KY_ANH_COMMUNE });
    const communeDesk = await createDesk({ agencyId: committee.id });
    expect(communeDesk).toMatchObject({ level: 'COMMUNE', administrativeUnit: { code: KY_ANH_COMMUNE }, address: null });

    expect((await list('OneStopDesk', { agencyId: department.id })).map((d) => d.id)).toEqual([desk.id]);
    expect((await list('OneStopDesk', { agencyId: committee.id, level: 'COMMUNE' })).map((d) => d.id)).toEqual([communeDesk.id]);
    expect(await list('OneStopDesk', { agencyId: committee.id, level: 'PROVINCE' })).toEqual([]);
  });

  it('serves the level of the unit it is placed in or moved to', async () => {
    const department = await createAgency({ name: 'Sở Có Điểm Tiếp Nhận Xã' });
    const desk = await createDesk({ agencyId: department.id, administrativeUnitCode: KY_XUAN, name: 'Điểm tiếp nhận tại xã Kỳ Xuân' });
    expect(desk).toMatchObject({ level: 'COMMUNE', administrativeUnit: { code: KY_XUAN } });

    const provincial = await createDesk({ agencyId: department.id, name: 'Bộ phận Một cửa cấp tỉnh' });
    const { result, entries } = await audited(t, () => run('Move', 'OneStopDesk', { id: provincial.id, administrativeUnitCode: KY_ANH_COMMUNE }));
    expect(ok(result).moveOneStopDesk.oneStopDesk).toMatchObject({ level: 'COMMUNE', administrativeUnit: { code: KY_ANH_COMMUNE }, province: { code: HA_TINH } });
    expect(entries).toEqual([expect.objectContaining({ action: 'oneStopDesk.move', entityId: provincial.id })]);
    expect(entries[0].before).toMatchObject({ level: 'PROVINCE' });
    expect(entries[0].after).toMatchObject({ level: 'COMMUNE' });
    expect((await list('OneStopDesk', { agencyId: department.id, level: 'COMMUNE' })).map((d) => d.id).sort()).toEqual([desk.id, provincial.id].sort());

    // A desk stays in its agency's province: readers of a province must reach both.
    expect(summary(await refused('Move', 'OneStopDesk', { id: provincial.id, administrativeUnitCode: DONG_NAI }))).toEqual({ code: 'BAD_USER_INPUT', field: 'administrativeUnitCode' });
    expect(await done('Move', 'OneStopDesk', { id: provincial.id, administrativeUnitCode: HA_TINH })).toMatchObject({ level: 'PROVINCE', province: { code: HA_TINH } });
    expect(summary(await refused('Move', 'OneStopDesk', { id: provincial.id, administrativeUnitCode: OLD_DISTRICT }))).toEqual({ code: 'BAD_USER_INPUT', field: 'administrativeUnitCode' });
    expect(summary(await refused('Create', 'OneStopDesk', { code: newCode('MC'), name: 'Bộ phận cũ', agencyId: department.id, administrativeUnitCode: OLD_DISTRICT }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'administrativeUnitCode',
    });
  });

  it('an agency cannot move to another province while its desks stay behind', async () => {
    const department = await createAgency({ name: 'Sở Có Bộ Phận Ở Lại' });
    const desk = await createDesk({ agencyId: department.id, name: 'Bộ phận Một cửa Sở Có Bộ Phận Ở Lại' });
    expect(summary(await refused('Move', 'Agency', { id: department.id, administrativeUnitCode: DONG_NAI }))).toEqual({ code: 'CONFLICT', field: null });
    await done('Retire', 'OneStopDesk', { id: desk.id });
    expect(await done('Move', 'Agency', { id: department.id, administrativeUnitCode: DONG_NAI })).toMatchObject({ province: { code: DONG_NAI } });
  });

  it('renames and retires a desk, which then leaves the lists', async () => {
    const department = await createAgency({ name: 'Sở Đóng Bộ Phận' });
    const desk = await createDesk({ agencyId: department.id, name: 'Bộ phận Một cửa Sở Đóng' });
    const renamed = await audited(t, () => run('Rename', 'OneStopDesk', { id: desk.id, name: 'Bộ phận Tiếp nhận và Trả kết quả Sở Đóng' }));
    expect(ok(renamed.result).renameOneStopDesk.oneStopDesk.name).toBe('Bộ phận Tiếp nhận và Trả kết quả Sở Đóng');
    expect(renamed.entries).toEqual([expect.objectContaining({ action: 'oneStopDesk.rename', entityId: desk.id })]);

    const retired = await audited(t, () => run('Retire', 'OneStopDesk', { id: desk.id }));
    expect(ok(retired.result).retireOneStopDesk.oneStopDesk).toMatchObject({ retiredOn: today, active: false });
    expect(retired.entries).toEqual([expect.objectContaining({ action: 'oneStopDesk.retire', entityId: desk.id })]);
    expect(await list('OneStopDesk', { agencyId: department.id })).toEqual([]);
    expect(await list('OneStopDesk', { search: 'tiep nhan va tra ket qua so dong' })).toEqual([]);
    expect((await list('OneStopDesk', { agencyId: department.id, includeRetired: true })).map((d) => d.id)).toEqual([desk.id]);
  });

  it('refuses an agency that does not exist or an id that is not one', async () => {
    expect(summary(await refused('Create', 'OneStopDesk', { code: newCode('MC'), name: 'Bộ phận ma', agencyId: UNKNOWN_ID }))).toEqual({ code: 'BAD_USER_INPUT', field: 'agencyId' });
    expect(summary(await refused('Create', 'OneStopDesk', { code: newCode('MC'), name: 'Bộ phận ma', agencyId: 'not-a-uuid' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'agencyId' });
  });
});

describe('electronic identifier codes (the prefix of dossier codes)', () => {
  const SET = {
    Agency: `mutation($input: SetAgencyIdentifierCodeInput!) { setAgencyIdentifierCode(input: $input) { agency { id identifierCode } } }`,
    OneStopDesk: `mutation($input: SetOneStopDeskIdentifierCodeInput!) { setOneStopDeskIdentifierCode(input: $input) { oneStopDesk { id identifierCode } } }`,
  };
  const set = (kind: 'Agency' | 'OneStopDesk', id: string, identifierCode: string | null, as?: string) => t.gql(SET[kind], { input: { id, identifierCode } }, { as });
  /** A set that must fail, leaving the database as it was. */
  async function refusedSet(kind: 'Agency' | 'OneStopDesk', id: string, identifierCode: string) {
    const before = await databaseState(t);
    const error = failure(await set(kind, id, identifierCode));
    expect(await databaseState(t)).toEqual(before);
    return summary(error);
  }

  it('sets, changes and removes an agency’s and a desk’s code in the format of Circular 10/2016, audited; no two receiving units share one', async () => {
    const department = await createAgency({ name: 'Sở Có Mã Định Danh' });
    const { result, entries } = await audited(t, () => set('Agency', department.id, ' 000.00.98.h27 '));
    expect(ok(result).setAgencyIdentifierCode.agency.identifierCode).toBe('000.00.98.H27');
    expect(entries).toEqual([expect.objectContaining({ action: 'agency.setIdentifierCode', entityType: 'Agency', entityId: department.id })]);
    expect(entries[0].before).toMatchObject({ identifierCode: null });
    expect(entries[0].after).toMatchObject({ identifierCode: '000.00.98.H27' });

    expect(await refusedSet('Agency', department.id, 'H27-98')).toEqual({ code: 'BAD_USER_INPUT', field: 'identifierCode' });
    // The Department of Information and Communications has its code (the seed): nobody else may.
    const [{ identifier_code: taken }] = await t.sql(`SELECT identifier_code FROM agency WHERE code = '42-STTTT'`);
    expect(taken).toMatch(/^000\.00\.\d{2}\.H27$/);
    expect(await refusedSet('Agency', department.id, taken)).toEqual({ code: 'CONFLICT', field: 'identifierCode' });

    // A desk may have its own agency's code (one sequence), not another unit's.
    const desk = await createDesk({ agencyId: department.id });
    expect(ok(await set('OneStopDesk', desk.id, '000.00.98.H27')).setOneStopDeskIdentifierCode.oneStopDesk.identifierCode).toBe('000.00.98.H27');
    expect(await refusedSet('OneStopDesk', desk.id, taken)).toEqual({ code: 'CONFLICT', field: 'identifierCode' });
    expect(ok(await set('OneStopDesk', desk.id, '000.00.99.H27')).setOneStopDeskIdentifierCode.oneStopDesk.identifierCode).toBe('000.00.99.H27');
    // Then no agency may take the desk's.
    const other = await createAgency({ name: 'Sở Khác' });
    expect(await refusedSet('Agency', other.id, '000.00.99.H27')).toEqual({ code: 'CONFLICT', field: 'identifierCode' });
    expect(ok(await set('OneStopDesk', desk.id, null)).setOneStopDeskIdentifierCode.oneStopDesk.identifierCode).toBeNull();
    expect(ok(await set('Agency', other.id, '000.00.99.H27')).setAgencyIdentifierCode.agency.identifierCode).toBe('000.00.99.H27');

    // Only those who keep the organisation.
    expect(failure(await set('Agency', department.id, '000.00.97.H27', 'hatinh.quay')).extensions.code).toBe('FORBIDDEN');
  });
});

describe('post offices', () => {
  it('puts a commune cultural post office in a commune and a provincial one in a province', async () => {
    const { result, entries } = await audited(t, () =>
      run('Create', 'PostOffice', {
        code: newCode('BDVHX'),
        name: 'Bưu điện văn hóa xã Kỳ Xuân (thử)',
        kind: 'COMMUNE_CULTURAL',
        administrativeUnitCode: KY_XUAN,
        parentId: seeded.provincial,
        address: ' Thôn Tân Tiến ',
      }),
    );
    const office = ok(result).createPostOffice.postOffice;
    expect(office).toMatchObject({ kind: 'COMMUNE_CULTURAL', address: 'Thôn Tân Tiến', parent: { code: 'BD-42' }, administrativeUnit: { code: KY_XUAN }, province: { code: HA_TINH } });
    expect(entries).toEqual([expect.objectContaining({ action: 'postOffice.create', entityType: 'PostOffice', entityId: office.id, before: null })]);
    expect(entries[0].after).toMatchObject({ parentId: seeded.provincial, kind: 'COMMUNE_CULTURAL' });
    expect((await list('PostOffice', { parentId: seeded.provincial, kind: 'COMMUNE_CULTURAL' })).map((p) => p.id)).toContain(office.id);

    const cases: Array<[string, string, string | null]> = [
      ['COMMUNE_CULTURAL', HA_TINH, seeded.provincial],
      ['COMMUNE_CULTURAL', '18760', seeded.district], // Xã Kỳ Bắc is no longer in force
      ['PROVINCIAL', KY_XUAN, null],
    ];
    for (const [kind, unit, parentId] of cases) {
      const error = await refused('Create', 'PostOffice', { code: newCode('BD'), name: 'Bưu điện sai cấp', kind, administrativeUnitCode: unit, parentId });
      expect({ kind, unit, ...summary(error) }).toEqual({ kind, unit, code: 'BAD_USER_INPUT', field: 'administrativeUnitCode' });
    }
  });

  it('keeps the postal network a tree of the right kinds: a district office reports to a provincial one', async () => {
    const cases: Array<[string, string | null]> = [
      ['DISTRICT', seeded.district],
      ['DISTRICT', null],
      ['POST_OFFICE', null],
      ['PROVINCIAL', seeded.provincial],
      ['COMMUNE_CULTURAL', UNKNOWN_ID],
    ];
    for (const [kind, parentId] of cases) {
      const unit = kind === 'COMMUNE_CULTURAL' ? KY_XUAN : HA_TINH;
      const error = await refused('Create', 'PostOffice', { code: newCode('BD'), name: 'Bưu điện lạc', kind, administrativeUnitCode: unit, parentId });
      expect({ kind, parentId, ...summary(error) }).toEqual({ kind, parentId, code: 'BAD_USER_INPUT', field: 'parentId' });
    }
    const district = await createOffice({ name: 'Bưu điện khu vực Kỳ Anh (thử)' });
    expect(district).toMatchObject({ kind: 'DISTRICT', parent: { id: seeded.provincial } });
    const counter = await createOffice({ name: 'Bưu cục Kỳ Xuân (thử)', kind: 'POST_OFFICE', administrativeUnitCode: KY_XUAN, parentId: district.id });
    const cultural = await createOffice({ name: 'Bưu điện văn hóa thôn (thử)', kind: 'COMMUNE_CULTURAL', administrativeUnitCode: KY_XUAN, parentId: counter.id });
    expect(cultural.parent).toEqual({ id: counter.id, code: counter.code });
    expect((await list('PostOffice', { parentId: district.id })).map((p) => p.id)).toEqual([counter.id]);
  });

  it('refuses a parent post office in another province, and accepts one owned by the same province after a merge', async () => {
    const error = await refused('Create', 'PostOffice', { code: newCode('BD'), name: 'Bưu điện Đồng Nai (thử)', kind: 'DISTRICT', administrativeUnitCode: DONG_NAI, parentId: seeded.provincial });
    expect(summary(error)).toEqual({ code: 'BAD_USER_INPUT', field: 'parentId' });
    const commune = await refused('Create', 'PostOffice', { code: newCode('BD'), name: 'BĐVHX Đồng Tâm (thử)', kind: 'COMMUNE_CULTURAL', administrativeUnitCode: DONG_TAM, parentId: seeded.provincial });
    expect(summary(commune)).toEqual({ code: 'BAD_USER_INPUT', field: 'parentId' });

    // Bưu điện tỉnh Bình Phước belongs to Đồng Nai since the 2025 merge.
    const office = await createOffice({ name: 'Bưu điện văn hóa xã Đồng Tâm (thử)', kind: 'COMMUNE_CULTURAL', administrativeUnitCode: DONG_TAM, parentId: seeded.binhPhuoc });
    expect(office).toMatchObject({ parent: { code: 'BD-70' }, province: { code: DONG_NAI } });
  });

  it('cannot retire a post office while offices still report to it', async () => {
    const parent = await createOffice({ name: 'Bưu điện có con (thử)' });
    const child = await createOffice({ name: 'Bưu điện văn hóa con (thử)', kind: 'COMMUNE_CULTURAL', administrativeUnitCode: KY_XUAN, parentId: parent.id });
    expect(summary(await refused('Retire', 'PostOffice', { id: parent.id }))).toEqual({ code: 'CONFLICT', field: null });
    expect((await byId('PostOffice', parent.id)).retiredOn).toBeNull();

    // A child that closes only next month still reports to it today.
    const other = await createOffice({ name: 'Bưu điện thứ hai (thử)' });
    const closing = await createOffice({ name: 'Bưu điện văn hóa sắp đóng (thử)', kind: 'COMMUNE_CULTURAL', administrativeUnitCode: KY_XUAN, parentId: other.id });
    await done('Retire', 'PostOffice', { id: closing.id, retiredOn: addDays(today, 30) });
    expect(summary(await refused('Retire', 'PostOffice', { id: other.id }))).toEqual({ code: 'CONFLICT', field: null });

    // Once its child has closed, it may close.
    await done('Retire', 'PostOffice', { id: child.id });
    const { result, entries } = await audited(t, () => run('Retire', 'PostOffice', { id: parent.id }));
    expect(ok(result).retirePostOffice.postOffice).toMatchObject({ retiredOn: today, active: false });
    expect(entries).toEqual([expect.objectContaining({ action: 'postOffice.retire', entityId: parent.id })]);

    // A closed office takes no new ones under it, and is only listed on request.
    const orphan = await refused('Create', 'PostOffice', { code: newCode('BD'), name: 'Bưu điện mồ côi', kind: 'COMMUNE_CULTURAL', administrativeUnitCode: KY_XUAN, parentId: parent.id });
    expect(summary(orphan)).toEqual({ code: 'BAD_USER_INPUT', field: 'parentId' });
    expect(await list('PostOffice', { parentId: parent.id })).toEqual([]);
    expect((await list('PostOffice', { parentId: parent.id, includeRetired: true })).map((p) => p.id)).toEqual([child.id]);
    expect((await list('PostOffice', { search: 'buu dien co con', includeRetired: true })).map((p) => p.id)).toEqual([parent.id]);
    expect(await list('PostOffice', { search: 'buu dien co con' })).toEqual([]);
  });

  it('renames and moves a post office within the rules of its kind', async () => {
    const office = await createOffice({ name: 'BĐVHX Kỳ Xuân (thử)', kind: 'COMMUNE_CULTURAL', administrativeUnitCode: KY_XUAN });
    const renamed = await audited(t, () => run('Rename', 'PostOffice', { id: office.id, name: 'Bưu điện văn hóa xã Kỳ Xuân mới' }));
    expect(ok(renamed.result).renamePostOffice.postOffice.name).toBe('Bưu điện văn hóa xã Kỳ Xuân mới');
    expect(renamed.entries).toEqual([expect.objectContaining({ action: 'postOffice.rename', entityId: office.id })]);

    const moved = await audited(t, () => run('Move', 'PostOffice', { id: office.id, administrativeUnitCode: KY_ANH_COMMUNE }));
    expect(ok(moved.result).movePostOffice.postOffice).toMatchObject({ administrativeUnit: { code: KY_ANH_COMMUNE }, province: { code: HA_TINH } });
    expect(moved.entries).toEqual([expect.objectContaining({ action: 'postOffice.move', entityId: office.id })]);
    expect(summary(await refused('Move', 'PostOffice', { id: office.id, administrativeUnitCode: HA_TINH }))).toEqual({ code: 'BAD_USER_INPUT', field: 'administrativeUnitCode' });
  });

  it('refuses a move that would leave an office reporting across a province border', async () => {
    const district = await createOffice({ name: 'Bưu điện không rời tỉnh (thử)' });
    const child = await createOffice({ name: 'Bưu cục không rời tỉnh (thử)', kind: 'POST_OFFICE', administrativeUnitCode: KY_XUAN, parentId: district.id });
    // The district office reports to Bưu điện tỉnh Hà Tĩnh: it cannot move to Đồng Nai.
    expect(summary(await refused('Move', 'PostOffice', { id: district.id, administrativeUnitCode: DONG_NAI }))).toEqual({ code: 'BAD_USER_INPUT', field: 'administrativeUnitCode' });
    expect(summary(await refused('Move', 'PostOffice', { id: child.id, administrativeUnitCode: DONG_TAM }))).toEqual({ code: 'BAD_USER_INPUT', field: 'administrativeUnitCode' });
    // A provincial office with offices reporting to it cannot leave their province either.
    const provincial = await createOffice({ name: 'Bưu điện tỉnh thử', kind: 'PROVINCIAL', parentId: null });
    await createOffice({ name: 'Bưu điện huyện dưới tỉnh thử', parentId: provincial.id });
    expect(summary(await refused('Move', 'PostOffice', { id: provincial.id, administrativeUnitCode: DONG_NAI }))).toEqual({ code: 'BAD_USER_INPUT', field: 'administrativeUnitCode' });
    // Within the province the move is fine.
    expect(await done('Move', 'PostOffice', { id: child.id, administrativeUnitCode: KY_ANH_COMMUNE })).toMatchObject({ administrativeUnit: { code: KY_ANH_COMMUNE } });
  });

  it('finds a post office by its name without diacritics, in any case and tone-mark placement', async () => {
    const searches = ['buu dien van hoa', 'BUU DIEN VAN HOA XA KY BAC', 'Bưu điện văn hoá xã Kỳ Bắc', 'Bưu điện văn hóa xã Kỳ Bắc'.normalize('NFD'), 'van hoa xa ky bac', 'BDVHX-18760'];
    for (const search of searches) {
      const names = (await list('PostOffice', { search })).map((p) => p.name);
      expect({ search, found: names.includes('Bưu điện văn hóa xã Kỳ Bắc') }).toEqual({ search, found: true });
    }
    expect((await list('PostOffice', { search: 'van hoa xa ky bac' })).map((p) => p.code)).toEqual(['BDVHX-18760']);
    // LIKE wildcards in the search text are plain characters.
    expect(await list('PostOffice', { search: '%' })).toEqual([]);
    expect(await list('PostOffice', { search: 'buu_dien' })).toEqual([]);
    expect((await list('PostOffice', { search: 'buu dien van hoa', kind: 'COMMUNE_CULTURAL', provinceCode: HA_TINH })).map((p) => p.code)).toContain('BDVHX-18760');
  });
});

describe('rules shared by the three kinds of record', () => {
  const kinds: Kind[] = ['Agency', 'OneStopDesk', 'PostOffice'];

  it('refuses a code already in use with CONFLICT on the field code, in the request’s language', async () => {
    const department = await createAgency();
    const inputs: Record<Kind, Record<string, unknown>> = {
      Agency: { code: '42-STTTT', name: 'Sở trùng mã', kind: 'PROVINCIAL_DEPARTMENT', administrativeUnitCode: HA_TINH },
      OneStopDesk: { code: '42-STTTT-MC', name: 'Bộ phận trùng mã', agencyId: department.id },
      PostOffice: { code: 'BD-42', name: 'Bưu điện trùng mã', kind: 'DISTRICT', administrativeUnitCode: HA_TINH, parentId: seeded.provincial },
    };
    for (const kind of kinds) {
      const vi = await refused('Create', kind, inputs[kind]);
      const en = await refused('Create', kind, inputs[kind], 'en');
      expect({ kind, ...summary(vi) }).toEqual({ kind, code: 'CONFLICT', field: 'code' });
      expect(vi.message).toBe(`Mã "${inputs[kind].code}" đã được dùng.`);
      expect(en.message).toBe(`The code "${inputs[kind].code}" is already in use.`);
      expect(vi.extensions.fields).toEqual([{ field: 'code', message: 'Mã đã được dùng.' }]);
      expect(en.extensions.fields).toEqual([{ field: 'code', message: 'Already in use.' }]);
    }
  });

  it('validates the input shape: code format, name length, address length', async () => {
    const department = await createAgency();
    const badInputs: Array<[Kind, Record<string, unknown>, string]> = [
      ['Agency', { code: 'có dấu', name: 'Sở', kind: 'PROVINCIAL_DEPARTMENT', administrativeUnitCode: HA_TINH }, 'code'],
      ['Agency', { code: newCode('AG'), name: '', kind: 'PROVINCIAL_DEPARTMENT', administrativeUnitCode: HA_TINH }, 'name'],
      ['Agency', { code: newCode('AG'), name: 'x'.repeat(201), kind: 'PROVINCIAL_DEPARTMENT', administrativeUnitCode: HA_TINH }, 'name'],
      ['OneStopDesk', { code: newCode('MC'), name: '   ', agencyId: department.id }, 'name'],
      ['OneStopDesk', { code: newCode('MC'), name: 'Bộ phận', agencyId: department.id, address: 'x'.repeat(501) }, 'address'],
      ['PostOffice', { code: '-BD', name: 'Bưu điện', kind: 'PROVINCIAL', administrativeUnitCode: HA_TINH }, 'code'],
    ];
    for (const [kind, input, field] of badInputs) {
      const error = await refused('Create', kind, input, 'en');
      expect({ kind, input, ...summary(error) }).toEqual({ kind, input, code: 'BAD_USER_INPUT', field });
      expect(error.message).toBe('The input is not valid.');
    }
  });

  it('answers NOT_FOUND for an unknown id and BAD_USER_INPUT for an id that is not a uuid', async () => {
    for (const kind of kinds) {
      for (const [verb, extra] of [
        ['Rename', { name: 'Tên mới' }],
        ['Move', { administrativeUnitCode: HA_TINH }],
        ['Retire', {}],
      ] as Array<[string, Record<string, unknown>]>) {
        const missing = await refused(verb, kind, { id: UNKNOWN_ID, ...extra });
        expect({ kind, verb, ...summary(missing) }).toEqual({ kind, verb, code: 'NOT_FOUND', field: null });
        const malformed = await refused(verb, kind, { id: 'not-a-uuid', ...extra });
        expect({ kind, verb, ...summary(malformed) }).toEqual({ kind, verb, code: 'BAD_USER_INPUT', field: 'id' });
      }
      expect(await byId(kind, UNKNOWN_ID)).toBeNull();
      const read = failure(await t.gql(`{ record: ${payloadField(kind)}(id: "not-a-uuid") { id } }`));
      expect({ kind, ...summary(read) }).toEqual({ kind, code: 'BAD_USER_INPUT', field: 'id' });
    }
    for (const [query, field] of [
      ['{ oneStopDesks(filter: { agencyId: "nope" }) { totalCount } }', 'agencyId'],
      ['{ postOffices(filter: { parentId: "nope" }) { totalCount } }', 'parentId'],
    ]) {
      expect(summary(failure(await t.gql(query)))).toEqual({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('caps a page at 100 records', async () => {
    for (const query of ['agencies', 'oneStopDesks', 'postOffices']) {
      for (const first of [101, 0]) {
        const error = failure(await t.gql(`query($first: Int!) { ${query}(first: $first) { totalCount } }`, { first }));
        expect({ query, first, ...summary(error) }).toEqual({ query, first, code: 'BAD_USER_INPUT', field: 'first' });
      }
      expect(ok(await t.gql(`{ ${query}(first: 100) { totalCount } }`))[query].totalCount).toBeGreaterThan(0);
    }
  });

  it('pages through a province’s agencies without gaps or repeats', async () => {
    const all = await list('Agency', { provinceCode: HA_TINH });
    expect(all.length).toBeGreaterThan(5);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page++) {
      const data: any = ok(
        await t.gql(`query($after: String) { agencies(first: 4, after: $after, sort: CODE_ASC, filter: { provinceCode: "42" }) { edges { node { id code } } pageInfo { hasNextPage endCursor } } }`, { after }),
      );
      seen.push(...data.agencies.edges.map((e: any) => e.node.code));
      if (!data.agencies.pageInfo.hasNextPage) break;
      after = data.agencies.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(all.map((a) => a.code).sort());
    expect(summary(failure(await t.gql('{ agencies(after: "not a cursor") { totalCount } }')))).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
