import { QueueEvents } from 'bullmq';
import type { Socket } from 'socket.io-client';
import { MealReportSchedulers, mealReportSchedulerId } from '../../apps/worker/src/meal-reports/meal-report-schedulers';
import { QueueRegistry } from '../../apps/worker/src/queues/queue-registry.service';
import { MealReport } from '../../libs/attendance/src';
import { DEFAULT_INSTITUTION_SETTINGS, Enrolment, Institution } from '../../libs/directory/src/entities';
import { bullOptions } from '../../libs/notifications/src/jobs/bull-connection';
import { type MealUpdateEvent, RealtimeBridge } from '../../libs/notifications/src/realtime/realtime-bridge';
import { AppConfig } from '../../libs/platform/src/config/app-config';
import { FixedClock } from '../../libs/platform/src/time/clock';
import { Fixtures, signInAt, type Person } from '../support/fixtures';
import { type KitchenScene, kitchenScene } from '../support/meal-report-scenarios';
import { type NotificationRig, startNotificationRig } from '../support/notification-rig';
import { connectSocket, expectFenceAlone, recordEvents, waitForEvent } from '../support/sockets';

/**
 * The kitchen's numbers pushed as they happen: `meals:report` when the worker has built a report,
 * `meals:update` (debounced per institution × date) when a later notice still changes a reported
 * day's counts; only to whoever may read the institution's counts. And the reports' BullMQ job
 * schedulers, which the sweep puts back after a Redis wipe. October: Riga is UTC+3.
 */
