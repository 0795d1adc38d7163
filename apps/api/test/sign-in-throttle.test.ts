/**
 * Sign-in throttling stops attackers, not users: per username and address (locked after 5 failures),
 * per address (locked after 30), and per username from every address (never locked: slowed down, except
 * for the addresses the user signed in from before). And the address is the socket's unless the
 * request came through a proxy named in OSP_TRUST_PROXY.
 */
import { throttleAddress, userDelaySeconds } from '../src/modules/identity/throttle.service';
import { trustProxyFrom } from '../src/platform/config';
import { failure, ok, startTestApp, type GraphQLResult, type TestApp } from './harness';

const DEMO = 'Demo@2026';
const USER = 'hatinh.bcd';
const SIGN_IN = 'mutation SignIn($username: String!, $password: String!) { signIn(input: { username: $username, password: $password }) { token user { username } } }';

let t: TestApp;

const from = (ip: string) => ({ 'x-forwarded-for': ip });
const attempt = (username: string, password: string, headers: Record<string, string> = {}, lang = 'vi') =>
  t.gql(SIGN_IN, { username, password }, { as: null, headers, lang });
const signedIn = async (result: Promise<GraphQLResult>) => ok(await result).signIn.user.username as string;

function code(result: GraphQLResult): string {
  return failure(result).extensions.code;
}

/** TOO_MANY_REQUESTS, and how long it asks to wait. */
function refused(result: GraphQLResult): number {
  const error = failure(result);
  expect(error.extensions.code).toBe('TOO_MANY_REQUESTS');
  const seconds = (error.extensions as { retryAfterSeconds?: number }).retryAfterSeconds as number;
  expect(Number.isInteger(seconds)).toBe(true);
  expect(seconds).toBeGreaterThan(0);
  return seconds;
}

/** The username-wide counter: its failures, and the delay set by its last failure (seconds). */
async function userCounter(username: string): Promise<{ failures: number; delay: number | null }> {
  const [row] = await t.sql(
    `SELECT failures, extract(epoch FROM locked_until - last_failure_at)::float8 AS delay FROM sign_in_throttle WHERE key = $1`,
    [`user:${username}`],
  );
  return row ?? { failures: 0, delay: null };
}

/** Lets the delay of a slowed-down username pass, without waiting for it. */
const delayPassed = (username: string) => t.sql(`UPDATE sign_in_throttle SET locked_until = now() - interval '1 second' WHERE key = $1`, [`user:${username}`]);

/** The username-wide counter as `failures` failures from many addresses, the last one just now, leave it (by SQL: fast). */
const underAttack = (username: string, failures: number) =>
  t.sql(
    `INSERT INTO sign_in_throttle (key, failures, window_started_at, last_failure_at, locked_until)
     VALUES ($1, $2, now(), now(), now() + make_interval(secs => $3))
     ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, window_started_at = now(), last_failure_at = now(), locked_until = excluded.locked_until`,
    [`user:${username}`, failures, userDelaySeconds(failures)],
  );

let nextAddress = 0;
/** Addresses of a botnet: a new one at every call. */
const stranger = () => from(`203.0.113.${++nextAddress % 250}`);

/**
 * `count` wrong passwords for `username`, each from a new address, letting each delay pass first
 * (a patient attacker with many addresses): every one is checked and fails.
 */
async function distributedGuesses(username: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await delayPassed(username);
    expect(code(await attempt(username, `Guess${i}word`, stranger()))).toBe('UNAUTHENTICATED');
  }
}

