/**
 * The session check is held in memory (identity/session-cache.ts) and still keeps what sign-out
 * promises: a session ended on one instance of the API is refused at once on every other instance.
 * Two applications share one database here, as two instances behind a load balancer do.
 */
import { createApplication, type Application } from '../src/app';
import { Notifications } from '../src/platform/database/notifications';
import { DEMO_PASSWORD } from '../src/seed/demo-users';
import { freshDatabase, testConfig } from './harness';

const onPostgres = Boolean(process.env.DATABASE_URL);

async function post(base: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, statements: Number(res.headers.get('x-sql-statements')), body: (await res.json()) as any };
}

describe('two instances of the API on one database', () => {
  let a: Application;
  let b: Application;
  let baseA: string;
  let baseB: string;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const db = await freshDatabase();
    drop = db.drop;
    a = await createApplication(testConfig(db.url, db.poolSize));
    b = await createApplication(testConfig(db.url, db.poolSize, { OSP_SEED: 'none' }));
    baseA = `http://127.0.0.1:${await a.listen()}`;
    baseB = `http://127.0.0.1:${await b.listen()}`;
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await drop?.();
  });

  it('a session signed out on one is refused at once on the other, and a deactivated user everywhere', async () => {
    if (onPostgres) {
      // On PostgreSQL both instances listen for ended sessions: the cache is in use, so this is a real test of it.
      expect(a.container.get(Notifications).live).toBe(true);
      expect(b.container.get(Notifications).live).toBe(true);
    }
    const signIn = async (username: string) =>
      (await post(baseA, 'mutation($u: String!, $p: String!) { signIn(input: { username: $u, password: $p }) { token } }', { u: username, p: DEMO_PASSWORD })).body.data
        .signIn.token as string;
    const me = '{ me { username } }';

    const token = await signIn('hatinh.bcd');
    expect((await post(baseB, me, {}, token)).body.data.me.username).toBe('hatinh.bcd');
    const again = await post(baseB, me, {}, token);
    expect(again.body.data.me.username).toBe('hatinh.bcd');
    if (onPostgres) expect(again.statements).toBe(1); // `me` itself: the session check came from memory

    expect((await post(baseA, 'mutation { signOut { ok } }', {}, token)).body.data.signOut.ok).toBe(true);
    // NOTIFY is delivered on commit, asynchronously: allow the other instance a moment to hear it.
    let refused = await post(baseB, me, {}, token);
    for (let i = 0; i < 20 && refused.status !== 401; i++) {
      await new Promise((r) => setTimeout(r, 50));
      refused = await post(baseB, me, {}, token);
    }
    expect(refused.status).toBe(401);
    expect(refused.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');

    const clerk = await signIn('hatinh.quay');
    expect((await post(baseB, me, {}, clerk)).body.data.me.username).toBe('hatinh.quay');
    const admin = await signIn('hatinh.quantri');
    const users = await post(baseA, '{ users(filter: { search: "hatinh.quay" }) { edges { node { id } } } }', {}, admin);
    const id = users.body.data.users.edges[0].node.id;
    expect((await post(baseA, 'mutation($id: ID!) { deactivateUser(input: { id: $id }) { user { active } } }', { id }, admin)).body.data.deactivateUser.user.active).toBe(false);
    let gone = await post(baseB, me, {}, clerk);
    for (let i = 0; i < 20 && gone.status !== 401; i++) {
      await new Promise((r) => setTimeout(r, 50));
      gone = await post(baseB, me, {}, clerk);
    }
    expect(gone.status).toBe(401);
  });
});
