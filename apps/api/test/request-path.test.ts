/**
 * The request path cannot be hurt: documents over the limits are refused before any resolver runs,
 * malformed HTTP is answered in the GraphQL JSON error shape without internals, NUL characters and
 * crafted cursors are BAD_USER_INPUT, and a request past its time budget is cut off. Each case is a
 * reproduction from the outside review of the landed API.
 */
import { gzipSync } from 'node:zlib';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputType,
} from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, type TestApp } from './harness';

const SDL = readFileSync(join(__dirname, '../../../packages/schema/schema.graphql'), 'utf8');
const LEAKS = /\/work\/|node_modules|\.ts:\d|\.js:\d|at [\w.<>]+ \(|<html|<pre/i;

let t: TestApp;
beforeAll(async () => {
  // A client's token sends ad-hoc documents here (cursors of its list): the allow-list is off, see test/portal-limits.test.ts.
  t = await startTestApp({ env: { OSP_MAX_RESPONSE_BYTES: String(16 * 1024), OSP_CLIENT_PERSISTED_ONLY: 'off' } });
});
afterAll(() => t?.close());

const raw = (body: string | Buffer, headers: Record<string, string> = {}) =>
  t.http().post('/graphql').set({ 'content-type': 'application/json', 'accept-language': 'vi', ...headers }).send(body);

const AMPLIFY = `{ administrativeUnits(first: 100, filter: { includeNotInForce: true }) { edges { node { parent { children(first: 100) {
  edges { node { parent { children(first: 100) { edges { node { name } } } } } } } } } } } }`;

describe('limits before execution', () => {
  it('refuses the amplification query at once, without a statement sent to the database', async () => {
    const started = Date.now();
    const res = await raw(JSON.stringify({ query: AMPLIFY }));
    const elapsed = Date.now() - started;
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', max: 20000 });
    expect(res.body.errors[0].extensions.found).toBeGreaterThan(20000);
    expect(res.body.errors[0].message).toMatch(/Truy vấn quá phức tạp: chi phí là \d+, vượt giới hạn 20000/);
    expect(res.headers['x-sql-statements']).toBe('0');
    // It answered 31 MB after 13–41 s before the limits; a refusal is a few hundred bytes at once
    // (generous bound: the machine is shared).
    expect(res.text.length).toBeLessThan(1000);
    expect(elapsed).toBeLessThan(2000);
  });

  it('multiplies page sizes given as variables, and answers the cost of an accepted query on request', async () => {
    const query = 'query($n: Int!) { administrativeUnits(first: $n) { edges { node { code children(first: $n) { edges { node { code } } } } } } }';
    // The connection, n edges, n nodes, n children connections, then n × n edges and nodes: 1 + 3n + 2n².
    const refused = await raw(JSON.stringify({ query, variables: { n: 100 }, extensions: { cost: true } }));
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', found: 1 + 300 + 20000 });
    const accepted = await raw(JSON.stringify({ query, variables: { n: 10 }, extensions: { cost: true } }));
    expect(accepted.body.errors).toBeUndefined();
    expect(accepted.body.extensions.cost).toMatchObject({ cost: 1 + 30 + 200, depth: 6, aliases: 0, maxCost: 20000 });
    const byHeader = await raw(JSON.stringify({ query: '{ administrativeUnit(code: "42") { name parent { name } } }' }), { 'x-query-cost': '1' });
    expect(byHeader.body.extensions.cost).toMatchObject({ cost: 2, depth: 2 });
    const notAsked = await raw(JSON.stringify({ query: '{ administrativeUnit(code: "42") { name } }' }));
    expect(notAsked.body.extensions).toBeUndefined();
  });

  it('refuses 1,000 aliases, depth 25 and a pile of directives', async () => {
    const aliases = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const a = await raw(JSON.stringify({ query: aliases }));
    expect(a.status).toBe(400);
    expect(a.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases', max: 30 });

    let deep = 'name';
    for (let i = 0; i < 24; i++) deep = `parent { ${deep} }`;
    const d = await raw(JSON.stringify({ query: `{ administrativeUnit(code: "42") { ${deep} } }` }));
    expect(d.status).toBe(400);
    expect(d.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'depth', max: 12 });
    expect(d.headers['x-sql-statements']).toBe('0');

    const directives = `{ administrativeUnit(code: "42") { ${Array.from({ length: 40 }, () => 'name @include(if: true)').join(' ')} } }`;
    const r = await raw(JSON.stringify({ query: directives }));
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'directives', max: 20 });
  });

  it('refuses a document over the token limit as QUERY_TOO_COMPLEX (HTTP 400), and a syntax error stays a 400', async () => {
    const tokens = `{ ${Array.from({ length: 6000 }, () => '__typename').join(' ')} }`;
    const res = await raw(JSON.stringify({ query: tokens }));
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'tokens', max: 5000 });
    const syntax = await raw(JSON.stringify({ query: '{ administrativeUnit(code: "42") { name ' }));
    expect(syntax.status).toBe(400);
    expect(syntax.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('refuses fragments that multiply (a billion laughs) without expanding them', async () => {
    const frags = ['fragment F0 on AdministrativeUnit { name }'];
    for (let i = 1; i < 20; i++) frags.push(`fragment F${i} on AdministrativeUnit { ...F${i - 1} parent { ...F${i - 1} } }`);
    const res = await raw(JSON.stringify({ query: `{ administrativeUnit(code: "42") { ...F19 } } ${frags.join(' ')}` }));
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses a batch (an array body) as BAD_REQUEST', async () => {
    const one = { query: '{ administrativeUnit(code: "42") { name } }' };
    const res = await raw(JSON.stringify([one, one]));
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(res.body.errors[0].message).toMatch(/từng thao tác/);
  });

  it('cuts off an answer over the response ceiling', async () => {
    // Five pages of 100 units with every field: well under the cost limit, over the 16 KB ceiling set for this app.
    const page = 'administrativeUnits(first: 100, filter: { includeNotInForce: true }) { edges { node { code name level validFrom validTo createdAt updatedAt } } }';
    const res = await raw(JSON.stringify({ query: `{ ${[1, 2, 3, 4, 5].map((i) => `p${i}: ${page}`).join(' ')} }` }));
    expect(res.status).toBe(200);
    expect(res.body.data).toBeNull();
    expect(res.body.errors[0].extensions).toEqual({ code: 'RESPONSE_TOO_LARGE', maxBytes: 16384 });
  });
});

