import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit/audit-log.service';
import type { Actor } from '@app/auth/actor';
import { DirectoryErrorCode } from '@app/directory/directory-errors';
import { DomainError } from '@app/platform/errors';
import { AccessPolicy, Permission } from '@app/access';
import { Page, pageOf } from '../common/pagination';
import { parseInstant } from '../institutions/dates';
import type { AuditQuery } from './audit.dto';

export interface AuditItem {
  id: string;
  at: Date;
  actorId: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
}

/** The institution's audit trail, for its head, deputy head and admin only. */
@Injectable()
export class AuditQueryService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditLog,
    private readonly access: AccessPolicy,
  ) {}

  async list(actor: Actor, institutionId: string, q: AuditQuery): Promise<Page<AuditItem>> {
    this.access.require(actor, Permission.InstitutionManage, institutionId);
    const from = q.from !== undefined ? parseInstant(q.from, 'from') : undefined;
    const to = q.to !== undefined ? parseInstant(q.to, 'to') : undefined;
    if (from && to && to < from) {
      throw new DomainError('invalid', DirectoryErrorCode.INVALID_DATE_RANGE, 'to is before from', [
        { field: 'to', issue: 'must not be before from' },
      ]);
    }
    const { items, total } = await this.audit.find(this.em.fork(), {
      institutionIds: [institutionId],
      actorId: q.actorId,
      action: q.action,
      objectType: q.objectType,
      objectId: q.objectId,
      from,
      to,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return pageOf(
      items.map((e) => ({
        id: e.id,
        at: e.at,
        actorId: e.actorId ?? null,
        action: e.action,
        objectType: e.objectType ?? null,
        objectId: e.objectId ?? null,
        ip: e.ip ?? null,
        details: e.details ?? null,
      })),
      total,
      q,
    );
  }
}
