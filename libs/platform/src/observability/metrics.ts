import { Controller, Get, Header, Injectable, NestMiddleware } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { Public } from '../http/public.decorator';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** One registry per process; the embedded default shares it between the three apps. */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly httpErrors = new Counter({
    name: 'http_errors_total',
    help: 'HTTP responses with status >= 400 by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}

@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: Metrics) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const end = this.metrics.httpDuration.startTimer();
    res.on('finish', () => {
      // The route pattern, not the URL, keeps label cardinality bounded (no ids in labels).
      const route = (req.route?.path as string | undefined) ?? 'unmatched';
      const labels = { method: req.method, route: `${req.baseUrl ?? ''}${route}`, status: String(res.statusCode) };
      end(labels);
      if (res.statusCode >= 400) this.metrics.httpErrors.inc(labels);
    });
    next();
  }
}

@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
