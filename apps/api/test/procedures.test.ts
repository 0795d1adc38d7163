/**
 * The procedure catalogue (issue 11): each province's published list with its checklist, searched by a
 * few letters of the name without diacritics or by the start of the code; kept by the province's
 * administrators (every write one transaction with its audit record); imported from CSV or XLSX all or
 * nothing, with each refused row's row, column and reason; and seeded for the demo provinces.
 */
import ExcelJS from 'exceljs';
import { audited } from './audit-trail';
import { failure, ok, startTestApp, type TestApp } from './harness';

let t: TestApp;
let haTinh: string;
let hoTich: string;
const P = 'id code name level procedureFee postalFee processingTime processingUnit onlineLevel bcciMode retiredOn version field { code } components { position name originals copies required }';
const M = {
  create: `mutation($input: CreateProcedureInput!) { createProcedure(input: $input) { procedure { ${P} } } }`,
  update: `mutation($input: UpdateProcedureInput!) { updateProcedure(input: $input) { procedure { ${P} } } }`,
  import: `mutation($input: ImportProceduresInput!) { importProcedures(input: $input) { applied rows created updated unchanged rejected { row column reason } } }`,
};
const search = async (filter: Record<string, unknown>, as = 'hatinh.quay', first = 50) =>
  ok(await t.gql(`query($f: ProcedureFilter, $first: Int) { procedures(filter: $f, first: $first) { totalCount edges { node { code name bcciMode } } } }`, { f: filter, first }, { as })).procedures as {
    totalCount: number;
    edges: Array<{ node: { code: string; name: string; bcciMode: string } }>;
  };
const nodes = async (filter: Record<string, unknown>, as?: string) => (await search(filter, as)).edges.map((e) => e.node);
const base = () => ({ code: '9.900001', name: 'Thủ tục thử nghiệm', fieldId: hoTich, level: 'COMMUNE', procedureFee: 10000, postalFee: 22000, processingTime: 3, bcciMode: 'RECEIVE_AND_RETURN', components: [{ name: 'Tờ khai', originals: 1, copies: 0, required: true }] });
const csv = (rows: string[][]) => Buffer.from(`\uFEFF${rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n')}\r\n`).toString('base64');
const HEADER = ['Mã thủ tục', 'Tên thủ tục', 'Lĩnh vực', 'Cấp thực hiện', 'Phí, lệ phí', 'Cước bưu chính', 'Thời hạn giải quyết', 'Mức độ trực tuyến', 'BCCI', 'Thành phần hồ sơ'];

beforeAll(async () => {
  t = await startTestApp({ signInAs: 'hatinh.quantri' });
  [{ id: haTinh }] = await t.sql(`SELECT id FROM administrative_unit WHERE code = '42' AND level = 'PROVINCE' AND valid_to IS NULL`);
  [{ id: hoTich }] = await t.sql(`SELECT id FROM procedure_field WHERE code = 'HO_TICH'`);
});
afterAll(() => t.close());

