import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import { DirectoryQueries } from '@app/directory/directory.queries';
import { Institution, User } from '@app/directory/entities';
import { NotificationDelivery } from '@app/notifications/delivery/notification-delivery.entity';
import { OutboxMessage } from '@app/notifications/outbox/outbox-message.entity';
import type { MessageAlertPayload, PasswordSmsPayload, PersonLinkedPayload } from '@app/notifications/outbox/outbox.contract';
import { AppConfig } from '@app/platform/config/app-config';
import { SecretBox } from '@app/platform/crypto/secret-box';
import { Clock } from '@app/platform/time/clock';
import { Message, MessageRecipient } from '@app/post';
import { twilioStatusCallbackUrl } from '../delivery-status/twilio-status.service';
import { Templates } from '../templates/templates';
import { type Composed, DeliveryComposer } from './delivery-sender.service';

/** SMS-pumping fraud (OWASP API6): at most this many password SMS to one person per hour. */
const PASSWORD_SMS_PER_HOUR = 3;

/**
 * What a delivery says, read from the rows it refers to at send time (so a message read meanwhile,
 * a contact removed or a password superseded is noticed), in the recipient's language. Texts name
 * only what the recipient may see: the sender, the subject, their own children.
 */
@Injectable()
export class TemplateComposer extends DeliveryComposer {
  constructor(
    private readonly em: EntityManager,
    private readonly templates: Templates,
    private readonly directory: DirectoryQueries,
    private readonly secrets: SecretBox,
    private readonly clock: Clock,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {
    super();
  }

  async compose(d: NotificationDelivery): Promise<Composed> {
    const em = this.em.fork();
    const [event, user] = await Promise.all([em.findOne(OutboxMessage, d.eventId), em.findOne(User, d.userId)]);
    if (!event || !user?.active) return { suppress: 'inactive' };
    const to = d.channel === 'email' ? user.email : user.phone;
    if (!to) return { suppress: 'no-contact' };
    const language = user.language;
    const institution = async (id: string | null | undefined) => (id ? ((await em.findOne(Institution, id))?.name ?? '') : '');

    switch (event.kind) {
      case 'password-sms': {
        const payload = event.payload as unknown as PasswordSmsPayload;
        const refusal = await this.passwordRefusal(em, event, d);
        if (refusal) return { suppress: refusal };
        const body = this.templates.render('password-sms', language, {
          name: user.givenName,
          institution: await institution(payload.institutionId),
          username: user.username,
          password: this.secrets.open(payload.sealedPassword),
        }).sms;
        // The clear password lives only inside the SMS: the sealed copy goes once the SMS is accepted.
        return { sms: { to, body, statusCallback: twilioStatusCallbackUrl(this.config, d.id) }, after: (tx) => eraseSealedPassword(tx, event) };
      }
      case 'message-alert': {
        const payload = event.payload as unknown as MessageAlertPayload;
        const [message, copy] = await Promise.all([
          em.findOne(Message, payload.messageId, { populate: ['sender'] }),
          em.findOne(MessageRecipient, { message: payload.messageId, user: d.userId }),
        ]);
        if (!message || !copy?.deliveredAt) return { suppress: 'withdrawn' };
        if (copy.readAt) return { suppress: 'read' };
        const children = await this.directory.displayNames(copy.studentIds);
        const rendered = this.templates.render(payload.priority === 'urgent' ? 'urgent-alert' : 'message-alert', language, {
          sender: message.sender.displayName,
          subject: message.subject,
          messageId: message.id,
          institution: await institution(message.institution.id),
          children: copy.studentIds.map((id) => children.get(id) ?? '').filter(Boolean),
        });
        return d.channel === 'email' ? { mail: { to, ...rendered.email } } : { sms: { to, body: rendered.sms, statusCallback: twilioStatusCallbackUrl(this.config, d.id) } };
      }
      case 'person-linked': {
        const payload = event.payload as unknown as PersonLinkedPayload;
        const rendered = this.templates.render('person-linked', language, { name: user.givenName, institution: await institution(payload.institutionId) });
        return d.channel === 'email' ? { mail: { to, ...rendered.email } } : { sms: { to, body: rendered.sms, statusCallback: twilioStatusCallbackUrl(this.config, d.id) } };
      }
    }
  }

  /** Why a password SMS must not go: already sent, superseded by a newer password, or too many lately. */
  private async passwordRefusal(em: EntityManager, event: OutboxMessage, d: NotificationDelivery): Promise<string | null> {
    if (!(event.payload as Partial<PasswordSmsPayload>).sealedPassword) return 'already-sent';
    const newer = await em.count(OutboxMessage, {
      kind: 'password-sms',
      payload: { userId: d.userId },
      createdAt: { $gt: event.createdAt },
    } as never);
    if (newer) {
      await eraseSealedPassword(em, event);
      return 'superseded';
    }
    const hourAgo = new Date(this.clock.now().getTime() - 3_600_000);
    const recent = await em.count(NotificationDelivery, {
      userId: d.userId,
      category: 'password',
      channel: 'sms',
      id: { $ne: d.id },
      status: { $in: ['sent', 'delivered', 'unknown', 'sending'] },
      updatedAt: { $gt: hourAgo },
    });
    return recent >= PASSWORD_SMS_PER_HOUR ? 'rate-limit' : null;
  }
}

async function eraseSealedPassword(em: EntityManager, event: OutboxMessage): Promise<void> {
  const { sealedPassword: _erased, ...rest } = event.payload as unknown as PasswordSmsPayload;
  await em.nativeUpdate(OutboxMessage, { id: event.id }, { payload: rest as unknown as Record<string, unknown> });
}
