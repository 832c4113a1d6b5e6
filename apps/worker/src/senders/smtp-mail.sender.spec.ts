import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { loadConfig } from '@app/platform/config/load-config';
import { FixedClock } from '@app/platform/time/clock';
import { TEST_NOW } from '../../../../test/support/test-now';
import { TestSmtpServer } from '../../../../test/support/smtp-server';
import { Templates } from '../templates/templates';
import { messageIdFor, type OutgoingMail, SendFailure } from './sender.ports';
import { SmtpMailSender } from './smtp-mail.sender';

const MAIL_FROM = 'Skolas pasts <noreply@pasts.example.lv>';
const PUBLIC_URL = 'https://pasts.example.lv';

function configFor(smtpUrl: string) {
  return loadConfig({ NODE_ENV: 'test', SMTP_URL: smtpUrl, MAIL_FROM, PUBLIC_URL });
}

/** A message alert as the pipeline renders it, for a delivery of its own. */
function alertMail(to = `parent-${randomUUID()}@example.lv`): OutgoingMail {
  const templates = new Templates(configFor('smtp://unused:25'));
  const email = templates.render('message-alert', 'lv', {
    sender: 'Anna Bērziņa',
    subject: 'Ekskursija uz Siguldu',
    messageId: randomUUID(),
    institution: 'Rīgas 1. pamatskola',
  }).email;
  return { deliveryId: randomUUID(), to, ...email };
}

async function failureOf(promise: Promise<unknown>): Promise<SendFailure> {
  const outcome = await promise.then(
    () => new Error('expected the send to fail'),
    (err: unknown) => err,
  );
  if (!(outcome instanceof SendFailure)) throw outcome;
  return outcome;
}

/** A port nothing listens on: bound by us a moment ago, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('SmtpMailSender against an SMTP server over TCP', () => {
  let smtp: TestSmtpServer;
  let sender: SmtpMailSender;

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    sender = new SmtpMailSender(configFor(smtp.url), new FixedClock(TEST_NOW));
  });

  afterAll(async () => {
    await sender.close();
    await smtp.close();
  });

  it('delivers the mail with the Message-ID derived from the delivery, both parts and List-Unsubscribe', async () => {
    const mail = alertMail();

    const accepted = await sender.send(mail);

    const expectedId = messageIdFor(mail.deliveryId, MAIL_FROM);
    expect(accepted.providerId).toBe(expectedId);
    const [received] = smtp.withMessageId(expectedId);
    expect(received.envelope).toEqual({ mailFrom: 'noreply@pasts.example.lv', rcptTo: [mail.to] });
    expect(received.to).toEqual([mail.to]);
    expect(received.subject).toBe(mail.subject);
    expect(received.text).toContain('Ekskursija uz Siguldu');
    expect(received.html).toContain('Ekskursija uz Siguldu');
    expect(received.headers['list-unsubscribe']).toBe(`<${PUBLIC_URL}/me/notification-preferences>`);
    expect(received.headers['list-unsubscribe-post']).toBeUndefined();
  });

  it('reports a 451 at RCPT TO as a temporary failure, and sends nothing', async () => {
    const mail = alertMail();
    smtp.refuseNext(1, 451, 'rcpt');

    const failure = await failureOf(sender.send(mail));

    expect(failure).toMatchObject({ kind: 'temporary', code: '451' });
    expect(smtp.withMessageId(messageIdFor(mail.deliveryId, MAIL_FROM))).toHaveLength(0);
  });

  it('reports a 550 at RCPT TO as a permanent failure', async () => {
    smtp.refuseNext(1, 550, 'rcpt');

    const failure = await failureOf(sender.send(alertMail()));

    expect(failure).toMatchObject({ kind: 'permanent', code: '550' });
  });

  it('reports a refusal after DATA by its reply code: 451 temporary, 550 permanent', async () => {
    smtp.refuseNext(1, 451, 'data');
    expect(await failureOf(sender.send(alertMail()))).toMatchObject({ kind: 'temporary', code: '451' });

    smtp.refuseNext(1, 550, 'data');
    expect(await failureOf(sender.send(alertMail()))).toMatchObject({ kind: 'permanent', code: '550' });
  });

  it('sends a mail refused with 451 exactly once when the pipeline tries again', async () => {
    const mail = alertMail();
    const refusedBefore = smtp.refused[451];
    smtp.refuseNext(1, 451, 'data');

    await expect(failureOf(sender.send(mail))).resolves.toMatchObject({ kind: 'temporary' });
    const accepted = await sender.send(mail);

    expect(smtp.refused[451]).toBe(refusedBefore + 1);
    expect(smtp.withMessageId(accepted.providerId)).toHaveLength(1);
    expect(accepted.providerId).toBe(messageIdFor(mail.deliveryId, MAIL_FROM));
  });

  it('reports a server that is down (connection refused) as a temporary failure', async () => {
    const down = new SmtpMailSender(configFor(`smtp://127.0.0.1:${await closedPort()}`), new FixedClock(TEST_NOW));
    try {
      const failure = await failureOf(down.send(alertMail()));
      expect(failure.kind).toBe('temporary');
      expect(failure.message).toMatch(/ECONNREFUSED/);
    } finally {
      await down.close();
    }
  });
});
