import { EntityManager, raw } from '@mikro-orm/core';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Channel, NotificationDelivery } from '@app/notifications/delivery/notification-delivery.entity';
import { AppConfig } from '@app/platform/config/app-config';
import { Clock } from '@app/platform/time/clock';
import { MailSender, type OutgoingMail, type OutgoingSms, SendFailure, SmsSender } from '../senders/sender.ports';
import { ChannelPause } from './channel-pause.service';
import { DeliveryMetrics } from './delivery-metrics';
import { Batcher, cases, placeholders } from './batcher';
import { retryDelayMs } from './quiet-hours';
import { SmsCostControl, type SmsTicket } from './sms-budget.service';
import { smsFingerprint } from './sms-reconciler.service';

/** A delivery ready to go out, or the reason it must not (read meanwhile, superseded, no contact). */
export type Composed =
  | { mail: Omit<OutgoingMail, 'deliveryId'> }
  | { sms: Omit<OutgoingSms, 'deliveryId'>; after?: (tx: EntityManager) => Promise<void> }
  | { suppress: string };

/** Builds what a delivery says, in its recipient's language, from the rows it refers to. */
export abstract class DeliveryComposer {
  abstract compose(delivery: NotificationDelivery): Promise<Composed>;
}

/** An SMS about to leave: recorded first, so an unknown outcome can be looked up at the provider. */
interface HandOver {
  id: string;
  to: string;
  body: string;
}

/** What the provider accepted, to record with `sent`. */
interface SentMark {
  id: string;
  providerId: string;
  segments: number | null;
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

  /** Concurrent sends share their claim and their `sent` update: one statement per batch each. */
  private readonly claims = new Batcher<string, NotificationDelivery | null>((ids) => this.claimAll(ids));
  // Recording `sent` may wait a moment for company: the provider has the message already.
  private readonly sentMarks = new Batcher<SentMark, void>((marks) => this.markSentAll(marks), { lingerMs: 20 });
  // Committed before the SMS leaves, so a worker killed earlier leaves a claim known to be unsent.
  private readonly handOvers = new Batcher<HandOver, void>((handOvers) => this.markHandedAll(handOvers));

  async send(deliveryId: string): Promise<SendOutcome> {
    const delivery = await this.claims.call(deliveryId);
    if (!delivery) return 'not-claimed';
    const outcome = await this.deliver(delivery).catch(async (err: unknown): Promise<SendOutcome> => {
      // Left as it is, the claim would wait for the sweep's stale-claim period; given back now, it
      // goes again at once (an e-mail under the same Message-ID; an SMS that may have left waits).
      this.logger.error({ err, deliveryId }, 'delivery failed unexpectedly; its claim is given back');
      await releaseClaims(this.em.fork(), [deliveryId], 'error', this.clock.now());
      return 'retry';
    });
    this.metrics.recorded(delivery.channel, outcome);
    return outcome;
  }

  /**
   * Claims the rows that are pending, due and not on a paused channel, and returns them as claimed:
   * one statement, so the hot path reads nothing before it (a paused channel's rows stay pending
   * for the sweep to queue once the pause ends). An id asked for twice in one batch (a duplicate
   * job) is handed to the first caller only; the other finds it claimed, as it would a moment later.
   */
  private async markHandedAll(handOvers: HandOver[]): Promise<void[]> {
    const em = this.em.fork();
    const now = em.getPlatform().processDateProperty(this.clock.now());
    const to = cases(handOvers, (h) => h.to);
    const fingerprint = cases(handOvers, (h) => smsFingerprint(h.id, h.body));
    await em
      .getConnection()
      .execute(
        `update notification_delivery set handed_at = ?, sms_to = ${to.sql}, sms_fingerprint = ${fingerprint.sql} where id in (${placeholders(handOvers)}) and status = 'sending'`,
        [now, ...to.params, ...fingerprint.params, ...handOvers.map((h) => h.id)],
        'run',
      );
    return handOvers.map(() => undefined);
  }

