import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { Message, MessageRecipient } from '@app/post';
import { messageError } from './message-errors';

/**
 * The one check of who may touch a message: its sender, or a recipient holding a delivered copy.
 * Anyone else gets 404, so whether a message exists stays private.
 */
@Injectable()
export class MessageAccess {
  constructor(private readonly em: EntityManager) {}

  async load(userId: string, messageId: string, options: { populateSender?: boolean } = {}): Promise<{ message: Message; copy: MessageRecipient | null }> {
    const [message, copy] = await Promise.all([
      this.em.fork().findOne(Message, messageId, options.populateSender ? { populate: ['sender'] } : {}),
      this.em.fork().findOne(MessageRecipient, { message: messageId, user: userId, deliveredAt: { $ne: null } }),
    ]);
    if (!message || (!copy && message.sender.id !== userId)) throw messageError.notFound();
    return { message, copy };
  }
}
