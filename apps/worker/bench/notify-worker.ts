/**
 * The worker for `bench:notify`, in its own process so its memory and CPU are its own: the
 * worker app (relay, sweep, BullMQ processors, SMTP and Twilio senders) configured from the
 * environment the bench passes, reporting its RSS over IPC. Run through @swc-node/register
 * rather than built, which adds the loader's memory to the RSS (the same at start and end).
 */
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@app/platform/config/load-config';
import { SystemClock } from '@app/platform/time/clock';
import { WorkerAppModule } from '../src/worker-app.module';

export type WorkerToBench = { type: 'ready' } | { type: 'memory'; rssMb: number; heapMb: number; cpuMs: number };
/** `settled`: collect garbage first, so the reading is what the worker keeps, not what it has yet to free. */
export type BenchToWorker = { type: 'memory'; settled?: boolean };

async function main(): Promise<void> {
  const app = await NestFactory.create(WorkerAppModule.forRoot({ config: loadConfig(process.env), clock: new SystemClock() }), {
    logger: false,
    bodyParser: false,
  });
  app.enableShutdownHooks();
  await app.init();
  const send = (m: WorkerToBench) => process.send?.(m);
  process.on('message', (m: BenchToWorker) => {
    if (m.type === 'memory') {
      if (m.settled) (globalThis as { gc?: () => void }).gc?.();
      const cpu = process.cpuUsage();
      const memory = process.memoryUsage();
      send({ type: 'memory', rssMb: memory.rss / 2 ** 20, heapMb: memory.heapUsed / 2 ** 20, cpuMs: (cpu.user + cpu.system) / 1000 });
    }
  });
  process.once('disconnect', () => {
    void app.close().finally(() => process.exit(0));
  });
  send({ type: 'ready' });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
