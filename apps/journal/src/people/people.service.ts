import { EntityManager, FilterQuery, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AccessPolicy, Permission } from '@app/access';
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
import { OutboxWake } from '@app/notifications/outbox/outbox-wake';
import { OutboxWriter } from '@app/notifications/outbox/outbox.writer';
import { auditBy, loadInstitution } from '../common/management';
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
  username: string | null;
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

export type Created = PersonView & { credentials?: CredentialDelivery };

/** A known person linked here: only what the registering admin needs, nothing they did not type. */
export interface LinkedPerson {
  id: string;
  existing: true;
  roles: { role: Role; active: boolean }[];
  /** The person is told (by the notifications pipeline) that this institution added them. */
  personNotified: boolean;
}

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
    private readonly access: AccessPolicy,
    private readonly outbox: OutboxWriter,
    private readonly wake: OutboxWake,
  ) {}

  async createStaff(actor: Actor, institutionId: string, dto: CreateStaffDto): Promise<Created> {
    this.access.require(actor, Permission.InstitutionManage, institutionId);
    const contacts = { email: dto.email ? normalizeEmail(dto.email) : null, phone: dto.phone ? normalizeMobile(dto.phone) : null };
    return this.withUniqueUsername(dto, async (em, username) => {
      const institution = await loadInstitution(em, institutionId);
      await this.assertPhoneFree(em, contacts.phone);
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
    this.access.require(actor, Permission.InstitutionManage, institutionId);
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
   * A guardian whose mobile number (or, without one, e-mail) is already known — a child in another
   * institution — is the same person: they get the guardian role here instead of a second account
   * and a second SMS. The lookup runs inside the transaction and phone numbers are unique, so two
   * concurrent registrations of one number make one person: the loser retries and links.
   */
  async createGuardian(actor: Actor, institutionId: string, dto: CreateGuardianDto): Promise<Created | LinkedPerson> {
    this.access.require(actor, Permission.InstitutionManage, institutionId);
    const phone = dto.phone ? normalizeMobile(dto.phone) : null;
    const email = dto.email ? normalizeEmail(dto.email) : null;
    const result = await this.retryingOnUnique(dto, async (em) => {
      const existing = await this.findByContact(em, phone, email);
      if (existing) return this.linkExistingGuardian(em, actor, institutionId, existing, dto);
      return this.registerNewGuardian(em, actor, institutionId, dto, { phone, email });
    });
    return this.afterCommit(result, 'credentials' in result ? result.credentials : undefined);
  }

  /** A password SMS just committed goes out at once, not at the worker's next sweep. */
  private afterCommit<T>(result: T, credentials: CredentialDelivery | undefined): T {
    if (credentials?.delivery === 'sms') this.wake.nudge();
    return result;
  }

  private async registerNewGuardian(
    em: EntityManager,
    actor: Actor,
    institutionId: string,
    dto: CreateGuardianDto,
    contacts: { phone: string | null; email: string | null },
  ): Promise<Created> {
    const institution = await loadInstitution(em, institutionId);
    const username = await this.usernameFor(em, dto);
    const now = this.calendar.now();
    const user = this.newUser(em, dto, username, contacts);
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
    await em.flush();
    const roles = (await this.rolesHere(em, institutionId, [user.id])).get(user.id) ?? [];
    return { ...view(user, roles), credentials };
  }

  async list(actor: Actor, institutionId: string, q: PeopleQuery): Promise<Page<PersonView>> {
    this.access.require(actor, Permission.InstitutionManage, institutionId);
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
    const ids = users.map((u) => u.id);
    const [roles, shared] = await Promise.all([this.rolesHere(em, institutionId, ids), this.access.sharedWithOthers(institutionId, ids)]);
    return pageOf(users.map((u) => view(u, roles.get(u.id) ?? [], shared.has(u.id))), total, q);
  }

  async get(actor: Actor, institutionId: string, userId: string): Promise<PersonView & { children?: unknown[] }> {
    this.access.require(actor, Permission.InstitutionManage, institutionId);
    const em = this.em.fork();
    const { user, roles } = await this.personHere(actor, em, institutionId, userId);
    const shared = await this.access.isShared(institutionId, userId);
    const result: PersonView & { children?: unknown[]; guardians?: unknown[]; groups?: unknown[] } = view(user, roles, shared);
    // Only this institution's part of a person shared with others: its students, its guardians.
    const hereAs = (role: Role) => ({ roles: { institution: institutionId, role } }) as FilterQuery<User>;
    if (roles.some((r) => r.role === 'guardian')) {
      const links = await em.find(Guardianship, { guardian: user, student: hereAs('student') }, { populate: ['student'] });
      result.children = links.map((l) => ({ id: l.id, studentId: l.student.id, displayName: l.student.displayName, relation: l.relation, active: l.active }));
    }
    if (roles.some((r) => r.role === 'student')) {
      const links = await em.find(Guardianship, { student: user, guardian: hereAs('guardian') }, { populate: ['guardian'] });
      result.guardians = links.map((l) => ({ id: l.id, guardianId: l.guardian.id, displayName: l.guardian.displayName, relation: l.relation, active: l.active }));
      const enrolments = await em.find(Enrolment, { student: user, group: { institution: institutionId } }, { populate: ['group'] });
      result.groups = enrolments.map((e) => ({ enrolmentId: e.id, groupId: e.group.id, name: e.group.name, fromDate: e.fromDate, toDate: e.toDate ?? null }));
    }
    return result;
  }

  async update(actor: Actor, institutionId: string, userId: string, dto: UpdatePersonDto): Promise<Created> {
    this.access.require(actor, Permission.InstitutionManage, institutionId);
    const email = dto.email ? normalizeEmail(dto.email) : dto.email;
    const phone = dto.phone ? normalizeMobile(dto.phone) : dto.phone;
    const updated = await this.em.fork().transactional(async (em) => {
      const { user, roles } = await this.personHere(actor, em, institutionId, userId);
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
      const shared = await this.access.isShared(institutionId, userId);
      if (changed.length && shared) {
        throw directoryError.conflict(
          DirectoryErrorCode.PERSON_SHARED,
          'This person also belongs to another institution; only they can change their names, contacts and language',
          changed.map((field) => ({ field, issue: 'belongs to the person' })),
        );
      }
      if (changed.includes('phone')) await this.assertPhoneFree(em, user.phone, user.id);
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
      return { ...view(user, roles, shared), ...(credentials ? { credentials } : {}) };
    });
    return this.afterCommit(updated, updated.credentials);
  }

  /** Adds a role here to a person who already has one here (e.g. a teacher who is also a parent). */
  async addRole(actor: Actor, institutionId: string, userId: string, role: Role): Promise<PersonView> {
    this.access.require(actor, Permission.InstitutionManage, institutionId);
    const result = await this.em.fork().transactional(async (em) => {
      const { user } = await this.personHere(actor, em, institutionId, userId);
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
      const roles = (await this.rolesHere(em, institutionId, [user.id])).get(user.id) ?? [];
      return view(user, roles, await this.access.isShared(institutionId, user.id));
    });
    // Open sockets re-check what the person may now do.
    await this.sessions.publish({ userId, change: 'roles' });
    return result;
  }

  /**
   * Ends the person's roles here (student left, employment ended: seed 002 §11). With no active
   * role left anywhere the account is closed and every session ends at once.
   */
  async deactivate(actor: Actor, institutionId: string, userId: string, reason?: string): Promise<PersonView> {
    this.access.require(actor, Permission.InstitutionManage, institutionId);
    if (userId === actor.userId) {
      throw directoryError.conflict(DirectoryErrorCode.ROLE_NOT_ALLOWED, 'You cannot deactivate your own account');
    }
    let closed = false;
    const result = await this.em.fork().transactional(async (em) => {
      const { user, roles } = await this.personHere(actor, em, institutionId, userId);
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
      return view(user, roles.map((r) => ({ ...r, active: false })), !closed);
    });
    await this.sessions.publish({ userId, change: closed ? 'ended' : 'roles' });
    return result;
  }

  /** On suspicion of compromise the superuser resets the password (seed 000 §7.2): sessions end. */
  async resetPassword(actor: Actor, institutionId: string, userId: string): Promise<CredentialDelivery> {
    this.access.require(actor, Permission.InstitutionManage, institutionId);
    const delivery = await this.em.fork().transactional(async (em) => {
      const { user, roles } = await this.personHere(actor, em, institutionId, userId);
      if (!user.active || !roles.some((r) => r.active)) {
        throw directoryError.conflict(DirectoryErrorCode.INACTIVE, 'The person has no active role here');
      }
      const now = this.calendar.now();
      // A person who also belongs elsewhere gets the new password on their own phone only: no single
      // institution may see it and sign in as them.
      const shared = await this.access.isShared(institutionId, userId);
      if (shared && !user.phone) {
        throw directoryError.conflict(
          DirectoryErrorCode.RESET_NEEDS_PHONE,
          'This person also belongs to another institution; their new password can only be sent to their own phone, and they have none',
        );
      }
      const bySms = shared || roles.some((r) => r.role === 'guardian' && r.active);
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
    return this.afterCommit(delivery, delivery);
  }

  /** A person is "here" when they hold or held any role in the institution; otherwise 404. */
  private async personHere(actor: Actor, em: EntityManager, institutionId: string, userId: string) {
    await this.access.requirePerson(actor, institutionId, userId);
    const roles = (await this.rolesHere(em, institutionId, [userId])).get(userId) ?? [];
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

  /** The person owning this phone number, else this e-mail address (both normalised), if any. */
  private async findByContact(em: EntityManager, phone: string | null, email: string | null): Promise<User | null> {
    if (phone) {
      const byPhone = await em.findOne(User, { phone });
      if (byPhone) return byPhone;
    }
    return email ? em.findOne(User, { email }, { orderBy: { createdAt: 'asc' } }) : null;
  }

  /**
   * Gives a known person the guardian role here. Only this institution's role changes: roles other
   * institutions ended stay ended, and the person's own data (names, contacts, password) is left as
   * it is. The answer reveals nothing the registering admin did not type, beyond the id they need to
   * go on managing the person here; the person is told that this institution added them.
   */
  private async linkExistingGuardian(
    em: EntityManager,
    actor: Actor,
    institutionId: string,
    user: User,
    dto: CreateGuardianDto,
  ): Promise<LinkedPerson> {
    const institution = await loadInstitution(em, institutionId);
    const now = this.calendar.now();
    const role = await em.findOne(RoleAssignment, { user, institution, role: 'guardian' });
    const added = !role?.active;
    if (role) Object.assign(role, { active: true, endedAt: null });
    else em.create(RoleAssignment, { user, institution, role: 'guardian', createdAt: now });
    // The account is open while any role is; this one now is.
    if (!user.active) Object.assign(user, { active: true, deactivatedAt: null });
    await this.linkChildren(em, institution, user, dto.children ?? [], now);
    if (added) this.outbox.add(em, 'person-linked', { userId: user.id, institutionId, role: 'guardian' }, { at: now });
    this.audit.record(em, now, {
      ...auditBy(actor, institutionId),
      action: 'guardian.attach',
      objectType: 'user',
      objectId: user.id,
      details: { children: dto.children ?? [], matchedBy: dto.phone && user.phone === normalizeMobile(dto.phone) ? 'phone' : 'email' },
    });
    await em.flush();
    const roles = (await this.rolesHere(em, institutionId, [user.id])).get(user.id) ?? [];
    return { id: user.id, existing: true, roles, personNotified: added };
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
   * one derived from the name, numbered on collision.
   */
  private withUniqueUsername(
    dto: { givenName: string; familyName: string; username?: string },
    create: (em: EntityManager, username: string) => Promise<{ user: User; credentials?: CredentialDelivery }>,
    institutionId: string,
  ): Promise<Created> {
    return this.retryingOnUnique(dto, async (em) => {
      const { user, credentials } = await create(em, await this.usernameFor(em, dto));
      await em.flush();
      const roles = (await this.rolesHere(em, institutionId, [user.id])).get(user.id) ?? [];
      return { ...view(user, roles), ...(credentials ? { credentials } : {}) };
    });
  }

  /**
   * A transaction that lost a race on a unique index (a derived username, a phone number) runs again
   * and then sees the winner's row; a requested username that is taken is the caller's 409.
   */
  private async retryingOnUnique<T>(dto: { username?: string }, work: (em: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        return await this.em.fork().transactional(work);
      } catch (e) {
        if (!(e instanceof UniqueConstraintViolationException)) throw e;
        if (dto.username && (await this.em.fork().count(User, { username: dto.username }))) throw usernameTaken();
      }
    }
    throw directoryError.conflict(DirectoryErrorCode.USERNAME_TAKEN, 'Could not find a free username; give one explicitly');
  }

  private async usernameFor(em: EntityManager, dto: { givenName: string; familyName: string; username?: string }): Promise<string> {
    if (!dto.username) return this.freeUsername(em, usernameBase(dto.givenName, dto.familyName));
    if (await em.count(User, { username: dto.username })) throw usernameTaken();
    return dto.username;
  }

  /** A phone number identifies one person (it receives their password): 409 without saying whose. */
  private async assertPhoneFree(em: EntityManager, phone: string | null | undefined, exceptUserId?: string): Promise<void> {
    if (phone && (await em.count(User, { phone, ...(exceptUserId ? { id: { $ne: exceptUserId } } : {}) }))) {
      throw directoryError.conflict(DirectoryErrorCode.PHONE_IN_USE, 'Another account has this mobile number', [{ field: 'phone', issue: 'in use' }]);
    }
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

/**
 * `shared`: the person also belongs to another institution. Their username (half of their sign-in)
 * is then theirs, not this institution's to see.
 */
export function view(user: User, roles: { role: Role; active: boolean }[], shared = false): PersonView {
  return {
    id: user.id,
    username: shared ? null : user.username,
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
