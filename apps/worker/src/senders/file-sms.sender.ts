import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { smsSize } from '@app/notifications/sms/segments';
import { AppConfig } from '@app/platform/config/app-config';
import { Clock } from '@app/platform/time/clock';
import { OutgoingSms, SmsAccepted, SmsLookup, SmsLookupResult, SmsSender } from './sender.ports';

/**
 * Without Twilio credentials every SMS is appended as one JSON line to `<outbox>/sms.log`, so a user
 * of the embedded default reads exactly what would have been sent (a guardian's password SMS included).
 */
@Injectable()
export class FileSmsSender extends SmsSender {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    super();
  }

  get file(): string {
    return join(this.config.outboxDir, 'sms.log');
  }

  override async send(sms: OutgoingSms): Promise<SmsAccepted> {
    const { segments, encoding } = smsSize(sms.body);
    const line = { at: this.clock.now().toISOString(), deliveryId: sms.deliveryId, to: sms.to, body: sms.body, segments, encoding };
    await mkdir(this.config.outboxDir, { recursive: true });
    // One write per line, opened for append: concurrent sends never interleave within a line.
    await appendFile(this.file, `${JSON.stringify(line)}\n`, 'utf8');
    return { providerId: `file-${sms.deliveryId}`, segments };
  }

  /** The log is the whole record: a line for the delivery is its SMS, none means it was not written. */
  override async find(sms: SmsLookup): Promise<SmsLookupResult> {
    const log = await readFile(this.file, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return '';
      throw err;
    });
    const found = log
      .split('\n')
      .filter((line) => line.includes(sms.deliveryId))
      .flatMap((line) => parsed(line))
      .filter((line) => line.deliveryId === sms.deliveryId && sms.isOurs(line.body))
      .map((line) => ({ providerId: `file-${line.deliveryId}`, status: 'sent', errorCode: null, segments: line.segments }));
    return found.length ? { found } : 'absent';
  }
}

/** A logged line, or nothing for a line cut short by a crash mid-write (that SMS was not written). */
function parsed(line: string): { deliveryId: string; body: string; segments: number }[] {
  try {
    return [JSON.parse(line) as { deliveryId: string; body: string; segments: number }];
  } catch {
    return [];
  }
}
