import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { SmsCostControl } from '../../apps/worker/src/pipeline/sms-budget.service';
import { SmsRate } from '../../apps/worker/src/pipeline/sms-rate.service';
import { User } from '../../libs/directory/src/entities';
import { NotificationDelivery } from '../../libs/notifications/src/delivery/notification-delivery.entity';
import { OutboxMessage } from '../../libs/notifications/src/outbox/outbox-message.entity';
import { smsSize } from '../../libs/notifications/src/sms/segments';
import { SmsBudgetUsage } from '../../libs/notifications/src/sms/sms-budget-usage.entity';
import { SmsOptOut } from '../../libs/notifications/src/sms/sms-opt-out.entity';
import type { AppConfig } from '../../libs/platform/src/config/app-config';
import { RedisConnection } from '../../libs/platform/src/redis/redis.module';
import { FixedClock } from '../../libs/platform/src/time/clock';
import { Fixtures, bearer, login, type Person } from '../support/fixtures';
import { startNotificationRig, type NotificationRig } from '../support/notification-rig';
import type { TestSmtpServer } from '../support/smtp-server';
import type { TestApp } from '../support/test-app';
import type { TwilioServer } from '../support/twilio-server';

/**
 * SMS cost control end to end (PostgreSQL, Redis, BullMQ, the SMTP and Twilio test servers, the
 * app's injected clock): the monthly segment budget and its e-mail fallback, transliteration,
 * institution overrides of the alert delay and quiet hours, the STOP memory, the shared send rate.
 */
