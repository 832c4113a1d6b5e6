import { startApp } from '@app/bootstrap/start-app';
import { WorkerAppModule } from './worker-app.module';

void startApp({
  title: 'skolas-pasts worker',
  module: (config) => WorkerAppModule.forRoot({ config }),
  defaultPort: 3003,
  migrate: (config) => config.env.MIGRATE_ON_START,
  demo: (config) => config.env.DEMO_DATA === true,
});
