import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { QueueRegistry } from './queues/queue-registry.service';

/** BullMQ processors (outbox relay, e-mail, SMS, reports) arrive with the notifications issue. */
@Module({ imports: [TerminusModule], providers: [QueueRegistry], exports: [QueueRegistry] })
export class WorkerModule {}
