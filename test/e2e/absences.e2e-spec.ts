import { MikroORM } from '@mikro-orm/core';
import { AbsenceNotice, AbsencePeriod } from '../../libs/attendance/src/entities';
import { AuditEntry } from '../../libs/audit/src/audit-entry.entity';
import { User } from '../../libs/directory/src/entities';
import { OutboxMessage } from '../../libs/notifications/src/outbox/outbox-message.entity';
import { FixedClock } from '../../libs/platform/src/time/clock';
import { Fixtures, signInAt } from '../support/fixtures';
import { startNotificationRig, type NotificationRig } from '../support/notification-rig';
import { buildSchool, type School } from '../support/school';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Absence notices against the cut-offs, in Riga time. October 2026 is summer time (UTC+3): Wednesday
 * 14 October 09:30 in Riga is 06:30Z; Thursday 15 October 08:50 is 05:50Z.
 */
describe('absence notices', () => {
  let t: TestApp;
  let s: School;
  let as: ReturnType<typeof signInAt>;
  const em = () => t.app.get(MikroORM).em.fork();
  const notices = (studentId: string) => em().count(AbsenceNotice, { student: studentId });
  const report = (auth: Record<string, string>, body: Record<string, unknown>) => t.http.post('/absences').set(auth).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    s = await buildSchool(t);
    as = signInAt(t.http, t.clock);
  });
  afterAll(() => t.close());

  it('a planned absence reported at 09:29 the day before cancels the meals; the guardian is confirmed; the change is audited', async () => {
    t.clock.set('2026-10-14T06:29:00Z');
    const res = await report(await as(s.mother), { studentId: s.child1.id, from: '2026-10-15', to: '2026-10-15', reason: 'family' }).expect(201);
    expect(res.body).toEqual({ id: expect.any(String), days: [{ date: '2026-10-15', absent: true, mealsCancelled: true }], mealsResumeOn: '2026-10-16' });

    const outbox = await em().find(OutboxMessage, { kind: 'absence-confirmation', payload: { noticeId: res.body.id } } as never);
    expect(outbox).toHaveLength(1);
    expect(outbox[0].payload).toMatchObject({ userId: s.mother.id, institutionId: s.inst });
    const audit = await em().find(AuditEntry, { objectId: res.body.id });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([['absence.create', s.mother.id]]);
  });

  it('on the day itself: at 08:49 the meals are still cancelled, at 08:51 the answer says they were already ordered', async () => {
    t.clock.set('2026-10-15T05:49:00Z');
    const early = await report(await as(s.father), { studentId: s.child1.id, from: '2026-10-15', to: '2026-10-16', reason: 'illness' }).expect(201);
    expect(early.body.days[0]).toEqual({ date: '2026-10-15', absent: true, mealsCancelled: true });

    t.clock.set('2026-10-15T05:51:00Z');
    const late = await report(await as(s.mother), { studentId: s.child2.id, from: '2026-10-15', to: '2026-10-16', reason: 'illness' }).expect(201);
    expect(late.body.days).toEqual([
      { date: '2026-10-15', absent: true, mealsCancelled: false, mealsNote: 'already-ordered' },
      { date: '2026-10-16', absent: true, mealsCancelled: true },
    ]);
    expect(late.body.mealsResumeOn).toBe('2026-10-19'); // Friday → Monday
  });

  it('ending an open-ended notice: a return reported by 09:30 the day before gets meals, one at 09:31 only the day after', async () => {
    t.clock.set('2026-10-09T05:00:00Z'); // Friday 9 October
    const open = await report(await as(s.parent3), { studentId: s.child3.id, from: '2026-10-12', reason: 'doctor_ordered_home_regime' }).expect(201);
    expect(open.body.mealsResumeOn).toBeUndefined();
    expect(open.body.days.map((d: { date: string }) => d.date)).toEqual(['2026-10-12']);

    t.clock.set('2026-10-14T06:29:00Z'); // Wednesday 09:29: back on Thursday
    const onTime = await t.http.patch(`/absences/${open.body.id}`).set(await as(s.parent3)).send({ to: '2026-10-14' }).expect(200);
    expect(onTime.body.mealsResumeOn).toBe('2026-10-15');
    expect(onTime.body.days.at(-1)).toEqual({ date: '2026-10-14', absent: true, mealsCancelled: true });

    t.clock.set('2026-10-15T06:31:00Z'); // Thursday 09:31: ill again, Thursday and Friday
    const extended = await t.http.patch(`/absences/${open.body.id}`).set(await as(s.parent3)).send({ to: '2026-10-16' }).expect(200);
    expect(extended.body.days.slice(-2)).toEqual([
      { date: '2026-10-15', absent: true, mealsCancelled: false, mealsNote: 'already-ordered' },
      { date: '2026-10-16', absent: true, mealsCancelled: true },
    ]);
    t.clock.set('2026-10-15T06:40:00Z'); // 09:40: the child is back on Friday after all, but Friday was ordered at 09:30 without them
    const back = await t.http.patch(`/absences/${open.body.id}`).set(await as(s.parent3)).send({ to: '2026-10-15' }).expect(200);
    expect(back.body.days.at(-1)).toEqual({ date: '2026-10-16', absent: false, mealsCancelled: true, mealsNote: 'already-cancelled' });
    expect(back.body.mealsResumeOn).toBe('2026-10-19');

    const periods = await em().find(AbsencePeriod, { notice: open.body.id }, { orderBy: { validFrom: 'asc' } });
    expect(periods.map((p) => [p.toDate, p.validTo === null])).toEqual([
      [null, false],
      ['2026-10-14', false],
      ['2026-10-16', false],
      ['2026-10-15', true],
    ]);
    const audit = await em().find(AuditEntry, { objectId: open.body.id, action: 'absence.update' });
    expect(audit).toHaveLength(3);
  });

  it('after the autumn DST switch (Sunday 25 October) the cut-off is 08:50 winter time: 06:49Z cancels, 06:51Z does not', async () => {
    t.clock.set('2026-10-26T06:49:00Z'); // 08:49 EET; in summer time this would already be 09:49
    const early = await report(await as(s.mother), { studentId: s.child2.id, from: '2026-10-26', to: '2026-10-26', reason: 'illness' }).expect(201);
    expect(early.body.days).toEqual([{ date: '2026-10-26', absent: true, mealsCancelled: true }]);
    t.clock.set('2026-10-26T06:51:00Z');
    const late = await report(await as(s.parentB), { studentId: s.child4.id, from: '2026-10-26', to: '2026-10-26', reason: 'illness' }).expect(201);
    expect(late.body.days).toEqual([{ date: '2026-10-26', absent: true, mealsCancelled: false, mealsNote: 'already-ordered' }]);
  });

  it('a notice withdrawn after the next day’s order keeps that day cancelled; it cannot be changed or withdrawn again', async () => {
    t.clock.set('2026-10-27T07:00:00Z'); // Tuesday 09:00 EET
    const made = await report(await as(s.mother), { studentId: s.child2.id, from: '2026-10-28', to: '2026-10-30', reason: 'family' }).expect(201);
    const foreign = await t.http.delete(`/absences/${made.body.id}`).set(await as(s.parent3));
    expect([foreign.status, foreign.body.error.code]).toEqual([404, 'ABSENCE_NOT_FOUND']);
    t.clock.set('2026-10-27T07:40:00Z'); // 09:40: Wednesday was ordered at 09:30 without the child
    const withdrawn = await t.http.delete(`/absences/${made.body.id}`).set(await as(s.mother)).expect(200);
    expect(withdrawn.body).toEqual({
      id: made.body.id,
      days: [{ date: '2026-10-28', absent: false, mealsCancelled: true, mealsNote: 'already-cancelled' }],
      mealsResumeOn: '2026-10-29',
    });
    for (const res of [
      await t.http.delete(`/absences/${made.body.id}`).set(await as(s.mother)),
      await t.http.patch(`/absences/${made.body.id}`).set(await as(s.mother)).send({ to: '2026-10-31' }),
    ]) {
      expect([res.status, res.body.error.code]).toEqual([409, 'ABSENCE_WITHDRAWN']);
    }
    const listed = await t.http.get('/absences').query({ studentId: s.child2.id }).set(await as(s.mother)).expect(200);
    expect(listed.body.items.find((n: { id: string }) => n.id === made.body.id)).toMatchObject({ status: 'withdrawn' });
    expect(await em().count(AuditEntry, { objectId: made.body.id, action: 'absence.withdraw', actorId: s.mother.id })).toBe(1);
  });

  it('a notice across a holiday lists the meal days only (18 November 2026 is a Wednesday)', async () => {
    t.clock.set('2026-11-10T08:00:00Z');
    const res = await report(await as(s.mother), { studentId: s.child2.id, from: '2026-11-17', to: '2026-11-20', reason: 'family' }).expect(201);
    expect(res.body.days.map((d: { date: string }) => d.date)).toEqual(['2026-11-17', '2026-11-19', '2026-11-20']);
    expect(res.body.mealsResumeOn).toBe('2026-11-23');
  });

  it('another family’s child, or another institution’s: 404 and nothing written', async () => {
    t.clock.set('2026-10-14T07:00:00Z');
    for (const [who, child] of [
      [s.mother, s.child3],
      [s.otherParent, s.child4],
      [s.parentB, s.otherChild],
      [s.teacherB, s.child1],
      [s.kitchen, s.child1],
      [s.otherTeacher, s.child4],
    ] as const) {
      const before = await notices(child.id);
      const res = await report(await as(who), { studentId: child.id, from: '2026-10-20', reason: 'family' }).expect(404);
      expect(res.body.error.code).toBe('STUDENT_NOT_FOUND');
      expect(await notices(child.id)).toBe(before);
    }
    const mine = await report(await as(s.parentB), { studentId: s.child4.id, from: '2026-10-20', reason: 'family' }).expect(201);
    const other = await t.http.patch(`/absences/${mine.body.id}`).set(await as(s.mother)).send({ to: '2026-10-21' }).expect(404);
    expect(other.body.error.code).toBe('ABSENCE_NOT_FOUND');
  });

  it('malformed dates, reversed ranges, unknown reasons and a missing note: 4xx with a stable code, nothing written', async () => {
    t.clock.set('2026-10-14T07:00:00Z');
    const before = await notices(s.child4.id);
    const cases: [Record<string, unknown>, string][] = [
      [{ from: '2026-02-30', reason: 'illness' }, 'INVALID_DATE'],
      [{ from: '14.10.2026', reason: 'illness' }, 'VALIDATION_FAILED'],
      [{ from: '2026-10-20', to: '2026-10-19', reason: 'illness' }, 'INVALID_DATE_RANGE'],
      [{ from: '2026-10-20', reason: 'holiday' }, 'VALIDATION_FAILED'],
      [{ from: '2026-10-20', reason: 'other' }, 'ABSENCE_NOTE_REQUIRED'],
      [{ from: '2026-10-20', reason: 'other', note: '   ' }, 'VALIDATION_FAILED'],
      [{ from: '2026-08-01', reason: 'illness' }, 'ABSENCE_TOO_FAR'],
    ];
    for (const [body, code] of cases) {
      const res = await report(await as(s.parentB), { studentId: s.child4.id, ...body });
      expect([res.status, res.body.error?.code, body]).toEqual([400, code, body]);
    }
    expect(await notices(s.child4.id)).toBe(before);

    const made = await report(await as(s.parentB), { studentId: s.child4.id, from: '2026-10-21', to: '2026-10-22', reason: 'other', note: 'Ārsta apmeklējums' }).expect(201);
    const reversed = await t.http.patch(`/absences/${made.body.id}`).set(await as(s.parentB)).send({ to: '2026-10-20' }).expect(400);
    expect(reversed.body.error.code).toBe('INVALID_DATE_RANGE');
    const periods = await em().count(AbsencePeriod, { notice: made.body.id });
    expect(periods).toBe(1);
  });

  it('teachers and the nurse see their groups’ notices; guardians their own children’s; the kitchen nothing (403)', async () => {
    t.clock.set('2026-10-14T07:00:00Z');
    const made = await report(await as(s.parent3), { studentId: s.child3.id, from: '2026-10-22', to: '2026-10-23', reason: 'adaptation' }).expect(201);
    const byGroup = (auth: Record<string, string>, groupId: string) => t.http.get('/absences').query({ groupId, date: '2026-10-22' }).set(auth);

    for (const m of [s.teacherA, s.nurse, s.head]) {
      const res = await byGroup(await as(m), s.groupA).expect(200);
      expect(res.body.items.map((n: { id: string }) => n.id)).toContain(made.body.id);
      expect(res.body.items.find((n: { id: string }) => n.id === made.body.id)).toMatchObject({ studentId: s.child3.id, reason: 'adaptation', from: '2026-10-22', to: '2026-10-23' });
    }
    expect((await byGroup(await as(s.teacherB), s.groupA).expect(404)).body.error.code).toBe('GROUP_NOT_FOUND');
    expect((await byGroup(await as(s.otherTeacher), s.groupA).expect(404)).body.error.code).toBe('GROUP_NOT_FOUND');
    expect((await byGroup(await as(s.kitchen), s.groupA).expect(403)).body.error.code).toBe('NO_PERSONAL_DATA');

    const own = await t.http.get('/absences').query({ studentId: s.child3.id }).set(await as(s.parent3)).expect(200);
    expect(own.body.items.map((n: { id: string }) => n.id)).toContain(made.body.id);
    expect((await t.http.get('/absences').query({ studentId: s.child3.id }).set(await as(s.mother)).expect(404)).body.error.code).toBe('ABSENCE_NOT_FOUND');
    expect((await t.http.get('/absences').query({ studentId: s.child3.id }).set(await as(s.kitchen)).expect(403)).body.error.code).toBe('NO_PERSONAL_DATA');
    expect((await t.http.get('/absences').set(await as(s.teacherA)).expect(400)).body.error.code).toBe('ABSENCE_QUERY_REQUIRED');
  });

  it('the nurse and the class teacher record absences and review them; guardians may not review (403), other staff not at all (404)', async () => {
    t.clock.set('2026-10-14T07:00:00Z');
    const recorded = await report(await as(s.nurse), { studentId: s.child4.id, from: '2026-10-14', to: '2026-10-14', reason: 'illness' }).expect(201);
    expect(recorded.body.days).toEqual([{ date: '2026-10-14', absent: true, mealsCancelled: false, mealsNote: 'already-ordered' }]);
    // a staff record is no confirmation for the guardian
    expect(await em().count(OutboxMessage, { kind: 'absence-confirmation', payload: { noticeId: recorded.body.id } } as never)).toBe(0);

    const notice = await report(await as(s.parent3), { studentId: s.child3.id, from: '2026-10-26', to: '2026-10-27', reason: 'family' }).expect(201);
    const review = (who: Parameters<typeof as>[0], body: Record<string, unknown>) => as(who).then((h) => t.http.post(`/absences/${notice.body.id}/review`).set(h).send(body));
    const reviewed = (await review(s.teacherA, { reason: 'illness', justification: 'justified' })).body;
    expect(reviewed).toMatchObject({ id: notice.body.id, reason: 'illness', justification: 'justified', from: '2026-10-26', to: '2026-10-27' });
    expect((await review(s.nurse, { justification: 'unjustified' })).body).toMatchObject({ justification: 'unjustified', reason: 'illness' });
    const parent = await review(s.parent3, { justification: 'justified' });
    expect([parent.status, parent.body.error.code]).toEqual([403, 'REVIEW_NOT_ALLOWED']);
    for (const who of [s.teacherB, s.kitchen, s.mother, s.otherTeacher]) {
      const res = await review(who, { justification: 'justified' });
      expect([res.status, res.body.error.code]).toEqual([404, 'ABSENCE_NOT_FOUND']);
    }
    const bad = await review(s.nurse, { justification: 'maybe' });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const noNote = await review(s.nurse, { reason: 'other' });
    expect([noNote.status, noNote.body.error.code]).toEqual([400, 'ABSENCE_NOTE_REQUIRED']);

    const audit = await em().find(AuditEntry, { objectId: notice.body.id, action: 'absence.review' }, { orderBy: { at: 'asc' } });
    expect(audit.map((a) => [a.actorId, a.details])).toEqual([
      [s.teacherA.id, { studentId: s.child3.id, changed: { reason: { from: 'family', to: 'illness' }, justification: { from: null, to: 'justified' } } }],
      [s.nurse.id, { studentId: s.child3.id, changed: { justification: { from: 'justified', to: 'unjustified' } } }],
    ]);
    const listed = await t.http.get('/absences').query({ studentId: s.child3.id }).set(await as(s.parent3)).expect(200);
    expect(listed.body.items.find((n: { id: string }) => n.id === notice.body.id)).toMatchObject({ reason: 'illness', justification: 'unjustified' });
  });
});

