import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Permission } from '@app/access/access.table';
import type { DietCounts, MealReportCounts, MealReportKind } from '@app/attendance';
import type { Diet, Meal } from '@app/attendance/entities';
import { AppConfig } from '@app/platform/config/app-config';
import { RedisConnection } from '@app/platform/redis/redis.module';

/** A report the worker has built and handed to the senders: counts only, never a child's name or a notice. */
export interface MealReportEvent extends MealReportCounts {
  institutionId: string;
  date: string;
  kind: MealReportKind;
  version: number;
  /** The cut-off instant the counts are as of. */
  countsAt: string;
}

/** How a reported day's counts moved since the kitchen was last told (the report, or the previous update). */
export interface MealUpdateEvent {
  institutionId: string;
  date: string;
  /** The new counts' content hash (`MealCountsView.version`). */
  version: number;
  deltas: { groupId: string; meal: Meal; diet: Diet; delta: number }[];
  totals: Partial<Record<Meal, DietCounts>>;
}

/** Events that apps other than the mail app push to sockets through the bridge. */
export interface BridgedEvents {
  'meals:report': MealReportEvent;
  'meals:update': MealUpdateEvent;
}

export type BridgedEventName = keyof BridgedEvents;

/**
 * Who gets an event: named users, or everyone who holds `permission` in the institution (read from
 * each socket's current rights by the access policy where the socket lives).
 */
export type RealtimeAudience = { userIds: readonly string[] } | { institutionId: string; permission: Permission };

export interface BridgedMessage<E extends BridgedEventName = BridgedEventName> {
  audience: RealtimeAudience;
  event: E;
  payload: BridgedEvents[E];
}

const EVENTS: readonly BridgedEventName[] = ['meals:report', 'meals:update'];

/**
 * Lets any app or the worker push a socket event without importing the mail app, which holds the
 * sockets: a Redis pub/sub message that every mail instance receives and relays to its own sockets
 * of the audience. Pub/sub does not queue: an instance that is down misses it, as its sockets do;
 * a client that reconnects reads the state over HTTP (`GET /meals/counts`, `GET /meals/reports`).
 */
@Injectable()
export class RealtimeBridge {
  readonly channel: string;
  private readonly logger = new Logger('RealtimeBridge');

  constructor(
    private readonly redis: RedisConnection,
    @Inject(AppConfig) config: AppConfig,
  ) {
    // ioredis does not apply keyPrefix to channel names, so the prefix is in `channel` itself.
    this.channel = `${config.env.REDIS_PREFIX}:realtime`;
  }

  /** Call after the change's transaction commits: a socket must never hear of a change that rolled back. */
  async publish<E extends BridgedEventName>(audience: RealtimeAudience, event: E, payload: BridgedEvents[E]): Promise<void> {
    const message: BridgedMessage<E> = { audience, event, payload };
    await this.redis.client.publish(this.channel, JSON.stringify(message)).catch((err: unknown) => this.logger.warn({ err, event }, 'realtime event not published'));
  }

  /** The message on `channel`, or undefined for anything malformed. */
  static parse(raw: string): BridgedMessage | undefined {
    try {
      const m = JSON.parse(raw) as Partial<BridgedMessage>;
      if (!m || typeof m !== 'object' || !EVENTS.includes(m.event as BridgedEventName) || typeof m.payload !== 'object' || !m.payload) return undefined;
      const a = m.audience as Partial<{ userIds: unknown; institutionId: unknown; permission: unknown }> | undefined;
      const byUsers = Array.isArray(a?.userIds) && a.userIds.every((id) => typeof id === 'string');
      const byPermission = typeof a?.institutionId === 'string' && typeof a.permission === 'string';
      return byUsers || byPermission ? (m as BridgedMessage) : undefined;
    } catch {
      return undefined;
    }
  }
}
