import { EntityManager } from '@mikro-orm/core';
import Redis from 'ioredis';
import { JobRunner } from '../../apps/worker/src/jobs/job-runner.service';
import { MealReportBuilder } from '../../apps/worker/src/meal-reports/meal-report-builder.service';
import { QueueRegistry } from '../../apps/worker/src/queues/queue-registry.service';
import { InstitutionRules, MealCounts, MealReport } from '../../libs/attendance/src';
import { GroupMeals, StudentDiet } from '../../libs/attendance/src/entities';
import { Enrolment, User } from '../../libs/directory/src/entities';
import { NotificationDelivery } from '../../libs/notifications/src/delivery/notification-delivery.entity';
import { PreferencesReader } from '../../libs/notifications/src/preferences/preferences.reader';
import { RealtimeBridge } from '../../libs/notifications/src/realtime/realtime-bridge';
import { AppConfig } from '../../libs/platform/src/config/app-config';
import { CalendarService } from '../../libs/platform/src/time/calendar.service';
import { FixedClock } from '../../libs/platform/src/time/clock';
import { Fixtures, signInAt, type Person } from './fixtures';
import type { NotificationRig } from './notification-rig';
import type { ReceivedMail } from './smtp-server';
import type { TestApp } from './test-app';

/**
 * The kitchen's reports end to end: at 09:30 Riga (the later of the report time and the previous-day
 * cut-off) the order for the next meal day, at 08:50 the day's final numbers with the change since
 * the order; one row and one e-mail per institution × day × kind however many passes or workers try,
 * a report missed while the worker was away built once on its next pass, and a Redis flush that loses
 * nothing. October: Riga is UTC+3. On a rig the caller starts (PostgreSQL in test/e2e, SQLite in test/smoke).
 */