describe('malformed HTTP is answered as GraphQL JSON, never with a stack or a path', () => {
  const cases: Array<[string, () => ReturnType<typeof raw>, number]> = [
    ['malformed JSON', () => raw('{"query": "{ __typename }"'), 400],
    ['a body over the limit', () => raw(JSON.stringify({ query: `{ __typename } #${'x'.repeat(300 * 1024)}` })), 413],
    ['an unsupported charset', () => raw(JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'application/json; charset=koi8-r' }), 415],
    ['an unsupported content encoding', () => raw(JSON.stringify({ query: '{ __typename }' }), { 'content-encoding': 'compress' }), 415],
    ['a gzip body that is not gzip', () => raw('not gzip at all', { 'content-encoding': 'gzip' }), 400],
  ];
  it.each(cases)('%s', async (_name, send, status) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(res.body.errors[0].message).toMatch(/[ạảãáàâầấậẩẫăằắặẳẵêềếệểễôồốộổỗơờớợởỡưừứựửữđ]/);
    expect(res.text).not.toMatch(LEAKS);
  });

  it('speaks English when asked, and still accepts a real gzip body', async () => {
    const en = await raw('{', { 'accept-language': 'en' });
    expect(en.body.errors[0].message).toBe('The request body is not valid JSON.');
    const zipped = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(JSON.stringify({ query: '{ administrativeUnit(code: "42") { name } }' })),
    });
    expect(((await zipped.json()) as any).data.administrativeUnit.name).toBe('Tỉnh Hà Tĩnh');
  });
});

