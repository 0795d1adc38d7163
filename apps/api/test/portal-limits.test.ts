/**
 * Portals' limits, before execution (issue 12): the persisted-operation allow-list of clients
 * (packages/schema/persisted-operations.json), their stricter document limits, batching and oversize
 * bodies, the hourly request and cost budgets with their GitHub-style headers and HTTP 429, counters
 * shared through Redis by two instances, the usage per day (ApiClient.usage), no field suggestions for
 * the anonymous and clients, and the purge of expired idempotency keys.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import request from 'supertest';
import { createApplication, type Application } from '../src/app';
import { KEY_RETENTION_HOURS, PortalService } from '../src/modules/portal/portal.service';
import { CLIENT_LIMITS, analyseOperation } from '../src/platform/graphql/limits';
import type { PersistedManifest } from '../src/platform/graphql/persisted';
import { WINDOW_MS } from '../src/platform/http/budgets';
import { contractDir } from './contract';
import { ok, startTestApp, testConfig, type TestApp } from './harness';

const root = resolve(__dirname, '../../..');
const manifest: PersistedManifest = JSON.parse(readFileSync(join(root, 'packages/schema/persisted-operations.json'), 'utf8'));
const op = (name: string) => {
  const found = manifest.operations.find((o) => o.name === name);
  if (!found) throw new Error(`no persisted operation ${name}`);
  return found;
};
const byHash = (name: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: op(name).id } } });

/** The start of an hour a day ahead (counters of a clock in the past would be purged as expired). */
const hourAhead = (hours = 24) => (Math.floor(Date.now() / WINDOW_MS) + hours) * WINDOW_MS;

let counter = 0;
interface Client {
  id: string;
  token: string;
}

async function newClient(t: TestApp, limits: { requestsPerHour?: number; costPerHour?: number } = {}, scopes = ['SUBMIT_DOSSIERS', 'READ_OWN_DOSSIERS', 'READ_CATALOGUE']): Promise<Client> {
  const made = ok(
    await t.gql(
      `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { clientSecret apiClient { id clientId } } }`,
      { input: { name: `Cổng giới hạn ${++counter}`, ownerOrganisation: 'Văn phòng UBND tỉnh Hà Tĩnh', contact: { name: 'Kỹ thuật', email: 'kythuat@hatinh.gov.vn' }, scopes, ...limits } },
      { as: 'hatinh.quantri' },
    ),
  ).createApiClient;
  // The token exchange by its hash, anonymously: the anonymous may send a manifest hash too.
  const res = await post(t, { ...byHash('PortalToken'), variables: { clientId: made.apiClient.clientId, clientSecret: made.clientSecret } });
  expect(res.status).toBe(200);
  return { id: made.apiClient.id, token: res.body.data.issueClientToken.token };
}

function post(t: TestApp | string, body: unknown, token?: string, headers: Record<string, string> = {}) {
  const base = typeof t === 'string' ? t : t.baseUrl;
  return request(base)
    .post('/graphql')
    .set('content-type', 'application/json')
    .set('accept-language', 'en')
    .set(token ? { authorization: `Bearer ${token}` } : {})
    .set(headers)
    .send(body as object);
}

const errorOf = (res: { body: { errors?: Array<{ extensions: Record<string, unknown>; message: string }> } }) => res.body.errors?.[0];
const procedures = (first = 5) => ({ ...byHash('PortalProcedures'), variables: { provinceCode: '42', first } });

