/**
 * The scope matrix of the procedure catalogue (run by test/scope.test.ts).
 *
 * Each province has its own list (the demo seed loads the same sample list for both demo provinces):
 * every signed-in user of a province reads its list and its procedures, a national administrator
 * reads every province's (all of them, or the one named); another province's procedure is hidden
 * (null, an empty page). The list is kept by the province's administrators (SYSTEM_ADMIN of the
 * province) and by a national administrator naming the province (provinceId; BAD_USER_INPUT when they
 * name none); every other role is FORBIDDEN, a province's administrator naming another province too,
 * another province's procedure is NOT_FOUND to an update, and another province's agency named as the
 * deciding agency BAD_USER_INPUT (exactly the answer for an id that does not exist; an import refuses
 * the row with the same words as for an unknown agency code). A refused write changes nothing.
 *
 * Records are made by the national administrator: a procedure of each province once for the reads,
 * and one of its own for every update; every create and import writes a code of its own.
 */
import { ok, type TestApp } from '../harness';
import { forEachHaTinhUser, READERS_ONLY, sameErrorApartFromIds, UNKNOWN_ID, type Outcome, type Row, type Scenario, type Scenarios, type ScopeContext, type Who } from './matrix';

// --- The rows ---------------------------------------------------------------------------------

/** Signed in, in a province, without the right to keep its catalogue (all but its administrators). */
const NOT_KEEPERS: Who[] = ['hatinh.bcd', 'dongnai.bcd', ...READERS_ONLY];
const notKeepers = (op: string, scenario: string): Row[] => NOT_KEEPERS.map((who): Row => [op, who, 'FORBIDDEN', scenario]);

// prettier-ignore
export const PROCEDURE_ROWS: Row[] = [
  // The list: the caller's province (every province for a national reader), whatever the filter names.
  ['procedures', 'anonymous', 'UNAUTHENTICATED', 'all'],
  ['procedures', 'admin', 'ALLOWED', 'all: every province'],
  ...forEachHaTinhUser('procedures', 'all: the caller’s province'),
  ['procedures', 'dongnai.bcd', 'ALLOWED', 'all: the caller’s province'],
  ['procedures', 'binhphuoc.buudien', 'ALLOWED', 'all: the caller’s province'],
  ['procedures', 'dongnai.bcd', 'HIDDEN', 'provinceId of Hà Tĩnh'],
  ['procedures', 'hatinh.quay', 'HIDDEN', 'provinceId of Đồng Nai'],
  ['procedures', 'hatinh.stttt', 'HIDDEN', 'search the code of the Đồng Nai procedure'],
  // A portal's client with READ_CATALOGUE: the lists of its provinces (another province named: an empty page).
  ['procedures', 'portal', 'ALLOWED', 'all: the caller’s province'],
  ['procedures', 'portal', 'HIDDEN', 'provinceId of Đồng Nai'],

  ['procedure', 'anonymous', 'UNAUTHENTICATED', 'the Hà Tĩnh procedure'],
  ...forEachHaTinhUser('procedure', 'the Hà Tĩnh procedure'),
  ['procedure', 'admin', 'ALLOWED', 'the Đồng Nai procedure'],
  ['procedure', 'dongnai.bcd', 'ALLOWED', 'the Đồng Nai procedure'],
  ['procedure', 'dongnai.bcd', 'HIDDEN', 'the Hà Tĩnh procedure'],
  ['procedure', 'binhphuoc.buudien', 'HIDDEN', 'the Hà Tĩnh procedure'],
  ['procedure', 'dongnai.quantri', 'HIDDEN', 'the Hà Tĩnh procedure'],
  ['procedure', 'hatinh.quantri', 'HIDDEN', 'the Đồng Nai procedure'],

  // Writes: the province's administrators, a national administrator naming the province.
  ['createProcedure', 'anonymous', 'UNAUTHENTICATED', 'the caller’s province'],
  ['createProcedure', 'hatinh.quantri', 'ALLOWED', 'the caller’s province'],
  ['createProcedure', 'dongnai.quantri', 'ALLOWED', 'the caller’s province'],
  ['createProcedure', 'hatinh.quantri', 'FORBIDDEN', 'naming Đồng Nai'],
  ['createProcedure', 'dongnai.quantri', 'FORBIDDEN', 'naming Hà Tĩnh'],
  ['createProcedure', 'hatinh.quantri', 'BAD_USER_INPUT', 'the caller’s province, decided by a Đồng Nai agency'],
  ['createProcedure', 'admin', 'ALLOWED', 'naming Đồng Nai'],
  ['createProcedure', 'admin', 'BAD_USER_INPUT', 'the caller’s province'],
  ...notKeepers('createProcedure', 'the caller’s province'),

  ['updateProcedure', 'anonymous', 'UNAUTHENTICATED', 'a Hà Tĩnh procedure'],
  ['updateProcedure', 'hatinh.quantri', 'ALLOWED', 'a Hà Tĩnh procedure'],
  ['updateProcedure', 'dongnai.quantri', 'ALLOWED', 'a Đồng Nai procedure'],
  ['updateProcedure', 'admin', 'ALLOWED', 'a Đồng Nai procedure'],
  ['updateProcedure', 'hatinh.quantri', 'NOT_FOUND', 'a Đồng Nai procedure'],
  ['updateProcedure', 'dongnai.quantri', 'NOT_FOUND', 'a Hà Tĩnh procedure'],
  ['updateProcedure', 'hatinh.quantri', 'BAD_USER_INPUT', 'a Hà Tĩnh procedure, decided by a Đồng Nai agency'],
  ...notKeepers('updateProcedure', 'a Hà Tĩnh procedure'),

  ['importProcedures', 'anonymous', 'UNAUTHENTICATED', 'a row, the caller’s province'],
  ['importProcedures', 'hatinh.quantri', 'ALLOWED', 'a row, the caller’s province'],
  // Allowed, and the row refused: a Đồng Nai agency's code is as unknown in Hà Tĩnh as a made-up one.
  ['importProcedures', 'hatinh.quantri', 'ALLOWED', 'a row decided by a Đồng Nai agency, the caller’s province'],
  ['importProcedures', 'hatinh.quantri', 'FORBIDDEN', 'a row, naming Đồng Nai'],
  ['importProcedures', 'dongnai.quantri', 'FORBIDDEN', 'a row, naming Hà Tĩnh'],
  ['importProcedures', 'admin', 'ALLOWED', 'a row, naming Đồng Nai'],
  ['importProcedures', 'admin', 'BAD_USER_INPUT', 'a row, the caller’s province'],
  ...notKeepers('importProcedures', 'a row, the caller’s province'),
];

