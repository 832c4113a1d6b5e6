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
  /** The kitchens' meal reports (one job scheduler per institution × report kind) and live count updates. */
  meals: 'meals',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobPayloads {
  /** Send one delivery row (claimed by a conditional update first). */
  'delivery.send': { deliveryId: string };
  /** Build the institution's meal reports that are due (its job schedulers fire at its cut-offs). */
  'meals.report': { institutionId: string };
  /** Tell the kitchen how a reported day's counts changed since it was last told (debounced per institution × date). */
  'meals.update': { institutionId: string; date: string };
}

export type JobName = keyof JobPayloads;

export const JOBS: Readonly<Record<JobName, { queue: QueueName; description: string }>> = {
  'delivery.send': { queue: QUEUES.delivery, description: 'send one e-mail or SMS delivery row' },
  'meals.report': { queue: QUEUES.meals, description: "build an institution's due meal reports (run by its job schedulers)" },
  'meals.update': { queue: QUEUES.meals, description: "push a reported day's changed meal counts to its kitchen" },
};

/**
 * A job id derived from the business key. BullMQ refuses `:` in custom ids and treats an id as taken
 * only while its job exists, so this dedupes concurrent adds; the database row is what prevents a
 * second send.
 */
export const jobIdFor = (name: JobName, key: string) => `${name.replace('.', '-')}-${key}`;
