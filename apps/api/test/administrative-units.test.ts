/**
 * Administrative units through HTTP: the four mutations, the as-of reads, the 2025-style merges that
 * records follow, error codes and languages, and the audit trail every change leaves.
 */
import { addDays, todayInVietnam } from '../src/platform/graphql/scalars';
import { failure, ok, startTestApp, type TestApp } from './harness';
import { audited, databaseState } from './audit-trail';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ signInAs: 'admin' });
  await t.gql('{ me { id } }'); // signs the admin in now, so sign-in entries stay out of the audited windows
});
afterAll(() => t.close());

const today = todayInVietnam();
const yesterday = addDays(today, -1);

/** A code no other test (nor the demo data) uses: 6 digits from 810001 on. */
let lastCode = 810_000;
const newCode = () => String(++lastCode);

const UNIT = 'id code name level path validFrom validTo inForce parent { code } successor { code }';
const CREATE = `mutation Create($input: CreateAdministrativeUnitInput!) { createAdministrativeUnit(input: $input) { administrativeUnit { ${UNIT} } } }`;
const RENAME = `mutation Rename($input: RenameAdministrativeUnitInput!) { renameAdministrativeUnit(input: $input) { administrativeUnit { ${UNIT} } } }`;
const MOVE = `mutation Move($input: MoveAdministrativeUnitInput!) { moveAdministrativeUnit(input: $input) { administrativeUnit { ${UNIT} } } }`;
const RETIRE = `mutation Retire($input: RetireAdministrativeUnitInput!) { retireAdministrativeUnit(input: $input) { administrativeUnit { ${UNIT} } } }`;
const UNIT_BY_CODE = `query Unit($code: String!, $asOf: Date, $rollUpTo: Date) {
  administrativeUnit(code: $code, asOf: $asOf) {
    ${UNIT}
    inForceUnit { code name inForce }
    laterUnit: inForceUnit(asOf: $rollUpTo) { code }
  }
}`;
const SEARCH = `query Search($filter: AdministrativeUnitFilter, $first: Int! = 100) {
  administrativeUnits(filter: $filter, first: $first) { totalCount edges { node { ${UNIT} } } }
}`;

async function createUnit(input: { code?: string; name: string; level: string; parentCode?: string | null; validFrom: string }) {
  const data = ok(await t.gql(CREATE, { input: { code: newCode(), ...input } }));
  return data.createAdministrativeUnit.administrativeUnit;
}

const commune = (name: string, parentCode = '42', validFrom = '2025-07-01') => createUnit({ name, level: 'COMMUNE', parentCode, validFrom });
const province = (name: string, validFrom = '2025-07-01') => createUnit({ name, level: 'PROVINCE', validFrom });

async function unitAsOf(code: string, asOf?: string, rollUpTo?: string) {
  return ok(await t.gql(UNIT_BY_CODE, { code, asOf, rollUpTo })).administrativeUnit;
}

async function search(filter: Record<string, unknown>): Promise<any[]> {
  return ok(await t.gql(SEARCH, { filter })).administrativeUnits.edges.map((e: any) => e.node);
}

/** Sends a request that must fail, and checks that it left the database exactly as it was. */
async function refusedWithoutTrace(query: string, variables: Record<string, unknown>) {
  const before = await databaseState(t);
  const error = failure(await t.gql(query, variables));
  expect(await databaseState(t)).toEqual(before);
  return error;
}

