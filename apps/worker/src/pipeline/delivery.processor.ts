import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobRunner } from '../jobs/job-runner.service';
import { DeliverySender } from './delivery-sender.service';

/** The `delivery.send` job: everything it needs is in the row; the sender decides. */
@Injectable()
export class DeliveryProcessor implements OnModuleInit {
  constructor(
    private readonly jobs: JobRunner,
    private readonly sender: DeliverySender,
  ) {}

  onModuleInit(): void {
    this.jobs.handle('delivery.send', async ({ deliveryId }) => {
      await this.sender.send(deliveryId);
    });
  }
}
