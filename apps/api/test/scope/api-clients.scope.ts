/**
 * The scope matrix of portals' API clients (run by test/scope.test.ts).
 *
 * Clients are kept by administrators: a province's administrators register clients for their
 * province and read and change the clients that act for it alone; a client acting for several
 * provinces is read by each of their administrators but changed by a national administrator only
 * (FORBIDDEN to a province's); another province's client is hidden to reads (null, an empty page) and
 * NOT_FOUND to writes, as an id that does not exist. Every other role is FORBIDDEN; a refused write
 * changes nothing. The token exchange is public: the credentials decide (a wrong secret or a revoked
 * client: UNAUTHENTICATED).
 *
 * Records are made by the national administrator: a client of its own for every write.
 */
import { failure, ok, type TestApp } from '../harness';
import { READERS_ONLY, sameErrorApartFromIds, UNKNOWN_ID, type Outcome, type Row, type Scenario, type Scenarios, type ScopeContext, type Who } from './matrix';

/** Signed in, without the right to keep clients (all but administrators). */
const NOT_KEEPERS: Who[] = ['hatinh.bcd', 'dongnai.bcd', ...READERS_ONLY];
export const notKeepers = (op: string, scenario: string): Row[] => NOT_KEEPERS.map((who): Row => [op, who, 'FORBIDDEN', scenario]);

export const HT = 'a Hà Tĩnh client';
export const BOTH = 'a client of Hà Tĩnh and Đồng Nai';

/** A write of one client: its province's administrators and national ones; a client of two provinces is national. */
export const writeRows = (op: string): Row[] => [
  [op, 'anonymous', 'UNAUTHENTICATED', HT],
  [op, 'revoked', 'UNAUTHENTICATED', HT],
  [op, 'hatinh.quantri', 'ALLOWED', HT],
  [op, 'admin', 'ALLOWED', HT],
  [op, 'admin', 'ALLOWED', BOTH],
  [op, 'hatinh.quantri', 'FORBIDDEN', BOTH],
  [op, 'dongnai.quantri', 'NOT_FOUND', HT],
  ...notKeepers(op, HT),
];

// prettier-ignore
export const API_CLIENT_ROWS: Row[] = [
  ['apiClients', 'anonymous', 'UNAUTHENTICATED', 'all'],
  ['apiClients', 'revoked', 'UNAUTHENTICATED', 'all'],
  ['apiClients', 'admin', 'ALLOWED', 'all'],
  ['apiClients', 'hatinh.quantri', 'ALLOWED', 'all'],
  ['apiClients', 'dongnai.quantri', 'ALLOWED', 'all'],
  ['apiClients', 'dongnai.quantri', 'HIDDEN', `search ${HT}`],
  ['apiClients', 'hatinh.quantri', 'HIDDEN', 'search a Đồng Nai client'],
  ...notKeepers('apiClients', 'all'),

  ['apiClient', 'anonymous', 'UNAUTHENTICATED', HT],
  ['apiClient', 'admin', 'ALLOWED', HT],
  ['apiClient', 'hatinh.quantri', 'ALLOWED', HT],
  ['apiClient', 'hatinh.quantri', 'ALLOWED', BOTH],
  ['apiClient', 'dongnai.quantri', 'ALLOWED', BOTH],
  ['apiClient', 'dongnai.quantri', 'HIDDEN', HT],
  ...notKeepers('apiClient', HT),

  ['createApiClient', 'anonymous', 'UNAUTHENTICATED', 'the caller’s province'],
  ['createApiClient', 'hatinh.quantri', 'ALLOWED', 'the caller’s province'],
  ['createApiClient', 'dongnai.quantri', 'ALLOWED', 'the caller’s province'],
  ['createApiClient', 'hatinh.quantri', 'FORBIDDEN', 'naming Đồng Nai'],
  ['createApiClient', 'dongnai.quantri', 'FORBIDDEN', 'naming Hà Tĩnh'],
  ['createApiClient', 'admin', 'ALLOWED', 'naming Đồng Nai'],
  ['createApiClient', 'admin', 'BAD_USER_INPUT', 'the caller’s province'],
  ['createApiClient', 'hatinh.quantri', 'BAD_USER_INPUT', 'the caller’s province, for a Đồng Nai agency'],
  ...notKeepers('createApiClient', 'the caller’s province'),

  ...writeRows('updateApiClient'),
  ...writeRows('rotateApiClientSecret'),
  ...writeRows('revokeApiClient'),

  ['issueClientToken', 'anonymous', 'ALLOWED', 'the right secret'],
  ['issueClientToken', 'anonymous', 'UNAUTHENTICATED', 'a wrong secret'],
  ['issueClientToken', 'anonymous', 'UNAUTHENTICATED', 'a revoked client'],
];

