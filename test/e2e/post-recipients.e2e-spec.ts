import { bearer } from '../support/fixtures';
import { buildSchool, type School, type SchoolPerson } from '../support/school';
import { createTestApp, type TestApp } from '../support/test-app';

/** GET /messages/recipients: the people a sender may address one by one, as the messaging policy allows. */
describe('people a sender may write to', () => {
  let t: TestApp;
  let s: School;

  beforeAll(async () => {
    t = await createTestApp();
    s = await buildSchool(t);
  });
  afterAll(() => t.close());

  type Who = SchoolPerson;
  interface Item {
    id: string;
    displayName: string;
    kinds: string[];
    groupIds: string[];
    children: { id: string; displayName: string }[];
  }

  const list = async (who: Who, institutionId = s.inst): Promise<Item[]> =>
    (await t.http.get(`/messages/recipients?institutionId=${institutionId}`).set(bearer(s[who].token)).expect(200)).body.items;
  const whoIs = (items: Item[]) => {
    const byId = new Map(Object.entries(s).flatMap(([k, v]) => (typeof v === 'object' && v && 'id' in v ? [[(v as { id: string }).id, k]] : [])));
    return items.map((i) => byId.get(i.id) ?? i.id).sort();
  };

  it.each<[Who, Who[]]>([
    ['head', ['child1', 'child2', 'child3', 'child4', 'deputy', 'father', 'kitchen', 'mother', 'nurse', 'parent3', 'parentB', 'teacherA', 'teacherB']],
    ['teacherA', ['child1', 'child2', 'child3', 'deputy', 'father', 'head', 'kitchen', 'mother', 'nurse', 'parent3', 'teacherB']],
    ['teacherB', ['child4', 'deputy', 'head', 'kitchen', 'nurse', 'parentB', 'teacherA']],
    ['kitchen', ['deputy', 'head', 'nurse', 'teacherA', 'teacherB']],
    ['mother', ['teacherA']],
    ['parentB', ['teacherB']],
    ['child1', ['teacherA']],
  ])('%s may address exactly %j', async (who, expected) => {
    expect(whoIs(await list(who))).toEqual([...expected].sort());
  });

  it('describes a guardian by the children the sender may see, and a student by their group', async () => {
    const items = await list('teacherA');
    const mother = items.find((i) => i.id === s.mother.id)!;
    expect(mother.kinds).toEqual(['guardian']);
    expect(mother.groupIds).toEqual([s.groupA]);
    expect(mother.children.map((c) => c.id).sort()).toEqual([s.child1.id, s.child2.id].sort());
    expect(mother.children.every((c) => c.displayName.length > 0)).toBe(true);
    const child = items.find((i) => i.id === s.child3.id)!;
    expect(child).toMatchObject({ kinds: ['student'], groupIds: [s.groupA], children: [] });
    expect(items.find((i) => i.id === s.teacherB.id)).toMatchObject({ kinds: ['staff'], groupIds: [s.groupB], children: [] });
  });

  it('offers only what a send accepts: everyone listed at once is one message, and nobody else may be added', async () => {
    const items = await list('teacherA');
    const sent = await t.http
      .post('/messages')
      .set(bearer(s.teacherA.token))
      .send({ institutionId: s.inst, subject: 'Katram', body: 'Labdien!', to: { users: items.map((i) => i.id) } })
      .expect(201);
    expect(sent.body.recipientCount).toBe(items.length);
    const refused = await t.http
      .post('/messages')
      .set(bearer(s.teacherA.token))
      .send({ institutionId: s.inst, subject: 'Katram', body: 'Labdien!', to: { users: [...items.map((i) => i.id), s.parentB.id] } })
      .expect(403);
    expect(refused.body.error.details).toEqual([{ userId: s.parentB.id }]);
  });

  it('refuses an institution where the caller has no role, and a malformed id, with stable codes', async () => {
    const res = await t.http.get(`/messages/recipients?institutionId=${s.other}`).set(bearer(s.teacherA.token)).expect(403);
    expect(res.body.error.code).toBe('NOT_IN_INSTITUTION');
    const bad = await t.http.get('/messages/recipients?institutionId=nope').set(bearer(s.teacherA.token)).expect(400);
    expect(bad.body.error.code).toBeDefined();
    await t.http.get(`/messages/recipients?institutionId=${s.inst}`).expect(401);
    // The other institution's teacher sees her own families, none of this one's.
    expect(whoIs(await list('otherTeacher', s.other))).toEqual(['otherChild', 'otherParent']);
  });
});
