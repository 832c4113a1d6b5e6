import { MikroORM } from '@mikro-orm/core';
import { OutboxMessage } from '../../libs/notifications/src/outbox/outbox-message.entity';
import { RoleAssignment, User } from '../../libs/directory/src/entities';
import { FixedClock } from '../../libs/platform/src/time/clock';
import { Fixtures, bearer, login, PASSWORD, type Person } from '../support/fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * A guardian with children in two institutions is one person. Whatever one institution does, it
 * cannot take that person over: not by registering their phone number again, not through the
 * person page, not by changing their contacts or resetting their password.
 */
describe('people shared by several institutions', () => {
  let t: TestApp;
  let f: Fixtures;
  let A: string;
  let B: string;
  let C: string;
  let adminA: string;
  let adminB: string;
  let adminC: string;
  let n = 0;
  const em = () => t.app.get(MikroORM).em.fork();
  const phone = () => `+3712${String(7_000_000 + Math.floor(Math.random() * 999_999)).padStart(7, '0')}`;

  beforeAll(async () => {
    t = await createTestApp({ clock: new FixedClock('2026-10-14T07:00:00Z') });
    f = new Fixtures(t.app);
    A = (await f.institution('preschool')).id;
    B = (await f.institution('school', `Skola B ${f.tag}`)).id;
    C = (await f.institution('interest', `Nams C ${f.tag}`)).id;
    adminA = await login(t.http, await f.person([{ institutionId: A, role: 'admin' }]));
    adminB = await login(t.http, await f.person([{ institutionId: B, role: 'admin' }]));
    adminC = await login(t.http, await f.person([{ institutionId: C, role: 'admin' }]));
  });
  afterAll(() => t.close());

  /** A guardian registered by A (with a child there) who has signed in and chosen a password. */
  async function guardianOfA(mobile = phone()): Promise<Person & { phone: string; childId: string }> {
    const child = await f.person([{ institutionId: A, role: 'student' }], { password: null });
    const g = await f.person([{ institutionId: A, role: 'guardian' }], { phone: mobile, givenName: `Inese${++n}` });
    await em().nativeUpdate(User, { id: g.id }, { email: `inese${n}.${f.tag}@example.lv` });
    await f.guard(g.id, child.id);
    return { ...g, phone: mobile, childId: child.id };
  }

  const register = (token: string, inst: string, body: Record<string, unknown>) =>
    t.http.post(`/institutions/${inst}/guardians`).set(bearer(token)).send({ givenName: 'Jauns', familyName: 'Vecāks', ...body });

  it('registering a known number links the person and reveals nothing the admin did not type', async () => {
    const g = await guardianOfA();
    const res = await register(adminB, B, { phone: g.phone }).expect(201);
    expect(res.body).toEqual({ id: g.id, existing: true, roles: [{ role: 'guardian', active: true }], personNotified: true });
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(g.username);
    expect(text).not.toContain('Inese');
    expect(text).not.toContain('@example.lv');
    // The person is told that B added them (through the notifications pipeline).
    const notices = await em().find(OutboxMessage, { kind: 'person-linked', payload: { userId: g.id } } as never);
    expect(notices.map((o) => o.payload)).toEqual([{ userId: g.id, institutionId: B, role: 'guardian' }]);
  });

  it('the person page in B shows only B’s part of the person, and no username', async () => {
    const g = await guardianOfA();
    const bChild = await f.person([{ institutionId: B, role: 'student' }], { password: null });
    await register(adminB, B, { phone: g.phone, children: [{ studentId: bChild.id, relation: 'mother' }] }).expect(201);
    const page = await t.http.get(`/institutions/${B}/people/${g.id}`).set(bearer(adminB)).expect(200);
    expect(page.body.username).toBeNull();
    expect(page.body.roles).toEqual([{ role: 'guardian', active: true }]);
    expect(page.body.children.map((c: { studentId: string }) => c.studentId)).toEqual([bChild.id]);
    const list = await t.http.get(`/institutions/${B}/people?role=guardian&q=Inese`).set(bearer(adminB)).expect(200);
    expect(list.body.items.find((p: { id: string }) => p.id === g.id).username).toBeNull();
    // Now that they belong to B as well, A sees only A's part too, and no username.
    const inA = await t.http.get(`/institutions/${A}/people/${g.id}`).set(bearer(adminA)).expect(200);
    expect(inA.body.username).toBeNull();
    expect(inA.body.children.map((c: { studentId: string }) => c.studentId)).toEqual([g.childId]);
  });

  it('B cannot change the shared person’s e-mail, clear their phone or rename them', async () => {
    const g = await guardianOfA();
    await register(adminB, B, { phone: g.phone }).expect(201);
    for (const change of [{ email: 'uzbrucejs@example.com' }, { phone: null }, { givenName: 'Cits' }, { language: 'en' }]) {
      const res = await t.http.patch(`/institutions/${B}/people/${g.id}`).set(bearer(adminB)).send(change);
      expect({ change, status: res.status, code: res.body.error?.code }).toEqual({ change, status: 409, code: 'PERSON_SHARED' });
    }
    const user = await em().findOneOrFail(User, g.id);
    expect({ phone: user.phone, email: user.email, givenName: user.givenName, language: user.language }).toEqual({
      phone: g.phone,
      email: expect.stringMatching(/^inese\d+\./),
      givenName: expect.stringMatching(/^Inese/),
      language: 'lv',
    });
  });

  it('B’s password reset goes to the person’s own phone by SMS, is never shown, and the old password stops working', async () => {
    const g = await guardianOfA();
    await register(adminB, B, { phone: g.phone }).expect(201);
    const res = await t.http.post(`/institutions/${B}/people/${g.id}/password-reset`).set(bearer(adminB)).expect(200);
    expect(res.body).toEqual({ delivery: 'sms' });
    const sms = await em().find(OutboxMessage, { kind: 'password-sms', payload: { userId: g.id } } as never);
    expect(sms.map((o) => (o.payload as { reason: string }).reason)).toEqual(['reset']);
    await t.http.post('/auth/login').send({ username: g.username, password: PASSWORD }).expect(401);
  });

  it('a shared person without a phone cannot be reset by one institution (409 RESET_NEEDS_PHONE)', async () => {
    const shared = await f.person([{ institutionId: A, role: 'teacher' }, { institutionId: B, role: 'teacher' }]);
    const res = await t.http.post(`/institutions/${B}/people/${shared.id}/password-reset`).set(bearer(adminB));
    expect({ status: res.status, code: res.body.error?.code }).toEqual({ status: 409, code: 'RESET_NEEDS_PHONE' });
    expect(JSON.stringify(res.body)).not.toMatch(/temporaryPassword/);
    await t.http.post('/auth/login').send({ username: shared.username, password: PASSWORD }).expect(200);
  });

  it('a person only here is still reset as before (shown once to the admin for staff)', async () => {
    const teacher = await f.person([{ institutionId: B, role: 'teacher' }]);
    const res = await t.http.post(`/institutions/${B}/people/${teacher.id}/password-reset`).set(bearer(adminB)).expect(200);
    expect(res.body).toMatchObject({ delivery: 'shown', temporaryPassword: expect.any(String) });
  });

  it('an institution ends only its own roles; attaching never reopens roles another institution ended', async () => {
    const g = await guardianOfA();
    await register(adminC, C, { phone: g.phone }).expect(201);
    await t.http.post(`/institutions/${C}/people/${g.id}/deactivate`).set(bearer(adminC)).send({}).expect(200);
    await t.http.post(`/institutions/${A}/people/${g.id}/deactivate`).set(bearer(adminA)).send({}).expect(200);
    expect((await em().findOneOrFail(User, g.id)).active).toBe(false); // no active role anywhere: closed
    await register(adminB, B, { phone: g.phone }).expect(201);
    const roles = await em().find(RoleAssignment, { user: g.id }, { populate: ['institution'] });
    const state = Object.fromEntries(roles.map((r) => [r.institution.id, r.active]));
    expect(state).toEqual({ [A]: false, [B]: true, [C]: false });
    expect((await em().findOneOrFail(User, g.id)).active).toBe(true); // open again: B's role is active
  });

  it('an admin of B cannot resolve a number to a person of A by registering it: B never learns who it was', async () => {
    const g = await guardianOfA();
    const res = await register(adminB, B, { phone: g.phone, givenName: 'Kāds', familyName: 'Cits' }).expect(201);
    expect(Object.keys(res.body).sort()).toEqual(['existing', 'id', 'personNotified', 'roles']);
  });

  it('two concurrent registrations of one number create one person and one password SMS', async () => {
    const mobile = phone();
    const results = await Promise.all([
      register(adminA, A, { phone: mobile, givenName: 'Pirmais' }),
      register(adminB, B, { phone: mobile, givenName: 'Otrais' }),
      register(adminA, A, { phone: mobile, givenName: 'Trešais' }),
    ]);
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    const users = await em().find(User, { phone: mobile });
    expect(users).toHaveLength(1);
    expect(new Set(results.map((r) => r.body.id))).toEqual(new Set([users[0].id]));
    expect(await em().count(OutboxMessage, { kind: 'password-sms', payload: { userId: users[0].id } } as never)).toBe(1);
  });

  it('a staff member cannot be created with another person’s number (409 PHONE_IN_USE, nothing created)', async () => {
    const g = await guardianOfA();
    const familyName = `Kalns${f.tag.replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}`; // names are letters only
    const res = await t.http.post(`/institutions/${B}/staff`).set(bearer(adminB)).send({ givenName: 'Jānis', familyName, phone: g.phone, roles: ['teacher'] });
    expect({ status: res.status, code: res.body.error?.code }).toEqual({ status: 409, code: 'PHONE_IN_USE' });
    expect(await em().count(User, { familyName })).toBe(0);
  });
});
