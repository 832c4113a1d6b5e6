import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Institution } from './institution.entity';

/** Days an institution is closed beyond public holidays (summer break, renovation, quarantine). */
@Entity({ tableName: 'institution_closure' })
@Index({ properties: ['institution', 'fromDate'] })
export class InstitutionClosure {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Institution, { deleteRule: 'cascade' })
  institution!: Institution;

  /** Riga-local YYYY-MM-DD, inclusive. */
  @Property({ type: 'string', length: 10 })
  fromDate!: string;

  @Property({ type: 'string', length: 10 })
  toDate!: string;

  @Property({ type: 'string', length: 200 })
  reason!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
