import type { TestSmtpServer } from './smtp-server';
import type { TwilioServer } from './twilio-server';

/** Links in texts and Twilio's status callbacks; the signature tests sign against it. */
export const PUBLIC_URL = 'https://pasts.example.lv';

/** The notification settings that point a worker at the test SMTP and Twilio servers. */
export function providerEnv(smtp: TestSmtpServer, twilio: TwilioServer, credentials: { accountSid: string; authToken: string }): Record<string, string> {
  return {
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Skolas pasts <pasts@skola.example.lv>',
    TWILIO_ACCOUNT_SID: credentials.accountSid,
    TWILIO_AUTH_TOKEN: credentials.authToken,
    TWILIO_FROM: 'SkolasPasts',
    TWILIO_API_URL: twilio.url,
    PUBLIC_URL,
  };
}
