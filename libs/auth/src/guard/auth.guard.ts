import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { requestMeta } from '@app/platform/http/request-context';
import type { Actor } from '../actor';
import { authError } from '../auth-errors';
import { AuthService } from '../auth.service';
import { ALLOWED_BEFORE_PASSWORD_CHANGE, PUBLIC_ROUTE } from './auth.decorators';

/** Global: every HTTP route needs a live session unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly auth: AuthService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const req = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const header = req.headers.authorization;
    const m = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._-]+)$/.exec(header) : null;
    if (!m) throw authError.unauthenticated('Send Authorization: Bearer <accessToken>');
    const actor = await this.auth.authenticate(m[1]);
    const meta = requestMeta(req);
    req.actor = { ...actor, ip: meta.ip, requestId: meta.requestId };
    if (actor.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(ALLOWED_BEFORE_PASSWORD_CHANGE, targets)) {
      throw authError.passwordChangeRequired();
    }
    return true;
  }
}
