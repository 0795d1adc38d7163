/**
 * Sign-in, sessions, throttling and the user register, end to end over HTTP: the contract operations
 * portals use (../shared/contract/identity.graphql) and what administrators rely on.
 */
import { createHash, randomBytes } from 'node:crypto';
import { decodeJwt, SignJWT } from 'jose';
import { audited } from './audit-trail';
import { contractOperations } from './contract';
import { failure, ok, startTestApp, type GraphQLResult, type TestApp } from './harness';

const ops = contractOperations('identity.graphql');
const DEMO = 'Demo@2026';
let t: TestApp;

const SIGN_IN = `mutation SignInFull($username: String!, $password: String!) {
  signIn(input: { username: $username, password: $password }) { token expiresAt refreshToken refreshExpiresAt user { id username } }
}`;
const REFRESH = `mutation Refresh($refreshToken: String!) {
  refreshSession(input: { refreshToken: $refreshToken }) { token expiresAt refreshToken refreshExpiresAt user { username } }
}`;
const SIGN_OUT = 'mutation SignOut($refreshToken: String) { signOut(input: { refreshToken: $refreshToken }) { ok } }';
const USERS = `query Users($filter: UserFilter) {
  users(filter: $filter, first: 100) { totalCount edges { node { id username active roles scope { code } } } }
}`;
const CREATE_USER = `mutation CreateUser($input: CreateUserInput!) {
  createUser(input: $input) { user { id username displayName roles active scope { code level } postOffice { code } } }
}`;
const DEACTIVATE = 'mutation Deactivate($id: ID!) { deactivateUser(input: { id: $id }) { user { id username active } } }';
const RESET = 'mutation Reset($id: ID!, $password: String!) { resetUserPassword(input: { id: $id, password: $password }) { user { id username } } }';
const PUBLIC_QUERY = 'query Public { administrativeUnits(first: 1) { totalCount } }';

const SESSION_OVER = { vi: 'Phiên làm việc đã hết. Vui lòng đăng nhập lại.', en: 'Your session has ended. Please sign in again.' };
const WRONG = { vi: 'Sai tên đăng nhập hoặc mật khẩu.', en: 'Wrong username or password.' };

/** A session of its own (never the harness's cached tokens, which other tests rely on). */
async function session(username: string, password = DEMO, headers: Record<string, string> = {}) {
  return ok(await t.gql(SIGN_IN, { username, password }, { as: null, headers })).signIn as {
    token: string;
    expiresAt: string;
    refreshToken: string;
    refreshExpiresAt: string;
    user: { id: string; username: string };
  };
}

const signInAttempt = (username: string, password: string, options: { lang?: string; headers?: Record<string, string> } = {}) =>
  t.gql(ops.SignIn, { username, password }, { as: null, ...options });

const me = (token: string, lang?: string) => t.gql(ops.Me, {}, { token, lang });

function expectCode(result: GraphQLResult, code: string) {
  const error = failure(result);
  expect(error.extensions.code).toBe(code);
  return error;
}

const fieldsOf = (result: GraphQLResult) => (failure(result).extensions.fields ?? []).map((f) => f.field);

async function userId(username: string): Promise<string> {
  const [row] = await t.sql('SELECT id FROM app_user WHERE username = $1', [username]);
  return row.id;
}

async function postOfficeId(code: string): Promise<string> {
  const [row] = await t.sql('SELECT id FROM post_office WHERE code = $1', [code]);
  return row.id;
}

let serial = 0;
/** A fresh Hà Tĩnh steering-committee user made by the national admin, for tests that lock or reset it. */
async function newUser(password = 'Matkhau2026') {
  const username = `test.user${++serial}`;
  const data = ok(await t.gql(CREATE_USER, { input: { username, displayName: `Người dùng ${serial}`, password, roles: ['STEERING_COMMITTEE'], scopeUnitCode: '42' } }));
  return { id: data.createUser.user.id as string, username, password };
}

beforeAll(async () => {
  // The tests stand in for clients at other addresses with X-Forwarded-For, believed from loopback only.
  t = await startTestApp({ signInAs: 'admin', env: { OSP_TRUST_PROXY: 'loopback' } });
  // Sign the harness's users in now, so that no test's audit trail sees their sign-in.
  for (const as of ['admin', 'hatinh.quantri']) ok(await t.gql(ops.Me, {}, { as }));
});
afterAll(() => t.close());
// Throttle counters are per username and address, per address and per username: start each test clean.
beforeEach(() => t.sql('DELETE FROM sign_in_throttle'));

