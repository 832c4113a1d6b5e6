import { EntityManager, FilterQuery, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit/audit-log.service';
import type { Actor } from '@app/auth/actor';
import { AuthService } from '@app/auth/auth.service';
import { SessionEvents } from '@app/auth/session-events';
import { normalizeEmail, normalizeMobile, usernameBase } from '@app/directory/contacts';
import { DirectoryErrorCode, directoryError } from '@app/directory/directory-errors';
import {
  Enrolment,
  Group,
  GuardianRelation,
  Guardianship,
  Institution,
  Role,
  RoleAssignment,
  StaffAssignment,
  User,
} from '@app/directory/entities';
import { CalendarService } from '@app/platform/time/calendar.service';
import { assertManagement, auditBy, loadInstitution } from '../common/management';
import { Page, pageOf } from '../common/pagination';
import { contains } from '../common/text-search';
import { holdsRole, upsertGuardianship } from '../guardianships/guardianship-links';
import { CredentialDelivery, CredentialsService } from './credentials.service';
import type {
  CreateGuardianDto,
  CreateStaffDto,
  CreateStudentDto,
  PeopleQuery,
  UpdatePersonDto,
} from './people.dto';

export interface PersonView {
  id: string;
  username: string;
  displayName: string;
  givenName: string;
  familyName: string;
  email: string | null;
  phone: string | null;
  language: string;
  active: boolean;
  roles: { role: Role; active: boolean }[];
  createdAt: Date;
}

export type Created = PersonView & { credentials?: CredentialDelivery; existing?: boolean };

/** Staff, students and guardians of one institution, managed by its head, deputy head or admin. */
@Injectable()
export class PeopleService {
  constructor(
    private readonly em: EntityManager,
    private readonly credentials: CredentialsService,
    private readonly auth: AuthService,
    private readonly sessions: SessionEvents,
    private readonly audit: AuditLog,
    private readonly calendar: CalendarService,
  ) {}

  async createStaff(actor: Actor, institutionId: string, dto: CreateStaffDto): Promise<Created> {
    assertManagement(actor, institutionId);
    const contacts = { email: dto.email ? normalizeEmail(dto.email) : null, phone: dto.phone ? normalizeMobile(dto.phone) : null };
    return this.withUniqueUsername(dto, async (em, username) => {
      const institution = await loadInstitution(em, institutionId);
      const now = this.calendar.now();
      const user = this.newUser(em, dto, username, contacts);
      for (const role of dto.roles) em.create(RoleAssignment, { user, institution, role, createdAt: now });
      const credentials = await this.credentials.issue(em, user, { institutionId, bySms: false, reason: 'registered', at: now });
      this.audit.record(em, now, {
        ...auditBy(actor, institutionId),
        action: 'staff.create',
        objectType: 'user',
        objectId: user.id,
        details: { roles: dto.roles },
      });
      return { user, credentials };
    }, institutionId);
  }

  async createStudent(actor: Actor, institutionId: string, dto: CreateStudentDto): Promise<Created> {
    assertManagement(actor, institutionId);
    return this.withUniqueUsername(dto, async (em, username) => {
      const institution = await loadInstitution(em, institutionId);
      const now = this.calendar.now();
      const user = this.newUser(em, dto, username, { email: null, phone: null });
      em.create(RoleAssignment, { user, institution, role: 'student', createdAt: now });
      if (dto.groupId) {
        const group = await em.findOne(Group, { id: dto.groupId, institution, active: true });
        if (!group) throw directoryError.notFound(DirectoryErrorCode.GROUP_NOT_FOUND, 'Group');
        em.create(Enrolment, { student: user, group, fromDate: dto.fromDate ?? this.calendar.today(), createdAt: now });
      }
      const issue = dto.issueAccount ?? institution.kind !== 'preschool';
      const credentials = issue
        ? await this.credentials.issue(em, user, { institutionId, bySms: false, reason: 'registered', at: now })
        : undefined;
      this.audit.record(em, now, {
        ...auditBy(actor, institutionId),
        action: 'student.create',
        objectType: 'user',
        objectId: user.id,
        details: { groupId: dto.groupId ?? null, account: issue },
      });
      return { user, credentials };
    }, institutionId);
  }

  /**
   * A guardian whose mobile number is already known (a child in another institution) is the
   * same person: they get the guardian role here instead of a second account and a second SMS.
   */
  async createGuardian(actor: Actor, institutionId: string, dto: CreateGuardianDto): Promise<Created> {
    assertManagement(actor, institutionId);
    const phone = dto.phone ? normalizeMobile(dto.phone) : null;
    const email = dto.email ? normalizeEmail(dto.email) : null;
    if (phone) {
      const existing = await this.em.fork().findOne(User, { phone, roles: { role: 'guardian' } } as FilterQuery<User>);
      if (existing) return this.attachExistingGuardian(actor, institutionId, existing.id, dto);
    }
    return this.withUniqueUsername(dto, async (em, username) => {
      const institution = await loadInstitution(em, institutionId);
      const now = this.calendar.now();
      const user = this.newUser(em, dto, username, { email, phone });
      em.create(RoleAssignment, { user, institution, role: 'guardian', createdAt: now });
      await this.linkChildren(em, institution, user, dto.children ?? [], now);
      const credentials = await this.credentials.issue(em, user, { institutionId, bySms: true, reason: 'registered', at: now });
      this.audit.record(em, now, {
        ...auditBy(actor, institutionId),
        action: 'guardian.create',
        objectType: 'user',
        objectId: user.id,
        details: { children: dto.children ?? [], passwordBy: credentials.delivery },
      });
      return { user, credentials };
    }, institutionId);
  }

  async list(actor: Actor, institutionId: string, q: PeopleQuery): Promise<Page<PersonView>> {
    assertManagement(actor, institutionId);
    const em = this.em.fork();
    const roleWhere: FilterQuery<RoleAssignment> = { institution: institutionId };
    if (q.role) roleWhere.role = q.role;
    if (q.includeInactive !== 'true') roleWhere.active = true;
    const where: FilterQuery<User> = { roles: roleWhere } as FilterQuery<User>;
    if (q.q) {
      Object.assign(where, {
        $or: [contains('username', q.q), contains('given_name', q.q), contains('family_name', q.q)],
      });
    }
    const [users, total] = await em.findAndCount(User, where, {
      orderBy: { familyName: 'asc', givenName: 'asc', id: 'asc' },
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    const roles = await this.rolesHere(em, institutionId, users.map((u) => u.id));
    return pageOf(users.map((u) => view(u, roles.get(u.id) ?? [])), total, q);
  }

  async get(actor: Actor, institutionId: string, userId: string): Promise<PersonView & { children?: unknown[] }> {
    assertManagement(actor, institutionId);
    const em = this.em.fork();
    const { user, roles } = await this.personHere(em, institutionId, userId);
    const result: PersonView & { children?: unknown[]; guardians?: unknown[]; groups?: unknown[] } = view(user, roles);
    if (roles.some((r) => r.role === 'guardian')) {
      const links = await em.find(Guardianship, { guardian: user }, { populate: ['student'] });
      result.children = links.map((l) => ({ id: l.id, studentId: l.student.id, displayName: l.student.displayName, relation: l.relation, active: l.active }));
    }
    if (roles.some((r) => r.role === 'student')) {
      const links = await em.find(Guardianship, { student: user }, { populate: ['guardian'] });
      result.guardians = links.map((l) => ({ id: l.id, guardianId: l.guardian.id, displayName: l.guardian.displayName, relation: l.relation, active: l.active }));
      const enrolments = await em.find(Enrolment, { student: user, group: { institution: institutionId } }, { populate: ['group'] });
      result.groups = enrolments.map((e) => ({ enrolmentId: e.id, groupId: e.group.id, name: e.group.name, fromDate: e.fromDate, toDate: e.toDate ?? null }));
    }
    return result;
  }

  async update(actor: Actor, institutionId: string, userId: string, dto: UpdatePersonDto): Promise<Created> {
    assertManagement(actor, institutionId);
    const email = dto.email ? normalizeEmail(dto.email) : dto.email;
    const phone = dto.phone ? normalizeMobile(dto.phone) : dto.phone;
    return this.em.fork().transactional(async (em) => {
      const { user, roles } = await this.personHere(em, institutionId, userId);
      const now = this.calendar.now();
      const changed: string[] = [];
      const set = <K extends keyof User>(key: K, value: User[K] | undefined) => {
        if (value !== undefined && user[key] !== value) {
          user[key] = value;
          changed.push(String(key));
        }
      };
      const hadPhone = !!user.phone;
      set('givenName', dto.givenName);
      set('familyName', dto.familyName);
      set('email', email);
      set('phone', phone);
      set('language', dto.language);
      // Entering a guardian's number is what sends their password (seed 001 §1.4): a guardian who
      // has not signed in yet gets a fresh one on the new number.
      let credentials: CredentialDelivery | undefined;
      const isGuardian = roles.some((r) => r.role === 'guardian' && r.active);
      if (isGuardian && phone && !hadPhone && !user.passwordChangedAt) {
        credentials = await this.credentials.issue(em, user, { institutionId, bySms: true, reason: 'phone-changed', at: now });
      }
      if (changed.length) {
        this.audit.record(em, now, {
          ...auditBy(actor, institutionId),
          action: 'person.update',
          objectType: 'user',
          objectId: user.id,
          details: { changed },
        });
      }
      return { ...view(user, roles), ...(credentials ? { credentials } : {}) };
    });
  }

  /** Adds a role here to a person who already has one here (e.g. a teacher who is also a parent). */
  async addRole(actor: Actor, institutionId: string, userId: string, role: Role): Promise<PersonView> {
    assertManagement(actor, institutionId);
    return this.em.fork().transactional(async (em) => {
      const { user } = await this.personHere(em, institutionId, userId);
      const now = this.calendar.now();
      const existing = await em.findOne(RoleAssignment, { user, institution: institutionId, role });
      if (existing) {
        existing.active = true;
        existing.endedAt = null;
      } else {
        em.create(RoleAssignment, { user, institution: em.getReference(Institution, institutionId), role, createdAt: now });
      }
      if (!user.active) {
        user.active = true;
        user.deactivatedAt = null;
      }
      this.audit.record(em, now, { ...auditBy(actor, institutionId), action: 'role.grant', objectType: 'user', objectId: user.id, details: { role } });
      await em.flush();
      return view(user, await this.rolesHere(em, institutionId, [user.id]).then((m) => m.get(user.id) ?? []));
    });
  }

  /**
   * Ends the person's roles here (student left, employment ended: seed 002 §11). With no active
   * role left anywhere the account is closed and every session ends at once.
   */
  async deactivate(actor: Actor, institutionId: string, userId: string, reason?: string): Promise<PersonView> {
    assertManagement(actor, institutionId);
    if (userId === actor.userId) {
      throw directoryError.conflict(DirectoryErrorCode.ROLE_NOT_ALLOWED, 'You cannot deactivate your own account');
    }
    let closed = false;
    const result = await this.em.fork().transactional(async (em) => {
      const { user, roles } = await this.personHere(em, institutionId, userId);
      const now = this.calendar.now();
      const today = this.calendar.today();
      await em.nativeUpdate(RoleAssignment, { user, institution: institutionId, active: true }, { active: false, endedAt: now });
      const groupIds = (await em.find(Group, { institution: institutionId }, { fields: ['id'] })).map((g) => g.id);
      if (groupIds.length) {
        await em.nativeUpdate(
          Enrolment,
          { student: user, group: { $in: groupIds }, $or: [{ toDate: null }, { toDate: { $gt: today } }] },
          { toDate: today },
        );
        await em.nativeUpdate(StaffAssignment, { staff: user, group: { $in: groupIds }, active: true }, { active: false });
      }
      const remaining = await em.count(RoleAssignment, { user, active: true });
      if (remaining === 0) {
        user.active = false;
        user.deactivatedAt = now;
        await this.auth.endSessions(em, { userId: user.id }, 'deactivated', now);
        closed = true;
      }
      this.audit.record(em, now, {
        ...auditBy(actor, institutionId),
        action: 'person.deactivate',
        objectType: 'user',
        objectId: user.id,
        details: { reason: reason ?? null, roles: roles.filter((r) => r.active).map((r) => r.role), accountClosed: closed },
      });
      return view(user, roles.map((r) => ({ ...r, active: false })));
    });
    await this.sessions.publish({ userId, change: closed ? 'ended' : 'roles' });
    return result;
  }

  /** On suspicion of compromise the superuser resets the password (seed 000 §7.2): sessions end. */
  async resetPassword(actor: Actor, institutionId: string, userId: string): Promise<CredentialDelivery> {
    assertManagement(actor, institutionId);
    const delivery = await this.em.fork().transactional(async (em) => {
      const { user, roles } = await this.personHere(em, institutionId, userId);
      if (!user.active) throw directoryError.conflict(DirectoryErrorCode.INACTIVE, 'The account is deactivated');
      const now = this.calendar.now();
      const bySms = roles.some((r) => r.role === 'guardian' && r.active);
      const credentials = await this.credentials.issue(em, user, { institutionId, bySms, reason: 'reset', at: now });
      await this.auth.endSessions(em, { userId: user.id }, 'password-reset', now);
      this.audit.record(em, now, {
        ...auditBy(actor, institutionId),
        action: 'auth.password_reset',
        objectType: 'user',
        objectId: user.id,
        details: { delivery: credentials.delivery },
      });
      return credentials;
    });
    await this.sessions.publish({ userId, change: 'ended' });
    return delivery;
  }

  /** A person is "here" when they hold or held any role in the institution; otherwise 404. */
  private async personHere(em: EntityManager, institutionId: string, userId: string) {
    const roles = (await this.rolesHere(em, institutionId, [userId])).get(userId);
    if (!roles?.length) throw directoryError.notFound(DirectoryErrorCode.PERSON_NOT_FOUND, 'Person');
    const user = await em.findOneOrFail(User, userId);
    return { user, roles };
  }

  private async rolesHere(em: EntityManager, institutionId: string, userIds: string[]) {
    const rows = await em.find(RoleAssignment, { institution: institutionId, user: { $in: userIds } }, { orderBy: { createdAt: 'asc' } });
    const byUser = new Map<string, { role: Role; active: boolean }[]>();
    for (const r of rows) {
      const list = byUser.get(r.user.id) ?? [];
      list.push({ role: r.role, active: r.active });
      byUser.set(r.user.id, list);
    }
    return byUser;
  }

  private async attachExistingGuardian(actor: Actor, institutionId: string, userId: string, dto: CreateGuardianDto): Promise<Created> {
    return this.em.fork().transactional(async (em) => {
      const institution = await loadInstitution(em, institutionId);
      const user = await em.findOneOrFail(User, userId);
      const now = this.calendar.now();
      const role = await em.findOne(RoleAssignment, { user, institution, role: 'guardian' });
      if (role) Object.assign(role, { active: true, endedAt: null });
      else em.create(RoleAssignment, { user, institution, role: 'guardian', createdAt: now });
      if (!user.active) Object.assign(user, { active: true, deactivatedAt: null });
      await this.linkChildren(em, institution, user, dto.children ?? [], now);
      this.audit.record(em, now, {
        ...auditBy(actor, institutionId),
        action: 'guardian.attach',
        objectType: 'user',
        objectId: user.id,
        details: { children: dto.children ?? [] },
      });
      await em.flush();
      const roles = (await this.rolesHere(em, institutionId, [user.id])).get(user.id) ?? [];
      return { ...view(user, roles), existing: true };
    });
  }

  /** Children must be students of this institution; anything else is "not found". */
  private async linkChildren(
    em: EntityManager,
    institution: Institution,
    guardian: User,
    children: { studentId: string; relation: GuardianRelation }[],
    now: Date,
  ): Promise<void> {
    for (const child of children) {
      if (!(await holdsRole(em, child.studentId, [institution.id], 'student'))) {
        throw directoryError.notFound(DirectoryErrorCode.STUDENT_NOT_FOUND, 'Student');
      }
      if (child.studentId === guardian.id) {
        throw directoryError.invalid(DirectoryErrorCode.NOT_A_STUDENT, 'A person cannot be their own guardian');
      }
      await upsertGuardianship(em, guardian.id, child.studentId, child.relation, now);
    }
  }

  private newUser(
    em: EntityManager,
    dto: { givenName: string; familyName: string; language?: User['language'] },
    username: string,
    contacts: { email: string | null; phone: string | null },
  ): User {
    return em.create(User, {
      username,
      givenName: dto.givenName.trim(),
      familyName: dto.familyName.trim(),
      language: dto.language ?? 'lv',
      email: contacts.email,
      phone: contacts.phone,
      mustChangePassword: true,
      createdAt: this.calendar.now(),
      updatedAt: this.calendar.now(),
    });
  }

  /**
   * Runs `create` in a transaction with a free username: the requested one (409 if taken) or
   * one derived from the name, numbered on collision. A race on the unique index retries.
   */
  private async withUniqueUsername(
    dto: { givenName: string; familyName: string; username?: string },
    create: (em: EntityManager, username: string) => Promise<{ user: User; credentials?: CredentialDelivery }>,
    institutionId: string,
  ): Promise<Created> {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        return await this.em.fork().transactional(async (em) => {
          const username = dto.username ?? (await this.freeUsername(em, usernameBase(dto.givenName, dto.familyName)));
          if (dto.username && (await em.count(User, { username: dto.username }))) throw usernameTaken();
          const { user, credentials } = await create(em, username);
          await em.flush();
          const roles = (await this.rolesHere(em, institutionId, [user.id])).get(user.id) ?? [];
          return { ...view(user, roles), ...(credentials ? { credentials } : {}) };
        });
      } catch (e) {
        // A derived name lost a race on the unique index: derive again. A requested one is taken.
        if (!(e instanceof UniqueConstraintViolationException)) throw e;
        if (dto.username) throw usernameTaken();
      }
    }
    throw directoryError.conflict(DirectoryErrorCode.USERNAME_TAKEN, 'Could not find a free username; give one explicitly');
  }

  private async freeUsername(em: EntityManager, base: string): Promise<string> {
    const taken = new Set(
      (await em.find(User, { username: { $like: `${base}%` } }, { fields: ['username'] })).map((u) => u.username),
    );
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
  }
}

const usernameTaken = () =>
  directoryError.conflict(DirectoryErrorCode.USERNAME_TAKEN, 'That username is taken', [{ field: 'username', issue: 'taken' }]);

export function view(user: User, roles: { role: Role; active: boolean }[]): PersonView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    givenName: user.givenName,
    familyName: user.familyName,
    email: user.email ?? null,
    phone: user.phone ?? null,
    language: user.language,
    active: user.active,
    roles,
    createdAt: user.createdAt,
  };
}
