import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { User } from '@app/directory/entities';
import type { NotificationDelivery } from '@app/notifications/delivery/notification-delivery.entity';
import { NotificationDigest } from '@app/notifications/digest/notification-digest.entity';
import { MessageRecipient } from '@app/post';
import type { Composed } from '../pipeline/delivery-sender.service';
import { Templates } from '../templates/templates';

/**
 * The digest e-mail, composed at send time from the digest row: the person's own copies it lists
 * that are still unread and not trashed (read meanwhile: left out; all read: nothing is sent), each
 * with its sender, subject and link. Only the recipient's own copies are read, so no other family's
 * data can appear.
 */
@Injectable()
export class DigestComposer {
  constructor(
    private readonly em: EntityManager,
    private readonly templates: Templates,
  ) {}

  /** The digest behind this delivery, or null when its event is not a digest. */
  async compose(d: NotificationDelivery): Promise<Composed | null> {
    const em = this.em.fork();
    const digest = await em.findOne(NotificationDigest, d.eventId);
    if (!digest) return null;
    const user = await em.findOne(User, d.userId);
    if (!user?.active || digest.userId !== d.userId) return { suppress: 'inactive' };
    if (!user.email) return { suppress: 'no-contact' };
    const copies = await em.find(
      MessageRecipient,
      { user: d.userId, message: { $in: digest.messageIds }, deliveredAt: { $ne: null }, readAt: null, folder: { $ne: 'trash' } },
      { populate: ['message.sender'] },
    );
    if (!copies.length) return { suppress: 'read' };
    const order = new Map(digest.messageIds.map((id, i) => [id, i]));
    copies.sort((a, b) => order.get(a.message.id)! - order.get(b.message.id)!);
    const { email } = this.templates.render('digest', user.language, {
      messages: copies.map((c) => ({ subject: c.message.subject, sender: c.message.sender.displayName, messageId: c.message.id })),
    });
    return { mail: { to: user.email, ...email } };
  }
}
