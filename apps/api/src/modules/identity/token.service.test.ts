import type { DataSource } from 'typeorm';
import { TokenService } from './token.service';

// Verified tokens are remembered (a signed-in page sends the same one for 15 minutes); what is
// remembered must never outlive the token nor let an altered string through.
describe('access token verification', () => {
  const claims = { userId: '6f1d2c1e-1111-4a4a-9b9b-000000000001', sessionId: '6f1d2c1e-2222-4a4a-9b9b-000000000002' };
  let tokens: TokenService;

  beforeEach(() => {
    process.env.OSP_JWT_SECRET = 'a-test-secret-of-at-least-thirty-two-characters';
    tokens = new TokenService({} as DataSource);
  });
  afterEach(() => {
    delete process.env.OSP_JWT_SECRET;
    jest.restoreAllMocks();
  });

  it('answers the same claims for the same token, and none once it has expired', async () => {
    const { token, expiresAt } = await tokens.issueAccessToken(claims);
    expect(await tokens.verifyAccessToken(token)).toEqual(claims);
    expect(await tokens.verifyAccessToken(token)).toEqual(claims);
    jest.spyOn(Date, 'now').mockReturnValue(expiresAt.getTime() + 1000);
    expect(await tokens.verifyAccessToken(token)).toBeNull();
  });

  it('refuses an altered token even after the genuine one was verified', async () => {
    const { token } = await tokens.issueAccessToken(claims);
    expect(await tokens.verifyAccessToken(token)).toEqual(claims);
    const [header, payload, signature] = token.split('.');
    const flipped = signature.slice(0, -2) + (signature.at(-2) === 'A' ? 'B' : 'A') + signature.at(-1);
    expect(await tokens.verifyAccessToken(`${header}.${payload}.${flipped}`)).toBeNull();
    const otherUser = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: 'someone-else' })).toString('base64url');
    expect(await tokens.verifyAccessToken(`${header}.${otherUser}.${signature}`)).toBeNull();
  });

  it('refuses a token signed with another secret', async () => {
    const { token } = await tokens.issueAccessToken(claims);
    process.env.OSP_JWT_SECRET = 'another-secret-of-at-least-thirty-two-characters!';
    expect(await new TokenService({} as DataSource).verifyAccessToken(token)).toBeNull();
  });
});

// A portal's client token and a user's access token are signed with the same key: each check must
// refuse the other kind.
describe('client tokens', () => {
  let tokens: TokenService;

  beforeEach(() => {
    process.env.OSP_JWT_SECRET = 'a-test-secret-of-at-least-thirty-two-characters';
    tokens = new TokenService({} as DataSource);
  });
  afterEach(() => {
    delete process.env.OSP_JWT_SECRET;
  });

  it('are not users’ access tokens, nor the reverse, and live at most an hour', async () => {
    const client = { apiClientId: '6f1d2c1e-3333-4a4a-9b9b-000000000003', scopes: ['SUBMIT_DOSSIERS'] };
    const user = { userId: '6f1d2c1e-1111-4a4a-9b9b-000000000001', sessionId: '6f1d2c1e-2222-4a4a-9b9b-000000000002' };
    const { token: clientToken, expiresAt } = await tokens.issueClientToken(client);
    const { token: userToken } = await tokens.issueAccessToken(user);
    expect(await tokens.verifyClientToken(clientToken)).toEqual(client);
    expect(await tokens.verifyAccessToken(clientToken)).toBeNull();
    expect(await tokens.verifyAccessToken(userToken)).toEqual(user);
    expect(await tokens.verifyClientToken(userToken)).toBeNull();
    expect(TokenService.isClientToken(clientToken)).toBe(true);
    expect(TokenService.isClientToken(userToken)).toBe(false);
    expect(TokenService.isClientToken('not.a-token')).toBe(false);
    expect(expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 3600_000);
  });
});
