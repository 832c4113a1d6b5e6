import { LessonReminderBuilder } from '../../apps/worker/src/lesson-reminders/lesson-reminder-builder.service';
import { InstitutionRules, noticeOutcome } from '../../libs/attendance/src';
import { AbsenceNotice, AbsencePeriod } from '../../libs/attendance/src/entities';
import { AuditEntry } from '../../libs/audit/src/audit-entry.entity';
import { User } from '../../libs/directory/src/entities';
import { Lesson, LessonAttendance, LessonReminder } from '../../libs/gradebook/src/entities';
import { FixedClock } from '../../libs/platform/src/time/clock';
import { signInAt, type Person } from '../support/fixtures';
import { startNotificationRig, type NotificationRig } from '../support/notification-rig';
import { buildSchool, type School } from '../support/school';

/**
 * Lesson attendance on PostgreSQL with the notifications worker and an injected clock. Wednesday
 * 14 October 2026 10:00 in Riga is 07:00Z (summer time), after that day's 08:50 meal correction;
 * Wednesday 18 November 2026 is a public holiday (winter time: 17:00 Riga is 15:00Z).
 */
describe('lesson attendance', () => {
  let rig: NotificationRig;
  let s: School;
  let as: ReturnType<typeof signInAt>;
  const clock = new FixedClock('2026-10-14T07:00:00Z');
  const email = (who: Person) => `${who.username}@example.com`;
  const lesson = async (who: Person, group: string, body: Record<string, unknown>) =>
    (await rig.t.http.post(`/groups/${group}/lessons`).set(await as(who)).send(body).expect(201)).body.id as string;
  const put = async (who: Person, lessonId: string, entries: unknown, status: number) =>
    rig.t.http.put(`/lessons/${lessonId}/attendance`).set(await as(who)).send({ entries }).expect(status);
  const activeOn = (studentId: string, date: string) =>
    rig.em().find(AbsenceNotice, { student: studentId, status: 'active', fromDate: { $lte: date }, $or: [{ toDate: null }, { toDate: { $gte: date } }] });

  beforeAll(async () => {
    rig = await startNotificationRig(clock);
    s = await buildSchool(rig.t);
    as = signInAt(rig.t.http, clock);
  });
  afterAll(() => rig?.close());

  it('a teacher’s absent makes the child’s unexcused record for the day; the guardian sees it; their notice makes it excused, still one record', async () => {
    const maths = await lesson(s.teacherA, s.groupA, { date: '2026-10-14', subject: 'Matemātika', topic: 'Daļas' });
    const res = await put(s.teacherA, maths, [{ studentId: s.child1.id, status: 'absent' }, { studentId: s.child2.id, status: 'late' }], 200);
    expect(res.body.items).toEqual(
      expect.arrayContaining([
        { studentId: s.child1.id, displayName: expect.any(String), status: 'absent', absence: { id: expect.any(String), excused: false } },
        { studentId: s.child2.id, displayName: expect.any(String), status: 'late', absence: null },
        { studentId: s.child3.id, displayName: expect.any(String), status: 'present', absence: null },
      ]),
    );
    const [record] = await activeOn(s.child1.id, '2026-10-14');
    expect(record).toMatchObject({ fromDate: '2026-10-14', toDate: '2026-10-14', recordedInLesson: true, justification: 'unjustified' });
    expect(await activeOn(s.child2.id, '2026-10-14')).toHaveLength(0); // late is present

    // Recorded at 10:00, after the day's meal correction: the day's meals stay ordered, as for a late notice.
    const periods = await rig.em().find(AbsencePeriod, { notice: record.id });
    expect(periods.map((p) => p.validFrom.toISOString())).toEqual(['2026-10-14T07:00:00.000Z']);
    const meals = (await rig.t.app.get(InstitutionRules).mealCalendar(s.inst))!;
    const versions = periods.map((p) => ({ from: p.fromDate, to: p.toDate ?? null, validFrom: p.validFrom, validTo: p.validTo ?? null }));
    expect(noticeOutcome(meals, versions, clock.now()).days).toEqual([{ date: '2026-10-14', absent: true, mealsCancelled: false, mealsNote: 'already-ordered' }]);

    // The guardian sees it, unexcused, in the child's attendance and among the child's notices.
    const seen = await rig.t.http.get(`/students/${s.child1.id}/attendance?from=2026-10-01&to=2026-10-31`).set(await as(s.mother)).expect(200);
    expect(seen.body.absences).toEqual([{ id: record.id, excused: false, from: '2026-10-14', to: '2026-10-14', recordedInLesson: true }]);
    expect(seen.body.lessons).toEqual([{ lessonId: maths, date: '2026-10-14', subject: 'Matemātika', status: 'absent', absence: { id: record.id, excused: false } }]);
    const listed = await rig.t.http.get(`/absences?studentId=${s.child1.id}`).set(await as(s.father)).expect(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: record.id, excused: false, recordedInLesson: true })]);

    // The parent's notice for the day (and the next) takes the record over: one record, excused.
    clock.set('2026-10-14T08:00:00Z');
    const notice = await rig.t.http
      .post('/absences')
      .set(await as(s.mother))
      .send({ studentId: s.child1.id, from: '2026-10-14', to: '2026-10-15', reason: 'illness' })
      .expect(201);
    expect(notice.body.id).toBe(record.id);
    expect(notice.body.days[0]).toEqual({ date: '2026-10-14', absent: true, mealsCancelled: false, mealsNote: 'already-ordered' });
    for (const day of ['2026-10-14', '2026-10-15']) {
      const active = await activeOn(s.child1.id, day);
      expect(active.map((n) => [n.id, n.reason, n.recordedInLesson, n.justification])).toEqual([[record.id, 'illness', false, null]]);
    }
    const after = await rig.t.http.get(`/lessons/${maths}/attendance`).set(await as(s.teacherA)).expect(200);
    expect(after.body.items.find((i: { studentId: string }) => i.studentId === s.child1.id)).toMatchObject({ status: 'absent', absence: { id: record.id, excused: true } });

    // Another lesson the same day: the covered child is absent by default, excused, and no new record appears.
    const art = await lesson(s.teacherA, s.groupA, { date: '2026-10-14', subject: 'Vizuālā māksla' });
    const second = await put(s.teacherA, art, [], 200);
    expect(second.body.items.find((i: { studentId: string }) => i.studentId === s.child1.id)).toMatchObject({ status: 'absent', absence: { id: record.id, excused: true } });
    expect(await activeOn(s.child1.id, '2026-10-14')).toHaveLength(1);
    expect(await rig.em().count(AuditEntry, { action: 'lesson.attendance', objectId: maths })).toBe(1);
    expect(await rig.em().count(AuditEntry, { action: 'absence.adopt', objectId: record.id })).toBe(1);
  });

  it('bad input is refused with a stable code and writes nothing; only the lesson’s teachers and management record attendance', async () => {
    const sport = await lesson(s.teacherA, s.groupA, { date: '2026-10-14', subject: 'Sports' });
    const untouched = async () => {
      expect(await rig.em().count(LessonAttendance, { lesson: sport })).toBe(0);
      expect((await rig.em().findOneOrFail(Lesson, sport)).attendanceTakenAt).toBeNull();
      expect(await activeOn(s.child3.id, '2026-10-14')).toHaveLength(0);
    };
    const otherGroup = await put(s.teacherA, sport, [{ studentId: s.child3.id, status: 'absent' }, { studentId: s.child4.id, status: 'absent' }], 422);
    expect(otherGroup.body.error).toMatchObject({ code: 'STUDENT_NOT_IN_GROUP', details: [{ field: 'entries.1.studentId' }] });
    const twice = await put(s.teacherA, sport, [{ studentId: s.child3.id, status: 'absent' }, { studentId: s.child3.id, status: 'late' }], 422);
    expect(twice.body.error.code).toBe('STUDENT_LISTED_TWICE');
    for (const bad of [[{ studentId: s.child3.id, status: 'sick' }], [{ studentId: 'nobody', status: 'absent' }], 'all', null]) {
      expect((await put(s.teacherA, sport, bad, 400)).body.error.code).toBe('VALIDATION_FAILED');
    }
    for (const who of [s.teacherB, s.otherTeacher, s.mother, s.child3, s.kitchen]) {
      expect((await put(who, sport, [{ studentId: s.child3.id, status: 'absent' }], 404)).body.error.code).toBe('LESSON_NOT_FOUND');
    }
    await untouched();
    await put(s.deputy, sport, [{ studentId: s.child3.id, status: 'late' }], 200);
  });

  it('absences on consecutive days extend one record; a teacher’s correction gives the day back once no lesson has the child absent', async () => {
    const absent = [{ studentId: s.child2.id, status: 'absent' }];
    const monday = await lesson(s.teacherA, s.groupA, { date: '2026-10-12', subject: 'Ķīmija' });
    const tuesday = await lesson(s.teacherA, s.groupA, { date: '2026-10-13', subject: 'Ķīmija' });
    const tuesdayToo = await lesson(s.teacherA, s.groupA, { date: '2026-10-13', subject: 'Fizika' });
    const records = async () => (await rig.em().find(AbsenceNotice, { student: s.child2.id, status: 'active', fromDate: { $lte: '2026-10-13' } })).map((n) => [n.fromDate, n.toDate]);
    await put(s.teacherA, monday, absent, 200);
    await put(s.teacherA, tuesday, absent, 200);
    await put(s.teacherA, tuesdayToo, absent, 200);
    expect(await records()).toEqual([['2026-10-12', '2026-10-13']]);

    await put(s.teacherA, tuesday, [], 200); // still absent in physics that day
    expect(await records()).toEqual([['2026-10-12', '2026-10-13']]);
    await put(s.teacherA, tuesdayToo, [{ studentId: s.child2.id, status: 'late' }], 200);
    expect(await records()).toEqual([['2026-10-12', '2026-10-12']]);
    await put(s.teacherA, monday, [], 200);
    expect(await records()).toEqual([]);
  });

  it('a guardian reads only their own children’s attendance (another family’s child is 404)', async () => {
    const read = async (who: Person, studentId: string, status: number) => rig.t.http.get(`/students/${studentId}/attendance`).set(await as(who)).expect(status);
    await read(s.mother, s.child2.id, 200);
    await read(s.child1, s.child1.id, 200);
    await read(s.teacherA, s.child1.id, 200);
    await read(s.nurse, s.child1.id, 200);
    for (const [who, child] of [
      [s.parent3, s.child1],
      [s.otherParent, s.child1],
      [s.parentB, s.child2],
      [s.child2, s.child1],
      [s.teacherB, s.child1],
      [s.otherTeacher, s.child1],
      [s.kitchen, s.child1],
    ] as const) {
      expect((await read(who, child.id, 404)).body.error.code).toBe('STUDENT_NOT_FOUND');
    }
    const backwards = await rig.t.http.get(`/students/${s.child1.id}/attendance?from=2026-10-20&to=2026-10-01`).set(await as(s.mother)).expect(400);
    expect(backwards.body.error.code).toBe('INVALID_DATE_RANGE');
  });

  it('the 17:00 reminder lists today’s lessons without attendance, and not those whose attendance was recorded', async () => {
    clock.set('2026-10-15T07:00:00Z'); // Thursday 10:00 Riga
    await rig.em().nativeUpdate(User, { id: { $in: [s.teacherA.id, s.teacherB.id] } }, { language: 'en' });
    await rig.em().nativeUpdate(User, { id: s.teacherA.id }, { email: email(s.teacherA) });
    await rig.em().nativeUpdate(User, { id: s.teacherB.id }, { email: email(s.teacherB) });
    await lesson(s.teacherA, s.groupA, { date: '2026-10-15', subject: 'Ģeogrāfija', topic: 'Upes' });
    const history = await lesson(s.teacherA, s.groupA, { date: '2026-10-15', subject: 'Vēsture', topic: 'Hanza' });
    const biology = await lesson(s.teacherB, s.groupB, { date: '2026-10-15', subject: 'Bioloģija', topic: 'Šūna' });
    await put(s.teacherA, history, [], 200);
    await put(s.teacherB, biology, [{ studentId: s.child4.id, status: 'present' }], 200);

    clock.set('2026-10-15T14:00:31Z'); // 17:00:31 Riga
    const builder = rig.t.app.get(LessonReminderBuilder);
    await Promise.all([builder.buildDue(), rig.sweep()]);
    const reminders = await rig.em().find(LessonReminder, { day: '2026-10-15' });
    expect(reminders.map((r) => r.teacherId)).toEqual([s.teacherA.id]);
    await rig.settled(reminders[0].id);
    const mail = await rig.smtp.waitFor((m) => m.to.includes(email(s.teacherA)) && !!m.subject?.includes('2026-10-15'));
    expect(mail.subject).toContain('without a topic or attendance');
    expect(mail.text).toContain('2026-10-15 1.a: Ģeogrāfija (no attendance)');
    expect(mail.text).not.toContain('Vēsture');
    expect(mail.text).toContain('by 18:00');
    expect(await builder.buildDue()).toBe(0);
    expect(rig.smtp.received.filter((m) => m.to.includes(email(s.teacherB)) && m.subject?.includes('2026-10-15'))).toHaveLength(0);
  });

  it('interest education is reminded on the 2nd working day after the lesson, not the 1st, skipping a public holiday', async () => {
    const centre = (await s.f.institution('interest', `Jaunrades nams ${s.f.tag}`)).id;
    const club = (await s.f.group(centre, 'Robotika')).id;
    const coach = await s.f.person([{ institutionId: centre, role: 'teacher' }], { givenName: 'Pulciņa vadītājs' });
    const member = await s.f.person([{ institutionId: centre, role: 'student' }]);
    await s.f.assign(coach.id, club);
    await s.f.enrol(member.id, club);
    await rig.em().nativeUpdate(User, { id: coach.id }, { language: 'en', email: email(coach) });
    clock.set('2026-11-17T15:00:00Z'); // Tuesday 17:00 Riga
    await lesson(coach, club, { date: '2026-11-17', subject: 'Roboti', topic: 'Sensori' }); // no attendance

    const builder = rig.t.app.get(LessonReminderBuilder);
    const coachReminders = () => rig.em().find(LessonReminder, { teacherId: coach.id }, { orderBy: { day: 'asc' } });
    for (const at of ['2026-11-17T15:00:31Z', '2026-11-18T15:00:31Z', '2026-11-19T15:00:31Z']) {
      clock.set(at); // the lesson's day, the holiday, the 1st working day after it
      await builder.buildDue();
    }
    expect(await coachReminders()).toEqual([]);

    clock.set('2026-11-20T15:00:31Z'); // Friday: the 2nd working day after Tuesday (Wednesday was a holiday)
    await Promise.all([builder.buildDue(), builder.buildDue()]);
    const [reminder, ...more] = await coachReminders();
    expect(more).toEqual([]);
    expect(reminder.day).toBe('2026-11-20');
    await rig.settled(reminder.id);
    const mail = await rig.smtp.waitFor((m) => m.to.includes(email(coach)));
    expect(mail.text).toContain('within two working days');
    expect(mail.text).toContain('2026-11-17 Robotika: Roboti (no attendance)');

    clock.set('2026-11-23T15:00:31Z'); // Monday: its day has passed, once is enough
    await builder.buildDue();
    expect(await coachReminders()).toHaveLength(1);
  });
});
