import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@app/platform/config/app-config';
import { RedisConnection } from '@app/platform/redis/redis.module';
import { RedisTokenBucket } from '@app/platform/redis/token-bucket';

/** How long one send may wait for its turn before it gives its claim back to be rescheduled. */
const MAX_INLINE_WAIT_MS = 2_000;

/**
 * SMS segments per second per Twilio sender (`SMS_RATE_PER_SECOND`, 0 = off), one budget for all
 * workers through Redis, keyed by the sender so that two deployments on one sender share it too.
 */
@Injectable()
export class SmsRate {
  private readonly bucket: RedisTokenBucket | null;

  constructor(redis: RedisConnection, @Inject(AppConfig) config: AppConfig) {
    const rate = config.env.SMS_RATE_PER_SECOND;
    const sender = encodeURIComponent(config.env.TWILIO_FROM ?? 'file-outbox');
    this.bucket = rate > 0 ? new RedisTokenBucket(redis.client, `sms-rate:${sender}`, rate) : null;
  }

  /**
   * Waits for `segments` tokens for up to about two seconds; answers 0 when they were taken, or how
   * long (ms) the caller should wait before trying again, having taken nothing.
   */
  async acquire(segments: number): Promise<number> {
    if (!this.bucket) return 0;
    let waited = 0;
    for (;;) {
      const wait = await this.bucket.take(segments);
      if (wait === 0) return 0;
      if (waited + wait > MAX_INLINE_WAIT_MS) return wait;
      await new Promise((r) => setTimeout(r, wait));
      waited += wait;
    }
  }
}
