import { bearer } from '../support/fixtures';
import { buildSchool, type School, type SchoolPerson } from '../support/school';
import { createTestApp, type TestApp } from '../support/test-app';

/** Every rule of who may message whom (apps/mail/src/audience/messaging-policy.ts), allowed and refused, over HTTP. */
describe('who may message whom', () => {
  let t: TestApp;
  let s: School;

  beforeAll(async () => {
    t = await createTestApp();
    s = await buildSchool(t);
  });
  afterAll(() => t.close());

  type Who = SchoolPerson;
  type To =
    | { users: Who[] }
    | { group: 'groupA' | 'groupB'; audience: 'guardians' | 'students' | 'staff' }
    | { institution: 'guardians' | 'students' | 'staff' };

  const cases: [Who, To, number][] = [
    // head, deputy head, admin: anyone in the institution
    ['head', { institution: 'guardians' }, 201],
    ['head', { institution: 'students' }, 201],
    ['head', { institution: 'staff' }, 201],
    ['head', { group: 'groupB', audience: 'guardians' }, 201],
    ['deputy', { users: ['parentB', 'child4', 'kitchen'] }, 201],
    ['head', { users: ['otherParent'] }, 403],
    // teachers: guardians and students of their groups, staff of their institution
    ['teacherA', { group: 'groupA', audience: 'guardians' }, 201],
    ['teacherA', { group: 'groupA', audience: 'students' }, 201],
    ['teacherA', { group: 'groupA', audience: 'staff' }, 422], // allowed, but the only staff there is the sender: NO_RECIPIENTS
    ['head', { group: 'groupA', audience: 'staff' }, 201],
    ['teacherA', { users: ['mother', 'child1'] }, 201],
    ['teacherA', { users: ['teacherB', 'kitchen', 'head'] }, 201],
    ['teacherA', { institution: 'staff' }, 201],
    ['teacherA', { group: 'groupB', audience: 'guardians' }, 403],
    ['teacherA', { group: 'groupB', audience: 'students' }, 403],
    ['teacherA', { users: ['parentB'] }, 403],
    ['teacherA', { users: ['child4'] }, 403],
    ['teacherA', { users: ['mother', 'parentB'] }, 403],
    ['teacherA', { institution: 'guardians' }, 403],
    ['teacherA', { institution: 'students' }, 403],
    ['teacherA', { users: ['otherParent'] }, 403],
    // guardians: the staff who teach their children, one by one
    ['mother', { users: ['teacherA'] }, 201],
    ['mother', { users: ['teacherB'] }, 403],
    ['mother', { users: ['head'] }, 403],
    ['mother', { users: ['father'] }, 403],
    ['mother', { users: ['parent3'] }, 403],
    ['mother', { users: ['kitchen'] }, 403],
    ['mother', { group: 'groupA', audience: 'guardians' }, 403],
    ['mother', { group: 'groupA', audience: 'staff' }, 403],
    ['mother', { institution: 'staff' }, 403],
    ['parentB', { users: ['teacherB'] }, 201],
    ['parentB', { users: ['teacherA'] }, 403],
    // students: their teachers
    ['child1', { users: ['teacherA'] }, 201],
    ['child1', { users: ['teacherB'] }, 403],
    ['child1', { users: ['child2'] }, 403],
    ['child1', { users: ['mother'] }, 403],
    ['child1', { group: 'groupA', audience: 'students' }, 403],
    // the kitchen and the nurse: staff
    ['kitchen', { users: ['teacherA', 'head'] }, 201],
    ['kitchen', { institution: 'staff' }, 201],
    ['kitchen', { users: ['mother'] }, 403],
    ['kitchen', { users: ['child1'] }, 403],
    ['kitchen', { group: 'groupA', audience: 'guardians' }, 403],
    ['nurse', { users: ['head'] }, 201],
    ['nurse', { users: ['mother'] }, 403],
    // nobody sends in an institution where they have no role
    ['otherTeacher', { institution: 'staff' }, 403],
  ];

  const describeTo = (to: To) => ('users' in to ? to.users.join('+') : 'group' in to ? `${to.group}/${to.audience}` : `institution/${to.institution}`);

  it.each(cases.map(([who, to, status]) => [who, describeTo(to), status, to] as const))('%s → %s: %i', async (who, _label, status, to) => {
    const target =
      'users' in to
        ? { users: to.users.map((u) => s[u].id) }
        : 'group' in to
          ? { groups: [{ groupId: s[to.group], audience: to.audience }] }
          : { institution: { audience: to.institution } };
    const res = await t.http
      .post('/messages')
      .set(bearer(s[who].token))
      .send({ institutionId: s.inst, subject: 'Politika', body: 'Labdien!', to: target });
    expect(res.status).toBe(status);
    if (status === 403) {
      expect(res.body.error.code).toBe(who === 'otherTeacher' ? 'NOT_IN_INSTITUTION' : 'RECIPIENT_NOT_ALLOWED');
    }
  });

  it('lists exactly the refused addressees, and sends to none of the allowed ones', async () => {
    const res = await t.http
      .post('/messages')
      .set(bearer(s.teacherA.token))
      .send({ institutionId: s.inst, subject: 'Daļēji', body: 'Labdien!', to: { users: [s.mother.id, s.parentB.id], groups: [{ groupId: s.groupB, audience: 'guardians' }] } })
      .expect(403);
    expect(res.body.error.details).toEqual([{ groupId: s.groupB, audience: 'guardians' }, { userId: s.parentB.id }]);
    const inbox = await t.http.get('/messages/inbox?limit=100').set(bearer(s.mother.token)).expect(200);
    expect(inbox.body.items.map((i: { subject: string }) => i.subject)).not.toContain('Daļēji');
  });

  it('a guardian may always answer a message they received, even from someone they could not write to first', async () => {
    const msg = await t.http
      .post('/messages')
      .set(bearer(s.head.token))
      .send({ institutionId: s.inst, subject: 'Visiem vecākiem', body: 'Labdien!', to: { institution: { audience: 'guardians' } } })
      .expect(201);
    await t.http.post(`/messages/${msg.body.id}/replies`).set(bearer(s.mother.token)).send({ body: 'Paldies!' }).expect(201);
    // ...but the answer goes to the sender only, never to the other guardians
    const father = await t.http.get('/messages/inbox?limit=100').set(bearer(s.father.token)).expect(200);
    expect(father.body.items.filter((i: { subject: string }) => i.subject === 'Re: Visiem vecākiem')).toEqual([]);
    const head = await t.http.get('/messages/inbox?limit=100').set(bearer(s.head.token)).expect(200);
    expect(head.body.items.some((i: { subject: string }) => i.subject === 'Re: Visiem vecākiem')).toBe(true);
  });
});
