import { randomUUID } from 'node:crypto';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Append-only: everything done from a profile is that person's act (seed 000 §3.1).
 * No code path updates or deletes rows; on PostgreSQL a trigger refuses it too.
 * Ids rather than foreign keys, so the record outlives what it describes.
 */
@Entity({ tableName: 'audit_entry' })
@Index({ properties: ['institutionId', 'at'] })
@Index({ properties: ['actorId', 'at'] })
@Index({ properties: ['objectType', 'objectId'] })
export class AuditEntry {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'datetime' })
  at!: Date;

  @Property({ type: 'uuid', nullable: true })
  actorId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  institutionId?: string | null;

  /** dotted verb, e.g. `auth.login`, `guardian.create`, `user.deactivate` */
  @Property({ type: 'string', length: 64 })
  action!: string;

  @Property({ type: 'string', length: 40, nullable: true })
  objectType?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  objectId?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  ip?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  requestId?: string | null;

  /** What changed, never secrets. */
  @Property({ type: 'json', nullable: true })
  details?: Record<string, unknown> | null;
}