describe('the allow-list, budgets and usage (PostgreSQL counters)', () => {
  let t: TestApp;
  let portal: Client;

  beforeAll(async () => {
    t = await startTestApp({ signInAs: 'hatinh.quantri' });
    portal = await newClient(t);
  });
  afterAll(() => t?.close());

  describe('the manifest', () => {
    it('holds every operation of the contract, each within the clients’ limits at its largest page', () => {
      const names = manifest.operations.map((o) => o.name);
      for (const file of ['portal.graphql', 'tracking.graphql']) {
        const doc = parse(readFileSync(join(contractDir(), file), 'utf8'));
        for (const def of doc.definitions) if (def.kind === 'OperationDefinition') expect(names).toContain(def.name?.value);
      }
      const schema = buildSchema(readFileSync(join(root, 'packages/schema/schema.graphql'), 'utf8'));
      for (const o of manifest.operations) {
        const doc = parse(o.body);
        const operation = doc.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode;
        const variables = Object.fromEntries((operation.variableDefinitions ?? []).filter((v) => v.variable.name.value === 'first').map(() => ['first', 100]));
        expect(() => analyseOperation(schema, doc, operation, variables, CLIENT_LIMITS)).not.toThrow();
      }
      expect(t.app.http.persisted.size).toBe(manifest.operations.length);
    });
  });

  describe('the allow-list', () => {
    it('runs a published operation sent by its hash, with or without its text, and its exact text alone', async () => {
      const hashOnly = await post(t, procedures(), portal.token);
      expect(hashOnly.status).toBe(200);
      expect(hashOnly.body.data.procedures.totalCount).toBeGreaterThan(0);
      const withText = await post(t, { ...procedures(), query: op('PortalProcedures').body }, portal.token);
      expect(withText.body.data.procedures.totalCount).toBe(hashOnly.body.data.procedures.totalCount);
      const textOnly = await post(t, { query: op('PortalProcedures').body, variables: { provinceCode: '42' } }, portal.token);
      expect(textOnly.body.data.procedures.totalCount).toBe(hashOnly.body.data.procedures.totalCount);
      // The contract file as it is (comments, the other operations), naming the operation: the same operation.
      const file = readFileSync(join(contractDir(), 'portal.graphql'), 'utf8');
      const whole = await post(t, { query: file, operationName: 'PortalProcedures', variables: { provinceCode: '42' } }, portal.token);
      expect(whole.body.errors).toBeUndefined();
      expect(whole.body.data.procedures.totalCount).toBe(hashOnly.body.data.procedures.totalCount);
    });

    it('refuses anything else from a client with PERSISTED_QUERY_NOT_ALLOWED (HTTP 400) before it runs', async () => {
      const refusals = [
        { query: '{ __typename }' },
        { query: `{ dossiers(first: 1) { totalCount } }` },
        { query: op('PortalProcedures').body.replace('totalCount', 'totalCount\n    __typename'), variables: { provinceCode: '42' } },
        { extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } },
        { extensions: { persistedQuery: { version: 2, sha256Hash: op('PortalProcedures').id } }, variables: { provinceCode: '42' } },
        { ...procedures(), query: '{ __typename }' },
        { query: 'query { ' },
        {},
      ];
      for (const body of refusals) {
        const res = await post(t, body, portal.token);
        expect({ status: res.status, code: errorOf(res)?.extensions.code, data: res.body.data }).toEqual({ status: 400, code: 'PERSISTED_QUERY_NOT_ALLOWED', data: undefined });
        // Nothing ran: the only statements are the token's check and the request's charge to the budget.
        expect(Number(res.headers['x-sql-statements'])).toBeLessThanOrEqual(2);
        expect(res.headers['x-ratelimit-limit']).toBe('3600');
      }
      const get = await t.http().get('/graphql').query({ query: '{ __typename }' }).set({ authorization: `Bearer ${portal.token}`, 'apollo-require-preflight': '1' });
      expect(get.status).toBe(400);
      expect(errorOf(get)?.extensions.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
    });

    it('leaves staff and the anonymous as they were; a manifest hash works for them too', async () => {
      const staff = await post(t, { query: '{ agencies(first: 1) { totalCount } }' }, await t.signIn('hatinh.quantri'));
      expect(staff.status).toBe(200);
      expect(staff.body.data.agencies.totalCount).toBeGreaterThan(0);
      expect(staff.headers['x-ratelimit-limit']).toBeUndefined();
      const anonymous = await post(t, { query: '{ administrativeUnits(first: 1) { totalCount } }' });
      expect(anonymous.body.data.administrativeUnits.totalCount).toBeGreaterThan(0);
      const byManifest = await post(t, { ...byHash('UnitsByName'), variables: { search: 'ky bac', asOf: '2019-06-01' } });
      expect(byManifest.body.data.administrativeUnits.totalCount).toBeGreaterThan(0);
      // A hash that is not published: Apollo's automatic persisted queries answer, as before.
      const unknown = await post(t, { extensions: { persistedQuery: { version: 1, sha256Hash: 'b'.repeat(64) } } });
      expect(errorOf(unknown)?.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    });
  });

  describe('abuse refused before execution', () => {
    it('a batch, an oversize body, and a document over the token limit', async () => {
      const batch = await post(t, [procedures(), procedures()], portal.token);
      expect({ status: batch.status, code: errorOf(batch)?.extensions.code }).toEqual({ status: 400, code: 'BAD_REQUEST' });
      const oversize = await post(t, { query: `{ ${'__typename '.repeat(30_000)} }` }, portal.token);
      expect({ status: oversize.status, code: errorOf(oversize)?.extensions.code }).toEqual({ status: 413, code: 'BAD_REQUEST' });
      const tokens = await post(t, { query: `{ ${'__typename '.repeat(6000)} }` }, portal.token);
      expect({ status: tokens.status, code: errorOf(tokens)?.extensions.code }).toEqual({ status: 400, code: 'PERSISTED_QUERY_NOT_ALLOWED' });
    });
  });

  describe('field suggestions', () => {
    it('none for the anonymous and clients; signed-in staff keep them (development profile)', async () => {
      const typo = '{ administrativeUnitz(first: 1) { totalCount } }';
      const anonymous = await post(t, { query: typo });
      expect(errorOf(anonymous)?.message).toMatch(/Cannot query field "administrativeUnitz"/);
      expect(errorOf(anonymous)?.message).not.toMatch(/Did you mean/);
      const staff = await post(t, { query: typo }, await t.signIn('hatinh.quantri'));
      expect(errorOf(staff)?.message).toMatch(/Did you mean .*"administrativeUnits"/);
    });
  });

  describe('budgets', () => {
    it('counts requests per hour with the headers, answers 429 with retry-after once spent, and resets at the hour', async () => {
      const small = await newClient(t, { requestsPerHour: 3 });
      const hour = hourAhead();
      t.app.http.budgets.now = () => hour + 10 * 60_000; // ten past
      try {
        for (let i = 1; i <= 3; i++) {
          const res = await post(t, procedures(1), small.token);
          expect(res.status).toBe(200);
          expect({
            limit: res.headers['x-ratelimit-limit'],
            remaining: res.headers['x-ratelimit-remaining'],
            used: res.headers['x-ratelimit-used'],
            reset: res.headers['x-ratelimit-reset'],
          }).toEqual({ limit: '3', remaining: String(3 - i), used: String(i), reset: String((hour + WINDOW_MS) / 1000) });
          expect(res.headers['x-ratelimit-cost-limit']).toBe('500000');
        }
        const refused = await post(t, procedures(1), small.token);
        expect(refused.status).toBe(429);
        expect(refused.headers['retry-after']).toBe(String(50 * 60));
        expect(refused.headers).toMatchObject({ 'x-ratelimit-limit': '3', 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '3', 'x-ratelimit-reset': String((hour + WINDOW_MS) / 1000), 'x-ratelimit-resource': 'requests' });
        expect(errorOf(refused)?.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', resource: 'requests', limit: 3, retryAfterSeconds: 3000 });
        expect(refused.body.data).toBeUndefined();
        // Still spent a minute before the hour; whole again at the hour.
        t.app.http.budgets.now = () => hour + WINDOW_MS - 60_000;
        expect((await post(t, procedures(1), small.token)).headers['retry-after']).toBe('60');
        t.app.http.budgets.now = () => hour + WINDOW_MS;
        const next = await post(t, procedures(1), small.token);
        expect(next.status).toBe(200);
        expect(next.headers).toMatchObject({ 'x-ratelimit-remaining': '2', 'x-ratelimit-used': '1', 'x-ratelimit-reset': String((hour + 2 * WINDOW_MS) / 1000) });
      } finally {
        t.app.http.budgets.now = Date.now;
      }
    });

    it('charges each operation’s cost before it runs, and refuses one that would pass the hour’s cost budget', async () => {
      const frugal = await newClient(t, { costPerHour: 500 });
      const hour = hourAhead(48);
      t.app.http.budgets.now = () => hour;
      try {
        const first = await post(t, procedures(100), frugal.token); // 1 + 100 × (1 + 1 + 1 + 1) = 401
        expect(first.status).toBe(200);
        expect(first.headers).toMatchObject({ 'x-ratelimit-cost-limit': '500', 'x-ratelimit-cost-used': '401', 'x-ratelimit-cost-remaining': '99', 'x-ratelimit-cost-reset': String((hour + WINDOW_MS) / 1000) });
        const second = await post(t, procedures(100), frugal.token);
        expect(second.status).toBe(429);
        expect(second.headers).toMatchObject({ 'retry-after': '3600', 'x-ratelimit-resource': 'cost', 'x-ratelimit-cost-remaining': '99' });
        expect(errorOf(second)?.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', resource: 'cost', limit: 500, used: 401 });
        expect(second.body.data).toBeUndefined();
        // A cheaper operation still fits.
        const cheap = await post(t, procedures(10), frugal.token);
        expect(cheap.status).toBe(200);
        expect(cheap.headers['x-ratelimit-cost-used']).toBe('442');
      } finally {
        t.app.http.budgets.now = Date.now;
      }
    });

    it('a client’s changed limits apply at once', async () => {
      const c = await newClient(t, { requestsPerHour: 5 });
      expect((await post(t, procedures(1), c.token)).headers['x-ratelimit-limit']).toBe('5');
      const [{ version }] = await t.sql('SELECT version FROM api_client WHERE id = $1', [c.id]);
      ok(await t.gql(`mutation($input: UpdateApiClientInput!) { updateApiClient(input: $input) { apiClient { requestsPerHour } } }`, { input: { id: c.id, version, requestsPerHour: 7 } }));
      expect((await post(t, procedures(1), c.token)).headers['x-ratelimit-limit']).toBe('7');
    });
  });

  describe('usage over time', () => {
    const USAGE = `query($id: ID!, $days: Int) { apiClient(id: $id) { lastUsedAt usage(days: $days) { day requests costPoints refused } } }`;

    it('counts each day’s requests, cost points and refusals, every day present, oldest first', async () => {
      const c = await newClient(t, { requestsPerHour: 2 });
      const before = ok(await t.gql(USAGE, { id: c.id })).apiClient;
      expect(before.usage).toHaveLength(30);
      expect(before.usage.every((d: any) => d.requests === 0 && d.costPoints === 0 && d.refused === 0)).toBe(true);
      const days = before.usage.map((d: any) => d.day);
      expect([...days].sort()).toEqual(days);
      expect(new Set(days).size).toBe(30);
      expect(await post(t, procedures(5), c.token)).toMatchObject({ status: 200 });
      expect(await post(t, procedures(10), c.token)).toMatchObject({ status: 200 });
      expect(await post(t, procedures(10), c.token)).toMatchObject({ status: 429 });
      const after = ok(await t.gql(USAGE, { id: c.id, days: 7 })).apiClient;
      expect(after.usage).toHaveLength(7);
      const today = after.usage[6];
      expect(today.day).toBe(days[29]);
      expect(today).toMatchObject({ requests: 2, costPoints: 21 + 41, refused: 1 });
      expect(after.usage.slice(0, 6).every((d: any) => d.requests === 0 && d.refused === 0)).toBe(true);
      expect(after.lastUsedAt).not.toBeNull();
    });

    it('is read by whoever reads the client: staff without the role are FORBIDDEN; days out of range BAD_USER_INPUT', async () => {
      const c = portal;
      const clerk = await t.gql(USAGE, { id: c.id }, { as: 'hatinh.quay' });
      expect(clerk.errors?.[0].extensions.code).toBe('FORBIDDEN');
      for (const days of [0, 367]) {
        const res = await t.gql(USAGE, { id: c.id, days });
        expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'days' }] });
      }
      // A list of clients with their usage: one statement for all of them.
      const list = await t.gql(`{ apiClients(first: 20) { edges { node { id usage(days: 3) { requests } } } } }`);
      expect(list.errors).toBeUndefined();
      expect(list.data.apiClients.edges.every((e: any) => e.node.usage.length === 3)).toBe(true);
    });
  });

  describe('idempotency keys', () => {
    it(`are kept ${KEY_RETENTION_HOURS} hours, then purged`, async () => {
      const insert = (hours: number, key: string) =>
        t.sql(`INSERT INTO portal_submission (client_id, idempotency_key, request_sha256, created_at) VALUES ($1, $2, $3, now() - make_interval(hours => $4))`, [portal.id, key, 'x'.repeat(64), hours]);
      await insert(KEY_RETENTION_HOURS + 1, 'old-1');
      await insert(KEY_RETENTION_HOURS - 1, 'young-1');
      expect(await t.app.container.get(PortalService).purgeExpiredKeys()).toBeGreaterThanOrEqual(1);
      const keys = (await t.sql(`SELECT idempotency_key FROM portal_submission WHERE client_id = $1`, [portal.id])).map((r) => r.idempotency_key);
      expect(keys).toContain('young-1');
      expect(keys).not.toContain('old-1');
      // A submission purges on its way (at most once a minute per instance).
      await insert(KEY_RETENTION_HOURS + 5, 'old-2');
      (t.app.container.get(PortalService) as unknown as { lastPurge: number }).lastPurge = 0;
      const res = await post(t, {
        ...byHash('SubmitDossier'),
        variables: {
          idempotencyKey: `limits-${Date.now()}`,
          procedureCode: '1.001193',
          externalReference: `LIMITS-${Date.now()}`,
          fullName: 'Trần Thị Mai',
          idNumber: '042195001234',
          phone: '0912 345 678',
          pickupAddress: 'Thôn Tân Phong, xã Kỳ Xuân, Hà Tĩnh',
          pickupUnitCode: '18766',
        },
      }, portal.token);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.submitDossier.dossier.status).toBe('NEW');
      expect(await t.sql(`SELECT 1 FROM portal_submission WHERE idempotency_key = 'old-2'`)).toHaveLength(0);
    });
  });
});

