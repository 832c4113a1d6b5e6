import { DynamicModule, Global, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { SecretBox } from './crypto/secret-box';
import { ErrorFilter } from './http/error.filter';
import { strictValidationPipe } from './http/validation.pipe';
import { HealthChecks, HealthController, RedisHealthIndicator } from './observability/health';
import { pinoParams } from './observability/logging';
import { HttpMetricsMiddleware, Metrics, MetricsController } from './observability/metrics';
import { RedisModule } from './redis/redis.module';
import { Clock } from './time/clock';
import { TimeModule } from './time/time.module';

export interface PlatformOptions {
  config?: AppConfig;
  clock?: Clock;
}

/**
 * What every app needs once per process: configuration, logging, Redis, time, errors,
 * validation, health and metrics. The embedded default imports it once for all three apps.
 */
@Global()
@Module({})
export class PlatformModule implements NestModule {
  static forRoot(options: PlatformOptions = {}): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        ConfigModule.forRoot(options.config),
        LoggerModule.forRootAsync({ inject: [AppConfig], useFactory: pinoParams }),
        RedisModule,
        options.clock ? TimeModule.withClock(options.clock) : TimeModule,
        TerminusModule.forRoot({ logger: false }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        Metrics,
        RedisHealthIndicator,
        HealthChecks,
        SecretBox,
        { provide: APP_FILTER, useClass: ErrorFilter },
        { provide: APP_PIPE, useFactory: strictValidationPipe },
      ],
      exports: [Metrics, SecretBox, HealthChecks],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}
