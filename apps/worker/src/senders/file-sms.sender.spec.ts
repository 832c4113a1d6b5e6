import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@app/platform/config/load-config';
import { FixedClock } from '@app/platform/time/clock';
import { TEST_NOW } from '../../../../test/support/test-now';
import { FileSmsSender } from './file-sms.sender';

describe('FileSmsSender', () => {
  const outboxDir = join(mkdtempSync(join(tmpdir(), 'sp-sms-')), 'not', 'yet', 'there');
  const clock = new FixedClock(TEST_NOW);
  const sender = new FileSmsSender(loadConfig({ NODE_ENV: 'test', DATA_DIR: join(outboxDir, '..'), OUTBOX_DIR: outboxDir }), clock);
  const lines = () =>
    readFileSync(join(outboxDir, 'sms.log'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);

  it('creates the folder and appends one JSON line per SMS, with segments and encoding', async () => {
    const first = await sender.send({ deliveryId: 'a1', to: '+37120000001', body: 'Your password: Kx7-pQ2m' });
    clock.advanceSeconds(5);
    const second = await sender.send({ deliveryId: 'a2', to: '+37120000002', body: `Jauna ziņa: ${'x'.repeat(70)}` });

    expect(first).toEqual({ providerId: 'file-a1', segments: 1 });
    expect(second).toEqual({ providerId: 'file-a2', segments: 2 });
    expect(lines()).toEqual([
      { at: new Date(TEST_NOW).toISOString(), deliveryId: 'a1', to: '+37120000001', body: 'Your password: Kx7-pQ2m', segments: 1, encoding: 'GSM-7' },
      {
        at: new Date(new Date(TEST_NOW).getTime() + 5000).toISOString(),
        deliveryId: 'a2',
        to: '+37120000002',
        body: `Jauna ziņa: ${'x'.repeat(70)}`,
        segments: 2,
        encoding: 'UCS-2',
      },
    ]);
  });

  it('finds a written SMS by its delivery and text, and answers absent for one never written', async () => {
    const handedAt = clock.now();
    expect(await sender.find({ deliveryId: 'a1', to: '+37120000001', handedAt, isOurs: (body) => body === 'Your password: Kx7-pQ2m' })).toEqual({
      found: [{ providerId: 'file-a1', status: 'sent', errorCode: null, segments: 1 }],
    });
    expect(await sender.find({ deliveryId: 'a1', to: '+37120000001', handedAt, isOurs: () => false })).toBe('absent');
    expect(await sender.find({ deliveryId: 'never', to: '+37120000001', handedAt, isOurs: () => true })).toBe('absent');
  });

  it('keeps every line whole when many SMS are written at once', async () => {
    const before = lines().length;
    await Promise.all(Array.from({ length: 50 }, (_, i) => sender.send({ deliveryId: `c${i}`, to: '+37120000003', body: `Ziņa ${i} ${'ž'.repeat(200)}` })));
    const written = lines().slice(before);
    expect(written.map((l) => l.deliveryId).sort()).toEqual(Array.from({ length: 50 }, (_, i) => `c${i}`).sort());
  });
});