describe('SMS cost control', () => {
  let rig: NotificationRig;
  let t: TestApp;
  let smtp: TestSmtpServer;
  let sms: TwilioServer;
  let f: Fixtures;
  let n = 0;
  const clock = new FixedClock('2026-10-14T07:00:00Z'); // Wednesday 10:00 in Riga
  const em = () => rig.em();
  const eventOf = async (dedupeKey: string) => (await rig.eventOf(dedupeKey)).id;

  beforeAll(async () => {
    rig = await startNotificationRig(clock, { ALERT_DELAY_SECONDS: '600' });
    ({ t, smtp, sms } = rig);
    f = new Fixtures(t.app);
  });
  beforeEach(() => clock.set('2026-10-14T07:00:00Z'));
  afterAll(() => rig?.close());

  const mobile = () => `+3712${String(6_300_000 + ++n * 7919).slice(-7)}`;

  interface School {
    inst: string;
    group: string;
    admin: Person;
    teacher: Person;
  }

  /** An institution of its own per test: budgets and settings are per institution. */
  async function school(): Promise<School> {
    const inst = (await f.institution('school', `Skola ${f.tag} ${++n}`)).id;
    const group = (await f.group(inst, '5.a')).id;
    const admin = await f.person([{ institutionId: inst, role: 'admin' }]);
    const teacher = await f.person([{ institutionId: inst, role: 'teacher' }], { givenName: 'Ieva' });
    await f.assign(teacher.id, group);
    return { inst, group, admin, teacher };
  }

  async function family(s: School, contacts: { email?: string; phone?: string }) {
    const child = await f.person([{ institutionId: s.inst, role: 'student' }], { password: null });
    await f.enrol(child.id, s.group);
    const g = await f.person([{ institutionId: s.inst, role: 'guardian' }], { phone: contacts.phone });
    await em().nativeUpdate(User, { id: g.id }, { language: 'lv', email: contacts.email ?? null });
    await f.guard(g.id, child.id);
    return { ...g, email: contacts.email, phone: contacts.phone };
  }

  /** Urgent news by SMS only, so an e-mail appears only as the fallback. */
  async function urgentBySmsOnly(p: Person) {
    await t.http
      .put('/me/notification-preferences')
      .set(bearer(await login(t.http, p)))
      .send({ categories: { urgent: { inApp: true, email: false, sms: true } }, quietHours: null, digest: false })
      .expect(200);
  }

  async function send(s: School, to: string[], subject: string, priority: 'urgent' | 'normal' = 'urgent'): Promise<string> {
    const res = await t.http
      .post('/messages')
      .set(bearer(await login(t.http, s.teacher)))
      .send({ institutionId: s.inst, subject, body: 'Sīkāk skolā.', to: { users: to }, priority })
      .expect(201);
    return eventOf(`message-alert:${res.body.id}`);
  }

  const settings = async (s: School, body: Record<string, unknown>, status = 200) =>
    t.http.patch(`/institutions/${s.inst}/settings`).set(bearer(await login(t.http, s.admin))).send(body).expect(status);

  const usage = async (inst: string, month = '2026-10') => (await em().findOne(SmsBudgetUsage, { institutionId: inst, month }))?.segmentsUsed ?? 0;
  const byChannel = (rows: NotificationDelivery[]) => Object.fromEntries(rows.map((r) => [r.channel, `${r.status}:${r.reason ?? ''}`]));
  const mailTo = (address: string) => smtp.received.filter((m) => m.envelope.rcptTo.includes(address));

  async function registerGuardian(s: School, givenName: string) {
    const phone = mobile();
    const res = await t.http
      .post(`/institutions/${s.inst}/guardians`)
      .set(bearer(await login(t.http, s.admin)))
      .send({ givenName, familyName: 'Ozola', phone, language: 'lv' })
      .expect(201);
    const [event] = await em().find(OutboxMessage, { kind: 'password-sms', payload: { userId: res.body.id } } as never);
    const [delivery] = await rig.settled(event.id);
    return { phone, username: res.body.username as string, delivery };
  }

  it('over the monthly budget an alert goes by e-mail instead and is listed as suppressed (budget); a password SMS still goes', async () => {
    const s = await school();
    const g = await family(s, { email: `budget${n}.${f.tag}@example.lv`, phone: mobile() });
    await urgentBySmsOnly(g);

    const first = await rig.settled(await send(s, [g.id], `Pirmā ${f.tag}`));
    expect(byChannel(first)).toEqual({ sms: 'sent:' });
    const spent = first[0].segments!;
    expect(spent).toBeGreaterThan(0);
    expect(await usage(s.inst)).toBe(spent);

    // The budget is now exactly used up.
    const patched = await settings(s, { smsMonthlySegmentBudget: spent });
    expect(patched.body.settings).toMatchObject({ smsMonthlySegmentBudget: spent, smsTransliterate: false, alertDelaySeconds: null, quietHours: null });
    const secondEvent = await send(s, [g.id], `Otrā ${f.tag}`);
    const second = await rig.settled(secondEvent);
    expect(byChannel(second)).toEqual({ sms: 'suppressed:budget', email: 'sent:' });
    expect(sms.to(g.phone!)).toHaveLength(1);
    expect(mailTo(g.email!)).toHaveLength(1);
    expect(mailTo(g.email!)[0].subject).toContain(`Otrā ${f.tag}`);
    expect(await usage(s.inst)).toBe(spent);

    // A password SMS is counted but never refused by the budget.
    const registered = await registerGuardian(s, 'Anna');
    expect(registered.delivery).toMatchObject({ channel: 'sms', status: 'sent' });
    expect(sms.to(registered.phone)).toHaveLength(1);
    expect(await usage(s.inst)).toBe(spent + registered.delivery.segments!);

    // Reported where admins look: the deliveries list by reason, and /metrics.
    const listed = await t.http.get(`/institutions/${s.inst}/deliveries?reason=budget`).set(bearer(await login(t.http, s.admin))).expect(200);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toEqual([second.find((r) => r.channel === 'sms')!.id]);
    const metrics = await t.http.get('/metrics').expect(200);
    expect(metrics.text).toMatch(/notification_sms_refused_total\{reason="budget"\} [1-9]/);
  });

  it('SMS of one message are counted together, and a budget that fits only some admits exactly those that fit', async () => {
    const s = await school();
    const parents = [];
    for (let i = 0; i < 6; i++) {
      const g = await family(s, { email: `batch${n}.${i}.${f.tag}@example.lv`, phone: mobile() });
      await urgentBySmsOnly(g);
      parents.push(g);
    }
    const [first] = await rig.settled(await send(s, [parents[0].id], `Ziņa A ${f.tag}`));
    const spent = first.segments!;
    await settings(s, { smsMonthlySegmentBudget: spent * 4 }); // the first and three more

    const rows = (await rig.settled(await send(s, parents.slice(1).map((p) => p.id), `Ziņa B ${f.tag}`))).filter((r) => r.channel === 'sms');
    const sent = rows.filter((r) => r.status === 'sent');
    const refused = rows.filter((r) => r.status === 'suppressed' && r.reason === 'budget');
    expect([sent.length, refused.length]).toEqual([3, 2]);
    expect(await usage(s.inst)).toBe(spent * 4);
    // Each admitted SMS records what it was counted; a refused one records nothing to give back.
    expect(sent.map((r) => [r.smsReservedSegments, r.smsReservedMonth])).toEqual(sent.map(() => [spent, '2026-10']));
    expect(refused.map((r) => r.smsReservedSegments)).toEqual([null, null]);
  });

  it('two parallel reservations cannot together exceed the budget', async () => {
    const cost = t.app.get(SmsCostControl);
    const inst = randomUUID();
    const ones = await Promise.all(Array.from({ length: 20 }, () => cost.reserve(inst, '2026-10', 1, 10)));
    expect(ones.filter(Boolean)).toHaveLength(10);
    expect(await usage(inst, '2026-10')).toBe(10);
    const threes = await Promise.all(Array.from({ length: 6 }, () => cost.reserve(inst, '2026-11', 3, 10)));
    expect(threes.filter(Boolean)).toHaveLength(3);
    expect(await usage(inst, '2026-11')).toBe(9);
    // Unlimited (null) always reserves, and counts.
    expect(await cost.reserve(inst, '2026-11', 5, null)).toBe(true);
    expect(await usage(inst, '2026-11')).toBe(14);
  });

  it('transliteration saves segments on alerts and stores the count sent; it never touches a password SMS', async () => {
    const s = await school();
    const g = await family(s, { phone: mobile() });
    const subject = `Ēdnīca slēgta ${f.tag}`;
    const [plain] = (await rig.settled(await send(s, [g.id], subject))).filter((r) => r.channel === 'sms');
    await settings(s, { smsTransliterate: true });
    const [cheap] = (await rig.settled(await send(s, [g.id], subject))).filter((r) => r.channel === 'sms');

    const [before, after] = sms.to(g.phone!);
    expect(before.body).toContain('„Ēdnīca slēgta');
    expect(after.body).toContain('"Ednica slegta');
    expect(plain.segments).toBe(smsSize(before.body).segments);
    expect(cheap.segments).toBe(smsSize(after.body).segments);
    expect(cheap.segments!).toBeLessThan(plain.segments!);

    const registered = await registerGuardian(s, 'Līga');
    const [text] = sms.to(registered.phone);
    expect(text.body).toContain('Līga');
    const password = /Parole: (\S+)/.exec(text.body)?.[1];
    await t.http.post('/auth/login').send({ username: registered.username, password }).expect(200);
  });

  it("an institution's alert delay and quiet hours replace the service's; a person's own quiet hours still win", async () => {
    const s = await school();
    const g = await family(s, { email: `quiet${n}.${f.tag}@example.lv` });
    const own = await family(s, { email: `own${n}.${f.tag}@example.lv` });
    await t.http
      .put('/me/notification-preferences')
      .set(bearer(await login(t.http, own)))
      .send({ categories: {}, quietHours: { from: '21:00', to: '08:00' }, digest: false })
      .expect(200);
    await settings(s, { alertDelaySeconds: 60, quietHours: '22:00-06:00' });
    const waiting = async (eventId: string) => {
      await rig.sweep();
      const rows = await em().find(NotificationDelivery, { eventId }, { orderBy: { userId: 'asc' } });
      return Object.fromEntries(rows.map((r) => [r.userId, `${r.status} ${r.availableAt.toISOString()}`]));
    };

    // Daytime: the institution's 60 s, not the service's 600 s.
    expect(await waiting(await send(s, [g.id], `Diena ${f.tag}`, 'normal'))).toEqual({ [g.id]: 'pending 2026-10-14T07:01:00.000Z' });

    clock.set('2026-10-15T19:30:00Z'); // Thursday 22:30 in Riga
    expect(await waiting(await send(s, [g.id, own.id], `Vakars ${f.tag}`, 'normal'))).toEqual({
      [g.id]: 'pending 2026-10-16T03:00:00.000Z', // 06:00 Riga: the institution's quiet hours
      [own.id]: 'pending 2026-10-16T05:00:00.000Z', // 08:00 Riga: their own
    });

    await settings(s, { quietHours: 'off' });
    expect(await waiting(await send(s, [g.id], `Nakts ${f.tag}`, 'normal'))).toEqual({ [g.id]: 'pending 2026-10-15T19:31:00.000Z' });

    // null returns to the service's default (600 s).
    await settings(s, { alertDelaySeconds: null });
    expect(await waiting(await send(s, [g.id], `Atpakaļ ${f.tag}`, 'normal'))).toEqual({ [g.id]: 'pending 2026-10-15T19:40:00.000Z' });
  });

  it('refuses bad notification settings with 400 and lets only management change them', async () => {
    const s = await school();
    for (const bad of [{ quietHours: '25:00-07:00' }, { alertDelaySeconds: -1 }, { alertDelaySeconds: 1.5 }, { smsMonthlySegmentBudget: 'lots' }, { smsTransliterate: 'yes' }]) {
      const res = await settings(s, bad, 400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(new Set(res.body.error.details.map((d: { field: string }) => d.field))).toEqual(new Set(Object.keys(bad)));
    }
    const view = await t.http.get(`/institutions/${s.inst}`).set(bearer(await login(t.http, s.admin))).expect(200);
    expect(view.body.settings).toMatchObject({ alertDelaySeconds: null, quietHours: null, smsTransliterate: false, smsMonthlySegmentBudget: null });
    await t.http
      .patch(`/institutions/${s.inst}/settings`)
      .set(bearer(await login(t.http, s.teacher)))
      .send({ smsMonthlySegmentBudget: 1 })
      .expect(403);
  });

  it('remembers a number that answered STOP: the next alert to it sends no SMS and goes by e-mail', async () => {
    const s = await school();
    const g = await family(s, { email: `stop${n}.${f.tag}@example.lv`, phone: mobile() });
    await urgentBySmsOnly(g);

    sms.script({ status: 400, code: 21610, message: 'Attempt to send to unsubscribed recipient' });
    const first = await rig.settled(await send(s, [g.id], `Pirmā ${f.tag}`));
    expect(byChannel(first)).toEqual({ sms: 'failed:21610', email: 'sent:' });
    expect(await em().findOne(SmsOptOut, { phone: g.phone! })).not.toBeNull();

    const requests = sms.requests;
    const second = await rig.settled(await send(s, [g.id], `Otrā ${f.tag}`));
    expect(byChannel(second)).toEqual({ sms: 'suppressed:opted-out', email: 'sent:' });
    expect(sms.requests).toBe(requests);
    expect(sms.to(g.phone!)).toHaveLength(0);
    expect(mailTo(g.email!)).toHaveLength(2);
    // The refused SMS used nothing of the budget.
    expect(await usage(s.inst)).toBe(0);
  });

  it("the provider's own segment count replaces the reserved one", async () => {
    const cost = t.app.get(SmsCostControl);
    const inst = randomUUID();
    await cost.reserve(inst, '2026-10', 2, null);
    const e = em();
    const row = e.create(NotificationDelivery, {
      eventId: randomUUID(),
      userId: randomUUID(),
      channel: 'sms',
      category: 'urgent',
      institutionId: inst,
      status: 'sending',
      smsReservedSegments: 2,
      smsReservedMonth: '2026-10',
      availableAt: clock.now(),
    });
    await e.flush();
    const ticket = { delivery: row, to: '+37120000000', body: 'x', reserved: { institutionId: inst, month: '2026-10', segments: 2 } };
    await cost.accepted(ticket, 3);
    expect(await usage(inst)).toBe(3);
    expect((await em().findOneOrFail(NotificationDelivery, row.id)).smsReservedSegments).toBe(3);
    // The same report twice (a retried bookkeeping call) changes the count once.
    await cost.accepted(ticket, 3);
    expect(await usage(inst)).toBe(3);
  });

  describe('an SMS sent again counts its segments once', () => {
    const smsRow = async (eventId: string) => em().findOneOrFail(NotificationDelivery, { eventId, channel: 'sms' });

    it('after a worker died between counting it and handing it over (a stale claim without hand-over)', async () => {
      const s = await school();
      const g = await family(s, { phone: mobile() });
      let eventId = '';
      // The workers stand still while "the dying worker" claims and counts the SMS, then its job is lost.
      await rig.loseQueuedJobs(async () => {
        eventId = await send(s, [g.id], `Atkārtoti ${f.tag}`);
        await rig.sweep();
        const row = await smsRow(eventId);
        await em().nativeUpdate(NotificationDelivery, { id: row.id }, { status: 'sending', claimedAt: new Date(clock.now().getTime() - 3 * 60_000), attempts: 1 });
        const claimed = await smsRow(eventId);
        expect(await t.app.get(SmsCostControl).admit(claimed, { to: g.phone!, body: 'x'.repeat(300) })).toMatchObject({ reserved: { segments: 2 } });
      });
      expect(await usage(s.inst)).toBe(2);

      const [sent] = await rig.settled(eventId);
      expect(sent).toMatchObject({ status: 'sent', attempts: 2, smsReservedSegments: sent.segments, smsReservedMonth: '2026-10' });
      expect(sms.to(g.phone!)).toHaveLength(1);
      expect(await usage(s.inst)).toBe(sent.segments);
    });

    it('after its send got no answer and Twilio turned out never to have had it (unknown → pending)', async () => {
      const s = await school();
      const g = await family(s, { phone: mobile() });
      sms.script({ drop: true });
      const eventId = await send(s, [g.id], `Nezināms ${f.tag}`);
      const [unknown] = await rig.settled(eventId);
      expect(unknown).toMatchObject({ status: 'unknown', smsReservedMonth: '2026-10' });
      const counted = unknown.smsReservedSegments!;
      expect(await usage(s.inst)).toBe(counted);

      clock.set(new Date(unknown.handedAt!.getTime() + 10 * 60_000));
      const [sent] = await rig.settled(eventId);
      expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
      expect(sms.to(g.phone!)).toHaveLength(1);
      expect(await usage(s.inst)).toBe(counted);
      expect(sent.segments).toBe(counted);
    });

    it('but a retry by management is a new SMS and is counted again', async () => {
      const s = await school();
      const g = await family(s, { phone: mobile() });
      const eventId = await send(s, [g.id], `Nepiegādāts ${f.tag}`);
      const [first] = await rig.settled(eventId);
      await em().nativeUpdate(NotificationDelivery, { id: first.id }, { status: 'undelivered', reason: '30005' });
      await t.http.post(`/deliveries/${first.id}/retry`).set(bearer(await login(t.http, s.admin))).expect(200);
      const [again] = await rig.settled(eventId);
      expect(again.status).toBe('sent');
      expect(sms.to(g.phone!)).toHaveLength(2);
      expect(await usage(s.inst)).toBe(first.segments! + again.segments!);
    });
  });

  it('an SMS over the shared send rate waits: the claim and the attempt are given back, and it goes later', async () => {
    const s = await school();
    const g = await family(s, { phone: mobile() });
    // Another worker holds the sender's whole budget for the next seconds, so this SMS cannot get its turn in time.
    const hog = new RateLimiterRedis({ storeClient: t.app.get(RedisConnection).client, useRedisPackage: false, keyPrefix: 'sms-rate', points: 10, duration: 1 });
    await hog.block('SkolasPasts', 4);
    let row: NotificationDelivery | null = null;
    try {
      const event = await send(s, [g.id], `Lēnām ${f.tag}`);
      const until = Date.now() + 15_000;
      while (Date.now() < until) {
        await rig.sweep();
        row = await em().findOne(NotificationDelivery, { eventId: event, channel: 'sms' });
        if (row?.reason === 'rate' || row?.status === 'sent') break;
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await hog.delete('SkolasPasts');
    }
    expect(row).toMatchObject({ status: 'pending', reason: 'rate', attempts: 0, claimedAt: null });
    expect(sms.to(g.phone!)).toHaveLength(0);
    clock.advance(row!.availableAt.getTime() - clock.now().getTime());
    const [sent] = (await rig.settled(row!.eventId)).filter((r) => r.channel === 'sms');
    expect(sent).toMatchObject({ status: 'sent', attempts: 1 });
    expect(sms.to(g.phone!)).toHaveLength(1);
  });

  it('the send rate is one budget for every worker sharing the sender (two connections, as two workers)', async () => {
    const url = process.env.REDIS_URL!;
    const keyPrefix = `test-${randomUUID()}:`;
    const [a, twin] = [new Redis(url, { keyPrefix }), new Redis(url, { keyPrefix })];
    const config = { env: { SMS_RATE_PER_SECOND: 5, TWILIO_FROM: 'Skola' } } as unknown as AppConfig;
    try {
      const first = new SmsRate({ client: a } as RedisConnection, config);
      const second = new SmsRate({ client: twin } as RedisConnection, config);
      const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? first : second).tryTake(1)));
      expect(answers.filter((w) => w === 0)).toHaveLength(5);
      const wait = Math.max(...answers);
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(1000);
      await new Promise((r) => setTimeout(r, wait + 20));
      expect(await second.tryTake(1)).toBe(0);
      // A message longer than a second's budget takes a whole second's rather than waiting forever.
      await new Promise((r) => setTimeout(r, 1020));
      expect(await first.tryTake(50)).toBe(0);
    } finally {
      a.disconnect();
      twin.disconnect();
    }
  });

});
