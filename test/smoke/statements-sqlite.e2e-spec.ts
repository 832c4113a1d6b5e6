import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { migrateUp } from '../../libs/persistence/src/migrate';
import { startNotificationRig } from '../support/notification-rig';
import { statementScenarios } from '../support/statement-scenarios';

/** Grade statements, test reminders and overdue summaries on the embedded default's database: the same scenarios as on PostgreSQL. */
describe('grade statements and test reminders (SQLite)', () => {
  statementScenarios(async (clock) => {
    const dir = mkdtempSync(join(tmpdir(), 'sp-statements-'));
    const rig = await startNotificationRig(clock, { DATABASE_URL: `sqlite:${join(dir, 'statements.sqlite')}`, DATA_DIR: dir });
    await migrateUp(rig.t.app.get(MikroORM));
    return rig;
  });
});
