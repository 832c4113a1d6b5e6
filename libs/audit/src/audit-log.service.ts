import { randomUUID } from 'node:crypto';
import { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AuditEntry } from './audit-entry.entity';

export interface AuditRecord {
  actorId?: string | null;
  institutionId?: string | null;
  action: string;
  objectType?: string;
  objectId?: string;
  ip?: string;
  requestId?: string;
  details?: Record<string, unknown>;
}

export interface AuditQuery {
  institutionIds: string[];
  actorId?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

/**
 * The entry as a plain row (property names, new id), for writers that insert it in one statement
 * with the change it records (`insertAll`) instead of through a unit of work.
 */
export function auditRow(at: Date, entry: AuditRecord) {
  return {
    id: randomUUID(),
    at,
    actorId: entry.actorId ?? null,
    institutionId: entry.institutionId ?? null,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId ?? null,
    ip: entry.ip?.slice(0, 64) ?? null,
    requestId: entry.requestId?.slice(0, 64) ?? null,
    details: entry.details ?? null,
  };
}

@Injectable()
export class AuditLog {
  /** Adds the entry to `em`'s unit of work, so it commits (or not) with the change it records. */
  record(em: EntityManager, at: Date, entry: AuditRecord): AuditEntry {
    const row = em.create(AuditEntry, auditRow(at, entry));
    em.persist(row);
    return row;
  }

  async find(em: EntityManager, q: AuditQuery): Promise<{ items: AuditEntry[]; total: number }> {
    const where: FilterQuery<AuditEntry> = { institutionId: { $in: q.institutionIds } };
    if (q.actorId) where.actorId = q.actorId;
    if (q.action) where.action = q.action.endsWith('*') ? { $like: `${q.action.slice(0, -1)}%` } : q.action;
    if (q.objectType) where.objectType = q.objectType;
    if (q.objectId) where.objectId = q.objectId;
    if (q.from || q.to) where.at = { ...(q.from ? { $gte: q.from } : {}), ...(q.to ? { $lt: q.to } : {}) };
    const [items, total] = await em.findAndCount(AuditEntry, where, {
      orderBy: { at: 'desc', id: 'desc' },
      limit: q.limit,
      offset: q.offset,
    });
    return { items, total };
  }
}