describe('SignIn and Me (contract)', () => {
  it('signs in a provincial user and answers Me with the roles and the province scope', async () => {
    const before = Date.now();
    const data = ok(await signInAttempt('hatinh.bcd', DEMO)).signIn;
    const expected = {
      username: 'hatinh.bcd',
      displayName: 'Ban Chỉ đạo Đề án tỉnh Hà Tĩnh',
      roles: ['STEERING_COMMITTEE'],
      scope: { code: '42', name: 'Tỉnh Hà Tĩnh', level: 'PROVINCE' },
    };
    expect(data.user).toMatchObject(expected);
    // A 15-minute access token, and expiresAt is the token's own expiry.
    const expiresAt = Date.parse(data.expiresAt);
    expect(expiresAt - before).toBeGreaterThan(14 * 60_000);
    expect(expiresAt - before).toBeLessThanOrEqual(15 * 60_000 + 2_000);
    expect(decodeJwt(data.token).exp! * 1000).toBe(expiresAt);

    const who = ok(await me(data.token)).me;
    expect(who).toEqual({ id: data.user.id, ...expected });
  });

  it('gives the national administrator no scope', async () => {
    const data = ok(await signInAttempt('admin', DEMO)).signIn;
    expect(data.user).toMatchObject({ username: 'admin', roles: ['SYSTEM_ADMIN'], scope: null });
    expect(ok(await me(data.token)).me).toMatchObject({ username: 'admin', scope: null });
  });

  it('ignores the case and surrounding spaces of the username', async () => {
    expect(ok(await signInAttempt('  HaTinh.Quay ', DEMO)).signIn.user.username).toBe('hatinh.quay');
  });

  it('answers a wrong username and a wrong password alike, in the language asked for', async () => {
    for (const lang of ['vi', 'en'] as const) {
      const unknown = await signInAttempt('no.such.user', DEMO, { lang });
      const wrongPassword = await signInAttempt('hatinh.bcd', 'Demo@2027', { lang });
      for (const result of [unknown, wrongPassword]) {
        expect(result.data?.signIn ?? null).toBeNull();
        expect(result.errors).toHaveLength(1);
        const error = expectCode(result, 'UNAUTHENTICATED');
        expect(error.message).toBe(WRONG[lang]);
        expect(error.extensions).toEqual({ code: 'UNAUTHENTICATED' });
      }
      expect(failure(unknown)).toEqual(failure(wrongPassword));
    }
  });

  it('refuses an empty password or username as input, before any check', async () => {
    expectCode(await signInAttempt('hatinh.bcd', ''), 'BAD_USER_INPUT');
    expectCode(await signInAttempt('', DEMO), 'BAD_USER_INPUT');
  });

  it('answers Me without a token with UNAUTHENTICATED', async () => {
    for (const lang of ['vi', 'en'] as const) {
      const result = await t.gql(ops.Me, {}, { as: null, lang });
      expect(result.data?.me ?? null).toBeNull();
      expect(expectCode(result, 'UNAUTHENTICATED').message).toBe(lang === 'vi' ? 'Bạn cần đăng nhập.' : 'You need to sign in.');
    }
  });

  it('writes a user.signIn audit entry and records the session with its address and browser', async () => {
    const { result, entries } = await audited(t, () => session('hatinh.stttt', DEMO, { 'user-agent': 'identity-test/1.0' }));
    expect(entries).toEqual([
      expect.objectContaining({ action: 'user.signIn', entityType: 'User', entityId: result.user.id, actorKind: 'user', actorLabel: 'hatinh.stttt', after: null }),
    ]);
    const [row] = await t.sql('SELECT ip, user_agent FROM user_session WHERE id = $1', [decodeJwt(result.token).sid]);
    expect(row).toEqual({ ip: expect.stringContaining('127.0.0.1'), user_agent: 'identity-test/1.0' });
    // A failed sign-in writes nothing.
    const failed = await audited(t, () => signInAttempt('hatinh.stttt', 'wrong-password1'));
    expect(failed.entries).toEqual([]);
  });
});

