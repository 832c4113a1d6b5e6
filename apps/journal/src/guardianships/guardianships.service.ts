import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit/audit-log.service';
import type { Actor } from '@app/auth/actor';
import { AccessPolicy, Permission } from '@app/access';
import { DirectoryErrorCode, directoryError } from '@app/directory/directory-errors';
import { GuardianRelation, Guardianship, RoleAssignment } from '@app/directory/entities';
import { CalendarService } from '@app/platform/time/calendar.service';
import { auditBy, loadInstitution } from '../common/management';
import { holdsRole, upsertGuardianship } from './guardianship-links';
import type { CreateGuardianshipDto, UpdateGuardianshipDto } from './guardianships.dto';

export interface GuardianshipView {
  id: string;
  guardianId: string;
  guardianName: string;
  studentId: string;
  studentName: string;
  relation: GuardianRelation;
  active: boolean;
  createdAt: Date;
}

/** Who guards whom. A guardian sees their children's data only while the link is active. */
@Injectable()
export class GuardianshipsService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditLog,
    private readonly calendar: CalendarService,
    private readonly access: AccessPolicy,
  ) {}

  /**
   * Links a guardian of this institution to a student of it. An existing link (even an ended
   * one) is reactivated and given the new relation instead of being duplicated.
   */
  async create(actor: Actor, institutionId: string, dto: CreateGuardianshipDto): Promise<GuardianshipView & { existing: boolean }> {
    this.access.require(actor, Permission.InstitutionManage, institutionId);
    if (dto.guardianId === dto.studentId) {
      throw directoryError.invalid(DirectoryErrorCode.NOT_A_STUDENT, 'A person cannot be their own guardian', [
        { field: 'guardianId', issue: 'same as studentId' },
      ]);
    }
    // A concurrent request may insert the same pair first; the second attempt then finds it.
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.em.fork().transactional((em) => this.link(em, actor, institutionId, dto));
      } catch (e) {
        if (!(e instanceof UniqueConstraintViolationException) || attempt > 0) throw e;
      }
    }
  }

  /**
   * Changes the relation or (de)activates the link. Only management of an institution where the
   * student is a student; anyone else: 404 GUARDIANSHIP_NOT_FOUND.
   */
  async update(actor: Actor, guardianshipId: string, dto: UpdateGuardianshipDto): Promise<GuardianshipView> {
    return this.em.fork().transactional(async (em) => {
      const link = await em.findOne(Guardianship, guardianshipId, { populate: ['guardian', 'student'] });
      const managed = link ? await this.managedInstitutions(em, actor, link.student.id) : [];
      if (!link || !managed.length) throw directoryError.notFound(DirectoryErrorCode.GUARDIANSHIP_NOT_FOUND, 'Guardianship');
      const changed: Record<string, { from: unknown; to: unknown }> = {};
      if (dto.relation !== undefined && dto.relation !== link.relation) changed.relation = { from: link.relation, to: dto.relation };
      if (dto.active !== undefined && dto.active !== link.active) {
        if (dto.active && !(await holdsRole(em, link.guardian.id, managed, 'guardian'))) throw notAGuardian();
        changed.active = { from: link.active, to: dto.active };
      }
      if (Object.keys(changed).length) {
        if (dto.relation !== undefined) link.relation = dto.relation;
        if (dto.active !== undefined) link.active = dto.active;
        this.audit.record(em, this.calendar.now(), {
          ...auditBy(actor, managed[0]!),
          action: 'guardianship.update',
          objectType: 'guardianship',
          objectId: link.id,
          details: { guardianId: link.guardian.id, studentId: link.student.id, changed },
        });
      }
      return view(link);
    });
  }

  private async link(
    em: EntityManager,
    actor: Actor,
    institutionId: string,
    dto: CreateGuardianshipDto,
  ): Promise<GuardianshipView & { existing: boolean }> {
    const institution = await loadInstitution(em, institutionId);
    if (!(await holdsRole(em, dto.guardianId, [institutionId], 'guardian'))) throw notAGuardian();
    if (!(await holdsRole(em, dto.studentId, [institutionId], 'student'))) {
      throw directoryError.notFound(DirectoryErrorCode.STUDENT_NOT_FOUND, 'Student');
    }
    const now = this.calendar.now();
    const { link, before } = await upsertGuardianship(em, dto.guardianId, dto.studentId, dto.relation, now);
    if (before && before.relation === dto.relation && before.active) return { ...view(link), existing: true };
    this.audit.record(em, now, {
      ...auditBy(actor, institution.id),
      action: 'guardianship.create',
      objectType: 'guardianship',
      objectId: link.id,
      details: before
        ? { guardianId: dto.guardianId, studentId: dto.studentId, relation: dto.relation, existing: true, before }
        : { guardianId: dto.guardianId, studentId: dto.studentId, relation: dto.relation, existing: false },
    });
    await em.flush();
    return { ...view(link), existing: !!before };
  }

  /** Institutions the actor manages where the student holds an active student role. */
  private async managedInstitutions(em: EntityManager, actor: Actor, studentId: string): Promise<string[]> {
    const managing = this.access.institutionsWhere(actor, Permission.InstitutionManage);
    if (!managing.length) return [];
    const roles = await em.find(
      RoleAssignment,
      { user: studentId, role: 'student', active: true, institution: { $in: managing } },
      { orderBy: { createdAt: 'asc' } },
    );
    return [...new Set(roles.map((r) => r.institution.id))];
  }
}

const notAGuardian = () =>
  directoryError.invalid(DirectoryErrorCode.NOT_A_GUARDIAN, 'The person holds no guardian role in this institution', [
    { field: 'guardianId', issue: 'not a guardian here' },
  ]);

function view(g: Guardianship): GuardianshipView {
  return {
    id: g.id,
    guardianId: g.guardian.id,
    guardianName: g.guardian.displayName,
    studentId: g.student.id,
    studentName: g.student.displayName,
    relation: g.relation,
    active: g.active,
    createdAt: g.createdAt,
  };
}
