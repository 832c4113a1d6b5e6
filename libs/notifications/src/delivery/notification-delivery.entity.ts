import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

export const CHANNELS = ['email', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * `pending → sending → sent → delivered`, or `failed` (permanent, or retries spent), `undelivered`
 * (the carrier gave up after accepting), `suppressed` (not sent on purpose: read in the app,
 * preference off, budget, opted out) or `unknown` (a timeout after the request left: never re-sent
 * blindly; the provider's status callback, or the sweep's lookup in the provider's list, settles it).
 */
export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'delivered', 'failed', 'undelivered', 'suppressed', 'unknown'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** How far along a status is: a status callback may only move a delivery forward. */
export const STATUS_RANK: Readonly<Record<DeliveryStatus, number>> = {
  pending: 0,
  sending: 1,
  unknown: 2,
  sent: 3,
  suppressed: 4,
  delivered: 5,
  undelivered: 5,
  failed: 5,
};

export const CATEGORIES = ['message', 'urgent', 'ack-reminder', 'absence-confirmation', 'meal-report', 'password', 'journal', 'account'] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * One notification to one person on one channel. The relay writes these from committed outbox rows,
 * unique on (event, recipient, channel); a sender claims a row with a conditional update before it
 * calls the provider, so a retry, a duplicate or stalled job, or a second worker finds it claimed or
 * sent and does nothing. PostgreSQL, not the BullMQ job id, is the guard against sending twice.
 */
@Entity({ tableName: 'notification_delivery' })
@Unique({ properties: ['eventId', 'userId', 'channel'] })
@Index({ properties: ['status', 'availableAt'] })
@Index({ properties: ['institutionId', 'status', 'createdAt'] })
@Index({ properties: ['providerId'] })
export class NotificationDelivery {
  [OptionalProps]?: 'status' | 'attempts' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The outbox row this delivery comes from, or for a daily digest its `notification_digest` row. */
  @Property({ type: 'uuid' })
  eventId!: string;

  @Property({ type: 'uuid' })
  userId!: string;

  @Enum({ items: () => CHANNELS })
  channel!: Channel;

  @Enum({ items: () => CATEGORIES })
  category!: Category;

  /** The institution the notification speaks for (its admins list and retry its deliveries). */
  @Property({ type: 'uuid', nullable: true })
  institutionId?: string | null;

  @Enum({ items: () => DELIVERY_STATUSES })
  status: DeliveryStatus = 'pending';

  /** Why it was suppressed or failed: `read`, `preference`, `budget`, `opted-out`, a provider code. */
  @Property({ type: 'string', length: 200, nullable: true })
  reason?: string | null;

  /** SMTP Message-ID (set from this row's id) or Twilio's `SM…` sid. */
  @Property({ type: 'string', length: 200, nullable: true })
  providerId?: string | null;

  /** SMS segments billed (GSM-7 160/153, UCS-2 70/67). */
  @Property({ type: 'integer', nullable: true })
  segments?: number | null;

  /**
   * Segments counted for this SMS in its institution's monthly usage, and that month (`YYYY-MM`):
   * set with the count in one transaction, so an SMS sent again after a stale claim, a retry or a
   * lookup that found it never arrived is counted once; cleared when Twilio refused it (released).
   */
  @Property({ type: 'integer', nullable: true })
  smsReservedSegments?: number | null;

  @Property({ type: 'string', length: 7, nullable: true })
  smsReservedMonth?: string | null;

  @Property({ type: 'integer' })
  attempts: number = 0;

  /** Not before this instant (alert delay, quiet hours, retry backoff). */
  @Property({ type: 'datetime' })
  availableAt!: Date;

  /** When a sender claimed it (a stale claim is swept back to pending). */
  @Property({ type: 'datetime', nullable: true })
  claimedAt?: Date | null;

  /**
   * When the request left for the SMS provider. A stale SMS claim without it never reached Twilio
   * (the worker died between claim and call) and is safe to send again; with it, it is `unknown`.
   */
  @Property({ type: 'datetime', nullable: true })
  handedAt?: Date | null;

  /** The number an SMS was handed over for, kept with `handed_at` to look the SMS up at Twilio when its outcome is unknown. */
  @Property({ type: 'string', length: 32, nullable: true })
  smsTo?: string | null;

  /**
   * A 32-bit keyed hash of the text handed over (see `smsFingerprint`): enough to pick our message out
   * of the few sent to one number, never the text (a password SMS's password is kept nowhere).
   */
  @Property({ type: 'string', length: 16, nullable: true })
  smsFingerprint?: string | null;

  @Property({ type: 'datetime', nullable: true })
  sentAt?: Date | null;

  /** When it reached a final state. */
  @Property({ type: 'datetime', nullable: true })
  settledAt?: Date | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