describe('access tokens', () => {
  /** The request must fail as a whole with UNAUTHENTICATED "session over", in the asked language. */
  async function expectRejected(token: string | null, headers: Record<string, string> = {}) {
    for (const query of [PUBLIC_QUERY, '{ __typename }', ops.Me]) {
      for (const lang of ['vi', 'en'] as const) {
        const result = await t.gql(query, {}, { as: null, lang, headers, ...(token ? { token } : {}) });
        // The request fails as a whole, before any resolver: 401 (not a server error), with the scheme to use.
        expect(result.status).toBe(401);
        expect(result.headers['www-authenticate']).toBe('Bearer');
        expect(result.data ?? null).toBeNull();
        expect(expectCode(result, 'UNAUTHENTICATED').message).toBe(SESSION_OVER[lang]);
      }
    }
  }

  /** The real signing secret, read where the API keeps it, to forge tokens that differ in one claim only. */
  async function realSecret(): Promise<Uint8Array> {
    if (process.env.OSP_JWT_SECRET) return new TextEncoder().encode(process.env.OSP_JWT_SECRET);
    const [row] = await t.sql(`SELECT value #>> '{}' AS secret FROM app_meta WHERE key = 'jwt_secret'`);
    return new TextEncoder().encode(row.secret);
  }

  function forge(claims: { sub: string; sid: string }, key: Uint8Array, exp: number, iss = 'one-stop-post') {
    return new SignJWT({ sid: claims.sid }).setProtectedHeader({ alg: 'HS256' }).setSubject(claims.sub).setIssuer(iss).setIssuedAt().setExpirationTime(exp).sign(key);
  }

  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  /** Changes the character at `index` to another one of the base64url alphabet. */
  const flip = (s: string, index: number) => s.slice(0, index) + (s[index] === 'A' ? 'B' : 'A') + s.slice(index + 1);

  it('a public query answers anonymously and with a valid token', async () => {
    const { token } = await session('hatinh.bcd');
    expect(ok(await t.gql(PUBLIC_QUERY, {}, { as: null })).administrativeUnits.totalCount).toBeGreaterThan(0);
    expect(ok(await t.gql(PUBLIC_QUERY, {}, { token })).administrativeUnits.totalCount).toBeGreaterThan(0);
  });

  it('refuses a token with one character of the signature or the payload changed', async () => {
    const { token } = await session('hatinh.bcd');
    const [header, payload, signature] = token.split('.');
    await expectRejected(`${header}.${payload}.${flip(signature, 10)}`);
    await expectRejected(`${header}.${flip(payload, 12)}.${signature}`);
    // The payload rewritten to another user (the administrator), keeping the signature.
    const claims = decodeJwt(token);
    await expectRejected(`${header}.${b64({ ...claims, sub: await userId('admin') })}.${signature}`);
    // The original still works.
    expect(ok(await me(token)).me.username).toBe('hatinh.bcd');
  });

  it('refuses a token signed with another secret, an unsigned one, and one of another issuer', async () => {
    const { token } = await session('hatinh.bcd');
    const claims = decodeJwt(token) as { sub: string; sid: string; exp: number };
    await expectRejected(await forge(claims, randomBytes(48), claims.exp));
    await expectRejected(`${b64({ alg: 'none', typ: 'JWT' })}.${token.split('.')[1]}.`);
    await expectRejected(await forge(claims, await realSecret(), claims.exp, 'someone-else'));
  });

  it('refuses an expired token although its session is still open', async () => {
    const { token } = await session('hatinh.bcd');
    const claims = decodeJwt(token) as { sub: string; sid: string };
    const key = await realSecret();
    // Control: forged the same way but unexpired, the token is accepted, so only the expiry differs.
    const fresh = await forge(claims, key, Math.floor(Date.now() / 1000) + 60);
    expect(ok(await me(fresh)).me.username).toBe('hatinh.bcd');
    await expectRejected(await forge(claims, key, Math.floor(Date.now() / 1000) - 5));
  });

  it('refuses a token whose session has passed its end', async () => {
    // The session's end is moved into the past before the token is first used: a session the API has
    // already checked is believed until its own end (or a minute), see identity/session-cache.ts.
    const { token } = await session('hatinh.bcd');
    await t.sql(`UPDATE user_session SET expires_at = now() - interval '1 second' WHERE id = $1`, [decodeJwt(token).sid]);
    await expectRejected(token);
  });

  it('refuses other kinds of Authorization header', async () => {
    const { token } = await session('hatinh.bcd');
    await expectRejected(null, { authorization: `Basic ${Buffer.from(`hatinh.bcd:${DEMO}`).toString('base64')}` });
    await expectRejected(null, { authorization: 'Bearer' });
    await expectRejected(null, { authorization: 'Bearer not-a-token' });
    await expectRejected(null, { authorization: token });
    await expectRejected(null, { authorization: `Bearer ${token} extra` });
    // The scheme is case-insensitive.
    expect(ok(await t.gql(ops.Me, {}, { as: null, headers: { authorization: `bearer ${token}` } })).me.username).toBe('hatinh.bcd');
  });
});

