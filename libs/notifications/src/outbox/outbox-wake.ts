import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@app/platform/config/app-config';
import { RedisConnection } from '@app/platform/redis/redis.module';

/** The Redis pub/sub channel on which workers hear that due outbox rows were committed. */
export const outboxWakeChannel = (redisPrefix: string): string => `${redisPrefix}:outbox:wake`;

/**
 * Tells the workers, after a commit, that outbox rows are due now (an urgent alert, a password SMS),
 * so they relay at once instead of at their next sweep. Only a hint: pub/sub keeps nothing, so a
 * signal lost with Redis, or sent while no worker listens, costs at most one sweep interval.
 */
@Injectable()
export class OutboxWake {
  private readonly channel: string;

  constructor(
    private readonly redis: RedisConnection,
    @Inject(AppConfig) config: AppConfig,
  ) {
    this.channel = outboxWakeChannel(config.env.REDIS_PREFIX);
  }

  /** Call after the transaction that wrote `rows` committed; never waits for Redis, never throws. */
  committed(rows: ReadonlyArray<{ availableAt?: unknown }>, now: Date): void {
    if (rows.some((r) => r.availableAt instanceof Date && r.availableAt.getTime() <= now.getTime())) this.nudge();
  }

  /** Call after a commit that wrote a row due at once (a password SMS); never waits, never throws. */
  nudge(): void {
    this.redis.client.publish(this.channel, '1').catch(() => undefined);
  }
}