describe('createAdministrativeUnit', () => {
  it('creates a 2025 commune directly under a province, found by a search without diacritics, with one audit entry', async () => {
    const code = newCode();
    const { result, entries } = await audited(t, () =>
      t.gql(CREATE, { input: { code, name: '  Xã Đồng Lộc Thử  ', level: 'COMMUNE', parentCode: '42', validFrom: '2025-07-01' } }),
    );
    const unit = ok(result).createAdministrativeUnit.administrativeUnit;
    expect(unit).toMatchObject({ code, name: 'Xã Đồng Lộc Thử', level: 'COMMUNE', path: `42.${code}`, validFrom: '2025-07-01', validTo: null, inForce: true, parent: { code: '42' }, successor: null });

    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'administrativeUnit.create', entityType: 'AdministrativeUnit', entityId: unit.id, actorKind: 'user', actorLabel: 'admin', before: null });
    expect(entries[0].requestId).toBeTruthy();
    expect(entries[0].after).toMatchObject({ id: unit.id, code, name: 'Xã Đồng Lộc Thử', path: `42.${code}`, validFrom: '2025-07-01', validTo: null });

    for (const text of ['dong loc thu', 'ĐỒNG LỘC THỬ', 'Dong Loc']) {
      expect((await search({ search: text, provinceCode: '42' })).map((u) => u.code)).toContain(code);
    }
    expect((await search({ search: code })).map((u) => u.name)).toEqual(['Xã Đồng Lộc Thử']);
    // It is a child of Hà Tĩnh today, and did not exist before its first day.
    expect((await search({ parentCode: '42', search: 'dong loc thu' })).map((u) => u.code)).toEqual([code]);
    expect(await search({ search: 'dong loc thu', asOf: '2025-06-30' })).toEqual([]);
    expect((await search({ search: 'dong loc thu', asOf: '2025-06-30', includeNotInForce: true })).map((u) => u.code)).toEqual([code]);
  });

  it('refuses a commune whose parent is not in force on its first day, and writes nothing', async () => {
    // Huyện Kỳ Anh (447) ended on 30 June 2025 with the district level.
    const error = await refusedWithoutTrace(CREATE, { input: { code: newCode(), name: 'Xã Muộn', level: 'COMMUNE', parentCode: '447', validFrom: '2025-07-01' } });
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.fields?.[0].field).toBe('parentCode');

    // A parent that only starts later is not in force either.
    const later = await province('Tỉnh Tương Lai', '2027-01-01');
    const early = await refusedWithoutTrace(CREATE, { input: { code: newCode(), name: 'Xã Sớm', level: 'COMMUNE', parentCode: later.code, validFrom: '2026-01-01' } });
    expect(early.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'parentCode' })] });

    // The same parent is accepted from a day it is in force.
    const onTime = await commune('Xã Đúng Hạn', later.code, '2027-01-01');
    expect(onTime).toMatchObject({ path: `${later.code}.${onTime.code}`, parent: { code: later.code }, inForce: false });
  });

  it('refuses a unit that would stay in force after its parent ends', async () => {
    // Huyện Kỳ Anh was in force in 2020, but ended on 30 June 2025: a commune created under it
    // (with no last day) would outlive it, which retireAdministrativeUnit never allows.
    const error = await refusedWithoutTrace(CREATE, { input: { code: newCode(), name: 'Xã Mồ Côi', level: 'COMMUNE', parentCode: '447', validFrom: '2020-01-01' } });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'parentCode' })] });

    // The same holds for a parent in force today that is due to end: neither create nor move may hang
    // an open-ended unit under it.
    const ending = await province('Tỉnh Sắp Hết');
    ok(await t.gql(RETIRE, { input: { code: ending.code, validTo: '2030-12-31' } }));
    const created = await refusedWithoutTrace(CREATE, { input: { code: newCode(), name: 'Xã Quá Hạn', level: 'COMMUNE', parentCode: ending.code, validFrom: '2026-01-01' } });
    expect(created.extensions.fields?.[0].field).toBe('parentCode');
    const elsewhere = await commune('Xã Ở Yên');
    const moved = await refusedWithoutTrace(MOVE, { input: { code: elsewhere.code, parentCode: ending.code } });
    expect(moved.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'parentCode' })] });
  });

  it('refuses a parent of the wrong level, a province with a parent and a commune without one', async () => {
    const host = await commune('Xã Chủ Thử');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ level: 'COMMUNE', parentCode: host.code }, 'parentCode'],
      [{ level: 'DISTRICT', parentCode: host.code }, 'parentCode'],
      [{ level: 'PROVINCE', parentCode: '42' }, 'parentCode'],
      [{ level: 'COMMUNE', parentCode: null }, 'parentCode'],
      [{ level: 'COMMUNE', parentCode: '42', name: '   ' }, 'name'],
      [{ level: 'COMMUNE', parentCode: '42', code: '4a' }, 'code'],
      [{ level: 'COMMUNE', parentCode: '42', code: '123456789' }, 'code'],
    ];
    for (const [input, field] of cases) {
      const error = await refusedWithoutTrace(CREATE, { input: { code: newCode(), name: 'Xã Sai', validFrom: '2026-01-01', ...input } });
      expect({ input, code: error.extensions.code, field: error.extensions.fields?.[0].field }).toEqual({ input, code: 'BAD_USER_INPUT', field });
    }
  });

  it('refuses a second version of a code that overlaps in time, and accepts one that follows it', async () => {
    const first = await commune('Xã Phiên Bản Một');
    const code = first.code;

    const overlapping = await refusedWithoutTrace(CREATE, { input: { code, name: 'Xã Phiên Bản Hai', level: 'COMMUNE', parentCode: '42', validFrom: '2026-01-01' } });
    expect(overlapping.extensions).toMatchObject({ code: 'CONFLICT', fields: [expect.objectContaining({ field: 'code' })] });
    const sameDay = await refusedWithoutTrace(CREATE, { input: { code, name: 'Xã Phiên Bản Hai', level: 'COMMUNE', parentCode: '42', validFrom: '2025-07-01' } });
    expect(sameDay.extensions.code).toBe('CONFLICT');

    // The first version ends on 31/12/2025; a second version of the code may start on 1/1/2026.
    ok(await t.gql(RETIRE, { input: { code, validTo: '2025-12-31' } }));
    const second = ok(await t.gql(CREATE, { input: { code, name: 'Xã Phiên Bản Hai', level: 'COMMUNE', parentCode: '42', validFrom: '2026-01-01' } }))
      .createAdministrativeUnit.administrativeUnit;
    expect(second.id).not.toBe(first.id);

    // Reads as of a day answer with the version in force that day.
    expect(await unitAsOf(code, '2025-10-01')).toMatchObject({ id: first.id, name: 'Xã Phiên Bản Một', validTo: '2025-12-31', inForce: true });
    expect(await unitAsOf(code)).toMatchObject({ id: second.id, name: 'Xã Phiên Bản Hai', validFrom: '2026-01-01', validTo: null, inForce: true });
    expect((await search({ search: code, asOf: '2025-10-01' })).map((u) => u.id)).toEqual([first.id]);
    expect((await search({ search: code })).map((u) => u.id)).toEqual([second.id]);
    const versions = await search({ search: code, includeNotInForce: true });
    expect(versions.map((u) => [u.validFrom, u.validTo]).sort()).toEqual([
      ['2025-07-01', '2025-12-31'],
      ['2026-01-01', null],
    ]);

    // A rename addresses the version in force today and leaves the earlier one as it was.
    ok(await t.gql(RENAME, { input: { code, name: 'Xã Phiên Bản Hai Mới' } }));
    expect((await unitAsOf(code, '2025-10-01')).name).toBe('Xã Phiên Bản Một');
    expect((await unitAsOf(code)).name).toBe('Xã Phiên Bản Hai Mới');
  });
});

