import { Global, Module } from '@nestjs/common';
import { OutboxWriter } from './outbox/outbox.writer';
import { PreferencesReader } from './preferences/preferences.reader';

@Global()
@Module({ providers: [OutboxWriter, PreferencesReader], exports: [OutboxWriter, PreferencesReader] })
export class NotificationsModule {}
