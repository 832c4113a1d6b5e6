import { Controller, Get, Inject, Injectable } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorResult,
  HealthIndicatorService,
  MikroOrmHealthIndicator,
} from '@nestjs/terminus';
import { Public } from '../http/public.decorator';
import { RedisConnection } from '../redis/redis.module';

@Injectable()
export class RedisHealthIndicator {

  constructor(
    private readonly redis: RedisConnection,
    @Inject(HealthIndicatorService) private readonly indicator: HealthIndicatorService,
  ) {}

  async check(key = 'redis') {
    const check = this.indicator.check(key);
    try {
      const pong = await withTimeout(this.redis.client.ping(), 1500);
      return pong === 'PONG' ? check.up() : check.down({ message: `unexpected reply ${pong}` });
    } catch (e) {
      return check.down({ message: e instanceof Error ? e.message : 'unreachable' });
    }
  }
}

export type ExtraHealthCheck = () => Promise<HealthIndicatorResult>;

/** Apps add their own checks (queues, sockets) at init; /health runs them with the core ones. */
@Injectable()
export class HealthChecks {
  readonly extra: ExtraHealthCheck[] = [];

  add(check: ExtraHealthCheck): void {
    this.extra.push(check);
  }
}

@ApiTags('platform')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: MikroOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly checks: HealthChecks,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 1500 }),
      () => this.redis.check(),
      ...this.checks.extra,
    ]);
  }
}

export function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e) => (clearTimeout(t), reject(e)),
    );
  });
}
