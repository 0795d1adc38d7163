/**
 * The procedure fields (lĩnh vực), a small national list: the national administrator adds, renames,
 * retires and restores fields (each write audited); a retired field leaves the default list and can
 * no longer be served by a new counter; a province's administrators and managers are refused.
 */
import { todayInVietnam } from '../src/platform/graphql/scalars';
import { audited, type AuditRow } from './audit-trail';
import { failure, ok, startTestApp, type TestApp } from './harness';

let t: TestApp;
const FIELD = 'id code name retiredOn';
const M = {
  create: `mutation($input: CreateProcedureFieldInput!) { createProcedureField(input: $input) { procedureField { ${FIELD} } } }`,
  update: `mutation($input: UpdateProcedureFieldInput!) { updateProcedureField(input: $input) { procedureField { ${FIELD} } } }`,
  counter: `mutation($input: CreateCounterInput!) { createCounter(input: $input) { counter { id fields { code } } } }`,
};
const list = async (includeRetired?: boolean) =>
  ok(await t.gql(`query($r: Boolean) { procedureFields(includeRetired: $r) { ${FIELD} } }`, includeRetired === undefined ? {} : { r: includeRetired })).procedureFields as Array<{ id: string; code: string; name: string; retiredOn: string | null }>;
const run = async (query: string, input: Record<string, unknown>, as = 'admin') => Object.values(ok(await t.gql(query, { input }, { as })) as Record<string, any>)[0].procedureField;
/** The audit entries a request wrote about procedure fields (a first request also signs the caller in). */
const fieldEntries = <T>(r: { result: T; entries: AuditRow[] }) => ({ ...r, entries: r.entries.filter((e) => e.entityType === 'ProcedureField') });
const refused = async (query: string, input: Record<string, unknown>, as: string | null = 'admin') => failure(await t.gql(query, { input }, { as }));

beforeAll(async () => {
  t = await startTestApp({ signInAs: 'admin' });
});
afterAll(() => t.close());