describe('live meal counts and meal report schedulers', () => {
  let rig: NotificationRig;
  let f: Fixtures;
  let as: ReturnType<typeof signInAt>;
  let inst: string;
  let group: string;
  let kitchen: KitchenScene['kitchen'];
  let otherKitchen: Person;
  let guardian: Person;
  let kids: Person[];
  const sockets: Socket[] = [];
  const clock = new FixedClock('2026-10-16T05:00:00Z'); // Friday 08:00 in Riga
  const em = () => rig.em();

  beforeAll(async () => {
    rig = await startNotificationRig(clock);
    f = new Fixtures(rig.t.app);
    as = signInAt(rig.t.http, clock);
    ({ inst, group, kitchen, otherKitchen, guardian, kids } = await kitchenScene(f, em, 'Tiesraide', 'Bites'));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await rig?.close();
  });

  const connect = async (who: Person) => {
    const socket = await connectSocket(rig.t.url, (await as(who)).Authorization.slice('Bearer '.length));
    sockets.push(socket);
    return socket;
  };
  const absent = async (child: Person, day: string) =>
    rig.t.http.post('/absences').set(await as(guardian)).send({ studentId: child.id, from: day, to: day, reason: 'illness' }).expect(201);
  const ofInst = (payload: { institutionId: string }) => payload.institutionId === inst;

  it('the kitchen gets meals:report at the cut-off and one debounced meals:update per burst of late notices; a parent and another kitchen get neither', async () => {
    const [cook, parent, stranger] = await Promise.all([kitchen, guardian, otherKitchen].map(connect));
    const seen = { cook: recordEvents(cook), parent: recordEvents(parent), stranger: recordEvents(stranger) };

    clock.set('2026-10-16T06:30:30Z'); // Friday 09:30 and the settle margin: Monday's order
    const report = waitForEvent(cook, 'meals:report', (r: { institutionId: string; date: string }) => ofInst(r) && r.date === '2026-10-19');
    await rig.sweep();
    const lunch = { standard: 2, vegetarian: 1, lactose_free: 0, gluten_free: 0, other: 0, total: 3 };
    expect(await report).toEqual({
      institutionId: inst,
      date: '2026-10-19',
      kind: 'next-day',
      version: expect.any(Number),
      countsAt: '2026-10-16T06:30:00.000Z',
      groups: [{ groupId: group, name: 'Bites', meals: { breakfast: lunch, lunch } }],
      totals: { breakfast: lunch, lunch },
    });

    // Friday 10:00: too late for Monday's order, in time for Monday's 08:50 correction. Two children
    // reported ill together make one update; a day with no report yet makes none.
    clock.set('2026-10-16T07:00:00Z');
    const update = waitForEvent<MealUpdateEvent>(cook, 'meals:update', ofInst, 10_000);
    await Promise.all([absent(kids[0], '2026-10-19'), absent(kids[1], '2026-10-19'), absent(kids[0], '2026-10-21')]);
    const down = (meal: string, diet: string, delta: number) => ({ groupId: group, meal, diet, delta });
    expect(await update).toEqual({
      institutionId: inst,
      date: '2026-10-19',
      version: expect.any(Number),
      deltas: [down('breakfast', 'standard', -2), down('lunch', 'standard', -2)],
      totals: { breakfast: { ...lunch, standard: 0, total: 1 }, lunch: { ...lunch, standard: 0, total: 1 } },
    });

    // The fence: a later change's update. Before it, exactly the one update above.
    const next = waitForEvent<MealUpdateEvent>(cook, 'meals:update', ofInst, 10_000);
    await absent(kids[2], '2026-10-19');
    expect((await next).deltas).toEqual([down('breakfast', 'vegetarian', -1), down('lunch', 'vegetarian', -1)]);
    expect(seen.cook.filter((e) => e.name === 'meals:update').map((e) => e.payload.deltas.length)).toEqual([2, 2]);
    expect(JSON.stringify(seen.cook)).not.toContain(kids[0].id);

    // Neither the parent nor another institution's kitchen heard of any of it: a bridged event sent
    // to them after it all, through the same channel and relay, arrives alone.
    const fence = { institutionId: `fence-${f.tag}`, date: '2026-10-19', version: 0, deltas: [], totals: {} };
    await rig.t.app.get(RealtimeBridge).publish({ userIds: [guardian.id, otherKitchen.id] }, 'meals:update', fence);
    const isFence = { name: 'meals:update', match: (p: { institutionId: string }) => p.institutionId === fence.institutionId };
    for (const [socket, recorded] of [
      [parent, seen.parent],
      [stranger, seen.stranger],
    ] as const) {
      await expectFenceAlone(socket, recorded, isFence, { name: 'meals:report', match: ofInst });
      await expectFenceAlone(socket, recorded, isFence, { name: 'meals:update', match: ofInst });
    }
    expect(seen.parent.filter((e) => e.name.startsWith('meals:'))).toEqual([{ name: 'meals:update', payload: fence }]);
  });

  it('each institution has a job scheduler per report kind in Europe/Riga at its times; changed cut-offs move it, a wipe of the bull keys is repaired by the sweep, and the report still goes once', async () => {
    const app = rig.t.app;
    const queue = app.get(QueueRegistry).queue('meals');
    const scheduler = (kind: 'next-day' | 'same-day-final') => queue.getJobScheduler(mealReportSchedulerId(inst, kind));
    await rig.sweep();
    expect(await scheduler('next-day')).toMatchObject({ pattern: '30 30 9 * * *', tz: 'Europe/Riga', name: 'meals.report', template: { data: { institutionId: inst } } });
    expect(await scheduler('same-day-final')).toMatchObject({ pattern: '30 50 8 * * *', tz: 'Europe/Riga' });

    await em().nativeUpdate(Institution, { id: inst }, { settings: { ...DEFAULT_INSTITUTION_SETTINGS, absenceCutoffSameDay: '07:00' } });
    await rig.sweep();
    expect(await scheduler('same-day-final')).toMatchObject({ pattern: '30 0 7 * * *', tz: 'Europe/Riga' });
    expect(await app.get(MealReportSchedulers).sync()).toBe(0); // in step: nothing to change

    const prefix = app.get(AppConfig).env.REDIS_PREFIX;
    await rig.loseQueuedJobs(async () => {
      expect(await queue.getJobSchedulersCount()).toBeGreaterThanOrEqual(4);
    });
    await rig.sweep();
    expect(await scheduler('next-day')).toMatchObject({ pattern: '30 30 9 * * *', tz: 'Europe/Riga' });
    expect(await scheduler('same-day-final')).toMatchObject({ pattern: '30 0 7 * * *', tz: 'Europe/Riga' });

    // Monday 07:00:30 in Riga: the scheduler's job and the sweeps race for the final; one report, one e-mail.
    clock.set('2026-10-19T04:00:30Z');
    const events = new QueueEvents('meals', bullOptions({ REDIS_URL: process.env.REDIS_URL!, REDIS_PREFIX: prefix }));
    try {
      await events.waitUntilReady();
      const job = await queue.add('meals.report', { institutionId: inst });
      await Promise.all([job.waitUntilFinished(events, 10_000), rig.sweep()]);
    } finally {
      await events.close();
    }
    const finals = await em().find(MealReport, { institutionId: inst, date: '2026-10-19', kind: 'same-day-final' });
    expect(finals).toHaveLength(1);
    expect(finals[0].computedAt).toEqual(new Date('2026-10-19T04:00:00Z'));
    expect(finals[0].counts.difference).toEqual({ breakfast: -3, lunch: -3 });
    const rows = await rig.settled(finals[0].id);
    expect(rows.map((r) => [r.userId, r.channel, r.status]).sort()).toEqual([
      [kitchen.id, 'email', 'sent'],
      [kitchen.id, 'sms', 'sent'],
    ]);
    await rig.sweep();
    expect(rig.smtp.received.filter((m) => m.envelope.rcptTo.includes(kitchen.email) && m.subject?.startsWith('Final meal numbers') && m.subject.includes('2026-10-19'))).toHaveLength(1);
  });

  it('a child enrolled into a group for a reported day, or whose enrolment ends before it, moves the kitchen\'s count live', async () => {
    const cook = await connect(kitchen);
    const head = await f.person([{ institutionId: inst, role: 'head' }]);
    clock.set('2026-10-19T06:30:30Z'); // Monday 09:30 and the settle margin: Tuesday's order
    const report = waitForEvent(cook, 'meals:report', (r: { institutionId: string; date: string }) => ofInst(r) && r.date === '2026-10-20');
    await rig.sweep();
    await report;
    clock.set('2026-10-19T07:00:00Z'); // Monday 10:00
    const up = (delta: number) => ['breakfast', 'lunch'].map((meal) => ({ groupId: group, meal, diet: 'standard', delta }));

    const newcomer = await f.person([{ institutionId: inst, role: 'student' }], { password: null });
    const joined = waitForEvent<MealUpdateEvent>(cook, 'meals:update', (u) => ofInst(u) && u.date === '2026-10-20', 10_000);
    await rig.t.http.post(`/institutions/${inst}/enrolments`).set(await as(head)).send({ studentId: newcomer.id, groupId: group, from: '2026-10-20' }).expect(201);
    expect((await joined).deltas).toEqual(up(1));

    const place = await em().findOneOrFail(Enrolment, { student: kids[0].id });
    const left = waitForEvent<MealUpdateEvent>(cook, 'meals:update', (u) => ofInst(u) && u.date === '2026-10-20', 10_000);
    await rig.t.http.patch(`/enrolments/${place.id}`).set(await as(head)).send({ to: '2026-10-19' }).expect(200);
    expect((await left).deltas).toEqual(up(-1));
  });
});