describe('the seeded catalogue', () => {
  it('serves each demo province its list, in Vietnamese order, found by letters without diacritics or by code', async () => {
    const all = await search({});
    expect(all.totalCount).toBeGreaterThanOrEqual(30);
    const names = all.edges.map((e) => e.node.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'vi')));
    expect((await nodes({ search: 'khai sinh' })).map((n) => n.code)).toEqual(expect.arrayContaining(['1.001193']));
    expect((await nodes({ search: 'dang ky ket hon' })).map((n) => n.code)).toEqual(['1.000894']);
    expect((await nodes({ search: '1.0011' })).map((n) => n.code)).toContain('1.001193');
    expect((await nodes({ bcciModes: ['RETURN_ONLY'] })).every((n) => n.bcciMode === 'RETURN_ONLY')).toBe(true);
    // Another province's reader reads its own list only.
    const dongNai = await search({ search: 'khai sinh' }, 'dongnai.bcd');
    expect(dongNai.totalCount).toBeGreaterThan(0);
    const [{ n }] = await t.sql(`SELECT count(DISTINCT province_id)::int AS n FROM procedure`);
    expect(n).toBeGreaterThanOrEqual(2);
    // A province-level procedure is decided by its field's department where the province has one.
    const [printing] = await t.sql(`SELECT a.code FROM procedure p JOIN agency a ON a.id = p.agency_id WHERE p.code = '1.003725' AND p.province_id = $1`, [haTinh]);
    expect(printing.code).toBe('42-STTTT');
  });

  it('answers a portal that names the province by its code, with the legal time in working days', async () => {
    const q = `query($f: ProcedureFilter) { procedures(filter: $f, first: 100) { totalCount edges { node { code processingTime processingUnit processingDays } } } }`;
    type Page = { totalCount: number; edges: Array<{ node: { code: string; processingTime: number; processingUnit: string; processingDays: number } }> };
    const byCode = ok(await t.gql(q, { f: { provinceCode: '42' } }, { as: 'admin' })).procedures as Page;
    const byId = ok(await t.gql(q, { f: { provinceId: haTinh } }, { as: 'admin' })).procedures as typeof byCode;
    expect(byCode.totalCount).toBe(byId.totalCount);
    expect(byCode.edges.map((e) => e.node.code)).toEqual(byId.edges.map((e) => e.node.code));
    for (const { node } of byCode.edges) {
      expect(node.processingDays).toBe(node.processingUnit === 'WORKING_HOURS' ? Math.ceil(node.processingTime / 7.5) : node.processingTime);
    }
    // A province reader naming another province's code reads nothing of it; a code that is no province is named.
    expect((ok(await t.gql(q, { f: { provinceCode: '75' } })).procedures as Page).totalCount).toBe(0);
    const unknown = failure(await t.gql(q, { f: { provinceCode: '99' } }, { as: 'admin' }));
    expect(unknown.extensions.code).toBe('BAD_USER_INPUT');
    expect(unknown.extensions.fields?.[0].field).toBe('provinceCode');
  });

  it('gives agencies the identifier code dossier codes start with (Hà Tĩnh: H27)', async () => {
    const [centre] = await t.sql(`SELECT identifier_code FROM agency WHERE code = '42-TTPVHCC'`);
    expect(centre.identifier_code).toMatch(/^000\.00\.\d{2}\.H27$/);
    const [commune] = await t.sql(`SELECT identifier_code FROM agency WHERE kind = 'COMMUNE_PEOPLES_COMMITTEE' AND identifier_code LIKE '%.H27' LIMIT 1`);
    expect(commune.identifier_code).toMatch(/^000\.\d{2}\.\d{2}\.H27$/);
  });
});