describe('retireAdministrativeUnit', () => {
  it('merges a commune into a successor in another province: reads roll up, and the records located there follow', async () => {
    const merged = await commune('Xã Sáp Nhập Đi');
    const successor = await commune('Xã Kế Thừa Đồng Nai', '75');

    const agency = ok(
      await t.gql(
        `mutation($input: CreateAgencyInput!) { createAgency(input: $input) { agency { id province { code } } } }`,
        { input: { code: `T-UBND-${merged.code}`, name: 'Ủy ban nhân dân xã Sáp Nhập Đi', kind: 'COMMUNE_PEOPLES_COMMITTEE', administrativeUnitCode: merged.code } },
      ),
    ).createAgency.agency;
    const desk = ok(
      await t.gql(`mutation($input: CreateOneStopDeskInput!) { createOneStopDesk(input: $input) { oneStopDesk { id province { code } } } }`, {
        input: { code: `T-MC-${merged.code}`, name: 'Bộ phận Một cửa xã Sáp Nhập Đi', agencyId: agency.id },
      }),
    ).createOneStopDesk.oneStopDesk;
    const bd42 = ok(await t.gql(`{ postOffices(filter: { search: "BD-42" }) { edges { node { id code } } } }`)).postOffices.edges[0].node;
    expect(bd42.code).toBe('BD-42');
    const office = ok(
      await t.gql(`mutation($input: CreatePostOfficeInput!) { createPostOffice(input: $input) { postOffice { id province { code } } } }`, {
        input: { code: `T-BDVHX-${merged.code}`, name: 'Bưu điện văn hóa xã Sáp Nhập Đi', kind: 'COMMUNE_CULTURAL', administrativeUnitCode: merged.code, parentId: bd42.id },
      }),
    ).createPostOffice.postOffice;
    for (const record of [agency, desk, office]) expect(record.province.code).toBe('42');

    const { result, entries } = await audited(t, () => t.gql(RETIRE, { input: { code: merged.code, validTo: yesterday, successorCode: successor.code } }));
    expect(ok(result).retireAdministrativeUnit.administrativeUnit).toMatchObject({ id: merged.id, validTo: yesterday, successor: { code: successor.code }, inForce: false });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'administrativeUnit.retire', entityType: 'AdministrativeUnit', entityId: merged.id });
    expect(entries[0].before).toMatchObject({ validTo: null, successorId: null });
    expect(entries[0].after).toMatchObject({ validTo: yesterday, successorId: successor.id });

    // Read today: no longer in force, rolled up to its successor.
    expect(await unitAsOf(merged.code)).toMatchObject({
      id: merged.id,
      inForce: false,
      successor: { code: successor.code },
      inForceUnit: { code: successor.code, name: 'Xã Kế Thừa Đồng Nai', inForce: true },
    });
    // Read as of a day it was still in force: itself, and its successor from the day after it ended.
    expect(await unitAsOf(merged.code, addDays(yesterday, -1), today)).toMatchObject({
      inForce: true,
      inForceUnit: { code: merged.code },
      laterUnit: { code: successor.code },
    });
    expect(await search({ search: 'sap nhap di' })).toEqual([]);
    expect((await search({ search: 'sap nhap di', asOf: yesterday })).map((u) => u.code)).toEqual([merged.code]);

    // The agency, its desk and the post office stay where they were recorded, owned by Đồng Nai now.
    const after = ok(
      await t.gql(
        `query($a: ID!, $d: ID!, $p: ID!) {
          agency(id: $a) { province { code } administrativeUnit { code } }
          oneStopDesk(id: $d) { province { code } administrativeUnit { code } }
          postOffice(id: $p) { province { code } administrativeUnit { code } }
        }`,
        { a: agency.id, d: desk.id, p: office.id },
      ),
    );
    for (const record of [after.agency, after.oneStopDesk, after.postOffice]) {
      expect(record).toEqual({ province: { code: '75' }, administrativeUnit: { code: merged.code } });
    }
    const dongNai = ok(await t.gql(`{ agencies(filter: { provinceCode: "75", search: "sap nhap di" }) { edges { node { id } } } }`));
    expect(dongNai.agencies.edges.map((e: any) => e.node.id)).toEqual([agency.id]);
  });

  it('refuses to retire a unit while units under it stay in force, and changes nothing', async () => {
    const parent = await province('Tỉnh Còn Con');
    const child = await commune('Xã Còn Lại', parent.code);

    const error = await refusedWithoutTrace(RETIRE, { input: { code: parent.code, validTo: today } });
    expect(error.extensions.code).toBe('CONFLICT');
    expect((await unitAsOf(parent.code)).validTo).toBeNull();

    // Once its last commune ends the same day, the province may end too.
    ok(await t.gql(RETIRE, { input: { code: child.code, validTo: today } }));
    const retired = ok(await t.gql(RETIRE, { input: { code: parent.code, validTo: today } })).retireAdministrativeUnit.administrativeUnit;
    expect(retired).toMatchObject({ validTo: today, successor: null });

    // Retiring it again is a conflict; retiring something that does not exist is not found.
    expect((await refusedWithoutTrace(RETIRE, { input: { code: parent.code, validTo: today } })).extensions.code).toBe('CONFLICT');
    expect((await refusedWithoutTrace(RETIRE, { input: { code: '99999999', validTo: today } })).extensions.code).toBe('NOT_FOUND');
  });

  it('refuses a last day before the first, a successor at a lower level, itself as successor, and a successor not in force', async () => {
    const unit = await commune('Xã Từ Chối Nghỉ');
    const lowerOwner = await province('Tỉnh Có Xã');
    const lower = await commune('Xã Thấp Hơn', lowerOwner.code);
    const notYet = await commune('Xã Chưa Có', '42', '2030-01-01');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ validTo: '2025-06-30' }, 'validTo'],
      [{ code: lowerOwner.code, validTo: today, successorCode: lower.code }, 'successorCode'],
      [{ validTo: today, successorCode: unit.code }, 'successorCode'],
      [{ validTo: today, successorCode: notYet.code }, 'successorCode'],
      [{ validTo: today, successorCode: '99999998' }, 'successorCode'],
    ];
    for (const [input, field] of cases) {
      const error = await refusedWithoutTrace(RETIRE, { input: { code: unit.code, ...input } });
      expect({ input, code: error.extensions.code, field: error.extensions.fields?.[0].field }).toEqual({ input, code: 'BAD_USER_INPUT', field });
    }
    expect((await unitAsOf(unit.code)).validTo).toBeNull();
  });
});

