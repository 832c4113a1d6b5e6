import { EntityManager } from '@mikro-orm/core';
import { DigestBuilder } from '../../apps/worker/src/digests/digest-builder.service';
import { JobRunner } from '../../apps/worker/src/jobs/job-runner.service';
import { LessonReminderBuilder } from '../../apps/worker/src/lesson-reminders/lesson-reminder-builder.service';
import { MealReportBuilder } from '../../apps/worker/src/meal-reports/meal-report-builder.service';
import { MealReportSchedulers } from '../../apps/worker/src/meal-reports/meal-report-schedulers';
import { ChannelPause } from '../../apps/worker/src/pipeline/channel-pause.service';
import { DeliverySweep } from '../../apps/worker/src/pipeline/delivery-sweep.service';
import { OutboxRelay } from '../../apps/worker/src/pipeline/outbox-relay.service';
import { SmsReconciler } from '../../apps/worker/src/pipeline/sms-reconciler.service';
import { JournalNoticeBuilders } from '../../apps/worker/src/pipeline/journal-notice-builders';
import { NotificationDelivery } from '../../libs/notifications/src/delivery/notification-delivery.entity';
import { NotificationDigest } from '../../libs/notifications/src/digest/notification-digest.entity';
import { RoleAssignment, User } from '../../libs/directory/src/entities';
import { AppConfig } from '../../libs/platform/src/config/app-config';
import { FixedClock } from '../../libs/platform/src/time/clock';
import { Fixtures, bearer, login, type Person } from '../support/fixtures';
import { PUBLIC_URL, startNotificationRig, type NotificationRig } from '../support/notification-rig';
import type { ReceivedMail, TestSmtpServer } from '../support/smtp-server';
import type { TestApp } from '../support/test-app';

/**
 * The daily digest end to end: people who chose it get no single e-mail for normal messages, and at
 * DIGEST_TIME (18:00 Riga) one e-mail listing their unread messages, built once per person and day
 * however many sweeps or workers try. Time is the app's injected clock; e-mails are counted at a real
 * SMTP server.
 */
