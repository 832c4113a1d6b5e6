import { EntityManager, type FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AccessPolicy, Permission } from '@app/access';
import type { Actor } from '@app/auth/actor';
import { AuditLog } from '@app/audit/audit-log.service';
import { displayNameOf, User } from '@app/directory/entities';
import { NotificationDelivery } from '@app/notifications/delivery/notification-delivery.entity';
import { DomainError } from '@app/platform/errors';
import { Clock } from '@app/platform/time/clock';
import { JobRunner } from '../jobs/job-runner.service';
import type { DeliveriesQuery } from './deliveries.dto';

export interface DeliveryItem {
  id: string;
  userId: string;
  /** Who it was for, so management can tell the rows apart (null: the account no longer exists). */
  recipient: { id: string; displayName: string } | null;
  channel: string;
  category: string;
  status: string;
  reason: string | null;
  attempts: number;
  segments: number | null;
  createdAt: string;
  updatedAt: string;
}

/** Failed and undelivered ones can be retried; an `unknown` SMS may have arrived, so never from here. */
const RETRYABLE = ['failed', 'undelivered'] as const;

const notFound = () => new DomainError('not_found', 'DELIVERY_NOT_FOUND', 'Delivery not found');

/** An institution's deliveries for its management: what failed, and sending it again. */
@Injectable()
export class DeliveriesService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: AccessPolicy,
    private readonly jobs: JobRunner,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** Newest first; the cursor is the last item's id (ids are random, so the order is by creation time, then id). */
  async list(actor: Actor, institutionId: string, q: DeliveriesQuery): Promise<{ items: DeliveryItem[]; nextCursor: string | null }> {
    this.access.require(actor, Permission.DeliveryManage, institutionId);
    const em = this.em.fork();
    const where: FilterQuery<NotificationDelivery> = { institutionId };
    if (q.status) where.status = q.status;
    if (q.channel) where.channel = q.channel;
    if (q.reason) where.reason = q.reason;
    if (q.category) where.category = q.category;
    if (q.userId) where.userId = q.userId;
    if (q.cursor) {
      const after = await em.findOne(NotificationDelivery, { id: q.cursor, institutionId });
      if (!after) throw new DomainError('invalid', 'INVALID_CURSOR', 'cursor is not one this service issued', [{ field: 'cursor', issue: 'invalid' }]);
      Object.assign(where, { $or: [{ createdAt: { $lt: after.createdAt } }, { createdAt: after.createdAt, id: { $lt: after.id } }] });
    }
    const rows = await em.find(NotificationDelivery, where, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: q.limit + 1 });
    const page = rows.slice(0, q.limit);
    const names = await recipientNames(em, page);
    return { items: page.map((d) => item(d, names)), nextCursor: rows.length > q.limit ? page[page.length - 1]!.id : null };
  }

  /** Puts a failed or undelivered delivery back in line with fresh attempts; 409 for any other state. */
  async retry(actor: Actor, deliveryId: string): Promise<DeliveryItem> {
    const em = this.em.fork();
    const row = await em.findOne(NotificationDelivery, deliveryId);
    if (!row?.institutionId || !this.access.can(actor, Permission.InstitutionMember, row.institutionId)) throw notFound();
    this.access.require(actor, Permission.DeliveryManage, row.institutionId);
    const now = this.clock.now();
    const changed = await em.transactional(async (tx) => {
      const n = await tx.nativeUpdate(
        NotificationDelivery,
        { id: deliveryId, status: { $in: [...RETRYABLE] } },
        // A person's retry is a new SMS, billed again: its segments are counted again.
        { status: 'pending', attempts: 0, availableAt: now, settledAt: null, claimedAt: null, smsReservedSegments: null, smsReservedMonth: null, reason: 'retried', updatedAt: now },
      );
      if (n) {
        this.audit.record(tx, now, {
          actorId: actor.userId,
          institutionId: row.institutionId!,
          action: 'delivery.retry',
          objectType: 'notification_delivery',
          objectId: deliveryId,
          ip: actor.ip,
          requestId: actor.requestId,
          details: { before: row.status, reason: row.reason ?? null },
        });
      }
      return n;
    });
    if (!changed) throw new DomainError('conflict', 'DELIVERY_NOT_RETRYABLE', `Only failed or undelivered deliveries can be retried (this one is ${row.status})`);
    // Read back before the job is queued: the answer is the state this retry set, not whatever the
    // worker has made of it by the time a later read would land (attempts 1, or sent).
    const retried = await em.findOneOrFail(NotificationDelivery, deliveryId, { refresh: true });
    await this.jobs.enqueue('delivery.send', [{ key: deliveryId, payload: { deliveryId } }]);
    return item(retried, await recipientNames(em, [retried]));
  }
}

/** One query for a page's recipients (a delivery keeps the user's id, not a relation). */
async function recipientNames(em: EntityManager, rows: NotificationDelivery[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.userId))];
  if (!ids.length) return new Map();
  const users = await em.find(User, { id: { $in: ids } }, { fields: ['givenName', 'familyName'] });
  return new Map(users.map((u) => [u.id, displayNameOf(u)]));
}

function item(d: NotificationDelivery, names: Map<string, string>): DeliveryItem {
  const displayName = names.get(d.userId);
  return {
    id: d.id,
    userId: d.userId,
    recipient: displayName === undefined ? null : { id: d.userId, displayName },
    channel: d.channel,
    category: d.category,
    status: d.status,
    reason: d.reason ?? null,
    attempts: d.attempts,
    segments: d.segments ?? null,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}
