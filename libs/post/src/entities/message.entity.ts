import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Institution } from '@app/directory/entities/institution.entity';
import { User } from '@app/directory/entities/user.entity';

export const MESSAGE_PRIORITIES = ['normal', 'urgent'] as const;
export type MessagePriority = (typeof MESSAGE_PRIORITIES)[number];

/** `one-per-student`: one guardian's confirmation counts for the child (seed 000 §5.2). */
export const ACK_SCOPES = ['each-recipient', 'one-per-student'] as const;
export type AckScope = (typeof ACK_SCOPES)[number];

/** `held`: waiting for a moderator; nobody but the sender and moderators can see it. */
export const MESSAGE_STATUSES = ['sent', 'held', 'rejected'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const SENDER_FOLDERS = ['sent', 'archive', 'trash'] as const;
export type SenderFolder = (typeof SENDER_FOLDERS)[number];

/** Who the sender addressed, as asked; the recipient rows are the expanded snapshot. */
export interface MessageAudience {
  users?: string[];
  groups?: { groupId: string; audience: 'guardians' | 'students' | 'staff' }[];
  institution?: { audience: 'guardians' | 'students' | 'staff' };
  /** Set for replies: the message answered decides the recipients. */
  replyTo?: string;
}

/** What moderation found, kept for the moderator and as evidence. Offsets are into `subject` or `bodyText`. */
export interface MessageModeration {
  decision: 'allow' | 'review' | 'block';
  categories: string[];
  matches: { field: 'subject' | 'body'; start: number; end: number; category: string; severity: number }[];
}

@Entity({ tableName: 'message' })
@Index({ properties: ['sender', 'senderFolder', 'createdAt'] })
@Index({ properties: ['institution', 'status', 'createdAt'] })
@Index({ properties: ['threadId'] })
@Unique({ properties: ['sender', 'idempotencyKey'] })
export class Message {
  [OptionalProps]?: 'priority' | 'requiresAck' | 'status' | 'senderFolder' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Institution)
  institution!: Institution;

  @ManyToOne(() => User)
  sender!: User;

  @Property({ type: 'string', length: 200 })
  subject!: string;

  /** Sanitised HTML (libs/moderation `sanitizeMessageHtml`). */
  @Property({ type: 'text' })
  bodyHtml!: string;

  @Property({ type: 'text' })
  bodyText!: string;

  @Enum({ items: () => MESSAGE_PRIORITIES })
  priority: MessagePriority = 'normal';

  @Property({ type: 'boolean' })
  requiresAck: boolean = false;

  @Property({ type: 'datetime', nullable: true })
  ackDeadline?: Date | null;

  @Enum({ items: () => ACK_SCOPES, nullable: true })
  ackScope?: AckScope | null;

  @ManyToOne(() => Message, { nullable: true })
  replyTo?: Message | null;

  /** The first message of the thread (its own id for a new conversation). */
  @Property({ type: 'uuid' })
  threadId!: string;

  @Enum({ items: () => MESSAGE_STATUSES })
  status: MessageStatus = 'sent';

  @Property({ type: 'json' })
  audience!: MessageAudience;

  @Property({ type: 'integer' })
  recipientCount!: number;

  @Property({ type: 'json', nullable: true })
  moderation?: MessageModeration | null;

  @ManyToOne(() => User, { nullable: true })
  moderatedBy?: User | null;

  @Property({ type: 'datetime', nullable: true })
  moderatedAt?: Date | null;

  @Property({ type: 'string', length: 500, nullable: true })
  moderationReason?: string | null;

  @Enum({ items: () => SENDER_FOLDERS })
  senderFolder: SenderFolder = 'sent';

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  /** When recipients got it: at once, or when a moderator approved it. */
  @Property({ type: 'datetime', nullable: true })
  sentAt?: Date | null;

  /** Client-chosen key: a retried POST returns this message instead of sending twice. */
  @Property({ type: 'string', length: 200, nullable: true })
  idempotencyKey?: string | null;

  /** Hash of the request that used the key; the same key with another request is refused. */
  @Property({ type: 'string', length: 64, nullable: true })
  requestHash?: string | null;
}
