import { createHmac } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Injectable, Logger } from '@nestjs/common';
import { NotificationDelivery } from '@app/notifications/delivery/notification-delivery.entity';
import { Clock } from '@app/platform/time/clock';
import { TwilioStatusService } from '../delivery-status/twilio-status.service';
import { SmsSender } from '../senders/sender.ports';
import { SmsCostControl } from './sms-budget.service';

/** An unknown SMS is first left to its status callback, which usually comes within seconds. */
export const LOOKUP_AFTER_MS = 60_000;
/**
 * Absent from the provider's list this long after the hand-over, the SMS never arrived: it is sent.
 * Twilio lists a message as soon as it has created it, and our request gives up after
 * TWILIO_TIMEOUT, so minutes of margin cover a late request, list lag and clock skew.
 */
export const NOT_SENT_AFTER_MS = 10 * 60_000;
/** A lookup that could not decide (provider down, list too long) is tried again this much later. */
const LOOKUP_AGAIN_MS = 60_000;
/** Lookups per sweep pass: each is one request to the provider. */
const LOOKUPS_PER_SWEEP = 20;
/** Still undecided a day on: left `unknown` for a person to look at, no longer asked about. */
const GIVE_UP_AFTER_MS = 24 * 3600_000;

/**
 * A short keyed hash of an SMS text: recorded at hand-over, compared with the texts the provider
 * lists. 32 bits tell our message from the few sent to one number, and say nothing useful about a
 * password inside (billions of passwords share each value).
 */
export function smsFingerprint(deliveryId: string, body: string): string {
  return createHmac('sha256', deliveryId).update(body).digest('hex').slice(0, 8);
}

/**
 * Settles `unknown` SMS (the request may have reached Twilio, no answer came: a timeout, a reset, a
 * worker killed after `handed_at`) without sending anything twice. A status callback finds such a
 * delivery by the id in its URL, but none comes for an SMS that never arrived, nor when PUBLIC_URL
 * does not reach us. So, a minute on, the sweep asks the provider's message list:
 * - found (same number, sender and text, created around the hand-over, its sid on no other
 *   delivery) → the sid and the provider's status are recorded, as a callback would;
 * - absent, and `NOT_SENT_AFTER_MS` past the hand-over → it never left: back to `pending`, sent again
 *   (its segments stay counted on the row, so the second try is not counted twice);
 * - absent sooner, unsure, or the lookup failed → left `unknown`, looked up again a minute later
 *   (for a day; then it is left to a person).
 * Residual risk of a second SMS: the provider creating the message more than `NOT_SENT_AFTER_MS`
 * after our request, or not listing a message it has (a changed TWILIO_FROM, or a list lagging
 * that long); both are outside Twilio's documented behaviour.
 */
@Injectable()
export class SmsReconciler {
  private readonly logger = new Logger('SmsReconciler');

  constructor(
    private readonly em: EntityManager,
    private readonly sms: SmsSender,
    private readonly status: TwilioStatusService,
    private readonly smsCost: SmsCostControl,
    private readonly clock: Clock,
  ) {}

  /** Looks up a bounded number of due unknown SMS; `available_at` holds when each is next due. */
  async reconcileDue(): Promise<void> {
    const now = this.clock.now();
    const rows = await this.em.fork().find(
      NotificationDelivery,
      {
        channel: 'sms',
        status: 'unknown',
        providerId: null,
        smsTo: { $ne: null },
        handedAt: { $lte: new Date(now.getTime() - LOOKUP_AFTER_MS), $gte: new Date(now.getTime() - GIVE_UP_AFTER_MS) },
        availableAt: { $lte: now },
      },
      { fields: ['id', 'smsTo', 'smsFingerprint', 'handedAt', 'institutionId', 'smsReservedSegments', 'smsReservedMonth'], orderBy: { availableAt: 'asc' }, limit: LOOKUPS_PER_SWEEP },
    );
    for (const row of rows) {
      await this.reconcile(row, now).catch((err: unknown) => this.logger.warn({ err, deliveryId: row.id }, 'unknown SMS not reconciled; the next sweep retries'));
    }
  }

  private async reconcile(row: Pick<NotificationDelivery, 'id' | 'smsTo' | 'smsFingerprint' | 'handedAt' | 'institutionId' | 'smsReservedSegments' | 'smsReservedMonth'>, now: Date): Promise<void> {
    const handedAt = row.handedAt!;
    let result;
    try {
      result = await this.sms.find({ deliveryId: row.id, to: row.smsTo!, handedAt, isOurs: (body) => smsFingerprint(row.id, body) === row.smsFingerprint });
    } catch (err) {
      this.logger.warn({ err, deliveryId: row.id }, 'SMS lookup at the provider failed; tried again later');
      return this.later(row.id, now);
    }
    if (typeof result === 'object') {
      for (const found of result.found) {
        // The same text to the same number for another delivery (rare): that message is not ours.
        if (await this.em.fork().count(NotificationDelivery, { providerId: found.providerId, id: { $ne: row.id } })) continue;
        const applied = await this.status.apply({ sid: found.providerId, status: found.status, errorCode: found.errorCode, to: row.smsTo, deliveryId: row.id, segments: found.segments });
        if (!applied) return this.later(row.id, now); // a status that settles nothing yet (e.g. receiving)
        this.logger.log({ deliveryId: row.id, sid: found.providerId, status: found.status }, 'unknown SMS found at the provider');
        const { institutionId, smsReservedSegments: segments, smsReservedMonth: month } = row;
        // Counted at hand-over by our own reckoning; the provider's count is what is billed.
        if (found.segments && institutionId && segments != null && month) await this.smsCost.recount(row.id, { institutionId, month, segments }, found.segments);
        return;
      }
      // Only other deliveries' messages matched, so whether the list covered the window is not known.
      return this.later(row.id, now);
    }
    if (result === 'absent' && now.getTime() - handedAt.getTime() >= NOT_SENT_AFTER_MS) {
      const reset = await this.em.fork().nativeUpdate(
        NotificationDelivery,
        { id: row.id, status: 'unknown', providerId: null },
        { status: 'pending', reason: 'not at the provider', claimedAt: null, handedAt: null, smsTo: null, smsFingerprint: null, availableAt: now, updatedAt: now },
      );
      if (reset) this.logger.warn({ deliveryId: row.id }, 'unknown SMS never reached the provider; sending it again');
      return;
    }
    return this.later(row.id, now);
  }

  private async later(id: string, now: Date): Promise<void> {
    await this.em.fork().nativeUpdate(NotificationDelivery, { id, status: 'unknown' }, { availableAt: new Date(now.getTime() + LOOKUP_AGAIN_MS), updatedAt: now });
  }
}