describe('the national administrator keeps the list', () => {
  it('creates, renames, retires and restores a field, each write audited', async () => {
    const { result: created, entries } = fieldEntries(await audited(t, () => run(M.create, { code: 'THONG_TIN_TT', name: '  Thông tin và Truyền thông ' })));
    expect(created).toMatchObject({ code: 'THONG_TIN_TT', name: 'Thông tin và Truyền thông', retiredOn: null });
    expect(entries).toEqual([expect.objectContaining({ action: 'procedureField.create', entityType: 'ProcedureField', entityId: created.id, actorLabel: expect.any(String) })]);
    expect(entries[0].after).toMatchObject({ code: 'THONG_TIN_TT', name: 'Thông tin và Truyền thông' });

    // In Vietnamese order among the seeded ones (Thông before Tư).
    const names = (await list()).map((f) => f.name);
    expect(names).toContain('Thông tin và Truyền thông');
    expect(names.indexOf('Thông tin và Truyền thông')).toBeLessThan(names.indexOf('Tư pháp'));

    const renamed = fieldEntries(await audited(t, () => run(M.update, { id: created.id, name: 'Thông tin – Truyền thông' })));
    expect(renamed.result).toMatchObject({ name: 'Thông tin – Truyền thông', retiredOn: null });
    expect(renamed.entries).toEqual([expect.objectContaining({ action: 'procedureField.update', entityType: 'ProcedureField', entityId: created.id })]);
    expect(renamed.entries[0].before).toMatchObject({ name: 'Thông tin và Truyền thông' });
    expect(renamed.entries[0].after).toMatchObject({ name: 'Thông tin – Truyền thông' });

    const retired = fieldEntries(await audited(t, () => run(M.update, { id: created.id, retired: true })));
    expect(retired.result.retiredOn).toBe(todayInVietnam());
    expect(retired.entries.map((e) => e.action)).toEqual(['procedureField.update']);
    expect((await list()).map((f) => f.id)).not.toContain(created.id);
    expect((await list(false)).map((f) => f.id)).not.toContain(created.id);
    const all = await list(true);
    expect(all.find((f) => f.id === created.id)).toMatchObject({ retiredOn: todayInVietnam() });
    // Still in Vietnamese order with the retired ones.
    expect(all.map((f) => f.name).indexOf('Thông tin – Truyền thông')).toBeLessThan(all.map((f) => f.name).indexOf('Tư pháp'));

    // A counter cannot serve a retired field.
    const [desk] = await t.sql(`SELECT id FROM one_stop_desk WHERE code = '42-STTTT-MC'`);
    const counterRefused = await refused(M.counter, { deskId: desk.id, number: 91, name: 'Quầy thông tin', fieldIds: [created.id] });
    expect(counterRefused.extensions?.code).toBe('BAD_USER_INPUT');
    expect(counterRefused.extensions?.fields?.[0]?.field).toMatch(/^fieldIds/);

    const restored = await run(M.update, { id: created.id, retired: false });
    expect(restored.retiredOn).toBeNull();
    expect((await list()).map((f) => f.id)).toContain(created.id);
    const counter = ok(await t.gql(M.counter, { input: { deskId: desk.id, number: 91, name: 'Quầy thông tin', fieldIds: [created.id] } })).createCounter.counter;
    expect(counter.fields).toEqual([{ code: 'THONG_TIN_TT' }]);

    // Nothing to change: nothing audited.
    const same = fieldEntries(await audited(t, () => run(M.update, { id: created.id, retired: false })));
    expect(same.entries).toEqual([]);
  });

  it('refuses a code already used (CONFLICT naming code) and a malformed code or empty name (BAD_USER_INPUT)', async () => {
    const before = await t.sql(`SELECT count(*)::int AS n FROM procedure_field`);
    const duplicate = await refused(M.create, { code: 'HO_TICH', name: 'Hộ tịch 2' });
    expect(duplicate.extensions?.code).toBe('CONFLICT');
    expect(duplicate.extensions?.fields?.map((f: { field: string }) => f.field)).toEqual(['code']);

    for (const code of ['ho_tich', 'A', 'HỘ_TỊCH', 'HO-TICH', 'X'.repeat(33)]) {
      const bad = await refused(M.create, { code, name: 'Lĩnh vực thử' });
      expect(bad.extensions?.code).toBe('BAD_USER_INPUT');
      expect(bad.extensions?.fields?.map((f: { field: string }) => f.field)).toEqual(['code']);
    }
    const blank = await refused(M.create, { code: 'TRONG', name: '   ' });
    expect(blank.extensions?.code).toBe('BAD_USER_INPUT');
    expect(blank.extensions?.fields?.[0]?.field).toBe('name');
    const [field] = await t.sql(`SELECT id FROM procedure_field WHERE code = 'HO_TICH'`);
    const blankRename = await refused(M.update, { id: field.id, name: ' ' });
    expect(blankRename.extensions?.fields?.[0]?.field).toBe('name');
    expect(await t.sql(`SELECT count(*)::int AS n FROM procedure_field`)).toEqual(before);
    expect((await t.sql(`SELECT name FROM procedure_field WHERE code = 'HO_TICH'`))[0].name).toBe('Hộ tịch');
  });

  it('answers NOT_FOUND for a field that does not exist', async () => {
    const missing = await refused(M.update, { id: '00000000-0000-4000-8000-000000000000', name: 'Không có' });
    expect(missing.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('nobody else writes the list', () => {
  it('refuses a province’s administrator and manager (FORBIDDEN) and the anonymous (UNAUTHENTICATED), changing nothing', async () => {
    const [field] = await t.sql(`SELECT id FROM procedure_field WHERE code = 'DAT_DAI'`);
    const state = async () => t.sql(`SELECT code, name, retired_on FROM procedure_field ORDER BY code`);
    const before = await state();
    const audit = await t.sql(`SELECT count(*)::int AS n FROM audit_entry WHERE entity_type = 'ProcedureField'`);
    for (const who of ['hatinh.quantri', 'hatinh.buudien', 'hatinh.bcd']) {
      expect((await refused(M.create, { code: 'CAM_XUYEN', name: 'Riêng Hà Tĩnh' }, who)).extensions?.code).toBe('FORBIDDEN');
      expect((await refused(M.update, { id: field.id, retired: true }, who)).extensions?.code).toBe('FORBIDDEN');
      expect((await refused(M.update, { id: field.id, name: 'Đất' }, who)).extensions?.code).toBe('FORBIDDEN');
    }
    expect((await refused(M.create, { code: 'CAM_XUYEN', name: 'Riêng Hà Tĩnh' }, null)).extensions?.code).toBe('UNAUTHENTICATED');
    expect((await refused(M.update, { id: field.id, retired: true }, null)).extensions?.code).toBe('UNAUTHENTICATED');
    expect(await state()).toEqual(before);
    expect(await t.sql(`SELECT count(*)::int AS n FROM audit_entry WHERE entity_type = 'ProcedureField'`)).toEqual(audit);
    // They still read the fields in use.
    expect(ok(await t.gql(`{ procedureFields { code } }`, {}, { as: 'hatinh.quantri' })).procedureFields.length).toBeGreaterThan(5);
  });
});
