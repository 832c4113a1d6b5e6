import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { NotificationDelivery } from '@app/notifications/delivery/notification-delivery.entity';
import type { QuietHours } from '@app/notifications/preferences/preferences';
import { AppConfig } from '@app/platform/config/app-config';
import { Clock } from '@app/platform/time/clock';
import { jsonColumn } from '@app/persistence/plain-rows';
import { afterQuietHours, parseQuietHours } from '../pipeline/quiet-hours';
import { type DigestDay, dueDigestDay, FIRST_WINDOW_MS } from './digest-schedule';

const BATCH = 200;

/** Someone owed today's digest, with what building it needs from their account and preferences. */
interface Owed {
  user_id: string;
  email: string | null;
  /** jsonb on PostgreSQL, text on SQLite. */
  quiet_hours: QuietHours | string | null;
}

/** Single e-mail alerts that went, or will go: their message is not repeated in a digest. */
const LIVE_EMAIL = `('pending', 'sending', 'sent', 'delivered', 'unknown')`;

/**
 * Builds today's digests once its time has come, for everyone who chose one, on the sweep's timer
 * (a Redis flush loses nothing: the state is the `notification_digest` table). Each person's digest
 * is one transaction whose conditional insert, unique on (user, day), is the guard: a second sweep,
 * a second worker or a restart inserts nothing and builds nothing. The e-mail is an ordinary
 * delivery row (event = the digest's id), so the sender's claim makes it go out once.
 */
@Injectable()
export class DigestBuilder {
  private readonly logger = new Logger('DigestBuilder');

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /**
   * Builds up to one batch of the digests due today and not built yet; returns how many this call
   * built. One batch per sweep pass, so a school's worth of digests at 18:00 does not hold up the
   * relay of new (urgent) messages in the same pass; the next passes build the rest.
   */
  async buildDue(): Promise<number> {
    const now = this.clock.now();
    const due = dueDigestDay(now, this.config.env.DIGEST_TIME);
    if (!due) return 0;
    let built = 0;
    for (const owed of await this.owing(due.day)) {
      // One person's failure must not hold up everyone after them in the list: the next pass retries them.
      const done = await this.build(owed, due, now).catch((err: unknown) => {
        this.logger.warn({ err, userId: owed.user_id }, 'digest not built; the next sweep retries');
        return false;
      });
      if (done) built += 1;
    }
    return built;
  }

  /** People who chose the digest and have no row for the day yet. */
  private async owing(day: string): Promise<Owed[]> {
    return (await this.em.getConnection().execute(
      `select p.user_id, u.email, p.quiet_hours from notification_preference p join app_user u on u.id = p.user_id
        where p.digest = true and u.active = true
          and not exists (select 1 from notification_digest d where d.user_id = p.user_id and d.day = ?)
        order by p.user_id limit ${BATCH}`,
      [day],
    )) as Owed[];
  }

  /**
   * One person's digest: the copies delivered to them after the previous digest's cut (or in the
   * 24 h before this one) up to this cut, still unread, not in the trash and not alerted singly by
   * e-mail. False when another builder got there first or is at it now.
   */
  private async build(owed: Owed, { day, cutAt }: DigestDay, now: Date): Promise<boolean> {
    const userId = owed.user_id;
    return this.em.fork().transactional(async (tx) => {
      const platform = tx.getPlatform();
      const at = (d: Date) => platform.processDateProperty(d);
      const exec = <T>(sql: string, params: unknown[]) => tx.getConnection().execute(sql, params, 'all', tx.getTransactionContext()) as Promise<T[]>;
      // Workers walk the same list: one that finds the person taken moves on rather than queueing
      // behind the other's insert (the unique row, not this lock, is what keeps the digest single).
      // SQLite has one connection and no concurrent builder.
      if (this.config.databaseKind === 'postgresql') {
        const mine = await exec('select user_id from notification_preference where user_id = ? for update skip locked', [userId]);
        if (!mine.length) return false;
      }
      const [previous] = await exec<{ day: string; cut_at: Date | string | number }>(
        'select day, cut_at from notification_digest where user_id = ? and day <= ? order by day desc limit 1',
        [userId, day],
      );
      // Built meanwhile by another worker (the list was read before): nothing to do.
      if (previous?.day === day) return false;
      const fromAt = previous ? toDate(previous.cut_at) : new Date(cutAt.getTime() - FIRST_WINDOW_MS);
      const copies = await exec<{ message_id: string; institution_id: string }>(
        `select mr.message_id, m.institution_id from message_recipient mr join message m on m.id = mr.message_id
          where mr.user_id = ? and mr.delivered_at > ? and mr.delivered_at <= ? and mr.read_at is null and mr.folder <> 'trash'
            and not exists (
              select 1 from outbox_message o join notification_delivery nd on nd.event_id = o.id
               where o.dedupe_key = 'message-alert:' || mr.message_id and nd.user_id = mr.user_id
                 and nd.channel = 'email' and nd.status in ${LIVE_EMAIL})
          order by mr.delivered_at, mr.message_id`,
        [userId, at(fromAt), at(cutAt)],
      );
      const messageIds = copies.map((c) => c.message_id);
      const id = randomUUID();
      const inserted = await exec<{ id: string }>(
        `insert into notification_digest (id, user_id, day, from_at, cut_at, message_ids, created_at) values (?, ?, ?, ?, ?, ?, ?)
          on conflict (user_id, day) do nothing returning id`,
        [id, userId, day, at(fromAt), at(cutAt), JSON.stringify(messageIds), at(now)],
      );
      if (!inserted.length) return false;
      // No address: the row stays (the day is done, the messages are in the app); nothing to send.
      if (messageIds.length && owed.email) {
        const own = jsonColumn<QuietHours | null>(owed.quiet_hours);
        const quiet = own ?? parseQuietHours(this.config.env.QUIET_HOURS);
        tx.create(NotificationDelivery, {
          eventId: id,
          userId,
          channel: 'email',
          category: 'message',
          institutionId: digestInstitution(copies.map((c) => c.institution_id)),
          availableAt: afterQuietHours(now, quiet),
          createdAt: now,
          updatedAt: now,
        });
      }
      return true;
    });
  }
}

/**
 * The institution a digest's delivery belongs to, so its admins find the e-mail in their delivery
 * list: the one whose messages it carries. One digest per person and day may carry several schools'
 * messages (children in two institutions); it is listed under the one with the most of them (ties:
 * the earliest message's), which it certainly concerns, and never under an institution none of
 * whose messages it holds. The others' admins do not see that digest.
 */
export function digestInstitution(institutionIds: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const id of institutionIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  let best: string | null = null;
  for (const [id, count] of counts) if (best === null || count > counts.get(best)!) best = id;
  return best;
}

/** Raw rows: PostgreSQL answers Dates, SQLite the stored number or text. */
function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);
}
