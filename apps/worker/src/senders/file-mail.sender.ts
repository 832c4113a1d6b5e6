import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { AppConfig } from '@app/platform/config/app-config';
import { Clock } from '@app/platform/time/clock';
import { type MailAccepted, MailSender, type OutgoingMail, SendFailure } from './sender.ports';
import { composeMail } from './smtp-mail.sender';

/**
 * E-mail without an SMTP server (the embedded default): each mail becomes an .eml file under
 * `<outbox>/mail/`, exactly the message an SMTP server would have received, for the user to open.
 */
export class FileMailSender extends MailSender {
  private readonly transport = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  private readonly from: string;
  readonly directory: string;

  constructor(
    config: AppConfig,
    private readonly clock: Clock,
  ) {
    super();
    this.from = config.env.MAIL_FROM;
    this.directory = join(config.outboxDir, 'mail');
  }

  override async send(mail: OutgoingMail): Promise<MailAccepted> {
    const now = this.clock.now();
    const info = await this.transport.sendMail(composeMail(mail, this.from, now));
    // A sortable, file-name-safe instant first, so the folder lists mails in the order they were sent.
    const file = join(this.directory, `${now.toISOString().replace(/[:.]/g, '-')}-${mail.deliveryId}.eml`);
    try {
      await mkdir(this.directory, { recursive: true });
      await writeFile(file, info.message as Buffer);
    } catch (error) {
      // A full disk or a read-only folder: an operator fixes it, retrying meanwhile is harmless.
      const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
      throw new SendFailure('temporary', code, `cannot write ${file}: ${(error as Error).message}`);
    }
    return { providerId: info.messageId };
  }

  override async close(): Promise<void> {
    this.transport.close();
  }
}
