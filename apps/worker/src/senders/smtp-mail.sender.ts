import { createTransport } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { AppConfig } from '@app/platform/config/app-config';
import { Clock } from '@app/platform/time/clock';
import { type MailAccepted, MailSender, messageIdFor, type OutgoingMail, SendFailure } from './sender.ports';

/**
 * The message both e-mail drivers build, so the .eml a user of the embedded default opens is byte for
 * byte the mail an SMTP server would have received: same Message-ID (derived from the delivery row,
 * so a retry is recognisably the same mail), same parts, same headers.
 */
export function composeMail(mail: OutgoingMail, mailFrom: string, now: Date): Mail.Options {
  return {
    from: mailFrom,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: mail.headers,
    attachments: mail.attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
    messageId: messageIdFor(mail.deliveryId, mailFrom),
    date: now,
    // The content is data, never a reference for nodemailer to open.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

/** Errors where the connection, not the message, failed: another attempt later may well succeed. */
const CONNECTION_ERRORS = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'ECONNREFUSED', 'ECONNRESET', 'EDNS', 'EPROXY', 'EMAXLIMIT']);
/** Errors only an operator can fix (credentials, TLS settings): retrying changes nothing. */
const CONFIGURATION_ERRORS = new Set(['EAUTH', 'ENOAUTH', 'EOAUTH2', 'ETLS', 'EREQUIRETLS', 'ECONFIG']);

interface SmtpError {
  code?: string;
  responseCode?: number;
  message?: string;
  rejectedErrors?: SmtpError[];
}

function byReply(responseCode: number, message: string): SendFailure {
  // RFC 5321: 5yz is a permanent refusal; 4yz (and anything odd) is worth another try.
  const kind = responseCode >= 500 && responseCode < 600 ? 'permanent' : 'temporary';
  return new SendFailure(kind, String(responseCode), message);
}

/** What a nodemailer failure means for the delivery: see `SendFailureKind`. */
export function smtpFailure(error: unknown): SendFailure {
  const err = (typeof error === 'object' && error !== null ? error : {}) as SmtpError;
  const message = err.message ?? String(error);
  // All recipients refused: the refusal's own reply decides (nodemailer puts it on the error).
  const replyCode = err.responseCode ?? err.rejectedErrors?.find((e) => e.responseCode)?.responseCode;
  if (replyCode) return byReply(replyCode, message);
  const code = err.code ?? 'EUNKNOWN';
  if (CONFIGURATION_ERRORS.has(code)) return new SendFailure('configuration', code, message);
  // Connection errors, and whatever else went wrong before a server reply: the pipeline retries with
  // backoff and ends in `failed` when the attempts are spent; the Message-ID stays the same.
  return new SendFailure('temporary', code, message);
}

/**
 * E-mail through an SMTP server (SMTP_URL) over nodemailer's pooled transport. It never retries on
 * its own — not even the pool's silent requeue after a dropped connection — because the pipeline
 * owns retries and the delivery row's state.
 */
export class SmtpMailSender extends MailSender {
  private readonly transport: ReturnType<typeof createTransport>;
  private readonly from: string;

  constructor(
    config: AppConfig,
    private readonly clock: Clock,
  ) {
    super();
    const url = config.env.SMTP_URL;
    if (!url) throw new Error('SmtpMailSender needs SMTP_URL');
    this.from = config.env.MAIL_FROM;
    this.transport = createTransport({
      url,
      pool: true,
      // SMTP sends one message at a time per connection, so the connections bound the e-mail rate;
      // ten is what common providers allow one client at once.
      maxConnections: 10,
      maxMessages: 100,
      maxRequeues: 0,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
      dnsTimeout: 10_000,
    });
  }

  override async send(mail: OutgoingMail): Promise<MailAccepted> {
    let info: { rejected: unknown[]; rejectedErrors?: SmtpError[]; messageId: string };
    try {
      info = await this.transport.sendMail(composeMail(mail, this.from, this.clock.now()));
    } catch (error) {
      throw smtpFailure(error);
    }
    // With one recipient nodemailer throws EENVELOPE instead, but a partial refusal resolves.
    if (info.rejected.length > 0) {
      const refusal = info.rejectedErrors?.[0];
      throw refusal ? smtpFailure(refusal) : new SendFailure('temporary', 'EENVELOPE', 'recipient refused');
    }
    return { providerId: info.messageId };
  }

  override async close(): Promise<void> {
    this.transport.close();
  }
}
