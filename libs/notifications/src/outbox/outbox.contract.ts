/**
 * The contract between the services that write outbox rows and the worker that sends them.
 * Payloads carry ids; anything secret is sealed with `SecretBox` (AES-256-GCM, SECRETS_KEY)
 * and is useless to whoever reads the database or Redis without the key.
 */
export const OUTBOX_KINDS = ['password-sms', 'message-alert', 'person-linked', 'ack-reminder', 'ack-overdue', 'absence-confirmation', 'mark-alert'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

export interface PasswordSmsPayload {
  /** The guardian who receives the SMS; the number is read from the user at send time. */
  userId: string;
  /** Which institution registered the number: its name goes into the text. */
  institutionId: string;
  /** The issued password, sealed: `SecretBox.seal(password)`. */
  sealedPassword: string;
  /** Why the password was issued. */
  reason: 'registered' | 'phone-changed' | 'reset';
}

/**
 * The recipients of a message should hear about it on their offline channels (e-mail; SMS too when
 * urgent, by preference). One intent per message: the worker's relay expands it to the message's
 * delivered recipients, so a school-wide send writes one outbox row, not thousands. The sender
 * reads each copy at send time and skips it if already read in the app.
 */
export interface MessageAlertPayload {
  messageId: string;
  priority: 'normal' | 'urgent';
}

/**
 * An institution registered someone who already had an account (matched by phone or e-mail): the
 * person is told which institution added them, so a wrong or hostile link does not go unnoticed.
 */
export interface PersonLinkedPayload {
  userId: string;
  institutionId: string;
  role: 'guardian';
}

/**
 * A message that asks for confirmation nears its deadline (`ACK_REMINDER_BEFORE` ahead): the relay
 * expands it to the delivered recipients who still owe a confirmation; each is re-checked at send time.
 */
export interface AckReminderPayload {
  messageId: string;
}

/** The deadline passed: the sender hears who has not confirmed, if anyone. */
export interface AckOverduePayload {
  messageId: string;
}

/**
 * A guardian reported, changed or ended an absence: they get a confirmation (category
 * `absence-confirmation`). One row per change; the worker reads the notice as it stands at send time.
 */
export interface AbsenceConfirmationPayload {
  noticeId: string;
  /** The period version this confirms; a later change writes its own row. */
  periodId: string;
  /** The guardian who made the change. */
  userId: string;
  institutionId: string;
}

/**
 * New or corrected marks of one student in one subject: the student's guardians (and the student) hear
 * of them (category `journal`). One pending row per student × subject: a mark or correction while the
 * row still waits for the alert delay adds to it and moves it on, so a quick correction replaces the
 * alert instead of sending a second. The worker reads the marks as they stand at send time.
 */
export interface MarkAlertPayload {
  studentId: string;
  institutionId: string;
  subject: string;
  /** The marks this alert is about, oldest first. */
  markIds: string[];
}

export interface OutboxPayloads {
  'password-sms': PasswordSmsPayload;
  'message-alert': MessageAlertPayload;
  'person-linked': PersonLinkedPayload;
  'ack-reminder': AckReminderPayload;
  'ack-overdue': AckOverduePayload;
  'absence-confirmation': AbsenceConfirmationPayload;
  'mark-alert': MarkAlertPayload;
}