describe('stricter document limits for clients (beneath the allow-list)', () => {
  let t: TestApp;
  let portal: Client;

  beforeAll(async () => {
    t = await startTestApp({ signInAs: 'hatinh.quantri', env: { OSP_CLIENT_PERSISTED_ONLY: 'off' } });
    portal = await newClient(t);
  });
  afterAll(() => t?.close());

  it('depth, aliases, directives and cost over the clients’ limits are QUERY_TOO_COMPLEX before any statement; staff may send the same', async () => {
    const deep = `{ administrativeUnits(first: 1) { edges { node { parent { parent { parent { parent { parent { parent { code } } } } } } } } } }`;
    const aliases = `{ ${Array.from({ length: CLIENT_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const directives = `{ ${Array.from({ length: CLIENT_LIMITS.maxDirectives + 1 }, () => '__typename @include(if: true)').join(' ')} }`;
    // 1 + 100 + 100 + 100 + 100 × 50 + 100 × 50 = 10,301: over the clients' 2,500, under everyone's 20,000.
    const costly = `{ administrativeUnits(first: 100) { edges { node { children(first: 50) { edges { node { code } } } } } } }`;
    for (const [query, limit] of [[deep, 'depth'], [aliases, 'aliases'], [directives, 'directives'], [costly, 'cost']]) {
      const res = await post(t, { query }, portal.token);
      expect({ status: res.status, code: errorOf(res)?.extensions.code, limit: errorOf(res)?.extensions.limit }).toEqual({ status: 400, code: 'QUERY_TOO_COMPLEX', limit });
      expect(Number(res.headers['x-sql-statements'])).toBeLessThanOrEqual(2); // the token's check and the request's charge only
      const staff = await post(t, { query }, await t.signIn('hatinh.quantri'));
      expect(staff.body.errors).toBeUndefined();
    }
  });
});

describe('counters in Redis, shared by two instances', () => {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  let a: TestApp;
  let b: Application;
  let baseB = '';

  beforeAll(async () => {
    a = await startTestApp({ signInAs: 'hatinh.quantri', env: { REDIS_URL: redisUrl } });
    b = await createApplication(testConfig(a.databaseUrl, process.env.DATABASE_URL ? 4 : 1, { REDIS_URL: redisUrl, OSP_SEED: 'none' }));
    baseB = `http://127.0.0.1:${await b.listen()}`;
  });
  afterAll(async () => {
    await b?.stop();
    await a?.close();
  });

  it('a budget spent across both instances is spent on each', async () => {
    expect(a.app.http.budgets.store).toBe('redis');
    expect(b.http.budgets.store).toBe('redis');
    const c = await newClient(a, { requestsPerHour: 4 });
    const hour = hourAhead(72);
    a.app.http.budgets.now = () => hour + 1000;
    b.http.budgets.now = () => hour + 2000;
    const used: string[] = [];
    for (const base of [a.baseUrl, baseB, a.baseUrl, baseB]) {
      const res = await post(base, procedures(1), c.token);
      expect(res.status).toBe(200);
      used.push(res.headers['x-ratelimit-used']);
    }
    expect(used).toEqual(['1', '2', '3', '4']);
    for (const base of [a.baseUrl, baseB]) {
      const res = await post(base, procedures(1), c.token);
      expect(res.status).toBe(429);
      expect(res.headers['x-ratelimit-remaining']).toBe('0');
    }
    // The usage is in the database, whichever instance counted it (the refusals on a future day).
    const [row] = await a.sql(`SELECT sum(requests)::int AS requests, sum(refused)::int AS refused FROM api_client_usage WHERE api_client_id = $1`, [c.id]);
    expect(row).toEqual({ requests: 4, refused: 2 });
  });
});
