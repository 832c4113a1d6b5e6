import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { GroupMeals, StudentDiet } from '@app/attendance/entities';
import { PasswordService } from '@app/auth/passwords/password.service';
import { normalizeMobile } from '@app/directory/contacts';
import {
  Enrolment,
  Group,
  Guardianship,
  Institution,
  InstitutionClosure,
  RoleAssignment,
  StaffAssignment,
  User,
} from '@app/directory/entities';
import { loadConfig } from '@app/platform/config/load-config';
import { Lesson, Mark } from '@app/gradebook/entities';
import { Message, MessageRecipient } from '@app/post';
import { ormOptions } from '@app/persistence/orm-config';
import { SURNAMES, demoPassword, schoolYearOf, seedDemoData, type DemoAccount } from './demo-data';

/** Bērziņš and Bērziņa are one family name. */
const surnameKey = (name: string) => {
  const pair = [...SURNAMES.lv, ...SURNAMES.ru].find((p) => p.includes(name));
  if (!pair) throw new Error(`unknown surname ${name}`);
  return pair[0];
};

jest.setTimeout(60_000);

const TODAY = '2026-10-15';
const NOW = new Date('2026-10-15T06:00:00.000Z');
const ENTITY_TYPES = [Institution, InstitutionClosure, Group, User, RoleAssignment, Enrolment, Guardianship, StaffAssignment];

async function openOrm(dataDir: string): Promise<MikroORM> {
  const orm = await MikroORM.init({ ...ormOptions(loadConfig({ DATABASE_URL: 'sqlite::memory:', DATA_DIR: dataDir })) });
  await orm.getMigrator().up();
  return orm;
}

async function countAll(orm: MikroORM): Promise<number[]> {
  const em = orm.em.fork();
  return Promise.all(ENTITY_TYPES.map((e) => em.count(e as typeof User, {})));
}

