/**
 * Portals' API clients (issue 12, first slice): registered by a province's administrators with a
 * secret shown once and stored as an argon2id hash; the token exchange (wrong id and wrong secret
 * answered alike, throttled); rotation with a 24-hour grace for the previous secret; revocation that
 * stops tokens already issued; a client token that opens no staff operation; every write audited and
 * every call attributed to the client.
 */
import { TokenService } from '../src/modules/identity/token.service';
import { audited } from './audit-trail';
import { failure, ok, startTestApp, type GraphQLResult, type TestApp } from './harness';

let t: TestApp;
let haTinh: string;
let dongNai: string;
let sttttHaTinh: string;

const C = 'id clientId name ownerOrganisation contact { name email phone } provinces { code } agencies { code } scopes rotatedAt previousSecretValidUntil revokedAt lastUsedAt requestsPerHour costPerHour version';
const M = {
  create: `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { clientSecret apiClient { ${C} } } }`,
  update: `mutation($input: UpdateApiClientInput!) { updateApiClient(input: $input) { apiClient { ${C} } } }`,
  rotate: `mutation($input: RotateApiClientSecretInput!) { rotateApiClientSecret(input: $input) { clientSecret apiClient { ${C} } } }`,
  revoke: `mutation($input: RevokeApiClientInput!) { revokeApiClient(input: $input) { apiClient { ${C} } } }`,
  // The contract's operation, word for word (../shared/contract/portal.graphql).
  token: `mutation PortalToken($clientId: String!, $clientSecret: String!) {
    issueClientToken(input: { clientId: $clientId, clientSecret: $clientSecret }) { token expiresAt scopes }
  }`,
};
const PUBLIC_READ = `{ administrativeUnits(first: 1) { totalCount } }`;

interface Client {
  id: string;
  clientId: string;
  name: string;
  version: number;
  scopes: string[];
  lastUsedAt: string | null;
  rotatedAt: string | null;
  previousSecretValidUntil: string | null;
  revokedAt: string | null;
  provinces: Array<{ code: string }>;
  requestsPerHour: number;
  costPerHour: number;
}

let counter = 0;
const input = (extra: Record<string, unknown> = {}) => ({
  name: `Cổng dịch vụ công thử ${++counter}`,
  ownerOrganisation: 'Văn phòng UBND tỉnh Hà Tĩnh',
  contact: { name: 'Nguyễn Văn Kỹ Thuật', email: 'Ky.Thuat@hatinh.gov.vn', phone: '0239 3855 555' },
  scopes: ['SUBMIT_DOSSIERS', 'READ_OWN_DOSSIERS'],
  ...extra,
});
const create = async (as = 'hatinh.quantri', extra: Record<string, unknown> = {}) => {
  const made = ok(await t.gql(M.create, { input: input(extra) }, { as })).createApiClient;
  return { client: made.apiClient as Client, secret: made.clientSecret as string };
};
const exchange = (clientId: string, clientSecret: string) => t.gql(M.token, { clientId, clientSecret }, { as: null, lang: 'en' });
const tokenOf = async (clientId: string, clientSecret: string) => ok(await exchange(clientId, clientSecret)).issueClientToken as { token: string; expiresAt: string; scopes: string[] };
const row = async (id: string) => (await t.sql(`SELECT * FROM api_client WHERE id = $1`, [id]))[0];
/** Two failures that say the same thing (the request id aside). */
const same = (a: GraphQLResult, b: GraphQLResult) => {
  const strip = (r: GraphQLResult) => JSON.stringify(r.errors?.map((e) => ({ message: e.message, code: e.extensions.code, fields: e.extensions.fields })));
  return Boolean(a.errors?.length) && strip(a) === strip(b) && a.status === b.status;
};

