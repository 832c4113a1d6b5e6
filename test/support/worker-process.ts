/**
 * The worker app in a process of its own, for tests that kill it for real (SIGKILL): configured
 * from the environment the test passes (its own database, Redis prefix, SMTP and Twilio servers),
 * on the system clock. Tells the parent over IPC when it is up; stops cleanly on disconnect.
 * Started by {@link startWorkerProcess} through @swc-node/register.
 */
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@app/platform/config/load-config';
import { SystemClock } from '@app/platform/time/clock';
import { WorkerAppModule } from '../../apps/worker/src/worker-app.module';

async function main(): Promise<void> {
  const app = await NestFactory.create(WorkerAppModule.forRoot({ config: loadConfig(process.env), clock: new SystemClock() }), {
    logger: false,
    bodyParser: false,
  });
  await app.init();
  process.once('disconnect', () => {
    void app.close().finally(() => process.exit(0));
  });
  process.send?.({ type: 'ready' });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