describe('daily digests', () => {
  let rig: NotificationRig;
  let t: TestApp;
  let smtp: TestSmtpServer;
  let f: Fixtures;
  let inst: string;
  let group: string;
  let teacherPerson: Person;
  let n = 0;
  const clock = new FixedClock('2026-10-14T07:00:00Z'); // Wednesday 10:00 in Riga (UTC+3)
  const em = () => rig.em();

  beforeAll(async () => {
    rig = await startNotificationRig(clock, { ALERT_DELAY_SECONDS: '600', DIGEST_TIME: '18:00' });
    ({ t, smtp } = rig);
    f = new Fixtures(t.app);
    inst = (await f.institution('school', `Skola ${f.tag}`)).id;
    group = (await f.group(inst, '4.a')).id;
    teacherPerson = await f.person([{ institutionId: inst, role: 'teacher' }], { givenName: 'Ieva' });
    await f.assign(teacherPerson.id, group);
  });
  afterAll(() => rig?.close());

  /** A guardian with a child in the group; with `digest`, they chose the daily digest through the API. */
  async function family(language: 'lv' | 'ru' | 'en', digest: boolean) {
    const child = await f.person([{ institutionId: inst, role: 'student' }], { password: null });
    await f.enrol(child.id, group);
    const g = await f.person([{ institutionId: inst, role: 'guardian' }]);
    const email = `d${++n}.${f.tag}@example.lv`;
    await em().nativeUpdate(User, { id: g.id }, { language, email });
    await f.guard(g.id, child.id);
    if (digest) await t.http.put('/me/notification-preferences').set(bearer(await login(t.http, g))).send({ categories: {}, digest: true }).expect(200);
    return { ...g, email };
  }

  async function send(to: { users: string[] } | 'group', subject: string, priority: 'normal' | 'urgent' = 'normal'): Promise<string> {
    // Access tokens live 15 minutes of the app's clock, which these tests move by hours.
    const token = await login(t.http, teacherPerson);
    const res = await t.http
      .post('/messages')
      .set(bearer(token))
      .send({
        institutionId: inst,
        subject,
        body: 'Sīkāk skolas pastā.',
        to: to === 'group' ? { groups: [{ groupId: group, audience: 'guardians' }] } : to,
        ...(priority === 'urgent' ? { priority } : {}),
      })
      .expect(201);
    return res.body.id as string;
  }

  const mailTo = (address: string): ReceivedMail[] => smtp.received.filter((m) => m.envelope.rcptTo.includes(address));
  const digestsOf = (userId: string) => em().find(NotificationDigest, { userId }, { orderBy: { day: 'asc' } });

  /** The person's digest of the day and its e-mail delivery rows, once every such row has settled. */
  async function settledDigest(userId: string, day: string) {
    const digest = await em().findOneOrFail(NotificationDigest, { userId, day });
    const deliveries = await rig.settled(digest.id);
    return { digest, deliveries };
  }

  it('a digest user gets no single alert, then at 18:00 Riga one e-mail in their language listing exactly their unread messages', async () => {
    const lv = await family('lv', true);
    const ru = await family('ru', true);
    const control = await family('en', false);
    const both = await send('group', `Ekskursija ${f.tag}`);
    const own = await send({ users: [lv.id] }, `Pusdienas ${f.tag}`);
    const readFirst = await send({ users: [lv.id] }, `Izlasīts ${f.tag}`);
    const urgent = await send({ users: [lv.id] }, `Steidzami ${f.tag}`, 'urgent');

    // The urgent message goes singly at once; after the delay the control gets its single alert, the digest users nothing.
    const urgentRows = await rig.settled((await rig.eventOf(`message-alert:${urgent}`)).id);
    expect(urgentRows.filter((r) => r.channel === 'email').map((r) => r.status)).toEqual(['sent']);
    clock.advanceSeconds(601);
    const groupRows = await rig.settled((await rig.eventOf(`message-alert:${both}`)).id);
    expect(groupRows.map((r) => [r.userId, r.channel, r.status])).toEqual([[control.id, 'email', 'sent']]);
    for (const id of [own, readFirst]) expect(await em().count(NotificationDelivery, { eventId: (await rig.eventOf(`message-alert:${id}`)).id })).toBe(0);
    expect(mailTo(lv.email).map((m) => m.subject)).toEqual([expect.stringContaining(`Steidzami ${f.tag}`)]);
    expect(mailTo(ru.email)).toEqual([]);

    // Read in the app before the digest: not listed. One minute before the digest time: nothing built.
    await t.http.post(`/messages/${readFirst}/read`).set(bearer(await login(t.http, lv))).expect(204);
    clock.set('2026-10-14T14:59:00Z');
    await rig.sweep();
    expect(await digestsOf(lv.id)).toEqual([]);

    clock.set('2026-10-14T15:00:30Z'); // 18:00 in Riga, and the commits stamped before it settled
    await rig.sweep();
    const { digest, deliveries } = await settledDigest(lv.id, '2026-10-14');
    expect(deliveries.map((d) => [d.channel, d.category, d.status])).toEqual([['email', 'message', 'sent']]);
    expect([...digest.messageIds].sort()).toEqual([both, own].sort()); // sent at the same instant of the fixed clock
    expect(digest.cutAt.toISOString()).toBe('2026-10-14T15:00:00.000Z');

    const [, mail] = mailTo(lv.email);
    expect(mailTo(lv.email)).toHaveLength(2); // the urgent alert and the digest
    expect(mail.subject).toBe('Jums ir 2 nelasītas ziņas');
    expect(mail.text).toContain(`Ekskursija ${f.tag} (Ieva `);
    expect(mail.text).toContain(`Pusdienas ${f.tag} (Ieva `);
    expect(mail.text).toContain(`${PUBLIC_URL}/messages/${both}`);
    expect(mail.html).toContain(`href="${PUBLIC_URL}/messages/${own}"`);
    expect(mail.text).not.toContain(`Izlasīts ${f.tag}`);
    expect(mail.text).not.toContain(`Steidzami ${f.tag}`); // already e-mailed singly
    expect(mail.headers['list-unsubscribe']).toBe(`<${PUBLIC_URL}/me/notification-preferences>`);

    // The other family's digest: their language, their one message, nothing of the first family's.
    await settledDigest(ru.id, '2026-10-14');
    const [ruMail] = mailTo(ru.email);
    expect(mailTo(ru.email)).toHaveLength(1);
    expect(ruMail.subject).toBe('У вас 1 непрочитанное сообщение');
    expect(ruMail.text).toContain(`Ekskursija ${f.tag}`);
    expect(ruMail.text).not.toContain(`Pusdienas ${f.tag}`);
    expect(ruMail.text).not.toContain(own);
    // The control chose single alerts: no digest.
    expect(await digestsOf(control.id)).toEqual([]);
  });

  it('two workers sweeping side by side, and building again, make one digest and one e-mail', async () => {
    clock.set('2026-10-15T06:00:00Z'); // Thursday 09:00 in Riga
    const guardian = await family('en', true);
    const subjects = [`One ${f.tag}`, `Two ${f.tag}`, `Three ${f.tag}`];
    for (const s of subjects) await send({ users: [guardian.id] }, s);

    // A second worker: its own sweep and digest builder over the same database and queues.
    const app = t.app;
    const secondBuilder = new DigestBuilder(app.get(EntityManager), clock, app.get(AppConfig));
    const secondSweep = new DeliverySweep(app.get(EntityManager), app.get(OutboxRelay), app.get(JobRunner), app.get(ChannelPause), secondBuilder, app.get(MealReportBuilder), app.get(MealReportSchedulers), app.get(LessonReminderBuilder), clock, app.get(AppConfig), app.get(SmsReconciler), app.get(JournalNoticeBuilders));
    const firstBuilder = app.get(DigestBuilder);
    clock.set('2026-10-15T15:00:30Z');
    await Promise.all([firstBuilder.buildDue(), secondBuilder.buildDue(), rig.sweep(), secondSweep.runOnce(), secondBuilder.buildDue()]);
    const { deliveries } = await settledDigest(guardian.id, '2026-10-15');
    expect(deliveries.map((d) => d.status)).toEqual(['sent']);

    // Later passes on both workers find the day done.
    clock.set('2026-10-15T17:00:00Z');
    expect(await Promise.all([firstBuilder.buildDue(), secondBuilder.buildDue()])).toEqual([0, 0]);
    await Promise.all([rig.sweep(), secondSweep.runOnce()]);
    expect(await digestsOf(guardian.id)).toHaveLength(1);
    const rows = await em().find(NotificationDelivery, { userId: guardian.id });
    expect(rows.map((r) => r.status)).toEqual(['sent']);
    // Every delivery row of this person has settled, so nothing more can leave for them: the count is final.
    const mails = mailTo(guardian.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('You have 3 unread messages');
    expect(mails[0].messageId).toBe(rows[0].providerId);
  });

  it('a digest queued when Redis loses every job is still sent, once', async () => {
    clock.set('2026-10-16T06:00:00Z'); // Friday 09:00 in Riga
    const guardian = await family('lv', true);
    const id = await send({ users: [guardian.id] }, `Piektdiena ${f.tag}`);
    // Build and queue while the workers stand still, then lose the queued jobs (what FLUSHALL does to this app).
    const lost = await rig.loseQueuedJobs(async () => {
      clock.set('2026-10-16T15:00:30Z');
      await rig.sweep();
      const [digest] = await digestsOf(guardian.id);
      expect(digest.messageIds).toEqual([id]);
    });
    expect(lost).toBeGreaterThanOrEqual(1);
    const { deliveries } = await settledDigest(guardian.id, '2026-10-16');
    expect(deliveries.map((d) => d.status)).toEqual(['sent']);
    expect(await digestsOf(guardian.id)).toHaveLength(1);
    expect(mailTo(guardian.email).map((m) => m.subject)).toEqual(['Jums ir 1 nelasīta ziņa']);
  });

  it('with nothing unread no e-mail goes, and the day is recorded so it is not built again', async () => {
    clock.set('2026-10-17T06:00:00Z');
    const guardian = await family('lv', true);
    const id = await send({ users: [guardian.id] }, `Lasīts ${f.tag}`);
    await t.http.post(`/messages/${id}/read`).set(bearer(await login(t.http, guardian))).expect(204);
    clock.set('2026-10-17T15:00:30Z');
    await rig.sweep();
    const [digest] = await digestsOf(guardian.id);
    expect(digest).toMatchObject({ day: '2026-10-17', messageIds: [] });
    expect(await em().count(NotificationDelivery, { eventId: digest.id })).toBe(0);
    clock.set('2026-10-17T18:00:00Z');
    await rig.sweep();
    expect((await digestsOf(guardian.id)).map((d) => d.id)).toEqual([digest.id]);
    expect(mailTo(guardian.email)).toEqual([]);
  });

  it('a digest missed while the worker was down is built when it is back (today only); every message is in exactly one digest', async () => {
    clock.set('2026-10-19T15:00:30Z'); // Monday 18:00 in Riga
    const guardian = await family('ru', true);
    await rig.sweep(); // Monday's digest: empty, but it sets the cut the next one starts from.
    expect((await digestsOf(guardian.id)).map((d) => d.day)).toEqual(['2026-10-19']);

    clock.set('2026-10-19T16:00:00Z'); // Monday 19:00, after the cut
    const monday = await send({ users: [guardian.id] }, `Pirmdiena ${f.tag}`);
    // The worker is down through Tuesday's digest time; it is back on Wednesday at 20:00.
    clock.set('2026-10-21T09:00:00Z');
    const wednesday = await send({ users: [guardian.id] }, `Trešdiena ${f.tag}`);
    clock.set('2026-10-21T17:00:00Z');
    await rig.sweep();
    const { digest } = await settledDigest(guardian.id, '2026-10-21');
    expect((await digestsOf(guardian.id)).map((d) => d.day)).toEqual(['2026-10-19', '2026-10-21']); // no late Tuesday digest
    expect(digest.messageIds).toEqual([monday, wednesday]);
    expect(mailTo(guardian.email).map((m) => m.subject)).toEqual(['У вас 2 непрочитанных сообщения']);

    // After the day's digest was built: the message waits for Thursday's, and is not listed twice.
    clock.set('2026-10-21T17:30:00Z');
    const late = await send({ users: [guardian.id] }, `Vēlu ${f.tag}`);
    clock.set('2026-10-22T15:00:30Z');
    await rig.sweep();
    const thursday = await settledDigest(guardian.id, '2026-10-22');
    expect(thursday.digest.messageIds).toEqual([late]);
    expect(thursday.digest.fromAt.toISOString()).toBe('2026-10-21T15:00:00.000Z');
    expect(mailTo(guardian.email).map((m) => m.subject)).toEqual(['У вас 2 непрочитанных сообщения', 'У вас 1 непрочитанное сообщение']);
  });

  it('a digest that falls in the person’s own quiet hours waits for their end', async () => {
    clock.set('2026-10-23T06:00:00Z'); // Friday 09:00 in Riga
    const guardian = await family('en', true);
    const token = await login(t.http, guardian);
    await t.http.put('/me/notification-preferences').set(bearer(token)).send({ categories: {}, digest: true, quietHours: { from: '17:00', to: '08:00' } }).expect(200);
    await send({ users: [guardian.id] }, `Quiet ${f.tag}`);
    clock.set('2026-10-23T15:00:30Z');
    await rig.sweep();
    const [digest] = await digestsOf(guardian.id);
    const rows = await em().find(NotificationDelivery, { eventId: digest.id });
    expect(rows.map((r) => [r.status, r.availableAt.toISOString()])).toEqual([['pending', '2026-10-24T05:00:00.000Z']]); // Saturday 08:00 in Riga
    expect(mailTo(guardian.email)).toEqual([]);
    clock.set('2026-10-24T05:00:00Z');
    expect((await settledDigest(guardian.id, '2026-10-23')).deliveries.map((d) => d.status)).toEqual(['sent']);
    expect(mailTo(guardian.email).map((m) => m.subject)).toEqual(['You have 1 unread message']);
  });

  it('a digest delivery is listed to the admins of the institution whose messages it carries, and to no other', async () => {
    clock.set('2026-10-26T06:00:00Z'); // Monday 09:00 in Riga
    const other = (await f.institution('school', `Otra ${f.tag}`)).id;
    const otherGroup = (await f.group(other, '1.c')).id;
    const otherTeacher = await f.person([{ institutionId: other, role: 'teacher' }]);
    await f.assign(otherTeacher.id, otherGroup);
    const adminPerson = await f.person([{ institutionId: inst, role: 'admin' }]);
    const otherAdminPerson = await f.person([{ institutionId: other, role: 'admin' }]);
    // One family with children in both institutions, one only in the other.
    const both = await family('lv', true);
    await f.guard(both.id, await childIn(other, otherGroup));
    const roles = em();
    roles.create(RoleAssignment, { user: both.id, institution: other, role: 'guardian' });
    await roles.flush();
    const onlyOther = await f.person([{ institutionId: other, role: 'guardian' }]);
    await em().nativeUpdate(User, { id: onlyOther.id }, { email: `o${++n}.${f.tag}@example.lv` });
    await f.guard(onlyOther.id, await childIn(other, otherGroup));
    await t.http.put('/me/notification-preferences').set(bearer(await login(t.http, onlyOther))).send({ categories: {}, digest: true }).expect(200);

    await send({ users: [both.id] }, `Viens ${f.tag}`);
    await send({ users: [both.id] }, `Divi ${f.tag}`);
    const teacherToken = await login(t.http, otherTeacher);
    for (const users of [[both.id], [onlyOther.id]]) {
      await t.http.post('/messages').set(bearer(teacherToken)).send({ institutionId: other, subject: `Cita ${f.tag}`, body: 'Sīkāk.', to: { users } }).expect(201);
    }
    clock.set('2026-10-26T16:00:30Z'); // 18:00 in Riga (winter time)
    await rig.sweep();
    const [mixed] = (await settledDigest(both.id, '2026-10-26')).deliveries;
    const [single] = (await settledDigest(onlyOther.id, '2026-10-26')).deliveries;
    // Two of the mixed digest's three messages are the first institution's: it is listed there.
    expect(mixed.institutionId).toBe(inst);
    expect(single.institutionId).toBe(other);

    const [admin, otherAdmin] = [await login(t.http, adminPerson), await login(t.http, otherAdminPerson)];
    const listed = async (token: string, institutionId: string) =>
      ((await t.http.get(`/institutions/${institutionId}/deliveries`).set(bearer(token)).expect(200)).body.items as { id: string }[]).map((d) => d.id);
    expect(await listed(admin, inst)).toContain(mixed.id);
    expect(await listed(admin, inst)).not.toContain(single.id);
    expect(await listed(otherAdmin, other)).toContain(single.id);
    expect(await listed(otherAdmin, other)).not.toContain(mixed.id);
  });

  async function childIn(institutionId: string, groupId: string): Promise<string> {
    const child = await f.person([{ institutionId, role: 'student' }], { password: null });
    await f.enrol(child.id, groupId);
    return child.id;
  }
});
