import { MikroORM } from '@mikro-orm/core';
import { DeliverySweep } from '../../apps/worker/src/pipeline/delivery-sweep.service';
import { User } from '../../libs/directory/src/entities';
import { NotificationDelivery } from '../../libs/notifications/src/delivery/notification-delivery.entity';
import { OutboxWriter } from '../../libs/notifications/src/outbox/outbox.writer';
import { Fixtures } from '../support/fixtures';
import { TestSmtpServer } from '../support/smtp-server';
import { createTestApp, type TestApp } from '../support/test-app';

/** The delivery pipeline's numbers at GET /metrics (public, like Prometheus scrapes it). */
describe('delivery metrics', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let f: Fixtures;

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    t = await createTestApp({ notifications: true, env: { SMTP_URL: smtp.url, MAIL_FROM: 'Skolas pasts <pasts@skola.example.lv>', QUIET_HOURS: 'off' } });
    f = new Fixtures(t.app);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  /** The value of one sample line, e.g. `notification_deliveries_total{channel="email",status="sent"}`; 0 when absent. */
  async function sample(series: string): Promise<number> {
    const res = await t.http.get('/metrics').expect(200);
    const line = res.text.split('\n').find((l) => l.startsWith(`${series} `));
    return line ? Number(line.slice(series.length + 1)) : 0;
  }

  it('a sent e-mail counts once as sent by e-mail, its provider call is timed, and the queue lag is reported', async () => {
    const inst = (await f.institution('school', `Skola ${f.tag}`)).id;
    const person = await f.person([{ institutionId: inst, role: 'guardian' }]);
    const email = `metrics.${f.tag}@example.lv`;
    const em = t.app.get(MikroORM).em.fork();
    await em.nativeUpdate(User, { id: person.id }, { email });
    const sentBefore = await sample('notification_deliveries_total{channel="email",status="sent"}');
    const timedBefore = await sample('notification_provider_latency_seconds_count{channel="email"}');

    t.app.get(OutboxWriter).add(em, 'person-linked', { userId: person.id, institutionId: inst, role: 'guardian' }, { at: t.clock.now() });
    await em.flush();
    await smtp.waitFor((m) => m.envelope.rcptTo.includes(email));
    for (;;) {
      const [row] = await t.app.get(MikroORM).em.fork().find(NotificationDelivery, { userId: person.id });
      if (row?.status === 'sent') break;
      await t.app.get(DeliverySweep).runOnce();
    }

    expect(await sample('notification_deliveries_total{channel="email",status="sent"}')).toBe(sentBefore + 1);
    expect(await sample('notification_provider_latency_seconds_count{channel="email"}')).toBe(timedBefore + 1);
    const res = await t.http.get('/metrics').expect(200);
    expect(res.text).toMatch(/^notification_queue_lag_seconds \d+(\.\d+)?$/m);
  });
});
