import { dropDatabase } from './services';

export default async function globalTeardown(): Promise<void> {
  const admin = process.env.SP_TEST_PG_ADMIN_URL;
  const url = process.env.SP_TEST_DATABASE_URL;
  if (admin && url && process.env.SP_TEST_KEEP_DB !== 'true') {
    await dropDatabase(admin, new URL(url).pathname.slice(1));
    if (process.env.SP_TEST_TEMPLATE_DB) await dropDatabase(admin, process.env.SP_TEST_TEMPLATE_DB);
  }
  const pid = Number(process.env.SP_TEST_PRIVATE_PG_PID);
  if (pid) process.kill(-pid, 'SIGTERM');
}