describe('moveAdministrativeUnit', () => {
  it('moves a district with its communes: their paths, their province, and the records located in them follow', async () => {
    const from = await province('Tỉnh Nguồn');
    const to = await province('Tỉnh Đích');
    const district = await createUnit({ name: 'Huyện Di Chuyển', level: 'DISTRICT', parentCode: from.code, validFrom: '2025-07-01' });
    const a = await commune('Xã Đi Theo Một', district.code);
    const b = await commune('Xã Đi Theo Hai', district.code);
    expect(a.path).toBe(`${from.code}.${district.code}.${a.code}`);
    const agency = ok(
      await t.gql(`mutation($input: CreateAgencyInput!) { createAgency(input: $input) { agency { id province { code } } } }`, {
        input: { code: `T-UBND-${a.code}`, name: 'Ủy ban nhân dân xã Đi Theo Một', kind: 'COMMUNE_PEOPLES_COMMITTEE', administrativeUnitCode: a.code },
      }),
    ).createAgency.agency;
    expect(agency.province.code).toBe(from.code);

    const { result, entries } = await audited(t, () => t.gql(MOVE, { input: { code: district.code, parentCode: to.code } }));
    expect(ok(result).moveAdministrativeUnit.administrativeUnit).toMatchObject({ id: district.id, path: `${to.code}.${district.code}`, parent: { code: to.code } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'administrativeUnit.move', entityId: district.id });
    expect(entries[0].before).toMatchObject({ parentId: from.id, path: `${from.code}.${district.code}` });
    expect(entries[0].after).toMatchObject({ parentId: to.id, path: `${to.code}.${district.code}` });

    const communes = await search({ parentCode: district.code });
    expect(communes.map((u) => [u.code, u.path]).sort()).toEqual(
      [
        [a.code, `${to.code}.${district.code}.${a.code}`],
        [b.code, `${to.code}.${district.code}.${b.code}`],
      ].sort(),
    );
    expect((await search({ provinceCode: to.code, level: 'COMMUNE' })).map((u) => u.code).sort()).toEqual([a.code, b.code].sort());
    expect(await search({ provinceCode: from.code, level: 'COMMUNE' })).toEqual([]);
    const moved = ok(await t.gql(`query($id: ID!) { agency(id: $id) { province { code } } }`, { id: agency.id })).agency;
    expect(moved.province.code).toBe(to.code);
  });

  it('refuses to move a province, a unit under itself, or under a unit of the wrong level, and changes nothing', async () => {
    const owner = await province('Tỉnh Không Đổi');
    const district = await createUnit({ name: 'Huyện Không Đổi', level: 'DISTRICT', parentCode: owner.code, validFrom: '2025-07-01' });
    const child = await commune('Xã Con Không Đổi', district.code);
    const other = await commune('Xã Khác');
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ code: owner.code, parentCode: '42' }, 'BAD_USER_INPUT', 'code'],
      [{ code: district.code, parentCode: child.code }, 'BAD_USER_INPUT', 'parentCode'],
      [{ code: child.code, parentCode: other.code }, 'BAD_USER_INPUT', 'parentCode'],
      [{ code: child.code, parentCode: '447' }, 'BAD_USER_INPUT', 'parentCode'],
      [{ code: '99999997', parentCode: '42' }, 'NOT_FOUND', ''],
    ];
    for (const [input, code, field] of cases) {
      const error = await refusedWithoutTrace(MOVE, { input });
      expect({ input, code: error.extensions.code, field: error.extensions.fields?.[0].field ?? '' }).toEqual({ input, code, field });
    }
    expect((await unitAsOf(child.code)).path).toBe(`${owner.code}.${district.code}.${child.code}`);
  });
});

