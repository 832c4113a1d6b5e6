import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * One teacher's daily reminder for one Riga day: the lessons they recorded that day still without a
 * topic. The row is the guard against sending it twice: created by one conditional insert, unique on
 * (teacher, day), so a second worker, a second sweep or a restart finds it and does nothing. Its id
 * is the `eventId` of the reminder's delivery row, which the ordinary sender claims and sends once.
 */
@Entity({ tableName: 'lesson_reminder' })
@Unique({ properties: ['teacherId', 'day'] })
export class LessonReminder {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  teacherId!: string;

  /** Riga-local date `YYYY-MM-DD`. */
  @Property({ type: 'string', length: 10 })
  day!: string;

  /** The lessons lacking a topic when the reminder was built; the e-mail lists those still lacking one. */
  @Property({ type: 'json' })
  lessonIds!: string[];

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
