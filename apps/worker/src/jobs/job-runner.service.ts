import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { type Job, Worker } from 'bullmq';
import { bullOptions, closeWhenSettled } from '@app/notifications/jobs/bull-connection';
import { JOBS, type JobName, type JobPayloads, jobIdFor, QUEUES, type QueueName } from '@app/notifications/jobs/job-catalogue';
import { AppConfig } from '@app/platform/config/app-config';
import { QueueRegistry } from '../queues/queue-registry.service';

const ENQUEUE_SLICE = 500;
/**
 * Jobs one worker runs at once. Delivery jobs mostly wait (PostgreSQL, the provider), and the
 * sender serves concurrent jobs with shared statements, so many in flight make big batches; the
 * providers' own limits (SMTP pool connections, Twilio sockets) bound the calls that go out.
 */
const CONCURRENCY = 200;

type Handler<K extends JobName> = (payload: JobPayloads[K], job: Job) => Promise<void>;

/**
 * Processors register one handler per job of the catalogue; at start-up the runner refuses to go on
 * if a job has no handler or two, then opens one BullMQ worker per queue that dispatches by job name.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private readonly handlers = new Map<JobName, Handler<JobName>[]>();
  private readonly workers: Worker[] = [];

  constructor(
    private readonly queues: QueueRegistry,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  handle<K extends JobName>(name: K, handler: Handler<K>): void {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler as Handler<JobName>]);
  }

  /** Adds jobs whose ids derive from their keys: adding one that is still queued is a no-op. */
  async enqueue<K extends JobName>(name: K, items: { key: string; payload: JobPayloads[K] }[]): Promise<void> {
    if (!items.length) return;
    const queue = this.queues.queue(JOBS[name].queue);
    // In slices: one addBulk of a relay's 10,000 deliveries builds one huge Redis pipeline in memory.
    for (let i = 0; i < items.length; i += ENQUEUE_SLICE) {
      await queue.addBulk(
        items.slice(i, i + ENQUEUE_SLICE).map((item) => ({
          name,
          data: item.payload,
          opts: { jobId: jobIdFor(name, item.key), removeOnComplete: true, removeOnFail: true, attempts: 1 },
        })),
      );
    }
  }

  /** Throws naming every job without exactly one handler. */
  verify(): void {
    const problems = (Object.keys(JOBS) as JobName[])
      .map((name) => [name, this.handlers.get(name)?.length ?? 0] as const)
      .filter(([, n]) => n !== 1)
      .map(([name, n]) => `${name} has ${n === 0 ? 'no handler' : `${n} handlers`}`);
    const unknown = [...this.handlers.keys()].filter((name) => !(name in JOBS));
    if (problems.length || unknown.length) {
      throw new Error(`The job catalogue and its handlers disagree: ${[...problems, ...unknown.map((n) => `${n} is not in the catalogue`)].join('; ')}`);
    }
  }

  onApplicationBootstrap(): void {
    this.verify();
    if (!this.config.env.NOTIFICATIONS_WORKER) return;
    for (const queue of Object.values(QUEUES) as QueueName[]) {
      const lock = this.config.env.JOB_LOCK_DURATION;
      const worker = new Worker(queue, (job) => this.dispatch(job), { ...bullOptions(this.config.env), concurrency: CONCURRENCY, lockDuration: lock, stalledInterval: lock });
      worker.on('error', (err) => this.logger.warn({ err }, 'worker connection error'));
      // Handlers keep their state in PostgreSQL and are not retried by BullMQ (attempts: 1), so a
      // throw is a bug or an outage to see, not a step of the work.
      worker.on('failed', (job, err) => this.logger.error({ err, job: job?.name, jobId: job?.id }, 'job failed'));
      this.workers.push(worker);
    }
  }

  /** Whether the job for this key is being processed right now (a live worker holds its lock). */
  async isRunning<K extends JobName>(name: K, key: string): Promise<boolean> {
    const job = await this.queues.queue(JOBS[name].queue).getJob(jobIdFor(name, key));
    return job ? job.isActive() : false;
  }

  /** Stops taking new jobs (those running finish); for operations and for tests of lost queues. */
  async pauseWorkers(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.pause()));
  }

  resumeWorkers(): void {
    for (const w of this.workers) w.resume();
  }

  private async dispatch(job: Job): Promise<void> {
    const [handler] = this.handlers.get(job.name as JobName) ?? [];
    if (!handler) throw new Error(`no handler for ${job.name}`);
    await handler(job.data, job);
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.workers.map((w) => closeWhenSettled(w)));
  }
}
