import { Entity, OneToOne, OptionalProps, Property } from '@mikro-orm/core';
import { Group } from '@app/directory/entities/group.entity';

export const MEALS = ['breakfast', 'lunch', 'snack'] as const;
export type Meal = (typeof MEALS)[number];

/** Which meals the kitchen serves a group (afternoon snack = launagi). A group without a row eats none. */
@Entity({ tableName: 'group_meals' })
export class GroupMeals {
  [OptionalProps]?: 'breakfast' | 'lunch' | 'snack';

  @OneToOne(() => Group, { primary: true, owner: true, deleteRule: 'cascade' })
  group!: Group;

  @Property({ type: 'boolean' })
  breakfast: boolean = false;

  @Property({ type: 'boolean' })
  lunch: boolean = false;

  @Property({ type: 'boolean' })
  snack: boolean = false;
}
