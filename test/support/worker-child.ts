import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';

export interface WorkerChild {
  pid: number;
  /** SIGKILL: no shutdown hooks, jobs and claims left as they are. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** A clean stop (the app closes), killed after `graceMs` if it hangs. */
  stop(graceMs?: number): Promise<void>;
}

/** Starts test/support/worker-process.ts with `env` over this process's and waits until its app is up. */
export async function startWorkerProcess(env: Record<string, string>, readyTimeoutMs = 60_000): Promise<WorkerChild> {
  const child = fork(join(__dirname, 'worker-process.ts'), [], {
    cwd: join(__dirname, '..', '..'),
    execArgv: ['-r', '@swc-node/register'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('worker process not ready in time')), readyTimeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker process exited with ${code} before it was ready`));
    });
    child.on('message', (m: { type?: string }) => {
      if (m.type !== 'ready') return;
      clearTimeout(timer);
      resolve();
    });
  }).catch(async (e: unknown) => {
    child.kill('SIGKILL');
    await exited;
    throw e;
  });
  return {
    pid: child.pid!,
    kill: () => killWith(child, exited),
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      child.disconnect();
      await exited;
      clearTimeout(timer);
    },
  };
}

async function killWith(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGKILL');
  await exited;
}
