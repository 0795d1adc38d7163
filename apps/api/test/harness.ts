import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { createApplication, type Application } from '../src/app';
import { loadConfig } from '../src/platform/config';
import { DEMO_PASSWORD } from '../src/seed/demo-users';
import { embeddedUrlForWorker } from './workers';

export interface GraphQLResult<T = any> {
  status: number;
  data: T;
  errors?: Array<{ message: string; path?: string[]; extensions: { code: string; fields?: Array<{ field: string; message: string }>; requestId?: string } }>;
  headers: Record<string, string>;
}

export interface GqlOptions {
  lang?: string;
  headers?: Record<string, string>;
  /** Username of a demo user to act as; null for anonymous. Default: the app's `signInAs`. */
  as?: string | null;
  /** An access token to send as is. */
  token?: string;
}

export interface TestApp {
  app: Application;
  databaseUrl: string;
  baseUrl: string;
  /**
   * Sends one GraphQL operation over HTTP, as a portal or the admin app would: signed in as the
   * test app's default user (`signInAs`), as `options.as`, or anonymously with `as: null`.
   */
  gql<T = any>(query: string, variables?: Record<string, unknown>, options?: GqlOptions): Promise<GraphQLResult<T>>;
  /** Signs a demo user in (demo password unless given) and returns the access token. */
  signIn(username: string, password?: string): Promise<string>;
  http(): ReturnType<typeof request>;
  /** A direct connection to the test's database, for checks the API does not offer. */
  sql<R = any>(text: string, params?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

/**
 * A database of its own for the calling test file: a new PostgreSQL database when DATABASE_URL is
 * set, else the worker's embedded server wiped clean.
 */
export async function freshDatabase(): Promise<{ url: string; poolSize: number; drop(): Promise<void> }> {
  const admin = process.env.DATABASE_URL;
  if (admin) {
    const name = `osp_test_${process.env.JEST_WORKER_ID ?? '1'}_${randomBytes(4).toString('hex')}`;
    await withClient(admin, (c) => c.query(`CREATE DATABASE ${name}`));
    const url = new URL(admin);
    url.pathname = `/${name}`;
    return { url: url.toString(), poolSize: 4, drop: () => withClient(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined) };
  }
  const url = embeddedUrlForWorker();
  await withClient(url, (c) => c.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;'));
  return { url, poolSize: 1, drop: async () => undefined };
}

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The configuration of an application under test: the given database, a free loopback port, silent logs. */
export function testConfig(databaseUrl: string, poolSize: number, env: Record<string, string> = {}) {
  return loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    OSP_DB_POOL_SIZE: String(poolSize),
    OSP_SEED: 'demo',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    // The test PGlite servers take two connections (see global-setup.ts): none to spare for listening.
    ...(process.env.DATABASE_URL ? {} : { OSP_LISTEN: 'off' }),
    ...env,
  });
}

export async function startTestApp(options: { seed?: boolean; env?: Record<string, string>; signInAs?: string } = {}): Promise<TestApp> {
  const db = await freshDatabase();
  const config = testConfig(db.url, db.poolSize, { ...(options.seed === false ? { OSP_SEED: 'none' } : {}), ...options.env });
  const app = await createApplication(config);
  const port = await app.listen();
  const baseUrl = `http://127.0.0.1:${port}`;
  const http = () => request(baseUrl);
  const post = (query: string, variables: Record<string, unknown> | undefined, opts: { lang?: string; headers?: Record<string, string>; token?: string | null }) =>
    http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('accept-language', opts.lang ?? 'vi')
      .set(opts.token ? { authorization: `Bearer ${opts.token}` } : {})
      .set(opts.headers ?? {})
      .send({ query, variables });
  const tokens = new Map<string, Promise<string>>();
  const signIn = async (username: string, password = DEMO_PASSWORD) => {
    const res = await post('mutation($u: String!, $p: String!) { signIn(input: { username: $u, password: $p }) { token } }', { u: username, p: password }, {});
    if (res.body.errors) throw new Error(`sign-in of ${username} failed: ${JSON.stringify(res.body.errors)}`);
    return res.body.data.signIn.token as string;
  };
  const tokenOf = (username: string) => {
    if (!tokens.has(username)) tokens.set(username, signIn(username));
    return tokens.get(username) as Promise<string>;
  };
  return {
    app,
    databaseUrl: db.url,
    baseUrl,
    http,
    signIn,
    async gql(query, variables, opts = {}) {
      const as = opts.as === undefined ? options.signInAs : opts.as;
      const token = opts.token ?? (as ? await tokenOf(as) : null);
      const res = await post(query, variables, { ...opts, token });
      return { status: res.status, data: res.body.data, errors: res.body.errors, headers: res.headers as Record<string, string> };
    },
    sql: (text, params) => app.dataSource.query(text, params),
    async close() {
      await app.stop();
      await db.drop();
    },
  };
}

/** The data of a result that must have no errors. */
export function ok<T>(result: GraphQLResult<T>): T {
  if (result.errors?.length) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
  return result.data;
}

/** The single error of a result that must have failed. */
export function failure(result: GraphQLResult) {
  if (!result.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`);
  return result.errors[0];
}
