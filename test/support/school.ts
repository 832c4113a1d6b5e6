import { Fixtures, login, type Person } from './fixtures';
import type { TestApp } from './test-app';

export interface Member extends Person {
  token: string;
}

/**
 * One institution shaped like the seeds: management, two teachers with one group each, a nurse and
 * the kitchen; in group A a family with two children (one guardian for both) and a second family,
 * in group B a third family. A second institution has its own teacher and family.
 */
export async function buildSchool(t: TestApp) {
  const f = new Fixtures(t.app);
  const inst = (await f.institution('school')).id;
  const other = (await f.institution('school', `Cita skola ${f.tag}`)).id;
  const groupA = (await f.group(inst, '1.a')).id;
  const groupB = (await f.group(inst, '1.b')).id;
  const otherGroup = (await f.group(other, '2.a')).id;
  const as = async (institutionId: string, role: Parameters<Fixtures['person']>[0][number]['role'], givenName?: string) => {
    const p = await f.person([{ institutionId, role }], { givenName });
    return p;
  };

  const head = await as(inst, 'head', 'Vadītāja');
  const deputy = await as(inst, 'deputy_head', 'Vietniece');
  const teacherA = await as(inst, 'teacher', 'Skolotāja');
  const teacherB = await as(inst, 'teacher', 'Skolotājs');
  const nurse = await as(inst, 'nurse', 'Māsa');
  const kitchen = await as(inst, 'kitchen', 'Pavārs');
  await f.assign(teacherA.id, groupA);
  await f.assign(teacherB.id, groupB);

  const child1 = await as(inst, 'student', 'Anna');
  const child2 = await as(inst, 'student', 'Jānis');
  const child3 = await as(inst, 'student', 'Pēteris');
  const child4 = await as(inst, 'student', 'Līga');
  for (const c of [child1, child2, child3]) await f.enrol(c.id, groupA);
  await f.enrol(child4.id, groupB);
  const mother = await as(inst, 'guardian', 'Māte'); // children 1 and 2
  const father = await as(inst, 'guardian', 'Tēvs'); // child 1 as well
  const parent3 = await as(inst, 'guardian', 'Vecāks'); // child 3
  const parentB = await as(inst, 'guardian', 'Citsvecāks'); // child 4 in group B
  await f.guard(mother.id, child1.id, 'mother');
  await f.guard(mother.id, child2.id, 'mother');
  await f.guard(father.id, child1.id, 'father');
  await f.guard(parent3.id, child3.id, 'other');
  await f.guard(parentB.id, child4.id, 'mother');

  const otherTeacher = await as(other, 'teacher', 'Svešā');
  await f.assign(otherTeacher.id, otherGroup);
  const otherChild = await as(other, 'student', 'Svešais');
  await f.enrol(otherChild.id, otherGroup);
  const otherParent = await as(other, 'guardian', 'Svešs');
  await f.guard(otherParent.id, otherChild.id);

  const people = { head, deputy, teacherA, teacherB, nurse, kitchen, child1, child2, child3, child4, mother, father, parent3, parentB, otherTeacher, otherChild, otherParent };
  const entries = await Promise.all(
    Object.entries(people).map(async ([k, p]) => [k, { ...p, token: await login(t.http, p) }] as const),
  );
  return { f, inst, other, groupA, groupB, otherGroup, ...(Object.fromEntries(entries) as Record<keyof typeof people, Member>) };
}

export type School = Awaited<ReturnType<typeof buildSchool>>;
/** The people of a {@link School}, by name. */
export type SchoolPerson = keyof Omit<School, 'f' | 'inst' | 'other' | 'groupA' | 'groupB' | 'otherGroup'>;