describe('the province’s administrators keep it', () => {
  it('creates with a checklist and changes it, each write audited; a duplicate code is a CONFLICT on code', async () => {
    const { result, entries } = await audited(t, async () => ok(await t.gql(M.create, { input: base() })).createProcedure.procedure);
    expect(result).toMatchObject({ code: '9.900001', field: { code: 'HO_TICH' }, processingUnit: 'WORKING_DAYS', onlineLevel: 'NONE', version: 1, components: [{ position: 1, name: 'Tờ khai', originals: 1, copies: 0, required: true }] });
    expect(entries.filter((e) => e.entityType === 'Procedure').map((e) => e.action)).toEqual(['procedure.create']);

    const dup = failure(await t.gql(M.create, { input: base() }));
    expect(dup.extensions.code).toBe('CONFLICT');
    expect(dup.extensions.fields?.[0].field).toBe('code');

    const changed = ok(await t.gql(M.update, { input: { ...base(), id: result.id, version: 1, processingTime: 4, components: [{ name: 'Tờ khai', originals: 1, copies: 0, required: true }, { name: 'Giấy ủy quyền', originals: 0, copies: 1, required: false }] } })).updateProcedure.procedure;
    expect(changed).toMatchObject({ processingTime: 4, version: 2, components: [{ position: 1 }, { position: 2, name: 'Giấy ủy quyền', required: false }] });
    const stale = failure(await t.gql(M.update, { input: { ...base(), id: result.id, version: 1 } }));
    expect(stale.extensions.code).toBe('CONFLICT');

    const retired = ok(await t.gql(M.update, { input: { ...base(), id: result.id, version: 2, processingTime: 4, retired: true } })).updateProcedure.procedure;
    expect(retired.retiredOn).not.toBeNull();
    expect((await search({ search: '9.900001' })).totalCount).toBe(0);
    expect((await search({ search: '9.900001', includeRetired: true })).totalCount).toBe(1);
  });

  it('refuses other roles and other provinces, and names the field of bad input', async () => {
    expect(failure(await t.gql(M.create, { input: { ...base(), code: '9.900002' } }, { as: 'hatinh.quay' })).extensions.code).toBe('FORBIDDEN');
    expect(failure(await t.gql(M.create, { input: { ...base(), code: '9.900002' } }, { as: null })).extensions.code).toBe('UNAUTHENTICATED');
    const [other] = await t.sql(`SELECT id FROM administrative_unit WHERE code = '75' AND level = 'PROVINCE' AND valid_to IS NULL`);
    expect(failure(await t.gql(M.create, { input: { ...base(), code: '9.900002', provinceId: other.id } })).extensions.code).toBe('FORBIDDEN');
    const national = failure(await t.gql(M.create, { input: { ...base(), code: '9.900002' } }, { as: 'admin' }));
    expect(national.extensions.fields?.[0].field).toBe('provinceId');
    const badCode = failure(await t.gql(M.create, { input: { ...base(), code: 'mã sai' } }));
    expect(badCode.extensions.fields?.[0].field).toBe('code');
    const [foreignAgency] = await t.sql(`SELECT id FROM agency WHERE province_id <> $1 LIMIT 1`, [haTinh]);
    const agency = failure(await t.gql(M.create, { input: { ...base(), code: '9.900002', agencyId: foreignAgency.id } }));
    expect(agency.extensions.fields?.[0].field).toBe('agencyId');
    const blank = failure(await t.gql(M.create, { input: { ...base(), code: '9.900002', components: [{ name: '  ', originals: 1, copies: 0, required: true }] } }));
    expect(blank.extensions.fields?.[0].field).toBe('components.0.name');
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM procedure WHERE code = '9.900002'`);
    expect(n).toBe(0);
  });
});

describe('import from a file', () => {
  const good = [
    ['9.800001', 'Cấp giấy xác nhận thử nghiệm', 'Hộ tịch', 'Xã', 'Không', '22.000', '3 ngày làm việc', 'Toàn trình', 'Tiếp nhận và trả kết quả', 'Tờ khai (bản chính)\nGiấy ủy quyền (bản sao) (nếu có)'],
    ['9.800002', 'Chứng thực thử nghiệm', 'CHUNG_THUC', 'Xã', '2.000 đ', '22000', '4 giờ làm việc', 'Không', 'Chỉ trả kết quả', 'Bản chính giấy tờ; Bản sao (bản sao)'],
  ];

  it('refuses the whole file when a row is wrong, listing row, column and reason, and writes nothing', async () => {
    const before = await t.sql(`SELECT count(*)::int AS n FROM procedure`);
    const bad = [...good, ['9.800003', 'Sai lĩnh vực', 'Không có lĩnh vực này', 'Xã', '0', '0', '3', '', 'Không', ''], ['9.800001', 'Trùng mã', 'Hộ tịch', 'Xã', '0', '0', '3', '', 'Không', ''], ['9.800004', 'Sai thời hạn', 'Hộ tịch', 'Xã', '0', '0', 'ba ngày', '', 'Không', '']];
    const report = ok(await t.gql(M.import, { input: { format: 'CSV', contentBase64: csv([HEADER, ...bad]), dryRun: false } })).importProcedures;
    expect(report).toMatchObject({ applied: false, rows: 5, created: 2 });
    expect(report.rejected).toEqual([
      { row: 4, column: 'Lĩnh vực', reason: expect.stringContaining('Không có lĩnh vực') },
      { row: 5, column: 'Mã thủ tục', reason: expect.stringContaining('dòng 2') },
      { row: 6, column: 'Thời hạn giải quyết', reason: expect.stringContaining('ba ngày') },
    ]);
    expect(await t.sql(`SELECT count(*)::int AS n FROM procedure`)).toEqual(before);
  });

  it('imports a CSV (dry run first), then an XLSX that changes one and keeps the other', async () => {
    const dry = ok(await t.gql(M.import, { input: { format: 'CSV', contentBase64: csv([HEADER, ...good]), dryRun: true } })).importProcedures;
    expect(dry).toMatchObject({ applied: false, created: 2, rejected: [] });
    expect((await search({ search: '9.8000' })).totalCount).toBe(0);

    const { result: done, entries } = await audited(t, async () => ok(await t.gql(M.import, { input: { format: 'CSV', contentBase64: csv([HEADER, ...good]), dryRun: false } })).importProcedures);
    expect(done).toMatchObject({ applied: true, created: 2, updated: 0, unchanged: 0 });
    expect(entries.filter((e) => e.entityType === 'Procedure')).toHaveLength(2);
    const [first] = await nodes({ search: '9.800001' });
    expect(first).toMatchObject({ name: 'Cấp giấy xác nhận thử nghiệm', bcciMode: 'RECEIVE_AND_RETURN' });
    const [row] = await t.sql(`SELECT processing_unit, processing_time, postal_fee::int AS fee FROM procedure WHERE code = '9.800002' AND province_id = $1`, [haTinh]);
    expect(row).toEqual({ processing_unit: 'WORKING_HOURS', processing_time: 4, fee: 22000 });
    const comps = await t.sql(`SELECT c.name, c.originals, c.copies, c.required FROM procedure_component c JOIN procedure p ON p.id = c.procedure_id WHERE p.code = '9.800001' AND p.province_id = $1 ORDER BY c.position`, [haTinh]);
    expect(comps).toEqual([{ name: 'Tờ khai', originals: 1, copies: 0, required: true }, { name: 'Giấy ủy quyền', originals: 0, copies: 1, required: false }]);

    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Danh mục');
    sheet.addRow(HEADER);
    sheet.addRow([...good[0].slice(0, 6), '5', ...good[0].slice(7)]);
    sheet.addRow(good[1]);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
    const again = ok(await t.gql(M.import, { input: { format: 'XLSX', contentBase64: xlsx, dryRun: false } })).importProcedures;
    expect(again).toMatchObject({ applied: true, created: 0, updated: 1, unchanged: 1, rejected: [] });
    const [changed] = await t.sql(`SELECT processing_time, version FROM procedure WHERE code = '9.800001' AND province_id = $1`, [haTinh]);
    expect(changed).toEqual({ processing_time: 5, version: 2 });
  });

  it('says which required columns a header lacks, and refuses an unreadable file', async () => {
    const noHeader = failure(await t.gql(M.import, { input: { format: 'CSV', contentBase64: csv([['Tên thủ tục'], ['X']]), dryRun: true } }));
    expect(noHeader.extensions.fields?.[0]).toMatchObject({ field: 'contentBase64', message: expect.stringContaining('Mã thủ tục') });
    const unreadable = failure(await t.gql(M.import, { input: { format: 'XLSX', contentBase64: Buffer.from('not a workbook').toString('base64'), dryRun: true } }));
    expect(unreadable.extensions.fields?.[0].field).toBe('contentBase64');
  });
});
