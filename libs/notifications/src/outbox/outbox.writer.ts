import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import type { RowSet } from '@app/persistence/insert-rows';
import { AppConfig } from '@app/platform/config/app-config';
import type { Message } from '@app/post';
import { OutboxMessage } from './outbox-message.entity';
import type { OutboxPayloads } from './outbox.contract';

/** What the alert intents of a message depend on. */
export type AlertingMessage = Pick<Message, 'id' | 'priority' | 'requiresAck' | 'ackDeadline'>;

/** The one way domain changes ask for notifications: rows written in the caller's transaction, relayed by the worker. */
@Injectable()
export class OutboxWriter {
  constructor(@Inject(AppConfig) private readonly config: AppConfig) {}

  /**
   * Adds a row to `em`'s unit of work: it commits with the change that implies it, or not at all.
   * Nothing is sent from the request path; the worker relays committed rows.
   */
  add<K extends keyof OutboxPayloads>(
    em: EntityManager,
    kind: K,
    payload: OutboxPayloads[K],
    options: { at: Date; dedupeKey?: string; availableAt?: Date },
  ): OutboxMessage {
    const row = em.create(OutboxMessage, rowData(kind, payload, options.dedupeKey ?? null, options));
    em.persist(row);
    return row;
  }

  /**
   * Many rows of one kind as plain rows, for a writer that inserts them in one statement with the
   * change they follow (`insertRows` in its transaction, or `insertAll`); a message to a whole school
   * writes thousands of intents.
   */
  rows<K extends keyof OutboxPayloads>(
    kind: K,
    items: ReadonlyArray<{ payload: OutboxPayloads[K]; dedupeKey: string }>,
    options: { at: Date; availableAt?: Date },
  ): RowSet {
    return {
      entity: OutboxMessage,
      rows: items.map((item) => ({ id: randomUUID(), ...rowData(kind, item.payload, item.dedupeKey, options) })),
    };
  }

  /**
   * A message's one `message-alert` intent (the worker expands it to the recipients at once and
   * holds a normal one's deliveries for the alert delay — the institution's, else
   * ALERT_DELAY_SECONDS — so that a message read in the app sends nothing). A message that asks for
   * confirmation by a deadline adds its reminder (`ACK_REMINDER_BEFORE` ahead, at once if that is
   * past) and its overdue report to the sender (at the deadline), in the same atomic write.
   */
  messageAlerts(message: AlertingMessage, now: Date): RowSet {
    const alert = this.rows(
      'message-alert',
      [{ payload: { messageId: message.id, priority: message.priority }, dedupeKey: `message-alert:${message.id}` }],
      { at: now, availableAt: now },
    );
    const deadline = message.requiresAck ? message.ackDeadline : null;
    if (!deadline) return alert;
    const notBeforeNow = (t: number) => new Date(Math.max(t, now.getTime()));
    const ack = (kind: 'ack-reminder' | 'ack-overdue', at: number) =>
      this.rows(kind, [{ payload: { messageId: message.id }, dedupeKey: `${kind}:${message.id}` }], { at: now, availableAt: notBeforeNow(at) }).rows;
    return {
      entity: alert.entity,
      rows: [...alert.rows, ...ack('ack-reminder', deadline.getTime() - this.config.env.ACK_REMINDER_BEFORE), ...ack('ack-overdue', deadline.getTime())],
    };
  }
}

function rowData<K extends keyof OutboxPayloads>(
  kind: K,
  payload: OutboxPayloads[K],
  dedupeKey: string | null,
  options: { at: Date; availableAt?: Date },
) {
  return {
    kind,
    payload: { ...payload } as Record<string, unknown>,
    dedupeKey,
    createdAt: options.at,
    availableAt: options.availableAt ?? options.at,
    attempts: 0,
  };
}
