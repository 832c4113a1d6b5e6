import type { Category, Channel, DeliveryStatus } from '@app/notifications/delivery/notification-delivery.entity';
import type { OutboxKind } from '@app/notifications/outbox/outbox.contract';
import { ALERT_CATEGORIES } from './institution-settings';
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
  /** Their number answered STOP: no SMS is attempted, and an alert goes by e-mail instead. */
  smsOptedOut?: boolean;
  /** They have an e-mail address (for that fallback, whatever their e-mail preference). */
  hasEmail?: boolean;
}

/** When an institution's events may go out: its own settings, else the service's. */
export interface SendingRules {
  quietHours: QuietHours | null;
  /** How long a normal message alert waits, from the event's creation, for the message to be read in the app. */
  alertDelayMs: number;
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
    case 'mark-alert':
      return 'journal';
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
  'mark-alert': ['email', 'sms'],
};

/**
 * One event → its delivery rows: one per recipient × channel the recipient gets. A message already
 * read in the app is recorded as suppressed (`read`), not dropped, so the receipts show why nothing
 * was sent; so is an SMS to a number that opted out (`opted-out`), and an alert then goes by e-mail.
 * A normal message alert waits for the alert delay; everything but urgent messages and passwords
 * waits for the end of quiet hours (the person's own, else the institution's, else the service's).
 */
export function planDeliveries(
  event: { kind: OutboxKind; payload: Record<string, unknown>; createdAt: Date },
  recipients: readonly Recipient[],
  now: Date,
  rules: SendingRules,
): PlannedDelivery[] {
  const category = categoryOf(event.kind, event.payload);
  const allowed = CHANNELS_OF[event.kind];
  const immediate = category === 'urgent' || category === 'password';
  const delayed = event.kind === 'message-alert' && category === 'message';
  const notBefore = delayed ? new Date(Math.max(now.getTime(), event.createdAt.getTime() + rules.alertDelayMs)) : now;
  const out: PlannedDelivery[] = [];
  for (const r of recipients) {
    const availableAt = immediate ? now : afterQuietHours(notBefore, r.quietHours ?? rules.quietHours);
    const channels = r.channels.filter((c) => allowed.includes(c));
    const smsRefused = r.smsOptedOut && channels.includes('sms');
    if (smsRefused && r.hasEmail && ALERT_CATEGORIES.includes(category) && allowed.includes('email') && !channels.includes('email')) channels.push('email');
    for (const channel of channels) {
      const read = event.kind === 'message-alert' && r.readAt;
      const reason = read ? 'read' : channel === 'sms' && smsRefused ? 'opted-out' : null;
      out.push({ userId: r.userId, channel, category, status: reason ? 'suppressed' : 'pending', reason, availableAt });
    }
  }
  return out;
}
