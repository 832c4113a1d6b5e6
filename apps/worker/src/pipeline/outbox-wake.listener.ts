import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { outboxWakeChannel } from '@app/notifications/outbox/outbox-wake';
import { AppConfig } from '@app/platform/config/app-config';
import { DeliverySweep } from './delivery-sweep.service';

/**
 * Relays as soon as a writer signals that due outbox rows were committed (an urgent alert must not
 * wait for the sweep interval). Signals during a pass share one fresh pass after it. The sweep
 * stays the guarantee: a signal lost with Redis, or sent while this was reconnecting, costs at
 * most one interval.
 */
@Injectable()
export class OutboxWakeListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxWake');
  private subscriber?: Redis;

  constructor(
    private readonly sweep: DeliverySweep,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.env.NOTIFICATIONS_WORKER) return;
    // A connection of its own: one in subscribe mode can send nothing else. ioredis re-subscribes after a reconnect.
    this.subscriber = new Redis(this.config.env.REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: true });
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', () => void this.sweep.runFresh());
    try {
      await this.subscriber.connect();
      await this.subscriber.subscribe(outboxWakeChannel(this.config.env.REDIS_PREFIX));
    } catch (err) {
      this.logger.warn({ err }, 'not listening for outbox signals yet; the sweep relays meanwhile');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }
}
