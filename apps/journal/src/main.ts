import { startApp } from '@app/bootstrap/start-app';
import { JournalAppModule } from './journal-app.module';

void startApp({
  title: 'skolas-pasts journal',
  module: (config) => JournalAppModule.forRoot({ config }),
  defaultPort: 3001,
  migrate: (config) => config.env.MIGRATE_ON_START,
  demo: (config) => config.env.DEMO_DATA === true,
});
