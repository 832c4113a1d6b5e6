import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '@app/directory/entities/user.entity';

/**
 * The argon2 hashes of a user's most recent passwords, the current one included (chosen or issued),
 * so a password change can refuse one used recently. Only the newest few are kept.
 */
@Entity({ tableName: 'password_history' })
@Index({ properties: ['user', 'id'] })
export class PasswordHistory {
  /** Increasing: tells newer from older even when two changes share a timestamp. */
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'string', length: 255, hidden: true })
  hash!: string;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}
