/** What every client of the server relies on, whatever the domain: probes, errors, languages, paging, the SDL. */
import { readFileSync } from 'node:fs';
import { buildPublishedSdl, SDL_PATH } from '../src/scripts/emit-schema';
import { NESTED_LISTS } from '../src/scripts/nested-lists';
import { failure, ok, startTestApp, type TestApp } from './harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ signInAs: 'admin' });
});
afterAll(() => t.close());

describe('probes', () => {
  it('/healthz answers while the process runs; /readyz reports the database', async () => {
    expect((await t.http().get('/healthz')).body).toEqual({ status: 'ok' });
    const ready = await t.http().get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', database: 'up' });
  });
});

describe('request ids', () => {
  it('echoes a sane x-request-id and invents one otherwise', async () => {
    const given = await t.http().get('/healthz').set('x-request-id', 'portal-abc.123');
    expect(given.headers['x-request-id']).toBe('portal-abc.123');
    const invented = await t.http().get('/healthz').set('x-request-id', 'bad id with spaces');
    expect(invented.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('errors speak the request’s language', () => {
  const query = 'query($code: String!) { administrativeUnit(code: $code) { code } }';
  const mutation = 'mutation($input: RenameAgencyInput!) { renameAgency(input: $input) { agency { id } } }';
  const missing = { input: { id: '00000000-0000-4000-8000-000000000000', name: 'Sở mới' } };

  it('Vietnamese by default, English on request, same code', async () => {
    const vi = failure(await t.gql(mutation, missing));
    const en = failure(await t.gql(mutation, missing, { lang: 'en-GB,en;q=0.9' }));
    expect(vi.extensions.code).toBe('NOT_FOUND');
    expect(en.extensions.code).toBe('NOT_FOUND');
    expect(vi.message).toMatch(/Không tìm thấy cơ quan/);
    expect(en.message).toMatch(/No agency/);
  });

  it('prefers the language ranked first', async () => {
    const viFirst = failure(await t.gql(mutation, missing, { lang: 'fr;q=0.9, vi;q=0.8, en;q=0.5' }));
    expect(viFirst.message).toMatch(/Không tìm thấy/);
  });

  it('validation errors name the offending fields, in the request’s language', async () => {
    const bad = { input: { id: 'not-a-uuid', name: '' } };
    const vi = failure(await t.gql(mutation, bad));
    expect(vi.extensions.code).toBe('BAD_USER_INPUT');
    expect(vi.message).toBe('Dữ liệu nhập không hợp lệ.');
    expect(vi.extensions.fields?.map((f) => f.field).sort()).toEqual(['id', 'name']);
    const en = failure(await t.gql(mutation, bad, { lang: 'en' }));
    expect(en.message).toBe('The input is not valid.');
    expect(en.extensions.fields?.find((f) => f.field === 'name')?.message).toMatch(/long|short|empty/i);
  });

  it('a malformed date is a BAD_USER_INPUT, not a server error', async () => {
    const res = failure(await t.gql('{ administrativeUnit(code: "42", asOf: "2025-02-30") { code } }'));
    expect(res.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('a query that does not fit the schema is refused with GRAPHQL_VALIDATION_FAILED', async () => {
    const res = await t.gql('{ administrativeUnit(code: "42") { noSuchField } }');
    expect(failure(res).extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(ok(await t.gql(query, { code: '42' })).administrativeUnit.code).toBe('42');
  });
});

describe('pagination', () => {
  const list = 'query($first: Int, $after: String) { administrativeUnits(first: $first, after: $after, filter: { includeNotInForce: true }) { totalCount edges { cursor node { code } } pageInfo { hasNextPage endCursor } } }';

  it('refuses pages larger than 100', async () => {
    const res = failure(await t.gql(list, { first: 101 }));
    expect(res.extensions.code).toBe('BAD_USER_INPUT');
    expect(res.extensions.fields?.[0].field).toBe('first');
  });

  it('walks the whole list in order with cursors', async () => {
    const codes: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const data: any = ok(await t.gql(list, { first: 100, after }));
      total = data.administrativeUnits.totalCount;
      codes.push(...data.administrativeUnits.edges.map((e: any) => e.node.code));
      after = data.administrativeUnits.pageInfo.hasNextPage ? data.administrativeUnits.pageInfo.endCursor : null;
    } while (after);
    expect(codes).toHaveLength(total);
    expect([...codes].sort()).toEqual(codes);
  });

  it('a cursor that was not issued by the server is a BAD_USER_INPUT', async () => {
    const res = failure(await t.gql(list, { first: 5, after: 'garbage' }));
    expect(res.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'after' }] });
  });
});

describe('no N+1: statements per request do not grow with the page size', () => {

  it.each(Object.entries(NESTED_LISTS))('%s: the same count at 10 and at 100 records', async (_label, query) => {
    const counts: Record<number, number> = {};
    for (const first of [10, 100]) {
      const res = await t.gql(query, { first });
      ok(res);
      counts[first] = Number(res.headers['x-sql-statements']);
    }
    expect(counts[10]).toBeGreaterThan(0);
    expect(counts[100]).toBe(counts[10]);
  });
});

describe('the published SDL', () => {
  it('packages/schema/schema.graphql is what the code builds (run `npm run schema` after a change)', async () => {
    expect(readFileSync(SDL_PATH, 'utf8')).toBe(await buildPublishedSdl());
  });
});

describe('the admin app and GraphiQL are served by the API', () => {
  it('serves the SPA at / and for client routes, GraphiQL at /graphiql, and JSON 404s elsewhere', async () => {
    const home = await t.http().get('/').set('accept', 'text/html');
    expect(home.status).toBe(200);
    expect(home.text).toMatch(/<div id="root">/);
    const route = await t.http().get('/to-chuc/don-vi').set('accept', 'text/html');
    expect(route.status).toBe(200);
    expect(route.text).toBe(home.text);
    const graphiql = await t.http().get('/graphiql');
    expect(graphiql.status).toBe(200);
    expect(graphiql.text).not.toMatch(/cdn|unpkg|jsdelivr/i);
    expect((await t.http().get('/no-such-thing').set('accept', 'application/json')).status).toBe(404);
  });

  it('keeps CSRF prevention on: a simple cross-site GET of /graphql is refused', async () => {
    const res = await t.http().get('/graphql?query=%7B__typename%7D');
    expect(res.status).toBe(400);
    const allowed = await t.http().get('/graphql?query=%7B__typename%7D').set('apollo-require-preflight', 'true');
    expect(allowed.status).toBe(200);
  });
});
