import { DirectoryQueries } from '../../libs/directory/src/directory.queries';
import { User } from '../../libs/directory/src/entities';
import { NotificationDelivery } from '../../libs/notifications/src/delivery/notification-delivery.entity';
import { OutboxMessage } from '../../libs/notifications/src/outbox/outbox-message.entity';
import { FixedClock } from '../../libs/platform/src/time/clock';
import { Fixtures, bearer, login, type Person } from '../support/fixtures';
import { startNotificationRig, type NotificationRig } from '../support/notification-rig';
import type { TestSmtpServer } from '../support/smtp-server';
import type { TestApp } from '../support/test-app';
import type { TwilioServer } from '../support/twilio-server';

const HOUR = 3_600_000;

/**
 * Acknowledgement reminders end to end: a message that asks for confirmation by a deadline writes a
 * reminder (24 h before) and an overdue report (at the deadline) with itself; the relay expands them
 * to who still owes a confirmation, the composer re-checks at send time, and the mails arrive at a
 * real SMTP server (SMS at a local Twilio server). Time moves only when the test moves the clock.
 */
describe('acknowledgement reminders', () => {
  let rig: NotificationRig;
  let t: TestApp;
  let smtp: TestSmtpServer;
  let sms: TwilioServer;
  let f: Fixtures;
  let inst: string;
  let group: string;
  let teacherPerson: Person;
  let teacherEmail: string;
  let n = 0;
  const clock = new FixedClock('2026-10-14T07:00:00Z'); // Wednesday 10:00 in Riga: reminders and deadlines fall outside quiet hours
  const em = () => rig.em();

  beforeAll(async () => {
    rig = await startNotificationRig(clock, { ACK_REMINDER_BEFORE: '24h' });
    ({ t, smtp, sms } = rig);
    f = new Fixtures(t.app);
    inst = (await f.institution('school', `Skola ${f.tag}`)).id;
    group = (await f.group(inst, '4.a')).id;
    teacherPerson = await f.person([{ institutionId: inst, role: 'teacher' }], { givenName: 'Ieva' });
    await f.assign(teacherPerson.id, group);
    teacherEmail = `teacher.${f.tag}@example.lv`;
    await em().nativeUpdate(User, { id: teacherPerson.id }, { language: 'en', email: teacherEmail });
  });
  afterAll(() => rig?.close());

  const fullSweep = () => rig.sweep();
  const settled = (eventId: string) => rig.settled(eventId);
  const eventOf = (dedupeKey: string) => rig.eventOf(dedupeKey);
  const auth = async (p: Person) => bearer(await login(t.http, p)); // tokens live 15 minutes of the moved clock
  const mobile = () => `+3712${String(6_300_000 + ++n * 7919).slice(-7)}`;
  const mailsTo = (address: string, subjectPart: string) =>
    smtp.received.filter((m) => m.envelope.rcptTo.includes(address) && m.subject?.includes(subjectPart));

  /** After a sweep (which relays every due row synchronously) the event is relayed and made no delivery: nothing can ever be sent for it. */
  async function relayedToNobody(dedupeKey: string): Promise<void> {
    await fullSweep();
    const event = await eventOf(dedupeKey);
    expect(event.relayedAt).not.toBeNull();
    expect(await em().find(NotificationDelivery, { eventId: event.id })).toEqual([]);
  }

  /** A guardian (English, with e-mail) of `child`, or of a new child in the group. */
  async function guardian(child?: string, phone?: string) {
    if (!child) {
      child = (await f.person([{ institutionId: inst, role: 'student' }], { password: null })).id;
      await f.enrol(child, group);
    }
    // Unique given names: no name is part of another, so "the report does not name X" means something.
    const g = await f.person([{ institutionId: inst, role: 'guardian' }], { phone, givenName: `Guardian${++n}x` });
    const email = `g${n}.${f.tag}@example.lv`;
    await em().nativeUpdate(User, { id: g.id }, { language: 'en', email });
    await f.guard(g.id, child);
    return { ...g, email, child, phone };
  }

  async function sendAck(subject: string, to: string[], extra: Record<string, unknown> = {}) {
    const deadline = new Date(clock.now().getTime() + 48 * HOUR);
    const res = await t.http
      .post('/messages')
      .set(await auth(teacherPerson))
      .send({ institutionId: inst, subject, body: 'Lūdzu apstipriniet.', to: { users: to }, requiresAck: true, ackDeadline: deadline.toISOString(), ...extra })
      .expect(201);
    return { id: res.body.id as string, deadline };
  }

  const confirm = async (p: Person, messageId: string) => t.http.post(`/messages/${messageId}/ack`).set(await auth(p)).expect(204);
  const names = (ids: string[]) => t.app.get(DirectoryQueries).displayNames(ids);

  it('reminds those who have not confirmed 24 h before the deadline, and tells the sender at the deadline who did not confirm', async () => {
    const [a, b, c, late] = [await guardian(undefined, mobile()), await guardian(), await guardian(), await guardian()];
    // `late` keeps quiet hours of their own over the reminder's time, so their reminder waits and they confirm meanwhile.
    await t.http
      .put('/me/notification-preferences')
      .set(await auth(late))
      .send({ quietHours: { from: '09:00', to: '12:00' } })
      .expect(200);
    const subject = `Sapulce ${f.tag}`;
    const { id, deadline } = await sendAck(subject, [a.id, b.id, c.id, late.id]);
    await confirm(c, id);

    const reminderKey = `ack-reminder:${id}`;
    const overdueKey = `ack-overdue:${id}`;
    expect((await eventOf(reminderKey)).availableAt.toISOString()).toBe(new Date(deadline.getTime() - 24 * HOUR).toISOString());
    expect((await eventOf(overdueKey)).availableAt.toISOString()).toBe(deadline.toISOString());

    clock.set(new Date(deadline.getTime() - 24 * HOUR - 1000));
    await fullSweep();
    expect((await eventOf(reminderKey)).relayedAt).toBeNull();
    expect(await em().find(NotificationDelivery, { eventId: (await eventOf(reminderKey)).id })).toEqual([]);

    clock.set(new Date(deadline.getTime() - 24 * HOUR)); // Thursday 10:00 Riga
    await fullSweep();
    const reminder = (await eventOf(reminderKey)).id;
    const waiting = await em().findOneOrFail(NotificationDelivery, { eventId: reminder, userId: late.id });
    expect(waiting.status).toBe('pending'); // until 12:00 Riga, their own quiet hours
    await confirm(late, id);
    clock.set(waiting.availableAt);

    const rows = await settled(reminder);
    const byUser = Object.fromEntries(rows.map((r) => [r.userId, `${r.channel}:${r.category}:${r.status}:${r.reason ?? ''}`]));
    expect(byUser).toEqual({
      [a.id]: 'email:ack-reminder:sent:', // a phone, but a normal message's reminder goes by e-mail only
      [b.id]: 'email:ack-reminder:sent:',
      [late.id]: 'email:ack-reminder:suppressed:confirmed',
    });
    expect(mailsTo(a.email, `Please confirm: ${subject}`)).toHaveLength(1);
    expect(mailsTo(b.email, `Please confirm: ${subject}`)).toHaveLength(1);
    expect(mailsTo(c.email, `Please confirm: ${subject}`)).toHaveLength(0);
    expect(mailsTo(late.email, `Please confirm: ${subject}`)).toHaveLength(0);
    expect(sms.to(a.phone!)).toHaveLength(0);
    expect(mailsTo(a.email, `Please confirm: ${subject}`)[0].text).toContain(`https://pasts.example.lv/messages/${id}`);

    clock.set(deadline);
    const [overdue] = await settled((await eventOf(overdueKey)).id);
    expect(overdue).toMatchObject({ userId: teacherPerson.id, channel: 'email', category: 'ack-reminder', status: 'sent' });
    const [report, ...more] = mailsTo(teacherEmail, subject);
    expect(more).toEqual([]);
    expect(report.subject).toContain('2 recipients have not confirmed');
    const named = await names([a.id, b.id, c.id, late.id]);
    expect(report.text).toContain(named.get(a.id)!);
    expect(report.text).toContain(named.get(b.id)!);
    expect(report.text).not.toContain(named.get(c.id)!);
    expect(report.text).not.toContain(named.get(late.id)!);
    expect(report.text).not.toContain(a.email); // names only, never contacts
  });

  it('a message everyone confirmed sends no reminder and no overdue report', async () => {
    const [a, b] = [await guardian(), await guardian()];
    const subject = `Visi ${f.tag}`;
    const { id, deadline } = await sendAck(subject, [a.id, b.id]);
    await confirm(a, id);
    await confirm(b, id);
    clock.set(new Date(deadline.getTime() - 24 * HOUR));
    await relayedToNobody(`ack-reminder:${id}`);
    clock.set(deadline);
    await relayedToNobody(`ack-overdue:${id}`);
    expect(mailsTo(teacherEmail, subject)).toEqual([]);
  });

  it('one-per-student: a guardian whose child the other guardian confirmed owes nothing', async () => {
    const mother = await guardian();
    const father = await guardian(mother.child);
    const other = await guardian();
    const subject = `Viens par bērnu ${f.tag}`;
    const { id, deadline } = await sendAck(subject, [mother.id, father.id, other.id], { ackScope: 'one-per-student' });
    await confirm(mother, id);

    clock.set(new Date(deadline.getTime() - 24 * HOUR));
    const rows = await settled((await eventOf(`ack-reminder:${id}`)).id);
    expect(rows.map((r) => `${r.userId}:${r.status}`)).toEqual([`${other.id}:sent`]);
    expect(mailsTo(father.email, `Please confirm: ${subject}`)).toHaveLength(0);
    expect(mailsTo(other.email, `Please confirm: ${subject}`)).toHaveLength(1);

    clock.set(deadline);
    await settled((await eventOf(`ack-overdue:${id}`)).id);
    const [report] = mailsTo(teacherEmail, subject);
    const named = await names([mother.id, father.id, other.id]);
    expect(report.subject).toContain('1 recipient has not confirmed');
    expect(report.text).toContain(named.get(other.id)!);
    expect(report.text).not.toContain(named.get(father.id)!);
  });

  it('an urgent message’s reminder goes by SMS too', async () => {
    const g = await guardian(undefined, mobile());
    const subject = `Steidzami ${f.tag}`;
    const { id, deadline } = await sendAck(subject, [g.id], { priority: 'urgent' });
    await settled((await eventOf(`message-alert:${id}`)).id);
    const alerts = sms.to(g.phone!).length;

    clock.set(new Date(deadline.getTime() - 24 * HOUR));
    const rows = await settled((await eventOf(`ack-reminder:${id}`)).id);
    expect(rows.map((r) => `${r.channel}:${r.status}`).sort()).toEqual(['email:sent', 'sms:sent']);
    expect(sms.to(g.phone!)).toHaveLength(alerts + 1);
    expect(sms.to(g.phone!).at(-1)!.body).toContain(subject);
  });
});
