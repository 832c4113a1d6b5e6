import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '@app/platform/config/app-config';
import { RedisConnection } from '@app/platform/redis/redis.module';

/** How long one send may wait for its turn before it gives its claim back to be rescheduled. */
const MAX_INLINE_WAIT_MS = 2_000;

/**
 * SMS segments per second per Twilio sender (`SMS_RATE_PER_SECOND`, 0 = off), one budget for all
 * workers through Redis (rate-limiter-flexible's atomic counter), keyed by the sender so that two
 * deployments on one sender share it too.
 */
@Injectable()
export class SmsRate {
  private readonly limiter: RateLimiterRedis | null;
  private readonly sender: string;
  private readonly perSecond: number;

  constructor(redis: RedisConnection, @Inject(AppConfig) config: AppConfig) {
    this.perSecond = config.env.SMS_RATE_PER_SECOND;
    this.sender = config.env.TWILIO_FROM ?? 'file-outbox';
    this.limiter =
      this.perSecond > 0
        ? new RateLimiterRedis({ storeClient: redis.client, useRedisPackage: false, keyPrefix: 'sms-rate', points: this.perSecond, duration: 1 })
        : null;
  }

  /**
   * Waits for `segments` for up to about two seconds; answers 0 when they were taken, or how long
   * (ms) the caller should wait before trying again, having taken nothing.
   */
  async acquire(segments: number): Promise<number> {
    let waited = 0;
    for (;;) {
      const wait = await this.tryTake(segments);
      if (wait === 0) return 0;
      if (waited + wait > MAX_INLINE_WAIT_MS) return wait;
      await new Promise((r) => setTimeout(r, wait));
      waited += wait;
    }
  }

  /** Takes `segments` now (0) or nothing (the ms until the next second's budget). */
  async tryTake(segments: number): Promise<number> {
    if (!this.limiter) return 0;
    try {
      // A message longer than a second's budget takes a whole second's, rather than waiting forever.
      await this.limiter.consume(this.sender, Math.min(segments, this.perSecond));
      return 0;
    } catch (e) {
      if (e instanceof RateLimiterRes) {
        // A refused request still counted its points; give them back so a long SMS does not starve short ones.
        await this.limiter.reward(this.sender, Math.min(segments, this.perSecond)).catch(() => undefined);
        return Math.max(1, e.msBeforeNext);
      }
      throw e;
    }
  }
}