beforeAll(async () => {
  // Client tokens send ad-hoc documents here (what a token opens beneath the allow-list; the allow-list: test/portal-limits.test.ts).
  t = await startTestApp({ signInAs: 'hatinh.quantri', env: { OSP_CLIENT_PERSISTED_ONLY: 'off' } });
  [{ id: haTinh }] = await t.sql(`SELECT id FROM administrative_unit WHERE code = '42' AND level = 'PROVINCE' AND valid_to IS NULL`);
  [{ id: dongNai }] = await t.sql(`SELECT id FROM administrative_unit WHERE code = '75' AND level = 'PROVINCE' AND valid_to IS NULL`);
  [{ id: sttttHaTinh }] = await t.sql(`SELECT id FROM agency WHERE code = '42-STTTT'`);
  ok(await t.gql(`{ me { id } }`)); // the default user's sign-in, out of the way of the audit checks
  ok(await t.gql(`mutation { createUser(input: { username: "dongnai.quantri", displayName: "Quản trị Đồng Nai", password: "Demo@2026", roles: [SYSTEM_ADMIN], scopeUnitCode: "75" }) { user { id } } }`, {}, { as: 'admin' }));
});
afterAll(() => t.close());
// Wrong secrets count against the test's one address (127.0.0.1), as sign-ins do: each test starts afresh.
beforeEach(() => t.sql('DELETE FROM sign_in_throttle'));

