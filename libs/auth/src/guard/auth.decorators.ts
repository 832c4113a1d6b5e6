import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor } from '../actor';

export const ALLOWED_BEFORE_PASSWORD_CHANGE = 'auth:allowed-before-password-change';

export { Public, PUBLIC_ROUTE } from '@app/platform/http/public.decorator';

/** Reachable while `mustChangePassword` is set: just enough to change it, see who you are, or leave. */
export const AllowedBeforePasswordChange = () => SetMetadata(ALLOWED_BEFORE_PASSWORD_CHANGE, true);

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<{ actor?: Actor }>();
  if (!req.actor) throw new Error('CurrentActor used on a public route');
  return req.actor;
});