// --- The scenarios --------------------------------------------------------------------------------

type Province = '42' | '75';
const PROVINCE_OF: Partial<Record<Who, Province>> = {
  'hatinh.bcd': '42', 'hatinh.buudien': '42', 'hatinh.quay': '42', 'hatinh.stttt': '42', 'hatinh.quantri': '42',
  'dongnai.bcd': '75', 'binhphuoc.buudien': '75', 'dongnai.quantri': '75',
  portal: '42',
};
/** An agency of each province, to name as the deciding agency. */
const AGENCY: Record<Province, string> = { '42': '42-STTTT', '75': '70-TTPVHCC' };

const P = 'id code name version province { code } agency { code } components { position name }';
const Q = {
  list: `query($filter: ProcedureFilter) { procedures(first: 100, filter: $filter) { totalCount edges { node { id code province { code } } } } }`,
  one: `query($id: ID!) { procedure(id: $id) { ${P} } }`,
  create: `mutation($input: CreateProcedureInput!) { createProcedure(input: $input) { procedure { ${P} } } }`,
  update: `mutation($input: UpdateProcedureInput!) { updateProcedure(input: $input) { procedure { ${P} } } }`,
  import: `mutation($input: ImportProceduresInput!) { importProcedures(input: $input) { applied rows created updated unchanged rejected { row column reason } } }`,
};
const IMPORT_HEADER = ['Mã thủ tục', 'Tên thủ tục', 'Lĩnh vực', 'Cấp thực hiện', 'Thời hạn giải quyết', 'BCCI', 'Mã cơ quan'];
const csv = (rows: string[][]) => Buffer.from(`\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`).toString('base64');