describe('renameAdministrativeUnit', () => {
  it('renames the unit in force, trims the name, and audits before and after', async () => {
    const unit = await commune('Xã Tên Cũ');
    const { result, entries } = await audited(t, () => t.gql(RENAME, { input: { code: unit.code, name: ' Phường Tên Mới ' } }));
    expect(ok(result).renameAdministrativeUnit.administrativeUnit).toMatchObject({ id: unit.id, code: unit.code, name: 'Phường Tên Mới' });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'administrativeUnit.rename', entityId: unit.id, before: expect.objectContaining({ name: 'Xã Tên Cũ' }), after: expect.objectContaining({ name: 'Phường Tên Mới' }) });
    expect((await search({ search: 'phuong ten moi' })).map((u) => u.id)).toEqual([unit.id]);
    expect(await search({ search: 'xa ten cu' })).toEqual([]);
  });

  it('answers NOT_FOUND for an unknown code and BAD_USER_INPUT for an empty name, writing nothing', async () => {
    expect((await refusedWithoutTrace(RENAME, { input: { code: '99999996', name: 'Xã Không Có' } })).extensions.code).toBe('NOT_FOUND');
    const unit = await commune('Xã Giữ Tên');
    for (const name of ['', '   ']) {
      const error = await refusedWithoutTrace(RENAME, { input: { code: unit.code, name } });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'name' })] });
    }
    expect((await unitAsOf(unit.code)).name).toBe('Xã Giữ Tên');
  });
});

