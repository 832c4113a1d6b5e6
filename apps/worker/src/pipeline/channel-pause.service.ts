import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Channel } from '@app/notifications/delivery/notification-delivery.entity';
import { HealthChecks } from '@app/platform/observability/health';
import { Clock } from '@app/platform/time/clock';

/** How long a channel rests after a configuration error before the next try. */
const PAUSE_MS = 5 * 60_000;

/**
 * A provider that refuses our configuration (Twilio 20003 bad credentials, 21606 bad sender) would
 * refuse every send: the channel pauses instead of failing every delivery, and /health shows why.
 * Deliveries stay pending and go out once the pause ends and the provider accepts again.
 */
@Injectable()
export class ChannelPause implements OnModuleInit {
  private readonly logger = new Logger('ChannelPause');
  private readonly paused = new Map<Channel, { code: string; until: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly checks: HealthChecks,
    private readonly indicator: HealthIndicatorService,
  ) {}

  onModuleInit(): void {
    this.checks.add(async () => {
      const check = this.indicator.check('notifications');
      const paused = (['email', 'sms'] as Channel[]).filter((c) => this.isPaused(c));
      if (!paused.length) return check.up({ paused: [] });
      return check.down({ paused: paused.map((c) => ({ channel: c, code: this.paused.get(c)!.code })) });
    });
  }

  pauseChannel(channel: Channel, code: string): void {
    this.logger.error({ channel, code }, 'channel paused: the provider refuses our configuration');
    this.paused.set(channel, { code, until: this.clock.now().getTime() + PAUSE_MS });
  }

  isPaused(channel: Channel): boolean {
    const p = this.paused.get(channel);
    return Boolean(p && p.until > this.clock.now().getTime());
  }

  pausedChannels(): Channel[] {
    return (['email', 'sms'] as Channel[]).filter((c) => this.isPaused(c));
  }
}
