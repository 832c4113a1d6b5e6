/**
 * The one catalogue of queues, jobs and their payloads. Producers and processors import names from
 * here; the worker refuses to start if a job has no handler or two (apps/worker/src/jobs). Payloads
 * carry ids only: what a job sends is read from PostgreSQL when it runs.
 *
 * There is no outbox queue: the relay polls PostgreSQL on a timer, so nothing committed depends on
 * Redis keeping a job (a FLUSHALL loses jobs, never notifications).
 */
export const QUEUES = {
  /** E-mail and SMS sends, one job per delivery row. */
  delivery: 'delivery',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobPayloads {
  /** Send one delivery row (claimed by a conditional update first). */
  'delivery.send': { deliveryId: string };
}

export type JobName = keyof JobPayloads;

export const JOBS: Readonly<Record<JobName, { queue: QueueName; description: string }>> = {
  'delivery.send': { queue: QUEUES.delivery, description: 'send one e-mail or SMS delivery row' },
};

/**
 * A job id derived from the business key. BullMQ refuses `:` in custom ids and treats an id as taken
 * only while its job exists, so this dedupes concurrent adds; the database row is what prevents a
 * second send.
 */
export const jobIdFor = (name: JobName, key: string) => `${name.replace('.', '-')}-${key}`;