describe('errors speak Vietnamese by default and English on request', () => {
  const invalid = { input: { code: 'X1', name: '', level: 'COMMUNE', parentCode: '42', validFrom: '2026-01-01' } };

  async function withoutLanguage() {
    const res = await t.http().post('/graphql').set('content-type', 'application/json').send({ query: CREATE, variables: invalid });
    return res.body.errors[0];
  }

  it('translates the message and every field message of a validation error', async () => {
    const vi = await withoutLanguage();
    const en = failure(await t.gql(CREATE, invalid, { lang: 'en' }));
    expect(vi.extensions.code).toBe('BAD_USER_INPUT');
    expect(en.extensions.code).toBe('BAD_USER_INPUT');
    expect(vi.message).toBe('Dữ liệu nhập không hợp lệ.');
    expect(en.message).toBe('The input is not valid.');
    const fields = (e: any) => e.extensions.fields.map((f: any) => f.field).sort();
    expect(fields(vi)).toEqual(['code', 'name']);
    expect(fields(en)).toEqual(fields(vi));
    const byField = (e: any) => Object.fromEntries(e.extensions.fields.map((f: any) => [f.field, f.message]));
    expect(byField(vi).code).toBe('Sai định dạng.');
    expect(byField(en).code).toBe('Has the wrong format.');
    expect(byField(vi).name).not.toBe(byField(en).name);

    // Preferences are ranked; an unsupported language falls back to Vietnamese.
    expect(failure(await t.gql(CREATE, invalid, { lang: 'fr-FR, en;q=0.8, vi;q=0.5' })).message).toBe('The input is not valid.');
    expect(failure(await t.gql(CREATE, invalid, { lang: 'en;q=0.3, vi' })).message).toBe('Dữ liệu nhập không hợp lệ.');
    expect(failure(await t.gql(CREATE, invalid, { lang: 'fr' })).message).toBe('Dữ liệu nhập không hợp lệ.');
  });

  it('translates the rule errors of the service (field message and conflict message)', async () => {
    const notInForce = { input: { code: newCode(), name: 'Xã Muộn', level: 'COMMUNE', parentCode: '447', validFrom: '2026-01-01' } };
    const vi = failure(await t.gql(CREATE, notInForce, { lang: 'vi' }));
    const en = failure(await t.gql(CREATE, notInForce, { lang: 'en' }));
    expect(vi.extensions.fields?.[0]).toEqual({ field: 'parentCode', message: 'Không có đơn vị hành chính mã "447" có hiệu lực ngày 01/01/2026.' });
    expect(en.extensions.fields?.[0]).toEqual({ field: 'parentCode', message: 'No administrative unit with code "447" is in force on 01/01/2026.' });

    const taken = await commune('Xã Đã Có');
    const again = { input: { code: taken.code, name: 'Xã Trùng', level: 'COMMUNE', parentCode: '42', validFrom: '2026-01-01' } };
    const conflictVi = failure(await t.gql(CREATE, again, { lang: 'vi' }));
    const conflictEn = failure(await t.gql(CREATE, again, { lang: 'en' }));
    expect(conflictVi.extensions.code).toBe('CONFLICT');
    expect(conflictVi.message).toContain('đang được một đơn vị khác dùng');
    expect(conflictEn.message).toContain('is used by another unit');
    expect(conflictVi.extensions.fields).toEqual([{ field: 'code', message: 'Mã đã được dùng.' }]);
    expect(conflictEn.extensions.fields).toEqual([{ field: 'code', message: 'Already in use.' }]);
  });
});

