import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '@app/directory/entities/user.entity';

/**
 * One login = one refresh-token family. The refresh token names the session and its generation;
 * presenting an older generation means a token was copied, so the whole family is revoked.
 * Access tokens carry the session id, and the guard checks the row on every request, which is
 * what makes logout, password reset and deactivation take effect at once.
 */
@Entity({ tableName: 'auth_session' })
@Index({ properties: ['user', 'revokedAt'] })
export class AuthSession {
  [OptionalProps]?: 'generation' | 'createdAt' | 'lastRefreshedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User)
  user!: User;

  @Property({ type: 'integer' })
  generation: number = 1;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  lastRefreshedAt: Date = new Date();

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;

  @Property({ type: 'string', length: 40, nullable: true })
  revokedReason?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  ip?: string | null;

  @Property({ type: 'string', length: 300, nullable: true })
  userAgent?: string | null;
}
