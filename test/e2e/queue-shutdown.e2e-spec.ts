import { createTestApp } from '../support/test-app';

/**
 * Closing an app whose BullMQ queues are still connecting to Redis (a health probe failing at
 * start-up, a test that only needs the app for a moment) must shut down cleanly, not throw
 * "Connection is closed" out of the queues' connection promises.
 */
describe('queue registry shutdown', () => {
  it('an app created and closed at once shuts down without an error', async () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      for (let i = 0; i < 3; i++) {
        const t = await createTestApp({ notifications: i % 2 === 0 });
        await expect(t.close()).resolves.toBeUndefined();
      }
      // Rejections of promises nobody awaited surface on a later turn.
      await new Promise((r) => setTimeout(r, 200));
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
    // Three app starts (two with the worker, each on a database copied from the template): 5 s alone,
    // but 19–32 s late in a full in-band run, where the 30 s default cut it off mid-start. The test is
    // about errors at shutdown, not speed.
  }, 90_000);
});
