import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { simpleParser } from 'mailparser';
import { GroupMeals } from '../../libs/attendance/src/entities';
import { DeliverySweep } from '../../apps/worker/src/pipeline/delivery-sweep.service';
import { SmsCostControl } from '../../apps/worker/src/pipeline/sms-budget.service';
import { SmsBudgetUsage } from '../../libs/notifications/src/sms/sms-budget-usage.entity';
import { User } from '../../libs/directory/src/entities';
import { NotificationDelivery } from '../../libs/notifications/src/delivery/notification-delivery.entity';
import { NotificationDigest } from '../../libs/notifications/src/digest/notification-digest.entity';
import { migrateUp } from '../../libs/persistence/src/migrate';
import { Fixtures, bearer, login } from '../support/fixtures';
import { buildSchool } from '../support/school';
import { createTestApp, TestApp } from '../support/test-app';

/** The embedded default's database: start, migrate, log in, one write, one read. */
describe('smoke on SQLite', () => {
  let t: TestApp;
  let outbox: string;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sp-smoke-db-'));
    outbox = join(dir, 'outbox');
    t = await createTestApp({ notifications: true, env: { DATABASE_URL: `sqlite:${join(dir, 'smoke.sqlite')}`, DATA_DIR: dir } });
    const applied = await migrateUp(t.app.get(MikroORM));
    expect(applied.length).toBeGreaterThan(0);
  });
  afterAll(() => t.close());

  it('starts, logs in, writes and reads', async () => {
    const f = new Fixtures(t.app);
    const inst = await f.institution('preschool', 'Daugavpils 12. PII');
    const admin = await login(t.http, await f.person([{ institutionId: inst.id, role: 'admin' }]));
    const created = await t.http
      .post(`/institutions/${inst.id}/guardians`)
      .set(bearer(admin))
      .send({ givenName: 'Ļuba', familyName: 'Kuzņecova', phone: '+37129111222', language: 'ru' })
      .expect(201);
    expect(created.body).toMatchObject({ username: 'luba.kuznecova', phone: '+37129111222', credentials: { delivery: 'sms' } });
    const read = await t.http.get(`/institutions/${inst.id}/people/${created.body.id}`).set(bearer(admin)).expect(200);
    expect(read.body).toMatchObject({ displayName: 'Ļuba Kuzņecova', language: 'ru', roles: [{ role: 'guardian', active: true }] });
    const search = await t.http.get(`/institutions/${inst.id}/people?q=KUZ`).set(bearer(admin)).expect(200);
    expect(search.body.total).toBe(1);
    const health = await t.http.get('/health').expect(200);
    expect(health.body.info.database.status).toBe('up');

    // The embedded default has no SMS provider: the worker writes the password SMS to the outbox file.
    const until = Date.now() + 15_000;
    let lines: { to: string; body: string }[] = [];
    while (Date.now() < until) {
      await t.app.get(DeliverySweep).runOnce();
      const log = join(outbox, 'sms.log');
      lines = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
      if (lines.length) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(lines.map((l) => l.to)).toEqual(['+37129111222']);
    const password = /([A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4})/.exec(lines[0].body)![1];
    expect(lines[0].body).toContain('luba.kuznecova');
    await t.http.post('/auth/login').send({ username: 'luba.kuznecova', password }).expect(200);
  });

  it('sends a class message, lists the inbox, confirms and shows receipts', async () => {
    const s = await buildSchool(t);
    const sent = await t.http
      .post('/messages')
      .set(bearer(s.teacherA.token))
      .set('Idempotency-Key', 'smoke-1')
      .send({ institutionId: s.inst, subject: 'Sveiki', body: '<p>Rīt ekskursija</p>', to: { groups: [{ groupId: s.groupA, audience: 'guardians' }] }, requiresAck: true, ackScope: 'one-per-student' })
      .expect(201);
    expect(sent.body).toMatchObject({ status: 'sent', recipientCount: 3 });
    const inbox = await t.http.get('/messages/inbox?unread=true').set(bearer(s.mother.token)).expect(200);
    expect(inbox.body.items.map((i: { id: string }) => i.id)).toEqual([sent.body.id]);
    await t.http.post(`/messages/${sent.body.id}/ack`).set(bearer(s.mother.token)).expect(204);
    const receipts = await t.http.get(`/messages/${sent.body.id}/receipts`).set(bearer(s.teacherA.token)).expect(200);
    expect(receipts.body).toMatchObject({ total: 3, read: 1, acknowledged: 1 });
    const list = await t.http.get('/messages/sent').set(bearer(s.teacherA.token)).expect(200);
    expect(list.body.items[0]).toMatchObject({ id: sent.body.id, readCount: 1, ackCount: 1 });
  });

  it('reserves SMS segments within the monthly budget and reconciles the count', async () => {
    const cost = t.app.get(SmsCostControl);
    const inst = '00000000-0000-4000-8000-000000000001';
    const granted = await Promise.all(Array.from({ length: 6 }, () => cost.reserve(inst, '2026-10', 3, 10)));
    expect(granted.filter(Boolean)).toHaveLength(3);
    const used = async () => (await t.app.get(MikroORM).em.fork().findOneOrFail(SmsBudgetUsage, { institutionId: inst, month: '2026-10' })).segmentsUsed;
    expect(await used()).toBe(9);
    // The count is recorded on the delivery row, which Twilio's count then replaces (once).
    const em = t.app.get(MikroORM).em.fork();
    const delivery = em.create(NotificationDelivery, {
      eventId: inst,
      userId: inst,
      channel: 'sms',
      category: 'urgent',
      institutionId: inst,
      status: 'sending',
      smsReservedSegments: 3,
      smsReservedMonth: '2026-10',
      availableAt: new Date(),
    });
    await em.flush();
    const ticket = { delivery, to: '+37120000000', body: 'x', reserved: { institutionId: inst, month: '2026-10', segments: 3 } };
    await cost.accepted(ticket, 1);
    await cost.accepted(ticket, 1);
    expect(await used()).toBe(7);
  });

  it('builds the daily digest once and writes it as an .eml file', async () => {
    const s = await buildSchool(t);
    const em = t.app.get(MikroORM).em.fork();
    await em.nativeUpdate(User, { id: s.father.id }, { email: 'tevs@example.lv' });
    await t.http.put('/me/notification-preferences').set(bearer(s.father.token)).send({ categories: {}, digest: true }).expect(200);
    const sent = await t.http
      .post('/messages')
      .set(bearer(s.teacherA.token))
      .send({ institutionId: s.inst, subject: 'Digest smoke', body: 'Rīt koncerts.', to: { users: [s.father.id] } })
      .expect(201);
    t.clock.set('2026-10-14T15:00:30Z'); // just after 18:00 in Riga, the default DIGEST_TIME
    const sweep = t.app.get(DeliverySweep);
    const until = Date.now() + 15_000;
    let delivery: NotificationDelivery | null = null;
    while (Date.now() < until && delivery?.status !== 'sent') {
      await sweep.runOnce();
      const digest = await em.fork().findOne(NotificationDigest, { userId: s.father.id });
      delivery = digest && (await em.fork().findOne(NotificationDelivery, { eventId: digest.id }));
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(delivery).toMatchObject({ status: 'sent', channel: 'email' });
    await sweep.runOnce();
    expect(await em.fork().count(NotificationDigest, { userId: s.father.id })).toBe(1);
    const files = readdirSync(join(outbox, 'mail')).filter((name) => name.includes(delivery!.id));
    expect(files).toHaveLength(1);
    expect(readFileSync(join(outbox, 'mail', files[0]), 'utf8')).toContain(`/messages/${sent.body.id}`);
  });

  it('reports an absence and the kitchen’s count for that day drops by one', async () => {
    const s = await buildSchool(t);
    const em = t.app.get(MikroORM).em.fork();
    em.create(GroupMeals, { group: s.groupA, lunch: true });
    await em.flush();
    const lunch = async () => {
      const res = await t.http.get('/meals/counts').query({ institutionId: s.inst, date: '2026-10-16' }).set(bearer(s.kitchen.token)).expect(200);
      return res.body.totals.lunch.total as number;
    };
    expect(await lunch()).toBe(3);
    const made = await t.http.post('/absences').set(bearer(s.mother.token)).send({ studentId: s.child1.id, from: '2026-10-16', reason: 'illness' }).expect(201);
    expect(made.body.days).toEqual([{ date: '2026-10-16', absent: true, mealsCancelled: true }]);
    expect(await lunch()).toBe(2);
    await t.http.patch(`/absences/${made.body.id}`).set(bearer(s.mother.token)).send({ to: '2026-10-15' }).expect(400);
    const ended = await t.http.patch(`/absences/${made.body.id}`).set(bearer(s.mother.token)).send({ to: '2026-10-16' }).expect(200);
    expect(ended.body.mealsResumeOn).toBe('2026-10-19');
    const listed = await t.http.get('/absences').query({ groupId: s.groupA, date: '2026-10-16' }).set(bearer(s.teacherA.token)).expect(200);
    expect(listed.body.items.map((n: { id: string }) => n.id)).toEqual([made.body.id]);
  });

  it('a teacher enters and corrects a mark; the guardian reads it and gets one alert as an .eml file', async () => {
    t.clock.set('2026-10-14T15:00:30Z');
    const s = await buildSchool(t);
    const em = t.app.get(MikroORM).em.fork();
    await em.nativeUpdate(User, { id: s.parent3.id }, { email: 'vecaks3@example.lv' });
    const lesson = await t.http.post(`/groups/${s.groupA}/lessons`).set(bearer(s.teacherA.token)).send({ date: '2026-10-14', subject: 'Matemātika', topic: 'Daļas' }).expect(201);
    const mark = await t.http
      .post('/marks')
      .set(bearer(s.teacherA.token))
      .send({ studentId: s.child3.id, subject: 'Matemātika', date: '2026-10-14', scale: '1-10', value: '6', lessonId: lesson.body.id })
      .expect(201);
    await t.http.patch(`/marks/${mark.body.id}`).set(bearer(s.teacherA.token)).send({ value: '7' }).expect(200);
    const read = await t.http.get(`/students/${s.child3.id}/marks`).set(bearer(s.parent3.token)).expect(200);
    expect(read.body.items).toEqual([expect.objectContaining({ id: mark.body.id, value: '7', lessonId: lesson.body.id })]);
    await t.http.get(`/students/${s.child3.id}/marks`).set(bearer(s.mother.token)).expect(404);

    t.clock.set('2026-10-14T15:11:00Z'); // after the ten-minute alert delay
    const sweep = t.app.get(DeliverySweep);
    const until = Date.now() + 15_000;
    let deliveries: NotificationDelivery[] = [];
    while (Date.now() < until && !(deliveries.length && deliveries.every((d) => d.status === 'sent'))) {
      await sweep.runOnce();
      deliveries = await em.fork().find(NotificationDelivery, { userId: s.parent3.id, category: 'journal' });
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(deliveries.map((d) => [d.channel, d.status])).toEqual([['email', 'sent']]);
    const files = readdirSync(join(outbox, 'mail')).filter((name) => name.includes(deliveries[0].id));
    expect(files).toHaveLength(1);
    const eml = await simpleParser(readFileSync(join(outbox, 'mail', files[0])));
    expect(eml.subject).toContain('Matemātika');
    expect(eml.text).toContain('2026-10-14: 7');
    expect(eml.text).not.toContain(': 6');
  });

  it('a teacher marks a child absent in a lesson; the guardian sees the day’s absence record, excused once they report it', async () => {
    t.clock.set('2026-10-14T08:00:00Z');
    const s = await buildSchool(t);
    const lesson = await t.http.post(`/groups/${s.groupA}/lessons`).set(bearer(s.teacherA.token)).send({ date: '2026-10-14', subject: 'Sports' }).expect(201);
    await t.http.put(`/lessons/${lesson.body.id}/attendance`).set(bearer(s.teacherA.token)).send({ entries: [{ studentId: s.child3.id, status: 'absent' }] }).expect(200);
    const seen = await t.http.get(`/students/${s.child3.id}/attendance`).set(bearer(s.parent3.token)).expect(200);
    expect(seen.body.absences).toEqual([expect.objectContaining({ from: '2026-10-14', to: '2026-10-14', excused: false, recordedInLesson: true })]);
    await t.http.post('/absences').set(bearer(s.parent3.token)).send({ studentId: s.child3.id, from: '2026-10-14', to: '2026-10-14', reason: 'family' }).expect(201);
    const after = await t.http.get(`/students/${s.child3.id}/attendance`).set(bearer(s.parent3.token)).expect(200);
    expect(after.body.absences).toEqual([expect.objectContaining({ id: seen.body.absences[0].id, excused: true, recordedInLesson: false })]);
    await t.http.get(`/students/${s.child3.id}/attendance`).set(bearer(s.mother.token)).expect(404);
  });
});
