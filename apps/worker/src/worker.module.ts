import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { DeliveryStatusModule } from './delivery-status/delivery-status.module';
import { QueueRegistry } from './queues/queue-registry.service';

/** BullMQ processors (outbox relay, e-mail, SMS, reports) arrive with the notifications issue. */
@Module({ imports: [TerminusModule, DeliveryStatusModule], providers: [QueueRegistry], exports: [QueueRegistry] })
export class WorkerModule {}
