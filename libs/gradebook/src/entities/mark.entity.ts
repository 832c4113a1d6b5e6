import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Group } from '@app/directory/entities/group.entity';
import { Institution } from '@app/directory/entities/institution.entity';
import { User } from '@app/directory/entities/user.entity';
import { MARK_KINDS, MARK_SCALES, type MarkKind, type MarkScale } from '../mark-scales';
import { Lesson } from './lesson.entity';

/**
 * A student's mark in a subject: its scale (1–10, pass/fail, S/T/A/P) and value, or no value for a
 * justified non-assessment (seed 000 §4.5). `group` is the student's group on the mark's date.
 */
@Entity({ tableName: 'mark' })
@Index({ properties: ['student', 'date'] })
@Index({ properties: ['group', 'date'] })
export class Mark {
  [OptionalProps]?: 'value' | 'lesson' | 'kind';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User)
  student!: User;

  @ManyToOne(() => Institution)
  institution!: Institution;

  @ManyToOne(() => Group)
  group!: Group;

  @Property({ type: 'string', length: 80 })
  subject!: string;

  /** Riga-local YYYY-MM-DD. */
  @Property({ type: 'string', length: 10 })
  date!: string;

  @Enum({ items: () => MARK_SCALES })
  scale!: MarkScale;

  /** "1"…"10", "pass"/"fail", "S"/"T"/"A"/"P"; null: not assessed, for a justified reason. */
  @Property({ type: 'string', length: 10, nullable: true })
  value: string | null = null;

  @Enum({ items: () => MARK_KINDS })
  kind: MarkKind = 'lesson';

  @ManyToOne(() => Lesson, { nullable: true })
  lesson: Lesson | null = null;

  /** Who entered (or last corrected) the mark. */
  @ManyToOne(() => User)
  teacher!: User;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
