import type { Category, Channel, DeliveryStatus } from '@app/notifications/delivery/notification-delivery.entity';
import type { OutboxKind } from '@app/notifications/outbox/outbox.contract';
import { afterQuietHours, type QuietHours } from './quiet-hours';

/** What the relay knows about one person an event concerns. */
export interface Recipient {
  userId: string;
  /** Channels this person gets for the event's category (preferences × contacts), decided by the caller. */
  channels: readonly Channel[];
  /** Their own quiet hours, or null for the service's. */
  quietHours: QuietHours | null;
  /** For message alerts: read in the app already. */
  readAt?: Date | null;
}

export interface PlannedDelivery {
  userId: string;
  channel: Channel;
  category: Category;
  status: Extract<DeliveryStatus, 'pending' | 'suppressed'>;
  reason: string | null;
  availableAt: Date;
}

/** The category an outbox event is sent under (preferences are per category). */
export function categoryOf(kind: OutboxKind, payload: Record<string, unknown>): Category {
  switch (kind) {
    case 'password-sms':
      return 'password';
    case 'message-alert':
      return payload.priority === 'urgent' ? 'urgent' : 'message';
    case 'person-linked':
      return 'account';
    // The sender's overdue list belongs with the confirmation reminders, so one switch governs all
    // confirmation-chasing mail; under `message` a daily digest would swallow it.
    case 'ack-reminder':
    case 'ack-overdue':
      return 'ack-reminder';
    case 'absence-confirmation':
      return 'absence-confirmation';
  }
}

/** The channels an event may use at all, whatever the preferences (a password goes by SMS only). */
export const CHANNELS_OF: Readonly<Record<OutboxKind, readonly Channel[]>> = {
  'password-sms': ['sms'],
  'message-alert': ['email', 'sms'],
  'person-linked': ['email', 'sms'],
  // SMS only when the message is urgent: the relay decides that per message.
  'ack-reminder': ['email', 'sms'],
  'ack-overdue': ['email'],
  'absence-confirmation': ['email', 'sms'],
};

/**
 * One event → its delivery rows: one per recipient × channel the recipient gets. A message already
 * read in the app is recorded as suppressed (`read`), not dropped, so the receipts show why nothing
 * was sent. Everything but urgent messages and passwords waits for the end of quiet hours.
 */
export function planDeliveries(
  event: { kind: OutboxKind; payload: Record<string, unknown> },
  recipients: readonly Recipient[],
  now: Date,
  serviceQuietHours: QuietHours | null,
): PlannedDelivery[] {
  const category = categoryOf(event.kind, event.payload);
  const allowed = CHANNELS_OF[event.kind];
  const immediate = category === 'urgent' || category === 'password';
  const out: PlannedDelivery[] = [];
  for (const r of recipients) {
    const availableAt = immediate ? now : afterQuietHours(now, r.quietHours ?? serviceQuietHours);
    for (const channel of r.channels.filter((c) => allowed.includes(c))) {
      const read = event.kind === 'message-alert' && r.readAt;
      out.push({
        userId: r.userId,
        channel,
        category,
        status: read ? 'suppressed' : 'pending',
        reason: read ? 'read' : null,
        availableAt,
      });
    }
  }
  return out;
}