export function mealReportScenarios(start: (clock: FixedClock) => Promise<NotificationRig>): void {
  let rig: NotificationRig;
  let t: TestApp;
  let f: Fixtures;
  let as: ReturnType<typeof signInAt>;
  let inst: string;
  let kitchen: KitchenScene['kitchen'];
  let guardian: Person;
  let otherKitchen: Person;
  let kids: Person[];
  const clock = new FixedClock('2026-10-16T05:00:00Z'); // Friday 08:00 in Riga
  const em = () => rig.em();

  beforeAll(async () => {
    rig = await start(clock);
    t = rig.t;
    f = new Fixtures(t.app);
    as = signInAt(t.http, clock);
    ({ inst, kitchen, otherKitchen, guardian, kids } = await kitchenScene(f, em, 'Virtuve', 'Zīles'));
  });
  afterAll(() => rig?.close());

  const absent = async (child: Person, day: string) =>
    t.http.post('/absences').set(await as(guardian)).send({ studentId: child.id, from: day, to: day, reason: 'illness' }).expect(201);
  const reportsOf = (date: string) => em().find(MealReport, { institutionId: inst, date }, { orderBy: { computedAt: 'asc' } });
  const mailsFor = (date: string): ReceivedMail[] => rig.smtp.received.filter((m) => m.envelope.rcptTo.includes(kitchen.email) && m.subject?.includes(date));

  it('at 09:30 Riga on Friday the kitchen gets one e-mail with Monday’s order, its table and a CSV, however many builders run', async () => {
    clock.set('2026-10-16T06:29:00Z'); // 09:29: in time for Monday's order
    await absent(kids[0], '2026-10-19');
    await rig.sweep();
    expect(await reportsOf('2026-10-19')).toEqual([]);

    // A second worker's builder over the same database, and sweeps side by side.
    const app = t.app;
    const second = new MealReportBuilder(app.get(EntityManager), clock, app.get(CalendarService), app.get(InstitutionRules), app.get(MealCounts), app.get(PreferencesReader), app.get(RealtimeBridge));
    clock.set('2026-10-16T06:30:30Z'); // 09:30 and the settle margin
    await Promise.all([app.get(MealReportBuilder).buildDue(), second.buildDue(), rig.sweep(), second.buildDue()]);
    await rig.sweep();

    const [order] = await reportsOf('2026-10-19');
    expect(await reportsOf('2026-10-19')).toHaveLength(1);
    expect(order).toMatchObject({ kind: 'next-day', computedAt: new Date('2026-10-16T06:30:00Z') });
    expect(order.counts.totals.lunch).toMatchObject({ standard: 1, vegetarian: 1, total: 2 });
    expect(order.counts.totals.breakfast?.total).toBe(2);
    expect(order.counts.totals.snack).toBeUndefined();
    const deliveries = await rig.settled(order.id);
    expect(deliveries.map((d) => [d.userId, d.channel, d.category, d.status])).toEqual([[kitchen.id, 'email', 'meal-report', 'sent']]);

    const mails = mailsFor('2026-10-19');
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe(`Meal order 2026-10-19: PII Virtuve ${f.tag}`);
    expect(mails[0].text).toContain('Totals: breakfast 2, lunch 2.');
    expect(mails[0].html).toContain('<td style="border:1px solid #d1d5db;padding:4px 8px">Zīles</td>');
    const [csv] = mails[0].attachments;
    expect(csv).toMatchObject({ filename: 'meals-2026-10-19-next-day.csv', contentType: 'text/csv' });
    expect(csv.content.split('\r\n')).toEqual([
      '"group","meal","standard","vegetarian","lactose-free","gluten-free","other","total"',
      '"Zīles","breakfast","1","1","0","0","0","2"',
      '"Zīles","lunch","1","1","0","0","0","2"',
      '"total","breakfast","1","1","0","0","0","2"',
      '"total","lunch","1","1","0","0","0","2"',
      '',
    ]);
    // Counts only: no child is named.
    const names = (await em().find(User, { id: { $in: kids.map((k) => k.id) } })).map((u) => u.familyName);
    for (const name of names) for (const part of [mails[0].text, mails[0].html, csv.content]) expect(part).not.toContain(name);

    // Another pass later the same day builds nothing more for Monday.
    clock.set('2026-10-16T09:00:00Z');
    await rig.sweep();
    expect(await reportsOf('2026-10-19')).toHaveLength(1);
  });

  it('a final missed while the worker was away is built once on its next pass, with the change after a late cancellation, by e-mail and SMS', async () => {
    clock.set('2026-10-16T07:00:00Z'); // Friday 10:00: too late for Monday's order, in time for its morning correction
    await absent(kids[1], '2026-10-19');
    clock.set('2026-10-19T10:00:00Z'); // Monday 13:00: the worker missed 08:50 and 09:30
    await rig.sweep();
    await rig.sweep();

    const reports = await reportsOf('2026-10-19');
    expect(reports.map((r) => r.kind)).toEqual(['next-day', 'same-day-final']);
    const final = reports[1];
    expect(final.computedAt).toEqual(new Date('2026-10-19T05:50:00Z'));
    expect(final.counts.totals.lunch?.total).toBe(1);
    expect(final.counts.difference).toEqual({ breakfast: -1, lunch: -1 });
    expect(final.version).not.toBe(reports[0].version);
    const deliveries = await rig.settled(final.id);
    expect(deliveries.map((d) => [d.channel, d.status]).sort()).toEqual([
      ['email', 'sent'],
      ['sms', 'sent'],
    ]);
    const finals = mailsFor('2026-10-19').filter((m) => m.subject?.startsWith('Final meal numbers'));
    expect(finals).toHaveLength(1);
    expect(finals[0].text).toContain('Change since the order: breakfast -1, lunch -1.');
    const sms = rig.sms.accepted.filter((s) => s.to === kitchen.phone);
    expect(sms.map((s) => s.body)).toContain(`PII Virtuve ${f.tag} 2026-10-19 final: breakfast 1, lunch 1 (change: breakfast -1, lunch -1)`);
    // Tuesday's order went too, once, from the same pass.
    expect((await reportsOf('2026-10-20')).map((r) => r.kind)).toEqual(['next-day']);
    expect(await em().count(NotificationDelivery, { eventId: final.id })).toBe(2);
  });

  it('GET /meals/reports: the kitchen reads its history with versions and times; a guardian and another kitchen are refused; bad ranges are 400', async () => {
    const q = { institutionId: inst, from: '2026-10-19', to: '2026-10-20' };
    const res = await t.http.get('/meals/reports').query(q).set(await as(kitchen)).expect(200);
    expect(res.body.reports.map((r: { date: string; kind: string }) => [r.date, r.kind])).toEqual([
      ['2026-10-19', 'next-day'],
      ['2026-10-19', 'same-day-final'],
      ['2026-10-20', 'next-day'],
    ]);
    expect(res.body.reports[1]).toMatchObject({
      version: expect.any(Number),
      countsAsOf: '2026-10-19T05:50:00.000Z',
      sentAt: '2026-10-19T10:00:00.000Z',
      difference: { breakfast: -1, lunch: -1 },
      totals: { lunch: { total: 1 } },
    });
    expect((await t.http.get('/meals/reports').query(q).set(await as(guardian)).expect(403)).body.error.code).toBe('FORBIDDEN');
    await t.http.get('/meals/reports').query(q).set(await as(otherKitchen)).expect(403);
    expect((await t.http.get('/meals/reports').query({ ...q, to: '2026-10-18' }).set(await as(kitchen)).expect(400)).body.error.code).toBe('INVALID_DATE_RANGE');
    expect((await t.http.get('/meals/reports').query({ ...q, from: '2026-02-30' }).set(await as(kitchen)).expect(400)).body.error.code).toBe('INVALID_DATE');
    await t.http.get('/meals/reports').query({ ...q, from: '2025-01-01' }).set(await as(kitchen)).expect(400);
  });

  it('a Redis flush after the report was built loses nothing and doubles nothing: one row, one e-mail, one SMS', async () => {
    const redis = new Redis(process.env.REDIS_URL!);
    const jobs = t.app.get(JobRunner);
    clock.set('2026-10-20T05:50:30Z'); // Tuesday 08:50 in Riga, and the settle margin
    await jobs.pauseWorkers();
    try {
      await rig.sweep(); // builds Tuesday's final and queues its deliveries while no worker runs
      expect(await t.app.get(QueueRegistry).queue('delivery').getWaitingCount()).toBeGreaterThanOrEqual(2);
      const keys = await redis.keys(`${t.app.get(AppConfig).env.REDIS_PREFIX}:bull:*`);
      await redis.del(...keys);
    } finally {
      jobs.resumeWorkers();
      redis.disconnect();
    }
    const finals = (await reportsOf('2026-10-20')).filter((r) => r.kind === 'same-day-final');
    expect(finals).toHaveLength(1);
    const rows = await rig.settled(finals[0].id);
    expect(rows.map((r) => [r.channel, r.status]).sort()).toEqual([
      ['email', 'sent'],
      ['sms', 'sent'],
    ]);
    await rig.sweep();
    expect((await reportsOf('2026-10-20')).filter((r) => r.kind === 'same-day-final')).toHaveLength(1);
    expect(mailsFor('2026-10-20').filter((m) => m.subject?.startsWith('Final meal numbers'))).toHaveLength(1);
    expect(rig.sms.accepted.filter((s) => s.to === kitchen.phone && s.body.includes('2026-10-20 final'))).toHaveLength(1);
  });

  it('each kitchen user’s meal-report choice decides the order’s channels: one who chose SMS only gets no e-mail', async () => {
    clock.set('2026-10-20T06:00:00Z'); // Tuesday 09:00 in Riga
    const phone = `+3712${String(8_000_000 + Math.floor(Math.random() * 999_999)).slice(-7)}`;
    const cook = await f.person([{ institutionId: inst, role: 'kitchen' }], { phone });
    const email = `virtuve2.${f.tag}@example.lv`;
    await em().nativeUpdate(User, { id: cook.id }, { email, language: 'lv' });
    await t.http
      .put('/me/notification-preferences')
      .set(await as(cook))
      .send({ categories: { 'meal-report': { inApp: false, email: false, sms: true } }, digest: false })
      .expect(200);

    clock.set('2026-10-20T06:30:30Z'); // 09:30: Wednesday's order
    await rig.sweep();
    const [order] = await reportsOf('2026-10-21');
    const rows = await rig.settled(order.id);
    expect(rows.map((r) => [r.userId === cook.id ? 'sms-only' : 'default', r.channel, r.status]).sort()).toEqual([
      ['default', 'email', 'sent'],
      ['sms-only', 'sms', 'sent'],
    ]);
    expect(rig.smtp.received.filter((m) => m.envelope.rcptTo.includes(email))).toEqual([]);
    expect(rig.sms.accepted.filter((m) => m.to === phone).map((m) => m.body)).toEqual([`PII Virtuve ${f.tag} 2026-10-21: brokastis 3, pusdienas 3`]);
  });
}

