import { createHash, randomBytes } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { DataSource } from 'typeorm';
import { Injectable } from '../../platform/container';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
/** "Stay signed in for a working day" without keeping the password. */
export const SESSION_TTL_SECONDS = 10 * 60 * 60;
const ISSUER = 'one-stop-post';
/** Verified tokens remembered (bounded; each until its own expiry): see `verifyAccessToken`. */
const VERIFIED_CAPACITY = 10_000;

export interface AccessClaims {
  userId: string;
  sessionId: string;
}

/**
 * Short-lived access tokens (HS256 JWT with the user and session ids) and opaque refresh tokens.
 * The signing secret is OSP_JWT_SECRET, or else one generated once and kept in the database, so
 * every instance of the API signs and verifies with the same key.
 */
@Injectable()
export class TokenService {
  private key: Promise<Uint8Array> | null = null;
  /** token → its claims and expiry (ms), oldest first (Map order). */
  private readonly verified = new Map<string, AccessClaims & { expiresAtMs: number }>();

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

  /** The claims of a valid, unexpired token of ours; null for anything else. */
  /**
   * The signature of a token string is checked once: the same string again (every request of a signed-in
   * admin page carries it for 15 minutes) is answered from memory until the token's own expiry. Only
   * the exact string verified is remembered, so nothing forged or altered can hit; whether the session is
   * still open is not decided here but by the session check on every request (session-cache.ts).
   */
  async verifyAccessToken(token: string): Promise<AccessClaims | null> {
    const known = this.verified.get(token);
    if (known) {
      if (known.expiresAtMs > Date.now()) return { userId: known.userId, sessionId: known.sessionId };
      this.verified.delete(token);
      return null;
    }
    try {
      const { payload } = await jwtVerify(token, await this.secret(), { issuer: ISSUER, algorithms: ['HS256'] });
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string' || typeof payload.exp !== 'number') return null;
      if (this.verified.size >= VERIFIED_CAPACITY) this.verified.delete(this.verified.keys().next().value as string);
      this.verified.set(token, { userId: payload.sub, sessionId: payload.sid, expiresAtMs: payload.exp * 1000 });
      return { userId: payload.sub, sessionId: payload.sid };
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