describe('registering a client', () => {
  it('answers the secret once, stores only its argon2id hash, and audits the creation without it', async () => {
    const { result, entries } = await audited(t, () => t.gql(M.create, { input: input({ agencyIds: [sttttHaTinh], requestsPerHour: 600 }) }));
    const { clientSecret, apiClient } = ok(result).createApiClient as { clientSecret: string; apiClient: Client & { contact: unknown; agencies: unknown } };
    expect(apiClient.clientId).toMatch(/^osp_[0-9a-f]{20}$/);
    expect(clientSecret).toMatch(/^osp_sk_[A-Za-z0-9_-]{43}$/);
    expect(apiClient).toMatchObject({
      provinces: [{ code: '42' }],
      agencies: [{ code: '42-STTTT' }],
      contact: { name: 'Nguyễn Văn Kỹ Thuật', email: 'ky.thuat@hatinh.gov.vn', phone: '0239 3855 555' },
      scopes: ['SUBMIT_DOSSIERS', 'READ_OWN_DOSSIERS'],
      requestsPerHour: 600,
      costPerHour: 500000,
      version: 1,
      revokedAt: null,
      lastUsedAt: null,
      previousSecretValidUntil: null,
    });
    const stored = await row(apiClient.id);
    // argon2id with exactly the parameters of users' passwords.
    const [{ password_hash: password }] = await t.sql(`SELECT password_hash FROM app_user WHERE username = 'hatinh.quantri'`);
    const params = (hash: string) => hash.split('$').slice(0, 4).join('$');
    expect(stored.secret_hash).toMatch(/^\$argon2id\$v=19\$m=\d+,p=\d+,t=\d+\$/);
    expect(params(stored.secret_hash)).toBe(params(password));
    expect(stored.secret_hash).not.toContain(clientSecret);
    expect(JSON.stringify(stored)).not.toContain(clientSecret);
    // Nothing reads the secret back: the type has no such field.
    expect(failure(await t.gql(`query($id: ID!) { apiClient(id: $id) { secretHash } }`, { id: apiClient.id })).extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(ok(await t.gql(`query($id: ID!) { apiClient(id: $id) { clientId } }`, { id: apiClient.id })).apiClient).toEqual({ clientId: apiClient.clientId });

    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'apiClient.create', entityType: 'ApiClient', entityId: apiClient.id, actorKind: 'user', actorLabel: 'hatinh.quantri' });
    expect(entries[0].after).toMatchObject({ clientId: apiClient.clientId, provinceIds: [haTinh] });
    expect(JSON.stringify(entries[0].after)).not.toMatch(/argon2|secretHash|osp_sk_/);
  });

  it('a province’s administrator registers for their province only; a national one names the provinces', async () => {
    const other = await t.gql(M.create, { input: input({ provinceIds: [dongNai] }) }, { as: 'hatinh.quantri' });
    expect(failure(other).extensions.code).toBe('FORBIDDEN');
    expect(failure(await t.gql(M.create, { input: input({ provinceIds: [haTinh, dongNai] }) }, { as: 'hatinh.quantri' })).extensions.code).toBe('FORBIDDEN');
    // Their own province named explicitly is fine.
    expect((await create('hatinh.quantri', { provinceIds: [haTinh] })).client.provinces).toEqual([{ code: '42' }]);
    // Another province's agency is as unknown as an id that does not exist.
    const [{ id: dnAgency }] = await t.sql(`SELECT id FROM agency WHERE province_id = $1 LIMIT 1`, [dongNai]);
    const foreignAgency = failure(await t.gql(M.create, { input: input({ agencyIds: [dnAgency] }) }, { as: 'hatinh.quantri' }));
    expect(foreignAgency.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'agencyIds.0' }] });

    expect(failure(await t.gql(M.create, { input: input() }, { as: 'admin' })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'provinceIds' }] });
    const notProvince = failure(await t.gql(M.create, { input: input({ provinceIds: [sttttHaTinh] }) }, { as: 'admin' }));
    expect(notProvince.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'provinceIds.0' }] });
    const both = (await create('admin', { provinceIds: [haTinh, dongNai] })).client;
    expect(both.provinces.map((p) => p.code).sort()).toEqual(['42', '75']);

    // Staff who are not administrators neither register nor read clients.
    for (const as of ['hatinh.bcd', 'hatinh.buudien', 'hatinh.quay']) {
      expect(failure(await t.gql(M.create, { input: input() }, { as })).extensions.code).toBe('FORBIDDEN');
      expect(failure(await t.gql(`{ apiClients { totalCount } }`, {}, { as })).extensions.code).toBe('FORBIDDEN');
    }
    expect(failure(await t.gql(M.create, { input: input() }, { as: null })).extensions.code).toBe('UNAUTHENTICATED');

    // Hà Tĩnh's administrator reads the two-province client but does not change it; Đồng Nai's does not see Hà Tĩnh's own.
    const list = async (as: string) => (ok(await t.gql(`{ apiClients(first: 100) { edges { node { id provinces { code } } } } }`, {}, { as })).apiClients.edges as Array<{ node: { id: string; provinces: Array<{ code: string }> } }>).map((e) => e.node);
    const haTinhSees = await list('hatinh.quantri');
    expect(haTinhSees.map((c) => c.id)).toContain(both.id);
    expect(haTinhSees.every((c) => c.provinces.some((p) => p.code === '42'))).toBe(true);
    expect(failure(await t.gql(M.rotate, { input: { id: both.id, version: both.version } }, { as: 'hatinh.quantri' })).extensions.code).toBe('FORBIDDEN');
    const own = (await create()).client;
    expect((await list('dongnai.quantri')).map((c) => c.id)).not.toContain(own.id);
    expect(ok(await t.gql(`query($id: ID!) { apiClient(id: $id) { id } }`, { id: own.id }, { as: 'dongnai.quantri' })).apiClient).toBeNull();
    expect(failure(await t.gql(M.revoke, { input: { id: own.id, version: own.version } }, { as: 'dongnai.quantri' })).extensions.code).toBe('NOT_FOUND');
    expect((await row(own.id)).revoked_at).toBeNull();
  });

  it('changes limits, contact, scopes and provinces with the version read, audited; a stale version is a CONFLICT', async () => {
    const { client } = await create();
    const { result, entries } = await audited(t, () =>
      t.gql(M.update, { input: { id: client.id, version: client.version, requestsPerHour: 120, costPerHour: 9000, scopes: ['READ_CATALOGUE'], contact: { name: 'Trần Thị B', email: 'b@hatinh.gov.vn' } } }),
    );
    const changed = ok(result).updateApiClient.apiClient;
    expect(changed).toMatchObject({ requestsPerHour: 120, costPerHour: 9000, scopes: ['READ_CATALOGUE'], contact: { name: 'Trần Thị B', email: 'b@hatinh.gov.vn', phone: null }, version: 2, name: client.name });
    expect(entries).toEqual([expect.objectContaining({ action: 'apiClient.update', entityId: client.id, actorLabel: 'hatinh.quantri' })]);
    expect(entries[0].before).toMatchObject({ requestsPerHour: 3600 });
    expect(entries[0].after).toMatchObject({ requestsPerHour: 120 });
    expect(JSON.stringify(entries)).not.toContain('argon2');
    const stale = await t.gql(M.update, { input: { id: client.id, version: client.version, requestsPerHour: 1 } });
    expect(failure(stale).extensions.code).toBe('CONFLICT');
    expect(failure(await t.gql(M.update, { input: { id: client.id, version: 2, provinceIds: [dongNai] } })).extensions.code).toBe('FORBIDDEN');
    expect(failure(await t.gql(M.update, { input: { id: client.id, version: 2, requestsPerHour: 0 } })).extensions.code).toBe('BAD_USER_INPUT');
    expect((await row(client.id)).requests_per_hour).toBe(120);
  });
});

