import { EntityManager } from '@mikro-orm/core';
import { OverdueSummaryBuilder } from '../../apps/worker/src/overdue-summaries/overdue-summary-builder.service';
import { GradeStatementBuilder } from '../../apps/worker/src/statements/grade-statement-builder.service';
import { TestMarkReminderBuilder } from '../../apps/worker/src/test-mark-reminders/test-mark-reminder-builder.service';
import { InstitutionRules } from '../../libs/attendance/src';
import { AbsenceNotice } from '../../libs/attendance/src/entities';
import { User } from '../../libs/directory/src/entities';
import { GradeStatement, Lesson, OverdueSummary, TestMarkReminder } from '../../libs/gradebook/src/entities';
import { PreferencesReader } from '../../libs/notifications/src/preferences/preferences.reader';
import { AppConfig } from '../../libs/platform/src/config/app-config';
import { CalendarService } from '../../libs/platform/src/time/calendar.service';
import { FixedClock } from '../../libs/platform/src/time/clock';
import { signInAt, type Person } from './fixtures';
import type { NotificationRig } from './notification-rig';
import { buildSchool, type School } from './school';
import type { ReceivedMail } from './smtp-server';

/**
 * Monthly grade statements, the unmarked-test reminder and the deputy heads' weekly summary end to
 * end, with the worker, a real SMTP server and an injected clock. 18 November 2026 (a Wednesday) is a public holiday;
 * 1 December 2026 is a Tuesday; 1 January 2027 is a holiday on a Friday, so December's statements wait
 * for Monday 4 January. Riga is UTC+2 in winter.
 * Shared by the PostgreSQL e2e suite and the SQLite smoke suite.
 */
