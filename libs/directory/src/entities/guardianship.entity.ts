import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { User } from './user.entity';

/** mamma, tētis, cita atbildīgā persona (seed 000 §3.1). */
export const GUARDIAN_RELATIONS = ['mother', 'father', 'other'] as const;
export type GuardianRelation = (typeof GUARDIAN_RELATIONS)[number];

@Entity({ tableName: 'guardianship' })
@Unique({ properties: ['guardian', 'student'] })
@Index({ properties: ['student'] })
export class Guardianship {
  [OptionalProps]?: 'active' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User)
  guardian!: User;

  @ManyToOne(() => User)
  student!: User;

  @Enum({ items: () => GUARDIAN_RELATIONS })
  relation!: GuardianRelation;

  @Property({ type: 'boolean' })
  active: boolean = true;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
