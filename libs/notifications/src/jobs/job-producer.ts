import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig } from '@app/platform/config/app-config';
import { bullOptions, closeWhenSettled } from './bull-connection';
import { JOBS, type JobName, type JobPayloads, jobIdFor, type QueueName } from './job-catalogue';

/**
 * Adds jobs of the catalogue from any app (the journal asks the worker for work this way); queues
 * open on first use, so an app that never adds a job holds no BullMQ connection.
 */
@Injectable()
export class JobProducer implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(@Inject(AppConfig) private readonly config: AppConfig) {}

  /**
   * A job that runs `delayMs` after the first add for `key`: adds while it waits fold into it (its
   * handler must read the state when it runs), and an add while it runs makes it run once more
   * afterwards (BullMQ deduplication with `keepLastIfActive`), so no change goes unseen.
   */
  async debounced<K extends JobName>(name: K, key: string, payload: JobPayloads[K], delayMs: number): Promise<void> {
    await this.queue(JOBS[name].queue).add(name, payload, {
      delay: delayMs,
      deduplication: { id: jobIdFor(name, key), keepLastIfActive: true },
      removeOnComplete: true,
      removeOnFail: true,
    });
  }

  private queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, bullOptions(this.config.env));
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => closeWhenSettled(q)));
  }
}
