import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '@app/platform/config/app-config';
import { RedisConnection } from '@app/platform/redis/redis.module';
import { messageError } from './message-errors';

/** Per-sender flood control, counted in Redis so every instance shares it. */
@Injectable()
export class SendRateLimit {
  private readonly limiter: RateLimiterRedis;

  constructor(redis: RedisConnection, @Inject(AppConfig) config: AppConfig) {
    this.limiter = new RateLimiterRedis({
      storeClient: redis.client,
      useRedisPackage: false,
      keyPrefix: 'message-send',
      points: config.env.MESSAGE_RATE_LIMIT,
      duration: Math.ceil(config.env.MESSAGE_RATE_WINDOW / 1000),
    });
  }

  async consume(senderId: string): Promise<void> {
    try {
      await this.limiter.consume(senderId);
    } catch (e) {
      if (e instanceof RateLimiterRes) throw messageError.tooManyMessages(Math.max(1, Math.ceil(e.msBeforeNext / 1000)));
      throw e;
    }
  }
}