describe('refreshSession', () => {
  it('returns a new access token and a new refresh token; the old refresh token stops working', async () => {
    const first = await session('hatinh.buudien');
    const second = ok(await t.gql(REFRESH, { refreshToken: first.refreshToken }, { as: null })).refreshSession;
    expect(second.user.username).toBe('hatinh.buudien');
    expect(second.refreshToken).not.toBe(first.refreshToken);
    // The session keeps its end: refreshing does not extend the working day.
    expect(second.refreshExpiresAt).toBe(first.refreshExpiresAt);
    expect(Date.parse(second.expiresAt)).toBeGreaterThanOrEqual(Date.parse(first.expiresAt));
    expect(decodeJwt(second.token).sid).toBe(decodeJwt(first.token).sid);
    expect(ok(await me(second.token)).me.username).toBe('hatinh.buudien');

    for (const lang of ['vi', 'en'] as const) {
      const reused = await t.gql(REFRESH, { refreshToken: first.refreshToken }, { as: null, lang });
      expect(reused.data?.refreshSession ?? null).toBeNull();
      expect(expectCode(reused, 'UNAUTHENTICATED').message).toBe(SESSION_OVER[lang]);
    }
    // The new one works once more.
    const third = ok(await t.gql(REFRESH, { refreshToken: second.refreshToken }, { as: null })).refreshSession;
    expect(ok(await me(third.token)).me.username).toBe('hatinh.buudien');
  });

  it('refuses a refresh token nobody was given', async () => {
    expectCode(await t.gql(REFRESH, { refreshToken: randomBytes(32).toString('base64url') }, { as: null }), 'UNAUTHENTICATED');
  });

  it('fails with UNAUTHENTICATED once the session has ended', async () => {
    const s = await session('hatinh.buudien');
    const hash = createHash('sha256').update(s.refreshToken).digest('hex');
    await t.sql(`UPDATE user_session SET expires_at = now() - interval '1 second' WHERE refresh_token_hash = $1`, [hash]);
    expectCode(await t.gql(REFRESH, { refreshToken: s.refreshToken }, { as: null }), 'UNAUTHENTICATED');
    expectCode(await me(s.token), 'UNAUTHENTICATED');
  });
});

describe('signOut', () => {
  async function expectSessionOver(s: { token: string; refreshToken: string }) {
    expectCode(await me(s.token), 'UNAUTHENTICATED');
    expectCode(await t.gql(REFRESH, { refreshToken: s.refreshToken }, { as: null }), 'UNAUTHENTICATED');
  }

  it('with the bearer token ends that session at once, and only that one', async () => {
    const s = await session('hatinh.quay');
    const other = await session('hatinh.quay');
    const { result, entries } = await audited(t, () => t.gql(SIGN_OUT, {}, { token: s.token }));
    expect(ok(result).signOut).toEqual({ ok: true });
    expect(entries).toEqual([expect.objectContaining({ action: 'user.signOut', entityId: s.user.id, actorLabel: 'hatinh.quay' })]);
    await expectSessionOver(s);
    expect(ok(await me(other.token)).me.username).toBe('hatinh.quay');
  });

  it('with only the refresh token (no bearer) ends the session at once', async () => {
    const s = await session('hatinh.quay');
    expect(ok(await t.gql(SIGN_OUT, { refreshToken: s.refreshToken }, { as: null })).signOut).toEqual({ ok: true });
    await expectSessionOver(s);
    // Signing out again with it is refused.
    expectCode(await t.gql(SIGN_OUT, { refreshToken: s.refreshToken }, { as: null }), 'UNAUTHENTICATED');
  });

  it('without a token or a refresh token is UNAUTHENTICATED', async () => {
    expectCode(await t.gql(SIGN_OUT, {}, { as: null }), 'UNAUTHENTICATED');
    expectCode(await t.gql('mutation { signOut { ok } }', {}, { as: null }), 'UNAUTHENTICATED');
  });
});

