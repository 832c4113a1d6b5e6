import { EntityManager } from '@mikro-orm/core';
import { LessonReminderBuilder } from '../../apps/worker/src/lesson-reminders/lesson-reminder-builder.service';
import { AuditEntry } from '../../libs/audit/src/audit-entry.entity';
import { User } from '../../libs/directory/src/entities';
import { Lesson, LessonReminder, Mark } from '../../libs/gradebook/src/entities';
import { NotificationDelivery } from '../../libs/notifications/src/delivery/notification-delivery.entity';
import { OutboxMessage } from '../../libs/notifications/src/outbox/outbox-message.entity';
import { PreferencesReader } from '../../libs/notifications/src/preferences/preferences.reader';
import { AppConfig } from '../../libs/platform/src/config/app-config';
import { CalendarService } from '../../libs/platform/src/time/calendar.service';
import { FixedClock } from '../../libs/platform/src/time/clock';
import { signInAt, type Person } from '../support/fixtures';
import { startNotificationRig, type NotificationRig } from '../support/notification-rig';
import { buildSchool, type School } from '../support/school';

/**
 * Lessons and marks end to end on PostgreSQL, with the notifications worker, a real SMTP server and
 * an injected clock. Wednesday 14 October 2026 10:00 in Riga is 07:00Z (summer time); 18 November
 * 2026 (a Wednesday) is a public holiday.
 */
