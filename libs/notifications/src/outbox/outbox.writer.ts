import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { OutboxMessage } from './outbox-message.entity';
import type { OutboxPayloads } from './outbox.contract';

@Injectable()
export class OutboxWriter {
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
    const row = em.create(OutboxMessage, {
      kind,
      payload: { ...payload },
      dedupeKey: options.dedupeKey ?? null,
      createdAt: options.at,
      availableAt: options.availableAt ?? options.at,
      attempts: 0,
    });
    em.persist(row);
    return row;
  }
}