describe('sign-in throttling', () => {
  it('locks a username from one address after 5 failures there: the 6th attempt, even with the right password, is TOO_MANY_REQUESTS', async () => {
    for (let i = 0; i < 5; i++) expectCode(await signInAttempt('hatinh.bcd', `Wrong${i}pass`), 'UNAUTHENTICATED');
    for (const lang of ['vi', 'en'] as const) {
      const result = await signInAttempt('hatinh.bcd', DEMO, { lang });
      expect(result.data?.signIn ?? null).toBeNull();
      const error = expectCode(result, 'TOO_MANY_REQUESTS');
      const retryAfter = (error.extensions as { retryAfterSeconds?: number }).retryAfterSeconds;
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      expect(error.message).toBe(
        lang === 'vi' ? 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.' : 'Too many failed sign-ins. Try again in 15 minutes.',
      );
    }
    // Whatever the case of the username.
    expectCode(await signInAttempt('HATINH.BCD', DEMO), 'TOO_MANY_REQUESTS');
    // Other users, from the same address, are not affected.
    expect(ok(await signInAttempt('hatinh.buudien', DEMO)).signIn.user.username).toBe('hatinh.buudien');
    // Nor is the same user at another address: the username itself is never locked.
    expect(ok(await signInAttempt('hatinh.bcd', DEMO, { headers: { 'x-forwarded-for': '198.51.100.9' } })).signIn.user.username).toBe('hatinh.bcd');
    expectCode(await signInAttempt('hatinh.bcd', DEMO), 'TOO_MANY_REQUESTS');
    // Once the lock has passed, the right password works again.
    await t.sql(`UPDATE sign_in_throttle SET locked_until = now() - interval '1 second' WHERE key = 'pair:hatinh.bcd|127.0.0.1'`);
    expect(ok(await signInAttempt('hatinh.bcd', DEMO)).signIn.user.username).toBe('hatinh.bcd');
  });

  it('a successful sign-in resets the failures of the username at that address', async () => {
    for (let i = 0; i < 4; i++) expectCode(await signInAttempt('hatinh.stttt', `Wrong${i}pass`), 'UNAUTHENTICATED');
    ok(await signInAttempt('hatinh.stttt', DEMO));
    for (let i = 0; i < 4; i++) expectCode(await signInAttempt('hatinh.stttt', `Wrong${i}pass`), 'UNAUTHENTICATED');
    expect(ok(await signInAttempt('hatinh.stttt', DEMO)).signIn.user.username).toBe('hatinh.stttt');
  });

  it('locks an address after 30 failures across usernames, for every username', async () => {
    const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });
    const attacker = from('203.0.113.30');
    const names = Array.from({ length: 30 }, (_, i) => `nobody.${randomBytes(4).toString('hex')}.${i}`);
    for (let i = 0; i < names.length; i += 10) {
      const batch = await Promise.all(names.slice(i, i + 10).map((name) => signInAttempt(name, 'Wrong1pass', attacker)));
      for (const result of batch) expectCode(result, 'UNAUTHENTICATED');
    }
    // Each of those usernames failed once only: it is the address that is locked.
    const locked = await signInAttempt('hatinh.bcd', DEMO, attacker);
    expect((failure(locked).extensions as { retryAfterSeconds?: number }).retryAfterSeconds).toBeGreaterThan(0);
    expectCode(locked, 'TOO_MANY_REQUESTS');
    expectCode(await signInAttempt(`nobody.${randomBytes(4).toString('hex')}`, 'Wrong1pass', attacker), 'TOO_MANY_REQUESTS');
    // Another address signs the same user in.
    expect(ok(await signInAttempt('hatinh.bcd', DEMO, from('198.51.100.7'))).signIn.user.username).toBe('hatinh.bcd');
    expect(ok(await signInAttempt('hatinh.bcd', DEMO)).signIn.user.username).toBe('hatinh.bcd');
  });
});

