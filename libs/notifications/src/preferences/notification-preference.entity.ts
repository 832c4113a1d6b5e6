import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { Category, Channel } from '../delivery/notification-delivery.entity';

export type ChannelChoice = Record<Channel | 'inApp', boolean>;

/**
 * A person's own choices of how they hear about each category. No row means the defaults
 * (preferences.ts); a row stores only what the person chose, so later defaults still reach them.
 */
@Entity({ tableName: 'notification_preference' })
export class NotificationPreference {
  [OptionalProps]?: 'digest' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  /** Per category, the channels the person chose (missing categories keep the defaults). */
  @Property({ type: 'json' })
  categories!: Partial<Record<Category, ChannelChoice>>;

  /** The person's own quiet hours (Riga-local `HH:mm`), or null for the service's. */
  @Property({ type: 'json', nullable: true })
  quietHours?: { from: string; to: string } | null;

  /** One daily e-mail with all unread messages instead of single message alerts. */
  @Property({ type: 'boolean' })
  digest: boolean = false;

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
