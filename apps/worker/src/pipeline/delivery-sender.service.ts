import { EntityManager, raw } from '@mikro-orm/core';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Channel, NotificationDelivery } from '@app/notifications/delivery/notification-delivery.entity';
import { AppConfig } from '@app/platform/config/app-config';
import { Clock } from '@app/platform/time/clock';
import { MailSender, type OutgoingMail, type OutgoingSms, SendFailure, SmsSender } from '../senders/sender.ports';
import { ChannelPause } from './channel-pause.service';
import { DeliveryMetrics } from './delivery-metrics';
import { retryDelayMs } from './quiet-hours';
import { SmsCostControl, type SmsTicket } from './sms-budget.service';

/** A delivery ready to go out, or the reason it must not (read meanwhile, superseded, no contact). */
export type Composed =
  | { mail: Omit<OutgoingMail, 'deliveryId'> }
  | { sms: Omit<OutgoingSms, 'deliveryId'>; after?: (tx: EntityManager) => Promise<void> }
  | { suppress: string };

/** Builds what a delivery says, in its recipient's language, from the rows it refers to. */
export abstract class DeliveryComposer {
  abstract compose(delivery: NotificationDelivery): Promise<Composed>;
}

export type SendOutcome = 'sent' | 'suppressed' | 'retry' | 'failed' | 'unknown' | 'paused' | 'not-claimed';

/**
 * Sends one delivery row, once. The row is claimed with a conditional update (`pending → sending`,
 * only when due) before the provider is called, so a retry, a duplicate or stalled job, or a second
 * worker finds nothing to claim and does nothing. The provider's id is recorded with `sent`.
 */
@Injectable()
export class DeliverySender {
  private readonly logger = new Logger('DeliverySender');

  constructor(
    private readonly em: EntityManager,
    private readonly composer: DeliveryComposer,
    private readonly mail: MailSender,
    private readonly sms: SmsSender,
    private readonly pause: ChannelPause,
    private readonly clock: Clock,
    private readonly metrics: DeliveryMetrics,
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly smsCost: SmsCostControl,
  ) {}

  async send(deliveryId: string): Promise<SendOutcome> {
    const delivery = await this.claim(deliveryId);
    if (!delivery) return 'not-claimed';
    const outcome = await this.deliver(delivery);
    this.metrics.recorded(delivery.channel, outcome);
    return outcome;
  }

  /**
   * Claims the row if it is pending, due and its channel is not paused, and returns it as claimed:
   * one statement, so the hot path reads nothing before it (a paused channel's rows stay pending
   * for the sweep to queue once the pause ends).
   */
  private async claim(deliveryId: string): Promise<NotificationDelivery | null> {
    const em = this.em.fork();
    const now = em.getPlatform().processDateProperty(this.clock.now());
    const paused = this.pause.pausedChannels();
    const rows = await em.getConnection().execute<Record<string, unknown>[]>(
      `update notification_delivery set status = 'sending', claimed_at = ?, attempts = attempts + 1, updated_at = ?
        where id = ? and status = 'pending' and available_at <= ?${paused.length ? ` and channel not in (${paused.map(() => '?').join(', ')})` : ''}
        returning *`,
      [now, now, deliveryId, now, ...paused],
    );
    return rows[0] ? em.map(NotificationDelivery, rows[0]) : null;
  }

  private async deliver(delivery: NotificationDelivery): Promise<SendOutcome> {
    const { id: deliveryId, attempts: attempt } = delivery;
    let composed: Composed;
    try {
      composed = await this.composer.compose(delivery);
    } catch (err) {
      this.logger.error({ err, deliveryId }, 'could not compose a delivery');
      return this.settle(deliveryId, 'failed', 'compose-error');
    }
    if ('suppress' in composed) return this.settle(deliveryId, 'suppressed', composed.suppress);
    let ticket: SmsTicket | undefined;
    if ('sms' in composed) {
      const admitted = await this.smsCost.admit(delivery, composed.sms).catch((err: unknown) => this.logger.error({ err, deliveryId }, 'SMS cost control failed'));
      if (!admitted) return this.retry(deliveryId, attempt, 'error', 0);
      if (typeof admitted === 'string') return admitted;
      ticket = admitted;
    }

    const answered = this.metrics.providerCall(delivery.channel);
    try {
      const accepted =
        'mail' in composed
          ? { ...(await this.mail.send({ deliveryId, ...composed.mail }).finally(answered)), segments: null }
          : await this.sms.send({ deliveryId, ...composed.sms, body: ticket!.body }).finally(answered);
      const after = 'sms' in composed ? composed.after : undefined;
      const markSent = (em: EntityManager) =>
        em.nativeUpdate(
          NotificationDelivery,
          { id: deliveryId, status: 'sending' },
          { status: 'sent', providerId: accepted.providerId, segments: accepted.segments, sentAt: this.clock.now(), reason: null, updatedAt: this.clock.now() },
        );
      // A transaction (three round trips) only when something must change with the row.
      if (after)
        await this.em.fork().transactional(async (tx) => {
          await markSent(tx);
          await after(tx);
        });
      else await markSent(this.em.fork());
      if (ticket && accepted.segments !== null) await this.smsCost.accepted(ticket, accepted.segments);
      return 'sent';
    } catch (err) {
      if (ticket) await this.smsCost.failed(ticket, err);
      if (!(err instanceof SendFailure)) {
        this.logger.error({ err, deliveryId }, 'unexpected send error');
        return this.retry(deliveryId, attempt, 'error', 0);
      }
      return this.failed(deliveryId, delivery.channel, attempt, err);
    }
  }

  private async failed(deliveryId: string, channel: Channel, attempt: number, err: SendFailure): Promise<SendOutcome> {
    switch (err.kind) {
      case 'permanent':
        return this.settle(deliveryId, 'failed', err.code);
      case 'unknown':
        // The request may have reached the provider: never sent again automatically; a status callback settles it.
        await this.em.fork().nativeUpdate(NotificationDelivery, { id: deliveryId, status: 'sending' }, { status: 'unknown', reason: err.code, updatedAt: this.clock.now() });
        return 'unknown';
      case 'configuration':
        this.pause.pauseChannel(channel, err.code);
        await this.em.fork().nativeUpdate(
          NotificationDelivery,
          { id: deliveryId, status: 'sending' },
          // Not the delivery's fault: the attempt is given back.
          { status: 'pending', attempts: raw('attempts - 1'), reason: `paused: ${err.code}`, claimedAt: null, updatedAt: this.clock.now() },
        );
        return 'paused';
      case 'temporary':
        return this.retry(deliveryId, attempt, err.code, err.retryAfterMs ?? 0);
    }
  }

  private async retry(deliveryId: string, attempt: number, reason: string, retryAfterMs: number): Promise<SendOutcome> {
    if (attempt >= this.config.env.DELIVERY_MAX_ATTEMPTS) return this.settle(deliveryId, 'failed', `${reason} (after ${attempt} attempts)`);
    const now = this.clock.now();
    await this.em.fork().nativeUpdate(
      NotificationDelivery,
      { id: deliveryId, status: 'sending' },
      { status: 'pending', availableAt: new Date(now.getTime() + retryDelayMs(attempt, Math.random, retryAfterMs)), claimedAt: null, reason, updatedAt: now },
    );
    return 'retry';
  }

  private async settle(deliveryId: string, status: 'failed' | 'suppressed', reason: string): Promise<SendOutcome> {
    const now = this.clock.now();
    await this.em.fork().nativeUpdate(NotificationDelivery, { id: deliveryId, status: 'sending' }, { status, reason, settledAt: now, updatedAt: now });
    return status;
  }
}
