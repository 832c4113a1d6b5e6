import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import twilio from 'twilio';
import { DELIVERY_STATUSES, DeliveryStatus, NotificationDelivery, STATUS_RANK } from '@app/notifications/delivery/notification-delivery.entity';
import { rememberOptOut, TWILIO_UNSUBSCRIBED } from '@app/notifications/sms/sms-opt-out.entity';
import { AppConfig } from '@app/platform/config/app-config';
import { DomainError } from '@app/platform/errors/domain-error';
import { TWILIO_STATUS_PATH } from '@app/platform/http/configure-http';
import { Clock } from '@app/platform/time/clock';
import { twilioSettings } from '../senders/twilio-sms.sender';

export const INVALID_SIGNATURE = 'INVALID_SIGNATURE';

/**
 * The `StatusCallback` to give Twilio for one delivery. The delivery id rides along because an SMS
 * whose send timed out (`unknown`) never learned its sid: the callback is how it is found.
 */
export function twilioStatusCallbackUrl(config: AppConfig, deliveryId: string): string {
  return `${publicBase(config)}${TWILIO_STATUS_PATH}?delivery=${encodeURIComponent(deliveryId)}`;
}

function publicBase(config: AppConfig): string {
  return config.env.PUBLIC_URL.replace(/\/+$/, '');
}

export interface TwilioCallback {
  signature: string | undefined;
  /** The request's query string (`?delivery=…` or empty): part of what Twilio signed. */
  search: string;
  params: Record<string, unknown>;
}

/**
 * Where a Twilio `MessageStatus` moves a delivery, and from which statuses. Early statuses only
 * settle an `unknown` send (Twilio has it, so it went); later ones move anything behind them.
 */
const TRANSITIONS: Readonly<Record<string, { to: DeliveryStatus; from: readonly DeliveryStatus[] }>> = (() => {
  const behind = (to: DeliveryStatus) => ({ to, from: DELIVERY_STATUSES.filter((s) => STATUS_RANK[s] < STATUS_RANK[to]) });
  const settlesUnknown = { to: 'sent' as const, from: ['unknown'] as const };
  return {
    accepted: settlesUnknown,
    scheduled: settlesUnknown,
    queued: settlesUnknown,
    sending: settlesUnknown,
    sent: behind('sent'),
    delivered: behind('delivered'),
    undelivered: behind('undelivered'),
    failed: behind('failed'),
    // A scheduled message cancelled before it left: final, and nothing was sent.
    canceled: behind('failed'),
  };
})();

const SID = /^(SM|MM)[0-9a-f]{32}$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Twilio's delivery reports. Verified against `PUBLIC_URL` (what Twilio signed), never a URL
 * rebuilt from the request's Host, which a proxy or a forger controls. Reports repeat and arrive
 * out of order, so each is one conditional update that only moves a delivery forward; a report
 * about an SMS we do not know changes nothing and is still acknowledged, or Twilio would retry it.
 */
@Injectable()
export class TwilioStatusService {
  constructor(
    private readonly em: EntityManager,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async report(callback: TwilioCallback): Promise<void> {
    this.verify(callback);
    const p = callback.params;
    const sid = str(p.MessageSid);
    const status = str(p.MessageStatus);
    if (!sid || !SID.test(sid) || !status) return;
    const deliveryId = new URLSearchParams(callback.search).get('delivery') ?? undefined;
    await this.apply({ sid, status, errorCode: str(p.ErrorCode), to: str(p.To), deliveryId });
  }

  /**
   * Moves the delivery that has this sid (or, for a send that timed out before learning its sid, the
   * sid-less delivery `deliveryId`) forward to what Twilio's status means: one conditional update.
   * Also how the sweep records an `unknown` SMS it found in Twilio's message list. Answers whether a
   * delivery moved.
   */
  async apply(report: { sid: string; status: string; errorCode?: string | null; to?: string | null; deliveryId?: string; segments?: number | null }): Promise<boolean> {
    const { sid, errorCode, to, deliveryId } = report;
    const transition = TRANSITIONS[report.status];
    if (!transition) return false;
    const now = this.clock.now();
    const changes: Partial<NotificationDelivery> = { status: transition.to, providerId: sid, updatedAt: now };
    if (report.segments) changes.segments = report.segments;
    if (transition.to === 'sent') changes.sentAt = now;
    else {
      changes.settledAt = now;
      if (transition.to !== 'delivered') changes.reason = errorCode && /^\d{1,10}$/.test(errorCode) ? errorCode : transition.to;
    }
    const em = this.em.fork();
    const updated = await em.nativeUpdate(
      NotificationDelivery,
      {
        channel: 'sms',
        status: { $in: [...transition.from] },
        // By sid; or, for a send that timed out before learning its sid, by the id in the callback URL.
        $or: deliveryId && UUID.test(deliveryId) ? [{ providerId: sid }, { id: deliveryId, providerId: null }] : [{ providerId: sid }],
      },
      changes,
    );
    // STOP reported after the send: no further SMS to the number (see SmsCostControl).
    if (updated && errorCode === TWILIO_UNSUBSCRIBED && to) await rememberOptOut(em, to, now);
    return updated > 0;
  }

  private verify({ signature, search, params }: TwilioCallback): void {
    const settings = twilioSettings(this.config);
    const url = `${publicBase(this.config)}${TWILIO_STATUS_PATH}${search}`;
    if (!settings || !signature || !twilio.validateRequest(settings.authToken, signature, url, params)) {
      throw new DomainError('forbidden', INVALID_SIGNATURE, 'The request does not carry a valid Twilio signature');
    }
  }
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}
