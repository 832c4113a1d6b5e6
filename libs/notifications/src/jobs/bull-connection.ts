import type { Queue } from 'bullmq';

/** Where every queue, worker and producer of the catalogue connects (one prefix per deployment). */
export function bullOptions(env: { REDIS_URL: string; REDIS_PREFIX: string }) {
  return { connection: { url: env.REDIS_URL, maxRetriesPerRequest: null }, prefix: `${env.REDIS_PREFIX}:bull` };
}

/** How long shutdown waits for a queue still connecting before it closes the queue anyway. */
const CONNECT_GRACE_MS = 2000;

/**
 * Closes a BullMQ queue or worker once its connection has settled. BullMQ closing one that is still connecting
 * drops its listeners first, then its pending connect fails with "Connection is closed" and is
 * re-emitted as an `error` nobody listens to: an unhandled rejection in the middle of shutdown.
 * With Redis unreachable the wait is bounded so shutdown cannot hang; the process is stopping then anyway.
 */
export async function closeWhenSettled(queue: Pick<Queue, 'waitUntilReady' | 'close'>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    queue.waitUntilReady().catch(() => undefined),
    new Promise((resolve) => (timer = setTimeout(resolve, CONNECT_GRACE_MS))),
  ]);
  clearTimeout(timer);
  await queue.close();
}