describe('the audit trail', () => {
  it('is append-only in the database itself', async () => {
    const unit = await commune('Xã Có Dấu Vết');
    const [entry] = await t.sql<{ id: string }>('SELECT id FROM audit_entry WHERE entity_id = $1', [unit.id]);
    expect(entry).toBeDefined();
    await expect(t.sql(`UPDATE audit_entry SET action = 'tampered' WHERE id = $1`, [entry.id])).rejects.toThrow(/append-only/);
    await expect(t.sql('DELETE FROM audit_entry WHERE id = $1', [entry.id])).rejects.toThrow(/append-only/);
    const [still] = await t.sql('SELECT action FROM audit_entry WHERE id = $1', [entry.id]);
    expect(still.action).toBe('administrativeUnit.create');
  });

  it('records one entry per successful mutation, for each of the four mutations', async () => {
    const owner = await province('Tỉnh Đếm Dấu');
    const { result: created, entries: c } = await audited(t, async () => commune('Xã Đếm Dấu', owner.code));
    const { entries: r } = await audited(t, () => t.gql(RENAME, { input: { code: created.code, name: 'Xã Đếm Dấu Mới' } }).then(ok));
    const { entries: m } = await audited(t, () => t.gql(MOVE, { input: { code: created.code, parentCode: '42' } }).then(ok));
    const { entries: x } = await audited(t, () => t.gql(RETIRE, { input: { code: created.code, validTo: today } }).then(ok));
    expect([...c, ...r, ...m, ...x].map((e) => [e.action, e.entityId])).toEqual([
      ['administrativeUnit.create', created.id],
      ['administrativeUnit.rename', created.id],
      ['administrativeUnit.move', created.id],
      ['administrativeUnit.retire', created.id],
    ]);
    expect(m[0].after).toMatchObject({ path: `42.${created.code}` });
  });
});

