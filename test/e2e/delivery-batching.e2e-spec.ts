import { JobRunner } from '../../apps/worker/src/jobs/job-runner.service';
import { DeliverySender } from '../../apps/worker/src/pipeline/delivery-sender.service';
import { QueueRegistry } from '../../apps/worker/src/queues/queue-registry.service';
import { messageIdFor } from '../../apps/worker/src/senders/sender.ports';
import { User } from '../../libs/directory/src/entities';
import { NotificationDelivery } from '../../libs/notifications/src/delivery/notification-delivery.entity';
import { FixedClock } from '../../libs/platform/src/time/clock';
import { Fixtures, bearer, login } from '../support/fixtures';
import { startNotificationRig, type NotificationRig } from '../support/notification-rig';

const MAIL_FROM = 'Skolas pasts <pasts@skola.example.lv>';

/**
 * The sender serves concurrent jobs with shared statements (one claim, one read per kind of row, one
 * `sent` update per batch). Batching must not blur deliveries together: each row is claimed once,
 * its own text goes to its own address, and its own provider id is recorded.
 */
describe('delivery batching', () => {
  let rig: NotificationRig;
  const clock = new FixedClock('2026-10-14T07:00:00Z'); // Wednesday 10:00 in Riga

  beforeAll(async () => {
    rig = await startNotificationRig(clock, { ALERT_DELAY_SECONDS: '600' });
  });
  afterAll(() => rig?.close());

  it('two sends of each row in one batch send it once, each to its own address with its own provider id', async () => {
    const { t, smtp, sms } = rig;
    const f = new Fixtures(t.app);
    const inst = (await f.institution('school', `Skola ${f.tag}`)).id;
    const group = (await f.group(inst, '4.a')).id;
    const teacherPerson = await f.person([{ institutionId: inst, role: 'teacher' }], { givenName: 'Ieva' });
    await f.assign(teacherPerson.id, group);
    const languages = ['lv', 'ru', 'en'] as const;
    const guardians = await Promise.all(
      [0, 1, 2, 3, 4, 5].map(async (i) => {
        const child = await f.person([{ institutionId: inst, role: 'student' }], { password: null });
        await f.enrol(child.id, group);
        const phone = i % 2 ? `+3712${String(7_300_000 + i * 7919).slice(-7)}` : undefined;
        const email = i % 2 ? null : `batch${i}.${f.tag}@example.lv`;
        const g = await f.person([{ institutionId: inst, role: 'guardian' }], { phone });
        await rig.em().nativeUpdate(User, { id: g.id }, { language: languages[i % 3], email });
        await f.guard(g.id, child.id);
        return { id: g.id, email, phone };
      }),
    );
    const teacher = await login(t.http, teacherPerson);
    const sent = await t.http
      .post('/messages')
      .set(bearer(teacher))
      .send({ institutionId: inst, subject: `Partija ${f.tag}`, body: 'Rīt skola slēgta.', to: { users: guardians.map((g) => g.id) }, priority: 'urgent' })
      .expect(201);

    // Relay while the workers stand still, then send every row twice at once, as duplicate jobs would.
    const jobs = t.app.get(JobRunner);
    await jobs.pauseWorkers();
    let rows: NotificationDelivery[];
    try {
      await rig.sweep();
      const eventId = (await rig.eventOf(`message-alert:${sent.body.id}`)).id;
      rows = await rig.em().find(NotificationDelivery, { eventId }, { orderBy: { id: 'asc' } });
      expect(rows).toHaveLength(6);
      const sender = t.app.get(DeliverySender);
      const outcomes = await Promise.all(rows.flatMap((r) => [sender.send(r.id), sender.send(r.id)]));
      rows.forEach((_, i) => expect([outcomes[2 * i], outcomes[2 * i + 1]].sort()).toEqual(['not-claimed', 'sent']));
    } finally {
      jobs.resumeWorkers();
    }

    const after = new Map((await rig.em().find(NotificationDelivery, { id: { $in: rows.map((r) => r.id) } })).map((r) => [r.id, r]));
    for (const row of rows) {
      const g = guardians.find((x) => x.id === row.userId)!;
      const stored = after.get(row.id)!;
      expect(stored).toMatchObject({ status: 'sent', attempts: 1, channel: g.email ? 'email' : 'sms' });
      if (g.email) {
        const [mail, ...more] = smtp.received.filter((m) => m.envelope.rcptTo.includes(g.email!));
        expect(more).toHaveLength(0);
        expect(mail.messageId).toBe(messageIdFor(row.id, MAIL_FROM));
        expect(stored.providerId).toBe(mail.messageId);
        expect(stored.segments).toBeNull();
      } else {
        const [text, ...more] = sms.to(g.phone!);
        expect(more).toHaveLength(0);
        expect(stored.providerId).toBe(text.sid);
        expect(stored.segments).toBe(text.numSegments);
      }
    }

    // The queued jobs run now and find every row sent: nothing more leaves.
    const queue = t.app.get(QueueRegistry).queue('delivery');
    for (let i = 0; i < 200 && (await queue.getWaitingCount()) + (await queue.getActiveCount()) > 0; i++) await new Promise((r) => setTimeout(r, 25));
    for (const g of guardians) {
      if (g.email) expect(smtp.received.filter((m) => m.envelope.rcptTo.includes(g.email!))).toHaveLength(1);
      else expect(sms.to(g.phone!)).toHaveLength(1);
    }
  });
});
