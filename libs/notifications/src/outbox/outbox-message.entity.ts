import { randomUUID } from 'node:crypto';
import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { OutboxKind } from './outbox.contract';

/**
 * Transactional outbox: written in the same transaction as the change that implies it, relayed
 * into BullMQ by the worker with the row id as the job id (so a second relay is a no-op).
 */
@Entity({ tableName: 'outbox_message' })
@Index({ properties: ['relayedAt', 'availableAt'] })
@Unique({ properties: ['dedupeKey'] })
export class OutboxMessage {
  [OptionalProps]?: 'createdAt' | 'availableAt' | 'attempts';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 40 })
  kind!: OutboxKind;

  /** Ids and sealed secrets only (see outbox.contract.ts); personal data is read at send time. */
  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  /** A business key that must produce one notification only, e.g. `password-sms:<userId>:<n>`. */
  @Property({ type: 'string', length: 200, nullable: true })
  dedupeKey?: string | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  /** Not before this instant (quiet hours, read-before-alert delays). */
  @Property({ type: 'datetime' })
  availableAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  relayedAt?: Date | null;

  @Property({ type: 'integer' })
  attempts: number = 0;

  @Property({ type: 'string', length: 500, nullable: true })
  lastError?: string | null;
}