describe('lessons and marks', () => {
  let rig: NotificationRig;
  let s: School;
  let as: ReturnType<typeof signInAt>;
  const clock = new FixedClock('2026-10-14T07:00:00Z');
  const email = (who: Person) => `${who.username}@example.com`;
  const post = (auth: Record<string, string>, body: Record<string, unknown>) => rig.t.http.post('/marks').set(auth).send(body);
  const marksOf = (studentId: string) => rig.em().find(Mark, { student: studentId });
  const alertsOf = (studentId: string) => rig.em().find(OutboxMessage, { kind: 'mark-alert', dedupeKey: { $like: `mark-alert:${studentId}:%` } }, { orderBy: { createdAt: 'asc' } });

  beforeAll(async () => {
    rig = await startNotificationRig(clock, { ALERT_DELAY_SECONDS: '600' });
    s = await buildSchool(rig.t);
    as = signInAt(rig.t.http, clock);
    const em = rig.em();
    await em.nativeUpdate(User, { id: s.mother.id }, { language: 'ru', email: email(s.mother) });
    await em.nativeUpdate(User, { id: s.father.id }, { language: 'lv', email: email(s.father) });
    await em.nativeUpdate(User, { id: s.parent3.id }, { language: 'en', email: email(s.parent3) });
  });
  afterAll(() => rig?.close());

  it('each scale refuses values outside it with 422 MARK_OUT_OF_SCALE (a malformed body 400) and writes nothing', async () => {
    const base = { studentId: s.child3.id, subject: 'Sports', date: '2026-10-14' };
    const bad: [string, unknown][] = [
      ['1-10', '0'],
      ['1-10', '11'],
      ['1-10', '07'],
      ['1-10', 7],
      ['1-10', 'pass'],
      ['pass-fail', 'ieskaitīts'],
      ['pass-fail', 'PASS'],
      ['pass-fail', '10'],
      ['S-T-A-P', 's'],
      ['S-T-A-P', 'X'],
      ['S-T-A-P', ''],
    ];
    for (const [scale, value] of bad) {
      const res = await post(await as(s.teacherA), { ...base, scale, value }).expect(422);
      expect(res.body.error).toMatchObject({ code: 'MARK_OUT_OF_SCALE', details: [{ field: 'value' }] });
    }
    expect((await post(await as(s.teacherA), { ...base, scale: 'A-F', value: 'A' }).expect(400)).body.error.code).toBe('VALIDATION_FAILED');
    expect((await post(await as(s.teacherA), { ...base, scale: '1-10' }).expect(400)).body.error.code).toBe('VALIDATION_FAILED');
    expect((await post(await as(s.teacherA), { ...base, scale: '1-10', value: '5', kind: 'quiz' }).expect(400)).body.error.code).toBe('VALIDATION_FAILED');
    expect(await marksOf(s.child3.id)).toHaveLength(0);
    expect(await alertsOf(s.child3.id)).toHaveLength(0);

    for (const [scale, value] of [['1-10', '10'], ['pass-fail', 'fail'], ['S-T-A-P', 'P'], ['1-10', null]] as const) {
      await post(await as(s.teacherA), { ...base, scale, value, kind: 'test' }).expect(201);
    }
    const stored = await marksOf(s.child3.id);
    expect(stored.map((m) => [m.scale, m.value]).sort()).toEqual([['1-10', '10'], ['1-10', null], ['S-T-A-P', 'P'], ['pass-fail', 'fail']].sort());
    // A correction is checked against the mark's own scale.
    const tenId = stored.find((m) => m.value === '10')!.id;
    expect((await rig.t.http.patch(`/marks/${tenId}`).set(await as(s.teacherA)).send({ value: 'A' }).expect(422)).body.error.code).toBe('MARK_OUT_OF_SCALE');
    expect((await rig.em().findOneOrFail(Mark, tenId)).value).toBe('10');
  });

  it('guardians read their own children’s marks only (another family’s child is 404); teachers of another group are refused', async () => {
    const created = await post(await as(s.teacherA), { studentId: s.child2.id, subject: 'Latviešu valoda', date: '2026-10-13', scale: '1-10', value: '6' }).expect(201);
    const read = (auth: Record<string, string>, studentId: string) => rig.t.http.get(`/students/${studentId}/marks`).set(auth);

    const own = await read(await as(s.mother), s.child2.id).expect(200);
    expect(own.body.items).toEqual([
      expect.objectContaining({ id: created.body.id, subject: 'Latviešu valoda', date: '2026-10-13', scale: '1-10', value: '6', kind: 'lesson', teacher: { displayName: expect.stringContaining('Skolotāja') } }),
    ]);
    await read(await as(s.child2), s.child2.id).expect(200);
    await read(await as(s.head), s.child2.id).expect(200);
    for (const [who, student] of [
      [s.parent3, s.child2], // another family
      [s.parentB, s.child2],
      [s.otherParent, s.child2],
      [s.child1, s.child2], // a sibling is not a guardian
      [s.teacherB, s.child2], // teaches another group
      [s.otherTeacher, s.child2],
      [s.nurse, s.child2], // sees attendance, not marks
      [s.kitchen, s.child2],
    ] as const) {
      const res = await read(await as(who), student.id).expect(404);
      expect(res.body.error.code).toBe('STUDENT_NOT_FOUND');
    }

    // Writing: a teacher of another group or institution does not know the child; a guardian is told 403.
    const mark = { studentId: s.child2.id, subject: 'Latviešu valoda', date: '2026-10-14', scale: '1-10', value: '9' };
    expect((await post(await as(s.teacherB), mark).expect(404)).body.error.code).toBe('STUDENT_NOT_FOUND');
    expect((await post(await as(s.otherTeacher), mark).expect(404)).body.error.code).toBe('STUDENT_NOT_FOUND');
    expect((await post(await as(s.mother), mark).expect(403)).body.error.code).toBe('MARK_NOT_ALLOWED');
    expect((await post(await as(s.child2), mark).expect(403)).body.error.code).toBe('MARK_NOT_ALLOWED');
    expect((await rig.t.http.patch(`/marks/${created.body.id}`).set(await as(s.teacherB)).send({ value: '2' }).expect(404)).body.error.code).toBe('MARK_NOT_FOUND');
    expect((await rig.t.http.patch(`/marks/${created.body.id}`).set(await as(s.mother)).send({ value: '10' }).expect(403)).body.error.code).toBe('MARK_NOT_ALLOWED');
    expect((await rig.em().findOneOrFail(Mark, created.body.id)).value).toBe('6');
    await post(await as(s.deputy), mark).expect(201); // management of the institution
  });

  it('a substitute records the lesson they taught, names whom they stood in for, and marks through it; everything is audited', async () => {
    const lessons = (auth: Record<string, string>) => rig.t.http.post(`/groups/${s.groupA}/lessons`).set(auth);
    const lesson = { date: '2026-10-14', subject: 'Vēsture', topic: 'Livonija' };
    expect((await lessons(await as(s.teacherB)).send(lesson).expect(404)).body.error.code).toBe('GROUP_NOT_FOUND');
    expect((await lessons(await as(s.teacherB)).send({ ...lesson, substituteFor: s.nurse.id }).expect(422)).body.error.code).toBe('SUBSTITUTE_FOR_INVALID');
    expect((await lessons(await as(s.otherTeacher)).send({ ...lesson, substituteFor: s.teacherA.id }).expect(404)).body.error.code).toBe('GROUP_NOT_FOUND');
    const made = await lessons(await as(s.teacherB)).send({ ...lesson, substituteFor: s.teacherA.id }).expect(201);

    const patched = await rig.t.http.patch(`/lessons/${made.body.id}`).set(await as(s.teacherB)).send({ homework: '12. lpp.' }).expect(200);
    expect(patched.body).toMatchObject({ subject: 'Vēsture', topic: 'Livonija', homework: '12. lpp.', substituteFor: { id: s.teacherA.id } });
    // The group's own teacher sees it in the group's lessons; the substitute marks through it only.
    const listed = await rig.t.http.get(`/groups/${s.groupA}/lessons?from=2026-10-14`).set(await as(s.teacherA)).expect(200);
    expect(listed.body.items.map((l: { id: string }) => l.id)).toContain(made.body.id);
    const mark = { studentId: s.child1.id, subject: 'Vēsture', date: '2026-10-14', scale: 'pass-fail', value: 'pass' };
    expect((await post(await as(s.teacherB), mark).expect(404)).body.error.code).toBe('STUDENT_NOT_FOUND');
    const given = await post(await as(s.teacherB), { ...mark, lessonId: made.body.id }).expect(201);
    // teacherB teaches child4 in 1.b, but the lesson is 1.a's
    expect((await post(await as(s.teacherB), { ...mark, studentId: s.child4.id, lessonId: made.body.id }).expect(422)).body.error.code).toBe('LESSON_MISMATCH');
    expect((await post(await as(s.teacherA), { ...mark, subject: 'Matemātika', lessonId: made.body.id }).expect(422)).body.error.code).toBe('LESSON_MISMATCH');
    expect((await rig.t.http.patch(`/lessons/${made.body.id}`).set(await as(s.otherTeacher)).send({ topic: 'x' }).expect(404)).body.error.code).toBe('LESSON_NOT_FOUND');

    const audit = await rig.em().find(AuditEntry, { objectId: { $in: [made.body.id, given.body.id] } }, { orderBy: { action: 'asc' } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ['lesson.create', s.teacherB.id],
      ['lesson.update', s.teacherB.id],
      ['mark.create', s.teacherB.id],
    ]);
  });

  it('no lesson or mark on a public holiday or in the future: 422, nothing written', async () => {
    clock.set('2026-11-19T08:00:00Z');
    const holiday = await rig.t.http.post(`/groups/${s.groupA}/lessons`).set(await as(s.teacherA)).send({ date: '2026-11-18', subject: 'Ģeogrāfija' }).expect(422);
    expect(holiday.body.error).toMatchObject({ code: 'NOT_A_JOURNAL_DAY', details: [{ field: 'date' }] });
    const mark = await post(await as(s.teacherA), { studentId: s.child1.id, subject: 'Ģeogrāfija', date: '2026-11-18', scale: '1-10', value: '8' }).expect(422);
    expect(mark.body.error.code).toBe('NOT_A_JOURNAL_DAY');
    expect((await post(await as(s.teacherA), { studentId: s.child1.id, subject: 'Ģeogrāfija', date: '2026-11-20', scale: '1-10', value: '8' }).expect(422)).body.error.code).toBe('DATE_IN_FUTURE');
    expect(await rig.em().count(Lesson, { group: s.groupA, subject: 'Ģeogrāfija' })).toBe(0);
    expect(await rig.em().count(Mark, { subject: 'Ģeogrāfija' })).toBe(0);
    clock.set('2026-10-14T07:00:00Z');
  });

  it('a new mark alerts each guardian once, in their language, naming only that child; a correction within the delay replaces the alert', async () => {
    clock.set('2026-10-15T07:00:00Z'); // Thursday 10:00 Riga
    const subject = 'Matemātika';
    const first = await post(await as(s.teacherA), { studentId: s.child1.id, subject, date: '2026-10-15', scale: '1-10', value: '4', kind: 'test' }).expect(201);
    // Another family's child in the same class and subject, and the mother's other child in another subject.
    await post(await as(s.teacherA), { studentId: s.child3.id, subject, date: '2026-10-15', scale: '1-10', value: '5', kind: 'test' }).expect(201);

    clock.set('2026-10-15T07:02:00Z'); // two minutes later, within the ten-minute delay
    const corrected = await rig.t.http.patch(`/marks/${first.body.id}`).set(await as(s.teacherA)).send({ value: '9' }).expect(200);
    expect(corrected.body).toMatchObject({ id: first.body.id, value: '9', scale: '1-10', kind: 'test' });
    const audit = await rig.em().find(AuditEntry, { objectId: first.body.id }, { orderBy: { at: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['mark.create', 'mark.update']);
    expect(audit[1].details).toMatchObject({ value: { from: '4', to: '9' } });

    const [alert, ...more] = (await alertsOf(s.child1.id)).filter((e) => (e.payload.markIds as string[]).includes(first.body.id));
    expect(more).toHaveLength(0);
    expect(alert.payload).toEqual({ studentId: s.child1.id, institutionId: s.inst, subject, markIds: [first.body.id] });
    expect(alert.availableAt.toISOString()).toBe('2026-10-15T07:12:00.000Z'); // the delay runs from the correction
    await rig.sweep();
    expect(await rig.em().count(NotificationDelivery, { eventId: alert.id })).toBe(0); // not due yet

    clock.set('2026-10-15T07:12:30Z');
    const deliveries = await rig.settled(alert.id);
    expect(deliveries.map((d) => [d.userId, d.channel, d.category, d.status]).sort()).toEqual(
      [
        [s.mother.id, 'email', 'journal', 'sent'],
        [s.father.id, 'email', 'journal', 'sent'],
      ].sort(),
    );
    // Earlier tests' marks (the mother's other child, other subjects) alert separately: look at this subject's mail.
    const mathTo = (who: Person) => (m: { to: string[]; subject?: string }) => m.to.includes(email(who)) && !!m.subject?.includes(subject);
    const toMother = await rig.smtp.waitFor(mathTo(s.mother));
    const toFather = await rig.smtp.waitFor(mathTo(s.father));
    await rig.settled((await alertsOf(s.child3.id)).find((e) => e.payload.subject === subject)!.id);
    await rig.smtp.waitFor(mathTo(s.parent3)); // the other family's alert arrived too
    expect(rig.smtp.received.filter(mathTo(s.mother))).toHaveLength(1);
    expect(rig.smtp.received.filter(mathTo(s.father))).toHaveLength(1);

    expect(toMother.subject).toContain('Новая оценка');
    expect(toMother.text).toContain('контрольная работа');
    expect(toFather.subject).toContain('Jauns vērtējums');
    expect(toFather.text).toContain('2026-10-15 (pārbaudes darbs): 9');
    for (const mail of [toMother, toFather]) {
      expect(`${mail.subject} ${mail.text} ${mail.html}`).toContain('Anna');
      expect(mail.text).toContain(': 9');
      expect(mail.text).not.toContain(': 4');
      for (const other of ['Jānis', 'Pēteris', 'Līga', 'Svešais']) expect(`${mail.subject} ${mail.text} ${mail.html}`).not.toContain(other);
    }

    // A correction after the alert went out is news of its own: a new alert.
    await rig.t.http.patch(`/marks/${first.body.id}`).set(await as(s.teacherA)).send({ value: '8' }).expect(200);
    expect((await alertsOf(s.child1.id)).filter((e) => (e.payload.markIds as string[]).includes(first.body.id))).toHaveLength(2);
  });

  it('a correction while the alert waits for quiet hours to end changes that alert instead of adding one', async () => {
    clock.set('2026-10-15T17:50:00Z'); // 20:50 Riga; due 21:00, inside quiet hours (21:00-07:00)
    const subject = 'Ķīmija';
    const made = await post(await as(s.teacherA), { studentId: s.child2.id, subject, date: '2026-10-15', scale: 'pass-fail', value: 'fail' }).expect(201);
    clock.set('2026-10-15T18:01:00Z');
    await rig.sweep();
    const [alert] = (await alertsOf(s.child2.id)).filter((e) => e.payload.subject === subject);
    expect(alert.relayedAt).toBeTruthy();
    const held = await rig.em().find(NotificationDelivery, { eventId: alert.id });
    expect(held.map((d) => [d.userId, d.status, d.availableAt.toISOString()])).toEqual([[s.mother.id, 'pending', '2026-10-16T04:00:00.000Z']]);

    clock.set('2026-10-15T18:30:00Z');
    await rig.t.http.patch(`/marks/${made.body.id}`).set(await as(s.teacherA)).send({ value: 'pass' }).expect(200);
    expect((await alertsOf(s.child2.id)).filter((e) => e.payload.subject === subject)).toHaveLength(1);

    clock.set('2026-10-16T04:00:30Z'); // 07:00:30 Riga
    await rig.settled(alert.id);
    const mine = (m: { to: string[]; subject?: string }) => m.to.includes(email(s.mother)) && !!m.subject?.includes(subject);
    const mail = await rig.smtp.waitFor(mine);
    expect(mail.text).toContain('2026-10-15: зачтено');
    expect(mail.text).not.toContain('не зачтено');
    expect(rig.smtp.received.filter(mine)).toHaveLength(1);
  });

  it('at 17:00 on a working day each teacher gets one reminder of today’s lessons without a topic or attendance, even with two workers', async () => {
    clock.set('2026-10-16T07:00:00Z'); // Friday 10:00 Riga
    const em = rig.em();
    await em.nativeUpdate(User, { id: s.teacherA.id }, { language: 'lv', email: email(s.teacherA) });
    await em.nativeUpdate(User, { id: s.teacherB.id }, { language: 'en', email: email(s.teacherB) });
    const record = async (who: Person, group: string, body: Record<string, unknown>) =>
      (await rig.t.http.post(`/groups/${group}/lessons`).set(await as(who)).send(body).expect(201)).body.id as string;
    await record(s.teacherA, s.groupA, { date: '2026-10-16', subject: 'Fizika' });
    const music = await record(s.teacherA, s.groupA, { date: '2026-10-16', subject: 'Mūzika', topic: 'Ritms' });
    await rig.t.http.put(`/lessons/${music}/attendance`).set(await as(s.teacherA)).send({ entries: [] }).expect(200); // everyone present
    const chemistry = await record(s.teacherB, s.groupB, { date: '2026-10-16', subject: 'Ķīmija' });
    await rig.t.http.patch(`/lessons/${chemistry}`).set(await as(s.teacherB)).send({ topic: 'Skābes' }).expect(200); // filled in time
    await rig.t.http.put(`/lessons/${chemistry}/attendance`).set(await as(s.teacherB)).send({ entries: [] }).expect(200);

    const app = rig.t.app;
    const first = app.get(LessonReminderBuilder);
    const second = new LessonReminderBuilder(app.get(EntityManager), clock, app.get(CalendarService), app.get(PreferencesReader), app.get(AppConfig));
    clock.set('2026-10-16T13:59:00Z'); // 16:59 Riga
    expect(await Promise.all([first.buildDue(), second.buildDue()])).toEqual([0, 0]);

    clock.set('2026-10-16T14:00:31Z'); // 17:00:31 Riga
    await Promise.all([first.buildDue(), second.buildDue(), rig.sweep(), second.buildDue()]);
    const reminders = await rig.em().find(LessonReminder, { day: '2026-10-16' });
    expect(reminders.map((r) => r.teacherId)).toEqual([s.teacherA.id]);
    const [delivery] = await rig.settled(reminders[0].id);
    expect(delivery).toMatchObject({ userId: s.teacherA.id, channel: 'email', category: 'journal', status: 'sent' });
    const mail = await rig.smtp.waitFor((m) => m.to.includes(email(s.teacherA)) && !!m.subject?.includes('2026-10-16'));
    expect(mail.subject).toContain('nav ierakstīta tēma');
    expect(mail.text).toContain('1.a: Fizika');
    expect(mail.text).not.toContain('Mūzika');
    expect(await Promise.all([first.buildDue(), second.buildDue()])).toEqual([0, 0]);
    await rig.sweep();
    expect(rig.smtp.received.filter((m) => m.to.includes(email(s.teacherA)) && m.subject?.includes('2026-10-16'))).toHaveLength(1);
    expect(rig.smtp.received.filter((m) => m.to.includes(email(s.teacherB)))).toHaveLength(0);

    // Saturday: interest education may record a lesson, but nobody is reminded on a day off.
    clock.set('2026-10-17T07:00:00Z');
    await record(s.teacherA, s.groupA, { date: '2026-10-17', subject: 'Robotika' });
    clock.set('2026-10-17T14:00:31Z');
    expect(await Promise.all([first.buildDue(), second.buildDue()])).toEqual([0, 0]);
    expect(await rig.em().count(LessonReminder, { day: '2026-10-17' })).toBe(0);
  });
});