/** A value for an input type: strings (at any depth) carry a NUL; required non-strings get a plausible value. */
function sample(type: GraphQLInputType, path: string, nulPaths: string[]): unknown {
  const inner = getNullableType(type) as GraphQLInputType;
  if (isListType(inner)) return [sample(inner.ofType, `${path}.0`, nulPaths)];
  if (isInputObjectType(inner)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(inner.getFields())) {
      const named = getNamedType(field.type);
      const hasString = reachesString(field.type, new Set());
      if (isNonNullType(field.type) || hasString || named.name === 'Int') out[field.name] = sample(field.type, `${path}.${field.name}`, nulPaths);
    }
    return out;
  }
  if (isEnumType(inner)) return inner.getValues()[0].value;
  if (isScalarType(inner)) {
    switch (inner.name) {
      case 'String':
      case 'ID':
        nulPaths.push(path);
        return 'a\u0000b';
      case 'Int':
        return 1;
      case 'Float':
        return 1.5;
      case 'Boolean':
        return true;
      case 'Date':
        return '2020-01-01';
      case 'DateTimeISO':
        return '2020-01-01T00:00:00Z';
      default:
        return {};
    }
  }
  return null;
}

/** A plain, valid value of a scalar argument (a list's required `since`, say). */
function plainValue(type: GraphQLInputType): unknown {
  const values: Record<string, unknown> = { String: 'x', ID: 'x', Int: 1, Float: 1.5, Boolean: true, Date: '2020-01-01', DateTimeISO: '2020-01-01T00:00:00Z' };
  return values[getNamedType(type).name] ?? null;
}

function reachesString(type: GraphQLInputType, seen: Set<string>): boolean {
  const named = getNamedType(type);
  if (named.name === 'String' || named.name === 'ID') return true;
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((f) => reachesString(f.type, seen));
}

describe('NUL characters in string arguments', () => {
  const schema = buildSchema(SDL);
  const operations: Array<[string, 'query' | 'mutation', string, GraphQLArgument[]]> = [];
  for (const kind of ['query', 'mutation'] as const) {
    const root = kind === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
    for (const field of Object.values(root.getFields())) {
      // Every argument that can carry a string, and the required others (an enum, a number) with a plausible value.
      if (!field.args.some((a) => reachesString(a.type, new Set()))) continue;
      const args = field.args.filter((a) => reachesString(a.type, new Set()) || isNonNullType(a.type));
      operations.push([`${kind} ${field.name}`, kind, field.name, args]);
    }
  }

  it('covers every operation that takes a string (generated from the schema)', () => {
    expect(operations.length).toBeGreaterThan(40);
  });

  it.each(operations)('%s: BAD_USER_INPUT naming every string field, before any resolver', async (_name, kind, fieldName, args) => {
    const nulPaths: string[] = [];
    const variables: Record<string, unknown> = {};
    for (const arg of args) variables[arg.name] = sample(arg.type, arg.name, nulPaths);
    const defs = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
    const call = args.map((a) => `${a.name}: $${a.name}`).join(', ');
    const named = getNamedType((kind === 'query' ? schema.getQueryType()! : schema.getMutationType()!).getFields()[fieldName].type);
    const selection = isScalarType(named) || isEnumType(named) ? '' : '{ __typename }';
    const res = await t.gql(`${kind} (${defs}) { ${fieldName}(${call}) ${selection} }`, variables, { as: null });
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.headers['x-sql-statements']).toBe('0');
    expect(res.errors?.[0].extensions.fields?.map((f) => f.field).sort()).toEqual([...nulPaths].sort());
  });

  it('in a literal of the document too (the anonymous filter of the review)', async () => {
    const res = await t.gql('{ administrativeUnits(filter: { search: "ky\\u0000bac" }) { totalCount } }', {}, { as: null });
    expect(res.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'filter.search', message: 'Không được chứa ký tự NUL (\\u0000).' }],
    });
  });
});

