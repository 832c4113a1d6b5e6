import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * One institution's weekly overdue summary for its deputy heads (the quality checks of seeds 002 §16
 * and 000 §4.9): lessons still without a topic past their deadline and tests not marked in time.
 * Unique on (institution, week), built by one conditional insert, so two workers or a Redis flush send
 * it once; its id is the `eventId` of each deputy head's delivery, and the lists are read at send time.
 */
@Entity({ tableName: 'overdue_summary' })
@Unique({ properties: ['institutionId', 'week'] })
export class OverdueSummary {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  institutionId!: string;

  /** The Monday of the ISO week, Riga-local `YYYY-MM-DD`. */
  @Property({ type: 'string', length: 10 })
  week!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
