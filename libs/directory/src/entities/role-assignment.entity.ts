import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Institution } from './institution.entity';
import { User } from './user.entity';

export const ROLES = [
  'head',
  'deputy_head',
  'admin',
  'teacher',
  'speech_therapist',
  'nurse',
  'kitchen',
  'guardian',
  'student',
] as const;
export type Role = (typeof ROLES)[number];

// Role groups (management, teaching, staff, …) are the access policy's vocabulary: libs/access/src/roles.ts.

@Entity({ tableName: 'role_assignment' })
@Unique({ properties: ['user', 'institution', 'role'] })
@Index({ properties: ['institution', 'role'] })
export class RoleAssignment {
  [OptionalProps]?: 'active' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User)
  user!: User;

  @ManyToOne(() => Institution)
  institution!: Institution;

  @Enum({ items: () => ROLES })
  role!: Role;

  @Property({ type: 'boolean' })
  active: boolean = true;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  endedAt?: Date | null;
}
