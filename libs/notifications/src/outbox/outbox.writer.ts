import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { RowSet } from '@app/persistence/insert-rows';
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