describe('the token exchange (the contract’s PortalToken)', () => {
  it('gives a token of at most an hour with the client’s scopes; a wrong id and a wrong secret are answered alike', async () => {
    const { client, secret } = await create();
    const before = Date.now();
    const { result, entries } = await audited(t, () => exchange(client.clientId, secret));
    const issued = ok(result).issueClientToken;
    expect(issued.scopes).toEqual(['SUBMIT_DOSSIERS', 'READ_OWN_DOSSIERS']);
    expect(issued.token.split('.')).toHaveLength(3);
    const expires = new Date(issued.expiresAt).getTime();
    expect(expires).toBeGreaterThan(before + 59 * 60_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 3600_000);
    // The exchange is attributed to the client, by its name.
    expect(entries).toEqual([expect.objectContaining({ action: 'apiClient.issueToken', entityId: client.id, actorKind: 'client', actorLabel: client.name })]);
    expect((await row(client.id)).last_used_at).not.toBeNull();

    const wrongSecret = await exchange(client.clientId, `${secret.slice(0, -1)}x`);
    const wrongId = await exchange('osp_00000000000000000000', secret);
    expect(failure(wrongSecret).extensions.code).toBe('UNAUTHENTICATED');
    expect(failure(wrongSecret).message).toBe('Wrong client id or secret.');
    expect(same(wrongSecret, wrongId)).toBe(true);
    // A user's password is no client secret, and a username no client id.
    expect(same(await exchange('hatinh.quantri', 'Demo@2026'), wrongId)).toBe(true);
  });

  it('throttles wrong secrets like sign-ins: 5 for one client from one address lock that pair, the right secret too', async () => {
    const { client, secret } = await create();
    for (let i = 0; i < 5; i++) expect(failure(await exchange(client.clientId, `wrong-${i}`)).extensions.code).toBe('UNAUTHENTICATED');
    const locked = failure(await exchange(client.clientId, secret));
    expect(locked.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: expect.any(Number) });
    // Another client from the same address is not held up by it.
    const other = await create();
    expect(ok(await exchange(other.client.clientId, other.secret)).issueClientToken.token).toBeTruthy();
  });

  it('a client token opens no staff operation, and is not a user’s session', async () => {
    const { client, secret } = await create('admin', { provinceIds: [haTinh] });
    const { token } = await tokenOf(client.clientId, secret);
    // Public reads answer it (it is a valid token)…
    expect(ok(await t.gql(PUBLIC_READ, {}, { token })).administrativeUnits.totalCount).toBeGreaterThan(0);
    // …staff ones refuse it, reads and writes alike, whatever the scopes.
    for (const query of [
      `{ dossiers(first: 5) { totalCount } }`,
      `{ procedures(first: 5) { totalCount } }`,
      `{ agencies(first: 5) { totalCount } }`,
      `{ apiClients { totalCount } }`,
      `{ users { totalCount } }`,
      `{ auditEntries(first: 1) { totalCount } }`,
    ]) {
      const res = await t.gql(query, {}, { token });
      expect([query, failure(res).extensions.code]).toEqual([query, 'FORBIDDEN']);
      expect(res.data?.[Object.keys(res.data ?? {})[0]] ?? null).toBeNull();
    }
    expect(failure(await t.gql(M.create, { input: input() }, { token })).extensions.code).toBe('FORBIDDEN');
    expect(failure(await t.gql(`{ me { id } }`, {}, { token })).extensions.code).toBe('UNAUTHENTICATED');
    expect(failure(await t.gql(`mutation { signOut { ok } }`, {}, { token })).extensions.code).toBe('UNAUTHENTICATED');

    // A user's access token is not a client's: one with the client audience added is not ours any more.
    const userToken = await t.signIn('hatinh.quantri');
    const [h, p, s] = userToken.split('.');
    const asClient = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), aud: 'osp-client', scp: ['SUBMIT_DOSSIERS'] })).toString('base64url');
    const forged = await t.gql(PUBLIC_READ, {}, { token: `${h}.${asClient}.${s}` });
    expect(forged.status).toBe(401);
    expect(failure(forged).extensions.code).toBe('UNAUTHENTICATED');
  });

  it('writes lastUsedAt at most once a minute, not on every request', async () => {
    const { client, secret } = await create();
    const { token } = await tokenOf(client.clientId, secret);
    const long = '2020-01-01T00:00:00Z';
    await t.sql(`UPDATE api_client SET last_used_at = $2 WHERE id = $1`, [client.id, long]);
    for (let i = 0; i < 3; i++) ok(await t.gql(PUBLIC_READ, {}, { token }));
    // The exchange wrote it a moment ago: these requests did not write it again.
    expect(new Date((await row(client.id)).last_used_at).toISOString()).toBe(new Date(long).toISOString());
    // A minute later (the API runs in this process: its clock moved), the next request writes it, once.
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now + 61_000);
    try {
      ok(await t.gql(PUBLIC_READ, {}, { token }));
      const written = (await row(client.id)).last_used_at;
      expect(new Date(written).getTime()).toBeGreaterThan(new Date(long).getTime());
      await t.sql(`UPDATE api_client SET last_used_at = $2 WHERE id = $1`, [client.id, long]);
      ok(await t.gql(PUBLIC_READ, {}, { token }));
      expect(new Date((await row(client.id)).last_used_at).toISOString()).toBe(new Date(long).toISOString());
    } finally {
      clock.mockRestore();
    }
  });
});

