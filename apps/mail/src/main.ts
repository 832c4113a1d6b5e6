import { startApp } from '@app/bootstrap/start-app';
import { MailAppModule } from './mail-app.module';

void startApp({
  title: 'skolas-pasts mail',
  module: (config) => MailAppModule.forRoot({ config }),
  defaultPort: 3002,
  migrate: (config) => config.env.MIGRATE_ON_START,
  demo: (config) => config.env.DEMO_DATA === true,
});
