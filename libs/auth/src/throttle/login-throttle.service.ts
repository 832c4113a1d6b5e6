import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '@app/platform/config/app-config';
import { RedisConnection } from '@app/platform/redis/redis.module';
import { authError } from '../auth-errors';

/**
 * Counts failed sign-ins per username and per IP in Redis (shared by every instance).
 * Only failures count, so a family behind one school NAT is not locked out by successful logins.
 */
@Injectable()
export class LoginThrottle {
  private readonly byUsername: RateLimiterRedis;
  private readonly byIp: RateLimiterRedis;

  constructor(redis: RedisConnection, @Inject(AppConfig) config: AppConfig) {
    const duration = Math.ceil(config.env.LOGIN_FAILURE_WINDOW / 1000);
    const common = { storeClient: redis.client, duration, blockDuration: duration, useRedisPackage: false };
    this.byUsername = new RateLimiterRedis({
      ...common,
      keyPrefix: 'login-fail-user',
      points: config.env.LOGIN_MAX_FAILURES_PER_USERNAME,
    });
    this.byIp = new RateLimiterRedis({ ...common, keyPrefix: 'login-fail-ip', points: config.env.LOGIN_MAX_FAILURES_PER_IP });
  }

  /** Throws TOO_MANY_ATTEMPTS while either key is blocked. */
  async assertAllowed(username: string, ip: string): Promise<void> {
    const [u, i] = await Promise.all([this.byUsername.get(username), this.byIp.get(ip)]);
    const wait = Math.max(this.blockedFor(u, this.byUsername.points), this.blockedFor(i, this.byIp.points));
    if (wait > 0) throw authError.tooManyAttempts(wait);
  }

  async recordFailure(username: string, ip: string): Promise<void> {
    await Promise.all([
      this.byUsername.penalty(username, 1).then((r) => this.blockIfSpent(this.byUsername, username, r)),
      this.byIp.penalty(ip, 1).then((r) => this.blockIfSpent(this.byIp, ip, r)),
    ]);
  }

  async recordSuccess(username: string): Promise<void> {
    await this.byUsername.delete(username);
  }

  private async blockIfSpent(limiter: RateLimiterRedis, key: string, res: RateLimiterRes): Promise<void> {
    if (res.consumedPoints >= limiter.points) await limiter.block(key, limiter.blockDuration);
  }

  private blockedFor(res: RateLimiterRes | null, points: number): number {
    if (!res || res.consumedPoints < points) return 0;
    return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  }
}
