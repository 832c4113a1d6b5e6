import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { User } from '@app/directory/entities/user.entity';
import { Message } from './message.entity';

export const RECIPIENT_FOLDERS = ['inbox', 'archive', 'trash'] as const;
export type RecipientFolder = (typeof RECIPIENT_FOLDERS)[number];

/**
 * One person's copy, fixed at send time (a snapshot of the audience). Moving it to the trash hides it
 * from that person only; the row and its receipts stay as the institution's proof of delivery.
 */
@Entity({ tableName: 'message_recipient' })
@Unique({ properties: ['message', 'user'] })
@Index({ properties: ['user', 'folder', 'deliveredAt'] })
export class MessageRecipient {
  [OptionalProps]?: 'folder' | 'studentIds';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Message)
  message!: Message;

  @ManyToOne(() => User)
  user!: User;

  /** The children this copy is about (a guardian with two children in the class gets one copy naming both). */
  @Property({ type: 'json' })
  studentIds: string[] = [];

  /** Null while the message is held by moderation. */
  @Property({ type: 'datetime', nullable: true })
  deliveredAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  readAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  ackedAt?: Date | null;

  @Enum({ items: () => RECIPIENT_FOLDERS })
  folder: RecipientFolder = 'inbox';
}