describe('rotating and revoking', () => {
  it('rotates: the new secret at once, the previous one for 24 hours, then no more', async () => {
    const { client, secret: first } = await create();
    const { result, entries } = await audited(t, () => t.gql(M.rotate, { input: { id: client.id, version: client.version } }));
    const rotated = ok(result).rotateApiClientSecret as { clientSecret: string; apiClient: Client };
    const second = rotated.clientSecret;
    expect(second).not.toBe(first);
    expect(rotated.apiClient.version).toBe(2);
    const until = new Date(rotated.apiClient.previousSecretValidUntil as string).getTime() - new Date(rotated.apiClient.rotatedAt as string).getTime();
    expect(until).toBe(24 * 3600_000);
    expect(entries).toEqual([expect.objectContaining({ action: 'apiClient.rotateSecret', entityId: client.id, actorLabel: 'hatinh.quantri' })]);
    expect(JSON.stringify(entries)).not.toMatch(/argon2|osp_sk_/);
    const stored = await row(client.id);
    expect(stored.secret_hash).toMatch(/^\$argon2id\$/);
    expect(stored.previous_secret_hash).toMatch(/^\$argon2id\$/);

    expect((await tokenOf(client.clientId, second)).token).toBeTruthy();
    expect((await tokenOf(client.clientId, first)).token).toBeTruthy();
    // 24 hours and a minute later (the rotation moved back in time, in SQL): only the new secret.
    await t.sql(`UPDATE api_client SET rotated_at = rotated_at - interval '24 hours 1 minute' WHERE id = $1`, [client.id]);
    const late = await exchange(client.clientId, first);
    expect(same(late, await exchange('osp_00000000000000000000', first))).toBe(true);
    expect((await tokenOf(client.clientId, second)).token).toBeTruthy();
    const read = ok(await t.gql(`query($id: ID!) { apiClient(id: $id) { previousSecretValidUntil } }`, { id: client.id })).apiClient;
    expect(read.previousSecretValidUntil).toBeNull();
    // A rotation with the version read before is refused.
    expect(failure(await t.gql(M.rotate, { input: { id: client.id, version: client.version } })).extensions.code).toBe('CONFLICT');
  });

  it('revokes at once: the token issued before is refused, no new token, nothing more changes', async () => {
    const { client, secret } = await create();
    const { token } = await tokenOf(client.clientId, secret);
    expect(ok(await t.gql(PUBLIC_READ, {}, { token })).administrativeUnits.totalCount).toBeGreaterThan(0);
    const { result, entries } = await audited(t, () => t.gql(M.revoke, { input: { id: client.id, version: client.version } }));
    expect(ok(result).revokeApiClient.apiClient.revokedAt).not.toBeNull();
    expect(entries).toEqual([expect.objectContaining({ action: 'apiClient.revoke', entityId: client.id, actorLabel: 'hatinh.quantri' })]);

    const refused = await t.gql(PUBLIC_READ, {}, { token });
    expect(refused.status).toBe(401);
    expect(failure(refused).extensions.code).toBe('UNAUTHENTICATED');
    const again = failure(await exchange(client.clientId, secret));
    expect(again.extensions.code).toBe('UNAUTHENTICATED');
    expect(failure(await t.gql(M.rotate, { input: { id: client.id, version: 2 } })).extensions.code).toBe('CONFLICT');
    expect(failure(await t.gql(M.revoke, { input: { id: client.id, version: 2 } })).extensions.code).toBe('CONFLICT');
    // Revoked clients leave the list unless asked for.
    const listed = async (includeRevoked: boolean) =>
      (ok(await t.gql(`query($f: ApiClientFilter) { apiClients(first: 100, filter: $f) { edges { node { id } } } }`, { f: { includeRevoked } })).apiClients.edges as Array<{ node: { id: string } }>).map((e) => e.node.id);
    expect(await listed(false)).not.toContain(client.id);
    expect(await listed(true)).toContain(client.id);
  });

  it('refuses a token past its hour as UNAUTHENTICATED (401), though the client is in good standing', async () => {
    const { client, secret } = await create();
    // A token issued two hours ago (its expiry is computed from Date.now at issue): past its hour now.
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now - 2 * 3600_000);
    let stale: { token: string; expiresAt: Date };
    try {
      stale = await t.app.container.get(TokenService).issueClientToken({ apiClientId: client.id, scopes: client.scopes });
    } finally {
      clock.mockRestore();
    }
    expect(stale.expiresAt.getTime()).toBeLessThan(now - 3600_000 + 1000);
    const refused = await t.gql(PUBLIC_READ, {}, { token: stale.token });
    expect(refused.status).toBe(401);
    expect(failure(refused).extensions.code).toBe('UNAUTHENTICATED');
    // The same client, with a token of now, is served.
    const { token } = await tokenOf(client.clientId, secret);
    expect(ok(await t.gql(PUBLIC_READ, {}, { token })).administrativeUnits.totalCount).toBeGreaterThan(0);
  });
});

describe('the audit trail', () => {
  it('names the client as the actor of its token exchange and as the record of every write', async () => {
    const { client, secret } = await create();
    await tokenOf(client.clientId, secret);
    const trail = ok(
      await t.gql(`query($f: AuditEntryFilter) { auditEntries(first: 10, filter: $f) { edges { node { action actorKind actorLabel actorName entityName } } } }`, { f: { entityId: client.id } }),
    ).auditEntries.edges.map((e: any) => e.node);
    expect(trail).toEqual([
      { action: 'apiClient.issueToken', actorKind: 'API_CLIENT', actorLabel: client.name, actorName: client.name, entityName: client.name },
      { action: 'apiClient.create', actorKind: 'USER', actorLabel: 'hatinh.quantri', actorName: expect.any(String), entityName: client.name },
    ]);
    // Token exchanges are left out with the sign-ins when a reader asks for changes only.
    const quiet = ok(await t.gql(`query($f: AuditEntryFilter) { auditEntries(first: 10, filter: $f) { edges { node { action } } } }`, { f: { entityId: client.id, includeSignIns: false } })).auditEntries.edges;
    expect(quiet.map((e: any) => e.node.action)).toEqual(['apiClient.create']);
  });
});
