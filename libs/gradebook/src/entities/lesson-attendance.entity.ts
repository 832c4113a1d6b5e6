import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { User } from '@app/directory/entities/user.entity';
import { Lesson } from './lesson.entity';

export const ATTENDANCE_STATUSES = ['present', 'absent', 'late'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/**
 * One student's mark in one lesson's attendance. An `absent` row does not hold the absence itself:
 * the day's absence record is the child's {@link AbsenceNotice} (a guardian's notice, or one the
 * teacher's mark created), so meals, reviews and statements read one truth per child and day.
 */
@Entity({ tableName: 'lesson_attendance' })
@Unique({ properties: ['lesson', 'student'] })
@Index({ properties: ['student'] })
export class LessonAttendance {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Lesson, { deleteRule: 'cascade' })
  lesson!: Lesson;

  @ManyToOne(() => User)
  student!: User;

  @Enum({ items: () => ATTENDANCE_STATUSES })
  status!: AttendanceStatus;

  /** Who recorded (or last changed) it. */
  @ManyToOne(() => User)
  recordedBy!: User;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