describe('configuration', () => {
  it('reads OSP_TRUST_PROXY in Express `trust proxy` syntax, trusting no one by default', () => {
    expect(trustProxyFrom(undefined)).toBe(false);
    expect(trustProxyFrom('')).toBe(false);
    expect(trustProxyFrom('false')).toBe(false);
    expect(trustProxyFrom('0')).toBe(false);
    expect(trustProxyFrom('2')).toBe(2);
    expect(trustProxyFrom('loopback')).toEqual(['loopback']);
    expect(trustProxyFrom(' loopback, 10.0.0.0/8 ,192.168.1.7, fd00::/8, 172.16.0.0/255.240.0.0')).toEqual([
      'loopback',
      '10.0.0.0/8',
      '192.168.1.7',
      'fd00::/8',
      '172.16.0.0/255.240.0.0',
    ]);
    for (const wrong of ['true', 'proxy.example.org', '10.0.0.0/33', '10.0.0.1/8/8', 'loopback,nonsense']) {
      expect(() => trustProxyFrom(wrong)).toThrow(/OSP_TRUST_PROXY/);
    }
  });

  it('counts an IPv4 address as is and an IPv6 address by its /64', () => {
    expect(throttleAddress('127.0.0.1')).toBe('127.0.0.1');
    expect(throttleAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(throttleAddress('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(throttleAddress('2001:0DB8:0001:0002::99')).toBe('2001:db8:1:2::/64');
    expect(throttleAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(throttleAddress('::1')).toBe('0:0:0:0::/64');
    expect(throttleAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(throttleAddress('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
    expect(throttleAddress(null)).toBeNull();
  });

  it('spaces attempts on a username out by 1, 2, 4 … seconds past 10 failures, at most 60', () => {
    expect([0, 9, 10, 11, 12, 13, 14, 15, 16, 17, 500].map(userDelaySeconds)).toEqual([0, 0, 1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });
});

describe('behind a named proxy (OSP_TRUST_PROXY=loopback: X-Forwarded-For stands in for many addresses)', () => {
  beforeAll(async () => {
    t = await startTestApp({ env: { OSP_TRUST_PROXY: 'loopback' } });
  });
  afterAll(() => t.close());
  beforeEach(() => t.sql('DELETE FROM sign_in_throttle; DELETE FROM sign_in_known_address'));

  const home = from('192.0.2.10');

  it('a brute force from many addresses is slowed down, never locked, and the rightful user still gets in from their known address', async () => {
    expect(await signedIn(attempt(USER, DEMO, home))).toBe(USER);
    // Failures from many addresses (the first six set by SQL, to save the time of checking passwords)
    // pass one after the other up to the tenth ...
    await underAttack(USER, 6);
    for (let i = 0; i < 4; i++) expect(code(await attempt(USER, `Guess${i}word`, stranger()))).toBe('UNAUTHENTICATED');
    expect(await userCounter(USER)).toEqual({ failures: 10, delay: 1 });
    // ... and from then on each failure makes the next attempt from an unknown address wait twice as long, up to 60 s.
    await distributedGuesses(USER, 1);
    expect(await userCounter(USER)).toEqual({ failures: 11, delay: 2 });
    await distributedGuesses(USER, 1);
    expect(await userCounter(USER)).toEqual({ failures: 12, delay: 4 });
    await underAttack(USER, 15);
    await distributedGuesses(USER, 1);
    expect(await userCounter(USER)).toEqual({ failures: 16, delay: 60 });
    await underAttack(USER, 40);
    await distributedGuesses(USER, 1);
    expect(await userCounter(USER)).toEqual({ failures: 41, delay: 60 });
    // Inside the delay, the right password from a new address is refused too, with the wait, in both languages.
    for (const lang of ['vi', 'en']) {
      const result = await attempt(USER, DEMO, stranger(), lang);
      const seconds = refused(result);
      expect(seconds).toBeLessThanOrEqual(60);
      expect(seconds).toBeGreaterThan(45);
      expect(failure(result).message).toBe(
        lang === 'vi'
          ? `Tài khoản này có quá nhiều lần đăng nhập sai. Vui lòng thử lại sau ${seconds} giây.`
          : `Too many failed sign-ins to this account. Try again in ${seconds} seconds.`,
      );
    }
    // The rightful user, from the address they signed in from before, is not slowed: a typo is just a typo.
    expect(code(await attempt(USER, 'Demo@2025', home))).toBe('UNAUTHENTICATED');
    expect(await signedIn(attempt(USER, DEMO, home))).toBe(USER);
    // Their success does not clear what the other addresses did: the attack stays slow.
    expect((await userCounter(USER)).failures).toBe(42);
    refused(await attempt(USER, 'Guess99word', stranger()));
    // Nothing is locked: no pair of username and address and no address reached its limit.
    expect(await t.sql(`SELECT key FROM sign_in_throttle WHERE key NOT LIKE 'user:%' AND locked_until > now()`)).toEqual([]);
  });

  it('slows down, does not block: past the delay a new address gets in with the right password, and is known from then on', async () => {
    await underAttack(USER, 20);
    refused(await attempt(USER, DEMO, stranger()));
    await delayPassed(USER);
    const laptop = from('192.0.2.77');
    expect(await signedIn(attempt(USER, DEMO, laptop))).toBe(USER);
    // That attempt took the slot: the next stranger waits again ...
    refused(await attempt(USER, 'Guess99word', stranger()));
    // ... while the laptop's address is now known, and exempt.
    expect(await signedIn(attempt(USER, DEMO, laptop))).toBe(USER);
    expect((await userCounter(USER)).failures).toBe(20);
  });

  it('a brute force from one address locks that address out of the username after 5 failures, and only it', async () => {
    expect(await signedIn(attempt(USER, DEMO, home))).toBe(USER);
    const attacker = from('198.51.100.66');
    for (let i = 0; i < 5; i++) expect(code(await attempt(USER, `Guess${i}word`, attacker))).toBe('UNAUTHENTICATED');
    for (const lang of ['vi', 'en']) {
      const result = await attempt(USER, DEMO, attacker, lang);
      const seconds = refused(result);
      expect(seconds).toBeGreaterThan(14 * 60);
      expect(seconds).toBeLessThanOrEqual(15 * 60);
      expect(failure(result).message).toBe(
        lang === 'vi' ? 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.' : 'Too many failed sign-ins. Try again in 15 minutes.',
      );
    }
    // The rightful user, and a new address, still get in; the attacker's address may try other usernames.
    expect(await signedIn(attempt(USER, DEMO, home))).toBe(USER);
    expect(await signedIn(attempt(USER, DEMO, from('198.51.100.67')))).toBe(USER);
    expect(await signedIn(attempt('hatinh.quay', DEMO, attacker))).toBe('hatinh.quay');
  });

  it('an IPv6 attacker gets no fresh budget from the other addresses of its /64', async () => {
    // Four failures from 2001:db8:7:8::1 … ::4 (set by SQL, to save the time of checking passwords), the fifth from ::5.
    await t.sql(`INSERT INTO sign_in_throttle (key, failures, window_started_at) VALUES ('pair:hatinh.quay|2001:db8:7:8::/64', 4, now())`);
    expect(code(await attempt('hatinh.quay', 'Guess5word', from('2001:db8:7:8::5')))).toBe('UNAUTHENTICATED');
    refused(await attempt('hatinh.quay', DEMO, from('2001:db8:7:8:ffff::1')));
    expect(await signedIn(attempt('hatinh.quay', DEMO, from('2001:db8:7:9::1')))).toBe('hatinh.quay');
  });

  it('counts a username nobody has like any other (no hint that it does not exist)', async () => {
    await underAttack('no.such.person', 8);
    for (let i = 0; i < 3; i++) {
      await delayPassed('no.such.person');
      expect(code(await attempt('no.such.person', `Guess${i}word`, stranger()))).toBe('UNAUTHENTICATED');
    }
    expect(await userCounter('no.such.person')).toEqual({ failures: 11, delay: 2 });
    refused(await attempt('no.such.person', DEMO, stranger()));
  });

  it('lets a burst of concurrent guesses through one per slot, and five per address', async () => {
    // Twelve guesses at once from twelve addresses when the slot opens: one is checked, the others wait.
    await underAttack(USER, 16);
    await delayPassed(USER);
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => attempt(USER, `Burst${i}word`, stranger())));
    expect(burst.map(code).sort()).toEqual([...Array(11).fill('TOO_MANY_REQUESTS'), 'UNAUTHENTICATED']);
    // Twelve at once from one address: five are checked, and the pair is locked.
    const attacker = from('198.51.100.99');
    const fromOne = await Promise.all(Array.from({ length: 12 }, (_, i) => attempt('hatinh.quay', `Burst${i}word`, attacker)));
    expect(fromOne.map(code).sort()).toEqual([...Array(7).fill('TOO_MANY_REQUESTS'), ...Array(5).fill('UNAUTHENTICATED')]);
  });

  it('forgets the username-wide failures after 15 minutes without one', async () => {
    await underAttack(USER, 16);
    refused(await attempt(USER, DEMO, stranger()));
    await t.sql(
      `UPDATE sign_in_throttle SET window_started_at = window_started_at - interval '16 minutes', last_failure_at = last_failure_at - interval '16 minutes',
              locked_until = locked_until - interval '16 minutes'`,
    );
    expect(await signedIn(attempt(USER, DEMO, stranger()))).toBe(USER);
    expect((await userCounter(USER)).failures).toBe(0);
  });

  it('an address stops being known 30 days after its last successful sign-in', async () => {
    expect(await signedIn(attempt(USER, DEMO, home))).toBe(USER);
    await underAttack(USER, 14);
    expect(await signedIn(attempt(USER, DEMO, home))).toBe(USER);
    await t.sql(`UPDATE sign_in_known_address SET last_success_at = now() - interval '31 days'`);
    refused(await attempt(USER, DEMO, home));
  });
});

describe('under the default configuration (no proxy named)', () => {
  beforeAll(async () => {
    // Unset is the default; set empty here so that an OSP_TRUST_PROXY of the shell cannot leak in.
    t = await startTestApp({ env: { OSP_TRUST_PROXY: '' } });
  });
  afterAll(() => t.close());
  beforeEach(() => t.sql('DELETE FROM sign_in_throttle'));

  it('ignores X-Forwarded-For: the session records the real address', async () => {
    const result = ok(await attempt(USER, DEMO, from('198.51.100.1'))).signIn;
    const [session] = await t.sql(`SELECT ip FROM user_session WHERE user_id = (SELECT id FROM app_user WHERE username = $1) ORDER BY created_at DESC LIMIT 1`, [USER]);
    expect(session.ip).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    expect(result.user.username).toBe(USER);
    expect(await t.sql('SELECT address FROM sign_in_known_address')).toEqual([{ address: '127.0.0.1' }]);
  });

  it('a forged X-Forwarded-For buys no fresh budget: the locks apply to 127.0.0.1 whatever the header says', async () => {
    // Five failures on one username, each "from" another address, lock the pair with the real address.
    for (let i = 0; i < 5; i++) expect(code(await attempt('hatinh.quay', `Guess${i}word`, from(`203.0.113.${i + 1}`)))).toBe('UNAUTHENTICATED');
    refused(await attempt('hatinh.quay', DEMO, from('203.0.113.200')));
    expect(await signedIn(attempt(USER, DEMO, from('203.0.113.201')))).toBe(USER);
    const counters = async () =>
      (await t.sql<{ key: string; failures: number }>(`SELECT key, failures FROM sign_in_throttle WHERE key NOT LIKE 'user:%'`)).sort((a, b) => (a.key < b.key ? -1 : 1));
    expect(await counters()).toEqual([
      { key: 'ip:127.0.0.1', failures: 5 },
      { key: 'pair:hatinh.quay|127.0.0.1', failures: 5 },
    ]);
    // The address's thirtieth failure (its count moved on by SQL) locks 127.0.0.1, whatever each request claims.
    await t.sql(`UPDATE sign_in_throttle SET failures = 29 WHERE key = 'ip:127.0.0.1'`);
    expect(code(await attempt('nobody.1', 'Guess1word', from('198.51.100.1')))).toBe('UNAUTHENTICATED');
    expect(refused(await attempt(USER, DEMO, from('192.0.2.1')))).toBeGreaterThan(14 * 60);
    expect(refused(await attempt(USER, DEMO))).toBeGreaterThan(14 * 60);
    expect(await counters()).toEqual([
      { key: 'ip:127.0.0.1', failures: 30 },
      { key: 'pair:hatinh.quay|127.0.0.1', failures: 5 },
      { key: 'pair:nobody.1|127.0.0.1', failures: 1 },
    ]);
  });
});
