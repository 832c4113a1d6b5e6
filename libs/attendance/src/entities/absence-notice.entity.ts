import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Institution } from '@app/directory/entities/institution.entity';
import { User } from '@app/directory/entities/user.entity';

/** Seed 000 §4.1: illness, home regime ordered by a doctor, family circumstances, adaptation, quarantine in the group, other. */
export const ABSENCE_REASONS = ['illness', 'doctor_ordered_home_regime', 'family', 'adaptation', 'group_quarantine', 'other'] as const;
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];

/** `withdrawn`: the notice no longer counts (its periods are closed); kept for the record. */
export const ABSENCE_STATUSES = ['active', 'withdrawn'] as const;
export type AbsenceStatus = (typeof ABSENCE_STATUSES)[number];

/** Set by the nurse or class teacher once informed (seeds 001 §3.3, 002 §14); null until then. */
export const ABSENCE_JUSTIFICATIONS = ['justified', 'unjustified'] as const;
export type AbsenceJustification = (typeof ABSENCE_JUSTIFICATIONS)[number];

/**
 * A guardian's notice that a child will be (or is) absent: a period and a reason. The period's
 * history lives in {@link AbsencePeriod}; `fromDate`/`toDate` mirror the current one for listing.
 */
@Entity({ tableName: 'absence_notice' })
@Index({ properties: ['student', 'fromDate'] })
@Index({ properties: ['institution', 'fromDate'] })
export class AbsenceNotice {
  [OptionalProps]?: 'status' | 'note' | 'justification' | 'toDate' | 'recordedInLesson';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User)
  student!: User;

  /** The institution the child was enrolled in when the notice was made (whose rules apply). */
  @ManyToOne(() => Institution)
  institution!: Institution;

  /** Riga-local YYYY-MM-DD, inclusive. */
  @Property({ type: 'string', length: 10 })
  fromDate!: string;

  /** Last day, inclusive; null while open-ended. */
  @Property({ type: 'string', length: 10, nullable: true })
  toDate: string | null = null;

  @Enum({ items: () => ABSENCE_REASONS })
  reason!: AbsenceReason;

  @Property({ type: 'string', length: 500, nullable: true })
  note: string | null = null;

  @Enum({ items: () => ABSENCE_STATUSES })
  status: AbsenceStatus = 'active';

  @Enum({ items: () => ABSENCE_JUSTIFICATIONS, nullable: true })
  justification: AbsenceJustification | null = null;

  /**
   * Made by a teacher marking the child absent in a lesson, with no notice covering the day: unexcused
   * until reviewed, and taken over by the guardian's notice for the day (one record per child and day).
   */
  @Property({ type: 'boolean' })
  recordedInLesson: boolean = false;

  @ManyToOne(() => User)
  createdBy!: User;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
