import { MikroORM } from '@mikro-orm/core';
import { INestApplication, Logger, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PasswordService } from '@app/auth/passwords/password.service';
import { migrateUp } from '@app/persistence/migrate';
import { AppConfig, ConfigError } from '@app/platform/config/app-config';
import { loadConfig } from '@app/platform/config/load-config';
import { configureHttp } from '@app/platform/http/configure-http';
import { CalendarService } from '@app/platform/time/calendar.service';
import { DemoAccount, seedDemoData } from './demo/demo-data';

export interface StartOptions {
  title: string;
  /** Root module factory, given the validated configuration. */
  module: (config: AppConfig) => Type<unknown> | import('@nestjs/common').DynamicModule;
  defaultPort: number;
  /** Apply migrations before listening (embedded default; production runs `npm run db:migrate`). */
  migrate: (config: AppConfig) => boolean;
  /** Seed demo data into an empty database and write data/demo-accounts.json. */
  demo: (config: AppConfig) => boolean;
  /** Runs before Nest starts, e.g. to find or start Redis. May adjust the environment. */
  prepare?: (config: AppConfig) => Promise<void>;
}

/** The one start-up path shared by every app's main.ts. */
export async function startApp(options: StartOptions): Promise<INestApplication> {
  let config: AppConfig;
  try {
    config = loadConfig();
    await options.prepare?.(config);
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError || (e instanceof Error && e.name === 'StartupError')) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const app = await NestFactory.create(options.module(config), { bufferLogs: true, bodyParser: false });
  configureHttp(app, options.title);
  const log = new Logger('Startup');
  if (options.migrate(config)) {
    const applied = await migrateUp(app.get(MikroORM));
    if (applied.length) log.log(`applied migrations: ${applied.join(', ')}`);
  }
  if (options.demo(config)) await seedDemo(app, config, log);
  const port = config.env.PORT ?? options.defaultPort;
  await app.listen(port, config.env.HOST);
  log.log(`${options.title} listening on http://localhost:${port} (docs at /docs, health at /health)`);
  return app;
}

async function seedDemo(app: INestApplication, config: AppConfig, log: Logger): Promise<void> {
  const calendar = app.get(CalendarService);
  const em = app.get(MikroORM).em.fork();
  const file = join(config.env.DATA_DIR, 'demo-accounts.json');
  const created = await seedDemoData(em, { passwords: app.get(PasswordService), today: calendar.today(), now: calendar.now() });
  if (created) writeFileSync(file, JSON.stringify(created, null, 2) + '\n', { mode: 0o600 });
  const accounts: DemoAccount[] = created ?? (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : []);
  if (!accounts.length) return;
  log.log(`${created ? 'demo data created; ' : ''}demo logins are in ${file}`);
  // A table for the person at the terminal, not a log record.
  const rows = accounts.map((a) => `  ${a.institution.padEnd(46)} ${a.role.padEnd(17)} ${a.username.padEnd(26)} ${a.password}`);
  process.stdout.write(`\nDemo logins (demo mode only):\n${rows.join('\n')}\n\n`);
}
