import { createHash, randomBytes } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { DataSource } from 'typeorm';
import { Injectable } from '../../platform/container';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
/** "Stay signed in for a working day" without keeping the password. */
export const SESSION_TTL_SECONDS = 10 * 60 * 60;
/** A portal's client token (issueClientToken) lives at most this long. */
export const CLIENT_TOKEN_TTL_SECONDS = 60 * 60;
const ISSUER = 'one-stop-post';
/**
 * The audience of client tokens. A user's access token has none and a client token always has it:
 * `verifyAccessToken` refuses a client token and `verifyClientToken` a user's, so neither is ever
 * taken for the other.
 */
const CLIENT_AUDIENCE = 'osp-client';
/** Verified tokens remembered (bounded; each until its own expiry): see `verifyAccessToken`. */
const VERIFIED_CAPACITY = 10_000;

export interface AccessClaims {
  userId: string;
  sessionId: string;
}

export interface ClientClaims {
  /** The ApiClient's id (not its public clientId). */
  apiClientId: string;
  scopes: string[];
}

type Verified = ({ kind: 'user' } & AccessClaims) | ({ kind: 'client' } & ClientClaims);

/**
 * Short-lived access tokens (HS256 JWT with the user and session ids), portals' client tokens (the
 * same, with the ApiClient's id, its scopes and an audience of their own) and opaque refresh tokens.
 * The signing secret is OSP_JWT_SECRET, or else one generated once and kept in the database, so
 * every instance of the API signs and verifies with the same key.
 */
@Injectable()
export class TokenService {
  private key: Promise<Uint8Array> | null = null;
  /** token → its claims and expiry (ms), oldest first (Map order). */
  private readonly verified = new Map<string, Verified & { expiresAtMs: number }>();

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Reads (or creates) the signing secret. Called at start-up: reading it later, inside a sign-in
   * transaction, would wait for a second connection that a one-connection pool never has.
   */
  async init(): Promise<void> {
    await this.secret();
  }

  private secret(): Promise<Uint8Array> {
    this.key ??= (async () => {
      const fromEnv = process.env.OSP_JWT_SECRET;
      if (fromEnv) {
        if (fromEnv.length < 32) throw new Error('OSP_JWT_SECRET must be at least 32 characters');
        return new TextEncoder().encode(fromEnv);
      }
      await this.dataSource.query(`INSERT INTO app_meta (key, value) VALUES ('jwt_secret', to_jsonb($1::text)) ON CONFLICT (key) DO NOTHING`, [
        randomBytes(48).toString('base64url'),
      ]);
      const [row] = await this.dataSource.query(`SELECT value #>> '{}' AS secret FROM app_meta WHERE key = 'jwt_secret'`);
      return new TextEncoder().encode(row.secret);
    })();
    return this.key;
  }

  async issueAccessToken(claims: AccessClaims): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(Math.floor(Date.now() / 1000 + ACCESS_TOKEN_TTL_SECONDS) * 1000);
    const token = await new SignJWT({ sid: claims.sessionId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(await this.secret());
    return { token, expiresAt };
  }

  /** A portal's client token: at most an hour, its scopes inside; whether the client is still valid is checked on every request (ApiClientService.authenticate). */
  async issueClientToken(claims: ClientClaims): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(Math.floor(Date.now() / 1000 + CLIENT_TOKEN_TTL_SECONDS) * 1000);
    const token = await new SignJWT({ scp: claims.scopes })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.apiClientId)
      .setIssuer(ISSUER)
      .setAudience(CLIENT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(await this.secret());
    return { token, expiresAt };
  }

  /** The claims of a valid, unexpired user access token of ours; null for anything else (a client token too). */
  /**
   * The signature of a token string is checked once: the same string again (every request of a signed-in
   * admin page carries it for 15 minutes) is answered from memory until the token's own expiry. Only
   * the exact string verified is remembered, so nothing forged or altered can hit; whether the session is
   * still open is not decided here but by the session check on every request (session-cache.ts).
   */
  async verifyAccessToken(token: string): Promise<AccessClaims | null> {
    const claims = await this.verify(token);
    return claims?.kind === 'user' ? { userId: claims.userId, sessionId: claims.sessionId } : null;
  }

  /** The claims of a valid, unexpired client token of ours; null for anything else (a user's token too). */
  async verifyClientToken(token: string): Promise<ClientClaims | null> {
    const claims = await this.verify(token);
    return claims?.kind === 'client' ? { apiClientId: claims.apiClientId, scopes: claims.scopes } : null;
  }

  /** Whether a bearer token is a client token (by its claims, unverified: only to choose which check to run). */
  static isClientToken(token: string): boolean {
    try {
      const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
      return payload?.aud === CLIENT_AUDIENCE;
    } catch {
      return false;
    }
  }

  private async verify(token: string): Promise<Verified | null> {
    const known = this.verified.get(token);
    if (known) {
      if (known.expiresAtMs > Date.now()) return known;
      this.verified.delete(token);
      return null;
    }
    try {
      const { payload } = await jwtVerify(token, await this.secret(), { issuer: ISSUER, algorithms: ['HS256'] });
      if (typeof payload.sub !== 'string' || typeof payload.exp !== 'number') return null;
      let claims: Verified;
      if (payload.aud === undefined && typeof payload.sid === 'string') claims = { kind: 'user', userId: payload.sub, sessionId: payload.sid };
      else if (payload.aud === CLIENT_AUDIENCE && Array.isArray(payload.scp) && payload.scp.every((s) => typeof s === 'string')) {
        claims = { kind: 'client', apiClientId: payload.sub, scopes: payload.scp as string[] };
      } else return null;
      if (this.verified.size >= VERIFIED_CAPACITY) this.verified.delete(this.verified.keys().next().value as string);
      this.verified.set(token, { ...claims, expiresAtMs: payload.exp * 1000 });
      return claims;
    } catch {
      return null;
    }
  }

  newRefreshToken(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: hashRefreshToken(token) };
  }
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