describe('absence confirmations', () => {
  let rig: NotificationRig;
  const clock = new FixedClock('2026-10-14T07:00:00Z'); // Wednesday 10:00 in Riga, outside quiet hours
  afterAll(() => rig?.close());

  it('the guardian gets a confirmation by e-mail in their language, once per change; a staff record sends none', async () => {
    rig = await startNotificationRig(clock);
    const f = new Fixtures(rig.t.app);
    const as = signInAt(rig.t.http, clock);
    const inst = (await f.institution('preschool')).id;
    const group = (await f.group(inst, 'Zvaniņš')).id;
    const child = await f.person([{ institutionId: inst, role: 'student' }], { password: null, givenName: 'Marta' });
    await f.enrol(child.id, group);
    const guardian = await f.person([{ institutionId: inst, role: 'guardian' }], { givenName: 'Ilze' });
    const email = `ilze.${f.tag}@example.com`;
    await rig.em().nativeUpdate(User, { id: guardian.id }, { language: 'lv', email });
    await f.guard(guardian.id, child.id);
    const nurse = await f.person([{ institutionId: inst, role: 'nurse' }]);

    const made = await rig.t.http.post('/absences').set(await as(guardian)).send({ studentId: child.id, from: '2026-10-16', to: '2026-10-20', reason: 'illness' }).expect(201);
    const [created] = await rig.em().find(OutboxMessage, { kind: 'absence-confirmation', payload: { noticeId: made.body.id } } as never);
    const [delivery] = await rig.settled(created.id);
    expect(delivery).toMatchObject({ channel: 'email', category: 'absence-confirmation', status: 'sent' });
    const mail = await rig.smtp.waitFor((m) => m.to.includes(email));
    expect(mail.subject).toContain('Kavējuma pieteikums');
    expect(mail.text).toContain('no 2026-10-16 līdz 2026-10-20');

    await rig.t.http.patch(`/absences/${made.body.id}`).set(await as(guardian)).send({ to: null }).expect(200);
    const events = await rig.em().find(OutboxMessage, { kind: 'absence-confirmation', payload: { noticeId: made.body.id } } as never, { orderBy: { createdAt: 'asc' } });
    expect(events).toHaveLength(2);
    await rig.settled(events[1].id);
    const second = await rig.smtp.waitFor((m) => m.to.includes(email) && !!m.text?.includes('līdz turpmākam paziņojumam'));
    expect(second.subject).toContain('Kavējuma pieteikums');

    await rig.t.http.patch(`/absences/${made.body.id}`).set(await as(nurse)).send({ to: '2026-10-19' }).expect(200);
    expect(await rig.em().count(OutboxMessage, { kind: 'absence-confirmation', payload: { noticeId: made.body.id } } as never)).toBe(2);
  });
});
