/**
 * Configuration for production: introspection, GraphiQL and field suggestions off in the production
 * profile (each switchable on its own), and a request past its time budget cut off with a typed error
 * while the connection goes back to the pool.
 */
import { startTestApp, type TestApp } from './harness';

describe('the production profile', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { OSP_PROFILE: 'production' } });
  });
  afterAll(() => t?.close());

  it('refuses introspection, serves no GraphiQL, and gives no field suggestions', async () => {
    const intro = await t.gql('{ __schema { queryType { name } } }', {}, { as: null });
    expect(intro.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(intro.errors?.[0].message).toMatch(/introspection/i);
    expect((await t.http().get('/graphiql')).status).toBe(404);
    expect((await t.http().get('/graphiql.html')).status).toBe(404);
    const typo = await t.gql('{ administrativeUnit(code: "42") { nam } }', {}, { as: null });
    expect(typo.errors?.[0].message).toBe('Cannot query field "nam" on type "AdministrativeUnit".');
  });

  it('still answers the API', async () => {
    const res = await t.gql('{ administrativeUnit(code: "42") { name } }', {}, { as: null });
    expect(res.data.administrativeUnit.name).toBe('Tỉnh Hà Tĩnh');
  });
});

describe('the development profile (default)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seed: false, env: { OSP_FIELD_SUGGESTIONS: 'off' } });
  });
  afterAll(() => t?.close());

  it('allows introspection, and each switch works on its own', async () => {
    const intro = await t.gql('{ __schema { queryType { name } } }', {}, { as: null });
    expect(intro.data.__schema.queryType.name).toBe('Query');
    const typo = await t.gql('{ administrativeUnit(code: "42") { nam } }', {}, { as: null });
    expect(typo.errors?.[0].message).not.toMatch(/Did you mean/);
  });
});

describe('the time budget', () => {
  let t: TestApp;
  beforeAll(async () => {
    // A budget no request that reads the database can meet: every such request is cut off.
    t = await startTestApp({ env: { OSP_REQUEST_TIMEOUT_MS: '1' } });
  });
  afterAll(() => t?.close());

  it('cuts a request off with REQUEST_TIMEOUT (HTTP 503), and the connection is free for others', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () => t.gql('{ administrativeUnits(first: 100) { totalCount edges { node { name parent { name } children { totalCount } } } } }', {}, { as: null })),
    );
    for (const res of results) {
      expect(res.status).toBe(503);
      expect(res.errors?.[0].extensions).toEqual({ code: 'REQUEST_TIMEOUT', timeoutMs: 1 });
      expect(res.errors?.[0].message).toMatch(/quá thời gian/);
    }
    // The cut-off requests sent no more SQL once answered: the single embedded connection is free.
    const ready = await t.http().get('/readyz');
    expect(ready.body).toEqual({ status: 'ready', database: 'up' });
    expect((await t.sql('SELECT 1 AS one'))[0].one).toBe(1);
  });
});
