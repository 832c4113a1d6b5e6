import { Entity, Enum, OneToOne, OptionalProps, Property } from '@mikro-orm/core';
import { User } from '@app/directory/entities/user.entity';

export const DIETS = ['standard', 'vegetarian', 'lactose_free', 'gluten_free', 'other'] as const;
export type Diet = (typeof DIETS)[number];

/** A child's diet; a child without a row eats the standard menu. `other` says what in `note`. */
@Entity({ tableName: 'student_diet' })
export class StudentDiet {
  [OptionalProps]?: 'note';

  @OneToOne(() => User, { primary: true, owner: true, deleteRule: 'cascade' })
  student!: User;

  @Enum({ items: () => DIETS })
  diet!: Diet;

  @Property({ type: 'string', length: 200, nullable: true })
  note: string | null = null;
}