describe('seedDemoData', () => {
  const passwords = new PasswordService();
  let dataDir: string;
  let orm: MikroORM;
  let accounts: DemoAccount[];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'demo-data-'));
    orm = await openOrm(dataDir);
    const started = performance.now();
    const result = await seedDemoData(orm.em.fork(), { passwords, today: TODAY, now: NOW });
    const ms = performance.now() - started;
    expect(result).not.toBeNull();
    accounts = result!;
    const counts = await countAll(orm);
    console.log(
      `seedDemoData: ${ms.toFixed(0)} ms; ` + ENTITY_TYPES.map((e, i) => `${e.name}=${counts[i]}`).join(', '),
    );
  });

  afterAll(async () => {
    await orm?.close(true);
    rmSync(dataDir, { recursive: true, force: true });
  });

  const institutions = async () => {
    const list = await orm.em.fork().find(Institution, {}, { orderBy: { name: 'asc' } });
    const byKind = Object.fromEntries(list.map((i) => [i.kind, i])) as Record<Institution['kind'], Institution>;
    return byKind;
  };

  it('serves the pre-school three meals and the gymnasium lunch; some children eat a diet', async () => {
    const em = orm.em.fork();
    const { preschool, school, interest } = await institutions();
    const plans = await em.find(GroupMeals, {}, { populate: ['group'] });
    const of = (i: Institution) => plans.filter((m) => m.group.institution.id === i.id);
    expect(of(preschool)).toHaveLength(4);
    expect(of(preschool).every((m) => m.breakfast && m.lunch && m.snack)).toBe(true);
    expect(of(school)).toHaveLength(6);
    expect(of(school).every((m) => !m.breakfast && m.lunch && !m.snack)).toBe(true);
    expect(of(interest)).toHaveLength(0);
    const diets = await em.find(StudentDiet, {});
    expect(new Set(diets.map((d) => d.diet))).toEqual(new Set(['vegetarian', 'lactose_free', 'gluten_free', 'other']));
    expect(diets.filter((d) => d.diet === 'other').every((d) => d.note)).toBe(true);
  });

  it('creates the three institutions and their groups for the current school year', async () => {
    const em = orm.em.fork();
    const { preschool, school, interest } = await institutions();
    expect(preschool.name).toBe('Daugavpils 12. pirmsskolas izglītības iestāde');
    expect(school.name).toBe('Daugavpils Valsts ģimnāzija');
    expect(interest.name).toBe('Ventspils Jaunrades nams');

    const groups = await em.find(Group, {}, { orderBy: { createdAt: 'asc', name: 'asc' } });
    const of = (i: Institution) => groups.filter((g) => g.institution.id === i.id);
    expect(of(preschool).map((g) => g.name).sort()).toEqual(['Lācītis', 'Saulīte', 'Taurenītis', 'Zvaniņš']);
    expect(of(school).map((g) => g.name).sort()).toEqual(['10.a', '11.a', '12.a', '7.a', '8.a', '9.a']);
    expect(of(interest)).toHaveLength(5);
    expect(of(preschool).every((g) => g.kind === 'preschool_group')).toBe(true);
    expect(of(school).every((g) => g.kind === 'class')).toBe(true);
    expect(of(interest).every((g) => g.kind === 'programme')).toBe(true);
    expect(new Set(groups.map((g) => g.schoolYear))).toEqual(new Set(['2026/2027']));

    const enrolments = await em.find(Enrolment, {}, { populate: ['group'] });
    expect(new Set(enrolments.map((e) => e.fromDate))).toEqual(new Set(['2026-09-01']));
    expect(enrolments.every((e) => e.toDate == null)).toBe(true);
    const studentsIn = (i: Institution) => new Set(enrolments.filter((e) => e.group.institution.id === i.id).map((e) => e.student.id)).size;
    expect(studentsIn(preschool)).toBeGreaterThanOrEqual(75);
    expect(studentsIn(preschool)).toBeLessThanOrEqual(85);
    expect(studentsIn(school)).toBeGreaterThanOrEqual(140);
    expect(studentsIn(school)).toBeLessThanOrEqual(160);
    expect(studentsIn(interest)).toBeGreaterThanOrEqual(55);
    expect(studentsIn(interest)).toBeLessThanOrEqual(65);
    const perGroup = new Map<string, number>();
    for (const e of enrolments) perGroup.set(e.group.name, (perGroup.get(e.group.name) ?? 0) + 1);
    console.log('students per group:', Object.fromEntries(perGroup));
  });

  it('staffs each institution as the seeds describe', async () => {
    const em = orm.em.fork();
    const { preschool, school, interest } = await institutions();
    const roles = await em.find(RoleAssignment, { role: { $ne: 'guardian' } });
    const count = (i: Institution, role: string) => roles.filter((r) => r.institution.id === i.id && r.role === role).length;
    for (const role of ['head', 'deputy_head', 'admin', 'nurse', 'kitchen', 'speech_therapist']) expect(count(preschool, role)).toBe(1);
    expect(count(preschool, 'teacher')).toBe(5);
    for (const role of ['head', 'deputy_head', 'admin', 'nurse']) expect(count(school, role)).toBe(1);
    expect(count(school, 'teacher')).toBe(10);
    for (const role of ['head', 'deputy_head', 'admin']) expect(count(interest, role)).toBe(1);
    expect(count(interest, 'teacher')).toBe(5);
    expect(count(interest, 'nurse') + count(interest, 'kitchen') + count(school, 'kitchen')).toBe(0);

    const assignments = await em.find(StaffAssignment, {}, { populate: ['group'] });
    const classTeachers = new Map<string, number>();
    for (const a of assignments.filter((x) => x.kind === 'class_teacher')) {
      classTeachers.set(a.group.id, (classTeachers.get(a.group.id) ?? 0) + 1);
    }
    const groups = await em.find(Group, {});
    expect(groups.every((g) => (classTeachers.get(g.id) ?? 0) >= 1)).toBe(true);
    expect(groups.filter((g) => classTeachers.get(g.id) === 2).map((g) => g.name)).toEqual(['Saulīte']);
    expect(assignments.filter((a) => a.kind === 'speech_therapist').map((a) => a.group.name).sort()).toEqual(['Lācītis', 'Zvaniņš']);
  });

  it('gives every student 1–2 active guardians whose surname one of them shares', async () => {
    const em = orm.em.fork();
    const students = await em.find(RoleAssignment, { role: 'student' }, { populate: ['user'] });
    const ships = await em.find(Guardianship, {}, { populate: ['guardian', 'student'] });
    const byStudent = new Map<string, Guardianship[]>();
    for (const g of ships) byStudent.set(g.student.id, [...(byStudent.get(g.student.id) ?? []), g]);
    const studentIds = new Set(students.map((s) => s.user.id));
    expect(studentIds.size).toBeGreaterThan(280);
    for (const id of studentIds) {
      const list = byStudent.get(id) ?? [];
      expect(list.length).toBeGreaterThanOrEqual(1);
      expect(list.length).toBeLessThanOrEqual(2);
      expect(list.every((g) => g.active)).toBe(true);
      const child = list[0].student;
      expect(list.map((g) => surnameKey(g.guardian.familyName))).toContain(surnameKey(child.familyName));
    }
    expect(new Set(ships.map((s) => s.relation))).toEqual(new Set(['mother', 'father', 'other']));
  });

  it('has guardians in two institutions, Russian-speaking families and unique E.164 mobiles', async () => {
    const em = orm.em.fork();
    const guardianRoles = await em.find(RoleAssignment, { role: 'guardian' });
    const institutionsOf = new Map<string, Set<string>>();
    for (const r of guardianRoles) {
      institutionsOf.set(r.user.id, (institutionsOf.get(r.user.id) ?? new Set()).add(r.institution.id));
    }
    const inTwo = [...institutionsOf.values()].filter((s) => s.size === 2).length;
    console.log(`guardians: ${institutionsOf.size}, in two institutions: ${inTwo}`);
    expect(inTwo).toBeGreaterThanOrEqual(8);
    expect(inTwo).toBeLessThanOrEqual(20);

    const guardians = await em.find(User, { id: { $in: [...institutionsOf.keys()] } });
    const ru = guardians.filter((g) => g.language === 'ru').length;
    expect(ru).toBeGreaterThan(80);
    expect(guardians.some((g) => /ovs$|ova$/.test(g.familyName))).toBe(true);
    expect(guardians.filter((g) => g.phone).length / guardians.length).toBeGreaterThan(0.85);
    expect(guardians.filter((g) => g.email).length).toBeGreaterThan(50);

    const users = await em.find(User, {});
    const phones = users.map((u) => u.phone).filter((p): p is string => !!p);
    expect(new Set(phones).size).toBe(phones.length);
    for (const p of phones) {
      expect(p).toMatch(/^\+3712\d{7}$/);
      expect(normalizeMobile(p)).toBe(p);
    }
    const usernames = users.map((u) => u.username);
    expect(new Set(usernames).size).toBe(usernames.length);
    expect(usernames.every((u) => /^[a-z0-9.]+$/.test(u))).toBe(true);
    expect(users.every((u) => u.createdAt.getTime() === NOW.getTime())).toBe(true);
  });

  it('returns one demo login per role per institution, with working strong passwords', async () => {
    const { preschool, school, interest } = await institutions();
    const table = accounts.map((a) => [a.institution, a.role, a.username, a.password].join(' | '));
    console.log(`demo accounts:\n${table.join('\n')}`);
    const roles = (i: Institution) => accounts.filter((a) => a.institutionId === i.id).map((a) => a.role);
    expect(roles(preschool)).toEqual(['head', 'deputy_head', 'admin', 'teacher', 'speech_therapist', 'nurse', 'kitchen', 'guardian']);
    expect(roles(school)).toEqual(['head', 'deputy_head', 'admin', 'teacher', 'nurse', 'guardian', 'student']);
    expect(roles(interest)).toEqual(['head', 'deputy_head', 'admin', 'teacher', 'guardian', 'student']);
    expect(accounts.find((a) => a.institutionId === preschool.id && a.role === 'speech_therapist')!.username).toBe(
      'demo.pii.speech.therapist',
    );

    const em = orm.em.fork();
    for (const a of accounts) {
      expect(a.password).toBe(demoPassword(a.username));
      const user = await em.findOneOrFail(User, { username: a.username }, { populate: ['passwordHash'] });
      expect(user.mustChangePassword).toBe(false);
      expect(await passwords.verify(user.passwordHash, a.password)).toBe(true);
      expect(() => passwords.assertStrong(a.password)).not.toThrow();
      expect(() => passwords.assertStrong(a.password, [user.username, user.givenName, user.familyName, user.email ?? ''])).not.toThrow();
      const held = await em.count(RoleAssignment, { user, institution: a.institutionId, role: a.role, active: true });
      expect(held).toBe(1);
      const groups = await em.find(Group, { id: { $in: a.groupIds } });
      expect(groups).toHaveLength(a.groupIds.length);
    }
    const groupsOf = async (username: string) => {
      const a = accounts.find((x) => x.username === username)!;
      const groups = await em.find(Group, { id: { $in: a.groupIds } });
      return groups.map((g) => g.name).sort();
    };
    expect(await groupsOf('demo.pii.teacher')).toEqual(['Zvaniņš']);
    expect(await groupsOf('demo.pii.speech.therapist')).toEqual(['Lācītis', 'Zvaniņš']);
    expect(await groupsOf('demo.pii.guardian')).toEqual(['9.a', 'Zvaniņš']); // children in two institutions
    expect(await groupsOf('demo.gym.teacher')).toEqual(['10.a', '9.a']);
    expect(await groupsOf('demo.gym.student')).toEqual(['9.a']);
    expect(await groupsOf('demo.jn.student')).toEqual(['Robotika']);
    expect(await groupsOf('demo.pii.head')).toEqual([]);

    // Nobody else can sign in until a password is issued.
    const withPassword = await em.find(User, { passwordHash: { $ne: null } }, { populate: ['passwordHash'] });
    expect(withPassword.map((u) => u.username).sort()).toEqual(accounts.map((a) => a.username).sort());
    expect(await em.count(User, { mustChangePassword: false })).toBe(accounts.length);
  });

  it('puts messages in the demo inboxes: one copy per guardian of the group, naming their children there', async () => {
    const em = orm.em.fork();
    const user = (username: string) => em.findOneOrFail(User, { username });
    const messages = await em.find(Message, {}, { populate: ['sender'], orderBy: { subject: 'asc' } });
    expect(messages.map((m) => [m.sender.username, m.subject, m.requiresAck])).toEqual([
      ['demo.jn.teacher', 'Robotikas nodarbība pārcelta', false],
      ['demo.pii.teacher', 'Rīt pastaiga uz Stropu ezeru', false],
      ['demo.gym.teacher', 'Vecāku sapulce ceturtdien 18:00', true],
    ]);
    for (const m of messages) {
      const [groupId] = m.audience.groups!.map((g) => g.groupId);
      const copies = await em.find(MessageRecipient, { message: m });
      expect(copies).toHaveLength(m.recipientCount);
      const enrolled = new Set((await em.find(Enrolment, { group: groupId })).map((e) => e.student.id));
      const links = await em.find(Guardianship, { student: { $in: [...enrolled] } });
      expect(new Set(copies.map((c) => c.user.id))).toEqual(new Set(links.map((l) => l.guardian.id)));
      for (const c of copies) {
        const own = links.filter((l) => l.guardian.id === c.user.id).map((l) => l.student.id);
        expect(c.studentIds.sort()).toEqual(own.sort());
        expect(c.deliveredAt).toEqual(NOW);
      }
    }
    // The pre-school demo guardian has children in Zvaniņš and 9.a, so both of those messages.
    const guardian = await user('demo.pii.guardian');
    expect(await em.count(MessageRecipient, { user: guardian })).toBe(2);
  });

  it('gives 9.a a Latvian lesson by the demo teacher on the last working day, with a 1–10 mark for each child', async () => {
    const em = orm.em.fork();
    const [lesson, ...more] = await em.find(Lesson, {}, { populate: ['teacher', 'group'] });
    expect(more).toHaveLength(0);
    expect([lesson.teacher.username, lesson.group.name, lesson.subject, lesson.date]).toEqual(['demo.gym.teacher', '9.a', 'Latviešu valoda', '2026-10-14']);
    const marks = await em.find(Mark, { lesson });
    const enrolled = (await em.find(Enrolment, { group: lesson.group })).map((e) => e.student.id);
    expect(marks.map((m) => m.student.id).sort()).toEqual(enrolled.sort());
    for (const m of marks) expect(Number(m.value)).toBeGreaterThanOrEqual(5);
  });

  it('returns null and writes nothing when the database is not empty', async () => {
    const before = await countAll(orm);
    const again = await seedDemoData(orm.em.fork(), { passwords, today: TODAY, now: NOW });
    expect(again).toBeNull();
    expect(await countAll(orm)).toEqual(before);
  });

  it('is deterministic: a second empty database gets the same people and logins', async () => {
    const otherDir = mkdtempSync(join(tmpdir(), 'demo-data-'));
    const other = await openOrm(otherDir);
    try {
      const second = await seedDemoData(other.em.fork(), { passwords, today: TODAY, now: NOW });
      const strip = (list: DemoAccount[]) => list.map(({ institution, role, username, password, groupIds }) => ({ institution, role, username, password, n: groupIds.length }));
      expect(strip(second!)).toEqual(strip(accounts));
      const people = async (o: MikroORM) =>
        (await o.em.fork().find(User, {}, { orderBy: { username: 'asc' } })).map((u) => [u.username, u.givenName, u.familyName, u.phone, u.email, u.language].join('|'));
      expect(await people(other)).toEqual(await people(orm));
    } finally {
      await other.close(true);
      rmSync(otherDir, { recursive: true, force: true });
    }
  });
});

describe('schoolYearOf', () => {
  it('runs September to August', () => {
    expect(schoolYearOf('2026-09-01')).toBe('2026/2027');
    expect(schoolYearOf('2027-08-31')).toBe('2026/2027');
    expect(schoolYearOf('2027-01-15')).toBe('2026/2027');
    expect(() => schoolYearOf('15.01.2027')).toThrow(RangeError);
  });
});
