import { Module } from '@nestjs/common';
import { ModerationModule } from '@app/moderation/moderation.module';
import { AudienceService } from './audience/audience.service';
import { InboxEvents } from './inbox-events/inbox-events.service';
import { MailboxService } from './mailbox/mailbox.service';
import { MessageAccess } from './messages/message-access';
import { MessagesController } from './messages/messages.controller';
import { MessagesService } from './messages/messages.service';
import { SendRateLimit } from './messages/send-rate-limit';
import { ModerationController } from './moderation/moderation.controller';
import { ModerationQueueService } from './moderation/moderation-queue.service';
import { ReceiptsService } from './receipts/receipts.service';
import { BridgeRelay } from './realtime/bridge-relay';
import { RealtimePublisher } from './realtime/realtime.contract';
import { RealtimeGateway } from './realtime/realtime.gateway';
import { SocketPublisher } from './realtime/socket.publisher';

/**
 * The post: messages, receipts, acknowledgements, the moderation gate and the socket.io gateway.
 * Controllers and the gateway are thin; rules live in the services (policy in audience/messaging-policy).
 */
@Module({
  imports: [ModerationModule],
  controllers: [MessagesController, ModerationController],
  providers: [
    MessageAccess,
    AudienceService,
    MessagesService,
    SendRateLimit,
    MailboxService,
    ReceiptsService,
    ModerationQueueService,
    InboxEvents,
    SocketPublisher,
    { provide: RealtimePublisher, useExisting: SocketPublisher },
    BridgeRelay,
    RealtimeGateway,
  ],
})
export class MailModule {}
