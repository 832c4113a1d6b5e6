import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * One student's monthly grade statement (sekmju izraksts, seed 001 §3.4), sent to the guardians on the
 * first working day on or after the 1st. The row is the guard against sending it twice: created by one
 * conditional insert, unique on (student, month), so a second worker, a second sweep or a Redis flush
 * finds it and does nothing. Its id is the `eventId` of each guardian's delivery; the marks and
 * absences are read when the e-mail is composed.
 */
@Entity({ tableName: 'grade_statement' })
@Unique({ properties: ['studentId', 'month'] })
export class GradeStatement {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  studentId!: string;

  /** The institution whose marks the statement reports (where the guardians must hold a guardian role). */
  @Property({ type: 'uuid' })
  institutionId!: string;

  /** The month reported, `YYYY-MM`. */
  @Property({ type: 'string', length: 7 })
  month!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
