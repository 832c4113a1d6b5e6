/**
 * The one catalogue of queues, job names and payloads. Producers and processors import names
 * from here; the worker refuses to start if a job has no handler or two. Payloads carry ids only.
 */
export const QUEUES = {
  /** Moves committed outbox rows into the delivery queues. */
  outbox: 'outbox',
  /** E-mail and SMS sends, one job per recipient and channel. */
  delivery: 'delivery',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
