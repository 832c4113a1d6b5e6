import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Group } from './group.entity';
import { User } from './user.entity';

/** A student in a group from a date, until a date (open-ended while null). Dates are Riga-local. */
@Entity({ tableName: 'enrolment' })
@Index({ properties: ['group', 'fromDate'] })
@Index({ properties: ['student'] })
export class Enrolment {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User)
  student!: User;

  @ManyToOne(() => Group)
  group!: Group;

  @Property({ type: 'string', length: 10 })
  fromDate!: string;

  @Property({ type: 'string', length: 10, nullable: true })
  toDate?: string | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
