import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { migrateUp } from '../../libs/persistence/src/migrate';
import { mealReportScenarios } from '../support/meal-report-scenarios';
import { startNotificationRig } from '../support/notification-rig';

/** The kitchen's reports on the embedded default's database: the same scenarios as on PostgreSQL. */
describe('kitchen meal reports (SQLite)', () => {
  mealReportScenarios(async (clock) => {
    const dir = mkdtempSync(join(tmpdir(), 'sp-meal-reports-'));
    const rig = await startNotificationRig(clock, { DATABASE_URL: `sqlite:${join(dir, 'reports.sqlite')}`, DATA_DIR: dir });
    await migrateUp(rig.t.app.get(MikroORM));
    return rig;
  });
});
