import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * One teacher's reminder for one Riga day of their tests still not marked five working days after
 * (seed 001 §4.2). Unique on (teacher, day), built by one conditional insert, so two workers send it
 * once; its id is the `eventId` of the teacher's delivery.
 */
@Entity({ tableName: 'test_mark_reminder' })
@Unique({ properties: ['teacherId', 'day'] })
export class TestMarkReminder {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  teacherId!: string;

  /** Riga-local date `YYYY-MM-DD`. */
  @Property({ type: 'string', length: 10 })
  day!: string;

  /** The test lessons overdue when the reminder was built; the e-mail lists those still missing marks. */
  @Property({ type: 'json' })
  lessonIds!: string[];

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