export function statementScenarios(start: (clock: FixedClock) => Promise<NotificationRig>): void {
  let rig: NotificationRig;
  let s: School;
  let as: ReturnType<typeof signInAt>;
  const clock = new FixedClock('2026-11-12T08:00:00Z');
  const email = (who: Person) => `${who.username}@example.com`;
  const mark = async (who: Person, body: Record<string, unknown>) => rig.t.http.post('/marks').set(await as(who)).send(body).expect(201);
  const mailsTo = (who: Person, subjectPart: string) => rig.smtp.received.filter((m) => m.to.includes(email(who)) && !!m.subject?.includes(subjectPart));
  const all = (m: ReceivedMail) => `${m.subject} ${m.text} ${m.html} ${m.attachments.map((a) => a.content).join(' ')}`;
  let statementBuilders: GradeStatementBuilder[];
  let reminderBuilders: TestMarkReminderBuilder[];
  const buildStatements = () => Promise.all(statementBuilders.map((b) => b.buildDue()));
  const buildReminders = () => Promise.all(reminderBuilders.map((b) => b.buildDue()));

  beforeAll(async () => {
    rig = await start(clock);
    s = await buildSchool(rig.t);
    as = signInAt(rig.t.http, clock);
    const em = rig.em();
    const speaks: [Person, string][] = [
      [s.mother, 'ru'],
      [s.father, 'lv'],
      [s.parent3, 'en'],
      [s.parentB, 'lv'],
      [s.teacherA, 'lv'],
      [s.teacherB, 'en'],
      [s.deputy, 'en'],
      [s.head, 'lv'],
    ];
    for (const [who, language] of speaks) await em.nativeUpdate(User, { id: who.id }, { language: language as never, email: email(who) });
    // A second worker's builders over the same database, next to the app's own.
    const app = rig.t.app;
    statementBuilders = [
      app.get(GradeStatementBuilder),
      new GradeStatementBuilder(app.get(EntityManager), clock, app.get(CalendarService), app.get(PreferencesReader), app.get(AppConfig)),
    ];
    reminderBuilders = [
      app.get(TestMarkReminderBuilder),
      new TestMarkReminderBuilder(app.get(EntityManager), clock, app.get(CalendarService), app.get(InstitutionRules), app.get(PreferencesReader), app.get(AppConfig)),
    ];
  });
  afterAll(() => rig?.close());

  it('a test not fully marked is reminded to its teacher on the fifth working day after it, once, not before, and not once marked', async () => {
    clock.set('2026-11-12T08:00:00Z'); // Thursday 10:00 Riga
    const lesson = async (who: Person, group: string, subject: string) =>
      (await rig.t.http.post(`/groups/${group}/lessons`).set(await as(who)).send({ date: '2026-11-12', subject, topic: 'Kontroldarbs', isTest: true }).expect(201)).body;
    const geometry = await lesson(s.teacherA, s.groupA, 'Ģeometrija');
    expect(await rig.em().findOneOrFail(Lesson, geometry.id)).toMatchObject({ isTest: true, teacher: { id: s.teacherA.id } });
    const biology = await lesson(s.teacherB, s.groupB, 'Bioloģija');
    const test = (student: Person, subject: string, lessonId: string, value: string) =>
      ({ studentId: student.id, subject, date: '2026-11-12', scale: '1-10', value, kind: 'test', lessonId });
    await mark(s.teacherA, test(s.child1, 'Ģeometrija', geometry.id, '7'));
    await mark(s.teacherA, test(s.child2, 'Ģeometrija', geometry.id, '5'));
    await mark(s.teacherB, test(s.child4, 'Bioloģija', biology.id, '9')); // group B fully marked

    // Fri 13, Mon 16, Tue 17, (Wed 18 holiday), Thu 19: four working days; the fifth is Friday 20.
    for (const at of ['2026-11-13T06:00:31Z', '2026-11-17T06:00:31Z', '2026-11-18T06:00:31Z', '2026-11-19T06:00:31Z', '2026-11-20T05:59:00Z']) {
      clock.set(at);
      expect(await buildReminders()).toEqual([0, 0]);
    }
    expect(await rig.em().count(TestMarkReminder, { teacherId: { $in: [s.teacherA.id, s.teacherB.id] } })).toBe(0);

    clock.set('2026-11-20T06:00:31Z'); // Friday 08:00:31 Riga
    await Promise.all([...reminderBuilders.map((b) => b.buildDue()), rig.sweep(), reminderBuilders[1].buildDue()]);
    const reminders = await rig.em().find(TestMarkReminder, { day: '2026-11-20' });
    expect(reminders.map((r) => [r.teacherId, r.lessonIds])).toEqual([[s.teacherA.id, [geometry.id]]]);
    const [delivery] = await rig.settled(reminders[0].id);
    expect(delivery).toMatchObject({ userId: s.teacherA.id, channel: 'email', category: 'journal', status: 'sent' });
    const mail = await rig.smtp.waitFor((m) => m.to.includes(email(s.teacherA)) && !!m.subject?.includes('pārbaudes darbs'));
    expect(mail.subject).toBe('1 pārbaudes darbs vēl nav novērtēti');
    expect(mail.text).toContain('2026-11-12 1.a: Ģeometrija (1 skolēnam nav vērtējuma)');
    for (const name of ['Anna', 'Jānis', 'Pēteris', 'Bioloģija']) expect(all(mail)).not.toContain(name);
    expect(await buildReminders()).toEqual([0, 0]);
    await rig.sweep();
    expect(mailsTo(s.teacherA, 'pārbaudes darb')).toHaveLength(1);
    expect(rig.smtp.received.filter((m) => m.to.includes(email(s.teacherB)))).toHaveLength(0);

    // Saturday nothing; Monday still owed, so reminded again; once marked, no more.
    clock.set('2026-11-21T06:00:31Z');
    expect(await buildReminders()).toEqual([0, 0]);
    clock.set('2026-11-23T06:00:31Z');
    expect((await buildReminders()).reduce((a, b) => a + b)).toBe(1);
    clock.set('2026-11-24T05:00:00Z');
    await mark(s.teacherA, test(s.child3, 'Ģeometrija', geometry.id, '4'));
    clock.set('2026-11-24T06:00:31Z');
    expect(await buildReminders()).toEqual([0, 0]);
    expect(await rig.em().count(TestMarkReminder, { teacherId: s.teacherA.id })).toBe(2);
  });

  it('November’s statement goes on Tuesday 1 December at 08:00, one per student and guardian with two builders and lost jobs, that child’s month only, in each guardian’s language', async () => {
    clock.set('2026-11-30T08:00:00Z'); // Monday 10:00 Riga
    await mark(s.teacherA, { studentId: s.child1.id, subject: 'Matemātika', date: '2026-11-05', scale: '1-10', value: '8', kind: 'test' });
    await mark(s.teacherA, { studentId: s.child1.id, subject: 'Sports', date: '2026-11-20', scale: 'pass-fail', value: 'pass' });
    await mark(s.teacherA, { studentId: s.child2.id, subject: 'Vēsture', date: '2026-11-10', scale: '1-10', value: '6' });
    await mark(s.teacherA, { studentId: s.child3.id, subject: 'Matemātika', date: '2026-11-05', scale: '1-10', value: '3', kind: 'test' });
    const em = rig.em();
    const notice = (student: Person, fromDate: string, toDate: string | null, justification: 'justified' | 'unjustified' | null) =>
      em.create(AbsenceNotice, { student: student.id, institution: s.inst, fromDate, toDate, reason: 'illness', justification, createdBy: s.mother.id, createdAt: clock.now(), updatedAt: clock.now() });
    notice(s.child1, '2026-11-16', '2026-11-20', 'justified'); // Mon–Fri with the 18th a holiday: 4 school days
    notice(s.child1, '2026-11-30', null, null); // open: 30 November counts, December is another month
    notice(s.child3, '2026-10-30', '2026-11-03', 'unjustified'); // Fri 30 Oct – Tue 3 Nov: 2 days of November
    await em.flush();

    clock.set('2026-12-01T05:59:00Z'); // 07:59 Riga
    await mark(s.teacherA, { studentId: s.child1.id, subject: 'Matemātika', date: '2026-12-01', scale: '1-10', value: '10' }); // December's
    expect(await buildStatements()).toEqual([0, 0]);

    // Built and queued while the workers stand still, then every queued job of this app is lost.
    const lost = await rig.loseQueuedJobs(async () => {
      clock.set('2026-12-01T06:00:31Z');
      await Promise.all([...statementBuilders.map((b) => b.buildDue()), rig.sweep(), statementBuilders[1].buildDue()]);
    });
    expect(lost).toBeGreaterThanOrEqual(1);
    const statements = await rig.em().find(GradeStatement, { studentId: { $in: [s.child1.id, s.child2.id, s.child3.id, s.child4.id] } });
    expect(statements.map((st) => [st.studentId, st.month, st.institutionId]).sort()).toEqual(
      [s.child1.id, s.child2.id, s.child3.id, s.child4.id].map((id) => [id, '2026-11', s.inst]).sort(),
    );
    const of = (student: Person) => statements.find((st) => st.studentId === student.id)!;
    const settled = await rig.settled(of(s.child1).id);
    expect(settled.map((d) => [d.userId, d.channel, d.category, d.status]).sort()).toEqual(
      [
        [s.mother.id, 'email', 'journal', 'sent'],
        [s.father.id, 'email', 'journal', 'sent'],
      ].sort(),
    );
    for (const child of [s.child2, s.child3]) await rig.settled(of(child).id);

    const toMother = await rig.smtp.waitFor((m) => m.to.includes(email(s.mother)) && !!m.subject?.includes('Выписка оценок: Anna'));
    expect(toMother.subject).toContain('ноябрь 2026');
    expect(toMother.text).toContain('Matemātika, 2026-11-05 (контрольная работа): 8');
    expect(toMother.text).toContain('Sports, 2026-11-20: зачтено');
    expect(toMother.text).toContain('Ģeometrija, 2026-11-12 (контрольная работа): 7');
    expect(toMother.text).toContain('Пропущено 5 учебных дней: по уважительной причине 4, без уважительной причины 0, ещё не оценено 1.');
    const page = toMother.attachments.find((a) => a.filename === 'statement-2026-11.html')!;
    expect(page.contentType).toContain('text/html');
    expect(page.content).toContain('<h1>Выписка оценок: Anna');
    expect(page.content).toContain('Sports, 2026-11-20: зачтено');

    const toFather = await rig.smtp.waitFor((m) => m.to.includes(email(s.father)) && !!m.subject?.includes('Sekmju izraksts'));
    expect(toFather.subject).toContain('novembris');
    expect(toFather.text).toContain('Kavētas 5 mācību dienas: attaisnotas 4, neattaisnotas 0, vēl neizvērtētas 1.');
    expect(toFather.text).toContain('Sports, 2026-11-20: ieskaitīts');

    // The mother's other child has a statement of its own.
    const aboutJanis = await rig.smtp.waitFor((m) => m.to.includes(email(s.mother)) && !!m.subject?.includes('Выписка оценок: Jānis'));
    expect(aboutJanis.text).toContain('Vēsture, 2026-11-10: 6');
    expect(aboutJanis.text).toContain('Пропусков в этом месяце нет.');

    const toParent3 = await rig.smtp.waitFor((m) => m.to.includes(email(s.parent3)) && !!m.subject?.includes('November 2026'));
    expect(toParent3.subject).toContain('Grade statement');
    expect(toParent3.text).toContain('2 school days absent: justified 0, unjustified 2, not yet decided 0.');
    expect(toParent3.text).toContain('Matemātika, 2026-11-05 (test): 3');

    for (const mail of [toMother, toFather]) {
      expect(all(mail)).toContain('Anna');
      expect(all(mail)).not.toContain('2026-12-01');
      for (const other of ['Jānis', 'Pēteris', 'Līga', 'Svešais', 'Vēsture', ': 3']) expect(all(mail)).not.toContain(other);
    }
    for (const other of ['Anna', 'Jānis', 'Līga']) expect(all(toParent3)).not.toContain(other);
    for (const other of ['Anna', 'Pēteris', 'Matemātika']) expect(all(aboutJanis)).not.toContain(other);

    // Later passes, either builder: nothing more. One e-mail per guardian and child.
    clock.set('2026-12-02T06:00:31Z');
    expect(await buildStatements()).toEqual([0, 0]);
    await rig.sweep();
    expect(mailsTo(s.mother, 'Выписка оценок: Anna')).toHaveLength(1);
    expect(mailsTo(s.mother, 'Выписка оценок: Jānis')).toHaveLength(1);
    expect(mailsTo(s.father, 'Sekmju izraksts')).toHaveLength(1);
    expect(mailsTo(s.parent3, 'Grade statement')).toHaveLength(1); // none for October: its week of catch-up had passed
  });

  it('December’s statement waits past the New Year holiday and the weekend for Monday 4 January 2027', async () => {
    clock.set('2026-12-10T08:00:00Z');
    await mark(s.teacherB, { studentId: s.child4.id, subject: 'Bioloģija', date: '2026-12-09', scale: '1-10', value: '7' });
    const decemberOf = (student: Person) => rig.em().find(GradeStatement, { studentId: student.id, month: '2026-12' });
    for (const at of ['2027-01-01T10:00:00Z', '2027-01-02T10:00:00Z', '2027-01-03T10:00:00Z', '2027-01-04T05:59:00Z']) {
      clock.set(at);
      expect(await buildStatements()).toEqual([0, 0]);
      await rig.sweep();
    }
    expect(await decemberOf(s.child4)).toHaveLength(0);

    clock.set('2027-01-04T06:00:31Z'); // Monday 08:00:31 Riga
    await Promise.all([buildStatements(), rig.sweep()]);
    const [statement, ...more] = await decemberOf(s.child4);
    expect(more).toHaveLength(0);
    const [delivery] = await rig.settled(statement.id);
    expect(delivery).toMatchObject({ userId: s.parentB.id, status: 'sent' });
    const mail = await rig.smtp.waitFor((m) => m.to.includes(email(s.parentB)) && !!m.subject?.includes('decembris'));
    expect(mail.text).toContain('Bioloģija, 2026-12-09: 7');
    expect(mail.text).not.toContain('2026-11-12');
    expect(all(mail)).not.toContain('Anna');
    // Anna's December: the mark of 1 December, and her open absence notice over December's school days.
    const [anna] = await decemberOf(s.child1);
    await rig.settled(anna.id);
    const toFather = await rig.smtp.waitFor((m) => m.to.includes(email(s.father)) && !!m.subject?.includes('decembris'));
    expect(toFather.text).toContain('Matemātika, 2026-12-01: 10');
    expect(toFather.text).not.toContain('2026-11-');
  });

  it('the deputy head gets one weekly summary on Monday of lessons past their topic deadline and tests past their marking deadline, of their institution only', async () => {
    clock.set('2027-01-05T08:00:00Z'); // Tuesday 10:00 Riga
    const record = async (who: Person, group: string, body: Record<string, unknown>) =>
      rig.t.http.post(`/groups/${group}/lessons`).set(await as(who)).send(body).expect(201);
    await record(s.teacherA, s.groupA, { date: '2027-01-05', subject: 'Literatūra' }); // no topic
    await record(s.teacherA, s.groupA, { date: '2027-01-05', subject: 'Ķīmija', topic: 'Skābes', isTest: true }); // marks due Tuesday 12th
    await record(s.teacherB, s.groupB, { date: '2026-12-30', subject: 'Bioloģija', topic: 'Šūna', isTest: true }); // due Friday 8th (31 Dec, 1 Jan holidays)
    await record(s.otherTeacher, s.otherGroup, { date: '2027-01-05', subject: 'Svešvaloda' }); // the other institution
    const builders = [
      rig.t.app.get(OverdueSummaryBuilder),
      new OverdueSummaryBuilder(rig.t.app.get(EntityManager), clock, rig.t.app.get(CalendarService), rig.t.app.get(PreferencesReader), rig.t.app.get(AppConfig)),
    ];
    const week = (w: string) => rig.em().find(OverdueSummary, { institutionId: { $in: [s.inst, s.other] }, week: w });

    clock.set('2027-01-11T05:59:00Z'); // Monday 07:59 Riga
    expect(await Promise.all(builders.map((b) => b.buildDue()))).toEqual([0, 0]);
    clock.set('2027-01-11T06:00:31Z');
    await Promise.all([...builders.map((b) => b.buildDue()), rig.sweep(), builders[1].buildDue()]);
    const [summary, ...more] = await week('2027-01-11');
    expect(more).toHaveLength(0); // the other institution has no deputy head
    expect(summary.institutionId).toBe(s.inst);
    const deliveries = await rig.settled(summary.id);
    expect(deliveries.map((d) => [d.userId, d.channel, d.category, d.status])).toEqual([[s.deputy.id, 'email', 'journal', 'sent']]);
    const mail = await rig.smtp.waitFor((m) => m.to.includes(email(s.deputy)) && !!m.text?.includes('Week of 2027-01-11'));
    expect(mail.subject).toContain('(2 entries)');
    expect(mail.text).toMatch(/2026-12-30 1\.b: Bioloģija, Skolotājs Person\d+ – test not marked \(1 student without a mark\)/);
    expect(mail.text).toMatch(/2027-01-05 1\.a: Literatūra, Skolotāja Person\d+ – no topic/);
    for (const other of ['Ķīmija', 'Svešvaloda', 'Svešā', 'Anna', 'Līga']) expect(all(mail)).not.toContain(other);

    expect(await Promise.all(builders.map((b) => b.buildDue()))).toEqual([0, 0]);
    clock.set('2027-01-12T06:00:31Z');
    expect(await Promise.all(builders.map((b) => b.buildDue()))).toEqual([0, 0]);
    await rig.sweep();
    expect(mailsTo(s.deputy, 'weekly summary').filter((m) => m.text?.includes('Week of 2027-01-11'))).toHaveLength(1);
    expect(rig.smtp.received.filter((m) => m.to.includes(email(s.head)))).toHaveLength(0);
  });
}