const C = 'id clientId name version provinces { code }';
const Q = {
  list: `query($filter: ApiClientFilter) { apiClients(first: 100, filter: $filter) { totalCount edges { node { ${C} } } } }`,
  one: `query($id: ID!) { apiClient(id: $id) { ${C} } }`,
  create: `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { clientSecret apiClient { ${C} } } }`,
  update: `mutation($input: UpdateApiClientInput!) { updateApiClient(input: $input) { apiClient { ${C} } } }`,
  rotate: `mutation($input: RotateApiClientSecretInput!) { rotateApiClientSecret(input: $input) { clientSecret apiClient { ${C} } } }`,
  revoke: `mutation($input: RevokeApiClientInput!) { revokeApiClient(input: $input) { apiClient { ${C} revokedAt } } }`,
  token: `mutation($clientId: String!, $clientSecret: String!) { issueClientToken(input: { clientId: $clientId, clientSecret: $clientSecret }) { token expiresAt scopes } }`,
};

type Province = '42' | '75';
const PROVINCE_OF: Partial<Record<Who, Province>> = { 'hatinh.quantri': '42', 'dongnai.quantri': '75' };

interface Made {
  id: string;
  clientId: string;
  name: string;
  version: number;
  secret: string;
}

export function apiClientScenarios(ctx: ScopeContext): Scenarios {
  const t = (): TestApp => ctx.app();
  let counter = 0;
  let refs: Promise<{ province: Record<Province, string>; agency75: string }> | null = null;
  const ids = () =>
    (refs ??= (async () => {
      const provinces = await t().sql(`SELECT id, code FROM administrative_unit WHERE code IN ('42', '75') AND level = 'PROVINCE' AND valid_to IS NULL`);
      const [agency] = await t().sql(`SELECT id FROM agency WHERE code = '70-TTPVHCC'`);
      const byCode = (code: string) => provinces.find((r: any) => r.code === code).id as string;
      return { province: { '42': byCode('42'), '75': byCode('75') }, agency75: agency.id as string };
    })());
  const input = (name: string, extra: Record<string, unknown> = {}) => ({
    name,
    ownerOrganisation: 'Văn phòng UBND tỉnh',
    contact: { name: 'Cán bộ kỹ thuật', email: 'kythuat@example.vn' },
    scopes: ['SUBMIT_DOSSIERS'],
    ...extra,
  });
  /** A client of the provinces, made by the national administrator. */
  const newClient = async (...provinces: Province[]): Promise<Made> => {
    const r = await ids();
    const made = ok(await t().gql(Q.create, { input: input(`Cổng thử phạm vi ${++counter}`, { provinceIds: provinces.map((p) => r.province[p]) }) }, { as: 'admin' })).createApiClient;
    return { ...made.apiClient, secret: made.clientSecret };
  };
  let world: Promise<Record<Province, Made>> | null = null;
  const worlds = () => (world ??= (async () => ({ '42': await newClient('42'), '75': await newClient('75') }))());
  const stored = async (id: string) => (await t().sql(`SELECT name, version, secret_hash, revoked_at FROM api_client WHERE id = $1`, [id]))[0];
  /** The provinces (codes) of the clients of a name: where a create put it, nothing when refused. */
  const provincesOf = async (name: string) =>
    (await t().sql(`SELECT p.code FROM api_client c JOIN administrative_unit p ON p.id = ANY(c.province_ids) WHERE c.name = $1 ORDER BY p.code`, [name])).map((r: any) => r.code);

  // --- Reads -------------------------------------------------------------------------------------

  const list =
    (search: (w: Record<Province, Made>) => string | null): Scenario =>
    async (caller, who) => {
      const w = await worlds();
      const s = search(w);
      const res = await t().gql(Q.list, { filter: s ? { search: s } : null }, caller);
      return {
        res,
        async verify(data) {
          const province = PROVINCE_OF[who];
          if (province) expect(data.edges.every((e: any) => e.node.provinces.some((p: any) => p.code === province))).toBe(true);
          const [{ n }] = await t().sql(
            `SELECT count(*)::int AS n FROM api_client c WHERE c.revoked_at IS NULL AND ($1::text IS NULL OR EXISTS (SELECT 1 FROM administrative_unit p WHERE p.id = ANY(c.province_ids) AND p.code = $1))`,
            [province ?? null],
          );
          expect(data.totalCount).toBe(n);
        },
      };
    };
  const one =
    (which: () => Promise<Made>): Scenario =>
    async (caller) => {
      const c = await which();
      const res = await t().gql(Q.one, { id: c.id }, caller);
      return { res, verify: (data) => expect(data).toMatchObject({ id: c.id, clientId: c.clientId }) };
    };
  let both: Promise<Made> | null = null;
  const bothProvinces = () => (both ??= newClient('42', '75'));

  // --- Writes ------------------------------------------------------------------------------------

  const created =
    (extra: (r: Awaited<ReturnType<typeof ids>>) => Record<string, unknown>, province: Province | null, unknown?: (r: Awaited<ReturnType<typeof ids>>) => Record<string, unknown>): Scenario =>
    async (caller, who) => {
      const r = await ids();
      const name = `Cổng tạo thử ${++counter}`;
      const res = await t().gql(Q.create, { input: input(name, extra(r)) }, caller);
      const other = unknown ? await t().gql(Q.create, { input: input(`Cổng tạo thử ${++counter}`, unknown(r)) }, caller) : null;
      return {
        res,
        async verify(data, outcome: Outcome) {
          expect(await provincesOf(name)).toEqual(outcome === 'ALLOWED' ? [province ?? PROVINCE_OF[who]] : []);
          if (outcome === 'ALLOWED') expect(data.clientSecret).toMatch(/^osp_sk_/);
          if (other && outcome !== 'ALLOWED') expect(sameErrorApartFromIds(res, other)).toBe(true);
        },
      };
    };

  /** A write of a client of its own: done when allowed, nothing changed when refused (NOT_FOUND word for word as an unknown id). */
  const written =
    (mutation: string, variables: (c: Made) => Record<string, unknown>, changed: (before: any, after: any) => void) =>
    (which: 'HT' | 'BOTH'): Scenario =>
    async (caller) => {
      const c = which === 'HT' ? await newClient('42') : await newClient('42', '75');
      const before = await stored(c.id);
      const res = await t().gql(mutation, { input: variables(c) }, caller);
      const unknown = await t().gql(mutation, { input: { ...variables(c), id: UNKNOWN_ID } }, caller);
      return {
        res,
        async verify(_data, outcome) {
          const after = await stored(c.id);
          if (outcome === 'ALLOWED') changed(before, after);
          else expect(after).toEqual(before);
          if (outcome === 'NOT_FOUND') expect(sameErrorApartFromIds(res, unknown)).toBe(true);
        },
      };
    };
  const update = written(Q.update, (c) => ({ id: c.id, version: c.version, name: 'Cổng đã đổi tên' }), (_b, a) => expect(a).toMatchObject({ name: 'Cổng đã đổi tên', version: 2 }));
  const rotate = written(Q.rotate, (c) => ({ id: c.id, version: c.version }), (b, a) => expect(a.secret_hash).not.toBe(b.secret_hash));
  const revoke = written(Q.revoke, (c) => ({ id: c.id, version: c.version }), (_b, a) => expect(a.revoked_at).not.toBeNull());

  return {
    apiClients: {
      all: list(() => null),
      [`search ${HT}`]: list((w) => w['42'].clientId),
      'search a Đồng Nai client': list((w) => w['75'].clientId),
    },
    apiClient: {
      [HT]: one(async () => (await worlds())['42']),
      [BOTH]: one(bothProvinces),
    },
    createApiClient: {
      'the caller’s province': created(() => ({}), null),
      'naming Đồng Nai': created((r) => ({ provinceIds: [r.province['75']] }), '75'),
      'naming Hà Tĩnh': created((r) => ({ provinceIds: [r.province['42']] }), '42'),
      'the caller’s province, for a Đồng Nai agency': created((r) => ({ agencyIds: [r.agency75] }), null, () => ({ agencyIds: [UNKNOWN_ID] })),
    },
    updateApiClient: { [HT]: update('HT'), [BOTH]: update('BOTH') },
    rotateApiClientSecret: { [HT]: rotate('HT'), [BOTH]: rotate('BOTH') },
    revokeApiClient: { [HT]: revoke('HT'), [BOTH]: revoke('BOTH') },
    issueClientToken: {
      'the right secret': async (caller) => {
        const c = await newClient('42');
        return { res: await t().gql(Q.token, { clientId: c.clientId, clientSecret: c.secret }, caller), verify: (data) => expect(data.scopes).toEqual(['SUBMIT_DOSSIERS']) };
      },
      'a wrong secret': async (caller) => {
        const c = await newClient('42');
        const res = await t().gql(Q.token, { clientId: c.clientId, clientSecret: 'osp_sk_wrong' }, caller);
        const unknown = await t().gql(Q.token, { clientId: 'osp_00000000000000000000', clientSecret: c.secret }, caller);
        return { res, verify: () => expect(failure(res).message).toBe(failure(unknown).message) };
      },
      'a revoked client': async (caller) => {
        const c = await newClient('42');
        ok(await t().gql(Q.revoke, { input: { id: c.id, version: c.version } }, { as: 'admin' }));
        return { res: await t().gql(Q.token, { clientId: c.clientId, clientSecret: c.secret }, caller) };
      },
    },
  };
}
