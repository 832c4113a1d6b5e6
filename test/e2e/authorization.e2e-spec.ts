import { Role } from '../../libs/directory/src/entities';
import { Fixtures, Person, bearer, login } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * For each role, each directory endpoint: allowed, 403 or 404. Institution-scoped admin
 * endpoints say 403; objects the caller may not know about (another family's child, a group
 * they don't teach) say 404, so their existence is not revealed.
 */
describe('authorisation matrix', () => {
  let t: TestApp;
  let f: Fixtures;
  const tokens = new Map<string, string>();
  let A: string;
  let B: string;
  let groupId: string;
  let childId: string;
  let otherFamilyChildId: string;
  let n = 0;

  const roles: Role[] = ['head', 'deputy_head', 'admin', 'teacher', 'speech_therapist', 'nurse', 'kitchen', 'guardian', 'student'];
  const who = [...roles, 'adminOfB'] as const;
  type Who = (typeof who)[number];

  beforeAll(async () => {
    t = await createTestApp();
    f = new Fixtures(t.app);
    A = (await f.institution('preschool')).id;
    B = (await f.institution('school')).id;
    groupId = (await f.group(A)).id;
    const people = new Map<Who, Person>();
    for (const role of roles) people.set(role, await f.person([{ institutionId: A, role }]));
    people.set('adminOfB', await f.person([{ institutionId: B, role: 'admin' }]));
    const child = await f.person([{ institutionId: A, role: 'student' }], { password: null });
    const otherChild = await f.person([{ institutionId: A, role: 'student' }], { password: null });
    childId = child.id;
    otherFamilyChildId = otherChild.id;
    await f.enrol(childId, groupId);
    await f.enrol(otherFamilyChildId, groupId);
    await f.enrol(people.get('student')!.id, groupId);
    await f.guard(people.get('guardian')!.id, childId);
    await f.assign(people.get('teacher')!.id, groupId);
    for (const [k, p] of people) tokens.set(k, await login(t.http, p));
  });
  afterAll(() => t.close());

  const management = ['head', 'deputy_head', 'admin'];
  type Case = { name: string; call: (token: string) => Promise<{ status: number; body: any }>; allowed: string[]; otherwise: Record<string, number>; ok: number };

  const body = () => ({ givenName: 'Jānis', familyName: 'Ozols' });
  const cases: Case[] = [
    { name: 'GET /institutions/:id/people', call: (tk) => t.http.get(`/institutions/${A}/people`).set(bearer(tk)), allowed: management, otherwise: {}, ok: 200 },
    { name: 'POST /institutions/:id/staff', call: (tk) => t.http.post(`/institutions/${A}/staff`).set(bearer(tk)).send({ ...body(), roles: ['teacher'] }), allowed: management, otherwise: {}, ok: 201 },
    { name: 'POST /institutions/:id/students', call: (tk) => t.http.post(`/institutions/${A}/students`).set(bearer(tk)).send(body()), allowed: management, otherwise: {}, ok: 201 },
    { name: 'POST /institutions/:id/guardians', call: (tk) => t.http.post(`/institutions/${A}/guardians`).set(bearer(tk)).send(body()), allowed: management, otherwise: {}, ok: 201 },
    { name: 'POST /institutions/:id/groups', call: (tk) => t.http.post(`/institutions/${A}/groups`).set(bearer(tk)).send({ name: `G${++n}`, kind: 'preschool_group', schoolYear: '2026/2027' }), allowed: management, otherwise: {}, ok: 201 },
    { name: 'GET /institutions/:id/audit', call: (tk) => t.http.get(`/institutions/${A}/audit`).set(bearer(tk)), allowed: management, otherwise: {}, ok: 200 },
    { name: 'PATCH /institutions/:id/settings', call: (tk) => t.http.patch(`/institutions/${A}/settings`).set(bearer(tk)).send({ absenceCutoffSameDay: '08:50' }), allowed: management, otherwise: {}, ok: 200 },
    { name: 'GET /institutions/:id/groups', call: (tk) => t.http.get(`/institutions/${A}/groups`).set(bearer(tk)), allowed: [...management, 'nurse', 'teacher', 'speech_therapist'], otherwise: {}, ok: 200 },
    {
      name: 'GET /groups/:id/students (roster with guardian contacts)',
      call: (tk) => t.http.get(`/groups/${groupId}/students`).set(bearer(tk)),
      allowed: [...management, 'nurse', 'teacher'],
      otherwise: { speech_therapist: 404, guardian: 404, student: 404, adminOfB: 404 },
      ok: 200,
    },
    {
      name: 'GET /students/:id (own child)',
      call: (tk) => t.http.get(`/students/${childId}`).set(bearer(tk)),
      allowed: [...management, 'nurse', 'teacher', 'guardian'],
      otherwise: { speech_therapist: 404, student: 404, adminOfB: 404 },
      ok: 200,
    },
    {
      name: "GET /students/:id (another family's child)",
      call: (tk) => t.http.get(`/students/${otherFamilyChildId}`).set(bearer(tk)),
      allowed: [...management, 'nurse', 'teacher'],
      otherwise: { speech_therapist: 404, guardian: 404, student: 404, adminOfB: 404 },
      ok: 200,
    },
  ];

  for (const c of cases) {
    describe(c.name, () => {
      for (const w of who) {
        const expected = c.allowed.includes(w) ? c.ok : (c.otherwise[w] ?? 403);
        it(`${w} → ${expected}`, async () => {
          const res = await c.call(tokens.get(w)!);
          expect({ status: res.status, code: res.body?.error?.code }).toMatchObject({ status: expected });
          if (expected === 404) expect(res.body.error.code).toMatch(/_NOT_FOUND$/);
          if (expected === 403) expect(res.body.error.code).toMatch(/^(NOT_MANAGEMENT|FORBIDDEN)$/);
        });
      }
    });
  }

  it("a guardian never sees other guardians' contacts, even of their own child", async () => {
    const adminToken = tokens.get('admin')!;
    const second = await t.http
      .post(`/institutions/${A}/guardians`)
      .set(bearer(adminToken))
      .send({ givenName: 'Olga', familyName: 'Petrova', phone: '+37129900001', email: 'olga@example.com', children: [{ studentId: childId, relation: 'mother' }] })
      .expect(201);
    const res = await t.http.get(`/students/${childId}`).set(bearer(tokens.get('guardian')!)).expect(200);
    const olga = res.body.guardians.find((g: { id: string }) => g.id === second.body.id);
    expect(olga).toEqual({ id: second.body.id, displayName: 'Olga Petrova', relation: 'mother' });
    expect(JSON.stringify(res.body)).not.toContain('29900001');
    expect(JSON.stringify(res.body)).not.toContain('olga@example.com');
  });

  it('/me lists a guardian’s own children only', async () => {
    const res = await t.http.get('/me').set(bearer(tokens.get('guardian')!)).expect(200);
    expect(res.body.children.map((c: { id: string }) => c.id)).toEqual([childId]);
    expect(res.body.children[0]).toMatchObject({ institutionId: A, groupId });
  });

  it('cross-institution: an admin of B cannot manage people of A by id', async () => {
    const res = await t.http.get(`/institutions/${A}/people/${childId}`).set(bearer(tokens.get('adminOfB')!));
    expect(res.status).toBe(403);
    const viaB = await t.http.get(`/institutions/${B}/people/${childId}`).set(bearer(tokens.get('adminOfB')!));
    expect(viaB.status).toBe(404);
    expect(viaB.body.error.code).toBe('PERSON_NOT_FOUND');
    const deactivate = await t.http.post(`/institutions/${B}/people/${childId}/deactivate`).set(bearer(tokens.get('adminOfB')!)).send({});
    expect(deactivate.status).toBe(404);
  });
});
