import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Queue } from 'bullmq';
import { Gauge } from 'prom-client';
import { bullOptions, closeWhenSettled } from '@app/notifications/jobs/bull-connection';
import { QUEUES, QueueName } from '@app/notifications/jobs/job-catalogue';
import { AppConfig } from '@app/platform/config/app-config';
import { HealthChecks, withTimeout } from '@app/platform/observability/health';
import { Metrics } from '@app/platform/observability/metrics';

const STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;

/**
 * Opens the BullMQ queues of the catalogue, reports them in /health and their depths in
 * /metrics. Processors attach here in the notifications issue.
 */
@Injectable()
export class QueueRegistry implements OnModuleInit, OnModuleDestroy {
  readonly queues = new Map<QueueName, Queue>();
  private readonly depth: Gauge<'queue' | 'state'>;

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly checks: HealthChecks,
    private readonly indicator: HealthIndicatorService,
    metrics: Metrics,
  ) {
    const registry = this;
    this.depth = new Gauge({
      name: 'queue_jobs',
      help: 'BullMQ jobs by queue and state',
      labelNames: ['queue', 'state'],
      registers: [metrics.registry],
      async collect() {
        for (const [name, queue] of registry.queues) {
          const counts = await queue.getJobCounts(...STATES).catch(() => undefined);
          for (const state of STATES) if (counts) this.set({ queue: name, state }, counts[state] ?? 0);
        }
      },
    });
  }

  queue(name: QueueName): Queue {
    const queue = this.queues.get(name);
    if (!queue) throw new Error(`queue ${name} is not open`);
    return queue;
  }

  onModuleInit(): void {
    for (const name of Object.values(QUEUES)) {
      const queue = new Queue(name, bullOptions(this.config.env));
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    this.checks.add(async () => {
      const check = this.indicator.check('queues');
      try {
        await Promise.all([...this.queues.values()].map((q) => withTimeout(q.getJobCounts('waiting'), 1500)));
        return check.up({ queues: [...this.queues.keys()] });
      } catch (e) {
        return check.down({ message: e instanceof Error ? e.message : 'unreachable' });
      }
    });
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => closeWhenSettled(q)));
  }
}