export interface KitchenScene {
  inst: string;
  group: string;
  kitchen: Person & { email: string; phone: string };
  otherKitchen: Person;
  guardian: Person;
  /** Three children of `guardian` in `group` (breakfast and lunch), the last one vegetarian. */
  kids: Person[];
}

/** A pre-school with one group, its kitchen (English, e-mail and phone), a guardian of three children, and another pre-school's kitchen. */
export async function kitchenScene(f: Fixtures, em: () => EntityManager, name: string, groupName: string): Promise<KitchenScene> {
  const inst = (await f.institution('preschool', `PII ${name} ${f.tag}`)).id;
  const other = (await f.institution('preschool', `Cita PII ${f.tag}`)).id;
  const group = (await f.group(inst, groupName)).id;
  const phone = `+3712${String(7_000_000 + Math.floor(Math.random() * 999_999)).slice(-7)}`;
  const cook = await f.person([{ institutionId: inst, role: 'kitchen' }], { phone });
  const email = `${name.toLowerCase()}.${f.tag}@example.lv`;
  await em().nativeUpdate(User, { id: cook.id }, { email, language: 'en' });
  const otherKitchen = await f.person([{ institutionId: other, role: 'kitchen' }]);
  const guardian = await f.person([{ institutionId: inst, role: 'guardian' }]);
  const e = em();
  e.create(GroupMeals, { group, breakfast: true, lunch: true, snack: false });
  const kids: Person[] = [];
  for (let i = 0; i < 3; i++) {
    const child = await f.person([{ institutionId: inst, role: 'student' }], { password: null });
    await f.guard(guardian.id, child.id);
    e.create(Enrolment, { student: child.id, group, fromDate: '2026-09-01', toDate: null });
    kids.push(child);
  }
  e.create(StudentDiet, { student: kids[2].id, diet: 'vegetarian', note: null });
  await e.flush();
  return { inst, group, kitchen: { ...cook, email, phone }, otherKitchen, guardian, kids };
}
