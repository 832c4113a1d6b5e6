import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { loadConfig } from '@app/platform/config/load-config';
import { FixedClock } from '@app/platform/time/clock';
import { Templates } from '../templates/templates';
import { FileMailSender } from './file-mail.sender';
import { messageIdFor } from './sender.ports';

const MAIL_FROM = 'Skolas pasts <noreply@pasts.example.lv>';

describe('FileMailSender', () => {
  let outbox: string;

  beforeEach(() => {
    outbox = mkdtempSync(join(tmpdir(), 'file-mail-'));
  });

  afterEach(() => rmSync(outbox, { recursive: true, force: true }));

  it('writes the mail as an .eml named by the clock and the delivery, which a mail parser reads back whole', async () => {
    const config = loadConfig({ NODE_ENV: 'test', OUTBOX_DIR: outbox, MAIL_FROM, PUBLIC_URL: 'https://pasts.example.lv' });
    const sender = new FileMailSender(config, new FixedClock('2026-10-14T07:00:00.250Z'));
    const { email } = new Templates(config).render('digest', 'ru', {
      messages: [{ subject: 'Экскурсия в Сигулду', sender: 'Анна Берзиня', messageId: randomUUID() }],
    });
    const deliveryId = randomUUID();

    const accepted = await sender.send({ deliveryId, to: 'parent@example.lv', ...email });

    const name = `2026-10-14T07-00-00-250Z-${deliveryId}.eml`;
    expect(readdirSync(join(outbox, 'mail'))).toEqual([name]);
    const parsed = await simpleParser(readFileSync(join(outbox, 'mail', name)));
    expect(accepted.providerId).toBe(messageIdFor(deliveryId, MAIL_FROM));
    expect(parsed.messageId).toBe(accepted.providerId);
    expect(parsed.subject).toBe('У вас 1 непрочитанное сообщение');
    expect(parsed.text).toContain('Экскурсия в Сигулду (Анна Берзиня)');
    expect(parsed.html).toContain('Экскурсия в Сигулду (Анна Берзиня)');
    expect(parsed.date?.toISOString()).toBe('2026-10-14T07:00:00.000Z');
    expect(parsed.headerLines.find((h) => h.key === 'list-unsubscribe')?.line).toBe(
      'List-Unsubscribe: <https://pasts.example.lv/me/notification-preferences>',
    );
    await sender.close();
  });
});
