import type Redis from 'ioredis';

/**
 * Takes `cost` tokens from the bucket at KEYS[1], or none, atomically. The bucket holds up to
 * ARGV[2] tokens and refills at ARGV[1] per second, measured by Redis' own clock (TIME), so every
 * process sharing the Redis shares one rate whatever its host clock says. Returns 0 when the
 * tokens were taken, otherwise the milliseconds until they will be there.
 */
const TAKE = `
local rate, capacity, cost = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local tokens = tonumber(redis.call('HGET', KEYS[1], 'tokens') or capacity)
local at = tonumber(redis.call('HGET', KEYS[1], 'at') or now)
tokens = math.min(capacity, tokens + math.max(0, now - at) * rate / 1000)
if cost > capacity then cost = capacity end
if tokens < cost then return math.ceil((cost - tokens) * 1000 / rate) end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens - cost), 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity * 1000 / rate) + 1000)
return 0`;

/**
 * A token bucket in Redis shared by every process using the same key: `take` answers 0 (go) or how
 * long to wait. A request larger than the bucket waits for a full bucket instead of forever.
 */
export class RedisTokenBucket {
  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    /** Tokens per second. */
    private readonly rate: number,
    /** The largest burst; one second's worth by default. */
    private readonly capacity: number = rate,
  ) {}

  async take(cost: number): Promise<number> {
    return Number(await this.redis.eval(TAKE, 1, this.key, this.rate, this.capacity, cost));
  }
}