describe('user administration', () => {
  it('creates a user who can then sign in, with one audit entry that has no password hash', async () => {
    const input = { username: 'nguyen.van.a', displayName: ' Nguyễn Văn A ', password: 'Matkhau2026', roles: ['POST_OFFICE_MANAGER'], scopeUnitCode: '42', postOfficeId: await postOfficeId('BD-42') };
    const { result, entries } = await audited(t, () => t.gql(CREATE_USER, { input }));
    const user = ok(result).createUser.user;
    expect(user).toMatchObject({
      username: 'nguyen.van.a',
      displayName: 'Nguyễn Văn A',
      roles: ['POST_OFFICE_MANAGER'],
      active: true,
      scope: { code: '42', level: 'PROVINCE' },
      postOffice: { code: 'BD-42' },
    });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'user.create', entityType: 'User', entityId: user.id, actorLabel: 'admin', before: null });
    expect(entries[0].after).toMatchObject({ username: 'nguyen.van.a', active: true });
    expect(entries[0].after).not.toHaveProperty('passwordHash');
    expect(JSON.stringify(entries)).not.toMatch(/argon2|Matkhau2026/);

    const signedIn = await session('nguyen.van.a', 'Matkhau2026');
    expect(ok(await me(signedIn.token)).me).toMatchObject({ username: 'nguyen.van.a', roles: ['POST_OFFICE_MANAGER'], scope: { code: '42' } });
    expect(ok(await t.gql(USERS, { filter: { search: 'nguyen van' } })).users.edges.map((e: any) => e.node.username)).toEqual(['nguyen.van.a']);
  });

  it('creates a national administrator without a scope unit', async () => {
    const user = ok(await t.gql(CREATE_USER, { input: { username: 'quantri.tw', displayName: 'Quản trị trung ương', password: 'Matkhau2026', roles: ['SYSTEM_ADMIN'] } })).createUser.user;
    expect(user).toMatchObject({ roles: ['SYSTEM_ADMIN'], scope: null });
  });

  it('validates the input and names the offending field', async () => {
    const base = { username: 'tran.thi.b', displayName: 'Trần Thị B', password: 'Matkhau2026', roles: ['STEERING_COMMITTEE'], scopeUnitCode: '42' };
    const bd42 = await postOfficeId('BD-42');
    const bd70 = await postOfficeId('BD-70');
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['a username with capitals and spaces', { username: 'Tran Thi B' }, 'username'],
      ['a one-letter username', { username: 'b' }, 'username'],
      ['a password without a digit', { password: 'matkhaumoi' }, 'password'],
      ['a short password', { password: 'ab12' }, 'password'],
      ['a blank display name', { displayName: '   ' }, 'displayName'],
      ['no roles', { roles: [] }, 'roles'],
      ['no scope unit for a non-admin', { scopeUnitCode: null }, 'scopeUnitCode'],
      ['no scope unit for an admin who also has another role', { scopeUnitCode: null, roles: ['SYSTEM_ADMIN', 'STEERING_COMMITTEE'] }, 'scopeUnitCode'],
      ['an unknown scope unit', { scopeUnitCode: '99999' }, 'scopeUnitCode'],
      ['a post office manager without a post office', { roles: ['POST_OFFICE_MANAGER'] }, 'postOfficeId'],
      ['a post office in another province', { roles: ['POST_OFFICE_MANAGER'], postOfficeId: bd70 }, 'postOfficeId'],
      ['a post office for a role that has none', { postOfficeId: bd42 }, 'postOfficeId'],
      ['a counter clerk without a desk', { roles: ['COUNTER_CLERK'] }, 'oneStopDeskId'],
      ['an agency officer without an agency', { roles: ['AGENCY_OFFICER'] }, 'agencyId'],
    ];
    const before = await t.sql('SELECT count(*)::int AS n FROM app_user');
    for (const [label, change, field] of cases) {
      const result = await t.gql(CREATE_USER, { input: { ...base, ...change } }, { lang: 'en' });
      expect({ label, code: failure(result).extensions.code, fields: fieldsOf(result) }).toEqual({ label, code: 'BAD_USER_INPUT', fields: [field] });
    }
    expect(await t.sql('SELECT count(*)::int AS n FROM app_user')).toEqual(before);
    // The field messages speak the request's language.
    const vi = failure(await t.gql(CREATE_USER, { input: { ...base, roles: ['POST_OFFICE_MANAGER'], postOfficeId: bd70 } }));
    expect(vi.extensions.fields).toEqual([{ field: 'postOfficeId', message: 'Nơi làm việc thuộc tỉnh khác.' }]);
  });

  it('refuses a username that is taken with CONFLICT, whatever its case', async () => {
    const input = { displayName: 'Trùng tên', password: 'Matkhau2026', roles: ['STEERING_COMMITTEE'], scopeUnitCode: '42' };
    for (const username of ['hatinh.bcd', 'admin']) {
      const result = await t.gql(CREATE_USER, { input: { ...input, username } });
      expectCode(result, 'CONFLICT');
      expect(fieldsOf(result)).toEqual(['username']);
    }
  });

  it('deactivating a user ends their sessions and stops them signing in', async () => {
    const user = await newUser();
    const s = await session(user.username, user.password);
    const { result, entries } = await audited(t, () => t.gql(DEACTIVATE, { id: user.id }));
    expect(ok(result).deactivateUser.user).toEqual({ id: user.id, username: user.username, active: false });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'user.deactivate', entityId: user.id, before: { active: true }, after: { active: false } });
    expect(entries[0].before).not.toHaveProperty('passwordHash');
    expect(entries[0].after).not.toHaveProperty('passwordHash');

    expect(expectCode(await me(s.token, 'en'), 'UNAUTHENTICATED').message).toBe(SESSION_OVER.en);
    expectCode(await t.gql(REFRESH, { refreshToken: s.refreshToken }, { as: null }), 'UNAUTHENTICATED');
    // The right password is refused exactly like a wrong one.
    expect(failure(await signInAttempt(user.username, user.password))).toEqual(failure(await signInAttempt(user.username, 'Wrong1pass')));
    expect(failure(await signInAttempt(user.username, user.password)).message).toBe(WRONG.vi);

    // Listed only with includeInactive; deactivating again is a CONFLICT.
    const names = async (filter: object) => ok(await t.gql(USERS, { filter })).users.edges.map((e: any) => e.node.username);
    expect(await names({})).not.toContain(user.username);
    expect(await names({ includeInactive: true })).toContain(user.username);
    expectCode(await t.gql(DEACTIVATE, { id: user.id }), 'CONFLICT');
  });

  it('resetting a password ends the sessions; the old password fails and the new one works', async () => {
    const user = await newUser();
    const s = await session(user.username, user.password);
    expectCode(await t.gql(RESET, { id: user.id, password: 'short' }), 'BAD_USER_INPUT');
    const { result, entries } = await audited(t, () => t.gql(RESET, { id: user.id, password: 'MatKhauMoi2026' }));
    expect(ok(result).resetUserPassword.user).toEqual({ id: user.id, username: user.username });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'user.resetPassword', entityId: user.id, actorLabel: 'admin' });
    expect(entries[0].before).not.toHaveProperty('passwordHash');
    expect(entries[0].after).not.toHaveProperty('passwordHash');
    expect(JSON.stringify(entries)).not.toMatch(/argon2|MatKhauMoi2026/);

    expectCode(await me(s.token), 'UNAUTHENTICATED');
    expectCode(await t.gql(REFRESH, { refreshToken: s.refreshToken }, { as: null }), 'UNAUTHENTICATED');
    expectCode(await signInAttempt(user.username, user.password), 'UNAUTHENTICATED');
    expect(ok(await signInAttempt(user.username, 'MatKhauMoi2026')).signIn.user.username).toBe(user.username);
  });

  it('an administrator cannot deactivate themselves', async () => {
    const result = await t.gql(DEACTIVATE, { id: await userId('admin') });
    expectCode(result, 'BAD_USER_INPUT');
    expect(fieldsOf(result)).toEqual(['id']);
    expect(ok(await t.gql(ops.Me)).me.username).toBe('admin');
  });

  it('an unknown or malformed id is NOT_FOUND or BAD_USER_INPUT', async () => {
    expectCode(await t.gql(DEACTIVATE, { id: '00000000-0000-4000-8000-000000000000' }), 'NOT_FOUND');
    expect(fieldsOf(await t.gql(DEACTIVATE, { id: 'not-a-uuid' }))).toEqual(['id']);
  });

  describe('a provincial administrator (hatinh.quantri)', () => {
    const as = 'hatinh.quantri';

    it('sees only the users of their province', async () => {
      const users = ok(await t.gql(USERS, { filter: { includeInactive: true } }, { as })).users;
      const names = users.edges.map((e: any) => e.node.username);
      expect(names).toEqual(expect.arrayContaining(['hatinh.bcd', 'hatinh.buudien', 'hatinh.quay', 'hatinh.stttt', 'hatinh.quantri']));
      expect(names).not.toContain('dongnai.bcd');
      expect(names).not.toContain('binhphuoc.buudien');
      expect(names).not.toContain('admin');
      expect(users.edges.every((e: any) => e.node.scope.code === '42')).toBe(true);
      expect(users.totalCount).toBe(names.length);
    });

    it('cannot change users of province 75 or the national administrator: they do not exist for them', async () => {
      for (const username of ['dongnai.bcd', 'binhphuoc.buudien', 'admin']) {
        const id = await userId(username);
        const { result, entries } = await audited(t, () => t.gql(DEACTIVATE, { id }, { as }));
        expectCode(result, 'NOT_FOUND');
        expect(entries).toEqual([]);
        expectCode(await t.gql(RESET, { id, password: 'Chiem2026quyen' }, { as }), 'NOT_FOUND');
      }
      // Nothing changed: they still sign in with their own password.
      ok(await signInAttempt('dongnai.bcd', DEMO));
    });

    it('cannot create a national user or a user of another province (FORBIDDEN), but can create one of their own', async () => {
      const input = { displayName: 'Người mới', password: 'Matkhau2026' };
      expectCode(await t.gql(CREATE_USER, { input: { ...input, username: 'quantri.quocgia', roles: ['SYSTEM_ADMIN'] } }, { as }), 'FORBIDDEN');
      expectCode(await t.gql(CREATE_USER, { input: { ...input, username: 'dongnai.moi', roles: ['STEERING_COMMITTEE'], scopeUnitCode: '75' } }, { as }), 'FORBIDDEN');
      const created = ok(await t.gql(CREATE_USER, { input: { ...input, username: 'hatinh.moi', roles: ['STEERING_COMMITTEE'], scopeUnitCode: '42' } }, { as })).createUser.user;
      expect(created.scope.code).toBe('42');
      // and deactivate them.
      expect(ok(await t.gql(DEACTIVATE, { id: created.id }, { as })).deactivateUser.user.active).toBe(false);
    });
  });

  it('other roles get FORBIDDEN and the anonymous UNAUTHENTICATED', async () => {
    const input = { username: 'khong.duoc', displayName: 'Không được', password: 'Matkhau2026', roles: ['STEERING_COMMITTEE'], scopeUnitCode: '42' };
    const target = await userId('hatinh.quay');
    for (const as of ['hatinh.bcd', 'hatinh.buudien', 'hatinh.quay', 'hatinh.stttt', 'dongnai.bcd']) {
      expectCode(await t.gql(USERS, {}, { as }), 'FORBIDDEN');
      expectCode(await t.gql(CREATE_USER, { input }, { as }), 'FORBIDDEN');
      expectCode(await t.gql(DEACTIVATE, { id: target }, { as }), 'FORBIDDEN');
      expectCode(await t.gql(RESET, { id: target, password: 'Matkhau2026' }, { as }), 'FORBIDDEN');
    }
    expectCode(await t.gql(USERS, {}, { as: null }), 'UNAUTHENTICATED');
    expectCode(await t.gql(CREATE_USER, { input }, { as: null }), 'UNAUTHENTICATED');
    expect(await t.sql('SELECT 1 FROM app_user WHERE username = $1', ['khong.duoc'])).toEqual([]);
  });
});
