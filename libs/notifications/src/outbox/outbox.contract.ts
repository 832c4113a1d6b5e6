/**
 * The contract between the services that write outbox rows and the worker that sends them.
 * Payloads carry ids; anything secret is sealed with `SecretBox` (AES-256-GCM, SECRETS_KEY)
 * and is useless to whoever reads the database or Redis without the key.
 */
export const OUTBOX_KINDS = ['password-sms', 'message-alert', 'person-linked'] as const;
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
 * A recipient should hear about a new message on their offline channels (e-mail, SMS by preference).
 * The worker reads the message and the recipient's copy at send time and skips it if already read.
 */
export interface MessageAlertPayload {
  messageId: string;
  userId: string;
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

export interface OutboxPayloads {
  'password-sms': PasswordSmsPayload;
  'message-alert': MessageAlertPayload;
  'person-linked': PersonLinkedPayload;
}
