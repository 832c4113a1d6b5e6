import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit/audit-log.service';
import { type Role, RoleAssignment } from '@app/directory/entities/role-assignment.entity';
import { displayNameOf, User } from '@app/directory/entities/user.entity';
import { AppConfig } from '@app/platform/config/app-config';
import { DomainError } from '@app/platform/errors';
import type { RequestMeta } from '@app/platform/http/request-context';
import { Clock } from '@app/platform/time/clock';
import type { Actor } from './actor';
import { AuthErrorCode, authError } from './auth-errors';
import { AuthSession } from './entities/auth-session.entity';
import { PasswordService, personalWords } from './passwords/password.service';
import { SessionEvents } from './session-events';
import { LoginThrottle } from './throttle/login-throttle.service';
import { TokenService } from './tokens/token.service';

export interface IssuedTokens {
  userId: string;
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export type SessionEndReason = 'logout' | 'refresh-reuse' | 'password-changed' | 'password-reset' | 'deactivated';

export const normalizeUsername = (u: string) => u.trim().toLowerCase();

@Injectable()
export class AuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditLog,
    private readonly sessionEvents: SessionEvents,
    private readonly clock: Clock,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string, meta: RequestMeta): Promise<IssuedTokens> {
    const name = normalizeUsername(username);
    const attempt = { username: name, ip: meta.ip };
    await this.throttle.consume(attempt);
    const em = this.em.fork();
    const user = await em.findOne(User, { username: name }, { populate: ['passwordHash'] });
    const ok = (await this.passwords.verify(user?.passwordHash, password)) && user?.active === true;
    const now = this.clock.now();
    if (!user || !ok) {
      this.audit.record(em, now, {
        actorId: user?.id,
        action: 'auth.login_failed',
        objectType: 'user',
        objectId: user?.id,
        ip: meta.ip,
        requestId: meta.requestId,
        details: user ? { reason: user.active ? 'wrong-password' : 'inactive' } : { reason: 'unknown-username' },
      });
      await em.flush();
      throw authError.invalidCredentials();
    }
    await this.throttle.release(attempt);
    const session = em.create(AuthSession, {
      user,
      generation: 1,
      createdAt: now,
      lastRefreshedAt: now,
      expiresAt: new Date(now.getTime() + this.config.env.REFRESH_TOKEN_TTL),
      ip: meta.ip.slice(0, 64),
      userAgent: meta.userAgent ?? null,
    });
    this.audit.record(em, now, {
      actorId: user.id,
      action: 'auth.login',
      objectType: 'session',
      objectId: session.id,
      ip: meta.ip,
      requestId: meta.requestId,
    });
    await em.flush();
    return this.issue(user.id, session.id, 1);
  }

  async refresh(refreshToken: string, meta: RequestMeta): Promise<IssuedTokens> {
    const parsed = this.tokens.parseRefresh(refreshToken);
    if (!parsed) throw new DomainError('unauthenticated', AuthErrorCode.INVALID_REFRESH_TOKEN, 'Not a valid refresh token');
    const em = this.em.fork();
    const now = this.clock.now();
    const session = await em.findOne(AuthSession, parsed.sessionId, { populate: ['user'] });
    if (!session || session.revokedAt || session.expiresAt <= now || !session.user.active) {
      throw authError.sessionRevoked();
    }
    // Compare-and-set on the generation: of two requests presenting the same token only one
    // rotates; the other is a replay and ends the family.
    const rotated =
      parsed.generation === session.generation &&
      (await em.nativeUpdate(
        AuthSession,
        { id: session.id, generation: parsed.generation, revokedAt: null },
        { generation: parsed.generation + 1, lastRefreshedAt: now },
      )) === 1;
    if (!rotated) {
      await this.endSessions(em, { sessionId: session.id }, 'refresh-reuse', now);
      this.audit.record(em, now, {
        actorId: session.user.id,
        action: 'auth.refresh_reused',
        objectType: 'session',
        objectId: session.id,
        ip: meta.ip,
        requestId: meta.requestId,
      });
      await em.flush();
      await this.sessionEvents.publish({ userId: session.user.id, change: 'ended', sessionId: session.id });
      throw new DomainError(
        'unauthenticated',
        AuthErrorCode.REFRESH_TOKEN_REUSED,
        'This refresh token was already used; the session has been ended. Sign in again.',
      );
    }
    return this.issue(session.user.id, session.id, parsed.generation + 1);
  }

  async logout(actor: Actor): Promise<void> {
    const em = this.em.fork();
    const now = this.clock.now();
    await this.endSessions(em, { sessionId: actor.sessionId }, 'logout', now);
    this.audit.record(em, now, {
      actorId: actor.userId,
      action: 'auth.logout',
      objectType: 'session',
      objectId: actor.sessionId,
      ip: actor.ip,
      requestId: actor.requestId,
    });
    await em.flush();
    await this.sessionEvents.publish({ userId: actor.userId, change: 'ended', sessionId: actor.sessionId });
  }

  /** The user's own change; other sessions end, this one stays (and is freed from must-change). */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const now = this.clock.now();
    await this.em.fork().transactional(async (em) => {
      const user = await em.findOneOrFail(User, actor.userId, { populate: ['passwordHash'] });
      if (!(await this.passwords.verify(user.passwordHash, currentPassword))) {
        throw new DomainError('unprocessable', AuthErrorCode.WRONG_CURRENT_PASSWORD, 'The current password is wrong', [
          { field: 'currentPassword', issue: 'does not match' },
        ]);
      }
      this.passwords.assertStrong(newPassword, await this.personalWordsOf(em, user));
      await this.passwords.assertNotRecent(em, user, newPassword);
      await this.passwords.assign(em, user, newPassword, now);
      user.mustChangePassword = false;
      user.passwordChangedAt = now;
      await this.endSessions(em, { userId: user.id, exceptSessionId: actor.sessionId }, 'password-changed', now);
      this.audit.record(em, now, {
        actorId: actor.userId,
        action: 'auth.password_changed',
        objectType: 'user',
        objectId: user.id,
        ip: actor.ip,
        requestId: actor.requestId,
      });
    });
    await this.sessionEvents.publish({ userId: actor.userId, change: 'ended', exceptSessionId: actor.sessionId });
  }

  /** What someone who knows the person would try first: names, username, e-mail, their institutions. */
  private async personalWordsOf(em: EntityManager, user: User): Promise<string[]> {
    const roles = await em.find(RoleAssignment, { user, active: true }, { populate: ['institution'] });
    return personalWords([
      user.username,
      user.givenName,
      user.familyName,
      user.email?.split('@')[0],
      ...roles.map((r) => r.institution.name),
    ]);
  }

  /**
   * Ends sessions in `em`'s transaction. Access tokens die with them because the guard checks
   * the session on every request; open sockets are told through `SessionEvents` by the caller,
   * after the commit.
   */
  async endSessions(
    em: EntityManager,
    which: { sessionId: string } | { userId: string; exceptSessionId?: string },
    reason: SessionEndReason,
    now: Date,
  ): Promise<number> {
    const where =
      'sessionId' in which
        ? { id: which.sessionId, revokedAt: null }
        : {
            user: which.userId,
            revokedAt: null,
            ...(which.exceptSessionId ? { id: { $ne: which.exceptSessionId } } : {}),
          };
    return em.nativeUpdate(AuthSession, where, { revokedAt: now, revokedReason: reason });
  }

  /**
   * Access token → Actor, checking that the session is live and the account active. Runs on every
   * request and socket handshake.
   */
  async authenticate(accessToken: string): Promise<Actor> {
    const claims = this.tokens.verifyAccess(accessToken);
    if (!claims) throw authError.unauthenticated('The access token is missing, malformed or expired');
    return this.sessionActor(claims.sub, claims.sid);
  }

  /**
   * The actor of a live session, read fresh (roles included), or SESSION_REVOKED. One plain query
   * (session, account and roles together): sockets run it before every event, long after the
   * handshake's access token was checked.
   */
  async sessionActor(userId: string, sessionId: string): Promise<Actor> {
    const rows: ActorRow[] = await this.em.getConnection().execute(
      `select u.must_change_password, u.given_name, u.family_name, r.role, r.institution_id
         from auth_session s
         join app_user u on u.id = s.user_id and u.active = true
         left join role_assignment r on r.user_id = u.id and r.active = true
           and exists (select 1 from institution i where i.id = r.institution_id and i.active = true)
        where s.id = ? and s.user_id = ? and s.revoked_at is null and s.expires_at > ?`,
      [sessionId, userId, this.em.getPlatform().processDateProperty(this.clock.now())],
      'all',
    );
    if (!rows.length) throw authError.sessionRevoked();
    const user = rows[0];
    return {
      userId,
      displayName: displayNameOf({ givenName: user.given_name, familyName: user.family_name }),
      sessionId,
      // SQLite answers booleans as 0/1.
      mustChangePassword: Boolean(user.must_change_password),
      roles: rows.filter((r) => r.role !== null).map((r) => ({ institutionId: r.institution_id!, role: r.role! })),
    };
  }

  private issue(userId: string, sessionId: string, generation: number): IssuedTokens {
    return {
      userId,
      accessToken: this.tokens.signAccess({ sub: userId, sid: sessionId }),
      refreshToken: this.tokens.signRefresh(sessionId, generation),
      expiresIn: this.tokens.accessTtlSeconds,
    };
  }
}

interface ActorRow {
  must_change_password: boolean | number;
  given_name: string;
  family_name: string;
  role: Role | null;
  institution_id: string | null;
}
