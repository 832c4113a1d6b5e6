import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@app/platform/config/app-config';
import { RedisConnection } from '@app/platform/redis/redis.module';
import { Clock } from '@app/platform/time/clock';
import { authError } from '../auth-errors';

/** A username and client pair forgets its failures a day after the last one. */
const PAIR_MEMORY_MS = 24 * 3_600_000;

/**
 * Takes one attempt from three counters, all or nothing, or answers how long to wait (ms):
 * KEYS[1] the username+client pair (n attempts, next allowed instant: free attempts, then a delay
 * doubling from ARGV base up to ARGV cap); KEYS[2] the username and KEYS[3] the client, each a
 * fixed window (n, reset) with a ceiling. Times come from the app's clock (ARGV[1]); PEXPIRE only
 * collects garbage.
 */
const CONSUME = `
local now = tonumber(ARGV[1])
local free, base, cap, memory = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local windows = { { KEYS[2], tonumber(ARGV[6]), tonumber(ARGV[7]) }, { KEYS[3], tonumber(ARGV[8]), tonumber(ARGV[9]) } }
local attempts = tonumber(redis.call('HGET', KEYS[1], 'n') or 0)
local wait = math.max(0, tonumber(redis.call('HGET', KEYS[1], 'next') or 0) - now)
local state = {}
for i, w in ipairs(windows) do
  local n = tonumber(redis.call('HGET', w[1], 'n') or 0)
  local reset = tonumber(redis.call('HGET', w[1], 'reset') or 0)
  if reset <= now then n = 0; reset = now + w[3] end
  if n >= w[2] then wait = math.max(wait, reset - now) end
  state[i] = { n, reset }
end
if wait > 0 then return wait end
attempts = attempts + 1
local delay = 0
if attempts >= free then delay = math.min(cap, base * 2 ^ (attempts - free)) end
redis.call('HSET', KEYS[1], 'n', attempts, 'next', now + delay)
redis.call('PEXPIRE', KEYS[1], memory + delay)
for i, w in ipairs(windows) do
  redis.call('HSET', w[1], 'n', state[i][1] + 1, 'reset', state[i][2])
  redis.call('PEXPIRE', w[1], w[3])
end
return 0`;

/** A sign-in that succeeded was not a failure: the pair starts afresh, the windows get their attempt back. */
const RELEASE = `
redis.call('DEL', KEYS[1])
for i = 2, 3 do
  if tonumber(redis.call('HGET', KEYS[i], 'n') or 0) > 0 then redis.call('HINCRBY', KEYS[i], 'n', -1) end
end
return 0`;

export interface AttemptKey {
  username: string;
  ip: string;
}

/**
 * Sign-in throttling in Redis, shared by every instance (OWASP ASVS V6: no account-lockout DoS).
 * The attempt is taken before the password is verified and given back on success, so parallel
 * guesses cannot all reach verification. Delays grow per username and client, so an attacker
 * slows only their own guesses on that account while its owner, from another client, still gets
 * in; a much higher ceiling per username bounds guessing spread over many clients, and one per
 * client bounds spraying many usernames.
 */
@Injectable()
export class LoginThrottle {
  private readonly args: number[];

  constructor(
    private readonly redis: RedisConnection,
    private readonly clock: Clock,
    @Inject(AppConfig) config: AppConfig,
  ) {
    const e = config.env;
    this.args = [
      e.LOGIN_FREE_ATTEMPTS,
      e.LOGIN_DELAY_BASE,
      e.LOGIN_DELAY_MAX,
      PAIR_MEMORY_MS,
      e.LOGIN_MAX_FAILURES_PER_USERNAME,
      e.LOGIN_FAILURE_WINDOW,
      e.LOGIN_MAX_FAILURES_PER_IP,
      e.LOGIN_FAILURE_WINDOW,
    ];
  }

  /** Takes one attempt, or throws TOO_MANY_ATTEMPTS (with Retry-After) and takes nothing. */
  async consume(key: AttemptKey): Promise<void> {
    const wait = Number(await this.redis.client.eval(CONSUME, 3, ...keysOf(key), this.clock.now().getTime(), ...this.args));
    if (wait > 0) throw authError.tooManyAttempts(Math.max(1, Math.ceil(wait / 1000)));
  }

  async release(key: AttemptKey): Promise<void> {
    await this.redis.client.eval(RELEASE, 3, ...keysOf(key));
  }
}

/** Encoded so that no username or address (IPv6 has colons) can run into another key. */
function keysOf({ username, ip }: AttemptKey): [string, string, string] {
  const user = encodeURIComponent(username);
  const client = encodeURIComponent(ip);
  return [`login:pair:${user}:${client}`, `login:user:${user}`, `login:client:${client}`];
}
