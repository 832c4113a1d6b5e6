import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Institution } from './institution.entity';

/** grupa (pre-school), klase (school), pulciņš/programma (interest education): one concept. */
export const GROUP_KINDS = ['preschool_group', 'class', 'programme'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

@Entity({ tableName: 'school_group' })
@Index({ properties: ['institution', 'schoolYear'] })
export class Group {
  [OptionalProps]?: 'active' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Institution)
  institution!: Institution;

  @Property({ type: 'string', length: 120 })
  name!: string;

  @Enum({ items: () => GROUP_KINDS })
  kind!: GroupKind;

  /** e.g. 2026/2027 */
  @Property({ type: 'string', length: 9 })
  schoolYear!: string;

  @Property({ type: 'boolean' })
  active: boolean = true;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
