import { MikroORM } from '@mikro-orm/core';
import { GroupMeals, StudentDiet, type Diet } from '../../libs/attendance/src/entities';
import { Enrolment } from '../../libs/directory/src/entities';
import { Fixtures, signInAt, type Person } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The kitchen's counts for a day: enrolled children minus absences known at the cut-offs, per group ×
 * meal × diet. Riga summer time in October: Wednesday 14 October 09:30 = 06:30Z; Thursday 08:50 = 05:50Z.
 */
describe('meal counts', () => {
  let t: TestApp;
  let f: Fixtures;
  let as: ReturnType<typeof signInAt>;
  let inst: string;
  let groupA: string;
  let groupB: string;
  let kitchen: Person;
  let nurse: Person;
  let guardian: Person;
  let otherKitchen: Person;
  const kids: Record<'a1' | 'a2' | 'a3' | 'b1' | 'b2' | 'mover' | 'leaver', Person> = {} as never;
  const em = () => t.app.get(MikroORM).em.fork();

  const counts = async (date: string, status = 200, who: Person = kitchen) => {
    const res = await t.http.get('/meals/counts').query({ institutionId: inst, date }).set(await as(who));
    expect([res.status, res.body.error]).toEqual([status, status === 200 ? undefined : expect.anything()]);
    return res;
  };
  const report = async (child: Person, from: string, to: string | null) =>
    t.http.post('/absences').set(await as(guardian)).send({ studentId: child.id, from, to, reason: 'illness' }).expect(201);
  const totalsOf = (body: { groups: { groupId: string; meals: Record<string, { total: number }> }[] }, groupId: string, meal: string) =>
    body.groups.find((g) => g.groupId === groupId)?.meals[meal]?.total;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Fixtures(t.app);
    as = signInAt(t.http, t.clock);
    inst = (await f.institution('preschool')).id;
    const other = (await f.institution('preschool', `Cita PII ${f.tag}`)).id;
    groupA = (await f.group(inst, 'Saulīte')).id;
    groupB = (await f.group(inst, 'Zvaniņš')).id;
    const groupNone = (await f.group(inst, 'Bez ēdināšanas')).id;
    kitchen = await f.person([{ institutionId: inst, role: 'kitchen' }]);
    nurse = await f.person([{ institutionId: inst, role: 'nurse' }]);
    guardian = await f.person([{ institutionId: inst, role: 'guardian' }]);
    otherKitchen = await f.person([{ institutionId: other, role: 'kitchen' }]);
    for (const k of Object.keys({ a1: 0, a2: 0, a3: 0, b1: 0, b2: 0, mover: 0, leaver: 0 }) as (keyof typeof kids)[]) {
      kids[k] = await f.person([{ institutionId: inst, role: 'student' }], { password: null });
      await f.guard(guardian.id, kids[k].id);
    }
    const e = em();
    e.create(GroupMeals, { group: groupA, breakfast: true, lunch: true, snack: true });
    e.create(GroupMeals, { group: groupB, lunch: true });
    const enrol = (child: Person, group: string, fromDate: string, toDate: string | null = null) => e.create(Enrolment, { student: child.id, group, fromDate, toDate });
    for (const k of [kids.a1, kids.a2, kids.a3]) enrol(k, groupA, '2026-09-01');
    for (const k of [kids.b1, kids.b2]) enrol(k, groupB, '2026-09-01');
    enrol(kids.mover, groupA, '2026-09-01', '2026-10-15');
    enrol(kids.mover, groupB, '2026-10-16');
    enrol(kids.leaver, groupA, '2026-09-01', '2026-10-16');
    const extra = await f.person([{ institutionId: inst, role: 'student' }], { password: null });
    enrol(extra, groupNone, '2026-09-01');
    const diet = (child: Person, d: Diet) => e.create(StudentDiet, { student: child.id, diet: d, note: d === 'other' ? 'bez riekstiem' : null });
    diet(kids.a2, 'vegetarian');
    diet(kids.b1, 'gluten_free');
    await e.flush();
  });
  afterAll(() => t.close());

  it('counts per group × meal × diet with totals, and names nobody', async () => {
    t.clock.set('2026-10-14T07:00:00Z');
    const res = await counts('2026-10-15');
    expect(res.body).toMatchObject({ institutionId: inst, date: '2026-10-15', version: expect.any(Number), mealDay: true, final: false });
    const zero = { standard: 0, vegetarian: 0, lactose_free: 0, gluten_free: 0, other: 0 };
    const a = { ...zero, standard: 4, vegetarian: 1, total: 5 }; // a1, a3, mover, leaver + a2
    expect(res.body.groups).toEqual([
      { groupId: groupA, name: 'Saulīte', meals: { breakfast: a, lunch: a, snack: a } },
      { groupId: groupB, name: 'Zvaniņš', meals: { lunch: { ...zero, standard: 1, gluten_free: 1, total: 2 } } },
    ]);
    expect(res.body.totals).toEqual({ breakfast: a, lunch: { ...zero, standard: 5, vegetarian: 1, gluten_free: 1, total: 7 }, snack: a });
    const text = JSON.stringify(res.body);
    for (const k of Object.values(kids)) expect(text).not.toContain(k.id);

    // the same numbers twice are the same version; the nurse reads them too
    expect((await counts('2026-10-15', 200, nurse)).body.version).toBe(res.body.version);
    expect((await counts('2026-10-15', 403, guardian)).body.error.code).toBe('FORBIDDEN');
    expect((await counts('2026-10-15', 403, otherKitchen)).body.error.code).toBe('FORBIDDEN');
    expect((await counts('2026-02-30', 400)).body.error.code).toBe('INVALID_DATE');
  });

  it('reads absences at the cut-offs: 09:29 the day before is in the order, 09:31 only in the morning correction, 08:51 not at all', async () => {
    t.clock.set('2026-10-14T06:29:00Z');
    await report(kids.a1, '2026-10-15', '2026-10-15');
    t.clock.set('2026-10-14T06:31:00Z');
    await report(kids.a3, '2026-10-15', '2026-10-15');

    t.clock.set('2026-10-14T06:30:00Z'); // what the kitchen's order at 09:30 saw
    const ordered = (await counts('2026-10-15')).body;
    expect(totalsOf(ordered, groupA, 'lunch')).toBe(4);
    expect(ordered.cutoffs).toEqual({ order: '2026-10-14T06:30:00.000Z', sameDay: '2026-10-15T05:50:00.000Z' });

    t.clock.set('2026-10-14T07:00:00Z');
    const corrected = (await counts('2026-10-15')).body;
    expect(totalsOf(corrected, groupA, 'lunch')).toBe(3);
    expect(corrected.version).not.toBe(ordered.version);

    t.clock.set('2026-10-15T05:51:00Z'); // Thursday 08:51: too late for Thursday
    await report(kids.a2, '2026-10-15', '2026-10-15');
    const final = (await counts('2026-10-15')).body;
    expect(final.final).toBe(true);
    expect(final.groups[0].meals.lunch).toMatchObject({ vegetarian: 1, total: 3 });
  });

  it('a return reported after the order cut-off does not bring the meal back that day, but the next', async () => {
    t.clock.set('2026-10-09T05:00:00Z');
    const open = await report(kids.b2, '2026-10-12', null);
    t.clock.set('2026-10-14T06:31:00Z'); // Wednesday 09:31: back on Thursday
    await t.http.patch(`/absences/${open.body.id}`).set(await as(guardian)).send({ to: '2026-10-14' }).expect(200);
    t.clock.set('2026-10-14T08:00:00Z');
    expect(totalsOf((await counts('2026-10-15')).body, groupB, 'lunch')).toBe(1); // b1 only
    // Friday: b1, b2 back, and the child who moved from Saulīte
    expect(totalsOf((await counts('2026-10-16')).body, groupB, 'lunch')).toBe(3);
  });

  it('follows enrolments: a child moving between groups, an enrolment ending inside a notice; Friday → Monday', async () => {
    t.clock.set('2026-10-14T08:00:00Z');
    await report(kids.leaver, '2026-10-15', '2026-10-20');
    const thursday = (await counts('2026-10-15')).body;
    expect(totalsOf(thursday, groupA, 'lunch')).toBe(2); // a2 (too late), mover; a1, a3, leaver absent
    const friday = (await counts('2026-10-16')).body;
    expect(totalsOf(friday, groupA, 'lunch')).toBe(3); // a1, a2, a3; leaver absent, mover in Zvaniņš
    const monday = (await counts('2026-10-19')).body;
    expect(totalsOf(monday, groupA, 'lunch')).toBe(3); // the leaver's enrolment ended on Friday
    expect(totalsOf(monday, groupB, 'lunch')).toBe(3);
    expect(monday.cutoffs).toEqual({ order: '2026-10-16T06:30:00.000Z', sameDay: '2026-10-19T05:50:00.000Z' });
  });

  it('without a date: today by the school’s clock; every answer names the next meal day (over weekends and holidays)', async () => {
    t.clock.set('2026-10-16T20:30:00Z'); // Friday 23:30 in Riga, already Saturday in UTC+4
    const res = await t.http.get('/meals/counts').query({ institutionId: inst }).set(await as(kitchen)).expect(200);
    expect(res.body).toMatchObject({ date: '2026-10-16', mealDay: true, nextMealDay: '2026-10-19' });
    expect(res.body.version).toBe((await counts('2026-10-16')).body.version);
    expect((await counts('2026-10-17')).body).toMatchObject({ mealDay: false, nextMealDay: '2026-10-19' });
    expect((await counts('2026-11-17')).body.nextMealDay).toBe('2026-11-19'); // 18 November
    const refused = await t.http.get('/meals/counts').query({ institutionId: inst }).set(await as(guardian)).expect(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
  });

  it('nothing is ordered on a weekend or a public holiday', async () => {
    t.clock.set('2026-10-14T08:00:00Z');
    for (const date of ['2026-10-17', '2026-11-18']) {
      const res = await counts(date);
      expect(res.body).toMatchObject({ date, mealDay: false, groups: [], totals: {}, cutoffs: null });
    }
  });
});
