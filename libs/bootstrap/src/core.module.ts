import { DynamicModule, Module } from '@nestjs/common';
import { AccessModule } from '@app/access/access.module';
import { AuditModule } from '@app/audit/audit.module';
import { AuthModule } from '@app/auth/auth.module';
import { DirectoryModule } from '@app/directory/directory.module';
import { NotificationsModule } from '@app/notifications/notifications.module';
import { PersistenceModule } from '@app/persistence/persistence.module';
import type { AppConfig } from '@app/platform/config/app-config';
import { PlatformModule } from '@app/platform/platform.module';
import type { Clock } from '@app/platform/time/clock';

export interface CoreOptions {
  config: AppConfig;
  clock?: Clock;
}

/** Everything each app stands on; imported once per process (the embedded default shares it). */
@Module({})
export class CoreModule {
  static forRoot(options: CoreOptions): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        PlatformModule.forRoot(options),
        PersistenceModule.forRoot(options.config),
        AuditModule,
        AuthModule,
        DirectoryModule,
        AccessModule,
        NotificationsModule,
      ],
    };
  }
}
