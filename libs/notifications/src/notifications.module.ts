import { Global, Module } from '@nestjs/common';
import { OutboxWake } from './outbox/outbox-wake';
import { OutboxWriter } from './outbox/outbox.writer';
import { PreferencesReader } from './preferences/preferences.reader';

@Global()
@Module({ providers: [OutboxWriter, OutboxWake, PreferencesReader], exports: [OutboxWriter, OutboxWake, PreferencesReader] })
export class NotificationsModule {}