describe('crafted cursors', () => {
  const forged = [
    Buffer.from(JSON.stringify(['x', 'x'])).toString('base64url'),
    Buffer.from(JSON.stringify([{ a: 1 }, '6f1c2c9e-0000-4000-8000-000000000001'])).toString('base64url'),
    Buffer.from(JSON.stringify(['a', 'not-a-uuid'])).toString('base64url'),
    'not base64 at all!',
  ];
  const schema = buildSchema(SDL);
  const listFields = Object.values(schema.getQueryType()!.getFields()).filter((f) => f.args.some((a) => a.name === 'after'));
  const lists = listFields.map((f) => f.name);
  /** A list's required arguments (other than the cursor), each with a value of its type (e.g. portalDossiersChanged's `since`). */
  const required = new Map(
    listFields.map((f) => [
      f.name,
      f.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined && a.name !== 'after').map((a) => ({ name: a.name, type: String(a.type), value: plainValue(a.type) })),
    ]),
  );

  /** The portals' own lists answer a client's token only (staff are FORBIDDEN before any cursor is read). */
  let clientToken = '';
  beforeAll(async () => {
    const made = (await t.gql(
      `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { clientSecret apiClient { clientId } } }`,
      { input: { name: 'Cổng thử con trỏ', ownerOrganisation: 'Thử', contact: { name: 'Kỹ thuật', email: 'kythuat@example.gov.vn' }, scopes: ['READ_OWN_DOSSIERS', 'READ_CATALOGUE'] } },
      { as: 'hatinh.quantri' },
    )).data!.createApiClient;
    clientToken = (await t.gql(`mutation($i: IssueClientTokenInput!) { issueClientToken(input: $i) { token } }`, { i: { clientId: made.apiClient.clientId, clientSecret: made.clientSecret } }, { as: null })).data!.issueClientToken.token;
  });

  it('every paginated list of the schema answers BAD_USER_INPUT on `after`', async () => {
    expect(lists.length).toBeGreaterThanOrEqual(8);
    const outcomes: string[] = [];
    for (const list of lists) {
      for (const cursor of forged) {
        const args = required.get(list)!;
        const declared = ['$after: String', ...args.map((a) => `$${a.name}: ${a.type}`)].join(', ');
        const passed = ['after: $after', ...args.map((a) => `${a.name}: $${a.name}`)].join(', ');
        const variables = Object.fromEntries([['after', cursor], ...args.map((a) => [a.name, a.value])]);
        const caller = list.startsWith('portal') ? { token: clientToken } : { as: 'admin' };
        const res = await t.gql(`query(${declared}) { ${list}(${passed}) { pageInfo { hasNextPage } } }`, variables, caller);
        const error = res.errors?.[0];
        outcomes.push(`${list}: ${error?.extensions.code} ${error?.extensions.fields?.[0]?.field}`);
      }
    }
    expect(outcomes).toEqual(lists.flatMap((list) => forged.map(() => `${list}: BAD_USER_INPUT after`)));
  });

  it('a nested list (children of a unit) too, and a real cursor still pages', async () => {
    const bad = await t.gql('query($after: String) { administrativeUnit(code: "42") { children(first: 2, after: $after) { totalCount } } }', { after: forged[0] }, { as: null });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'after' }] });
    const first = await t.gql('{ administrativeUnits(first: 2) { pageInfo { endCursor } edges { node { code } } } }', {}, { as: null });
    const next = await t.gql('query($a: String) { administrativeUnits(first: 2, after: $a) { edges { node { code } } } }', { a: first.data.administrativeUnits.pageInfo.endCursor }, { as: null });
    expect(next.errors).toBeUndefined();
    expect(next.data.administrativeUnits.edges[0].node.code > first.data.administrativeUnits.edges[1].node.code).toBe(true);
  });
});