describe('reads', () => {
  it('refuses a page larger than 100 units', async () => {
    const error = failure(await t.gql(SEARCH, { filter: null, first: 101 }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'first' })] });
    const page = ok(await t.gql(SEARCH, { filter: { includeNotInForce: true }, first: 100 })).administrativeUnits;
    expect(page.totalCount).toBeGreaterThan(100);
    expect(page.edges).toHaveLength(100);
  });

  it('refuses a page of more than 100 children, as a top-level page', async () => {
    const error = failure(await t.gql(`{ administrativeUnits(first: 2) { edges { node { code children(first: 101) { totalCount } } } } }`));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'first' })] });
  });

  it('reads parents and first pages of children with the list, the same as their own loaders read them', async () => {
    const node = 'code parent { id code name level validFrom createdAt } children(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id code name validTo inForce } } }';
    // A fragment and a variable page size are read ahead like a plain field.
    const ahead = await t.gql(
      `query Ahead($n: Int!) { administrativeUnits(first: 100, filter: { provinceCode: "42" }) { edges { node { ...U } } } }
       fragment U on AdministrativeUnit { ${node.replace('children(first: 3)', 'children(first: $n)')} }`,
      { n: 3 },
    );
    // Asked twice under two names, children are not read ahead: each field resolver asks its loader.
    const loaded = await t.gql(`{ administrativeUnits(first: 100, filter: { provinceCode: "42" }) { edges { node { ${node} again: children(first: 3) { totalCount } } } } }`);
    const strip = (edges: Array<{ node: Record<string, unknown> }>) => edges.map(({ node: { again: _again, ...rest } }) => rest);
    expect(strip(ok(ahead).administrativeUnits.edges)).toEqual(strip(ok(loaded).administrativeUnits.edges));
    const edges = ok(ahead).administrativeUnits.edges as Array<{ node: { parent: unknown; children: { totalCount: number } } }>;
    expect(edges.some((e) => e.node.parent)).toBe(true);
    expect(edges.some((e) => e.node.children.totalCount > 0)).toBe(true);
    expect(Number(ahead.headers['x-sql-statements'])).toBeLessThan(Number(loaded.headers['x-sql-statements']));
  });

  it('gives parents and children their timestamps whenever any part of the request asks for them', async () => {
    // The list reads its parents and children without their timestamps when nothing asks for them; the
    // parents it reads prime the request's loader, which the second root field reads its parent from.
    const commune = ok(await t.gql(`{ administrativeUnits(first: 1, filter: { provinceCode: "42", level: COMMUNE }) { edges { node { code parent { code createdAt updatedAt } } } } }`))
      .administrativeUnits.edges[0].node as { code: string; parent: { code: string; createdAt: string; updatedAt: string } };
    const both = ok(
      await t.gql(
        `query Both($code: String!) {
           administrativeUnits(first: 100, filter: { provinceCode: "42" }) { edges { node { code parent { code } children(first: 3) { edges { node { code } } } } } }
           administrativeUnit(code: $code) { parent { code createdAt updatedAt } children(first: 3) { edges { node { code } } } }
         }`,
        { code: commune.code },
      ),
    );
    expect(both.administrativeUnit.parent).toEqual(commune.parent);
    expect(Date.parse(commune.parent.createdAt)).toBeLessThanOrEqual(Date.parse(commune.parent.updatedAt));
    // Asked only below the children of a list, they are read there too, and equal the unit's own.
    const lean = ok(await t.gql(`{ administrativeUnits(first: 5, filter: { provinceCode: "42", level: PROVINCE }) { edges { node { code children(first: 3) { edges { node { code createdAt } } } } } } }`));
    const child = lean.administrativeUnits.edges[0].node.children.edges[0].node as { code: string; createdAt: string };
    const own = ok(await t.gql(`query One($code: String!) { administrativeUnit(code: $code) { createdAt } }`, { code: child.code }));
    expect(child.createdAt).toBe(own.administrativeUnit.createdAt);
  });

  it('answers null for a code that never existed', async () => {
    expect(ok(await t.gql(UNIT_BY_CODE, { code: '99999995' })).administrativeUnit).toBeNull();
  });
});
