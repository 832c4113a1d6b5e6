import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@app/platform/config/app-config';
import { RedisConnection } from '@app/platform/redis/redis.module';

export interface AccessChanged {
  userId: string;
  /** `ended`: every session is gone (deactivated, reset). `roles`: still signed in, but rights changed. */
  change: 'ended' | 'roles';
}

/**
 * Tells every instance that a user's access changed, so open sockets can be dropped or
 * re-checked at once. Published after the database commit; HTTP needs no event because the
 * guard checks the session row on every request.
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
}
