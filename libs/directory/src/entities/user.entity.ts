import { randomUUID } from 'node:crypto';
import { Collection, Entity, Enum, OneToMany, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { RoleAssignment } from './role-assignment.entity';

export const LANGUAGES = ['lv', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** One row per person, whatever roles they hold in however many institutions. */
@Entity({ tableName: 'app_user' })
export class User {
  [OptionalProps]?: 'language' | 'mustChangePassword' | 'active' | 'createdAt' | 'updatedAt' | 'displayName';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Lower-case; unique across the whole service. */
  @Property({ type: 'string', length: 64 })
  @Unique()
  username!: string;

  @Property({ type: 'string', length: 100 })
  givenName!: string;

  @Property({ type: 'string', length: 100 })
  familyName!: string;

  @Property({ type: 'string', length: 254, nullable: true })
  email?: string | null;

  /**
   * E.164, e.g. +37129123456. One number, one person: the number receives the person's password, and
   * a registration that finds it links the person instead of creating a second account.
   */
  @Property({ type: 'string', length: 16, nullable: true })
  @Unique()
  phone?: string | null;

  @Enum({ items: () => LANGUAGES })
  language: Language = 'lv';

  /** argon2id; null until a password is issued. */
  @Property({ type: 'string', length: 255, nullable: true, hidden: true, lazy: true })
  passwordHash?: string | null;

  @Property({ type: 'boolean' })
  mustChangePassword: boolean = true;

  @Property({ type: 'datetime', nullable: true })
  passwordChangedAt?: Date | null;

  @Property({ type: 'boolean' })
  active: boolean = true;

  @Property({ type: 'datetime', nullable: true })
  deactivatedAt?: Date | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @OneToMany('RoleAssignment', 'user')
  roles = new Collection<RoleAssignment>(this);

  get displayName(): string {
    return displayNameOf(this);
  }
}

export const displayNameOf = (u: { givenName: string; familyName: string }) => `${u.givenName} ${u.familyName}`;
