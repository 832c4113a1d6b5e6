import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@app/audit/audit.module';
import { AuthModule } from '@app/auth/auth.module';
import { DirectoryModule } from '@app/directory/directory.module';
import { NotificationsModule } from '@app/notifications/notifications.module';
import { PersistenceModule } from '@app/persistence/persistence.module';
import { PlatformModule, PlatformOptions } from '@app/platform/platform.module';

/** Everything each app stands on; imported once per process (the embedded default shares it). */
@Module({})
export class CoreModule {
  static forRoot(options: PlatformOptions = {}): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        PlatformModule.forRoot(options),
        PersistenceModule,
        AuditModule,
        AuthModule,
        DirectoryModule,
        NotificationsModule,
      ],
    };
  }
}
