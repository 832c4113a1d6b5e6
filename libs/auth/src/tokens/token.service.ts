import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@app/platform/config/app-config';
import { Clock } from '@app/platform/time/clock';

export interface AccessClaims {
  sub: string;
  sid: string;
}

/**
 * Access tokens: short-lived HS256 JWTs naming the user and session.
 * Refresh tokens: `<sessionId>.<generation>.<mac>`; the MAC makes them unforgeable without
 * storing them, and the generation tells a rotated (stale) token from the current one.
 */
@Injectable()
export class TokenService {
  private readonly refreshKey: Buffer;

  constructor(
    private readonly jwt: JwtService,
    private readonly clock: Clock,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {
    this.refreshKey = createHmac('sha256', config.jwtSecret).update('refresh-token-v1').digest();
  }

  get accessTtlSeconds(): number {
    return Math.floor(this.config.env.ACCESS_TOKEN_TTL / 1000);
  }

  /** Issued at and expiring by the injected clock, as the sessions they name are (jsonwebtoken would read Date.now). */
  signAccess(claims: AccessClaims): string {
    return this.jwt.sign({ ...claims, iat: this.nowSeconds() }, { expiresIn: this.accessTtlSeconds, algorithm: 'HS256' });
  }

  /** Returns the claims or undefined for a bad, expired or foreign token. */
  verifyAccess(token: string): AccessClaims | undefined {
    try {
      const claims = this.jwt.verify<AccessClaims>(token, { algorithms: ['HS256'], clockTimestamp: this.nowSeconds() });
      return typeof claims.sub === 'string' && typeof claims.sid === 'string' ? claims : undefined;
    } catch {
      return undefined;
    }
  }

  signRefresh(sessionId: string, generation: number): string {
    const body = `${sessionId}.${generation}`;
    return `${body}.${this.mac(body)}`;
  }

  parseRefresh(token: string): { sessionId: string; generation: number } | undefined {
    const m = /^([0-9a-f-]{36})\.(\d{1,9})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!m) return undefined;
    const expected = Buffer.from(this.mac(`${m[1]}.${m[2]}`));
    const given = Buffer.from(m[3]);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    return { sessionId: m[1], generation: Number(m[2]) };
  }

  private nowSeconds(): number {
    return Math.floor(this.clock.now().getTime() / 1000);
  }

  private mac(body: string): string {
    return createHmac('sha256', this.refreshKey).update(body).digest('base64url');
  }
}
