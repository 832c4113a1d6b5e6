import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram } from 'prom-client';
import type { Channel } from '@app/notifications/delivery/notification-delivery.entity';
import { Metrics } from '@app/platform/observability/metrics';
import { Clock } from '@app/platform/time/clock';
import type { SendOutcome } from './delivery-sender.service';

/**
 * The delivery pipeline in /metrics: what the sender recorded per channel, how long providers take
 * to answer, and how far the queue is behind (the age of the oldest due pending delivery, read from
 * PostgreSQL at scrape time, so it is right even when Redis lost every job).
 */
@Injectable()
export class DeliveryMetrics {
  private readonly outcomes: Counter<'channel' | 'status'>;
  private readonly providerLatency: Histogram<'channel'>;

  constructor(metrics: Metrics, em: EntityManager, clock: Clock) {
    this.outcomes = new Counter({
      name: 'notification_deliveries_total',
      help: 'Delivery attempts by channel and the status the sender recorded (sent, suppressed, failed, unknown, retry, paused)',
      labelNames: ['channel', 'status'],
      registers: [metrics.registry],
    });
    this.providerLatency = new Histogram({
      name: 'notification_provider_latency_seconds',
      help: 'Time from handing a delivery to the SMTP server or Twilio to its answer, by channel',
      labelNames: ['channel'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [metrics.registry],
    });
    new Gauge({
      name: 'notification_queue_lag_seconds',
      help: 'Age of the oldest pending delivery that is due (0 when none is)',
      registers: [metrics.registry],
      async collect() {
        const now = clock.now();
        const [row] = await em
          .fork()
          .getConnection()
          .execute<{ oldest: Date | string | null }[]>('select min(available_at) as oldest from notification_delivery where status = ? and available_at <= ?', [
            'pending',
            em.getPlatform().processDateProperty(now),
          ]);
        this.set(row?.oldest ? Math.max(0, (now.getTime() - new Date(row.oldest).getTime()) / 1000) : 0);
      },
    });
  }

  /** Counts what the sender recorded; a delivery it did not claim recorded nothing. */
  recorded(channel: Channel, outcome: SendOutcome): void {
    if (outcome !== 'not-claimed') this.outcomes.inc({ channel, status: outcome });
  }

  /** Starts timing a provider call; call the result when the provider has answered (or failed to). */
  providerCall(channel: Channel): () => void {
    const end = this.providerLatency.startTimer({ channel });
    return () => void end();
  }
}
