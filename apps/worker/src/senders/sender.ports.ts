/**
 * The worker's outside I/O, behind ports chosen by configuration: SMTP or .eml files for e-mail,
 * Twilio or a log file for SMS. Tests replace the vendors at the protocol level (a real SMTP server,
 * a local HTTP server speaking Twilio's Messages API), never these classes.
 */

/**
 * How a send failed, which decides what happens next:
 * - `temporary`: retry with backoff (SMTP 4xx, connection errors, Twilio 429/5xx/20429);
 * - `permanent`: `failed`, no retry (SMTP 5xx, Twilio 21211/21614/21612/21610);
 * - `configuration`: pause the channel and show it in /health (Twilio 20003, 21606, 21408);
 * - `unknown`: the request may have reached the provider (a timeout after sending): never re-sent
 *   blindly; a status callback or the sweep's lookup at the provider (`SmsSender.find`) settles it.
 */
export type SendFailureKind = 'temporary' | 'permanent' | 'configuration' | 'unknown';

export class SendFailure extends Error {
  constructor(
    readonly kind: SendFailureKind,
    /** The provider's code (`451`, `21211`, `ETIMEDOUT`), kept as the delivery's reason. */
    readonly code: string,
    message: string,
    /** A provider's hint (Retry-After) for temporary failures. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'SendFailure';
  }
}

export interface OutgoingMail {
  /** The delivery row's id: the Message-ID is derived from it, so a resend is recognisably the same mail. */
  deliveryId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
  /** Files carried as data (the kitchen's CSV), never paths or URLs. */
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface MailAccepted {
  /** The Message-ID the provider accepted (`<…>`). */
  providerId: string;
}

export abstract class MailSender {
  /** Resolves when the provider accepted the mail; throws `SendFailure` otherwise. */
  abstract send(mail: OutgoingMail): Promise<MailAccepted>;
  abstract close(): Promise<void>;
}

export interface OutgoingSms {
  deliveryId: string;
  /** E.164. */
  to: string;
  body: string;
  /** Where the provider reports status changes (PUBLIC_URL + /notifications/twilio/status). */
  statusCallback?: string;
}

export interface SmsAccepted {
  /** Twilio's `SM…` sid (or the file driver's own id). */
  providerId: string;
  /** Segments the provider will bill. */
  segments: number;
}

/** What is known of an SMS whose send got no answer, to look for it at the provider. */
export interface SmsLookup {
  deliveryId: string;
  /** The number it was sent to (E.164). */
  to: string;
  /** When the request left, on our clock. */
  handedAt: Date;
  /** Whether a listed message's text is the one this delivery sent (the text itself is not kept). */
  isOurs(body: string): boolean;
}

/** A message the provider has that may be the one looked for. */
export interface SmsFound {
  providerId: string;
  /** The provider's status (`queued`, `sent`, `delivered`, `undelivered`, `failed`, …). */
  status: string;
  errorCode: string | null;
  segments: number | null;
}

/**
 * - `{ found }`: messages matching the lookup, oldest first (more than one only if texts repeat);
 * - `absent`: the provider's list covers the whole time the message could have been created and it
 *   is not there;
 * - `unsure`: the list did not reach back far enough to say.
 */
export type SmsLookupResult = { found: SmsFound[] } | 'absent' | 'unsure';

export abstract class SmsSender {
  /** Resolves when the provider accepted the SMS; throws `SendFailure` otherwise. */
  abstract send(sms: OutgoingSms): Promise<SmsAccepted>;
  /** Looks for an SMS sent without an answer; throws when the provider cannot be asked now. */
  abstract find(sms: SmsLookup): Promise<SmsLookupResult>;
}

/** The Message-ID of a delivery's e-mail: derived from the row, so retries keep it. */
export function messageIdFor(deliveryId: string, mailFrom: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(mailFrom)?.[1] ?? 'skolas-pasts.local';
  return `<delivery-${deliveryId}@${domain}>`;
}
