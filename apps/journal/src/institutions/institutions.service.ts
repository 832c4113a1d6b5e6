import { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit/audit-log.service';
import type { Actor } from '@app/auth/actor';
import { AccessPolicy, Permission } from '@app/access';
import { DirectoryErrorCode, directoryError } from '@app/directory/directory-errors';
import {
  Institution,
  InstitutionClosure,
  InstitutionKind,
  InstitutionSettings,
  institutionSettings,
  Role,
} from '@app/directory/entities';
import { CalendarService } from '@app/platform/time/calendar.service';
import { toEpochDay } from '@app/platform/time/riga-time';
import { auditBy, loadInstitution } from '../common/management';
import { requireDateRange, requireLocalDate, requireLocalTime } from './dates';
import { institutionError } from './institution-errors';
import type { ClosuresQuery, CreateClosureDto, UpdateSettingsDto } from './institutions.dto';
import { normalizeModeration, patchModeration } from './moderation-settings';

export interface InstitutionSummary {
  id: string;
  name: string;
  kind: InstitutionKind;
  timeZone: string;
  myRoles: Role[];
}

export type InstitutionView = InstitutionSummary & { settings?: InstitutionSettings };

export interface ClosureView {
  id: string;
  from: string;
  to: string;
  reason: string;
  createdAt: Date;
}

/** The longest closure one entry may describe (a summer break fits; "closed forever" does not). */
export const MAX_CLOSURE_DAYS = 366;

const TIME_KEYS = ['absenceCutoffPreviousDay', 'absenceCutoffSameDay', 'mealReportTime'] as const satisfies readonly (keyof InstitutionSettings)[];
/** Notification settings: their shapes are checked by the DTO (null returns a key to the service default). */
const NOTIFICATION_KEYS = ['alertDelaySeconds', 'quietHours', 'smsTransliterate', 'smsMonthlySegmentBudget'] as const satisfies readonly (keyof InstitutionSettings)[];
const SETTING_KEYS = [...TIME_KEYS, ...NOTIFICATION_KEYS] as const;

/** An institution as its members see it, its own rules (settings) and the days it is closed. */
@Injectable()
export class InstitutionsService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditLog,
    private readonly calendar: CalendarService,
    private readonly access: AccessPolicy,
  ) {}

  /** Institutions where the actor holds any active role (the actor's roles only list active ones). */
  async listMine(actor: Actor): Promise<InstitutionSummary[]> {
    const ids = [...new Set(actor.roles.map((r) => r.institutionId))];
    if (!ids.length) return [];
    const institutions = await this.em.fork().find(Institution, { id: { $in: ids }, active: true }, { orderBy: { name: 'asc', id: 'asc' } });
    return institutions.map((i) => summary(i, [...this.access.rolesIn(actor, i.id)]));
  }

  /** Members only (anyone else: 404 INSTITUTION_NOT_FOUND); management also sees the settings. */
  async get(actor: Actor, institutionId: string): Promise<InstitutionView> {
    this.assertMember(actor, institutionId);
    const institution = await loadInstitution(this.em.fork(), institutionId);
    const view: InstitutionView = summary(institution, [...this.access.rolesIn(actor, institutionId)]);
    if (this.access.can(actor, Permission.InstitutionManage, institutionId)) view.settings = institutionSettings(institution.settings);
    return view;
  }

  /**
   * Merges the given values into the settings; each time must be a real `HH:mm` (400 INVALID_TIME),
   * moderation terms are checked one by one (400 MODERATION_*, see moderation-settings.ts).
   */
  async updateSettings(actor: Actor, institutionId: string, dto: UpdateSettingsDto): Promise<{ settings: InstitutionSettings }> {
    this.access.require(actor, Permission.InstitutionManage, institutionId);
    for (const key of TIME_KEYS) if (dto[key] !== undefined) requireLocalTime(dto[key], key);
    const moderationPatch = dto.moderation ? normalizeModeration(dto.moderation) : null;
    return this.em.fork().transactional(async (em) => {
      const institution = await loadInstitution(em, institutionId);
      const before = institutionSettings(institution.settings);
      const after: Record<string, unknown> = { ...before };
      const changed: Record<string, unknown> = {};
      for (const key of SETTING_KEYS) {
        const value = dto[key];
        if (value !== undefined && value !== before[key]) {
          after[key] = value;
          changed[key] = { from: before[key], to: value };
        }
      }
      if (moderationPatch) {
        const moderation = patchModeration(before.moderation, moderationPatch);
        after.moderation = moderation.after;
        Object.assign(changed, moderation.changed);
      }
      if (Object.keys(changed).length) {
        institution.settings = after as unknown as InstitutionSettings;
        this.audit.record(em, this.calendar.now(), {
          ...auditBy(actor, institutionId),
          action: 'institution.settings_update',
          objectType: 'institution',
          objectId: institutionId,
          details: { changed },
        });
      }
      return { settings: after as unknown as InstitutionSettings };
    });
  }

  /** Any member may read the closures (they are not personal data; the kitchen needs them too). */
  async listClosures(actor: Actor, institutionId: string, q: ClosuresQuery = {}): Promise<ClosureView[]> {
    this.assertMember(actor, institutionId);
    if (q.from !== undefined) requireLocalDate(q.from, 'from');
    if (q.to !== undefined) requireLocalDate(q.to, 'to');
    const em = this.em.fork();
    await loadInstitution(em, institutionId);
    const where: FilterQuery<InstitutionClosure> = { institution: institutionId };
    if (q.from) where.toDate = { $gte: q.from };
    if (q.to) where.fromDate = { $lte: q.to };
    const rows = await em.find(InstitutionClosure, where, { orderBy: { fromDate: 'asc', toDate: 'asc', id: 'asc' } });
    return rows.map(closureView);
  }

  async createClosure(actor: Actor, institutionId: string, dto: CreateClosureDto): Promise<ClosureView> {
    this.access.require(actor, Permission.InstitutionManage, institutionId);
    requireDateRange(dto.from, dto.to);
    if (toEpochDay(dto.to) - toEpochDay(dto.from) + 1 > MAX_CLOSURE_DAYS) throw institutionError.closureTooLong(MAX_CLOSURE_DAYS);
    const reason = dto.reason.trim();
    return this.em.fork().transactional(async (em) => {
      const institution = await loadInstitution(em, institutionId);
      const now = this.calendar.now();
      const closure = em.create(InstitutionClosure, { institution, fromDate: dto.from, toDate: dto.to, reason, createdAt: now });
      this.audit.record(em, now, {
        ...auditBy(actor, institutionId),
        action: 'closure.create',
        objectType: 'institution_closure',
        objectId: closure.id,
        details: { from: dto.from, to: dto.to, reason },
      });
      return closureView(closure);
    });
  }

  async deleteClosure(actor: Actor, institutionId: string, closureId: string): Promise<void> {
    this.access.require(actor, Permission.InstitutionManage, institutionId);
    await this.em.fork().transactional(async (em) => {
      const closure = await em.findOne(InstitutionClosure, { id: closureId, institution: institutionId });
      if (!closure) throw institutionError.closureNotFound();
      em.remove(closure);
      this.audit.record(em, this.calendar.now(), {
        ...auditBy(actor, institutionId),
        action: 'closure.delete',
        objectType: 'institution_closure',
        objectId: closure.id,
        details: { from: closure.fromDate, to: closure.toDate, reason: closure.reason },
      });
    });
  }

  private assertMember(actor: Actor, institutionId: string): void {
    if (!this.access.can(actor, Permission.InstitutionMember, institutionId)) {
      throw directoryError.notFound(DirectoryErrorCode.INSTITUTION_NOT_FOUND, 'Institution');
    }
  }
}

function summary(i: Institution, myRoles: Role[]): InstitutionSummary {
  return { id: i.id, name: i.name, kind: i.kind, timeZone: i.timeZone, myRoles };
}

function closureView(c: InstitutionClosure): ClosureView {
  return { id: c.id, from: c.fromDate, to: c.toDate, reason: c.reason, createdAt: c.createdAt };
}
