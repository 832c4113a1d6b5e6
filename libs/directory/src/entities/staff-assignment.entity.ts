import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Group } from './group.entity';
import { User } from './user.entity';

/** class_teacher owns the group (klases audzinātājs / grupas skolotājs); a group may have several. */
export const STAFF_ASSIGNMENT_KINDS = ['class_teacher', 'teacher', 'speech_therapist', 'assistant'] as const;
export type StaffAssignmentKind = (typeof STAFF_ASSIGNMENT_KINDS)[number];

@Entity({ tableName: 'staff_assignment' })
@Unique({ properties: ['staff', 'group', 'kind'] })
@Index({ properties: ['group'] })
export class StaffAssignment {
  [OptionalProps]?: 'active' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User)
  staff!: User;

  @ManyToOne(() => Group)
  group!: Group;

  @Enum({ items: () => STAFF_ASSIGNMENT_KINDS })
  kind!: StaffAssignmentKind;

  @Property({ type: 'boolean' })
  active: boolean = true;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
