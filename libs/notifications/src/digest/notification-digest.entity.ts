import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * One person's daily digest for one Riga day. The row is the guard against building or sending a
 * digest twice: it is created by one conditional insert, unique on (user, day), so a second worker,
 * a second sweep or a restart finds it and does nothing. Its id is the `eventId` of the digest's
 * e-mail delivery row, which the ordinary sender claims and sends once.
 *
 * `cutAt` ends the window of messages it covers; the next digest starts there, so no message
 * appears in two digests. A row with no messages (nothing unread, or no e-mail address) is kept, so
 * the day is not built again.
 */
@Entity({ tableName: 'notification_digest' })
@Unique({ properties: ['userId', 'day'] })
export class NotificationDigest {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  userId!: string;

  /** Riga-local date `YYYY-MM-DD`. */
  @Property({ type: 'string', length: 10 })
  day!: string;

  /** Messages delivered after this instant (the previous digest's cut, or 24 h before this cut)… */
  @Property({ type: 'datetime' })
  fromAt!: Date;

  /** …and at or before this one (the day's digest time). */
  @Property({ type: 'datetime' })
  cutAt!: Date;

  /** The person's unread message copies at build time, oldest first; empty: no e-mail was made. */
  @Property({ type: 'json' })
  messageIds!: string[];

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
