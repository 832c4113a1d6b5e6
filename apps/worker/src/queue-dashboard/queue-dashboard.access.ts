import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AccessPolicy } from '@app/access/access.policy';
import { Permission } from '@app/access/access.table';
import type { Actor } from '@app/auth/actor';
import { AuthService } from '@app/auth/auth.service';
import { AppConfig } from '@app/platform/config/app-config';
import { DomainError } from '@app/platform/errors';
import { Clock } from '@app/platform/time/clock';

export const DASHBOARD_PATH = '/admin/queues';
export const DASHBOARD_COOKIE = 'sp_queues';

interface CookieClaims {
  uid: string;
  sid: string;
  /** Expiry, epoch milliseconds. */
  exp: number;
}

/**
 * Who may open the job queues' dashboard, and the cookie that carries that decision. The dashboard
 * is a browser page whose own requests carry no bearer token, so an authenticated call mints a
 * short-lived, HttpOnly, SameSite=Strict cookie scoped to its path; every dashboard request then
 * re-reads the session and roles (a revoked session or a removed role ends access at once).
 */
@Injectable()
export class QueueDashboardAccess {
  private readonly key: Buffer;

  constructor(
    private readonly auth: AuthService,
    private readonly policy: AccessPolicy,
    private readonly clock: Clock,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {
    // Its own key, derived from the token secret: a dashboard cookie is no access token and vice versa.
    this.key = createHmac('sha256', config.jwtSecret).update('queue-dashboard-cookie').digest();
  }

  /** The Set-Cookie value for a caller who may open the dashboard; refuses everyone else. */
  openSession(actor: Actor): string {
    this.require(actor);
    const ttl = this.config.env.QUEUE_DASHBOARD_SESSION;
    const claims: CookieClaims = { uid: actor.userId, sid: actor.sessionId, exp: this.clock.now().getTime() + ttl };
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    const secure = this.config.env.PUBLIC_URL.startsWith('https:') ? '; Secure' : '';
    return `${DASHBOARD_COOKIE}=${body}.${this.sign(body)}; Path=${DASHBOARD_PATH}; Max-Age=${Math.floor(ttl / 1000)}; HttpOnly; SameSite=Strict${secure}`;
  }

  /** The actor behind a request's Cookie header, still allowed now; a DomainError (401/403) otherwise. */
  async verify(cookieHeader: string | undefined): Promise<Actor> {
    const claims = this.claimsOf(cookieHeader);
    if (!claims) throw new DomainError('unauthenticated', 'QUEUE_SESSION_REQUIRED', `Open the dashboard through POST ${DASHBOARD_PATH}/session first`);
    const actor = await this.auth.sessionActor(claims.uid, claims.sid);
    this.require(actor);
    return actor;
  }

  /** Refuses (403 NOT_QUEUE_OPERATOR) a caller who may not open the dashboard. */
  require(actor: Actor): void {
    const operator = this.config.env.QUEUE_DASHBOARD_INSTITUTION;
    if (!operator) throw this.policy.refusal(Permission.QueueDashboard);
    this.policy.require(actor, Permission.QueueDashboard, operator);
  }

  private claimsOf(header: string | undefined): CookieClaims | null {
    const value = cookieValue(header, DASHBOARD_COOKIE);
    const [body, signature] = value?.split('.') ?? [];
    if (!body || !signature) return null;
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as CookieClaims;
      return typeof claims.uid === 'string' && typeof claims.sid === 'string' && claims.exp > this.clock.now().getTime() ? claims : null;
    } catch {
      return null;
    }
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