  private async claimAll(ids: string[]): Promise<(NotificationDelivery | null)[]> {
    const unique = [...new Set(ids)];
    const em = this.em.fork();
    const now = em.getPlatform().processDateProperty(this.clock.now());
    const paused = this.pause.pausedChannels();
    const rows = await em.getConnection().execute<Record<string, unknown>[]>(
      `update notification_delivery set status = 'sending', claimed_at = ?, handed_at = null, attempts = attempts + 1, updated_at = ?
        where id in (${placeholders(unique)}) and status = 'pending' and available_at <= ?${paused.length ? ` and channel not in (${placeholders(paused)})` : ''}
        returning *`,
      [now, now, ...unique, now, ...paused],
    );
    const claimed = new Map(rows.map((row: Record<string, unknown>) => [String(row.id), row]));
    return ids.map((id) => {
      const row = claimed.get(id);
      claimed.delete(id);
      return row ? em.map(NotificationDelivery, row) : null;
    });
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
      try {
        await this.handOvers.call({ id: deliveryId, to: ticket.to, body: ticket.body });
      } catch (err) {
        await this.smsCost.failed(ticket, new SendFailure('temporary', 'hand-over-not-recorded', 'the hand-over could not be recorded'));
        this.logger.warn({ err, deliveryId }, 'SMS hand-over not recorded; not sent');
        return this.retry(deliveryId, attempt, 'error', 0);
      }
    }

    const answered = this.metrics.providerCall(delivery.channel);
    let accepted: { providerId: string; segments: number | null };
    try {
      accepted =
        'mail' in composed
          ? { ...(await this.mail.send({ deliveryId, ...composed.mail }).finally(answered)), segments: null }
          : await this.sms.send({ deliveryId, ...composed.sms, body: ticket!.body }).finally(answered);
    } catch (err) {
      if (ticket) await this.smsCost.failed(ticket, err);
      if (!(err instanceof SendFailure)) {
        this.logger.error({ err, deliveryId }, 'unexpected send error');
        return this.retry(deliveryId, attempt, 'error', 0);
      }
      return this.failed(deliveryId, delivery.channel, attempt, err);
    }
    // The provider has it now. Should recording that fail, the row stays claimed: the sweep sends
    // a stale e-mail claim again under the same Message-ID and never an SMS blindly (it becomes unknown).
    const sent: SentMark = { id: deliveryId, providerId: accepted.providerId, segments: accepted.segments };
    const after = 'sms' in composed ? composed.after : undefined;
    // A transaction only when something must change with the row; plain marks share one statement.
    if (after)
      await this.em.fork().transactional(async (tx) => {
        await this.markSentAll([sent], tx);
        await after(tx);
      });
    else await this.sentMarks.call(sent);
    if (ticket && accepted.segments !== null) await this.smsCost.accepted(ticket, accepted.segments);
    return 'sent';
  }

  /** `sending → sent` with each row's provider id and segments, in one statement. */
  private async markSentAll(marks: SentMark[], em: EntityManager = this.em.fork()): Promise<void[]> {
    const now = em.getPlatform().processDateProperty(this.clock.now());
    const providerIds = cases(marks, (m) => m.providerId);
    const segments = cases(marks, (m) => m.segments, 'cast(? as integer)');
    await em.getConnection().execute(
      `update notification_delivery set status = 'sent', provider_id = ${providerIds.sql}, segments = ${segments.sql},
              sent_at = ?, reason = null, updated_at = ?
        where id in (${placeholders(marks)}) and status = 'sending'`,
      [...providerIds.params, ...segments.params, now, now, ...marks.map((m) => m.id)],
      'run',
      em.getTransactionContext(),
    );
    return marks.map(() => undefined);
  }

  private async failed(deliveryId: string, channel: Channel, attempt: number, err: SendFailure): Promise<SendOutcome> {
    switch (err.kind) {
      case 'permanent':
        return this.settle(deliveryId, 'failed', err.code);
      case 'unknown':
        // The request may have reached the provider: not sent again blindly; a status callback or the
        // sweep's lookup in the provider's list (SmsReconciler) settles it.
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


/**
 * Returns claims whose sender is gone (stale, or ended by an unexpected error) to `pending`, except
 * an SMS whose hand-over was recorded: it may have left, so it becomes `unknown` and is not sent
 * again blindly (a status callback or the sweep's lookup at the provider settles it). Only rows
 * still `sending` change, so a send that finished meanwhile stays.
 */
export async function releaseClaims(em: EntityManager, ids: readonly string[], reason: string, now: Date): Promise<void> {
  if (!ids.length) return;
  const mayHaveLeft = `channel = 'sms' and handed_at is not null`;
  await em.getConnection().execute(
    `update notification_delivery
        set status = case when ${mayHaveLeft} then 'unknown' else 'pending' end,
            claimed_at = case when ${mayHaveLeft} then claimed_at else null end,
            reason = ?, updated_at = ?
      where id in (${placeholders(ids)}) and status = 'sending'`,
    [reason, em.getPlatform().processDateProperty(now), ...ids],
    'run',
  );
}