export function procedureScenarios(ctx: ScopeContext): Scenarios {
  const t = (): TestApp => ctx.app();
  let counter = 0;
  const uniqueCode = () => `SC.P.${++counter}`;
  let refs: Promise<{ province: Record<Province, string>; agency: Record<Province, string>; field: string }> | null = null;
  const ids = () =>
    (refs ??= (async () => {
      const provinces = await t().sql(`SELECT id, code FROM administrative_unit WHERE code IN ('42', '75') AND level = 'PROVINCE' AND valid_to IS NULL`);
      const agencies = await t().sql(`SELECT id, code FROM agency WHERE code = ANY($1)`, [Object.values(AGENCY)]);
      const [field] = await t().sql(`SELECT id FROM procedure_field WHERE code = 'HO_TICH'`);
      const byCode = (rows: any[], code: string) => rows.find((r) => r.code === code).id as string;
      return {
        province: { '42': byCode(provinces, '42'), '75': byCode(provinces, '75') },
        agency: { '42': byCode(agencies, AGENCY['42']), '75': byCode(agencies, AGENCY['75']) },
        field: field.id as string,
      };
    })());
  const input = async (code: string, extra: Record<string, unknown> = {}) => ({
    code,
    name: `Thủ tục thử phạm vi ${code}`,
    fieldId: (await ids()).field,
    level: 'PROVINCE',
    procedureFee: 0,
    postalFee: 22000,
    processingTime: 5,
    bcciMode: 'RECEIVE_AND_RETURN',
    components: [{ name: 'Tờ khai', originals: 1, copies: 0, required: true }],
    ...extra,
  });
  /** A procedure of a province's list, made by the national administrator. */
  const newProcedure = async (province: Province) => {
    const code = uniqueCode();
    const made = ok(await t().gql(Q.create, { input: await input(code, { provinceId: (await ids()).province[province] }) }, { as: 'admin' })).createProcedure.procedure;
    return made as { id: string; code: string; version: number };
  };
  let world: Promise<Record<Province, { id: string; code: string }>> | null = null;
  const worlds = () => (world ??= (async () => ({ '42': await newProcedure('42'), '75': await newProcedure('75') }))());

  /** Where each code is, by province: what a write left behind. */
  const provincesOf = async (code: string) => (await t().sql(`SELECT p.code FROM procedure x JOIN administrative_unit p ON p.id = x.province_id WHERE x.code = $1`, [code])).map((r) => r.code);
  /** The catalogue of a province (all when null), as the list counts it: not withdrawn. */
  const countOf = async (province: Province | null) =>
    (await t().sql(`SELECT count(*)::int AS n FROM procedure x JOIN administrative_unit p ON p.id = x.province_id WHERE x.retired_on IS NULL AND ($1::text IS NULL OR p.code = $1)`, [province]))[0].n as number;

  // --- Reads -------------------------------------------------------------------------------------

  const list = (filter: (w: Record<Province, { id: string; code: string }>, p: Record<Province, string>) => Record<string, unknown> | null): Scenario => async (caller, who) => {
    const w = await worlds();
    const res = await t().gql(Q.list, { filter: filter(w, (await ids()).province) }, caller);
    return {
      res,
      async verify(data) {
        const province = PROVINCE_OF[who] ?? null;
        if (province) expect(new Set(data.edges.map((e: any) => e.node.province.code))).toEqual(new Set([province]));
        expect(data.totalCount).toBe(await countOf(province));
      },
    };
  };
  const one = (province: Province): Scenario => async (caller) => {
    const w = await worlds();
    const res = await t().gql(Q.one, { id: w[province].id }, caller);
    return { res, verify: (data) => expect(data).toMatchObject({ id: w[province].id, province: { code: province }, components: [{ position: 1, name: 'Tờ khai' }] }) };
  };

  // --- Writes ------------------------------------------------------------------------------------

  /**
   * A create or an import of a code of its own: when allowed, the code is in `province`'s list (the
   * caller's when null), else nowhere; `unknown` is the same write naming an id that does not exist,
   * which a refusal must answer word for word.
   */
  const write =
    (
      mutation: string,
      variables: (code: string, r: Awaited<ReturnType<typeof ids>>) => Record<string, unknown> | Promise<Record<string, unknown>>,
      province: Province | null,
      unknown?: (code: string, r: Awaited<ReturnType<typeof ids>>) => Record<string, unknown> | Promise<Record<string, unknown>>,
    ): Scenario =>
    async (caller, who) => {
      const r = await ids();
      const code = uniqueCode();
      const res = await t().gql(mutation, await variables(code, r), caller);
      const other = unknown ? await t().gql(mutation, await unknown(uniqueCode(), r), caller) : null;
      return {
        res,
        async verify(data, outcome: Outcome) {
          const applied = outcome === 'ALLOWED' && (data.applied ?? true);
          expect(await provincesOf(code)).toEqual(applied ? [province ?? PROVINCE_OF[who]] : []);
          if (other && outcome !== 'ALLOWED') expect(sameErrorApartFromIds(res, other)).toBe(true);
        },
      };
    };
  const created = (extra: (r: Awaited<ReturnType<typeof ids>>) => Record<string, unknown>, province: Province | null, unknown?: (r: Awaited<ReturnType<typeof ids>>) => Record<string, unknown>) =>
    write(Q.create, async (code, r) => ({ input: await input(code, extra(r)) }), province, unknown && (async (code, r) => ({ input: await input(code, unknown(r)) })));

  /** An update of a procedure of its own (renamed): changed when allowed, as it was when refused. */
  const updated =
    (province: Province, extra: (r: Awaited<ReturnType<typeof ids>>) => Record<string, unknown> = () => ({}), unknown?: (r: Awaited<ReturnType<typeof ids>>) => Record<string, unknown>): Scenario =>
    async (caller) => {
      const r = await ids();
      const p = await newProcedure(province);
      const row = async (id: string) => (await t().sql(`SELECT name, version, agency_id FROM procedure WHERE id = $1`, [id]))[0];
      const before = await row(p.id);
      const change = async (id: string, more: Record<string, unknown>) => ({ input: { ...(await input(p.code, more)), id, version: p.version, name: 'Thủ tục đã đổi tên' } });
      const res = await t().gql(Q.update, await change(p.id, extra(r)), caller);
      const other = await t().gql(Q.update, unknown ? await change(p.id, unknown(r)) : await change(UNKNOWN_ID, extra(r)), caller);
      return {
        res,
        async verify(_data, outcome) {
          if (outcome === 'ALLOWED') expect(await row(p.id)).toMatchObject({ name: 'Thủ tục đã đổi tên', version: p.version + 1 });
          else {
            expect(await row(p.id)).toEqual(before);
            if (outcome === 'NOT_FOUND' || outcome === 'BAD_USER_INPUT') expect(sameErrorApartFromIds(res, other)).toBe(true);
          }
        },
      };
    };

  const importRow = (code: string, agencyCode = '') => [code, `Thủ tục nhập thử ${code}`, 'Hộ tịch', 'Tỉnh', '5 ngày làm việc', 'Tiếp nhận và trả kết quả', agencyCode];
  const imported = (province: Province | null, named: boolean) =>
    write(Q.import, (code, r) => ({ input: { format: 'CSV', contentBase64: csv([IMPORT_HEADER, importRow(code)]), dryRun: false, ...(named && province ? { provinceId: r.province[province] } : {}) } }), province);

  return {
    procedures: {
      all: list(() => null),
      'all: every province': list(() => null),
      'all: the caller’s province': list(() => null),
      'provinceId of Hà Tĩnh': list((_w, p) => ({ provinceId: p['42'] })),
      'provinceId of Đồng Nai': list((_w, p) => ({ provinceId: p['75'] })),
      'search the code of the Đồng Nai procedure': list((w) => ({ search: w['75'].code })),
    },
    procedure: {
      'the Hà Tĩnh procedure': one('42'),
      'the Đồng Nai procedure': one('75'),
    },
    createProcedure: {
      'the caller’s province': created(() => ({}), null),
      'naming Đồng Nai': created((r) => ({ provinceId: r.province['75'] }), '75'),
      'naming Hà Tĩnh': created((r) => ({ provinceId: r.province['42'] }), '42'),
      'the caller’s province, decided by a Đồng Nai agency': created((r) => ({ agencyId: r.agency['75'] }), null, () => ({ agencyId: UNKNOWN_ID })),
    },
    updateProcedure: {
      'a Hà Tĩnh procedure': updated('42'),
      'a Đồng Nai procedure': updated('75'),
      'a Hà Tĩnh procedure, decided by a Đồng Nai agency': updated('42', (r) => ({ agencyId: r.agency['75'] }), () => ({ agencyId: UNKNOWN_ID })),
    },
    importProcedures: {
      'a row, the caller’s province': imported(null, false),
      'a row, naming Đồng Nai': imported('75', true),
      'a row, naming Hà Tĩnh': imported('42', true),
      'a row decided by a Đồng Nai agency, the caller’s province': async (caller) => {
        const code = uniqueCode();
        const res = await t().gql(Q.import, { input: { format: 'CSV', contentBase64: csv([IMPORT_HEADER, importRow(code, AGENCY['75'])]), dryRun: false } }, caller);
        const unknown = await t().gql(Q.import, { input: { format: 'CSV', contentBase64: csv([IMPORT_HEADER, importRow(uniqueCode(), 'SC-KHONG-CO')]), dryRun: false } }, caller);
        return {
          res,
          async verify(data) {
            expect(data).toMatchObject({ applied: false, rows: 1, rejected: [{ row: 2, column: 'Mã cơ quan' }] });
            const [problem] = ok(unknown).importProcedures.rejected;
            expect(data.rejected[0].reason.replace(AGENCY['75'], '<code>')).toBe(problem.reason.replace('SC-KHONG-CO', '<code>'));
            expect(await provincesOf(code)).toEqual([]);
          },
        };
      },
    },
  };
}

