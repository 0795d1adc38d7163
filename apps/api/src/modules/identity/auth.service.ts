import { DataSource } from 'typeorm';
import { unauthenticated } from '../../platform/authz';
import { Injectable } from '../../platform/container';
import { AppError } from '../../platform/errors';
import { ANONYMOUS, type Actor } from '../../platform/graphql/context';
import { AuditService } from '../audit/audit.service';
import { recordsFromRows } from '../../platform/database/rows';
import { hashSecret, verifySecret } from './password';
import { SessionCache } from './session-cache';
import { ThrottleService } from './throttle.service';
import { hashRefreshToken, SESSION_TTL_SECONDS, TokenService } from './token.service';
import { User } from './user.entity';
import { UserSession } from './user-session.entity';

export interface SignedIn {
  token: string;
  expiresAt: Date;
  refreshToken: string;
  refreshExpiresAt: Date;
  user: User;
}

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

const WRONG_CREDENTIALS = { vi: 'Sai tên đăng nhập hoặc mật khẩu.', en: 'Wrong username or password.' };
const SESSION_OVER = { vi: 'Phiên làm việc đã hết. Vui lòng đăng nhập lại.', en: 'Your session has ended. Please sign in again.' };

export function actorOf(user: User, sessionId: string | null): Actor {
  return {
    kind: 'user',
    id: user.id,
    label: user.username,
    roles: user.roles,
    provinceId: user.provinceId,
    scopeUnitId: user.scopeUnitId,
    postOfficeId: user.postOfficeId,
    oneStopDeskId: user.oneStopDeskId,
    agencyId: user.agencyId,
    sessionId,
    client: null,
  };
}

/** Signing in and out, sessions, and turning a request's bearer token into an actor. */
@Injectable()
export class AuthService {
  /** Verified against when the username is unknown, so both failures take the same time. */
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly throttle: ThrottleService,
    private readonly audit: AuditService,
    private readonly sessions: SessionCache,
  ) {}

  async signIn(username: string, password: string, client: ClientInfo): Promise<SignedIn> {
    const attempt = await this.throttle.admit(ThrottleService.keys(username, client.ip));
    const user = await this.dataSource.getRepository(User).findOneBy({ username: username.trim().toLowerCase() });
    this.dummyHash ??= hashSecret('not a password of anyone');
    const ok = await verifySecret(user?.passwordHash ?? (await this.dummyHash), password);
    if (!user || !ok || !user.active) {
      await this.throttle.recordFailure(attempt);
      throw new AppError('UNAUTHENTICATED', WRONG_CREDENTIALS);
    }
    return this.dataSource.transaction(async (m) => {
      await this.throttle.recordSuccess(m, attempt, user.id);
      const refresh = this.tokens.newRefreshToken();
      const session = m.getRepository(UserSession).create({
        userId: user.id,
        refreshTokenHash: refresh.hash,
        expiresAt: new Date(Date.now() + SESSION_TTL_SECONDS * 1000),
        revokedAt: null,
        lastUsedAt: new Date(),
        ip: client.ip,
        userAgent: client.userAgent?.slice(0, 300) ?? null,
      });
      await m.getRepository(UserSession).insert(session);
      const actor = actorOf(user, session.id);
      await this.audit.record(m, actor, { action: 'user.signIn', entityType: 'User', entityId: user.id, provinceId: user.provinceId });
      const access = await this.tokens.issueAccessToken({ userId: user.id, sessionId: session.id });
      return { ...access, refreshToken: refresh.token, refreshExpiresAt: session.expiresAt, user };
    });
  }

  /** A new access token (and a new refresh token: the old one stops working) within the session's working day. */
  async refresh(refreshToken: string): Promise<SignedIn> {
    return this.dataSource.transaction(async (m) => {
      const session = await m
        .getRepository(UserSession)
        .createQueryBuilder('s')
        .setLock('pessimistic_write')
        .where('s.refresh_token_hash = :hash', { hash: hashRefreshToken(refreshToken) })
        .getOne();
      if (!session || session.revokedAt || session.expiresAt <= new Date()) throw new AppError('UNAUTHENTICATED', SESSION_OVER);
      const user = await m.getRepository(User).findOneBy({ id: session.userId });
      if (!user?.active) throw new AppError('UNAUTHENTICATED', SESSION_OVER);
      const refresh = this.tokens.newRefreshToken();
      await m.getRepository(UserSession).update({ id: session.id }, { refreshTokenHash: refresh.hash, lastUsedAt: new Date() });
      const access = await this.tokens.issueAccessToken({ userId: user.id, sessionId: session.id });
      return { ...access, refreshToken: refresh.token, refreshExpiresAt: session.expiresAt, user };
    });
  }

  /** Ends a session (the refresh token's, else the actor's): its access and refresh tokens stop working at once. */
  async signOut(actor: Actor, refreshToken: string | null): Promise<void> {
    let ended: string | null = null;
    await this.dataSource.transaction(async (m) => {
      const sessions = m.getRepository(UserSession);
      const session = refreshToken
        ? await sessions.findOneBy({ refreshTokenHash: hashRefreshToken(refreshToken) })
        : actor.kind === 'user' && actor.sessionId
          ? await sessions.findOneBy({ id: actor.sessionId })
          : null;
      if (!session || session.revokedAt) throw unauthenticated();
      await sessions.update({ id: session.id }, { revokedAt: new Date() });
      await this.sessions.ended(m, { sessionId: session.id });
      ended = session.id;
      const user = await m.getRepository(User).findOneByOrFail({ id: session.userId });
      await this.audit.record(m, actorOf(user, session.id), { action: 'user.signOut', entityType: 'User', entityId: user.id, provinceId: user.provinceId });
    });
    if (ended) this.sessions.evict({ sessionId: ended });
  }

  /**
   * The actor behind an `Authorization` header: anonymous without one; UNAUTHENTICATED for a token
   * that is malformed, expired, of an ended session or of a deactivated user. One statement, or none
   * while the session cache (session-cache.ts) holds the session.
   */
  async authenticate(authorization: string | undefined): Promise<Actor> {
    if (!authorization) return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    const claims = match ? await this.tokens.verifyAccessToken(match[1]) : null;
    if (!claims) throw new AppError('UNAUTHENTICATED', SESSION_OVER);
    const cached = this.sessions.get(claims.sessionId);
    if (cached && cached.id === claims.userId) return cached;
    const rows: Array<Record<string, unknown> & { session_expires_at: Date }> = await this.dataSource.query(
      `SELECT u.*, s.expires_at AS session_expires_at FROM app_user u
         JOIN user_session s ON s.user_id = u.id AND s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
        WHERE u.id = $2 AND u.active`,
      [claims.sessionId, claims.userId],
    );
    if (!rows.length) throw new AppError('UNAUTHENTICATED', SESSION_OVER);
    const [user] = recordsFromRows(this.dataSource, User, rows);
    const actor = actorOf(user, claims.sessionId);
    this.sessions.put(claims.sessionId, actor, rows[0].session_expires_at);
    return actor;
  }

}
