import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@app/access';
import type { Actor } from '@app/auth/actor';
import { Message, MessageRecipient } from '@app/post';
import { messageError } from './message-errors';

/**
 * Loads a message with the caller's copy and asks the access policy whether the caller may touch it
 * (sender or delivered recipient, while holding a role in its institution). Anyone else gets 404,
 * so whether a message exists stays private.
 */
@Injectable()
export class MessageAccess {
  constructor(
    private readonly em: EntityManager,
    private readonly policy: AccessPolicy,
  ) {}

  async load(actor: Actor, messageId: string, options: { populateSender?: boolean } = {}): Promise<{ message: Message; copy: MessageRecipient | null }> {
    const [message, copy] = await Promise.all([
      this.em.fork().findOne(Message, messageId, options.populateSender ? { populate: ['sender'] } : {}),
      this.em.fork().findOne(MessageRecipient, { message: messageId, user: actor.userId, deliveredAt: { $ne: null } }),
    ]);
    const facts = message && { senderId: message.sender.id, institutionId: message.institution.id, delivered: copy !== null };
    if (!facts || !this.policy.mayReadMessage(actor, facts)) throw messageError.notFound();
    return { message: message!, copy };
  }
}
