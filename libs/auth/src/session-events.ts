import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@app/platform/config/app-config';
import { RedisConnection } from '@app/platform/redis/redis.module';

/**
 * What changed about a user's access.
 * - `ended` without a session: every session is gone (deactivated, admin reset).
 * - `ended` with `sessionId`: that one session ended (logout, refresh-token reuse).
 * - `ended` with `exceptSessionId`: every session but that one ended (own password change).
 * - `roles`: still signed in, but rights changed.
 */
export interface AccessChanged {
  userId: string;
  change: 'ended' | 'roles';
  sessionId?: string;
  exceptSessionId?: string;
}

/**
 * Tells every instance that a user's access changed, so open sockets can be dropped or
 * re-checked at once. Published after the database commit; HTTP needs no event because the
 * guard checks the session row on every request, and sockets re-check it on every event, so a
 * lost event (pub/sub does not queue) only delays pushes, never lets a dead session act.
 */
@Injectable()
export class SessionEvents {
  readonly channel: string;

  constructor(
    private readonly redis: RedisConnection,
    @Inject(AppConfig) config: AppConfig,
  ) {
    this.channel = `${config.env.REDIS_PREFIX}:access-changed`;
  }

  async publish(event: AccessChanged): Promise<void> {
    // ioredis does not apply keyPrefix to channel names, so the prefix is in `channel` itself.
    await this.redis.client.publish(this.channel, JSON.stringify(event)).catch(() => undefined);
  }

  /** The event in a message from `channel`, or undefined for anything malformed. */
  static parse(raw: string): AccessChanged | undefined {
    try {
      const e = JSON.parse(raw) as Partial<AccessChanged>;
      if (typeof e.userId !== 'string' || (e.change !== 'ended' && e.change !== 'roles')) return undefined;
      return e as AccessChanged;
    } catch {
      return undefined;
    }
  }
}
