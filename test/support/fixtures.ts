import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import type { INestApplicationContext } from '@nestjs/common';
import type TestAgent from 'supertest/lib/agent';
import { PasswordService } from '../../libs/auth/src/passwords/password.service';
import {
  Enrolment,
  Group,
  Guardianship,
  Institution,
  InstitutionKind,
  Role,
  RoleAssignment,
  StaffAssignment,
  User,
} from '../../libs/directory/src/entities';

export const PASSWORD = 'Dzeltenā-Kaza-Lido-2026';
let hashed: Promise<string> | undefined;

export interface Person {
  id: string;
  username: string;
  password: string;
}

/**
 * Builds a small institution straight through the ORM, so tests of one endpoint don't depend on others.
 * Works on an app or on a unit test's module: it needs only MikroORM (and PasswordService for people who sign in).
 */
export class Fixtures {
  readonly tag = randomUUID().slice(0, 8);
  private n = 0;

  constructor(private readonly app: Pick<INestApplicationContext, 'get'>) {}

  private em() {
    return this.app.get(MikroORM).em.fork();
  }

  async institution(kind: InstitutionKind = 'preschool', name = `Iestāde ${this.tag}`): Promise<Institution> {
    const em = this.em();
    const inst = em.create(Institution, { name, kind });
    await em.flush();
    return inst;
  }

  async group(institutionId: string, name = `Grupa ${++this.n}`): Promise<Group> {
    const em = this.em();
    const g = em.create(Group, { institution: institutionId, name, kind: 'preschool_group', schoolYear: '2026/2027' });
    await em.flush();
    return g;
  }

  async person(
    roles: { institutionId: string; role: Role }[],
    opts: { mustChangePassword?: boolean; phone?: string; password?: string | null; givenName?: string } = {},
  ): Promise<Person> {
    const em = this.em();
    const username = `u${this.tag}.${++this.n}`;
    const password = opts.password === null ? null : (opts.password ?? PASSWORD);
    if (password === PASSWORD) hashed ??= this.app.get(PasswordService).hash(PASSWORD);
    const user = em.create(User, {
      username,
      givenName: opts.givenName ?? 'Test',
      familyName: `Person${this.n}`,
      phone: opts.phone ?? null,
      passwordHash: password === null ? null : password === PASSWORD ? await hashed : await this.app.get(PasswordService).hash(password),
      mustChangePassword: opts.mustChangePassword ?? false,
    });
    for (const r of roles) em.create(RoleAssignment, { user, institution: r.institutionId, role: r.role });
    await em.flush();
    return { id: user.id, username, password: password ?? '' };
  }

  async enrol(studentId: string, groupId: string, fromDate = '2026-09-01'): Promise<void> {
    const em = this.em();
    em.create(Enrolment, { student: studentId, group: groupId, fromDate });
    await em.flush();
  }

  async guard(guardianId: string, studentId: string, relation: 'mother' | 'father' | 'other' = 'mother'): Promise<void> {
    const em = this.em();
    em.create(Guardianship, { guardian: guardianId, student: studentId, relation });
    await em.flush();
  }

  async assign(staffId: string, groupId: string, kind: 'class_teacher' | 'teacher' = 'class_teacher'): Promise<void> {
    const em = this.em();
    em.create(StaffAssignment, { staff: staffId, group: groupId, kind });
    await em.flush();
  }
}

export async function login(http: TestAgent, who: Person): Promise<string> {
  const res = await http.post('/auth/login').send({ username: who.username, password: who.password });
  if (res.status !== 200) throw new Error(`login ${who.username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken as string;
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * Access tokens expire while a test's clock jumps between days: this signs a person in again at
 * each new instant of the clock and hands out the header. `await as(person)` before a request.
 */
export function signInAt(http: TestAgent, clock: { now(): Date }) {
  const tokens = new Map<string, Promise<string>>();
  let at = '';
  return async (who: Person): Promise<{ Authorization: string }> => {
    const now = clock.now().toISOString();
    if (now !== at) {
      tokens.clear();
      at = now;
    }
    if (!tokens.has(who.id)) tokens.set(who.id, login(http, who));
    return bearer(await tokens.get(who.id)!);
  };
}
