import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Group } from '@app/directory/entities/group.entity';
import { Institution } from '@app/directory/entities/institution.entity';
import { User } from '@app/directory/entities/user.entity';

/**
 * One lesson (nodarbība / stunda) of a group in a subject on a Riga-local date: topic and homework.
 * `teacher` is who actually taught it; when a substitute taught (seeds 000 §4.11, 002 §15) the lesson
 * also names the group's teacher they stood in for, so both journals show it.
 */
@Entity({ tableName: 'lesson' })
@Index({ properties: ['group', 'date'] })
@Index({ properties: ['teacher', 'date'] })
export class Lesson {
  [OptionalProps]?: 'topic' | 'homework' | 'substituteFor' | 'attendanceTakenAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Institution)
  institution!: Institution;

  @ManyToOne(() => Group)
  group!: Group;

  /** The subject as the school names it ("Matemātika"); free text, one line. */
  @Property({ type: 'string', length: 80 })
  subject!: string;

  /** Riga-local YYYY-MM-DD. */
  @Property({ type: 'string', length: 10 })
  date!: string;

  @Property({ type: 'string', length: 500, nullable: true })
  topic: string | null = null;

  @Property({ type: 'string', length: 2000, nullable: true })
  homework: string | null = null;

  /** Who taught the lesson (and recorded it). */
  @ManyToOne(() => User)
  teacher!: User;

  /** The group's teacher a substitute stood in for; null for the group's own teacher. */
  @ManyToOne(() => User, { nullable: true })
  substituteFor: User | null = null;

  /** When attendance was last recorded for the lesson (see {@link LessonAttendance}); null: not taken yet. */
  @Property({ type: 'datetime', nullable: true })
  attendanceTakenAt: Date | null = null;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
