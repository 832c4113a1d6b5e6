import type { EntityManager } from '@mikro-orm/core';
import type { Logger } from '@nestjs/common';
import { NotificationDelivery } from '@app/notifications/delivery/notification-delivery.entity';
import { channelsFor } from '@app/notifications/preferences/preferences';
import type { PreferencesReader } from '@app/notifications/preferences/preferences.reader';

/**
 * Shared steps of the notices the sweep builds from a row of their own (statements, test reminders,
 * overdue summaries): each row is created by a conditional insert on its unique key, and its id is the
 * `eventId` of its deliveries.
 */

export interface NoticeRecipient {
  id: string;
  email: string | null;
  phone: string | null;
}

/** Raw SQL inside the transaction (SQLite has one connection, which the transaction holds). */
export function txSql(tx: EntityManager) {
  return <T>(sql: string, params: unknown[]) => tx.getConnection().execute(sql, params, 'all', tx.getTransactionContext()) as Promise<T[]>;
}

/**
 * Inserts the notice's row unless one with the same unique key exists; true when this call created it
 * (another worker or pass that got there first makes it false, and nothing is sent twice).
 */
export async function insertOnce(tx: EntityManager, table: string, row: Record<string, unknown>, unique: readonly string[]): Promise<boolean> {
  const columns = Object.keys(row);
  const inserted = await txSql(tx)<{ id: string }>(
    `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})
      on conflict (${unique.join(', ')}) do nothing returning id`,
    columns.map((c) => (row[c] instanceof Date ? tx.getPlatform().processDateProperty(row[c]) : row[c])),
  );
  return inserted.length > 0;
}

/** Builds each key in turn; a failure is logged and left to the next sweep. Answers how many were built. */
export async function buildEach<K>(logger: Logger, what: string, keys: Iterable<K>, build: (key: K) => Promise<boolean>): Promise<number> {
  let built = 0;
  for (const key of keys) {
    const done = await build(key).catch((err: unknown) => {
      logger.warn({ err, key }, `${what} not built; the next sweep retries`);
      return false;
    });
    if (done) built += 1;
  }
  return built;
}

/** An e-mail delivery of the notice to each recipient whose `journal` choice includes e-mail (a list is an e-mail, never an SMS). */
export async function journalEmails(
  tx: EntityManager,
  preferences: PreferencesReader,
  notice: { eventId: string; institutionId: string; now: Date },
  recipients: readonly NoticeRecipient[],
): Promise<void> {
  if (!recipients.length) return;
  const prefs = await preferences.forUsers(
    recipients.map((r) => r.id),
    tx,
  );
  const { eventId, institutionId, now } = notice;
  for (const r of recipients) {
    const effective = prefs.get(r.id);
    if (!effective || !channelsFor('journal', effective, r).includes('email')) continue;
    tx.create(NotificationDelivery, { eventId, userId: r.id, channel: 'email', category: 'journal', institutionId, availableAt: now, createdAt: now, updatedAt: now });
  }
}
