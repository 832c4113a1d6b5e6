import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '@app/directory/entities/user.entity';
import { AbsenceNotice } from './absence-notice.entity';

/**
 * One version of a notice's period, valid from one change to the next (`validTo` null while
 * current). Never updated except to close it: the meal counts read what was known at each
 * cut-off from these rows (see `mealsCancelled` in meal-cutoffs.ts and its SQL twin).
 */
@Entity({ tableName: 'absence_period' })
@Index({ properties: ['student', 'fromDate'] })
@Index({ properties: ['notice'] })
export class AbsencePeriod {
  [OptionalProps]?: 'toDate' | 'validTo';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => AbsenceNotice, { deleteRule: 'cascade' })
  notice!: AbsenceNotice;

  /** The notice's student, repeated so the counts join one table. */
  @ManyToOne(() => User)
  student!: User;

  @Property({ type: 'string', length: 10 })
  fromDate!: string;

  @Property({ type: 'string', length: 10, nullable: true })
  toDate: string | null = null;

  @Property({ type: 'datetime' })
  validFrom!: Date;

  @Property({ type: 'datetime', nullable: true })
  validTo: Date | null = null;
}
