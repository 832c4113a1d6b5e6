import { Global, Module } from '@nestjs/common';
import { OutboxWriter } from './outbox/outbox.writer';

@Global()
@Module({ providers: [OutboxWriter], exports: [OutboxWriter] })
export class NotificationsModule {}
