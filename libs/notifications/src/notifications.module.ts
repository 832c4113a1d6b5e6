import { Global, Module } from '@nestjs/common';
import { JobProducer } from './jobs/job-producer';
import { OutboxWake } from './outbox/outbox-wake';
import { OutboxWriter } from './outbox/outbox.writer';
import { PreferencesReader } from './preferences/preferences.reader';
import { RealtimeBridge } from './realtime/realtime-bridge';

@Global()
@Module({
  providers: [OutboxWriter, OutboxWake, PreferencesReader, RealtimeBridge, JobProducer],
  exports: [OutboxWriter, OutboxWake, PreferencesReader, RealtimeBridge, JobProducer],
})
export class NotificationsModule {}
