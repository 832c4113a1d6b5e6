import Redis from 'ioredis';
import { NotificationDelivery } from '../../libs/notifications/src/delivery/notification-delivery.entity';
import { OutboxMessage } from '../../libs/notifications/src/outbox/outbox-message.entity';
import { AuditEntry } from '../../libs/audit/src/audit-entry.entity';
import { User } from '../../libs/directory/src/entities';
import { FixedClock } from '../../libs/platform/src/time/clock';
import { Fixtures, bearer, login, type Person } from '../support/fixtures';
import { startNotificationRig, type NotificationRig } from '../support/notification-rig';
import type { TestSmtpServer } from '../support/smtp-server';
import type { TestApp } from '../support/test-app';
import type { TwilioServer } from '../support/twilio-server';

/**
 * The notifications pipeline end to end: outbox → relay → delivery rows → BullMQ → a real SMTP
 * server over TCP and a local HTTP server speaking Twilio's Messages API. Time is the app's
 * injected clock: alert delays, quiet hours and retry backoff move only when the test moves it.
 */
describe('notifications', () => {
  let rig: NotificationRig;
  let t: TestApp;
  let smtp: TestSmtpServer;
  let sms: TwilioServer;
  let f: Fixtures;
  let inst: string;
  let group: string;
  let admin: string;
  let teacher: string;
  let teacherPerson: Person;
  let adminPerson: Person;
  let n = 0;
  const clock = new FixedClock('2026-10-14T07:00:00Z'); // Wednesday 10:00 in Riga
  const em = () => rig.em();
  const sweep = () => rig.sweep();
  const settled = (eventId: string) => rig.settled(eventId);
  const eventOf = async (dedupeKey: string) => (await rig.eventOf(dedupeKey)).id;

  beforeAll(async () => {
    rig = await startNotificationRig(clock, { ALERT_DELAY_SECONDS: '600' });
    ({ t, smtp, sms } = rig);
    f = new Fixtures(t.app);
    inst = (await f.institution('school', `Skola ${f.tag}`)).id;
    group = (await f.group(inst, '3.b')).id;
    adminPerson = await f.person([{ institutionId: inst, role: 'admin' }]);
    admin = await login(t.http, adminPerson);
    teacherPerson = await f.person([{ institutionId: inst, role: 'teacher' }], { givenName: 'Ieva' });
    await f.assign(teacherPerson.id, group);
  });
  // Access tokens live 15 minutes of the app's clock, which these tests move by hours.
  beforeEach(async () => {
    teacher = await login(t.http, teacherPerson);
  });
  afterAll(() => rig?.close());

  const mobile = () => `+3712${String(6_100_000 + ++n * 7919).slice(-7)}`;

  /** A guardian with a child in the group, their language and contacts as given. */
  async function family(language: 'lv' | 'ru' | 'en', contacts: { email?: string; phone?: string }) {
    const child = await f.person([{ institutionId: inst, role: 'student' }], { password: null });
    await f.enrol(child.id, group);
    const g = await f.person([{ institutionId: inst, role: 'guardian' }], { phone: contacts.phone });
    await em().nativeUpdate(User, { id: g.id }, { language, email: contacts.email ?? null });
    await f.guard(g.id, child.id);
    return { ...g, email: contacts.email, phone: contacts.phone };
  }


  it('a registered guardian gets one SMS whose password signs in, and the clear password is kept nowhere else', async () => {
    const phone = mobile();
    const res = await t.http
      .post(`/institutions/${inst}/guardians`)
      .set(bearer(admin))
      .send({ givenName: 'Līga', familyName: 'Ozola', phone, language: 'lv' })
      .expect(201);
    expect(res.body.credentials).toEqual({ delivery: 'sms' });
    const [event] = await em().find(OutboxMessage, { kind: 'password-sms', payload: { userId: res.body.id } } as never);
    const [delivery] = await settled(event.id);
    expect(delivery).toMatchObject({ channel: 'sms', category: 'password', status: 'sent', providerId: expect.stringMatching(/^SM[0-9a-f]{32}$/) });
    const texts = sms.to(phone);
    expect(texts).toHaveLength(1);
    const password = /([A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4})/.exec(texts[0].body)?.[1];
    expect(texts[0].body).toContain(res.body.username);
    await t.http.post('/auth/login').send({ username: res.body.username, password }).expect(200);

    // The sealed copy is erased once sent; the password is in no row, no audit entry, no Redis key.
    const after = await em().findOneOrFail(OutboxMessage, event.id);
    expect(JSON.stringify(after.payload)).not.toMatch(/sealedPassword|v1\./);
    const audit = await em().find(AuditEntry, { objectId: res.body.id });
    const rows = JSON.stringify([after, await em().find(NotificationDelivery, { userId: res.body.id }), audit]);
    expect(rows).not.toContain(password!);
    const redis = new Redis(process.env.REDIS_URL!);
    try {
      const keys = await redis.keys('*');
      for (const key of keys.slice(0, 2000)) {
        const type = await redis.type(key);
        const value = type === 'string' ? await redis.get(key) : type === 'hash' ? JSON.stringify(await redis.hgetall(key)) : '';
        expect(value ?? '').not.toContain(password!);
      }
    } finally {
      redis.disconnect();
    }
  });

  it('a group message reaches each guardian by e-mail in their language after the delay, except whoever read it in the app', async () => {
    const lv = await family('lv', { email: `lv${n}.${f.tag}@example.lv` });
    const ru = await family('ru', { email: `ru${n}.${f.tag}@example.lv` });
    const reader = await family('en', { email: `en${n}.${f.tag}@example.lv` });
    const sent = await t.http
      .post('/messages')
      .set(bearer(teacher))
      .send({ institutionId: inst, subject: `Ekskursija ${f.tag}`, body: 'Rīt brauksim uz Siguldu.', to: { groups: [{ groupId: group, audience: 'guardians' }] } })
      .expect(201);
    const id = sent.body.id as string;
    await sweep();
    expect(smtp.received.filter((m) => m.subject?.includes(f.tag))).toEqual([]); // the delay has not passed
    await t.http.post(`/messages/${id}/read`).set(bearer(await login(t.http, reader))).expect(204);

    clock.advanceSeconds(601);
    const rows = await settled(await eventOf(`message-alert:${id}`));
    const byUser = Object.fromEntries(rows.map((r) => [r.userId, `${r.channel}:${r.status}:${r.reason ?? ''}`]));
    expect(byUser).toMatchObject({ [lv.id]: 'email:sent:', [ru.id]: 'email:sent:', [reader.id]: 'email:suppressed:read' });
    const mailTo = (address: string) => smtp.received.filter((m) => m.envelope.rcptTo.includes(address));
    expect(mailTo(lv.email!)).toHaveLength(1);
    expect(mailTo(ru.email!)).toHaveLength(1);
    expect(mailTo(reader.email!)).toHaveLength(0);
    expect(mailTo(ru.email!)[0].text).toMatch(/[а-яА-Я]/); // Russian words
    expect(mailTo(lv.email!)[0].text).toContain('https://pasts.example.lv/messages/');
    expect(mailTo(lv.email!)[0].headers['list-unsubscribe']).toContain('https://pasts.example.lv');

    const receipts = await t.http.get(`/messages/${id}/receipts`).set(bearer(teacher)).expect(200);
    const ofReader = receipts.body.recipients.find((r: { userId: string }) => r.userId === reader.id);
    expect(ofReader.deliveries).toEqual([{ channel: 'email', status: 'suppressed', at: expect.any(String), reason: 'read' }]);
  });

  it('quiet hours hold normal alerts until 07:00 Riga time; urgent ones go at once by e-mail and SMS', async () => {
    const guardian = await family('lv', { email: `q${n}.${f.tag}@example.lv`, phone: mobile() });
    clock.set('2026-10-15T19:30:00Z'); // Thursday 22:30 in Riga
    teacher = await login(t.http, teacherPerson);
    const normal = await t.http
      .post('/messages')
      .set(bearer(teacher))
      .send({ institutionId: inst, subject: `Vakarā ${f.tag}`, body: 'Rīt nodarbības nav.', to: { users: [guardian.id] } })
      .expect(201);
    const urgent = await t.http
      .post('/messages')
      .set(bearer(teacher))
      .send({ institutionId: inst, subject: `Steidzami ${f.tag}`, body: 'Skola rīt slēgta.', to: { users: [guardian.id] }, priority: 'urgent' })
      .expect(201);
    const urgentRows = await settled(await eventOf(`message-alert:${urgent.body.id}`));
    expect(urgentRows.map((r) => `${r.channel}:${r.status}`).sort()).toEqual(['email:sent', 'sms:sent']);
    expect(sms.to(guardian.phone!)).toHaveLength(1);

    clock.advanceSeconds(601); // past the alert delay, still inside quiet hours
    await sweep();
    const normalEvent = await eventOf(`message-alert:${normal.body.id}`);
    const waiting = await em().find(NotificationDelivery, { eventId: normalEvent });
    expect(waiting.map((r) => [r.channel, r.status, r.availableAt.toISOString()])).toEqual([['email', 'pending', '2026-10-16T04:00:00.000Z']]);

    clock.set('2026-10-16T04:00:00Z'); // 07:00 in Riga
    expect((await settled(normalEvent)).map((r) => r.status)).toEqual(['sent']);
  });

  it('a temporary SMTP refusal is retried after its backoff and the e-mail arrives once', async () => {
    const guardian = await family('en', { email: `t${n}.${f.tag}@example.lv` });
    smtp.refuseNext(1, 451);
    const sent = await t.http
      .post('/messages')
      .set(bearer(teacher))
      .send({ institutionId: inst, subject: `Retry ${f.tag}`, body: 'Once only.', to: { users: [guardian.id] }, priority: 'urgent' })
      .expect(201);
    const event = await eventOf(`message-alert:${sent.body.id}`);
    const until = Date.now() + 10_000;
    let row: NotificationDelivery | null = null;
    while (Date.now() < until) {
      await sweep();
      row = await em().findOne(NotificationDelivery, { eventId: event, channel: 'email' });
      if (row?.reason === '451' || row?.status === 'sent') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(row).toMatchObject({ status: 'pending', reason: '451', attempts: 1 });
    clock.advance(row!.availableAt.getTime() - clock.now().getTime());
    const [done] = (await settled(event)).filter((r) => r.channel === 'email');
    expect(done).toMatchObject({ status: 'sent', attempts: 2 });
    expect(smtp.received.filter((m) => m.envelope.rcptTo.includes(guardian.email!))).toHaveLength(1);
  });

  it('Twilio 429 then 201 sends the SMS once; a permanent error fails at once with no retry storm', async () => {
    const ok = await family('lv', { phone: mobile() });
    const bad = await family('lv', { phone: mobile() });
    sms.script({ status: 429, code: 20429, retryAfterSeconds: 1 });
    const first = await t.http
      .post('/messages')
      .set(bearer(teacher))
      .send({ institutionId: inst, subject: `SMS ${f.tag}`, body: 'Steidzami.', to: { users: [ok.id] }, priority: 'urgent' })
      .expect(201);
    const event = await eventOf(`message-alert:${first.body.id}`);
    for (let i = 0; i < 40; i++) {
      await sweep();
      const row = await em().findOne(NotificationDelivery, { eventId: event, channel: 'sms' });
      if (row?.status === 'pending' && row.attempts === 1) {
        clock.advance(row.availableAt.getTime() - clock.now().getTime());
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await settled(event)).find((r) => r.channel === 'sms')).toMatchObject({ status: 'sent', attempts: 2 });
    expect(sms.to(ok.phone!)).toHaveLength(1);

    const requestsBefore = sms.requests;
    sms.script({ status: 400, code: 21211, message: 'Invalid To' });
    const second = await t.http
      .post('/messages')
      .set(bearer(teacher))
      .send({ institutionId: inst, subject: `SMS2 ${f.tag}`, body: 'Steidzami.', to: { users: [bad.id] }, priority: 'urgent' })
      .expect(201);
    const failed = (await settled(await eventOf(`message-alert:${second.body.id}`))).find((r) => r.channel === 'sms');
    expect(failed).toMatchObject({ status: 'failed', reason: '21211', attempts: 1 });
    clock.advanceHours(2);
    await sweep();
    expect(sms.requests - requestsBefore).toBe(1);
  });

  it('management lists failed deliveries and retries them; nobody else may', async () => {
    const guardian = await family('lv', { phone: mobile() });
    sms.script({ status: 400, code: 21211, message: 'Invalid To' });
    const sent = await t.http
      .post('/messages')
      .set(bearer(teacher))
      .send({ institutionId: inst, subject: `Retry ${f.tag}`, body: 'Steidzami.', to: { users: [guardian.id] }, priority: 'urgent' })
      .expect(201);
    const failed = (await settled(await eventOf(`message-alert:${sent.body.id}`))).find((r) => r.channel === 'sms')!;
    expect(failed).toMatchObject({ status: 'failed', reason: '21211' });
    const adminNow = await login(t.http, adminPerson);
    const otherAdmin = await login(t.http, await f.person([{ institutionId: (await f.institution('school', `Cita ${f.tag}`)).id, role: 'admin' }]));

    const list = await t.http.get(`/institutions/${inst}/deliveries?status=failed&channel=sms&limit=200`).set(bearer(adminNow)).expect(200);
    expect(list.body.items.map((d: { id: string }) => d.id)).toContain(failed.id);
    // One recipient's deliveries of one category, named so the list can be read by a person.
    const his = await t.http.get(`/institutions/${inst}/deliveries?userId=${guardian.id}&category=urgent`).set(bearer(adminNow)).expect(200);
    expect(his.body.items).toEqual([expect.objectContaining({ id: failed.id, userId: guardian.id, recipient: { id: guardian.id, displayName: expect.stringMatching(/^Test /) } })]);
    const none = await t.http.get(`/institutions/${inst}/deliveries?userId=${guardian.id}&category=password`).set(bearer(adminNow)).expect(200);
    expect(none.body.items).toEqual([]);
    const bad = await t.http.get(`/institutions/${inst}/deliveries?userId=nobody&category=nothing`).set(bearer(adminNow)).expect(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    for (const [token, status, code] of [[teacher, 403, 'NOT_MANAGEMENT'], [otherAdmin, 403, 'NOT_MANAGEMENT']] as const) {
      const res = await t.http.get(`/institutions/${inst}/deliveries`).set(bearer(token));
      expect({ status: res.status, code: res.body.error?.code }).toEqual({ status, code });
    }
    for (const [token, status, code] of [[teacher, 403, 'NOT_MANAGEMENT'], [otherAdmin, 404, 'DELIVERY_NOT_FOUND']] as const) {
      const res = await t.http.post(`/deliveries/${failed.id}/retry`).set(bearer(token));
      expect({ status: res.status, code: res.body.error?.code }).toEqual({ status, code });
    }
    expect((await em().findOneOrFail(NotificationDelivery, failed.id)).status).toBe('failed');

    const retried = await t.http.post(`/deliveries/${failed.id}/retry`).set(bearer(adminNow)).expect(200);
    expect(retried.body).toMatchObject({ id: failed.id, attempts: 0, reason: 'retried' });
    // Pending or already sent again: only failed and undelivered deliveries are retried.
    const again = await t.http.post(`/deliveries/${failed.id}/retry`).set(bearer(adminNow));
    expect({ status: again.status, code: again.body.error?.code }).toEqual({ status: 409, code: 'DELIVERY_NOT_RETRYABLE' });
    expect((await settled(failed.eventId)).find((r) => r.id === failed.id)).toMatchObject({ status: 'sent' });
    expect(sms.to(guardian.phone!)).toHaveLength(1);
  });

  it('after Redis loses every job, everything committed is still sent, once', async () => {
    const guardians = await Promise.all([1, 2, 3, 4, 5].map(() => family('lv', { email: `f${++n}.${f.tag}@example.lv` })));
    const sent = await t.http
      .post('/messages')
      .set(bearer(teacher))
      .send({ institutionId: inst, subject: `Flush ${f.tag}`, body: 'Vienreiz.', to: { users: guardians.map((g) => g.id) }, priority: 'urgent' })
      .expect(201);
    // Relay and queue while the workers stand still, then lose the queued jobs (what FLUSHALL does to this app).
    expect(await rig.loseQueuedJobs(sweep)).toBeGreaterThanOrEqual(5);
    const rows = await settled(await eventOf(`message-alert:${sent.body.id}`));
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
    for (const g of guardians) expect(smtp.received.filter((m) => m.envelope.rcptTo.includes(g.email!))).toHaveLength(1);
  });
});
