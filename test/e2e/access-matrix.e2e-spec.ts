import type { Socket } from 'socket.io-client';
import { FixedClock } from '../../libs/platform/src/time/clock';
import { Fixtures, bearer, login, type Person } from '../support/fixtures';
import { connectSocket, emitWithAck } from '../support/sockets';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The access policy as a matrix: every role × endpoint and socket event × own / other family /
 * other group / other institution / ended role. Each cell is the status (or socket error code) the
 * caller must get. 404 for objects the caller may not know exist, 403 for institution-scoped
 * actions a member's role may not take.
 *
 * `endedGuardian` guarded `ownChild` in A until A ended their guardian role; they are still a
 * guardian in B (their account stays open), so only the policy, not a closed account, stops them.
 */
describe('access matrix', () => {
  let t: TestApp;
  const who = [
    'head', 'deputy_head', 'admin', 'teacher', 'speech_therapist', 'nurse', 'kitchen', 'guardian', 'student', 'endedGuardian', 'adminOfB',
  ] as const;
  type Who = (typeof who)[number];
  const tokens = {} as Record<Who, string>;
  const people = {} as Record<Who, Person>;
  const sockets = {} as Record<Who, Socket>;
  let A: string;
  let B: string;
  const groups = {} as Record<'own' | 'otherGroup' | 'otherInst', string>;
  const children = {} as Record<'own' | 'otherFamily' | 'otherGroup' | 'otherInst', string>;
  let earlier: string; // sent by A's teacher to group own's guardians while endedGuardian was one
  let lesson: string; // group own's, taught by A's teacher

  beforeAll(async () => {
    t = await createTestApp({ clock: new FixedClock('2026-10-14T07:00:00Z') });
    const f = new Fixtures(t.app);
    A = (await f.institution('school')).id;
    B = (await f.institution('school', `Otra ${f.tag}`)).id;
    groups.own = (await f.group(A, '1.a')).id;
    groups.otherGroup = (await f.group(A, '1.b')).id;
    groups.otherInst = (await f.group(B, '2.a')).id;
    for (const role of ['head', 'deputy_head', 'admin', 'teacher', 'speech_therapist', 'nurse', 'kitchen', 'guardian', 'student'] as const) {
      people[role] = await f.person([{ institutionId: A, role }]);
    }
    people.endedGuardian = await f.person([{ institutionId: A, role: 'guardian' }, { institutionId: B, role: 'guardian' }]);
    people.adminOfB = await f.person([{ institutionId: B, role: 'admin' }]);
    const student = (inst: string) => f.person([{ institutionId: inst, role: 'student' }], { password: null });
    children.own = (await student(A)).id;
    children.otherFamily = (await student(A)).id;
    children.otherGroup = (await student(A)).id;
    children.otherInst = (await student(B)).id;
    await f.enrol(children.own, groups.own);
    await f.enrol(children.otherFamily, groups.own);
    await f.enrol(people.student.id, groups.own);
    await f.enrol(children.otherGroup, groups.otherGroup);
    await f.enrol(children.otherInst, groups.otherInst);
    await f.guard(people.guardian.id, children.own);
    await f.guard(people.endedGuardian.id, children.own, 'father');
    await f.guard(people.endedGuardian.id, children.otherInst, 'father');
    await f.assign(people.teacher.id, groups.own);
    for (const w of who) tokens[w] = await login(t.http, people[w]);

    const sent = await t.http
      .post('/messages')
      .set(bearer(tokens.teacher))
      .send({ institutionId: A, subject: 'Ekskursija', body: 'Lūdzu apstipriniet.', to: { groups: [{ groupId: groups.own, audience: 'guardians' }] }, requiresAck: true })
      .expect(201);
    earlier = sent.body.id;
    lesson = (await t.http.post(`/groups/${groups.own}/lessons`).set(bearer(tokens.teacher)).send({ date: '2026-10-14', subject: 'Sports' }).expect(201)).body.id;
    // A ends the father's guardian role through its own admin, as a school would.
    await t.http.post(`/institutions/${A}/people/${people.endedGuardian.id}/deactivate`).set(bearer(tokens.admin)).send({}).expect(200);
    for (const w of who) sockets[w] = await connectSocket(t.url, tokens[w]);
  });
  afterAll(async () => {
    for (const s of Object.values(sockets)) s?.close();
    await t.close();
  });

  const management: Who[] = ['head', 'deputy_head', 'admin'];
  type Expect = Partial<Record<Who, number>> & { default: number };
  interface Row {
    name: string;
    call: (token: string, w: Who) => Promise<{ status: number; body: any }>;
    expect: Expect;
  }
  const wide = (status: number, extra: Partial<Record<Who, number>> = {}): Partial<Record<Who, number>> => ({
    head: status, deputy_head: status, admin: status, nurse: status, ...extra,
  });
  const managementOnly = (status: number): Partial<Record<Who, number>> => Object.fromEntries(management.map((m) => [m, status]));
  // Paths are functions: the ids exist only once beforeAll has run.
  const get = (url: () => string) => (tk: string) => t.http.get(url()).set(bearer(tk));

  const rows: Row[] = [
    // Students: own child, another family's child in the same group, a child of another group, of another institution.
    { name: 'GET /students/:own', call: get(() => `/students/${children.own}`), expect: { ...wide(200), teacher: 200, guardian: 200, kitchen: 403, default: 404 } },
    { name: 'GET /students/:otherFamily', call: get(() => `/students/${children.otherFamily}`), expect: { ...wide(200), teacher: 200, kitchen: 403, default: 404 } },
    { name: 'GET /students/:otherGroup', call: get(() => `/students/${children.otherGroup}`), expect: { ...wide(200), kitchen: 403, default: 404 } },
    { name: 'GET /students/:otherInst', call: get(() => `/students/${children.otherInst}`), expect: { adminOfB: 200, endedGuardian: 200, default: 404 } },
    // Rosters (students with their guardians' contacts).
    { name: 'GET /groups/:own/students', call: get(() => `/groups/${groups.own}/students`), expect: { ...wide(200), teacher: 200, kitchen: 403, default: 404 } },
    { name: 'GET /groups/:otherGroup/students', call: get(() => `/groups/${groups.otherGroup}/students`), expect: { ...wide(200), kitchen: 403, default: 404 } },
    { name: 'GET /groups/:otherInst/students', call: get(() => `/groups/${groups.otherInst}/students`), expect: { adminOfB: 200, default: 404 } },
    // A group's page: also for the families of its students, never for an ended role.
    { name: 'GET /groups/:own', call: get(() => `/groups/${groups.own}`), expect: { ...wide(200), teacher: 200, guardian: 200, student: 200, kitchen: 403, default: 404 } },
    // Institution-scoped.
    { name: 'GET /institutions/:A', call: get(() => `/institutions/${A}`), expect: { endedGuardian: 404, adminOfB: 404, default: 200 } },
    { name: 'GET /institutions/:A/people', call: get(() => `/institutions/${A}/people`), expect: { head: 200, deputy_head: 200, admin: 200, default: 403 } },
    { name: 'GET /institutions/:A/people/:ownChild', call: get(() => `/institutions/${A}/people/${children.own}`), expect: { head: 200, deputy_head: 200, admin: 200, default: 403 } },
    { name: 'GET /institutions/:B/people/:ownChild', call: get(() => `/institutions/${B}/people/${children.own}`), expect: { adminOfB: 404, default: 403 } },
    { name: 'GET /institutions/:A/audit', call: get(() => `/institutions/${A}/audit`), expect: { head: 200, deputy_head: 200, admin: 200, default: 403 } },
    { name: 'GET /institutions/:A/groups', call: get(() => `/institutions/${A}/groups`), expect: { ...wide(200), teacher: 200, speech_therapist: 200, default: 403 } },
    { name: 'GET /institutions/:A/enrolments', call: get(() => `/institutions/${A}/enrolments`), expect: { ...wide(200), default: 403 } },
    {
      name: 'PATCH /institutions/:A/settings',
      call: (tk) => t.http.patch(`/institutions/${A}/settings`).set(bearer(tk)).send({ absenceCutoffSameDay: '08:50' }),
      expect: { head: 200, deputy_head: 200, admin: 200, default: 403 },
    },
    { name: 'GET /moderation/queue?A', call: get(() => `/moderation/queue?institutionId=${A}`), expect: { head: 200, deputy_head: 200, admin: 200, default: 403 } },
    {
      name: 'GET /institutions/:A/deliveries of one person',
      call: get(() => `/institutions/${A}/deliveries?userId=${children.own}&category=password`),
      expect: { head: 200, deputy_head: 200, admin: 200, default: 403 },
    },
    // No operator institution is configured here: the queue dashboard is nobody's.
    { name: 'GET /admin/queues/session', call: get(() => '/admin/queues/session'), expect: { default: 403 } },
    // Absences: guardians report for their own children, staff who care for the child record them; the kitchen sees counts only.
    {
      name: 'POST /absences for own child',
      call: (tk) => t.http.post('/absences').set(bearer(tk)).send({ studentId: children.own, from: '2026-10-20', to: '2026-10-20', reason: 'family' }),
      expect: { ...wide(201), teacher: 201, guardian: 201, default: 404 },
    },
    { name: 'GET /absences?studentId=own', call: get(() => `/absences?studentId=${children.own}`), expect: { ...wide(200), teacher: 200, guardian: 200, kitchen: 403, default: 404 } },
    { name: 'GET /absences?studentId=otherInst', call: get(() => `/absences?studentId=${children.otherInst}`), expect: { adminOfB: 200, endedGuardian: 200, kitchen: 403, default: 404 } },
    { name: 'GET /absences?groupId=own', call: get(() => `/absences?groupId=${groups.own}&date=2026-10-20`), expect: { ...wide(200), teacher: 200, kitchen: 403, default: 404 } },
    { name: 'GET /meals/counts?A', call: get(() => `/meals/counts?institutionId=${A}&date=2026-10-20`), expect: { ...wide(200), teacher: 200, speech_therapist: 200, kitchen: 200, default: 403 } },
    {
      name: 'GET /meals/reports?A',
      call: get(() => `/meals/reports?institutionId=${A}&from=2026-10-19&to=2026-10-23`),
      expect: { ...wide(200), teacher: 200, speech_therapist: 200, kitchen: 200, default: 403 },
    },
    // The journal: marks are read by the student, their guardians, their teachers and management (not the nurse or the
    // kitchen); written by the group's teachers and management (a guardian who sees them is told 403).
    { name: 'GET /students/:own/marks', call: get(() => `/students/${children.own}/marks`), expect: { ...managementOnly(200), teacher: 200, guardian: 200, default: 404 } },
    { name: 'GET /students/:otherFamily/marks', call: get(() => `/students/${children.otherFamily}/marks`), expect: { ...managementOnly(200), teacher: 200, default: 404 } },
    { name: 'GET /students/:otherGroup/marks', call: get(() => `/students/${children.otherGroup}/marks`), expect: { ...managementOnly(200), default: 404 } },
    { name: 'GET /students/:otherInst/marks', call: get(() => `/students/${children.otherInst}/marks`), expect: { adminOfB: 200, endedGuardian: 200, default: 404 } },
    {
      name: 'POST /marks for own child',
      call: (tk) => t.http.post('/marks').set(bearer(tk)).send({ studentId: children.own, subject: 'Matemātika', date: '2026-10-14', scale: '1-10', value: '8' }),
      expect: { ...managementOnly(201), teacher: 201, guardian: 403, default: 404 },
    },
    {
      name: 'POST /groups/:own/lessons',
      call: (tk) => t.http.post(`/groups/${groups.own}/lessons`).set(bearer(tk)).send({ date: '2026-10-14', subject: 'Matemātika' }),
      expect: { ...managementOnly(201), teacher: 201, default: 404 },
    },
    // Attendance: recorded by the lesson's teachers and management; read by those who see the child (the nurse too, not the kitchen).
    {
      name: 'PUT /lessons/:own/attendance',
      call: (tk) => t.http.put(`/lessons/${lesson}/attendance`).set(bearer(tk)).send({ entries: [{ studentId: children.own, status: 'late' }] }),
      expect: { ...managementOnly(200), teacher: 200, default: 404 },
    },
    { name: 'GET /lessons/:own/attendance', call: get(() => `/lessons/${lesson}/attendance`), expect: { ...wide(200), teacher: 200, default: 404 } },
    { name: 'GET /students/:own/attendance', call: get(() => `/students/${children.own}/attendance`), expect: { ...wide(200), teacher: 200, guardian: 200, default: 404 } },
    { name: 'GET /students/:otherFamily/attendance', call: get(() => `/students/${children.otherFamily}/attendance`), expect: { ...wide(200), teacher: 200, default: 404 } },
    { name: 'GET /students/:otherInst/attendance', call: get(() => `/students/${children.otherInst}/attendance`), expect: { adminOfB: 200, endedGuardian: 200, default: 404 } },
    // The post: a message sent to group own's guardians before A ended the father's role.
    { name: 'GET /messages/:earlier', call: get(() => `/messages/${earlier}`), expect: { teacher: 200, guardian: 200, default: 404 } },
    { name: 'GET /messages/:earlier/receipts', call: get(() => `/messages/${earlier}/receipts`), expect: { teacher: 200, head: 200, deputy_head: 200, admin: 200, guardian: 403, default: 404 } },
    {
      name: 'POST /messages/:earlier/replies',
      call: (tk) => t.http.post(`/messages/${earlier}/replies`).set(bearer(tk)).send({ body: 'Paldies, saņemts.' }),
      expect: { teacher: 201, guardian: 201, default: 404 },
    },
    { name: 'POST /messages/:earlier/ack', call: (tk) => t.http.post(`/messages/${earlier}/ack`).set(bearer(tk)), expect: { guardian: 204, teacher: 409, default: 404 } },
    {
      name: 'POST /messages to group own’s guardians',
      call: (tk, w) =>
        t.http
          .post('/messages')
          .set(bearer(tk))
          .send({ institutionId: A, subject: `Ziņa no ${w}`, body: 'Sveiki!', to: { groups: [{ groupId: groups.own, audience: 'guardians' }] } }),
      expect: { head: 201, deputy_head: 201, admin: 201, teacher: 201, default: 403 },
    },
  ];

  for (const row of rows) {
    describe(row.name, () => {
      for (const w of who) {
        const expected = row.expect[w] ?? row.expect.default;
        it(`${w} → ${expected}`, async () => {
          const res = await row.call(tokens[w], w);
          expect({ status: res.status, code: res.body?.error?.code }).toMatchObject({ status: expected });
          if (expected === 404) expect(res.body.error.code).toMatch(/_NOT_FOUND$/);
          if (expected === 403) expect(res.body.error.code).toMatch(/^(NOT_MANAGEMENT|FORBIDDEN|NOT_IN_INSTITUTION|RECIPIENT_NOT_ALLOWED|RECEIPTS_NOT_ALLOWED|NOT_MODERATOR|NO_PERSONAL_DATA|MARK_NOT_ALLOWED|NOT_QUEUE_OPERATOR)$/);
        });
      }
    });
  }

  // Socket events ask the same policy as HTTP. `message:read` is harmless to repeat, so every role can try it.
  describe('socket message:read on the earlier message', () => {
    for (const w of who) {
      const allowed = w === 'guardian' || w === 'teacher';
      it(`${w} → ${allowed ? 'ok' : 'MESSAGE_NOT_FOUND'}`, async () => {
        const answer = await emitWithAck(sockets[w], 'message:read', { messageId: earlier });
        expect(answer).toEqual(allowed ? { ok: true } : { error: expect.objectContaining({ code: 'MESSAGE_NOT_FOUND' }) });
      });
    }
  });

  describe('a guardian whose role ended', () => {
    it('gets no new message from the institution and does not see its children on /me', async () => {
      const sent = await t.http
        .post('/messages')
        .set(bearer(tokens.teacher))
        .send({ institutionId: A, subject: 'Pēc lomas beigām', body: 'Rīt nāciet agrāk.', to: { groups: [{ groupId: groups.own, audience: 'guardians' }] } })
        .expect(201);
      const receipts = await t.http.get(`/messages/${sent.body.id}/receipts`).set(bearer(tokens.teacher)).expect(200);
      const recipients = receipts.body.recipients.map((r: { userId: string }) => r.userId);
      expect(recipients).toContain(people.guardian.id);
      expect(recipients).not.toContain(people.endedGuardian.id);
      const inbox = await t.http.get('/messages/inbox').set(bearer(tokens.endedGuardian)).expect(200);
      expect(inbox.body.items.map((m: { id: string }) => m.id)).not.toContain(sent.body.id);
      const me = await t.http.get('/me').set(bearer(tokens.endedGuardian)).expect(200);
      expect(me.body.children.map((c: { id: string }) => c.id)).toEqual([children.otherInst]);
    });

    it('cannot be addressed one by one by the institution’s staff', async () => {
      const res = await t.http
        .post('/messages')
        .set(bearer(tokens.head))
        .send({ institutionId: A, subject: 'Personīgi', body: 'Lūdzu piezvaniet.', to: { users: [people.endedGuardian.id] } });
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'RECIPIENT_NOT_ALLOWED', details: [{ userId: people.endedGuardian.id }] });
    });
  });
});
