import { Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@app/platform/config/app-config';
import { Clock } from '@app/platform/time/clock';
import { FileMailSender } from './file-mail.sender';
import { FileSmsSender } from './file-sms.sender';
import { MailSender, SmsSender } from './sender.ports';
import { SmtpMailSender } from './smtp-mail.sender';
import { TwilioSmsSender, twilioSettings } from './twilio-sms.sender';

/**
 * Drivers chosen by configuration: SMTP with `SMTP_URL`, else .eml files; Twilio with all three
 * `TWILIO_*` credentials, else a log file. Both fallbacks write under the outbox folder, so a user
 * of the embedded default reads exactly what would have been sent.
 */
@Module({
  providers: [
    {
      provide: MailSender,
      inject: [AppConfig, Clock],
      useFactory: (config: AppConfig, clock: Clock) => (config.env.SMTP_URL ? new SmtpMailSender(config, clock) : new FileMailSender(config, clock)),
    },
    {
      provide: SmsSender,
      inject: [AppConfig, Clock],
      useFactory: (config: AppConfig, clock: Clock) => {
        const twilio = twilioSettings(config);
        return twilio ? new TwilioSmsSender(twilio) : new FileSmsSender(config, clock);
      },
    },
  ],
  exports: [MailSender, SmsSender],
})
export class SendersModule implements OnApplicationShutdown {
  constructor(private readonly mail: MailSender) {}

  /** The SMTP pool keeps connections open; a server waiting for them to close would wait forever. */
  async onApplicationShutdown(): Promise<void> {
    await this.mail.close();
  }
}
